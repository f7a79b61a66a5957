//! One procedure on the results screen: what it is, why (or why not), how often, what to expect.

use skin_consult_engine::{describe_plan, ProcedureResult, Status};
use yew::prelude::*;

use super::use_config;
use crate::i18n::{capitalize_first, t, tf};
use crate::state::SharedCatalog;

/// Properties of [`ProcedureCard`].
#[derive(Properties, PartialEq)]
pub struct ProcedureCardProps {
    /// The catalog the result refers to.
    pub catalog: SharedCatalog,
    /// The assessment of this procedure.
    pub result: ProcedureResult,
    /// Display language.
    pub lang: AttrValue,
    /// The name to show (the clinic may replace the catalog's).
    pub name: AttrValue,
}

/// A card with `data-procedure` and `data-status` (a stable contract for tests and clinics).
#[component(ProcedureCard)]
pub fn procedure_card(props: &ProcedureCardProps) -> Html {
    let config = use_config();
    let lang = props.lang.as_str();
    let result = &props.result;
    let Some(procedure) = props.catalog.procedure(&result.procedure_id) else {
        return Html::default();
    };
    let title_id = format!("sc-card-{}", procedure.id);
    let reasons = result
        .reasons
        .iter()
        .map(|r| html! { <li>{ r.text.get(lang) }</li> });
    let detailed = matches!(result.status, Status::Suggested | Status::Caution);
    // What the clinic changed in this procedure (with its reviewer's name) says so.
    let reviewed = config.reviewed.get(&procedure.id);
    let fact = |key: &str, value: &str, by_clinic: bool| {
        html! { <><dt>{ t(lang, key) }</dt><dd>{ value.to_string() }
            if let Some(r) = reviewed.filter(|_| by_clinic) {
                <span class="sc-clinic-set" data-reviewed-by={r.reviewed_by.clone()}>{ tf(lang, "clinic_set", &[("name", &r.reviewed_by)]) }</span>
            }
        </dd></> }
    };
    let by_clinic = |part: fn(&crate::config::Reviewed) -> bool| reviewed.is_some_and(part);
    html! {
        <article class="sc-card" data-procedure={procedure.id.clone()} data-status={result.status.as_str()}
            aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ props.name.clone() }</h3>
            <p>{ procedure.summary.get(lang) }</p>
            if let Status::Deferred { until } = &result.status {
                <p class="sc-until">{ tf(lang, "until", &[("until", until.get(lang))]) }</p>
            }
            <h4>{ t(lang, "why") }</h4>
            <ul class="sc-reasons">{ for reasons }</ul>
            if !result.notes.is_empty() {
                <div class="sc-notes">
                    <h4>{ t(lang, "notes") }</h4>
                    <ul>{ for result.notes.iter().map(|n| html! { <li>{ n.text.get(lang) }</li> }) }</ul>
                </div>
            }
            if detailed {
                <dl class="sc-facts">
                    if let Some(plan) = &result.plan {
                        { fact("how_often", &capitalize_first(&describe_plan(plan, props.catalog.locale(lang)), lang), by_clinic(|r| r.frequency)) }
                    }
                    { fact("session_length", procedure.session_length.get(lang), by_clinic(|r| r.session_length)) }
                    { fact("downtime", procedure.downtime.get(lang), by_clinic(|r| r.downtime)) }
                    { fact("pain", procedure.pain.get(lang), false) }
                </dl>
                <details class="sc-more">
                    <summary>{ t(lang, "aftercare") }</summary>
                    <ul>{ for procedure.aftercare.iter().map(|a| html! { <li>{ a.get(lang) }</li> }) }</ul>
                </details>
                <details class="sc-more">
                    <summary>{ t(lang, "how_it_is_done") }</summary>
                    <ol>{ for procedure.steps.iter().map(|s| html! { <li>{ s.get(lang) }</li> }) }</ol>
                    if let Some(medicine) = procedure.prescription_medicine.as_ref().filter(|_| config.name_prescription_medicines) {
                        <p class="sc-medicine">{ tf(lang, "medicine", &[("name", medicine.get(lang))]) }</p>
                    }
                </details>
            }
        </article>
    }
}
