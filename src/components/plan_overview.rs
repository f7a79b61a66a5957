//! The plan at a glance: a small table of treatments by month, above the dated list. A real
//! `<table>` with headers, so a screen reader reads "month, treatment, sessions".

use std::rc::Rc;

use skin_consult_engine::{Phase, Schedule};
use yew::prelude::*;

use crate::hooks::host::use_month_headings;
use crate::hooks::{use_config, use_consult};
use crate::i18n::t;

/// Properties of [`PlanOverview`].
#[derive(Properties, PartialEq)]
pub struct PlanOverviewProps {
    /// The dated plan.
    pub schedule: Rc<Schedule>,
}

/// Treatments (columns) by month (rows): how many sessions, or "review".
#[component(PlanOverview)]
pub fn plan_overview(props: &PlanOverviewProps) -> Html {
    let consult = use_consult();
    let config = use_config();
    let lang = consult.lang.as_str();
    let plan = &props.schedule;
    let mut procedures: Vec<&str> = Vec::new();
    for s in &plan.sessions {
        if !procedures.contains(&s.procedure_id.as_str()) {
            procedures.push(&s.procedure_id);
        }
    }
    // Every month from the start to the end, including months without a session.
    let mut months = Vec::new();
    let mut day = plan.start;
    while day <= plan.end {
        if months.last().is_none_or(|m: &skin_consult_engine::Date| {
            (m.year(), m.month()) != (day.year(), day.month())
        }) {
            months.push(day);
        }
        day = day.add_days(1);
    }
    let headings = use_month_headings(
        months.iter().map(|m| (m.year(), m.month())).collect(),
        lang.to_string(),
    );
    let cell = |month: &skin_consult_engine::Date, id: &str| {
        let here: Vec<_> = plan
            .sessions
            .iter()
            .filter(|s| {
                s.procedure_id == id
                    && (s.date.year(), s.date.month()) == (month.year(), month.month())
            })
            .collect();
        if here.iter().any(|s| s.phase == Phase::Review) {
            t(lang, "plan_review")
        } else if here.is_empty() {
            String::new()
        } else {
            here.len().to_string()
        }
    };
    html! {
        <div class="sc-overview-wrap">
            <table class="sc-overview" data-plan-overview="">
                <caption>{ t(lang, "plan_overview") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, "plan_overview_month") }</th>
                        { for procedures.iter().map(|id| html! {
                            <th scope="col">{ config.procedure_name(&consult.catalog, id, lang).to_string() }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for months.iter().zip(headings.iter()).map(|(m, heading)| html! {
                        <tr>
                            <th scope="row">{ heading }</th>
                            { for procedures.iter().map(|id| html! { <td>{ cell(m, id) }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
