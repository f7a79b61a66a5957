//! The compact, versioned answer codec used by share links and saved progress.
//!
//! A share link carries the answers in the URL *fragment*, which browsers never send to a
//! server: `#sc1;age=34;skin-type=oily;concerns=acne,pores;pregnant=n;k=1a2b3c4d`.
//! Each answer is `question=value` (an option id, comma-separated option ids, `y`/`n`, or a
//! whole number); `k` is a checksum over everything before it, so a truncated or edited link
//! is recognised instead of being half-read. Decoding is catalog-aware: every answer is
//! checked against its question, and anything unknown or invalid rejects the whole payload.

use skin_consult_engine::questionnaire::check_answer;
use skin_consult_engine::{Answer, Answers, Catalog, QuestionKind};

/// The marker and version that start every encoded payload.
pub const PREFIX: &str = "sc1";

/// The longest payload decoded at all; anything longer is rejected before parsing.
pub const MAX_ENCODED_LEN: usize = 4096;

/// Why an encoded payload was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Longer than [`MAX_ENCODED_LEN`].
    TooLong,
    /// Does not start with a known version marker.
    UnknownVersion,
    /// The checksum is missing or does not match: truncated or edited.
    Checksum,
    /// A part is not of the form `question=value`, or is repeated.
    Malformed,
    /// The question id is not in the catalog.
    UnknownQuestion(String),
    /// The value does not fit its question.
    InvalidAnswer(String),
}

/// Encodes answers (in catalog question order, so the result is canonical).
pub fn encode(catalog: &Catalog, answers: &Answers) -> String {
    let mut out = String::from(PREFIX);
    for question in &catalog.questions {
        let Some(answer) = answers.get(&question.id) else {
            continue;
        };
        out.push(';');
        out.push_str(&question.id);
        out.push('=');
        match answer {
            Answer::Choice(option) => out.push_str(option),
            Answer::Choices(options) => out.push_str(&options.join(",")),
            Answer::YesNo(yes) => out.push(if *yes { 'y' } else { 'n' }),
            Answer::Number(n) => out.push_str(&n.to_string()),
        }
    }
    let sum = checksum(&out);
    out.push_str(&format!(";k={sum:08x}"));
    out
}

/// Decodes and checks a payload made by [`encode`]; a leading `#` is ignored.
pub fn decode(catalog: &Catalog, encoded: &str) -> Result<Answers, DecodeError> {
    if encoded.len() > MAX_ENCODED_LEN {
        return Err(DecodeError::TooLong);
    }
    let encoded = encoded.strip_prefix('#').unwrap_or(encoded);
    let (body, sum) = encoded.rsplit_once(";k=").ok_or(DecodeError::Checksum)?;
    if u32::from_str_radix(sum, 16).ok() != Some(checksum(body)) || sum.len() != 8 {
        return Err(DecodeError::Checksum);
    }
    let mut parts = body.split(';');
    if parts.next() != Some(PREFIX) {
        return Err(DecodeError::UnknownVersion);
    }
    let mut answers = Answers::new();
    for part in parts {
        let (id, value) = part.split_once('=').ok_or(DecodeError::Malformed)?;
        let question = catalog
            .question(id)
            .ok_or_else(|| DecodeError::UnknownQuestion(id.to_string()))?;
        let invalid = || DecodeError::InvalidAnswer(id.to_string());
        let answer = match question.kind {
            QuestionKind::SingleChoice => Answer::Choice(value.to_string()),
            QuestionKind::MultiChoice => {
                Answer::Choices(value.split(',').map(str::to_string).collect())
            }
            QuestionKind::YesNo => match value {
                "y" => Answer::YesNo(true),
                "n" => Answer::YesNo(false),
                _ => return Err(invalid()),
            },
            QuestionKind::Number { .. } => {
                let digits_only = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
                Answer::Number(
                    value
                        .parse()
                        .ok()
                        .filter(|_| digits_only)
                        .ok_or_else(invalid)?,
                )
            }
        };
        check_answer(question, &answer).map_err(|_| invalid())?;
        if answers.insert(id, answer).is_some() {
            return Err(DecodeError::Malformed);
        }
    }
    Ok(answers)
}

/// FNV-1a, 32 bits: enough to notice truncation and casual edits (not a security measure).
fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use skin_consult_engine::builtin_catalog;

    fn sample(catalog: &Catalog) -> Answers {
        let mut answers = Answers::new();
        for question in catalog.questions.iter().take(6) {
            let answer = match &question.kind {
                QuestionKind::SingleChoice => Answer::Choice(question.options[0].id.clone()),
                QuestionKind::MultiChoice => Answer::Choices(vec![question.options[0].id.clone()]),
                QuestionKind::YesNo => Answer::YesNo(true),
                QuestionKind::Number { min, .. } => Answer::Number(*min),
            };
            answers.insert(question.id.clone(), answer);
        }
        answers
    }

    #[test]
    fn round_trips_and_is_canonical() {
        let catalog = builtin_catalog();
        let answers = sample(&catalog);
        let encoded = encode(&catalog, &answers);
        assert!(encoded.starts_with("sc1;"));
        assert_eq!(decode(&catalog, &encoded), Ok(answers.clone()));
        assert_eq!(
            decode(&catalog, &format!("#{encoded}")),
            Ok(answers.clone())
        );
        assert_eq!(
            encode(&catalog, &decode(&catalog, &encoded).unwrap()),
            encoded
        );
    }

    #[test]
    fn empty_answers_round_trip() {
        let catalog = builtin_catalog();
        let encoded = encode(&catalog, &Answers::new());
        assert_eq!(decode(&catalog, &encoded), Ok(Answers::new()));
    }

    /// Re-signs a hand-edited body, as a careful tamperer would.
    fn signed(body: &str) -> String {
        format!("{body};k={:08x}", checksum(body))
    }

    #[test]
    fn rejects_broken_payloads() {
        let catalog = builtin_catalog();
        let good = encode(&catalog, &sample(&catalog));
        let first = &catalog.questions[0].id;
        let yes_no = catalog
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::YesNo)
            .map(|q| q.id.clone())
            .unwrap();
        let cases: Vec<(String, DecodeError)> = vec![
            (String::new(), DecodeError::Checksum),
            (good[..good.len() - 3].to_string(), DecodeError::Checksum),
            (good[..good.len() / 2].to_string(), DecodeError::Checksum),
            (good.replacen("sc1", "sc1;x", 1), DecodeError::Checksum),
            ("x".repeat(MAX_ENCODED_LEN + 1), DecodeError::TooLong),
            (signed("sc9"), DecodeError::UnknownVersion),
            (signed("sc1;nonsense"), DecodeError::Malformed),
            (
                signed("sc1;no-such-question=1"),
                DecodeError::UnknownQuestion("no-such-question".into()),
            ),
            (
                signed(&format!("sc1;{yes_no}=maybe")),
                DecodeError::InvalidAnswer(yes_no.clone()),
            ),
            (
                signed(&format!("sc1;{yes_no}=y;{yes_no}=n")),
                DecodeError::Malformed,
            ),
            (
                signed(&format!("sc1;{first}=")),
                DecodeError::InvalidAnswer(first.clone()),
            ),
            (
                signed(&format!("sc1;{first}=<script>")),
                DecodeError::InvalidAnswer(first.clone()),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(decode(&catalog, &input), Err(expected), "input: {input:?}");
        }
    }

    #[test]
    fn rejects_numbers_out_of_range_or_not_plain_digits() {
        let catalog = builtin_catalog();
        let (id, max) = catalog
            .questions
            .iter()
            .find_map(|q| match q.kind {
                QuestionKind::Number { max, .. } => Some((q.id.clone(), max)),
                _ => None,
            })
            .unwrap();
        for value in [
            format!("{}", u64::from(max) + 1),
            "+5".into(),
            "-1".into(),
            "99999999999".into(),
            " 30".into(),
        ] {
            let input = signed(&format!("sc1;{id}={value}"));
            assert_eq!(
                decode(&catalog, &input),
                Err(DecodeError::InvalidAnswer(id.clone())),
                "{value}"
            );
        }
    }
}
