//! The results screen: a referral, or a summary, the booking and the procedures grouped by
//! status (the suggestions open, the other groups collapsed with a count), then sharing and the
//! ways to change or clear the answers.

use std::rc::Rc;

use skin_consult_engine::{Assessment, Catalog, ProcedureResult, Status};
use yew::prelude::*;

use super::{
    alternatives::Alternatives, booking::Booking, plan::PlanSection, procedure_card::ProcedureCard,
    referral::ReferralView, results_summary::ResultsSummary, share_panel::SharePanel,
};
use crate::app::state::Action;
use crate::hooks::prices::use_price_labels;
use crate::hooks::{use_config, use_consult, use_outcome};
use crate::host::browser;
use crate::i18n::{t, tf};

/// How many suggestions show open; the others wait under "More options".
const OPEN_SUGGESTIONS: usize = 3;

/// The results of the consultation.
#[component(Results)]
pub fn results() -> Html {
    let consult = use_consult();
    let config = use_config();
    let lang = consult.lang.as_str();
    let outcome = use_outcome();
    // Formatted once for all cards.
    let price_labels = use_price_labels();
    let answers = &outcome.answers;
    let mention: Vec<String> = outcome
        .in_plan
        .iter()
        .map(|id| {
            config
                .procedure_name(&consult.catalog, id, lang)
                .to_string()
        })
        .collect();
    let body = match &outcome.assessment {
        Assessment::Referral(referral) => html! {
            <ReferralView referral={referral.clone()} catalog={consult.catalog.clone()}
                answers={answers.clone()} lang={consult.lang.clone()} />
        },
        Assessment::Recommendations(_) => {
            let results = &outcome.offered;
            let card = |r: &ProcedureResult| {
                let price = price_labels
                    .get(&r.procedure_id)
                    .map(|p| AttrValue::from(p.clone()));
                html! {
                    <ProcedureCard catalog={consult.catalog.clone()} result={r.clone()} lang={consult.lang.clone()}
                        name={config.procedure_name(&consult.catalog, &r.procedure_id, lang).to_string()} {price} />
                }
            };
            let of = |wanted: fn(&Status) -> bool| -> Vec<&ProcedureResult> {
                results.iter().filter(|r| wanted(&r.status)).collect()
            };
            // The other groups are collapsed: their count says what is inside.
            let group = |wanted: fn(&Status) -> bool, key: &str| {
                let cards = of(wanted);
                let Some(first) = cards.first() else {
                    return Html::default();
                };
                let status = first.status.as_str();
                html! {
                    <section class={format!("sc-group sc-group-{status}")} aria-labelledby={format!("sc-group-{status}")}>
                        <details class="sc-group-details" data-group={status.to_string()}>
                            <summary><h2 id={format!("sc-group-{status}")}>{ t(lang, key) }
                                <span class="sc-count" data-count={cards.len().to_string()}>{ format!(" ({})", cards.len()) }</span></h2></summary>
                            { for cards.into_iter().map(card) }
                        </details>
                    </section>
                }
            };
            let suggested: Vec<ProcedureResult> = of(|s| *s == Status::Suggested)
                .into_iter()
                .cloned()
                .collect();
            let none_suggested = suggested.is_empty();
            // "One of these" sits beside its cards: with the open ones, or under "More options".
            let alternatives_open = consult.catalog.scheduling.alternatives.iter().any(|g| {
                suggested
                    .iter()
                    .take(OPEN_SUGGESTIONS)
                    .any(|r| g.procedures.contains(&r.procedure_id))
            });
            let banner = banner_key(&consult.catalog, results);
            html! {
                <>
                    <ResultsSummary answers={answers.clone()} results={results.clone()} />
                    if let Some(key) = banner {
                        <p class="sc-empty sc-banner" role="note" data-banner={key}>{ t(lang, key) }</p>
                    }
                    <Booking clinic={Rc::new(config.clinic.clone())} lang={consult.lang.clone()} mention={mention.clone()} />
                    if !suggested.is_empty() {
                        <section class="sc-group sc-group-suggested" aria-labelledby="sc-group-suggested">
                            <h2 id="sc-group-suggested">{ t(lang, "section_suggested") }</h2>
                            { for suggested.iter().take(OPEN_SUGGESTIONS).map(card) }
                            if alternatives_open {
                                <Alternatives suggested={suggested.clone()} />
                            }
                            if suggested.len() > OPEN_SUGGESTIONS {
                                <details class="sc-more-options" data-more="">
                                    <summary>{ tf(lang, "more_options", &[("count", &(suggested.len() - OPEN_SUGGESTIONS).to_string())]) }</summary>
                                    if !alternatives_open {
                                        <Alternatives suggested={suggested.clone()} />
                                    }
                                    { for suggested.iter().skip(OPEN_SUGGESTIONS).map(card) }
                                </details>
                            }
                        </section>
                    }
                    if !none_suggested {
                        <PlanSection suggested={suggested.clone()} />
                    }
                    { group(|s| *s == Status::Caution, "section_caution") }
                    { group(|s| matches!(s, Status::Deferred { .. }), "section_deferred") }
                    { group(|s| *s == Status::Excluded, "section_excluded") }
                </>
            }
        }
    };
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
            <SharePanel />
            <div class="sc-actions sc-no-print">
                // A waiting-room tablet prints nothing: paper with health data would stay behind.
                if !consult.kiosk.active {
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

/// The banner when nothing is suggested: everything is for later, every option is closed by
/// age, or nothing matches the concerns.
pub fn banner_key(catalog: &Catalog, results: &[ProcedureResult]) -> Option<&'static str> {
    let open = |r: &&ProcedureResult| matches!(r.status, Status::Suggested | Status::Caution);
    if results.iter().any(|r| open(&r)) {
        return None;
    }
    if results
        .iter()
        .any(|r| matches!(r.status, Status::Deferred { .. }))
    {
        return Some("all_deferred");
    }
    // Excluded by age: the decisive reason of every option that answers a chosen concern.
    let by_age = |r: &ProcedureResult| {
        r.reasons.first().and_then(|x| x.question_id.as_deref())
            == Some(catalog.age_question.as_str())
    };
    let concern_q = catalog.concern_question.as_str();
    let matched: Vec<&ProcedureResult> = results
        .iter()
        .filter(|r| {
            r.reasons
                .first()
                .is_none_or(|x| x.question_id.as_deref() != Some(concern_q))
        })
        .collect();
    if !matched.is_empty() && matched.iter().all(|r| by_age(r)) {
        Some("all_excluded_age")
    } else {
        Some("no_suggestions")
    }
}
