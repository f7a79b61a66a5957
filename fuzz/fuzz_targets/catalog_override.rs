//! Catalog overrides: `skin_consult_engine::parse_catalog` on mutated catalogs.
//!
//! The first input byte picks the mode:
//! * even: the rest is the catalog text itself (byte-level mutation of JSON, from the seeds);
//! * odd: the rest is a list of 4-byte edits applied to the built-in catalog as JSON (replace a
//!   node with null / a negative, huge or boolean value / another node's value / a known id,
//!   empty it, duplicate, drop or reorder list items, drop or add keys), so the fuzzer spends
//!   its time on catalogs that parse and reach validation.
//!
//! Properties: `parse_catalog` never panics or hangs, and a catalog it accepts is usable end to
//! end: it re-serialises to a text that parses to the same catalog; the questionnaire, `assess`
//! (for two personas' answers), `describe_plan`, `schedule` of the suggested plans and `to_ics`
//! all run without panicking, and a schedule that has sessions always makes a calendar.

#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use skin_consult::app::share;
use skin_consult_engine::persona::{parse_personas, Persona};
use skin_consult_engine::{
    assess, check_answer, describe_plan, missing_required, parse_catalog, schedule, to_ics,
    visible_questions, Answer, Answers, Catalog, Date, Plan, QuestionKind, Status, Timestamp,
    BUILTIN_CATALOG_JSON,
};

fn builtin_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| serde_json::from_str(BUILTIN_CATALOG_JSON).expect("built-in catalog"))
}

/// Short strings of the built-in catalog (ids, language codes) plus a few hostile ones.
fn string_pool() -> &'static Vec<String> {
    static POOL: OnceLock<Vec<String>> = OnceLock::new();
    POOL.get_or_init(|| {
        fn walk(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::String(s) if s.len() <= 40 => out.push(s.clone()),
                Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
                Value::Object(map) => map.values().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
        let mut pool = vec![
            String::new(),
            " ".into(),
            "xx".into(),
            "<script>alert(1)</script>".into(),
            "\u{202e}evil".into(),
            "x".repeat(5000),
        ];
        walk(builtin_value(), &mut pool);
        pool.sort();
        pool.dedup();
        pool
    })
}

fn personas() -> &'static Vec<Persona> {
    static PERSONAS: OnceLock<Vec<Persona>> = OnceLock::new();
    PERSONAS.get_or_init(|| {
        parse_personas(include_str!("../../engine/catalog/personas.json")).expect("personas")
    })
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node in depth-first order.
fn nth(v: &Value, n: &mut usize) -> Option<Value> {
    if *n == 0 {
        return Some(v.clone());
    }
    *n -= 1;
    match v {
        Value::Array(items) => items.iter().find_map(|i| nth(i, n)),
        Value::Object(map) => map.values().find_map(|i| nth(i, n)),
        _ => None,
    }
}

fn nth_mut<'a>(v: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
    if *n == 0 {
        return Some(v);
    }
    *n -= 1;
    match v {
        Value::Array(items) => {
            for item in items {
                if let Some(found) = nth_mut(item, n) {
                    return Some(found);
                }
            }
            None
        }
        Value::Object(map) => {
            for item in map.values_mut() {
                if let Some(found) = nth_mut(item, n) {
                    return Some(found);
                }
            }
            None
        }
        _ => None,
    }
}

fn apply_edits(root: &mut Value, edits: &[u8]) {
    for edit in edits.chunks_exact(4).take(16) {
        let nodes = count(root);
        let target = usize::from(u16::from_le_bytes([edit[0], edit[1]])) % nodes;
        let (action, arg) = (edit[2], usize::from(edit[3]));
        let source = nth(root, &mut ((target * 31 + arg * 257) % nodes));
        let pool = string_pool();
        let Some(node) = nth_mut(root, &mut target.clone()) else {
            continue;
        };
        match (action % 14, node) {
            (0, node) => *node = Value::Null,
            (1, node) => *node = Value::from(arg as i64 - 128),
            (2, node) => {
                *node = match arg % 4 {
                    0 => Value::from(u64::MAX),
                    1 => Value::from(i64::MIN),
                    2 => Value::from(u64::from(u32::MAX) + 1),
                    _ => Value::from(1e300),
                }
            }
            (3, node) => *node = Value::from(pool[(arg * 7919 + target) % pool.len()].clone()),
            (4, node) => *node = Value::Array(Vec::new()),
            (5, node) => *node = Value::Object(Default::default()),
            (6, Value::Array(items)) if !items.is_empty() => {
                let item = items[arg % items.len()].clone();
                items.push(item);
            }
            (7, Value::Array(items)) if !items.is_empty() => {
                items.remove(arg % items.len());
            }
            (8, Value::Object(map)) if !map.is_empty() => {
                let key = map.keys().nth(arg % map.len()).cloned().unwrap_or_default();
                map.remove(&key);
            }
            (9, Value::Array(items)) => items.reverse(),
            (10, node) => *node = source.unwrap_or(Value::Null),
            (11, node) => *node = Value::Bool(arg % 2 == 0),
            (12, Value::Object(map)) => {
                map.insert(pool[arg % pool.len()].clone(), Value::from(0));
            }
            (13, node) => {
                if let Some(x) = node.as_i64() {
                    *node = Value::from(match arg % 4 {
                        0 => x.saturating_neg(),
                        1 => x.saturating_add(1),
                        2 => x.saturating_sub(1),
                        _ => x.saturating_mul(1000),
                    });
                }
            }
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = if mode % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let mut root = builtin_value().clone();
        apply_edits(&mut root, rest);
        root.to_string()
    };
    let Ok(catalog) = parse_catalog(&text) else {
        return;
    };
    let again = serde_json::to_string(&catalog).expect("serialises");
    assert_eq!(parse_catalog(&again).as_ref(), Ok(&catalog), "round trip");
    let people = personas();
    let seed = data
        .iter()
        .fold(0usize, |h, b| h.wrapping_mul(31) ^ usize::from(*b));
    for persona in [
        &people[seed % people.len()],
        &people[(seed / 7) % people.len()],
    ] {
        exercise(&catalog, persona);
    }
    share_links_round_trip(&catalog);
});

/// Answers the override's questions (first option, two options, yes, both number bounds) and
/// checks that a share link made under it opens under it.
fn share_links_round_trip(catalog: &Catalog) {
    for pick in 0..2 {
        let mut answers = Answers::new();
        for question in &catalog.questions {
            let answer = match &question.kind {
                QuestionKind::SingleChoice => question
                    .options
                    .first()
                    .map(|o| Answer::Choice(o.id.clone())),
                QuestionKind::MultiChoice => Some(Answer::Choices(
                    question
                        .options
                        .iter()
                        .take(pick + 1)
                        .map(|o| o.id.clone())
                        .collect(),
                )),
                QuestionKind::YesNo => Some(Answer::YesNo(pick == 0)),
                QuestionKind::Number { min, max } => {
                    Some(Answer::Number(if pick == 0 { *min } else { *max }))
                }
            };
            if let Some(answer) = answer.filter(|a| check_answer(question, a).is_ok()) {
                answers.insert(question.id.clone(), answer);
            }
        }
        let link = share::encode(catalog, &answers);
        if link.len() <= share::MAX_ENCODED_LEN {
            assert_eq!(share::decode(catalog, &link), Ok(answers), "{link}");
        }
    }
}

fn exercise(catalog: &Catalog, persona: &Persona) {
    let answers = &persona.answers;
    let _ = visible_questions(catalog, answers);
    let _ = missing_required(catalog, answers);
    let assessment = assess(catalog, answers);
    let mut chosen: Vec<(&str, &Plan)> = Vec::new();
    for result in assessment.results() {
        if let Some(plan) = &result.plan {
            for lang in &catalog.languages {
                let _ = describe_plan(plan, catalog.locale(lang));
            }
            if result.status == Status::Suggested {
                chosen.push((result.procedure_id.as_str(), plan));
            }
        }
    }
    let today = Date::from_ymd(2026, 1, 5).expect("date");
    if let Ok(dated) = schedule(catalog, &chosen, today, today, 365) {
        assert!(dated
            .sessions
            .iter()
            .all(|s| s.date >= today && s.date <= dated.end));
        let stamp = Timestamp::new(today, 9, 0, 0).expect("time");
        for lang in &catalog.languages {
            to_ics(&dated, catalog, lang, "Clinic", stamp)
                .expect("a dated schedule has a calendar");
        }
    }
}
