//! The referral screen: a calm "see a doctor first", what was noticed, who to see, how soon.

use skin_consult_engine::{Answers, Referral, Urgency};
use yew::prelude::*;

use super::review::answer_text;
use crate::i18n::t;
use crate::state::SharedCatalog;

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
    let lang = props.lang.as_str();
    let flags = props.referral.flags.iter().map(|flag| {
        let urgency_key = match flag.urgency {
            Urgency::Emergency => "urgency_emergency",
            Urgency::Urgent => "urgency_urgent",
            Urgency::Soon => "urgency_soon",
        };
        let question = props.catalog.question(&flag.question_id);
        html! {
            <li class="sc-flag" data-flag={flag.id.clone()} data-urgency={flag.urgency.as_str()}>
                <h3>{ flag.title.get(lang) }</h3>
                if let Some(question) = question {
                    <p class="sc-flag-answer">
                        <span class="sc-visually-hidden">{ t(lang, "referral_what") }{ ": " }</span>
                        { question.prompt.get(lang) }{ " " }
                        <strong>{ answer_text(question, props.answers.get(&question.id), lang) }</strong>
                    </p>
                }
                <p><strong>{ t(lang, urgency_key) }{ ": " }</strong>{ flag.advice.get(lang) }</p>
            </li>
        }
    });
    html! {
        <section class="sc-referral" data-outcome="referral" aria-labelledby="sc-referral-title">
            <h2 id="sc-referral-title">{ t(lang, "referral_title") }</h2>
            <p class="sc-lead">{ t(lang, "referral_lead") }</p>
            <ul class="sc-flags">{ for flags }</ul>
        </section>
    }
}
