//! The review screen: every visible question with its answer, each one changeable.

use skin_consult_engine::{Answer, Question};
use yew::prelude::*;

use crate::app::state::Action;
use crate::hooks::use_consult;
use crate::i18n::{t, tf};

/// The answer to `question` in words ("" when unanswered).
pub fn answer_text(question: &Question, answer: Option<&Answer>, lang: &str) -> String {
    let label = |id: &str| {
        question
            .option(id)
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_default()
    };
    match answer {
        None => String::new(),
        Some(Answer::Choice(id)) => label(id),
        Some(Answer::Choices(ids)) => ids
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Answer::YesNo(true)) => t(lang, "yes"),
        Some(Answer::YesNo(false)) => t(lang, "no"),
        Some(Answer::Number(n)) => n.to_string(),
    }
}

/// Lists the answers before the results.
#[component(Review)]
pub fn review() -> Html {
    let consult = use_consult();
    let lang = consult.lang.as_str();
    let effective = consult.effective_answers();
    let rows = consult.visible_questions().into_iter().map(|question| {
        let edit = {
            let consult = consult.clone();
            let id = question.id.clone();
            Callback::from(move |_| consult.dispatch(Action::Edit(id.clone())))
        };
        let prompt = question.prompt.get(lang);
        html! {
            <div class="sc-review-row" data-question={question.id.clone()}>
                <dt>{ prompt }</dt>
                <dd>
                    <span>{ answer_text(question, effective.get(&question.id), lang) }</span>
                    <button type="button" class="sc-button sc-link" onclick={edit}
                        aria-label={tf(lang, "change_named", &[("question", prompt)])}>
                        { t(lang, "change") }
                    </button>
                </dd>
            </div>
        }
    });
    let back = {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(Action::Back))
    };
    let results = {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(Action::SeeResults))
    };
    html! {
        <section class="sc-screen sc-review" aria-labelledby="sc-review-title">
            <h1 id="sc-review-title" tabindex="-1" data-focus-target="">{ t(lang, "review_title") }</h1>
            <p class="sc-lead">{ t(lang, "review_lead") }</p>
            <dl class="sc-review-list">{ for rows }</dl>
            <div class="sc-nav">
                <button type="button" class="sc-button sc-secondary" onclick={back}>{ t(lang, "back") }</button>
                <button type="button" class="sc-button sc-primary" onclick={results}>{ t(lang, "see_results") }</button>
            </div>
        </section>
    }
}
