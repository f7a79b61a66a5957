//! The referral screen: what was noticed, who to see, how soon. Its opening line and styling
//! follow the most urgent flag: an emergency names the number to call (the clinic's
//! configuration), a crisis the crisis line, and only a non-urgent referral says "it may well
//! be nothing serious".

use skin_consult_engine::{Answer, Answers, Call, Referral, Urgency};
use yew::prelude::*;

use super::review::answer_text;
use crate::app::state::SharedCatalog;
use crate::config::Emergency;
use crate::hooks::use_config;
use crate::i18n::{t, tf};

/// A sentence with the configured number, or its neutral wording when there is none.
fn number_line(lang: &str, key: &str, number: Option<&str>) -> String {
    match number {
        Some(n) => tf(lang, key, &[("number", n)]),
        None => t(lang, &format!("{key}_neutral")),
    }
}

/// The opening lines for the most urgent call.
fn opening(lang: &str, call: Call, numbers: &Emergency) -> Vec<String> {
    let emergency = numbers.emergency.as_deref();
    match call {
        Call::Emergency => vec![number_line(lang, "referral_call_emergency", emergency)],
        Call::Crisis => {
            let crisis = match (&numbers.crisis, &numbers.crisis_name) {
                (Some(n), Some(name)) => tf(
                    lang,
                    "referral_call_crisis",
                    &[("number", n), ("name", name)],
                ),
                (Some(n), None) => tf(lang, "referral_call_crisis_unnamed", &[("number", n)]),
                _ => t(lang, "referral_call_crisis_neutral"),
            };
            vec![crisis, number_line(lang, "referral_call_danger", emergency)]
        }
        Call::Urgent => vec![number_line(
            lang,
            "referral_call_urgent",
            numbers.urgent.as_deref(),
        )],
        Call::Gp => vec![t(lang, "referral_lead")],
    }
}

/// The screen's title for the most urgent call: an emergency is not "see a doctor first".
fn title_key(call: Call) -> &'static str {
    match call {
        Call::Emergency => "referral_title_emergency",
        Call::Crisis => "referral_title_crisis",
        Call::Urgent => "referral_title_urgent",
        Call::Gp => "referral_title",
    }
}

/// Properties of [`ReferralView`].
#[derive(Properties, PartialEq)]
pub struct ReferralProps {
    /// The raised flags.
    pub referral: Referral,
    /// The catalog, to quote the triggering questions.
    pub catalog: SharedCatalog,
    /// The patient's effective answers, to quote what raised each flag.
    pub answers: Answers,
    /// Display language.
    pub lang: AttrValue,
}

/// Shown instead of any procedure when a red flag is raised.
#[component(ReferralView)]
pub fn referral_view(props: &ReferralProps) -> Html {
    let config = use_config();
    let lang = props.lang.as_str();
    let call = props.referral.call().unwrap_or(Call::Gp);
    let lines = opening(lang, call, &config.emergency.resolved());
    let flags = props.referral.flags.iter().map(|flag| {
        let urgency_key = match flag.urgency {
            Urgency::Emergency => "urgency_emergency",
            Urgency::Urgent => "urgency_urgent",
            Urgency::Soon => "urgency_soon",
        };
        let question = props.catalog.question(&flag.question_id);
        // Quote only the answers this flag is about, not every warning sign ticked.
        let answer = match props.answers.get(&flag.question_id) {
            Some(Answer::Choices(_)) if !flag.options.is_empty() => {
                Some(Answer::Choices(flag.options.clone()))
            }
            other => other.cloned(),
        };
        html! {
            <li class="sc-flag" data-flag={flag.id.clone()} data-urgency={flag.urgency.as_str()}>
                <h3>{ flag.title.get(lang) }</h3>
                if let Some(question) = question {
                    <p class="sc-flag-answer">
                        <span class="sc-visually-hidden">{ t(lang, "referral_what") }{ ": " }</span>
                        { question.prompt.get(lang) }{ " " }
                        <strong>{ answer_text(question, answer.as_ref(), lang) }</strong>
                    </p>
                }
                <p><strong class="sc-urgency">{ t(lang, urgency_key) }</strong>{ " " }{ flag.advice.get(lang) }</p>
            </li>
        }
    });
    html! {
        <section class="sc-referral" data-outcome="referral" data-call={call.as_str()} aria-labelledby="sc-referral-title">
            <h2 id="sc-referral-title">{ t(lang, title_key(call)) }</h2>
            <div class="sc-lead sc-call">
                { for lines.into_iter().map(|l| html! { <p>{ l }</p> }) }
            </div>
            <ul class="sc-flags">{ for flags }</ul>
        </section>
    }
}
