//! One procedure on the results screen: what it is, why (or why not), how often, what to expect.

use std::rc::Rc;

use skin_consult_engine::{describe_plan, Catalog, ProcedureResult, Status};
use yew::prelude::*;

use crate::i18n::{capitalize_first, t, tf};

/// Properties of [`ProcedureCard`].
#[derive(Properties, PartialEq)]
pub struct ProcedureCardProps {
    /// The catalog the result refers to.
    pub catalog: Rc<Catalog>,
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
    let fact = |key: &str, value: &str| html! { <><dt>{ t(lang, key) }</dt><dd>{ value.to_string() }</dd></> };
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
            if detailed {
                <dl class="sc-facts">
                    if let Some(plan) = &result.plan {
                        { fact("how_often", &capitalize_first(&describe_plan(plan, props.catalog.locale(lang)), lang)) }
                    }
                    { fact("session_length", procedure.session_length.get(lang)) }
                    { fact("downtime", procedure.downtime.get(lang)) }
                    { fact("pain", procedure.pain.get(lang)) }
                </dl>
                <details class="sc-more">
                    <summary>{ t(lang, "aftercare") }</summary>
                    <ul>{ for procedure.aftercare.iter().map(|a| html! { <li>{ a.get(lang) }</li> }) }</ul>
                </details>
                <details class="sc-more">
                    <summary>{ t(lang, "how_it_is_done") }</summary>
                    <ol>{ for procedure.steps.iter().map(|s| html! { <li>{ s.get(lang) }</li> }) }</ol>
                </details>
            }
        </article>
    }
}
