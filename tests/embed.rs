//! Host integration: embedding modes, message targets, event details (no health answer
//! without the clinic's opt-in), the `embed` settings, and the committed configuration schema.

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;
use skin_consult::config::{parse_config, parse_config_layers, KNOWN_PATHS};
use skin_consult::host::embed::{
    booking_detail, completed_detail, detect_mode, event_message, height_message, parent_target,
    Mode,
};
use skin_consult_engine::{assess, builtin_catalog, Answer, Answers, StrMap};

const SCHEMA: &str = include_str!("../schema/config.schema.json");
const EXAMPLE_PAGE: &str = include_str!("../examples/clinic-site/direct.html");
const EXAMPLE_URL_PAGE: &str = include_str!("../examples/clinic-site/direct-url.html");
const EXAMPLE_FILE: &str = include_str!("../examples/clinic-site/clinic.json");

fn harmless_answers() -> Answers {
    let mut answers = StrMap::new();
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
    let detail = completed_detail(&assessment, |_| true, None);
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
    let shared = completed_detail(&assessment, |_| true, Some(&answers));
    assert_eq!(shared["answers"]["age"], 30);
}

#[test]
fn completed_reports_only_the_procedures_the_clinic_offers() {
    let catalog = builtin_catalog();
    let assessment = assess(&catalog, &harmless_answers());
    let all = completed_detail(&assessment, |_| true, None);
    assert!(all["procedures"].as_array().unwrap().len() > 2);
    let offered = ["chemical-peel", "hydrafacial"];
    let detail = completed_detail(&assessment, |id| offered.contains(&id), None);
    let ids: Vec<&str> = detail["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{detail}");
    assert!(ids.iter().all(|id| offered.contains(id)), "{detail}");
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

/// The inline configuration of an example page.
fn inline_config(page: &str) -> &str {
    let start = page.find("id=\"skin-consult-config\">").unwrap();
    let json = &page[start..];
    &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()]
}

#[test]
fn the_example_site_configurations_are_valid() {
    let catalog = builtin_catalog();
    let (_, errors) = parse_config(inline_config(EXAMPLE_PAGE), &catalog);
    assert!(errors.is_empty(), "{errors:?}");
    // The page that reads clinic.json by URL, with a few page-specific settings inline.
    assert!(EXAMPLE_URL_PAGE.contains(r#"data-config-url="/examples/clinic-site/clinic.json""#));
    let (config, errors) = parse_config_layers(
        &[
            ("data-config-url", EXAMPLE_FILE),
            ("(document)", inline_config(EXAMPLE_URL_PAGE)),
        ],
        &catalog,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        config.reviewed.contains_key("medical-skin-care"),
        "the example shows a reviewed override"
    );
}

/// Every property path the schema describes (`*`: any key of a map), walking `$ref`s and
/// `anyOf`s. A text (`#/definitions/Text`) is one setting: its language keys are not paths.
fn schema_paths(schema: &Value) -> BTreeSet<String> {
    fn walk(node: &Value, root: &Value, path: &str, out: &mut BTreeSet<String>) {
        if let Some(reference) = node["$ref"].as_str() {
            if reference == "#/definitions/Text" {
                return;
            }
            let name = reference.strip_prefix("#/definitions/").unwrap();
            return walk(&root["definitions"][name], root, path, out);
        }
        for branch in node["anyOf"].as_array().into_iter().flatten() {
            walk(branch, root, path, out);
        }
        let join = |key: &str| {
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        };
        for (key, child) in node["properties"].as_object().into_iter().flatten() {
            out.insert(join(key));
            walk(child, root, &join(key), out);
        }
        if node["additionalProperties"].is_object() {
            out.insert(join("*"));
            walk(&node["additionalProperties"], root, &join("*"), out);
        }
    }
    let mut out = BTreeSet::new();
    walk(schema, schema, "", &mut out);
    out
}

#[test]
fn the_schema_describes_exactly_the_settings_the_reader_knows() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let documented = schema_paths(&schema);
    let known: BTreeSet<String> = KNOWN_PATHS.iter().map(|p| p.to_string()).collect();
    let only_schema: Vec<&String> = documented.difference(&known).collect();
    let only_reader: Vec<&String> = known.difference(&documented).collect();
    assert!(
        only_schema.is_empty() && only_reader.is_empty(),
        "in the schema only: {only_schema:?}; known to the reader only: {only_reader:?}"
    );
    assert!(documented.contains("catalog.procedures.*.frequency.initial.interval.min_days"));
    assert_eq!(schema["additionalProperties"], false);
}

/// A wrong value at every setting the schema describes is reported under that setting's own
/// path: the reader really reads each one (a setting added to the schema and to
/// `KNOWN_PATHS` but never read fails here).
#[test]
fn the_reader_reads_every_setting_the_schema_describes() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let catalog = builtin_catalog();
    let paths = schema_paths(&schema);
    let leaves = paths
        .iter()
        .filter(|p| !paths.iter().any(|q| q.starts_with(&format!("{p}."))));
    let mut checked = 0;
    for path in leaves.filter(|p| *p != "$schema") {
        // A map key becomes a real procedure id.
        let concrete = path.replace('*', "hydrafacial");
        let mut document = serde_json::json!([[]]);
        for key in concrete.rsplit('.') {
            document = serde_json::json!({ key: document });
        }
        let (_, errors) = parse_config(&document.to_string(), &catalog);
        assert!(
            errors.iter().any(|e| e.path == concrete
                || e.path.starts_with(&format!("{concrete}."))
                || e.path.starts_with(&format!("{concrete}["))),
            "{concrete}: a wrong value is not reported there: {errors:?}"
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} settings found in the schema");
}

#[test]
fn unknown_nested_settings_are_named() {
    let (_, errors) = parse_config(
        r#"{"clinic": {"name": "X", "fax": "1"}, "kiosk": {"idle": 5}, "languages": {"offred": []},
            "catalog": {"procedures": {"hydrafacial": {"reviewed_by": "Dr. A. Example", "downtime": "None.", "price": 1,
                "frequency": {"maintenance": {"min_days": 30, "max_days": 30, "days": 1}}}}},
            "clinic.name": "Y"}"#,
        &builtin_catalog(),
    );
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "clinic.fax",
            "kiosk.idle",
            "languages.offred",
            "catalog.procedures.hydrafacial.price",
            "catalog.procedures.hydrafacial.frequency.maintenance.days",
            "clinic.name",
        ]
    );
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
