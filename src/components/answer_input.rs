//! The native controls of one question: radio buttons, checkboxes, yes/no radios or a number.

use skin_consult_engine::{Answer, Question, QuestionKind};
use yew::prelude::*;

use super::use_consult;
use crate::i18n::t;
use crate::state::Action;

/// Properties of [`AnswerInput`].
#[derive(Properties, PartialEq)]
pub struct AnswerInputProps {
    /// The question answered.
    pub question: Question,
    /// The id of the number input (labelled by the heading).
    pub input_id: String,
    /// Whether the current answer was rejected.
    pub invalid: bool,
}

/// The native controls of one question: radios, checkboxes, yes/no radios or a number.
#[component(AnswerInput)]
pub fn answer_input(props: &AnswerInputProps) -> Html {
    let consult = use_consult();
    let lang = consult.lang.as_str();
    let question = &props.question;
    let id = question.id.clone();
    let current = consult.answers.get(&id).cloned();
    let set = {
        let consult = consult.clone();
        let id = id.clone();
        move |answer: Option<Answer>| consult.dispatch(Action::SetAnswer(id.clone(), answer))
    };
    let choice = |value: String,
                  label: String,
                  checked: bool,
                  kind: &'static str,
                  answer: Option<Answer>| {
        let onchange = {
            let set = set.clone();
            let consult = consult.clone();
            let (id, value) = (id.clone(), value.clone());
            Callback::from(move |_: Event| match kind {
                "checkbox" => consult.dispatch(Action::ToggleOption(id.clone(), value.clone())),
                _ => set(answer.clone()),
            })
        };
        html! {
            <label class="sc-option">
                <input type={kind} name={id.clone()} value={value} {checked} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    match &question.kind {
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
            let kind = if question.kind == QuestionKind::MultiChoice {
                "checkbox"
            } else {
                "radio"
            };
            let options = question.options.iter().map(|o| {
                let checked = current.as_ref().is_some_and(|a| a.has_option(&o.id));
                choice(
                    o.id.clone(),
                    o.label.get(lang).to_string(),
                    checked,
                    kind,
                    Some(Answer::Choice(o.id.clone())),
                )
            });
            html! { <div class="sc-options">{ for options }</div> }
        }
        QuestionKind::YesNo => {
            let options = [(true, "yes"), (false, "no")].map(|(value, key)| {
                let checked = current == Some(Answer::YesNo(value));
                choice(
                    key.to_string(),
                    t(lang, key),
                    checked,
                    "radio",
                    Some(Answer::YesNo(value)),
                )
            });
            html! { <div class="sc-options sc-yes-no">{ for options }</div> }
        }
        QuestionKind::Number { min, max } => {
            let value = match current {
                Some(Answer::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            let oninput = Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                set(input.value().trim().parse().ok().map(Answer::Number));
            });
            html! {
                <input class="sc-number" type="number" id={props.input_id.clone()} name={id.clone()}
                    inputmode="numeric" min={min.to_string()} max={max.to_string()} step="1"
                    value={value} {oninput} aria-invalid={props.invalid.then_some("true")} />
            }
        }
    }
}
