//! One question per screen: native inputs with visible labels, progress, Back and Next.
//!
//! The whole screen is a form, so Enter continues from any field; the heading receives focus
//! when the screen opens, and a missing or invalid answer is explained inline.

use skin_consult_engine::{Question, QuestionKind};
use yew::prelude::*;

use super::answer_input::AnswerInput;
use crate::app::state::{Action, AnswerProblem};
use crate::hooks::use_consult;
use crate::i18n::{t, tf};

/// Properties of [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The question's id.
    pub question_id: AttrValue,
}

/// The screen of one question.
#[component(QuestionScreen)]
pub fn question_screen(props: &QuestionProps) -> Html {
    let consult = use_consult();
    let catalog = consult.catalog.clone();
    let Some(question) = catalog.question(&props.question_id) else {
        return Html::default();
    };
    let lang = consult.lang.as_str();
    let (n, total) = consult.progress().unwrap_or((1, 1));

    let onsubmit = {
        let consult = consult.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            consult.dispatch(Action::Next);
        })
    };
    // Browsers don't submit a form on Enter from a radio button or checkbox; patients expect it.
    let onkeydown = {
        let consult = consult.clone();
        Callback::from(move |e: KeyboardEvent| {
            let target: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            let is_toggle =
                target.is_some_and(|t| matches!(t.type_().as_str(), "radio" | "checkbox"));
            if e.key() == "Enter" && is_toggle {
                e.prevent_default();
                consult.dispatch(Action::Next);
            }
        })
    };
    let back = {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(Action::Back))
    };
    let error_id = format!("sc-error-{}", question.id);
    let help_id = format!("sc-help-{}", question.id);
    let problem = consult.problem.map(|p| problem_text(lang, question, p));
    let described_by = [
        question.help.as_ref().map(|_| help_id.clone()),
        problem.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let choose_all = t(lang, "choose_all");
    let help_says_choose_all = question
        .help
        .as_ref()
        .is_some_and(|h| h.get(lang) == choose_all);
    let is_number = matches!(question.kind, QuestionKind::Number { .. });
    let input_id = format!("sc-input-{}", question.id);
    let heading = if is_number {
        html! { <label for={input_id.clone()}>{ question.prompt.get(lang) }</label> }
    } else {
        html! { question.prompt.get(lang) }
    };

    html! {
        <form class="sc-screen sc-question" {onsubmit} {onkeydown} novalidate=true data-question={question.id.clone()}>
            <p class="sc-progress" aria-hidden="true">
                { tf(lang, "progress", &[("n", &n.to_string()), ("total", &total.to_string())]) }
                <progress max={total.to_string()} value={n.to_string()}></progress>
            </p>
            <fieldset class="sc-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}>
                <legend>
                    <h1 class="sc-question-title" tabindex="-1" data-focus-target="">{ heading }</h1>
                </legend>
                if let Some(help) = &question.help {
                    <p class="sc-help" id={help_id}>{ help.get(lang) }</p>
                }
                if question.kind == QuestionKind::MultiChoice && !help_says_choose_all {
                    <p class="sc-help">{ choose_all }</p>
                }
                <AnswerInput question_id={props.question_id.clone()} input_id={input_id} invalid={problem.is_some()} />
                if let Some(problem) = problem {
                    <p class="sc-error" id={error_id} role="alert">{ problem }</p>
                }
            </fieldset>
            <div class="sc-nav">
                <button type="button" class="sc-button sc-secondary" onclick={back}>{ t(lang, "back") }</button>
                <button type="submit" class="sc-button sc-primary">{ t(lang, "next") }</button>
            </div>
        </form>
    }
}

fn problem_text(lang: &str, question: &Question, problem: AnswerProblem) -> String {
    match (&question.kind, problem) {
        (QuestionKind::Number { min, max }, _) => tf(
            lang,
            "missing_number",
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        (QuestionKind::MultiChoice, _) => t(lang, "missing_choices"),
        _ => t(lang, "missing_answer"),
    }
}
