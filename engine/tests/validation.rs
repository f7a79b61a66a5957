//! Broken catalogs: validation must report every problem, each with its path.

use serde_json::{json, Value};
use skin_consult_engine::{parse_catalog, ValidationError, BUILTIN_CATALOG_JSON};

fn builtin() -> Value {
    serde_json::from_str(BUILTIN_CATALOG_JSON).unwrap()
}

fn errors(v: &Value) -> Vec<ValidationError> {
    match parse_catalog(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn has(errs: &[ValidationError], path: &str, message_part: &str) -> bool {
    errs.iter()
        .any(|e| e.path == path && e.message.contains(message_part))
}

fn assert_has(errs: &[ValidationError], path: &str, message_part: &str) {
    assert!(
        has(errs, path, message_part),
        "no error `{path}: …{message_part}…` in:\n{}",
        errs.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn proc_index(v: &Value, id: &str) -> usize {
    v["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == id)
        .unwrap()
}

fn question_index(v: &Value, id: &str) -> usize {
    v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == id)
        .unwrap()
}

#[test]
fn builtin_is_valid() {
    assert!(errors(&builtin()).is_empty());
}

#[test]
fn zero_and_inverted_intervals() {
    let mut v = builtin();
    let i = proc_index(&v, "medical-skin-care");
    v["procedures"][i]["frequency"]["variants"][0]["plan"]["initial"]["interval"]["min_days"] =
        json!(0);
    let j = proc_index(&v, "botulinum-toxin");
    v["procedures"][j]["frequency"]["variants"][0]["plan"]["maintenance"] =
        json!({"min_days": 180, "max_days": 90});
    let e = errors(&v);
    assert_has(
        &e,
        &format!("procedures[{i}].frequency.variants[0].plan.initial.interval.min_days"),
        "must be > 0",
    );
    assert_has(
        &e,
        &format!("procedures[{j}].frequency.variants[0].plan.maintenance"),
        "min_days 180 > max_days 90",
    );
}

#[test]
fn intervals_outside_bounds_and_toxin_gap() {
    let mut v = builtin();
    let j = proc_index(&v, "botulinum-toxin");
    v["procedures"][j]["frequency"]["variants"][0]["plan"]["maintenance"] =
        json!({"min_days": 30, "max_days": 180});
    let e = errors(&v);
    assert_has(
        &e,
        &format!("procedures[{j}].frequency.variants[0].plan.maintenance"),
        "outside the bounds",
    );
    assert_has(
        &e,
        &format!("procedures[{j}].frequency.variants[0].plan.maintenance.min_days"),
        "sooner than min_gap_days 90",
    );
}

#[test]
fn duplicate_and_unknown_ids() {
    let mut v = builtin();
    v["questions"][1]["id"] = json!("age");
    v["procedures"][1]["id"] = json!("medical-skin-care");
    v["rules"][0]["procedures"] = json!(["medical-skin-care", "laser-hair-removal"]);
    v["procedures"][0]["concerns"] = json!(["acne", "wrinkles"]);
    let e = errors(&v);
    assert_has(&e, "questions[1].id", "duplicate id `age`");
    assert_has(&e, "procedures[1].id", "duplicate id `medical-skin-care`");
    assert_has(
        &e,
        "rules[0].procedures[1]",
        "unknown procedure `laser-hair-removal`",
    );
    assert_has(
        &e,
        "procedures[0].concerns[1]",
        "unknown concern `wrinkles`",
    );
}

#[test]
fn conditions_naming_unknown_questions_or_options() {
    let mut v = builtin();
    let q = question_index(&v, "acne_severity");
    v["questions"][q]["show_if"] = json!({"is": {"question": "concerns", "option": "spots"}});
    v["rules"][0]["when"] = json!({"yes": "is_vampire"});
    v["rules"][1]["when"] =
        json!({"all": [{"below": {"question": "pregnant", "value": 3}}, {"yes": "concerns"}]});
    v["red_flags"][0]["when"] = json!({"is_any": {"question": "warning_signs", "options": []}});
    let e = errors(&v);
    assert_has(
        &e,
        &format!("questions[{q}].show_if.is.option"),
        "unknown option `spots`",
    );
    assert_has(&e, "rules[0].when.yes", "unknown question `is_vampire`");
    assert_has(
        &e,
        "rules[1].when.all[0].below.question",
        "not a number question",
    );
    assert_has(&e, "rules[1].when.all[1].yes", "not a yes/no question");
    assert_has(&e, "red_flags[0].when.is_any.options", "must not be empty");
}

#[test]
fn show_if_may_only_look_back() {
    let mut v = builtin();
    v["questions"][0]["show_if"] = json!({"yes": "pregnant"});
    let e = errors(&v);
    assert_has(&e, "questions[0].show_if.yes", "not an earlier question");
}

#[test]
fn empty_and_missing_texts() {
    let mut v = builtin();
    v["questions"][2]["prompt"]["tr"] = json!("  ");
    v["procedures"][3]["summary"]
        .as_object_mut()
        .unwrap()
        .remove("tr");
    v["rules"][2]["reason"]["de"] = json!("Grund");
    v["procedures"][4]["steps"] = json!([]);
    let e = errors(&v);
    assert_has(&e, "questions[2].prompt.tr", "must not be empty");
    assert_has(&e, "procedures[3].summary.tr", "missing translation");
    assert_has(&e, "rules[2].reason.de", "not declared");
    assert_has(&e, "procedures[4].steps", "at least one step");
}

#[test]
fn rules_pointing_nowhere_and_unsourced() {
    let mut v = builtin();
    v["rules"][3]["procedures"] = json!([]);
    v["rules"][4]["sources"] = json!([]);
    v["rules"][5]["sources"] = json!(["a blog I read"]);
    v["rules"][6]["effect"] = json!({"score": 0});
    let e = errors(&v);
    assert_has(&e, "rules[3].procedures", "at least one procedure");
    assert_has(&e, "rules[4].sources", "at least one source");
    assert_has(&e, "rules[5].sources[0]", "seed:");
    assert_has(&e, "rules[6].effect.score", "must not be 0");
}

#[test]
fn frequency_variants_need_a_fallback_last() {
    let mut v = builtin();
    let i = proc_index(&v, "medical-skin-care");
    let variants = v["procedures"][i]["frequency"]["variants"]
        .as_array_mut()
        .unwrap();
    variants.pop();
    let k = variants.len() - 1;
    let mut w = builtin();
    w["procedures"][i]["frequency"]["variants"][0]
        .as_object_mut()
        .unwrap()
        .remove("when");
    let e = errors(&v);
    assert_has(
        &e,
        &format!("procedures[{i}].frequency.variants[{k}].when"),
        "fallback",
    );
    let e = errors(&w);
    assert_has(
        &e,
        &format!("procedures[{i}].frequency.variants[0].when"),
        "unreachable",
    );
}

#[test]
fn question_shapes() {
    let mut v = builtin();
    let age = question_index(&v, "age");
    v["questions"][age]["kind"] = json!({"number": {"min": 90, "max": 10}});
    let q = question_index(&v, "skin_type");
    v["questions"][q]["options"][0]["exclusive"] = json!(true);
    let p = question_index(&v, "pregnant");
    v["questions"][p]["options"] = json!([{"id": "x", "label": {"en": "x", "tr": "x"}}]);
    let e = errors(&v);
    assert_has(
        &e,
        &format!("questions[{age}].kind.number"),
        "min 90 > max 10",
    );
    assert_has(
        &e,
        &format!("questions[{q}].options[0].exclusive"),
        "multi_choice",
    );
    assert_has(&e, &format!("questions[{p}].options"), "no options");
}

#[test]
fn all_problems_are_returned_at_once() {
    let mut v = builtin();
    v["questions"][1]["id"] = json!("age");
    v["rules"][0]["procedures"] = json!(["nowhere"]);
    v["procedures"][0]["name"]["tr"] = json!("");
    v["red_flags"][0]["sources"] = json!([]);
    let e = errors(&v);
    assert!(e.len() >= 4, "{e:?}");
}

#[test]
fn json_errors_become_a_validation_error_with_a_path() {
    let e = parse_catalog("{ \"version\": 1,").unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].path.starts_with("line 1"), "{:?}", e[0]);
    let mut v = builtin();
    v["procedures"][0]["colour"] = json!("blue");
    let e = errors(&v);
    assert!(e[0].message.contains("unknown field `colour`"), "{e:?}");
}

#[test]
fn checking_only_procedures_reports_exactly_the_procedure_problems() {
    use skin_consult_engine::parse_catalog_procedures;
    let mut v = builtin();
    let peel = proc_index(&v, "chemical-peel");
    v["procedures"][peel]["frequency"]["bounds"]["min_days"] = json!(0);
    v["procedures"][peel]["downtime"] = json!({"en": "A day or two"});
    v["questions"][0]["id"] = json!("");
    v["rules"] = json!([]);
    let all = errors(&v);
    let procedures_only = parse_catalog_procedures(&v.to_string()).unwrap_err();
    let expected: Vec<&ValidationError> = all
        .iter()
        .filter(|e| e.path.starts_with("procedures["))
        .collect();
    assert!(expected.len() >= 2, "{all:?}");
    assert!(
        all.len() > expected.len(),
        "the question problem is reported"
    );
    assert_eq!(procedures_only.iter().collect::<Vec<_>>(), expected);
    assert!(parse_catalog_procedures(BUILTIN_CATALOG_JSON).is_ok());
}
