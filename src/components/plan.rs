//! The treatment plan: pick a start date and the treatments, see them dated month by month
//! for a year, and take the dates into a calendar app as an `.ics` file.

use std::rc::Rc;

use skin_consult_engine::{to_ics, ProcedureResult};
use yew::prelude::*;

use super::plan_overview::PlanOverview;
use super::timeline::Timeline;
use crate::app::state::Action;
use crate::hooks::host::use_today;
use crate::hooks::prices::use_plan_estimate;
use crate::hooks::{use_config, use_consult, use_outcome};
use crate::host::browser;
use crate::i18n::{t, tf};

/// Properties of [`PlanSection`].
#[derive(Properties, PartialEq)]
pub struct PlanProps {
    /// The suggested procedures (with plans) the patient may include.
    pub suggested: Vec<ProcedureResult>,
}

/// The plan section of the results screen.
#[component(PlanSection)]
pub fn plan_section(props: &PlanProps) -> Html {
    let consult = use_consult();
    let config = use_config();
    let today = use_today();
    let lang = consult.lang.as_str();
    let ranked: Vec<&str> = props
        .suggested
        .iter()
        .map(|r| r.procedure_id.as_str())
        .collect();
    let outcome = use_outcome();
    let selected = &outcome.in_plan;
    let start = consult.plan_start_date(today);
    let dated = outcome
        .dated_plan
        .as_ref()
        .map_err(|p| t(lang, p.text_key()));
    let estimate = use_plan_estimate(outcome.clone());
    let on_date = {
        let consult = consult.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            consult.dispatch(Action::SetPlanStart((!value.is_empty()).then_some(value)));
        })
    };
    let start_value = match &start {
        Ok(date) => date.to_iso(),
        Err(text) => text.clone(),
    };
    // The calendar file is built at the click: its DTSTAMP is the moment it was made.
    let download = dated.as_ref().ok().map(|plan| {
        let (plan, catalog, lang) = (Rc::clone(plan), consult.catalog.clone(), lang.to_string());
        let clinic = config.clinic.display_name(&lang);
        Callback::from(move |_| {
            let ics = browser::now_utc()
                .and_then(|stamp| to_ics(&plan, &catalog, &lang, &clinic, stamp).ok());
            if let Some(ics) = ics {
                browser::download("treatment-plan.ics", "text/calendar;charset=utf-8", &ics);
            }
        })
    });
    let checkboxes = props.suggested.iter().map(|r| {
        let id = r.procedure_id.clone();
        let toggle = {
            let consult = consult.clone();
            let id = id.clone();
            Callback::from(move |_: Event| consult.dispatch(Action::TogglePlanProcedure(id.clone())))
        };
        html! {
            <label class="sc-option">
                <input type="checkbox" checked={selected.contains(&id)} onchange={toggle} data-plan-procedure={id.clone()} />
                <span>{ config.procedure_name(&consult.catalog, &id, lang).to_string() }</span>
            </label>
        }
    });
    html! {
        <section class="sc-plan" aria-labelledby="sc-plan-title">
            <h2 id="sc-plan-title">{ t(lang, "plan_title") }</h2>
            <p>{ t(lang, "plan_lead") }</p>
            <div class="sc-plan-controls sc-no-print">
                <label class="sc-date">
                    <span>{ t(lang, "plan_start") }</span>
                    <input type="date" min={today.to_iso()} value={start_value} onchange={on_date} data-plan-start="" />
                </label>
                // Folded: the default plan is a sensible start; changing it is one tap away.
                <details class="sc-plan-choose" data-plan-choose="">
                    <summary>{ tf(lang, "plan_choose", &[("count", &selected.len().to_string()), ("total", &ranked.len().to_string())]) }</summary>
                    <fieldset class="sc-fieldset">
                        <legend>{ t(lang, "plan_include") }</legend>
                        <div class="sc-options">{ for checkboxes }</div>
                    </fieldset>
                </details>
            </div>
            { match &dated {
                Ok(plan) => html! {
                    <>
                        <PlanOverview schedule={Rc::clone(plan)} />
                        if let Some(estimate) = estimate.as_ref() {
                            <div class="sc-estimate" data-plan-estimate="">
                                <p><strong>{ estimate.total.clone() }</strong></p>
                                <p class="sc-help">{ t(lang, "plan_estimate_note") }</p>
                                if !estimate.unpriced.is_empty() {
                                    <p class="sc-help">{ tf(lang, "plan_estimate_unpriced", &[("names", &estimate.unpriced.join(", "))]) }</p>
                                }
                            </div>
                        }
                        // The table is the year at a glance; the dates and why open on a tap.
                        <details class="sc-dates" data-plan-dates="">
                            <summary>{ tf(lang, "plan_dates", &[("count", &plan.sessions.len().to_string())]) }</summary>
                            <Timeline schedule={Rc::clone(plan)} />
                        </details>
                    </>
                },
                Err(message) => html! { <p class="sc-error" role="alert" data-plan-error="">{ message.clone() }</p> },
            } }
            if let Some(download) = download {
                <div class="sc-actions sc-no-print">
                    <button type="button" class="sc-button sc-primary" onclick={download}>{ t(lang, "plan_download") }</button>
                </div>
            }
        </section>
    }
}
