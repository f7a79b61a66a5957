//! The results screen: a referral, or the procedures grouped by status, then booking, sharing
//! and the ways to change or clear the answers.

use std::rc::Rc;

use skin_consult_engine::{assess, Assessment, ProcedureResult};
use yew::prelude::*;

use super::{
    alternatives::Alternatives, booking::Booking, plan::PlanSection, procedure_card::ProcedureCard,
    referral::ReferralView, share_panel::SharePanel, use_config, use_consult,
};
use crate::browser;
use crate::i18n::t;
use crate::state::Action;

/// The results of the consultation.
#[component(Results)]
pub fn results() -> Html {
    let consult = use_consult();
    let config = use_config();
    let lang = consult.lang.as_str();
    let answers = consult.effective_answers();
    let assessment = {
        let catalog = consult.catalog.clone();
        use_memo(answers.clone(), move |answers| assess(&catalog, answers))
    };
    let body = match &*assessment {
        Assessment::Referral(referral) => html! {
            <ReferralView referral={referral.clone()} catalog={consult.catalog.clone()}
                answers={answers.clone()} lang={consult.lang.clone()} />
        },
        Assessment::Recommendations(results) => {
            let results: Vec<&ProcedureResult> = results
                .iter()
                .filter(|r| config.offers(&r.procedure_id))
                .collect();
            let group = |status: &str, key: &str| {
                let cards: Vec<&ProcedureResult> = results
                    .iter()
                    .copied()
                    .filter(|r| r.status.as_str() == status)
                    .collect();
                if cards.is_empty() {
                    return Html::default();
                }
                html! {
                    <section class={format!("sc-group sc-group-{status}")} aria-labelledby={format!("sc-group-{status}")}>
                        <h2 id={format!("sc-group-{status}")}>{ t(lang, key) }</h2>
                        { for cards.into_iter().map(|r| html! {
                            <ProcedureCard catalog={consult.catalog.clone()} result={r.clone()} lang={consult.lang.clone()}
                                name={config.procedure_name(&consult.catalog, &r.procedure_id, lang).to_string()} />
                        }) }
                    </section>
                }
            };
            let suggested: Vec<ProcedureResult> = results
                .iter()
                .filter(|r| r.status.as_str() == "suggested")
                .map(|r| (*r).clone())
                .collect();
            let none_suggested = suggested.is_empty();
            html! {
                <>
                    <p class="sc-lead">{ t(lang, "results_lead") }</p>
                    if none_suggested {
                        <p class="sc-empty">{ t(lang, "no_suggestions") }</p>
                    }
                    { group("suggested", "section_suggested") }
                    if !none_suggested {
                        <Alternatives suggested={suggested.clone()} />
                        <PlanSection suggested={suggested} />
                    }
                    { group("caution", "section_caution") }
                    { group("deferred", "section_deferred") }
                    { group("excluded", "section_excluded") }
                </>
            }
        }
    };
    let offered: Vec<&str> = assessment
        .results()
        .iter()
        .filter(|r| r.status.as_str() == "suggested" && config.offers(&r.procedure_id))
        .map(|r| r.procedure_id.as_str())
        .collect();
    let mention: Vec<String> = consult
        .plan_selection(&offered)
        .into_iter()
        .map(|id| {
            config
                .procedure_name(&consult.catalog, id, lang)
                .to_string()
        })
        .collect();
    let dispatch = |action: Action| {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(action.clone()))
    };
    html! {
        <section class="sc-screen sc-results" aria-labelledby="sc-results-title">
            <h1 id="sc-results-title" tabindex="-1" data-focus-target="">{ t(lang, "results_title") }</h1>
            { body }
            <p class="sc-disclaimer" role="note">{ t(lang, "disclaimer") }</p>
            if let Some(disclaimer) = &config.disclaimer {
                <p class="sc-disclaimer sc-clinic-disclaimer" role="note">{ disclaimer.get(lang) }</p>
            }
            // A red flag means "see a doctor", never a cosmetic booking.
            if assessment.referral().is_none() {
                <Booking clinic={Rc::new(config.clinic.clone())} lang={consult.lang.clone()} mention={mention} />
            }
            <SharePanel />
            <div class="sc-actions sc-no-print">
                // A waiting-room tablet prints nothing: paper with health data would stay behind.
                if !config.kiosk.enabled {
                    <button type="button" class="sc-button sc-secondary" onclick={Callback::from(|_| browser::print())}>
                        { t(lang, "print") }
                    </button>
                }
                <button type="button" class="sc-button sc-secondary" onclick={dispatch(Action::Review)}>
                    { t(lang, "change_answers") }
                </button>
                <button type="button" class="sc-button sc-secondary" onclick={dispatch(Action::StartOver)}>
                    { t(lang, "start_over") }
                </button>
                <button type="button" class="sc-button sc-danger" onclick={dispatch(Action::ClearAnswers)}>
                    { t(lang, "clear_answers") }
                </button>
            </div>
        </section>
    }
}
