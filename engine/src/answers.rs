//! A patient's answers, keyed by question id.

use crate::small_map::StrMap;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// One answer. In JSON it is the bare value: `"acne"`, `["acne", "pigmentation"]`, `true`, `34`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Answer {
    /// The option id chosen in a single-choice question.
    Choice(String),
    /// The option ids chosen in a multiple-choice question.
    Choices(Vec<String>),
    /// The answer to a yes/no question.
    YesNo(bool),
    /// The answer to a number question (e.g. age in years).
    Number(u32),
}

impl Answer {
    /// True when this answer chose `option` (single or multiple choice).
    pub fn has_option(&self, option: &str) -> bool {
        match self {
            Answer::Choice(c) => c == option,
            Answer::Choices(cs) => cs.iter().any(|c| c == option),
            _ => false,
        }
    }
}

/// All answers of a patient: question id → answer.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Answers(pub StrMap<Answer>);

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// The answer to `question`, if any.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    /// Sets the answer to `question`, returning the previous one.
    pub fn insert(&mut self, question: impl Into<String>, answer: Answer) -> Option<Answer> {
        self.0.insert(question.into(), answer)
    }

    /// Removes the answer to `question`.
    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.0.remove(question)
    }

    /// The answers as a JSON object, exactly as serde writes them (`{"age": 34, "concerns":
    /// ["acne"], ...}`), without serde.
    pub fn to_json(&self) -> crate::json::Value {
        use crate::json::{Map, Value};
        Value::Object(Map(self
            .0
            .iter()
            .map(|(question, answer)| {
                let value = match answer {
                    Answer::Choice(c) => Value::String(c.clone()),
                    Answer::Choices(cs) => {
                        Value::Array(cs.iter().map(|c| Value::String(c.clone())).collect())
                    }
                    Answer::YesNo(b) => Value::Bool(*b),
                    Answer::Number(n) => Value::UInt((*n).into()),
                };
                (question.clone(), value)
            })
            .collect()))
    }

    /// Builder-style [`Answers::insert`].
    pub fn with(mut self, question: impl Into<String>, answer: Answer) -> Answers {
        self.insert(question, answer);
        self
    }

    /// The yes/no answer to `question`, if answered as such.
    pub fn yes_no(&self, question: &str) -> Option<bool> {
        match self.get(question) {
            Some(Answer::YesNo(b)) => Some(*b),
            _ => None,
        }
    }

    /// The number answer to `question`, if answered as such.
    pub fn number(&self, question: &str) -> Option<u32> {
        match self.get(question) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// The chosen option ids of `question` (empty when unanswered or not a choice).
    pub fn options(&self, question: &str) -> Vec<&str> {
        match self.get(question) {
            Some(Answer::Choice(c)) => vec![c.as_str()],
            Some(Answer::Choices(cs)) => cs.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Number of answers.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no answers.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn answers_are_bare_json_values() {
        let a: Answers = serde_json::from_str(
            r#"{"age": 25, "concerns": ["acne"], "skin": "oily", "pregnant": false}"#,
        )
        .unwrap();
        assert_eq!(a.number("age"), Some(25));
        assert_eq!(a.yes_no("pregnant"), Some(false));
        assert_eq!(a.get("skin"), Some(&Answer::Choice("oily".into())));
        assert!(a.get("concerns").unwrap().has_option("acne"));
        assert_eq!(a.options("concerns"), vec!["acne"]);
        assert_eq!(a.to_json().to_string(), serde_json::to_string(&a).unwrap());
        assert_eq!(Answers::new().to_json().to_string(), "{}");
        let back: Answers = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
    }
}
