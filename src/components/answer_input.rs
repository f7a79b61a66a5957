//! The native controls of one question: radio buttons, checkboxes, yes/no radios or a number.

use skin_consult_engine::{Answer, QuestionKind};
use yew::prelude::*;

use super::use_consult;
use crate::i18n::t;
use crate::state::Action;

/// The `name` of every question's radio buttons and checkboxes.
const CHOICE_GROUP: &str = "sc-choice";

/// Properties of [`AnswerInput`].
#[derive(Properties, PartialEq)]
pub struct AnswerInputProps {
    /// The id of the question answered (looked up in the catalog, not copied into props).
    pub question_id: AttrValue,
    /// The id of the number input (labelled by the heading).
    pub input_id: String,
    /// Whether the current answer was rejected.
    pub invalid: bool,
}

/// The native controls of one question: radios, checkboxes, yes/no radios or a number.
#[component(AnswerInput)]
pub fn answer_input(props: &AnswerInputProps) -> Html {
    let consult = use_consult();
    let catalog = consult.catalog.clone();
    let Some(question) = catalog.question(&props.question_id) else {
        return Html::default();
    };
    let lang = consult.lang.as_str();
    let id = question.id.clone();
    let current = consult.answers.get(&id).cloned();
    let set = {
        let consult = consult.clone();
        let id = id.clone();
        move |answer: Option<Answer>| consult.dispatch(Action::SetAnswer(id.clone(), answer))
    };
    // The next question patches these controls in place (the screen is not remounted), so:
    // - keyed by kind and position: with fewer options the extra ones go from the end and the
    //   first ones are patched (unkeyed, Yew removes from the front: the option just picked,
    //   which holds focus, and removing a focused element makes the browser lay the page out
    //   there and then); a checkbox never becomes a radio in place, since a checked one would
    //   join the radio group checked and uncheck the radio chosen for the new question;
    // - one group name for every question (the form holds one question): a radio renamed into
    //   another question's group while still checked from the last one would likewise uncheck
    //   the new question's answer, whatever order the inputs are patched in.
    let choice = |position: usize,
                  value: String,
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
            <label class="sc-option" key={format!("{kind}-{position}")}>
                <input type={kind} name={CHOICE_GROUP} value={value} {checked} {onchange} />
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
            let options = question.options.iter().enumerate().map(|(position, o)| {
                let checked = current.as_ref().is_some_and(|a| a.has_option(&o.id));
                choice(
                    position,
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
            let options = [(0, true, "yes"), (1, false, "no")].map(|(position, value, key)| {
                let checked = current == Some(Answer::YesNo(value));
                choice(
                    position,
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
