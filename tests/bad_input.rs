//! The bad-input matrix: for every source of outside data, a table of broken inputs and the
//! exact outcome (which error, which notice, which fallback). The widget must keep working,
//! say what it ignored, and never panic, hang or go blank.
//!
//! Sources: the share-link fragment, saved progress, the clinic configuration, a catalog
//! override, the calendar start date and the browser's language tags. Fragment, storage and
//! configuration reach Rust as JavaScript strings, so they are never invalid UTF-8 on arrival;
//! bytes that were invalid somewhere upstream arrive as U+FFFD, and those rows use that.
//!
//! Crashes found by the fuzzers (`fuzz/`) become rows or tests here, named after the finding.

use std::rc::Rc;

use serde_json::{json, Value};
use skin_consult::app::persist::{self, RestoreError, MAX_STORED_LEN};
use skin_consult::app::share::{self, DecodeError, MAX_ENCODED_LEN};
use skin_consult::app::startup::initial_state;
use skin_consult::app::state::{ConsultState, Notice, Step};
use skin_consult::config::clinic::Clinic;
use skin_consult::config::{parse_config, Config, MAX_CONFIG_LEN};
use skin_consult::i18n::negotiate;
use skin_consult_engine::{
    builtin_catalog, json, parse_catalog, schedule, Catalog, Date, DateError, Plan, ScheduleError,
    BUILTIN_CATALOG_JSON, MAX_HORIZON_DAYS,
};

const FIVE_MB: usize = 5 * 1024 * 1024;

fn catalog() -> Rc<Catalog> {
    Rc::new(builtin_catalog())
}

// `signed(body)`: a correct checksum, as a careful tamperer (or an older build) would write it,
// so these rows test what lies behind the checksum.
use share::signed;

/// A saved-progress record with the given fields, as JSON text.
fn record(v: Value, answers: Value, step: Value) -> String {
    json!({ "v": v, "answers": answers, "step": step }).to_string()
}

const TYPICAL: &str = "sc1;age=28;skin_type=combination;concerns=acne,blackheads_pores;\
acne_severity=mild;pregnant=n;allergies=none";

// ---------------------------------------------------------------------------------------------
// 1. Share-link fragment
// ---------------------------------------------------------------------------------------------

/// What opening the page with a fragment gives.
#[derive(Debug, PartialEq)]
enum Opened {
    /// Not a share link (a host page's own anchor): a fresh start, no notice.
    Ignored,
    /// The results, with this many answers.
    Results(usize),
    /// The welcome screen with `Notice::ShareLinkBroken`, because of this.
    Broken(DecodeError),
}

fn open_fragment(fragment: &str) -> Opened {
    let catalog = catalog();
    let state = initial_state(catalog.clone(), "en".into(), Some(fragment), None);
    let decoded = share::decode(&catalog, fragment);
    match (state.step, state.notice) {
        (Step::Welcome, None) => {
            assert!(state.answers.is_empty());
            Opened::Ignored
        }
        (Step::Results, None) => {
            assert_eq!(decoded, Ok(state.answers.clone()));
            Opened::Results(state.answers.len())
        }
        (Step::Welcome, Some(Notice::ShareLinkBroken)) => {
            assert!(state.answers.is_empty(), "a broken link keeps nothing");
            Opened::Broken(decoded.expect_err("rejected"))
        }
        other => panic!("unexpected start {other:?} for {fragment:.80?}"),
    }
}

#[test]
fn share_fragment_matrix() {
    use DecodeError::*;
    let valid = signed(TYPICAL);
    let invalid = |id: &str| Opened::Broken(InvalidAnswer(id.into()));
    let cases: Vec<(&str, String, Opened)> = vec![
        // Ours, whole.
        ("valid", format!("#{valid}"), Opened::Results(6)),
        ("valid without #", valid.clone(), Opened::Results(6)),
        ("valid, no answers", signed("sc1"), Opened::Results(0)),
        // Not ours: the host page's anchors are left alone.
        ("empty", String::new(), Opened::Ignored),
        ("only #", "#".into(), Opened::Ignored),
        ("host anchor", "#pricing".into(), Opened::Ignored),
        (
            "hostile anchor",
            "#<script>alert(1)</script>".into(),
            Opened::Ignored,
        ),
        // Ours, damaged.
        ("marker only", "#sc".into(), Opened::Broken(Checksum)),
        (
            "truncated",
            format!("#{}", &valid[..40]),
            Opened::Broken(Checksum),
        ),
        (
            "checksum cut",
            valid[..valid.len() - 1].into(),
            Opened::Broken(Checksum),
        ),
        (
            "edited",
            valid.replace("age=28", "age=29"),
            Opened::Broken(Checksum),
        ),
        (
            "checksum too long",
            format!("{valid}0"),
            Opened::Broken(Checksum),
        ),
        (
            "wrong version",
            signed("sc2;age=30"),
            Opened::Broken(UnknownVersion),
        ),
        ("old marker", signed("sc0"), Opened::Broken(UnknownVersion)),
        ("no marker: not ours", signed(";age=30"), Opened::Ignored),
        (
            "part without =",
            signed("sc1;age"),
            Opened::Broken(Malformed),
        ),
        (
            "trailing ;",
            signed("sc1;age=30;"),
            Opened::Broken(Malformed),
        ),
        (
            "duplicate id",
            signed("sc1;age=30;age=31"),
            Opened::Broken(Malformed),
        ),
        (
            "unknown question",
            signed("sc1;colour=blue"),
            Opened::Broken(UnknownQuestion("colour".into())),
        ),
        (
            "question id in another case",
            signed("sc1;AGE=30"),
            Opened::Broken(UnknownQuestion("AGE".into())),
        ),
        (
            "unknown option",
            signed("sc1;skin_type=purple"),
            invalid("skin_type"),
        ),
        (
            "duplicate option",
            signed("sc1;concerns=acne,acne"),
            invalid("concerns"),
        ),
        (
            "empty option list",
            signed("sc1;concerns="),
            invalid("concerns"),
        ),
        (
            "exclusive combined",
            signed("sc1;allergies=none,metal"),
            invalid("allergies"),
        ),
        // Wrong types.
        (
            "number for yes/no",
            signed("sc1;pregnant=1"),
            invalid("pregnant"),
        ),
        ("word for number", signed("sc1;age=oily"), invalid("age")),
        (
            "choice list for choice",
            signed("sc1;skin_type=oily,dry"),
            invalid("skin_type"),
        ),
        // Negative and overflowing numbers.
        ("negative", signed("sc1;age=-1"), invalid("age")),
        ("below minimum", signed("sc1;age=0"), invalid("age")),
        ("above maximum", signed("sc1;age=101"), invalid("age")),
        ("u32 overflow", signed("sc1;age=4294967296"), invalid("age")),
        (
            "20 digits",
            signed("sc1;age=99999999999999999999"),
            invalid("age"),
        ),
        ("float", signed("sc1;age=30.0"), invalid("age")),
        ("exponent", signed("sc1;age=3e1"), invalid("age")),
        // Hostile strings.
        (
            "markup",
            signed("sc1;skin_type=<img src=x onerror=alert(1)>"),
            invalid("skin_type"),
        ),
        (
            "percent-encoded",
            signed("sc1;skin_type=%6F%69%6C%79"),
            invalid("skin_type"),
        ),
        ("NUL", signed("sc1;skin_type=oily\0"), invalid("skin_type")),
        (
            "bidi override",
            signed("sc1;skin_type=\u{202e}ylio"),
            invalid("skin_type"),
        ),
        (
            "replacement char",
            signed("sc1;skin_type=\u{fffd}"),
            invalid("skin_type"),
        ),
        (
            "replacement char id",
            signed("sc1;\u{fffd}=1"),
            Opened::Broken(UnknownQuestion("\u{fffd}".into())),
        ),
        // Huge.
        (
            "longest read",
            format!("sc{}", "x".repeat(MAX_ENCODED_LEN - 2)),
            Opened::Broken(Checksum),
        ),
        (
            "one byte over",
            format!("sc{}", "x".repeat(MAX_ENCODED_LEN - 1)),
            Opened::Broken(TooLong),
        ),
        (
            "5 MB",
            format!("#sc1;{}", "a=1;".repeat(FIVE_MB / 4)),
            Opened::Broken(TooLong),
        ),
        (
            "5 MB of duplicates, signed",
            signed(&format!("sc1{}", ";age=30".repeat(FIVE_MB / 7))),
            Opened::Broken(TooLong),
        ),
    ];
    for (name, fragment, expected) in cases {
        assert_eq!(open_fragment(&fragment), expected, "{name}");
    }
}

#[test]
fn a_broken_share_link_wins_over_saved_progress_but_keeps_its_answers() {
    let catalog = catalog();
    let answers = share::decode(&catalog, &signed(TYPICAL)).unwrap();
    let stored = persist::save(&catalog, &answers, &Step::Review);
    let cases: [(&str, &str, usize); 3] = [
        ("valid saved progress", &stored, 6),
        ("unreadable saved progress", "{\"v\":1,", 0),
        ("no saved progress", "", 0),
    ];
    for (name, stored, kept) in cases {
        let stored = Some(stored).filter(|s| !s.is_empty());
        let state = initial_state(catalog.clone(), "en".into(), Some("#sc1;age=3"), stored);
        assert_eq!(
            (state.step, state.notice, state.answers.len()),
            (Step::Welcome, Some(Notice::ShareLinkBroken), kept),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Saved progress (localStorage)
// ---------------------------------------------------------------------------------------------

/// What starting with a stored record gives.
#[derive(Debug, PartialEq)]
enum Started {
    /// Nothing to resume: a fresh start, no notice.
    Fresh,
    /// Started and nothing answered yet: back at this step, no "welcome back" notice.
    Reopened(Step),
    /// Resumed at this step with this many answers (`Notice::Resumed`).
    Resumed(Step, usize),
    /// A fresh start with `Notice::SavedProgressUnreadable`, because of this.
    Unreadable(RestoreError),
}

fn start_with(stored: &str) -> Started {
    let catalog = catalog();
    let state = initial_state(catalog.clone(), "en".into(), None, Some(stored));
    let restored = persist::restore(&catalog, stored);
    match state.notice {
        None if state.step != Step::Welcome => {
            assert_eq!(state.answers.len(), 0);
            assert_eq!(restored.map(|s| s.step), Ok(state.step.clone()));
            Started::Reopened(state.step)
        }
        None => {
            assert_eq!(state.answers.len(), 0);
            assert!(restored.is_ok());
            Started::Fresh
        }
        Some(Notice::Resumed) => {
            assert_eq!(restored.map(|s| s.answers), Ok(state.answers.clone()));
            Started::Resumed(state.step, state.answers.len())
        }
        Some(Notice::SavedProgressUnreadable) => {
            assert_eq!((&state.step, state.answers.len()), (&Step::Welcome, 0));
            Started::Unreadable(restored.expect_err("rejected"))
        }
        other => panic!("unexpected notice {other:?} for {stored:.80?}"),
    }
}

#[test]
fn saved_progress_matrix() {
    use RestoreError::*;
    let good = signed(TYPICAL);
    let empty = signed("sc1");
    let question = || json!("q:skin_type");
    let unreadable = Started::Unreadable(Unreadable);
    let cases: Vec<(&str, String, Started)> = vec![
        // Ours, whole.
        (
            "mid-way",
            record(json!(1), json!(good), question()),
            Started::Resumed(Step::Question("skin_type".into()), 6),
        ),
        (
            "at review",
            record(json!(1), json!(good), json!("review")),
            Started::Resumed(Step::Review, 6),
        ),
        (
            "at results",
            record(json!(1), json!(good), json!("results")),
            Started::Resumed(Step::Results, 6),
        ),
        (
            "nothing yet",
            record(json!(1), json!(empty), json!("welcome")),
            Started::Fresh,
        ),
        (
            "started, nothing answered",
            record(json!(1), json!(empty), question()),
            // At the first question: restoring never skips an unanswered one.
            Started::Reopened(Step::Question("age".into())),
        ),
        (
            "fields reordered",
            format!(r#"{{"step":"review","answers":"{good}","v":1}}"#),
            Started::Resumed(Step::Review, 6),
        ),
        // Empty and truncated.
        ("empty", String::new(), unreadable.clone()),
        ("whitespace", "  \n".into(), unreadable.clone()),
        (
            "half-written",
            r#"{"v":1,"answers":"sc1;age=3"#.into(),
            unreadable.clone(),
        ),
        ("cut after a field", r#"{"v":1,"#.into(), unreadable.clone()),
        (
            "missing step",
            json!({"v": 1, "answers": good}).to_string(),
            unreadable.clone(),
        ),
        ("missing everything", "{}".into(), unreadable.clone()),
        (
            "answers cut",
            record(json!(1), json!(&good[..30]), question()),
            Started::Unreadable(Answers(DecodeError::Checksum)),
        ),
        // Wrong version.
        (
            "version 0",
            record(json!(0), json!(good), question()),
            Started::Unreadable(OtherVersion(0)),
        ),
        (
            "version 2",
            record(json!(2), json!(good), question()),
            Started::Unreadable(OtherVersion(2)),
        ),
        (
            "answers of another codec",
            record(json!(1), json!(signed("sc2;age=30")), question()),
            Started::Unreadable(Answers(DecodeError::UnknownVersion)),
        ),
        // Wrong types.
        ("null", "null".into(), unreadable.clone()),
        // A record is an object of exactly its three members, never an array by position.
        ("array", "[1,\"sc1\",\"review\"]".into(), unreadable.clone()),
        ("number", "42".into(), unreadable.clone()),
        (
            "version as text",
            record(json!("1"), json!(good), question()),
            unreadable.clone(),
        ),
        (
            "version as float",
            record(json!(1.0), json!(good), question()),
            unreadable.clone(),
        ),
        (
            "answers as object",
            record(json!(1), json!({"age": 30}), question()),
            unreadable.clone(),
        ),
        (
            "step as number",
            record(json!(1), json!(good), json!(3)),
            unreadable.clone(),
        ),
        (
            "extra field",
            format!(r#"{{"v":1,"answers":"{good}","step":"review","x":1}}"#),
            unreadable.clone(),
        ),
        (
            "duplicate field",
            format!(r#"{{"v":1,"v":1,"answers":"{good}","step":"review"}}"#),
            unreadable.clone(),
        ),
        // Negative and overflowing numbers.
        (
            "negative version",
            record(json!(-1), json!(good), question()),
            unreadable.clone(),
        ),
        (
            "version overflows u32",
            record(json!(4_294_967_296_u64), json!(good), question()),
            unreadable.clone(),
        ),
        (
            "version 1e400",
            format!(r#"{{"v":1e400,"answers":"{good}","step":"review"}}"#),
            unreadable.clone(),
        ),
        (
            "negative age inside",
            record(json!(1), json!(signed("sc1;age=-5")), question()),
            Started::Unreadable(Answers(DecodeError::InvalidAnswer("age".into()))),
        ),
        // Unknown and duplicate ids.
        (
            "unknown step question",
            record(json!(1), json!(good), json!("q:nope")),
            Started::Unreadable(UnknownStep),
        ),
        (
            "step without id",
            record(json!(1), json!(good), json!("q:")),
            Started::Unreadable(UnknownStep),
        ),
        (
            "step in capitals",
            record(json!(1), json!(good), json!("Review")),
            Started::Unreadable(UnknownStep),
        ),
        (
            "unknown answer question",
            record(json!(1), json!(signed("sc1;colour=blue")), question()),
            Started::Unreadable(Answers(DecodeError::UnknownQuestion("colour".into()))),
        ),
        (
            "duplicate answer",
            record(json!(1), json!(signed("sc1;age=30;age=30")), question()),
            Started::Unreadable(Answers(DecodeError::Malformed)),
        ),
        // Hostile strings.
        (
            "markup step",
            record(json!(1), json!(good), json!("<script>alert(1)</script>")),
            Started::Unreadable(UnknownStep),
        ),
        (
            "NUL in step",
            record(json!(1), json!(good), json!("review\u{0}")),
            Started::Unreadable(UnknownStep),
        ),
        (
            "replacement chars",
            record(json!(1), json!("\u{fffd}\u{fffd}"), question()),
            Started::Unreadable(Answers(DecodeError::Checksum)),
        ),
        (
            "lone surrogate escape",
            format!(r#"{{"v":1,"answers":"{good}","step":"\ud800"}}"#),
            unreadable.clone(),
        ),
        // Deeply nested and huge.
        (
            "nested 4000 deep",
            format!("{}{}", "[".repeat(4000), "]".repeat(4000)),
            unreadable.clone(),
        ),
        (
            "nested in a field",
            format!(r#"{{"v":{}1{}}}"#, "[".repeat(3000), "]".repeat(3000)),
            unreadable.clone(),
        ),
        (
            "longest read",
            format!("{:<width$}", "{", width = MAX_STORED_LEN),
            unreadable.clone(),
        ),
        (
            "one byte over",
            " ".repeat(MAX_STORED_LEN + 1),
            Started::Unreadable(TooLong),
        ),
        (
            "5 MB answers",
            record(json!(1), json!("a".repeat(FIVE_MB)), question()),
            Started::Unreadable(TooLong),
        ),
        (
            "answers over the link limit",
            record(
                json!(1),
                json!(format!("sc1{}", ";".repeat(MAX_ENCODED_LEN))),
                question(),
            ),
            Started::Unreadable(Answers(DecodeError::TooLong)),
        ),
    ];
    for (name, stored, expected) in cases {
        assert_eq!(start_with(&stored), expected, "{name}");
    }
}

impl Clone for Started {
    fn clone(&self) -> Started {
        match self {
            Started::Fresh => Started::Fresh,
            Started::Resumed(step, n) => Started::Resumed(step.clone(), *n),
            Started::Reopened(step) => Started::Reopened(step.clone()),
            Started::Unreadable(e) => Started::Unreadable(e.clone()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Clinic configuration
// ---------------------------------------------------------------------------------------------

/// What a page that gives a configuration starts from: the defaults with the neutral clinic
/// (never the demo clinic, whatever the document holds).
fn given() -> Config {
    Config {
        clinic: Clinic::neutral(),
        ..Config::default()
    }
}

/// [`given`] changed by `f`: the exact fallback a row expects.
fn config_with(f: impl FnOnce(&mut Config)) -> Config {
    let mut config = given();
    f(&mut config);
    config
}

/// The clinic a configured `clinic` object gives when only its name is set: the demo clinic's
/// contacts are never inherited.
fn named_clinic(config: &mut Config, name: &str) {
    config.clinic.name = name.into();
    config.clinic.phone = None;
    config.clinic.whatsapp = None;
    config.clinic.email = None;
    config.clinic.booking_url = None;
}

#[test]
fn clinic_config_matrix() {
    let demo = Clinic::default();
    let neutral = String::new();
    let big_valid = {
        let doc = r#"{"clinic":{"name":"Ada"}}"#;
        format!("{doc}{}", " ".repeat(MAX_CONFIG_LEN - doc.len()))
    };
    type Row = (&'static str, String, Vec<&'static str>, Config);
    let cases: Vec<Row> = vec![
        // Empty and truncated: the defaults, and one error for the document.
        ("empty", String::new(), vec!["(document)"], given()),
        ("whitespace", " \n\t".into(), vec!["(document)"], given()),
        ("truncated", r#"{"clinic":{"name":"Ada""#.into(), vec!["(document)"], given()),
        ("JSON with a trailing comma", r#"{"debug":true,}"#.into(), vec!["(document)"], given()),
        ("JSON with comments", "{/* hi */}".into(), vec!["(document)"], given()),
        // Wrong version / unknown settings: named, the rest kept.
        (
            "unknown setting",
            r#"{"version":2,"debug":true}"#.into(),
            vec!["version"],
            config_with(|c| c.debug = true),
        ),
        // Found by fuzz/clinic_config: the path of an empty key is empty (see fuzz/README.md).
        ("empty setting name", r#"{"":1,"debug":true}"#.into(), vec![""], config_with(|c| c.debug = true)),
        ("schema link", r#"{"$schema":"https://example.com/s.json"}"#.into(), vec![], given()),
        // Wrong types: only that field falls back.
        ("array document", "[]".into(), vec!["(document)"], given()),
        ("string document", "\"clinic\"".into(), vec!["(document)"], given()),
        ("clinic as text", r#"{"clinic":"Ada"}"#.into(), vec!["clinic"], given()),
        (
            "name as number",
            r#"{"clinic":{"name":42}}"#.into(),
            vec!["clinic.name"],
            config_with(|c| named_clinic(c, &neutral)),
        ),
        (
            "name null",
            r#"{"clinic":{"name":null}}"#.into(),
            vec![],
            config_with(|c| named_clinic(c, &neutral)),
        ),
        (
            "clinic without name",
            r#"{"clinic":{}}"#.into(),
            vec!["clinic.name"],
            config_with(|c| named_clinic(c, &neutral)),
        ),
        (
            "kiosk types",
            r#"{"kiosk":{"enabled":"yes","idle_seconds":"90"}}"#.into(),
            vec!["kiosk.enabled", "kiosk.idle_seconds"],
            given(),
        ),
        ("debug as text", r#"{"debug":"true"}"#.into(), vec!["debug"], given()),
        (
            "languages as list",
            r#"{"languages":["tr"]}"#.into(),
            vec!["languages"],
            given(),
        ),
        (
            "offered languages as text",
            r#"{"languages":{"offered":"tr","default":5}}"#.into(),
            vec!["languages.offered", "languages.default"],
            given(),
        ),
        (
            "offered procedures as object",
            r#"{"procedures":{"offered":{"hydrafacial":true}}}"#.into(),
            vec!["procedures.offered"],
            given(),
        ),
        (
            "colours as list",
            r##"{"theme":{"colors":["#fff"]}}"##.into(),
            vec!["theme.colors"],
            given(),
        ),
        // Unknown and duplicate ids.
        (
            "unknown procedure offered",
            r#"{"procedures":{"offered":["hydrafacial","no-such"]}}"#.into(),
            vec!["procedures.offered[1]"],
            config_with(|c| c.offered = Some(vec!["hydrafacial".into()])),
        ),
        (
            // Every id a typo: the clinic offers nothing (see fuzz/README.md, findings).
            "only unknown procedures offered",
            r#"{"procedures":{"offered":["hydra-facial"]}}"#.into(),
            vec!["procedures.offered[0]", "procedures.offered"],
            given(),
        ),
        (
            "duplicate procedure offered",
            r#"{"procedures":{"offered":["hydrafacial","hydrafacial"]}}"#.into(),
            vec!["procedures.offered[1]"],
            config_with(|c| c.offered = Some(vec!["hydrafacial".into()])),
        ),
        (
            "unknown procedure renamed",
            r#"{"procedures":{"names":{"no-such":"X"}}}"#.into(),
            vec!["procedures.names.no-such"],
            given(),
        ),
        (
            "unknown colour",
            r##"{"theme":{"colors":{"links":"#fff"}}}"##.into(),
            vec!["theme.colors.links"],
            given(),
        ),
        (
            "unknown and duplicate languages",
            r#"{"languages":{"offered":["de","tr","tr"],"default":"de"}}"#.into(),
            vec!["languages.offered[0]", "languages.offered[2]"],
            config_with(|c| {
                c.languages = vec!["tr".into()];
                c.default_language = Some("de".into());
            }),
        ),
        (
            "duplicate key: the last wins",
            r#"{"debug":true,"debug":false}"#.into(),
            vec![],
            given(),
        ),
        // Negative and overflowing numbers.
        (
            "negative idle time",
            r#"{"kiosk":{"idle_seconds":-5}}"#.into(),
            vec!["kiosk.idle_seconds"],
            given(),
        ),
        (
            "idle time under the minimum",
            r#"{"kiosk":{"idle_seconds":14}}"#.into(),
            vec!["kiosk.idle_seconds"],
            given(),
        ),
        (
            "idle time at the maximum",
            r#"{"kiosk":{"idle_seconds":3600}}"#.into(),
            vec![],
            config_with(|c| c.kiosk.idle_seconds = 3600),
        ),
        (
            "idle time over u64",
            r#"{"kiosk":{"idle_seconds":18446744073709551616}}"#.into(),
            vec!["kiosk.idle_seconds"],
            given(),
        ),
        (
            "idle time as float",
            r#"{"kiosk":{"idle_seconds":90.5}}"#.into(),
            vec!["kiosk.idle_seconds"],
            given(),
        ),
        ("idle time 1e400", r#"{"kiosk":{"idle_seconds":1e400}}"#.into(), vec!["kiosk.idle_seconds"], given()),
        ("idle time 90.5", r#"{"kiosk":{"idle_seconds":90.5}}"#.into(), vec!["kiosk.idle_seconds"], given()),
        // Hostile strings: refused where they would become links or CSS; kept as text where
        // they are only shown.
        (
            "markup in the name is text",
            r#"{"clinic":{"name":"<script>alert(1)</script>"}}"#.into(),
            vec![],
            config_with(|c| named_clinic(c, "<script>alert(1)</script>")),
        ),
        (
            "hostile links",
            r#"{"clinic":{"name":"Ada","logo":"javascript:alert(1)","phone":"tel:+1 555","whatsapp":"wa.me/1","email":"a@b.c?bcc=x@y.z","booking_url":"http://example.com"}}"#.into(),
            vec!["clinic.logo", "clinic.phone", "clinic.whatsapp", "clinic.email", "clinic.booking_url"],
            config_with(|c| named_clinic(c, "Ada")),
        ),
        (
            "protocol-relative logo",
            r#"{"clinic":{"name":"Ada","logo":"//evil.example/logo.png"}}"#.into(),
            vec!["clinic.logo"],
            config_with(|c| named_clinic(c, "Ada")),
        ),
        (
            "booking link with credentials",
            r#"{"clinic":{"name":"Ada","booking_url":"https://example.com@evil.example/"}}"#.into(),
            vec!["clinic.booking_url"],
            config_with(|c| named_clinic(c, "Ada")),
        ),
        (
            "booking link with markup",
            r#"{"clinic":{"name":"Ada","booking_url":"https://example.com/\"><script>"}}"#.into(),
            vec!["clinic.booking_url"],
            config_with(|c| named_clinic(c, "Ada")),
        ),
        (
            "CSS injection",
            r##"{"theme":{"colors":{"primary":"red;}body{display:none"},"font_family":"x;background:url(//evil.example)"}}"##.into(),
            vec!["theme.colors.primary", "theme.font_family"],
            given(),
        ),
        (
            "name too long",
            format!(r#"{{"clinic":{{"name":"{}"}}}}"#, "A".repeat(121)),
            vec!["clinic.name"],
            config_with(|c| named_clinic(c, &neutral)),
        ),
        (
            "replacement chars are text",
            "{\"clinic\":{\"name\":\"\u{fffd}\u{fffd}\"}}".into(),
            vec![],
            config_with(|c| named_clinic(c, "\u{fffd}\u{fffd}")),
        ),
        (
            "language tag with markup",
            r#"{"languages":{"default":"<b>"}}"#.into(),
            vec!["languages.default"],
            given(),
        ),
        // Deeply nested and huge.
        (
            "nested 10000 deep",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            vec!["(document)"],
            given(),
        ),
        (
            "nested in the disclaimer",
            format!(r#"{{"debug":true,"disclaimer":{}"x"{}}}"#, "[".repeat(200), "]".repeat(200)),
            vec!["(document)"],
            given(),
        ),
        (
            "deep but within the parser's limit",
            format!(r#"{{"debug":true,"disclaimer":{}"x"{}}}"#, "[".repeat(50), "]".repeat(50)),
            vec!["disclaimer"],
            config_with(|c| c.debug = true),
        ),
        (
            "largest read",
            big_valid.clone(),
            vec![],
            config_with(|c| named_clinic(c, "Ada")),
        ),
        (
            "one byte over",
            format!("{big_valid} "),
            vec!["(document)"],
            given(),
        ),
        (
            "5 MB",
            format!(r#"{{"disclaimer":"{}"}}"#, "x".repeat(FIVE_MB)),
            vec!["(document)"],
            given(),
        ),
    ];
    let catalog = catalog();
    for (name, json, paths, expected) in cases {
        let (config, errors) = parse_config(&json, &catalog);
        let got: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(got, paths, "{name}: {errors:?}");
        assert_eq!(config, expected, "{name}");
        let shown = [
            Some(&config.clinic.name),
            config.clinic.phone.as_ref(),
            config.clinic.whatsapp.as_ref(),
            config.clinic.email.as_ref(),
            config.clinic.booking_url.as_ref(),
        ];
        let demo_details = [
            Some(&demo.name),
            demo.phone.as_ref(),
            demo.whatsapp.as_ref(),
            demo.email.as_ref(),
            demo.booking_url.as_ref(),
        ];
        assert!(
            shown
                .iter()
                .flatten()
                .all(|d| !demo_details.contains(&Some(*d))),
            "{name}: a given configuration never shows the demo clinic: {:?}",
            config.clinic
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Catalog override (`parse_catalog`)
// ---------------------------------------------------------------------------------------------

/// The built-in catalog as JSON, changed by `f`.
fn catalog_json(f: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(BUILTIN_CATALOG_JSON).unwrap();
    f(&mut value);
    value.to_string()
}

/// The outcome of `parse_catalog`: accepted, or the paths of its errors.
fn catalog_outcome(json: &str) -> Result<(), Vec<String>> {
    match parse_catalog(json) {
        Ok(_) => Ok(()),
        Err(errors) => Err(errors.into_iter().map(|e| e.path).collect()),
    }
}

#[test]
fn catalog_override_matrix() {
    let paths = |p: &[&str]| Err(p.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let padded = |len: usize| {
        format!(
            "{BUILTIN_CATALOG_JSON}{}",
            " ".repeat(len - BUILTIN_CATALOG_JSON.len())
        )
    };
    type Row = (&'static str, String, Result<(), Vec<String>>);
    let cases: Vec<Row> = vec![
        ("built-in", BUILTIN_CATALOG_JSON.into(), Ok(())),
        ("reformatted", catalog_json(|_| {}), Ok(())),
        // Empty and truncated: the parser's position, or each missing field.
        ("empty", String::new(), paths(&["line 1, column 1"])),
        (
            "empty object",
            "{}".into(),
            Err(vec!["(catalog)".to_string(); 11]),
        ),
        (
            "truncated",
            BUILTIN_CATALOG_JSON[..100].into(),
            paths(&["line 1, column 101"]),
        ),
        // Wrong version and wrong types: the field, by path.
        (
            "version as text",
            catalog_json(|c| c["version"] = json!("2")),
            paths(&["version"]),
        ),
        (
            "negative version",
            catalog_json(|c| c["version"] = json!(-1)),
            paths(&["version"]),
        ),
        (
            "version overflows u32",
            catalog_json(|c| c["version"] = json!(4_294_967_296_u64)),
            paths(&["version"]),
        ),
        (
            "version as float",
            BUILTIN_CATALOG_JSON.replacen("\"version\":1", "\"version\":1.0", 1),
            paths(&["version"]),
        ),
        (
            "questions as object",
            catalog_json(|c| c["questions"] = json!({})),
            paths(&["questions"]),
        ),
        (
            "unknown field",
            catalog_json(|c| c["colour"] = json!(1)),
            paths(&["(catalog)"]),
        ),
        // Unknown and duplicate ids.
        (
            "duplicate question",
            catalog_json(|c| {
                let first = c["questions"][0].clone();
                c["questions"].as_array_mut().unwrap().push(first);
            }),
            paths(&[&format!(
                "questions[{}].id",
                builtin_catalog().questions.len()
            )]),
        ),
        (
            "duplicate procedure",
            catalog_json(|c| {
                let first = c["procedures"][0].clone();
                c["procedures"].as_array_mut().unwrap().push(first);
            }),
            paths(&["procedures[10].id"]),
        ),
        (
            "unknown age question",
            catalog_json(|c| c["age_question"] = json!("agee")),
            paths(&["age_question"]),
        ),
        (
            "id with a share-link separator",
            catalog_json(|c| c["questions"][1]["options"][0]["id"] = json!("oily;k=1")),
            paths(&["questions[1].options[0].id"]),
        ),
        // Negative and overflowing numbers.
        (
            "number bounds reversed",
            catalog_json(|c| {
                c["questions"][0]["kind"] = json!({"number": {"min": 100, "max": 12}})
            }),
            // The rules and the follow-up comparing the age against 12..=100 are named too.
            paths(&[
                "questions[0].kind.number",
                "questions[9].show_if.all[0].at_least.value",
                "rules[26].when.below.value",
                "rules[30].when.all[1].at_least.value",
                "rules[46].when.below.value",
                "rules[48].when.below.value",
            ]),
        ),
        (
            "negative bound",
            catalog_json(|c| c["questions"][0]["kind"] = json!({"number": {"min": -1, "max": 12}})),
            paths(&["questions[0].kind.number.min"]),
        ),
        // Hostile strings are data: a catalog is text, never markup.
        (
            "markup prompt",
            catalog_json(|c| {
                c["questions"][0]["prompt"]["en"] = json!("<script>alert(1)</script>")
            }),
            Ok(()),
        ),
        // Deeply nested and huge: refused by the parser's limits, before any recursion or
        // allocation they would cost.
        (
            "nested 10000 deep",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            paths(&["line 1, column 65"]),
        ),
        ("largest read", padded(json::MAX_LEN), Ok(())),
        (
            "one byte over",
            padded(json::MAX_LEN + 1),
            paths(&["line 1, column 1"]),
        ),
        ("5 MB", padded(FIVE_MB), paths(&["line 1, column 1"])),
    ];
    let wrong: Vec<String> = cases
        .into_iter()
        .filter_map(|(name, json, expected)| {
            let got = catalog_outcome(&json);
            (got != expected).then(|| format!("{name}: got {got:?}, expected {expected:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// 5. Calendar start date
// ---------------------------------------------------------------------------------------------

#[test]
fn start_date_matrix() {
    let ok = |y, m, d| Ok(Date::from_ymd(y, m, d).unwrap());
    let huge = "2".repeat(FIVE_MB);
    let cases: Vec<(&str, &str, Result<Date, DateError>)> = vec![
        ("valid", "2026-11-30", ok(2026, 11, 30)),
        ("surrounding whitespace", " 2026-11-30\n", ok(2026, 11, 30)),
        ("leap day", "2028-02-29", ok(2028, 2, 29)),
        ("leap day of a 400-year", "2000-02-29", ok(2000, 2, 29)),
        ("last year", "2200-12-31", ok(2200, 12, 31)),
        // Empty and truncated.
        ("empty", "", Err(DateError::Empty)),
        ("whitespace", " \t ", Err(DateError::Empty)),
        ("truncated", "2026-11-3", Err(DateError::Format)),
        ("year only", "2026", Err(DateError::Format)),
        // Wrong format.
        ("slashes", "2026/11/30", Err(DateError::Format)),
        ("European order", "30.11.2026", Err(DateError::Format)),
        ("with time", "2026-11-30T10:00", Err(DateError::Format)),
        ("basic form", "20261130", Err(DateError::Format)),
        ("unpadded", "2026-1-30", Err(DateError::Format)),
        ("signed day", "2026-11-+3", Err(DateError::Format)),
        (
            "full-width digits",
            "２０２６-11-30",
            Err(DateError::Format),
        ),
        ("Arabic-Indic digit", "2026-11-3٠", Err(DateError::Format)),
        ("NUL after", "2026-11-30\0", Err(DateError::Format)),
        ("markup", "<script>", Err(DateError::Format)),
        ("5 MB", &huge, Err(DateError::Format)),
        // Impossible dates.
        ("30 February", "2026-02-30", Err(DateError::Impossible)),
        (
            "29 February, no leap year",
            "2100-02-29",
            Err(DateError::Impossible),
        ),
        ("month 13", "2026-13-01", Err(DateError::Impossible)),
        ("month 0", "2026-00-10", Err(DateError::Impossible)),
        ("day 0", "2026-11-00", Err(DateError::Impossible)),
        ("day 32", "2026-01-32", Err(DateError::Impossible)),
        // Negative and overflowing years.
        ("negative year", "-026-11-30", Err(DateError::Format)),
        (
            "before 2000",
            "1999-12-31",
            Err(DateError::YearOutOfRange(1999)),
        ),
        (
            "after 2200",
            "2201-01-01",
            Err(DateError::YearOutOfRange(2201)),
        ),
        (
            "year 9999",
            "9999-12-31",
            Err(DateError::YearOutOfRange(9999)),
        ),
        ("year 0000", "0000-01-01", Err(DateError::YearOutOfRange(0))),
    ];
    for (name, text, expected) in cases {
        assert_eq!(Date::parse_iso(text), expected, "{name}");
    }
}

#[test]
fn a_start_date_typo_is_reported_and_the_plan_refuses_bad_requests() {
    let catalog = catalog();
    let today = Date::from_ymd(2026, 11, 23).unwrap(); // a Monday
    let mut state = ConsultState::new(catalog.clone(), "en".into());
    // The typed text comes back for the error message; nothing is dated from it.
    for typo in ["2026-02-30", "", "next week", "1999-12-31"] {
        state.plan_start = Some(typo.into());
        assert_eq!(
            state.plan_start_date(today),
            Err(typo.to_string()),
            "{typo:?}"
        );
    }
    state.plan_start = None;
    assert_eq!(
        state.plan_start_date(today),
        Ok(Date::from_ymd(2026, 11, 30).unwrap())
    );

    let plan = |id: &str| -> Plan {
        catalog.procedure(id).unwrap().frequency.variants[0]
            .plan
            .clone()
    };
    let (peel, facial) = (plan("chemical-peel"), plan("hydrafacial"));
    let yesterday = today.add_days(-1);
    let last_day = Date::from_ymd(2200, 12, 31).unwrap();
    type Row<'p> = (
        &'static str,
        Vec<(&'static str, &'p Plan)>,
        Date,
        u32,
        Result<(), ScheduleError>,
    );
    let cases: Vec<Row> = vec![
        ("valid", vec![("chemical-peel", &peel)], today, 365, Ok(())),
        (
            "start in the past",
            vec![("chemical-peel", &peel)],
            yesterday,
            365,
            Err(ScheduleError::StartInPast {
                today,
                start: yesterday,
            }),
        ),
        (
            "nothing chosen",
            vec![],
            today,
            365,
            Err(ScheduleError::NothingSelected),
        ),
        (
            "unknown procedure",
            vec![("no-such", &peel)],
            today,
            365,
            Err(ScheduleError::UnknownProcedure("no-such".into())),
        ),
        (
            "duplicate procedure",
            vec![("hydrafacial", &facial), ("hydrafacial", &facial)],
            today,
            365,
            Err(ScheduleError::DuplicateProcedure("hydrafacial".into())),
        ),
        (
            "horizon one day too long",
            vec![("chemical-peel", &peel)],
            today,
            MAX_HORIZON_DAYS + 1,
            Err(ScheduleError::HorizonTooLong(MAX_HORIZON_DAYS + 1)),
        ),
        (
            "horizon u32::MAX",
            vec![("chemical-peel", &peel)],
            today,
            u32::MAX,
            Err(ScheduleError::HorizonTooLong(u32::MAX)),
        ),
        (
            "last accepted start, longest horizon",
            vec![("chemical-peel", &peel)],
            last_day,
            MAX_HORIZON_DAYS,
            Ok(()),
        ),
    ];
    for (name, selection, start, horizon, expected) in cases {
        let got = schedule(&catalog, &selection, today, start, horizon).map(|_| ());
        assert_eq!(got, expected, "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Language tags (browser preferences and the clinic's default)
// ---------------------------------------------------------------------------------------------

#[test]
fn language_tag_matrix() {
    let available = ["en", "tr"];
    let huge = format!("tr{}", "-x".repeat(FIVE_MB / 2));
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("none", vec![], "en"),
        ("empty tag", vec![""], "en"),
        ("wildcard", vec!["*"], "en"),
        ("region", vec!["tr-TR"], "tr"),
        ("upper case", vec!["TR"], "tr"),
        ("underscore", vec!["tr_TR"], "tr"),
        ("extension", vec!["tr-TR-u-nu-latn"], "tr"),
        ("quality value left in", vec!["tr;q=0.9"], "en"),
        (
            "unavailable then available",
            vec!["de-DE", "fr", "tr"],
            "tr",
        ),
        ("private use", vec!["x-klingon"], "en"),
        ("leading separator", vec!["-tr"], "en"),
        ("leading space", vec![" tr"], "en"),
        ("NUL", vec!["tr\0"], "en"),
        ("dotted capital I", vec!["İT"], "en"),
        ("markup", vec!["<script>"], "en"),
        ("5 MB tag", vec![&huge], "tr"),
    ];
    for (name, preferred, expected) in cases {
        let preferred: Vec<String> = preferred.into_iter().map(String::from).collect();
        assert_eq!(negotiate(&preferred, &available), expected, "{name}");
    }
    // Nothing available at all still names a language.
    assert_eq!(negotiate(&["tr".into()], &[]), "en");

    // The clinic's default comes first, then the browser's, each falling through when unusable.
    let catalog = catalog();
    let cases: Vec<(&str, &str, Vec<&str>, &str)> = vec![
        (
            "clinic default",
            r#"{"languages":{"default":"tr"}}"#,
            vec!["en"],
            "tr",
        ),
        (
            "clinic default with region",
            r#"{"languages":{"default":"tr-TR"}}"#,
            vec![],
            "tr",
        ),
        (
            "unknown clinic default",
            r#"{"languages":{"default":"de"}}"#,
            vec!["tr"],
            "tr",
        ),
        (
            "refused clinic default",
            r#"{"languages":{"default":"<b>"}}"#,
            vec!["tr"],
            "tr",
        ),
        (
            "default not offered",
            r#"{"languages":{"offered":["en"],"default":"tr"}}"#,
            vec!["tr"],
            "en",
        ),
        (
            "nothing offered qualifies",
            r#"{"languages":{"offered":["de"]}}"#,
            vec!["tr"],
            "tr",
        ),
    ];
    for (name, json, browser, expected) in cases {
        let (config, _) = parse_config(json, &catalog);
        let browser: Vec<String> = browser.into_iter().map(String::from).collect();
        assert_eq!(
            config.choose_language(&catalog, &browser),
            expected,
            "{name}"
        );
    }
}

/// Regression (found with the fuzz/clinic_config link property): a browser's URL parser strips leading C0 control
/// characters, so `"\u0001//evil.example/logo.png"` would load the logo from another site; the
/// same-origin check now refuses control characters anywhere.
#[test]
fn a_logo_path_with_a_leading_control_character_is_refused() {
    for logo in [
        "\u{1}//evil.example/logo.png",
        "\u{1f}//evil.example/logo.png",
    ] {
        let json = json!({"clinic": {"name": "Ada", "logo": logo}}).to_string();
        let (config, errors) = parse_config(&json, &catalog());
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["clinic.logo"], "{logo:?}");
        assert_eq!(config.clinic.logo, None, "{logo:?}");
    }
}
