//! Declarative conditions over answers, used for branching, rules and red flags.
//!
//! In JSON a condition is one of:
//! `{"is": {"question": "concerns", "option": "acne"}}`,
//! `{"is_any": {"question": "sun_burn", "options": ["type_5", "type_6"]}}`,
//! `{"yes": "pregnant"}`, `{"no": "facial_before"}`, `{"answered": "age"}`,
//! `{"below": {"question": "age", "value": 18}}`, `{"at_least": {"question": "age", "value": 20}}`,
//! `{"all": [..]}`, `{"any": [..]}`, `{"not": ..}`, or `"always"`.
//! A condition about an unanswered question is false (so `not` of it is true).

use crate::answers::Answers;
use crate::model::Catalog;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A condition over the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Condition {
    /// A choice question has `option` among its chosen options.
    Is {
        /// Question id.
        question: String,
        /// Option id.
        option: String,
    },
    /// A choice question has at least one of `options` chosen.
    IsAny {
        /// Question id.
        question: String,
        /// Option ids.
        options: Vec<String>,
    },
    /// A yes/no question was answered yes.
    Yes(String),
    /// A yes/no question was answered no.
    No(String),
    /// The question has an answer.
    Answered(String),
    /// A number question was answered with a value strictly below `value`.
    Below {
        /// Question id.
        question: String,
        /// Threshold.
        value: u32,
    },
    /// A number question was answered with a value of at least `value`, or a multi-choice
    /// question has at least `value` options chosen.
    AtLeast {
        /// Question id.
        question: String,
        /// Threshold.
        value: u32,
    },
    /// Every sub-condition holds (true when empty).
    All(Vec<Condition>),
    /// At least one sub-condition holds (false when empty).
    Any(Vec<Condition>),
    /// The sub-condition does not hold.
    Not(Box<Condition>),
    /// Always true.
    Always,
}

impl Condition {
    /// Evaluates the condition against `answers`.
    pub fn eval(&self, answers: &Answers) -> bool {
        match self {
            Condition::Is { question, option } => {
                answers.get(question).is_some_and(|a| a.has_option(option))
            }
            Condition::IsAny { question, options } => answers
                .get(question)
                .is_some_and(|a| options.iter().any(|o| a.has_option(o))),
            Condition::Yes(q) => answers.yes_no(q) == Some(true),
            Condition::No(q) => answers.yes_no(q) == Some(false),
            Condition::Answered(q) => answers.get(q).is_some(),
            Condition::Below { question, value } => {
                answers.number(question).is_some_and(|n| n < *value)
            }
            Condition::AtLeast { question, value } => match answers.number(question) {
                Some(n) => n >= *value,
                None => answers.options(question).len() >= *value as usize,
            },
            Condition::All(cs) => cs.iter().all(|c| c.eval(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.eval(answers)),
            Condition::Not(c) => !c.eval(answers),
            Condition::Always => true,
        }
    }

    /// The question whose answer made this (true) condition hold, if any.
    pub fn trigger<'a>(&'a self, answers: &Answers) -> Option<&'a str> {
        if !self.eval(answers) {
            return None;
        }
        match self {
            Condition::All(cs) => cs.iter().find_map(|c| c.trigger(answers)),
            Condition::Any(cs) => cs.iter().find_map(|c| c.trigger(answers)),
            Condition::Not(c) => c.questions().into_iter().next(),
            Condition::Always => None,
            leaf => leaf.questions().into_iter().next(),
        }
    }

    /// Every question id this condition mentions, in order of appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    /// The options of `question` this condition asks for (outside any `not`), e.g. the warning
    /// signs a red flag is about, to quote only those back to the patient.
    pub fn options_of(&self, question: &str) -> Vec<&str> {
        match self {
            Condition::Is {
                question: q,
                option,
            } if q == question => vec![option.as_str()],
            Condition::IsAny {
                question: q,
                options,
            } if q == question => options.iter().map(String::as_str).collect(),
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().flat_map(|c| c.options_of(question)).collect()
            }
            _ => Vec::new(),
        }
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Is { question, .. }
            | Condition::IsAny { question, .. }
            | Condition::Below { question, .. }
            | Condition::AtLeast { question, .. } => out.push(question),
            Condition::Yes(q) | Condition::No(q) | Condition::Answered(q) => out.push(q),
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_questions(out))
            }
            Condition::Not(c) => c.collect_questions(out),
            Condition::Always => {}
        }
    }

    /// A plain-language rendering for clinicians, using the catalog's prompts and labels.
    pub fn describe(&self, catalog: &Catalog, lang: &str) -> String {
        let q = |id: &str| -> String {
            catalog
                .question(id)
                .map(|q| format!("\u{201c}{}\u{201d}", q.prompt.get(lang)))
                .unwrap_or_else(|| format!("`{id}`"))
        };
        let o = |qid: &str, oid: &str| -> String {
            catalog
                .question(qid)
                .and_then(|q| q.option(oid))
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_else(|| oid.to_string())
        };
        match self {
            Condition::Is { question, option } => {
                format!(
                    "{} includes \u{201c}{}\u{201d}",
                    q(question),
                    o(question, option)
                )
            }
            Condition::IsAny { question, options } => {
                let labels: Vec<String> = options
                    .iter()
                    .map(|x| format!("\u{201c}{}\u{201d}", o(question, x)))
                    .collect();
                format!("{} includes any of {}", q(question), labels.join(", "))
            }
            Condition::Yes(x) => format!("{} = yes", q(x)),
            Condition::No(x) => format!("{} = no", q(x)),
            Condition::Answered(x) => format!("{} is answered", q(x)),
            Condition::Below { question, value } => format!("{} < {value}", q(question)),
            Condition::AtLeast { question, value } => format!("{} \u{2265} {value}", q(question)),
            Condition::All(cs) => join(cs, " AND ", catalog, lang),
            Condition::Any(cs) => join(cs, " OR ", catalog, lang),
            Condition::Not(c) => format!("NOT ({})", c.describe(catalog, lang)),
            Condition::Always => "always".to_string(),
        }
    }
}

fn join(cs: &[Condition], sep: &str, catalog: &Catalog, lang: &str) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|c| match c {
            Condition::All(_) | Condition::Any(_) => format!("({})", c.describe(catalog, lang)),
            _ => c.describe(catalog, lang),
        })
        .collect();
    parts.join(sep)
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;
    use crate::answers::Answer;

    fn answers() -> Answers {
        Answers::new()
            .with("age", Answer::Number(17))
            .with(
                "concerns",
                Answer::Choices(vec!["acne".into(), "dullness".into()]),
            )
            .with("pregnant", Answer::YesNo(false))
    }

    #[test]
    fn leaves_evaluate() {
        let a = answers();
        let c: Condition =
            serde_json::from_str(r#"{"is":{"question":"concerns","option":"acne"}}"#).unwrap();
        assert!(c.eval(&a));
        let c: Condition =
            serde_json::from_str(r#"{"below":{"question":"age","value":17}}"#).unwrap();
        assert!(!c.eval(&a));
        let c: Condition =
            serde_json::from_str(r#"{"at_least":{"question":"age","value":17}}"#).unwrap();
        assert!(c.eval(&a));
        assert!(Condition::No("pregnant".into()).eval(&a));
        assert!(!Condition::Yes("pregnant".into()).eval(&a));
        assert!(!Condition::Yes("missing".into()).eval(&a));
        assert!(Condition::Not(Box::new(Condition::Answered("missing".into()))).eval(&a));
        let c: Condition = serde_json::from_str(r#""always""#).unwrap();
        assert!(c.eval(&Answers::new()));
    }

    #[test]
    fn trigger_names_the_question_that_made_it_true() {
        let a = answers();
        let c: Condition = serde_json::from_str(
            r#"{"any":[{"yes":"pregnant"},{"is_any":{"question":"concerns","options":["x","acne"]}}]}"#,
        )
        .unwrap();
        assert!(c.eval(&a));
        assert_eq!(c.trigger(&a), Some("concerns"));
        let not_answered = Condition::Not(Box::new(Condition::Answered("sun".into())));
        assert_eq!(not_answered.trigger(&a), Some("sun"));
        assert_eq!(Condition::Yes("pregnant".into()).trigger(&a), None);
    }
}
