//! `parse_catalog` reads the catalog without serde; it must give exactly the `Catalog` that
//! serde's derives give, refuse what they refuse, and name the offending field.

use serde_json::{json, Value};
use skin_consult_engine::{parse_catalog, Catalog, BUILTIN_CATALOG_JSON};

fn builtin() -> Value {
    serde_json::from_str(BUILTIN_CATALOG_JSON).unwrap()
}

fn serde(json: &str) -> Result<Catalog, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn builtin_catalog_decodes_exactly_as_serde_does() {
    let ours = parse_catalog(BUILTIN_CATALOG_JSON).unwrap();
    assert_eq!(ours, serde(BUILTIN_CATALOG_JSON).unwrap());
    // The readable source (indented, keys in source order) and serde_json's own rendering
    // (keys sorted, pretty) decode to the same catalog too.
    let source = include_str!("../catalog/catalog.json");
    assert_eq!(parse_catalog(source).unwrap(), ours);
    let pretty = serde_json::to_string_pretty(&builtin()).unwrap();
    assert_eq!(parse_catalog(&pretty).unwrap(), ours);
    // What serde writes back (defaults spelled out) reads back the same.
    assert_eq!(
        parse_catalog(&serde_json::to_string(&ours).unwrap()).unwrap(),
        ours
    );
}

/// A mutation of the built-in catalog, as a JSON pointer and the value put there (`None`
/// removes the member).
type Edit = (&'static str, Option<Value>);

fn edited(edits: &[Edit]) -> String {
    let mut v = builtin();
    for (pointer, value) in edits {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = if parent.is_empty() {
            &mut v
        } else {
            v.pointer_mut(parent)
                .unwrap_or_else(|| panic!("no {parent}"))
        };
        match (target, value) {
            (Value::Object(o), Some(x)) => {
                o.insert(key.to_string(), x.clone());
            }
            (Value::Object(o), None) => {
                o.remove(key).unwrap_or_else(|| panic!("no {pointer}"));
            }
            (Value::Array(a), Some(x)) => a[key.parse::<usize>().unwrap()] = x.clone(),
            (t, _) => panic!("cannot edit {pointer} in {t}"),
        }
    }
    v.to_string()
}

#[test]
fn equivalent_spellings_decode_as_serde_does() {
    let cases: Vec<Vec<Edit>> = vec![
        // Optional fields written as null are absent.
        vec![("/questions/0/help", Some(Value::Null))],
        vec![("/procedures/0/note", Some(Value::Null))],
        vec![("/rules/0/note", Some(Value::Null))],
        vec![("/questions/1/show_if", Some(Value::Null))],
        vec![(
            "/procedures/0/frequency/variants/0/plan/initial",
            Some(Value::Null),
        )],
        // Defaulted fields may be left out.
        vec![("/questions/0/required", None)],
        vec![("/procedures/0/min_age_sources", Some(json!([])))],
        vec![("/questions/1/options/0/exclusive", Some(json!(false)))],
        // A unit variant may be written as an object with a null payload.
        vec![("/rules/6/effect", Some(json!({"exclude": null})))],
        vec![("/questions/1/kind", Some(json!({"single_choice": null})))],
        // Escapes in strings.
        vec![(
            "/procedures/0/name/en",
            Some(json!("Medical skin care \u{2014} \"plus\" \\ ş 😀")),
        )],
    ];
    for edits in cases {
        let json = edited(&edits);
        let theirs = serde(&json).unwrap_or_else(|e| panic!("{edits:?}: serde refused: {e}"));
        let ours = parse_catalog(&json).unwrap_or_else(|e| panic!("{edits:?}: {e:?}"));
        assert_eq!(ours, theirs, "{edits:?}");
    }
}

#[test]
fn broken_catalogs_are_refused_by_both_with_a_named_path() {
    let bounds = "/procedures/3/frequency/bounds/min_days";
    let cases: Vec<(Vec<Edit>, &str, &str)> = vec![
        (
            vec![(bounds, Some(json!(-1)))],
            "procedures[3].frequency.bounds.min_days",
            "expected a whole number from 0 to 4294967295, found -1",
        ),
        (
            vec![(bounds, Some(json!(4294967296u64)))],
            "procedures[3].frequency.bounds.min_days",
            "found 4294967296",
        ),
        (
            vec![(bounds, Some(json!("7")))],
            "procedures[3].frequency.bounds.min_days",
            "expected a whole number, found a string",
        ),
        (
            vec![(bounds, Some(json!(7.5)))],
            "procedures[3].frequency.bounds.min_days",
            "expected a whole number, found a fraction or a very large number",
        ),
        (
            vec![(bounds, Some(Value::Null))],
            "procedures[3].frequency.bounds.min_days",
            "found null",
        ),
        (
            vec![("/procedures/3/frequency/bounds/min_days", None)],
            "procedures[3].frequency.bounds",
            "missing field `min_days`",
        ),
        (
            vec![("/procedures/0/colour", Some(json!("blue")))],
            "procedures[0]",
            "unknown field `colour`",
        ),
        (
            vec![("/procedures/0/id", None)],
            "procedures[0]",
            "missing field `id`",
        ),
        (
            vec![("/procedures/0/steps/1", Some(json!("Cleanse")))],
            "procedures[0].steps[1]",
            "expected an object of texts by language, found a string",
        ),
        (
            vec![("/procedures/0/name/tr", Some(json!(5)))],
            "procedures[0].name.tr",
            "expected a string, found a number",
        ),
        (
            vec![("/questions/0/kind", Some(json!("slider")))],
            "questions[0].kind",
            "unknown variant `slider`",
        ),
        (
            vec![("/questions/0/kind", Some(json!("number")))],
            "questions[0].kind.number",
            "needs a value",
        ),
        (
            vec![("/questions/0/kind", Some(json!({"number": {"min": 1}})))],
            "questions[0].kind.number",
            "missing field `max`",
        ),
        (
            vec![("/questions/1/kind", Some(json!({"single_choice": 1})))],
            "questions[1].kind.single_choice",
            "expected no value, found a number",
        ),
        (
            vec![("/questions/0/required", Some(Value::Null))],
            "questions[0].required",
            "expected true or false, found null",
        ),
        (
            vec![("/questions/1/options", Some(Value::Null))],
            "questions[1].options",
            "expected an array, found null",
        ),
        (
            vec![("/rules/0/when", Some(json!({"yes": "a", "no": "b"})))],
            "rules[0].when",
            "expected a string or an object with one key, found an object",
        ),
        (
            vec![("/rules/0/when", Some(json!({})))],
            "rules[0].when",
            "expected a string or an object with one key",
        ),
        (
            vec![("/rules/0/when", Some(json!({"not": {"all": [{"yes": 1}]}})))],
            "rules[0].when.not.all[0].yes",
            "expected a string, found a number",
        ),
        (
            vec![("/rules/0/when", Some(json!("yes")))],
            "rules[0].when.yes",
            "needs a value",
        ),
        (
            vec![("/rules/0/effect", Some(json!({"score": 2147483648u64})))],
            "rules[0].effect.score",
            "found 2147483648",
        ),
        (
            vec![("/red_flags/0/urgency", Some(json!("later")))],
            "red_flags[0].urgency",
            "unknown variant `later`, expected one of `emergency`, `urgent`, `soon`",
        ),
        (
            vec![("/messages/low_score", Some(json!("x")))],
            "messages.low_score",
            "expected an object of texts",
        ),
        (
            vec![(
                "/scheduling/rules/2/rule",
                Some(json!({"min_gap": {"procedures": [], "days": 1, "x": 1}})),
            )],
            "scheduling.rules[2].rule.min_gap",
            "unknown field `x`",
        ),
        (
            vec![("/scheduling", None)],
            "(catalog)",
            "missing field `scheduling`",
        ),
        (
            vec![("/languages", Some(json!("en")))],
            "languages",
            "expected an array, found a string",
        ),
        (
            vec![("/version", Some(json!(true)))],
            "version",
            "expected a whole number, found a boolean",
        ),
    ];
    for (edits, path, message) in cases {
        let json = edited(&edits);
        assert!(serde(&json).is_err(), "{edits:?}: serde accepted it");
        let errors = parse_catalog(&json).expect_err(&format!("{edits:?}: accepted"));
        assert_eq!(errors.len(), 1, "{edits:?}: {errors:?}");
        assert!(
            errors[0].path.starts_with(path) && errors[0].message.contains(message),
            "{edits:?}: want `{path}: …{message}…`, got `{}`",
            errors[0]
        );
    }
    for (json, message) in [
        ("[]", "expected an object, found an array"),
        ("5", "expected an object, found a number"),
        ("", "unexpected end of input"),
        ("{\"version\":1,", "expected a string key"),
        ("{\"version\":1", "unexpected end of input"),
    ] {
        assert!(serde(json).is_err());
        let errors = parse_catalog(json).unwrap_err();
        assert_eq!(errors.len(), 1, "{json}: {errors:?}");
        assert!(errors[0].message.contains(message), "{json}: {errors:?}");
    }
}

#[test]
fn every_bad_field_is_reported_in_one_pass() {
    let json = edited(&[
        ("/version", Some(json!(-1))),
        ("/procedures/2/colour", Some(json!("blue"))),
        ("/procedures/2/id", None),
        ("/rules/1/when", Some(json!({"is": {"question": 5}}))),
        ("/scheduling/rules/0/rule", Some(json!("same_day"))),
    ]);
    let paths: Vec<String> = parse_catalog(&json)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    let want = [
        "version: expected a whole number from 0 to 4294967295, found -1",
        "procedures[2]: unknown field `colour`",
        "procedures[2]: missing field `id`",
        "rules[1].when.is.question: expected a string, found a number",
        "rules[1].when.is: missing field `option`",
        "scheduling.rules[0].rule: unknown variant `same_day`",
    ];
    assert_eq!(paths.len(), want.len(), "{paths:#?}");
    for (got, want) in paths.iter().zip(want) {
        assert!(got.starts_with(want), "{got} / {want}");
    }
    // A section of the wrong kind is one problem, not one per missing field inside it.
    let json = edited(&[("/messages", Some(json!([])))]);
    assert_eq!(
        parse_catalog(&json).unwrap_err(),
        [skin_consult_engine::ValidationError {
            path: "messages".into(),
            message: "expected an object, found an array".into()
        }]
    );
}

/// Where this reader is stricter than serde on purpose: a repeated key (serde keeps the last
/// language of a text) and an unknown key inside a condition (serde ignores it) are refused.
#[test]
fn stricter_than_serde_on_repeated_and_unknown_keys() {
    let json = BUILTIN_CATALOG_JSON.replacen("\"en\":", "\"en\":\"dropped\",\"en\":", 1);
    assert!(serde(&json).is_ok());
    let e = parse_catalog(&json).unwrap_err();
    assert!(e[0].message.contains("duplicate language `en`"), "{e:?}");

    let json = edited(&[(
        "/red_flags/0/when",
        Some(
            json!({"is": {"question": "warning_signs", "option": "injection_reaction", "typo": 1}}),
        ),
    )]);
    assert!(serde(&json).is_ok());
    let e = parse_catalog(&json).unwrap_err();
    assert_eq!(e[0].path, "red_flags[0].when.is");
    assert!(e[0].message.contains("unknown field `typo`"), "{e:?}");

    let json = BUILTIN_CATALOG_JSON.replacen("{\"version\":1,", "{\"version\":1,\"version\":1,", 1);
    assert!(serde(&json).is_err());
    let e = parse_catalog(&json).unwrap_err();
    assert!(e[0].message.contains("duplicate field `version`"), "{e:?}");
}
