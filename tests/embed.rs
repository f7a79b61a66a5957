//! Host integration: embedding modes, message targets, event details (no health answer
//! without the clinic's opt-in), the `embed` settings, and the committed configuration schema.

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;
use skin_consult::config::{parse_config, KNOWN_SETTINGS};
use skin_consult::embed::{
    booking_detail, completed_detail, detect_mode, event_message, height_message, parent_target,
    Mode,
};
use skin_consult_engine::{assess, builtin_catalog, Answer, Answers};

const SCHEMA: &str = include_str!("../schema/config.schema.json");
const EXAMPLE_PAGE: &str = include_str!("../examples/clinic-site/direct.html");

fn harmless_answers() -> Answers {
    let mut answers = BTreeMap::new();
    answers.insert("age".to_string(), Answer::Number(30));
    Answers(answers)
}

#[test]
fn the_mode_follows_the_frame_and_the_mount_element() {
    assert_eq!(detect_mode(false, true), Mode::Page);
    assert_eq!(detect_mode(true, true), Mode::Iframe);
    assert_eq!(detect_mode(false, false), Mode::Direct);
    assert_eq!(detect_mode(true, false), Mode::Direct);
}

#[test]
fn messages_go_only_to_the_own_origin_or_an_allowed_one() {
    let own = "https://clinic.example.com";
    let allowed = vec!["https://www.example.com".to_string()];
    assert_eq!(parent_target(Some(own), own, &[]).as_deref(), Some(own));
    assert_eq!(
        parent_target(Some("https://www.example.com"), own, &allowed).as_deref(),
        Some("https://www.example.com")
    );
    assert_eq!(
        parent_target(Some("https://evil.example"), own, &allowed),
        None
    );
    assert_eq!(parent_target(None, own, &allowed), None);
}

#[test]
fn completed_carries_ids_and_statuses_and_answers_only_on_opt_in() {
    let catalog = builtin_catalog();
    let answers = harmless_answers();
    let assessment = assess(&catalog, &answers);
    let detail = completed_detail(&assessment, None);
    let object = detail.as_object().unwrap();
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        ["outcome", "procedures"],
        "{detail}"
    );
    for procedure in detail["procedures"].as_array().unwrap() {
        let keys: Vec<&String> = procedure.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "status"]);
    }
    let shared = completed_detail(&assessment, Some(&answers));
    assert_eq!(shared["answers"]["age"], 30);
}

#[test]
fn messages_are_tagged_for_the_host_loader() {
    let event = event_message("consult:booking", &booking_detail("phone"));
    assert_eq!(event["source"], "skin-consult");
    assert_eq!(event["type"], "event");
    assert_eq!(event["detail"]["channel"], "phone");
    assert_eq!(height_message(812.2)["height"], 813);
}

#[test]
fn embed_settings_are_read_and_bad_ones_named() {
    let catalog = builtin_catalog();
    let (config, errors) = parse_config(
        r#"{"embed": {"parent_origins": ["https://www.example.com", "http://x.example", "https://x.example/path"],
            "events_include_answers": true, "colour": 1}}"#,
        &catalog,
    );
    assert_eq!(config.embed.parent_origins, ["https://www.example.com"]);
    assert!(config.embed.events_include_answers);
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "embed.parent_origins[1]",
            "embed.parent_origins[2]",
            "embed.colour"
        ]
    );
    let (config, _) = parse_config("{}", &catalog);
    assert!(
        !config.embed.events_include_answers,
        "answers stay in unless opted in"
    );
}

#[test]
fn the_example_site_configuration_is_valid() {
    let start = EXAMPLE_PAGE.find("id=\"skin-consult-config\">").unwrap();
    let json = &EXAMPLE_PAGE[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let (_, errors) = parse_config(json, &builtin_catalog());
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_schema_names_every_setting_the_reader_knows() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    let mut documented: Vec<&str> = properties.keys().map(String::as_str).collect();
    let mut known = KNOWN_SETTINGS.to_vec();
    documented.sort_unstable();
    known.sort_unstable();
    assert_eq!(documented, known);
    assert_eq!(schema["additionalProperties"], false);
}

/// Regenerates the schema from the Rust types (`--features schema`) and compares.
#[test]
fn the_committed_schema_is_current() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "run",
            "--quiet",
            "--features",
            "schema",
            "--bin",
            "config-schema",
        ])
        .env(
            "CARGO_TARGET_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/target/schema"),
        )
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout) == SCHEMA,
        "schema/config.schema.json is stale: run \
         `cargo run --features schema --bin config-schema > schema/config.schema.json`"
    );
}
