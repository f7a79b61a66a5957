//! Answer sets and cases shared by the native and the browser tests.
#![allow(dead_code)]

use skin_consult_engine::{Answer, Answers, Catalog, Question, QuestionKind};

/// A valid, harmless answer: age 30, "no", the first option, or "none" where a list offers it.
pub fn harmless(question: &Question) -> Answer {
    match &question.kind {
        QuestionKind::Number { min, max } => Answer::Number(30.clamp(*min, *max)),
        QuestionKind::YesNo => Answer::YesNo(false),
        QuestionKind::SingleChoice => Answer::Choice(question.options[0].id.clone()),
        QuestionKind::MultiChoice => {
            let option = question
                .options
                .iter()
                .find(|o| o.exclusive)
                .unwrap_or(&question.options[0]);
            Answer::Choices(vec![option.id.clone()])
        }
    }
}

/// [`harmless`] answers to every question of the catalog.
pub fn harmless_answers(catalog: &Catalog) -> Answers {
    catalog.questions.iter().fold(Answers::new(), |answers, q| {
        answers.with(q.id.clone(), harmless(q))
    })
}

/// The id and bounds of the catalog's first number question.
pub fn number_question(catalog: &Catalog) -> (String, u32, u32) {
    catalog
        .questions
        .iter()
        .find_map(|q| match q.kind {
            QuestionKind::Number { min, max } => Some((q.id.clone(), min, max)),
            _ => None,
        })
        .expect("the catalog asks a number question")
}

/// `(text, language, text with a capital first letter)`: the same in the browser (the
/// browser's case mapping) and natively (Rust's, with the Turkish dotted-i rule).
pub const CAPITALISATION: [(&str, &str, &str); 9] = [
    ("every 2 weeks", "en", "Every 2 weeks"),
    ("iki haftada bir", "tr", "İki haftada bir"),
    ("ılık", "tr", "Ilık"),
    ("iki", "tr-TR", "İki"),
    ("iki", "en", "Iki"),
    ("ölçü", "tr", "Ölçü"),
    ("über", "de", "Über"),
    ("x", "not a tag!", "X"),
    ("", "tr", ""),
];

/// Whether the published configuration schema (`schema/config.schema.json`) accepts `json`,
/// checked with a real JSON Schema validator.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema_accepts(json: &serde_json::Value) -> Result<(), String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/config.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("urn:skin-consult:config", schema)
        .unwrap();
    let index = compiler
        .compile("urn:skin-consult:config", &mut schemas)
        .map_err(|e| format!("the schema does not compile: {e}"))?;
    schemas.validate(json, index).map_err(|e| format!("{e:#}"))
}

/// The typical patient of the end-to-end tests: 28, combination skin, mild acne, pores and
/// dullness, no professional facial before, nothing that rules a treatment out.
pub fn typical_patient() -> Answers {
    let mut answers = Answers::new()
        .with("age", Answer::Number(28))
        .with("skin_type", Answer::Choice("combination".into()))
        .with(
            "concerns",
            Answer::Choices(vec![
                "acne".into(),
                "blackheads_pores".into(),
                "dullness".into(),
            ]),
        )
        .with("acne_severity", Answer::Choice("mild".into()))
        .with("makeup", Answer::Choice("light_daily".into()))
        .with("facial_before", Answer::YesNo(false))
        .with("sun_burn", Answer::Choice("type_3".into()))
        .with("downtime", Answer::Choice("few_days".into()));
    for no in [
        "recent_tan",
        "pregnant",
        "isotretinoin",
        "active_skin_problem",
        "cold_sores",
        "keloid",
        "blood_thinners",
        "neuromuscular",
        "immune",
        "retinoid_use",
        "smoking",
    ] {
        answers = answers.with(no, Answer::YesNo(false));
    }
    for none in ["allergies", "recent_procedures", "warning_signs"] {
        answers = answers.with(none, Answer::Choices(vec!["none".into()]));
    }
    answers
}
