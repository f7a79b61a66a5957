//! The published JSON Schema (`schema/config.schema.json`) and the widget's configuration
//! reader agree: every example and fuzz-seed configuration, and a table of probes at the edges
//! of each check, is accepted by both or refused by both (checked with a real validator).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use skin_consult::config::parse_config;

mod common;
use common::schema_accepts;
use skin_consult_engine::builtin_catalog;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether the reader reads `text` without a single problem.
fn reader_accepts(text: &str) -> Result<(), String> {
    let (_, errors) = parse_config(text, &builtin_catalog());
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; "))
    }
}

fn check(name: &str, text: &str) -> Option<String> {
    let json: serde_json::Value = serde_json::from_str(text).ok()?;
    let schema = schema_accepts(&json);
    let reader = reader_accepts(text);
    (schema.is_ok() != reader.is_ok())
        .then(|| format!("{name}: schema {schema:?}, reader {reader:?}"))
}

#[test]
fn examples_and_fuzz_seeds_are_accepted_or_refused_by_both() {
    let mut files = vec![root().join("examples/clinic-site/clinic.json")];
    for entry in fs::read_dir(root().join("fuzz/seeds/clinic_config")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let mut disagreements = Vec::new();
    let mut compared = 0;
    for file in &files {
        let Ok(text) = fs::read_to_string(file) else {
            continue; // not UTF-8: neither reads it
        };
        compared += 1;
        disagreements.extend(check(&file.display().to_string(), &text));
    }
    assert!(compared >= 8, "only {compared} documents compared");
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

#[test]
fn probes_at_the_edges_of_each_check_are_judged_alike() {
    let probes: &[(&str, &str)] = &[
        ("name", r#"{"clinic": {"name": "Ada Skin"}}"#),
        ("empty name", r#"{"clinic": {"name": ""}}"#),
        (
            "logo path",
            r#"{"clinic": {"name": "A", "logo": "/img/logo.svg"}}"#,
        ),
        (
            "logo relative",
            r#"{"clinic": {"name": "A", "logo": "img/logo.svg"}}"#,
        ),
        (
            "logo https",
            r#"{"clinic": {"name": "A", "logo": "https://cdn.example/logo.svg"}}"#,
        ),
        (
            "logo javascript",
            r#"{"clinic": {"name": "A", "logo": "javascript:alert(1)"}}"#,
        ),
        (
            "phone",
            r#"{"clinic": {"name": "A", "phone": "+44 20 7946 0000"}}"#,
        ),
        ("phone short", r#"{"clinic": {"name": "A", "phone": "12"}}"#),
        (
            "phone words",
            r#"{"clinic": {"name": "A", "phone": "call us"}}"#,
        ),
        (
            "whatsapp",
            r#"{"clinic": {"name": "A", "whatsapp": "+90 532 000 00 00"}}"#,
        ),
        (
            "email",
            r#"{"clinic": {"name": "A", "email": "desk@clinic.example"}}"#,
        ),
        ("email bad", r#"{"clinic": {"name": "A", "email": "desk"}}"#),
        (
            "booking https",
            r#"{"clinic": {"name": "A", "booking_url": "https://book.example/a"}}"#,
        ),
        (
            "booking http",
            r#"{"clinic": {"name": "A", "booking_url": "http://book.example/a"}}"#,
        ),
        (
            "origin",
            r#"{"embed": {"parent_origins": ["https://clinic.example"]}}"#,
        ),
        (
            "origin port",
            r#"{"embed": {"parent_origins": ["https://clinic.example:8443"]}}"#,
        ),
        (
            "origin path",
            r#"{"embed": {"parent_origins": ["https://clinic.example/x"]}}"#,
        ),
        (
            "origin http",
            r#"{"embed": {"parent_origins": ["http://clinic.example"]}}"#,
        ),
        ("unknown key", r#"{"clinik": {}}"#),
        (
            "kiosk idle",
            r#"{"kiosk": {"enabled": true, "idle_seconds": 90}}"#,
        ),
        (
            "kiosk idle zero",
            r#"{"kiosk": {"enabled": true, "idle_seconds": 0}}"#,
        ),
        ("exit code", r#"{"kiosk": {"exit_code": "2468"}}"#),
        ("exit code letters", r#"{"kiosk": {"exit_code": "abcd"}}"#),
    ];
    let disagreements: Vec<String> = probes
        .iter()
        .filter_map(|(name, text)| check(name, text))
        .collect();
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
