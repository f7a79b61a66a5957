//! Embeds a whitespace-free copy of `catalog/catalog.json` (the file itself stays readable for
//! clinicians; the bundle does not carry its indentation).
//!
//! For the browser (wasm32) the copy also leaves out what only clinicians read: every source
//! list becomes one placeholder source (so the same validation still holds for a clinic's
//! reviewed overrides) and the "where sources disagree" notes of procedures, rules and spacing
//! rules are dropped. The widget never shows them; `clinician-report`, the tests and the
//! catalog file keep them all.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;

use json::{Map, Value};

/// Where a source list of the browser's copy points: the catalog file itself.
const PLACEHOLDER_SOURCE: &str = "clinic:catalog.json";

/// The catalog without clinician-only metadata (see the module docs). `parent` is the key the
/// value sits under, to tell a procedure's or rule's `note` from a patient-facing one.
fn for_patients(value: Value, parent: &str) -> Value {
    match value {
        Value::Object(Map(members)) => Value::Object(Map(members
            .into_iter()
            .filter(|(key, _)| {
                !(key == "note" && matches!(parent, "procedures" | "rules" | "scheduling.rules"))
            })
            .map(|(key, v)| {
                let v = match key.as_str() {
                    "sources" | "min_age_sources" | "series_sources" => match v {
                        Value::Array(list) if !list.is_empty() => {
                            Value::Array(vec![Value::String(PLACEHOLDER_SOURCE.into())])
                        }
                        other => other,
                    },
                    "source" => Value::String(PLACEHOLDER_SOURCE.into()),
                    _ => {
                        let child = match (parent, key.as_str()) {
                            ("scheduling", "rules") => "scheduling.rules",
                            (_, k) => k,
                        };
                        // An array's elements carry their array's key as parent.
                        return (key.clone(), for_patients(v, child));
                    }
                };
                (key, v)
            })
            .collect())),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| for_patients(v, parent)).collect())
        }
        other => other,
    }
}

fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=catalog/catalog.json");
    println!("cargo:rerun-if-changed=build.rs");
    let source = fs::read_to_string("catalog/catalog.json").expect("read catalog/catalog.json");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("catalog.min.json");
    let browser = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let embedded = if browser {
        let value = json::parse(&source).expect("catalog/catalog.json is JSON");
        for_patients(value, "").to_string()
    } else {
        minify(&source)
    };
    fs::write(out, embedded).expect("write minified catalog");
}
