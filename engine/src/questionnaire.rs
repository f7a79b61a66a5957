//! The questionnaire: which questions are visible, which answers count, and answer checks.

use crate::answers::{Answer, Answers};
use crate::model::{Catalog, Question, QuestionKind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an answer does not fit its question.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AnswerError {
    /// The answer is of the wrong kind (e.g. a number for a yes/no question).
    WrongKind,
    /// The option id is not one of the question's options.
    UnknownOption(String),
    /// The number lies outside the question's bounds.
    OutOfRange {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value.
        max: u32,
    },
    /// A multiple-choice answer with no option.
    Empty,
    /// The same option chosen twice.
    Duplicate(String),
    /// An exclusive option ("none of these") combined with others.
    ExclusiveCombined(String),
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::WrongKind => write!(f, "wrong kind of answer"),
            AnswerError::UnknownOption(o) => write!(f, "unknown option `{o}`"),
            AnswerError::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            AnswerError::Empty => write!(f, "choose at least one option"),
            AnswerError::Duplicate(o) => write!(f, "option `{o}` chosen twice"),
            AnswerError::ExclusiveCombined(o) => {
                write!(f, "option `{o}` cannot be combined with others")
            }
        }
    }
}

/// Checks that `answer` fits `question`.
pub fn check_answer(question: &Question, answer: &Answer) -> Result<(), AnswerError> {
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice, Answer::Choice(o)) => match question.option(o) {
            Some(_) => Ok(()),
            None => Err(AnswerError::UnknownOption(o.clone())),
        },
        (QuestionKind::MultiChoice, Answer::Choices(os)) => {
            if os.is_empty() {
                return Err(AnswerError::Empty);
            }
            for (i, o) in os.iter().enumerate() {
                let option = question
                    .option(o)
                    .ok_or_else(|| AnswerError::UnknownOption(o.clone()))?;
                if os[..i].contains(o) {
                    return Err(AnswerError::Duplicate(o.clone()));
                }
                if option.exclusive && os.len() > 1 {
                    return Err(AnswerError::ExclusiveCombined(o.clone()));
                }
            }
            Ok(())
        }
        (QuestionKind::YesNo, Answer::YesNo(_)) => Ok(()),
        (QuestionKind::Number { min, max }, Answer::Number(n)) => {
            if n < min || n > max {
                Err(AnswerError::OutOfRange {
                    min: *min,
                    max: *max,
                })
            } else {
                Ok(())
            }
        }
        _ => Err(AnswerError::WrongKind),
    }
}

/// The answers that count: answers to visible questions that pass [`check_answer`].
///
/// Answers to unknown or hidden questions (e.g. acne severity after acne was unticked) and
/// invalid answers are dropped. Visibility is decided on the effective answers so far, in
/// questionnaire order.
pub fn effective_answers(catalog: &Catalog, answers: &Answers) -> Answers {
    let mut effective = Answers::new();
    for question in &catalog.questions {
        if !is_visible(question, &effective) {
            continue;
        }
        if let Some(answer) = answers.get(&question.id) {
            if check_answer(question, answer).is_ok() {
                effective.insert(question.id.clone(), answer.clone());
            }
        }
    }
    effective
}

/// The questions to show, in order, given the answers so far.
pub fn visible_questions<'a>(catalog: &'a Catalog, answers: &Answers) -> Vec<&'a Question> {
    let effective = effective_answers(catalog, answers);
    catalog
        .questions
        .iter()
        .filter(|q| is_visible(q, &effective))
        .collect()
}

/// The visible required questions that have no valid answer yet.
pub fn missing_required<'a>(catalog: &'a Catalog, answers: &Answers) -> Vec<&'a Question> {
    let effective = effective_answers(catalog, answers);
    catalog
        .questions
        .iter()
        .filter(|q| q.required && is_visible(q, &effective) && effective.get(&q.id).is_none())
        .collect()
}

fn is_visible(question: &Question, effective: &Answers) -> bool {
    question.show_if.as_ref().is_none_or(|c| c.eval(effective))
}
