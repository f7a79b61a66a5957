//! The compact, versioned answer codec used by share links and saved progress.
//!
//! A share link carries the answers in the URL *fragment*, which browsers never send to a
//! server: `#sc1;age=34;skin-type=oily;concerns=acne,pores;pregnant=n;k=1a2b3c4d`.
//! Each answer is `question=value` (an option id, comma-separated option ids, `y`/`n`, or a
//! whole number); `k` is a checksum over everything before it, so a truncated or edited link
//! is recognised instead of being half-read. Decoding is catalog-aware: every answer is
//! checked against its question, and anything unknown or invalid rejects the whole payload.

use crate::questionnaire::check_answer;
use crate::{Answer, Answers, Catalog, QuestionKind};

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
    signed(&out)
}

/// `body` with its `;k=` checksum appended: how [`encode`] ends a link, and how tests and fuzz
/// targets re-sign a hand-edited body (so it reaches what lies behind the checksum).
pub fn signed(body: &str) -> String {
    format!("{body};k={:08x}", checksum(body))
}

/// Decodes and checks a payload made by [`encode`]; a leading `#` is ignored.
///
/// Answers are read by question id, in any order, so a link made before the catalog's
/// questions were reordered (`warning_signs` was last until it moved after the concern
/// questions) reads exactly as it did; `encode` writes the current order.
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
    use crate::builtin_catalog;

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

    /// A link made before `warning_signs` moved from last to fifth place: the old
    /// `encode` wrote the answers in the old catalog order (below). It must read as the same
    /// answers, never as a shifted or partial set, and still give its referral.
    const LINK_BEFORE_REORDER: &str = "sc1;age=34;skin_type=oily;concerns=acne,expression_lines;\
acne_severity=moderate;makeup=rarely;facial_before=y;sun_burn=type_3;recent_tan=n;pregnant=n;\
isotretinoin=n;active_skin_problem=n;cold_sores=n;keloid=n;blood_thinners=n;neuromuscular=n;\
immune=n;allergies=none;retinoid_use=n;recent_procedures=none;toxin_recent=n;smoking=n;\
downtime=few_days;warning_signs=eye_symptoms;k=27553f94";

    /// The catalog's question order when [`LINK_BEFORE_REORDER`] was made.
    const ORDER_BEFORE_REORDER: [&str; 23] = [
        "age",
        "skin_type",
        "concerns",
        "acne_severity",
        "makeup",
        "facial_before",
        "sun_burn",
        "recent_tan",
        "pregnant",
        "isotretinoin",
        "active_skin_problem",
        "cold_sores",
        "keloid",
        "blood_thinners",
        "neuromuscular",
        "immune",
        "allergies",
        "retinoid_use",
        "recent_procedures",
        "toxin_recent",
        "smoking",
        "downtime",
        "warning_signs",
    ];

    #[test]
    fn a_link_made_before_the_questions_were_reordered_reads_the_same() {
        use crate::{assess, Assessment};
        let catalog = builtin_catalog();
        // The fixture is what the old encoder wrote: the old order, every answer.
        let ids: Vec<&str> = LINK_BEFORE_REORDER
            .split(';')
            .skip(1)
            .filter_map(|part| part.split_once('=').map(|(id, _)| id))
            .filter(|id| *id != "k")
            .collect();
        assert_eq!(ids, ORDER_BEFORE_REORDER);
        let now: Vec<&str> = catalog.questions.iter().map(|q| q.id.as_str()).collect();
        assert_ne!(now, ORDER_BEFORE_REORDER, "the order did change");

        let yes_no = |yes| Answer::YesNo(yes);
        let choices = |ids: &[&str]| Answer::Choices(ids.iter().map(|s| s.to_string()).collect());
        let expected = Answers::new()
            .with("age", Answer::Number(34))
            .with("skin_type", Answer::Choice("oily".into()))
            .with("concerns", choices(&["acne", "expression_lines"]))
            .with("acne_severity", Answer::Choice("moderate".into()))
            .with("makeup", Answer::Choice("rarely".into()))
            .with("facial_before", yes_no(true))
            .with("sun_burn", Answer::Choice("type_3".into()))
            .with("recent_tan", yes_no(false))
            .with("pregnant", yes_no(false))
            .with("isotretinoin", yes_no(false))
            .with("active_skin_problem", yes_no(false))
            .with("cold_sores", yes_no(false))
            .with("keloid", yes_no(false))
            .with("blood_thinners", yes_no(false))
            .with("neuromuscular", yes_no(false))
            .with("immune", yes_no(false))
            .with("allergies", choices(&["none"]))
            .with("retinoid_use", yes_no(false))
            .with("recent_procedures", choices(&["none"]))
            .with("toxin_recent", yes_no(false))
            .with("smoking", yes_no(false))
            .with("downtime", Answer::Choice("few_days".into()))
            .with("warning_signs", choices(&["eye_symptoms"]));
        let decoded = decode(&catalog, LINK_BEFORE_REORDER).expect("an old link still opens");
        assert_eq!(decoded, expected);
        // Still the referral it gave, for the eye symptoms.
        let Assessment::Referral(referral) = assess(&catalog, &decoded) else {
            panic!("an old red-flag link still gives its referral");
        };
        let flags: Vec<&str> = referral.flags.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(flags, ["eye_symptoms"]);
        // Re-encoded, the answers come in the new order and read the same again.
        let encoded = encode(&catalog, &decoded);
        assert_ne!(encoded, LINK_BEFORE_REORDER);
        assert_eq!(decode(&catalog, &encoded), Ok(decoded));
    }

    #[test]
    fn answers_in_any_order_read_the_same() {
        let catalog = builtin_catalog();
        let answers = sample(&catalog);
        let canonical = encode(&catalog, &answers);
        let body = canonical.rsplit_once(";k=").unwrap().0;
        let mut parts: Vec<&str> = body.split(';').skip(1).collect();
        parts.reverse();
        let reversed = signed(&format!("sc1;{}", parts.join(";")));
        assert_ne!(reversed, canonical);
        assert_eq!(decode(&catalog, &reversed), Ok(answers));
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
