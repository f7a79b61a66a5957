//! What the configurator exports (configure.html) is a configuration the widget takes as it is:
//! `tests/fixtures/configurator-export.json` and `configurator-export-prices.json`, which the
//! end-to-end tests that build a clinic in the configurator (tests/e2e/configure.spec.ts)
//! assert are exactly what the page exports for their scripted sessions, pass the published
//! JSON Schema (checked with a real validator) and are read by the widget's reader without a
//! single problem.
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

/// The exports, by file name.
const FIXTURES: [&str; 2] = [
    "configurator-export.json",
    "configurator-export-prices.json",
];

fn fixture(name: &str) -> String {
    fs::read_to_string(root().join("tests/fixtures").join(name)).unwrap()
}

#[test]
fn the_export_passes_the_published_schema() {
    for name in FIXTURES {
        let export: serde_json::Value = serde_json::from_str(&fixture(name)).unwrap();
        if let Err(error) = schema_accepts(&export) {
            panic!("the schema refuses {name}: {error}");
        }
    }
}

#[test]
fn the_widget_reads_the_export_without_a_problem() {
    let catalog = builtin_catalog();
    for name in FIXTURES {
        let (_, errors) = parse_config(&fixture(name), &catalog);
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    let (config, _) = parse_config(&fixture(FIXTURES[0]), &catalog);
    // And reads it as the page meant it.
    assert_eq!(config.clinic.name, "Ada Skin Studio (test)");
    assert_eq!(config.default_language.as_deref(), Some("tr"));
    assert_eq!(
        config.procedure_name(&catalog, "chemical-peel", "tr"),
        "Ada ışıltı peelingi"
    );
    assert_eq!(
        config.procedure_name(&catalog, "chemical-peel", "en"),
        "Ada glow peel"
    );
    let (priced, _) = parse_config(&fixture(FIXTURES[1]), &catalog);
    let prices = priced.prices.expect("the prices are read");
    assert_eq!(prices.currency, "TRY");
    assert_eq!(
        prices
            .per_session
            .get("chemical-peel")
            .map(|p| (p.from, p.to)),
        Some((300_000, Some(450_000)))
    );
}
