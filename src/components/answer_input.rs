//! The native controls of one question: radio buttons, checkboxes, yes/no radios or a number.

use skin_consult_engine::{Answer, Question, QuestionKind};
use yew::prelude::*;

use crate::app::state::Action;
use crate::hooks::answer::use_checked_states;
use crate::hooks::use_consult;
use crate::i18n::t;

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
    let question = catalog.question(&props.question_id);
    let current = question.and_then(|q| consult.answers.get(&q.id)).cloned();
    let options_ref = use_node_ref();
    use_checked_states(&options_ref, checked_states(question, current.as_ref()));
    let Some(question) = question else {
        return Html::default();
    };
    let lang = consult.lang.as_str();
    let id = question.id.clone();
    let set = {
        let consult = consult.clone();
        let id = id.clone();
        move |answer: Option<Answer>| consult.dispatch(Action::SetAnswer(id.clone(), answer))
    };
    // The next question patches these controls in place (the screen is not remounted), so:
    // - keyed by position only, whatever the kind: going from a multiple-choice question to a
    //   single-choice one (or back) turns each checkbox into a radio button in place instead of
    //   building every option again; with fewer options the extra ones go from the end and the
    //   first ones are patched, so the option just picked, which holds focus, stays unless it
    //   was among the last (removing a focused element makes the browser lay the page out there
    //   and then);
    // - `checked` is set after the patch, not during it (see `use_checked_states`);
    // - one group name for every question (the form holds one question).
    let choice = |position: usize,
                  value: String,
                  label: String,
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
            <label class="sc-option" key={position}>
                <input type={kind} name={CHOICE_GROUP} value={value} {onchange} />
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
                choice(
                    position,
                    o.id.clone(),
                    o.label.get(lang).to_string(),
                    kind,
                    Some(Answer::Choice(o.id.clone())),
                )
            });
            html! { <div class="sc-options" ref={options_ref}>{ for options }</div> }
        }
        QuestionKind::YesNo => {
            let options = [(0, true, "yes"), (1, false, "no")].map(|(position, value, key)| {
                choice(
                    position,
                    key.to_string(),
                    t(lang, key),
                    "radio",
                    Some(Answer::YesNo(value)),
                )
            });
            html! { <div class="sc-options sc-yes-no" ref={options_ref}>{ for options }</div> }
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

/// Whether each control of `question` (in screen order) shows as chosen for `answer`.
fn checked_states(question: Option<&Question>, answer: Option<&Answer>) -> Vec<bool> {
    let Some(question) = question else {
        return Vec::new();
    };
    match question.kind {
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => question
            .options
            .iter()
            .map(|o| answer.is_some_and(|a| a.has_option(&o.id)))
            .collect(),
        QuestionKind::YesNo => [true, false]
            .map(|yes| answer == Some(&Answer::YesNo(yes)))
            .to_vec(),
        QuestionKind::Number { .. } => Vec::new(),
    }
}
