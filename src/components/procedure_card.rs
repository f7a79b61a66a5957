//! One procedure on the results screen: name, what it is in one line, how often and the
//! decisive reason; why, what to expect, side effects, aftercare and how it is done open on
//! request (a native `<details>`, which a print opens).

use skin_consult_engine::{describe_plan, ProcedureResult, Status};
use yew::prelude::*;

use crate::app::state::SharedCatalog;
use crate::hooks::use_config;
use crate::i18n::{capitalize_first, t, tf};

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
    /// The clinic's price of a session ("From ₺2,500 a session"), when it shows one.
    #[prop_or_default]
    pub price: Option<AttrValue>,
}

/// The first clause of a summary ("A professional deep-cleansing facial ..."), for one line.
pub fn first_clause(summary: &str) -> &str {
    let end = [": ", ". ", "; "]
        .iter()
        .filter_map(|sep| summary.find(sep))
        .min()
        .unwrap_or(summary.len());
    summary[..end].trim_end_matches('.')
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
    let how_often = result
        .plan
        .as_ref()
        .filter(|_| detailed)
        .map(|plan| capitalize_first(&describe_plan(plan, props.catalog.locale(lang)), lang));
    let price = props.price.clone().filter(|_| detailed);
    let lead = result.reasons.first().map(|r| r.text.get(lang).to_string());
    html! {
        <article class="sc-card" data-procedure={procedure.id.clone()} data-status={result.status.as_str()}
            aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ props.name.clone() }</h3>
            <p class="sc-card-what">{ first_clause(procedure.summary.get(lang)) }</p>
            if let Some(how_often) = &how_often {
                <dl class="sc-facts sc-facts-often">{ fact("how_often", how_often, by_clinic(|r| r.frequency)) }</dl>
            }
            if let Some(price) = price {
                <p class="sc-card-price" data-price="">{ price }</p>
            }
            if let Status::Deferred { until } = &result.status {
                <p class="sc-until">{ tf(lang, "until", &[("until", until.get(lang))]) }</p>
            }
            if let Some(lead) = lead {
                <p class="sc-card-reason">{ lead }</p>
            }
            if !result.notes.is_empty() {
                <div class="sc-notes">
                    <h4>{ t(lang, "notes") }</h4>
                    <ul>{ for result.notes.iter().map(|n| html! { <li>{ n.text.get(lang) }</li> }) }</ul>
                </div>
            }
            <details class="sc-more sc-card-details" data-details="">
                <summary>{ t(lang, "details") }<span class="sc-visually-hidden">{ ": " }{ props.name.clone() }</span></summary>
                <p>{ procedure.summary.get(lang) }</p>
                <h4>{ t(lang, "why") }</h4>
                <ul class="sc-reasons">{ for reasons }</ul>
                if detailed {
                    <dl class="sc-facts">
                        { fact("session_length", procedure.session_length.get(lang), by_clinic(|r| r.session_length)) }
                        { fact("downtime", procedure.downtime.get(lang), by_clinic(|r| r.downtime)) }
                        { fact("pain", procedure.pain.get(lang), false) }
                    </dl>
                }
                if !procedure.side_effects.is_empty() {
                    <h4>{ t(lang, "side_effects") }</h4>
                    <ul class="sc-side-effects">{ for procedure.side_effects.iter().map(|e| html! { <li>{ e.text.get(lang) }</li> }) }</ul>
                }
                if detailed {
                    <h4>{ t(lang, "aftercare") }</h4>
                    <ul>{ for procedure.aftercare.iter().map(|a| html! { <li>{ a.get(lang) }</li> }) }</ul>
                    <h4>{ t(lang, "how_it_is_done") }</h4>
                    <ol>{ for procedure.steps.iter().map(|s| html! { <li>{ s.get(lang) }</li> }) }</ol>
                    if let Some(medicine) = procedure.prescription_medicine.as_ref().filter(|_| config.name_prescription_medicines) {
                        <p class="sc-medicine">{ tf(lang, "medicine", &[("name", medicine.get(lang))]) }</p>
                    }
                }
            </details>
        </article>
    }
}
