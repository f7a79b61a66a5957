//! Saved progress: what is kept in `localStorage` so a patient can close the page and resume.
//!
//! The record is versioned JSON whose answers use the same checked codec as share links
//! ([`crate::app::share`]). Anything that does not decode cleanly (another version, another
//! site's data, a half-written entry) is reported so the widget can start fresh with a notice.

use crate::app::share;
use crate::app::state::Step;
use skin_consult_engine::json::{self, object, Value};
use skin_consult_engine::{Answers, Catalog};

/// The `localStorage` key of the saved progress.
pub const STORAGE_KEY: &str = "skin-consult.progress";

/// The version of the record written by this build.
pub const VERSION: u32 = 1;

/// The longest stored record read at all.
pub const MAX_STORED_LEN: usize = 8192;

/// The stored record: `{"v":1,"answers":"<share codec>","step":"<step key>"}`, nothing else.
struct Record {
    v: u32,
    answers: String,
    step: String,
}

impl Record {
    fn to_json(&self) -> Value {
        object(vec![
            ("v", self.v.into()),
            ("answers", self.answers.as_str().into()),
            ("step", self.step.as_str().into()),
        ])
    }

    /// The record in `stored`, if it is exactly an object of these three members.
    fn read(stored: &str) -> Option<Record> {
        let root = json::parse(stored).ok()?;
        let members = root.as_object()?;
        let known = ["v", "answers", "step"];
        if members.len() != known.len() || members.keys().any(|k| !known.contains(&k.as_str())) {
            return None;
        }
        Some(Record {
            v: u32::try_from(members.get("v")?.as_u64()?).ok()?,
            answers: members.get("answers")?.as_str()?.to_string(),
            step: members.get("step")?.as_str()?.to_string(),
        })
    }
}

/// Progress restored from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The answers given so far.
    pub answers: Answers,
    /// Where the patient was.
    pub step: Step,
}

/// Why stored progress could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Too long to be ours.
    TooLong,
    /// Not JSON of the expected shape.
    Unreadable,
    /// Written by another version.
    OtherVersion(u32),
    /// The answers did not decode.
    Answers(share::DecodeError),
    /// The step names no question of the catalog.
    UnknownStep,
}

/// Serialises progress for storage.
pub fn save(catalog: &Catalog, answers: &Answers, step: &Step) -> String {
    let record = Record {
        v: VERSION,
        answers: share::encode(catalog, answers),
        step: step.to_key(),
    };
    record.to_json().to_string()
}

/// Reads progress written by [`save`]. The answers are kept by question id, so a record
/// written before the questions were reordered reads the same; its step is moved back to the
/// first question still to be answered if it lies beyond one ([`Step::reachable`]).
pub fn restore(catalog: &Catalog, stored: &str) -> Result<Saved, RestoreError> {
    if stored.len() > MAX_STORED_LEN {
        return Err(RestoreError::TooLong);
    }
    let record = Record::read(stored).ok_or(RestoreError::Unreadable)?;
    if record.v != VERSION {
        return Err(RestoreError::OtherVersion(record.v));
    }
    let answers = share::decode(catalog, &record.answers).map_err(RestoreError::Answers)?;
    let step = Step::from_key(&record.step, catalog)
        .ok_or(RestoreError::UnknownStep)?
        .reachable(catalog, &answers);
    Ok(Saved { answers, step })
}

#[cfg(test)]
mod tests {
    use super::*;
    use skin_consult_engine::{builtin_catalog, Answer};

    #[test]
    fn round_trips_every_kind_of_step() {
        let catalog = builtin_catalog();
        let first = catalog.questions[0].id.clone();
        let answers = Answers::new().with(first.clone(), Answer::Number(30));
        for step in [
            Step::Welcome,
            Step::Question(first),
            Step::Review,
            Step::Results,
        ] {
            let stored = save(&catalog, &answers, &step);
            let saved = restore(&catalog, &stored).expect("restores");
            assert_eq!(saved.step, step);
            assert_eq!(saved.answers, answers);
        }
    }

    /// Progress saved before `warning_signs` moved from last to fifth place, by a patient
    /// who had answered the concern questions and reached `makeup` (then the fifth
    /// question). The answers read the same; the patient resumes at `warning_signs`, now
    /// behind `makeup` and still unanswered, instead of skipping it.
    #[test]
    fn progress_saved_before_the_questions_were_reordered_asks_the_warning_signs() {
        let catalog = builtin_catalog();
        let old = r#"{"v":1,"answers":"sc1;age=34;skin_type=oily;concerns=acne;acne_severity=moderate;k=12a8d491","step":"q:makeup"}"#;
        let saved = restore(&catalog, old).expect("old progress still restores");
        let expected = Answers::new()
            .with("age", Answer::Number(34))
            .with("skin_type", Answer::Choice("oily".into()))
            .with("concerns", Answer::Choices(vec!["acne".into()]))
            .with("acne_severity", Answer::Choice("moderate".into()));
        assert_eq!(saved.answers, expected);
        assert_eq!(saved.step, Step::Question("warning_signs".into()));
        // Restoring is stable: what it gives re-saves and restores to the same.
        let again = save(&catalog, &saved.answers, &saved.step);
        assert_eq!(restore(&catalog, &again), Ok(saved.clone()));

        // Once `warning_signs` is answered, the step saved at `makeup` stands.
        let answered = expected
            .clone()
            .with("warning_signs", Answer::Choices(vec!["none".into()]));
        let stored = save(&catalog, &answered, &Step::Question("makeup".into()));
        assert_eq!(
            restore(&catalog, &stored).map(|s| s.step),
            Ok(Step::Question("makeup".into()))
        );
        // A question the answers hide (nothing after a red flag is asked) resumes at the
        // review when nothing is missing.
        let flagged = expected.with(
            "warning_signs",
            Answer::Choices(vec!["injection_reaction".into()]),
        );
        let stored = save(&catalog, &flagged, &Step::Question("makeup".into()));
        assert_eq!(restore(&catalog, &stored).map(|s| s.step), Ok(Step::Review));
    }

    #[test]
    fn rejects_broken_records() {
        let catalog = builtin_catalog();
        let good_answers = share::encode(&catalog, &Answers::new());
        let cases = [
            (String::new(), RestoreError::Unreadable),
            ("{".into(), RestoreError::Unreadable),
            ("null".into(), RestoreError::Unreadable),
            ("[1,2]".into(), RestoreError::Unreadable),
            (
                r#"{"v":"1","answers":"","step":"review"}"#.into(),
                RestoreError::Unreadable,
            ),
            (
                format!(r#"{{"v":1,"answers":"{good_answers}","step":"review","extra":1}}"#),
                RestoreError::Unreadable,
            ),
            (
                format!(r#"{{"v":0,"answers":"{good_answers}","step":"review"}}"#),
                RestoreError::OtherVersion(0),
            ),
            (
                r#"{"v":1,"answers":"sc1;k=00000000","step":"review"}"#.into(),
                RestoreError::Answers(share::DecodeError::Checksum),
            ),
            (
                format!(r#"{{"v":1,"answers":"{good_answers}","step":"q:nope"}}"#),
                RestoreError::UnknownStep,
            ),
            (
                format!(r#"{{"v":1,"answers":"{good_answers}","step":"elsewhere"}}"#),
                RestoreError::UnknownStep,
            ),
            (
                format!(r#"{{"v":1,"v":1,"answers":"{good_answers}"}}"#),
                RestoreError::Unreadable,
            ),
            (
                format!(r#"{{"v":4294967296,"answers":"{good_answers}","step":"review"}}"#),
                RestoreError::Unreadable,
            ),
            ("x".repeat(MAX_STORED_LEN + 1), RestoreError::TooLong),
        ];
        for (stored, expected) in cases {
            assert_eq!(
                restore(&catalog, &stored),
                Err(expected),
                "stored: {stored:?}"
            );
        }
    }
}
