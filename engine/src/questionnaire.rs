//! The questionnaire: which questions are visible, which answers count, and answer checks.
//!
//! Questions are asked in catalog order, each when its `show_if` holds, until the answers so
//! far raise a red flag: then the questionnaire ends (see [`ended_by_red_flag`]).

use crate::answers::{Answer, Answers};
use crate::condition::Condition;
use crate::model::{Catalog, Question, QuestionKind};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an answer does not fit its question.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
/// Answers to unknown or hidden questions (e.g. acne severity after acne was unticked, or any
/// question left out once a red flag is raised, see [`visible_questions`]) and invalid
/// answers are dropped. Visibility is decided on the effective answers so far, in
/// questionnaire order.
pub fn effective_answers(catalog: &Catalog, answers: &Answers) -> Answers {
    walk(catalog, answers).effective
}

/// The questions to show, in order, given the answers so far.
///
/// A question is shown when its `show_if` holds, except that the questionnaire ends early
/// once a red flag is raised: from then on only questions that can still change which red
/// flags are raised (see [`ended_by_red_flag`]) are asked, since every other answer can no
/// longer change the outcome (a referral, with no procedure).
pub fn visible_questions<'a>(catalog: &'a Catalog, answers: &Answers) -> Vec<&'a Question> {
    walk(catalog, answers).visible
}

/// The visible required questions that have no valid answer yet.
pub fn missing_required<'a>(catalog: &'a Catalog, answers: &Answers) -> Vec<&'a Question> {
    let walked = walk(catalog, answers);
    walked
        .visible
        .into_iter()
        .filter(|q| q.required && walked.effective.get(&q.id).is_none())
        .collect()
}

/// Whether the answers so far raise a red flag that ends the questionnaire early.
///
/// A red flag counts once its condition holds on the effective answers and every question
/// that condition reads lies behind, answered or hidden by its `show_if` (not still waiting
/// for an answer), so no later answer can take it back. From then on only the questions some red flag's condition reads,
/// and the questions their `show_if` depends on, are still asked (in the built-in catalog:
/// `concerns`, `acne_severity` and `warning_signs`, all early), so every flag the full
/// questionnaire would raise is still raised, and the referral is the same.
pub fn ended_by_red_flag(catalog: &Catalog, answers: &Answers) -> bool {
    walk(catalog, answers).ended
}

/// The questionnaire walked in order: the questions shown and the answers that count.
struct Walk<'a> {
    visible: Vec<&'a Question>,
    effective: Answers,
    ended: bool,
}

fn walk<'a>(catalog: &'a Catalog, answers: &Answers) -> Walk<'a> {
    let position = |id: &str| catalog.questions.iter().position(|q| q.id == id);
    // Each red flag with the positions of the questions it reads (one that reads a question
    // the catalog lacks never ends anything) and where it settles: right after the last of
    // them. From there on its value cannot change (no later answer is read by it), so it is
    // evaluated once, there, not before every question.
    let flags: Vec<(&Condition, Vec<usize>, usize)> = catalog
        .red_flags
        .iter()
        .filter_map(|f| {
            let reads: Option<Vec<usize>> = f.when.questions().into_iter().map(position).collect();
            let reads = reads?;
            let settles = reads.iter().max().map_or(0, |&last| last + 1);
            Some((&f.when, reads, settles))
        })
        .collect();
    // A settled flag counts if every question it reads is answered or hidden; one still
    // waiting for its answer (`pending`) could change it later.
    let raised_at = |i: usize, pending: &[bool], effective: &Answers| {
        flags.iter().any(|(when, reads, settles)| {
            *settles == i && reads.iter().all(|&p| !pending[p]) && when.eval(effective)
        })
    };
    let mut still_asked: Option<Vec<&str>> = None;
    let mut pending = vec![false; catalog.questions.len()];
    let mut walked = Walk {
        visible: Vec::new(),
        effective: Answers::new(),
        ended: false,
    };
    for (i, question) in catalog.questions.iter().enumerate() {
        walked.ended = walked.ended || raised_at(i, &pending, &walked.effective);
        if !is_visible(question, &walked.effective) {
            continue;
        }
        if walked.ended {
            let still_asked = still_asked.get_or_insert_with(|| red_flag_questions(catalog));
            if !still_asked.contains(&question.id.as_str()) {
                continue;
            }
        }
        walked.visible.push(question);
        match answers.get(&question.id) {
            Some(answer) if check_answer(question, answer).is_ok() => {
                walked.effective.insert(question.id.clone(), answer.clone());
            }
            _ => pending[i] = true,
        }
    }
    walked.ended = walked.ended || raised_at(pending.len(), &pending, &walked.effective);
    walked
}

/// The questions that can still change which red flags are raised: those a red flag's
/// condition reads and, in turn, those their `show_if` reads.
fn red_flag_questions(catalog: &Catalog) -> Vec<&str> {
    let mut ids: Vec<&str> = catalog
        .red_flags
        .iter()
        .flat_map(|f| f.when.questions())
        .collect();
    let mut i = 0;
    while i < ids.len() {
        if let Some(show_if) = catalog.question(ids[i]).and_then(|q| q.show_if.as_ref()) {
            for id in show_if.questions() {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        i += 1;
    }
    ids
}

fn is_visible(question: &Question, effective: &Answers) -> bool {
    question.show_if.as_ref().is_none_or(|c| c.eval(effective))
}
