//! Each check of a single configuration value accepts a string exactly when the published
//! schema (`schema/config.schema.json`) accepts it, for generated strings: values shaped by
//! the schema's own pattern, the same with one character changed, inserted or removed or with
//! a dangerous prefix, and arbitrary text.
//!
//! The checks are exercised through the reader (a one-field document, then: was a problem
//! reported at that field's path?), so what is tested is what a clinic's document gets. The
//! reader trims surrounding whitespace before it checks a value, which a schema cannot say:
//! a value is compared with the schema's verdict on the value without it (see
//! [`the_reader_trims_where_the_schema_does_not`]). The schema's verdict is that of a real
//! validator (`boon`) on the field's own subschema.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use serde_json::{json, Value};
use skin_consult::config::parse_config;
use skin_consult_engine::{builtin_catalog, Catalog};

/// Cases per field and kind of generated value.
const CASES: u32 = 256;

/// One configuration field with a checked string value.
struct Field {
    /// Where the reader reports a problem with it.
    path: &'static str,
    /// Its subschema in the published schema (a JSON pointer).
    pointer: &'static str,
    /// The smallest document holding `value` at `path`.
    document: fn(Value) -> Value,
}

const FIELDS: &[Field] = &[
    Field {
        path: "clinic.name",
        pointer: "/definitions/Clinic/properties/name",
        document: |v| json!({"clinic": {"name": v}}),
    },
    Field {
        path: "clinic.logo",
        pointer: "/definitions/Clinic/properties/logo",
        document: |v| json!({"clinic": {"name": "A", "logo": v}}),
    },
    Field {
        path: "clinic.phone",
        pointer: "/definitions/Clinic/properties/phone",
        document: |v| json!({"clinic": {"name": "A", "phone": v}}),
    },
    Field {
        path: "clinic.whatsapp",
        pointer: "/definitions/Clinic/properties/whatsapp",
        document: |v| json!({"clinic": {"name": "A", "whatsapp": v}}),
    },
    Field {
        path: "clinic.email",
        pointer: "/definitions/Clinic/properties/email",
        document: |v| json!({"clinic": {"name": "A", "email": v}}),
    },
    Field {
        path: "clinic.booking_url",
        pointer: "/definitions/Clinic/properties/booking_url",
        document: |v| json!({"clinic": {"name": "A", "booking_url": v}}),
    },
    Field {
        path: "theme.colors.primary",
        pointer: "/definitions/Colors/properties/primary",
        document: |v| json!({"theme": {"colors": {"primary": v}}}),
    },
    Field {
        path: "theme.font_family",
        pointer: "/definitions/Theme/properties/font_family",
        document: |v| json!({"theme": {"font_family": v}}),
    },
    Field {
        path: "embed.parent_origins[0]",
        pointer: "/definitions/OriginString",
        document: |v| json!({"embed": {"parent_origins": [v]}}),
    },
    Field {
        path: "emergency.country",
        pointer: "/definitions/Emergency/properties/country",
        document: |v| json!({"emergency": {"country": v}}),
    },
    Field {
        path: "emergency.emergency",
        pointer: "/definitions/Emergency/properties/emergency",
        document: |v| json!({"emergency": {"emergency": v}}),
    },
    Field {
        path: "emergency.crisis_name",
        pointer: "/definitions/Emergency/properties/crisis_name",
        document: |v| json!({"emergency": {"crisis_name": v}}),
    },
    Field {
        path: "catalog.procedures.medical-skin-care.reviewed_by",
        pointer: "/definitions/ProcedureOverride/properties/reviewed_by",
        document: |v| json!({"catalog": {"procedures": {"medical-skin-care": {"reviewed_by": v}}}}),
    },
    Field {
        path: "prices.currency",
        pointer: "/definitions/Prices/properties/currency",
        document: |v| json!({"prices": {"currency": v}}),
    },
    Field {
        path: "kiosk.exit_code",
        pointer: "/definitions/Kiosk/properties/exit_code",
        document: |v| json!({"kiosk": {"exit_code": v}}),
    },
];

fn field(path: &str) -> &'static Field {
    FIELDS.iter().find(|f| f.path == path).expect("a field")
}

fn schema_json() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/config.schema.json");
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    })
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(builtin_catalog)
}

/// The published schema's validator for one field's subschema.
struct Witness {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Witness {
    fn new(field: &Field) -> Witness {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler
            .add_resource("urn:skin-consult:config", schema_json().clone())
            .unwrap();
        let index = compiler
            .compile(
                &format!("urn:skin-consult:config#{}", field.pointer),
                &mut schemas,
            )
            .unwrap_or_else(|e| panic!("{}: {e}", field.pointer));
        Witness { schemas, index }
    }

    fn accepts(&self, value: &str) -> bool {
        self.schemas
            .validate(&Value::String(value.to_string()), self.index)
            .is_ok()
    }
}

/// Whether the reader takes `value` for `field` without a problem at its path.
fn reader_accepts(field: &Field, value: &str) -> bool {
    let text = (field.document)(Value::String(value.to_string())).to_string();
    let (_, errors) = parse_config(&text, catalog());
    !errors.iter().any(|e| e.path == field.path)
}

/// The field's schema pattern, without the anchors a generator cannot take.
fn pattern(field: &Field) -> Option<String> {
    let pattern = schema_json()
        .pointer(field.pointer)?
        .get("pattern")?
        .as_str()?;
    let inner = pattern.strip_prefix('^')?.strip_suffix('$')?;
    Some(inner.to_string())
}

/// The field's `maxLength` (characters).
fn max_length(field: &Field) -> Option<usize> {
    let limit = schema_json().pointer(field.pointer)?.get("maxLength")?;
    Some(limit.as_u64()? as usize)
}

/// Strings shaped like valid values: from the schema's pattern, or of up to its `maxLength`
/// (and a little more) characters.
fn shaped(field: &Field) -> BoxedStrategy<String> {
    match pattern(field) {
        Some(pattern) => proptest::string::string_regex(&pattern)
            .unwrap_or_else(|e| panic!("{}: {e}", field.pointer))
            .boxed(),
        None => {
            let max = max_length(field).expect("a pattern or a maxLength");
            prop_oneof![
                proptest::collection::vec(any::<char>(), 0..=max + 2),
                proptest::collection::vec(proptest::char::range(' ', '~'), max - 2..=max + 2),
            ]
            .prop_map(|chars| chars.into_iter().collect())
            .boxed()
        }
    }
}

/// Characters that sit at the edge of some check.
const EDGE_CHARS: &[char] = &[
    ' ', '\t', '\n', '\u{0}', '\u{7f}', '\u{85}', '\u{a0}', '\u{2003}', '\u{2028}', '\u{3000}',
    '\u{feff}', '"', '\'', '<', '>', '\\', '/', ':', '@', '.', '#', '?', '+', '-', '(', ')', ',',
    '_', '0', '9', 'a', 'f', 'g', 'Z', 'é', 'İ', '٣', '\u{345}', '語', '😀',
];

/// Prefixes a value must not hide behind.
const PREFIXES: &[&str] = &[
    "javascript:",
    "http://",
    "https://",
    "//",
    "/",
    "data:",
    "#",
    "+",
    "@",
];

/// A shaped value with one character replaced, inserted or removed, or with a prefix.
fn near_miss(field: &Field) -> BoxedStrategy<String> {
    (
        shaped(field),
        any::<prop::sample::Index>(),
        prop::sample::select(EDGE_CHARS),
        prop::sample::select(PREFIXES),
        0..4u8,
    )
        .prop_map(|(value, at, c, prefix, how)| {
            let mut chars: Vec<char> = value.chars().collect();
            match how {
                0 if !chars.is_empty() => {
                    let i = at.index(chars.len());
                    chars[i] = c;
                }
                1 if !chars.is_empty() => {
                    chars.remove(at.index(chars.len()));
                }
                2 => return format!("{prefix}{value}"),
                _ => chars.insert(at.index(chars.len() + 1), c),
            }
            chars.into_iter().collect()
        })
        .boxed()
}

/// Arbitrary text: any characters, or printable ASCII.
fn arbitrary() -> BoxedStrategy<String> {
    prop_oneof![any::<String>(), "[ -~]{0,40}"].boxed()
}

/// Whether the standard library and the validator's regex tables class `c` alike as a letter
/// or digit. They follow different Unicode versions (a character assigned in the newer one is
/// a letter to one and nothing to the other); such a character says nothing about the check.
fn same_unicode_class(c: char) -> bool {
    static LETTER_OR_DIGIT: OnceLock<regex::Regex> = OnceLock::new();
    let tables =
        LETTER_OR_DIGIT.get_or_init(|| regex::Regex::new(r"^[\p{Alphabetic}\p{N}]$").unwrap());
    c.is_alphanumeric() == tables.is_match(c.encode_utf8(&mut [0; 4]))
}

/// The reader and the schema judge `value` alike (the schema without surrounding whitespace).
fn judged_alike(field: &Field, witness: &Witness, value: &str) -> Result<(), TestCaseError> {
    prop_assume!(value.chars().all(same_unicode_class));
    let reader = reader_accepts(field, value);
    let schema = witness.accepts(value.trim());
    prop_assert_eq!(
        reader,
        schema,
        "{}: {:?}: reader {}, schema {}",
        field.path,
        value,
        if reader { "accepts" } else { "refuses" },
        if schema { "accepts" } else { "refuses" }
    );
    Ok(())
}

/// Runs the three kinds of generated values for `path`.
fn agree(path: &str) {
    let field = field(path);
    let witness = Witness::new(field);
    for (kind, strategy) in [
        ("shaped", shaped(field)),
        ("near miss", near_miss(field)),
        ("arbitrary", arbitrary()),
    ] {
        let mut runner = TestRunner::new(ProptestConfig {
            cases: CASES,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        if let Err(e) = runner.run(&strategy, |value| judged_alike(field, &witness, &value)) {
            panic!("{path}, {kind} values: {e}");
        }
    }
}

#[test]
fn clinic_name() {
    agree("clinic.name");
}

#[test]
fn clinic_logo() {
    agree("clinic.logo");
}

#[test]
fn clinic_phone() {
    agree("clinic.phone");
}

#[test]
fn clinic_whatsapp() {
    agree("clinic.whatsapp");
}

#[test]
fn clinic_email() {
    agree("clinic.email");
}

#[test]
fn clinic_booking_url() {
    agree("clinic.booking_url");
}

#[test]
fn theme_color() {
    agree("theme.colors.primary");
}

#[test]
fn theme_font_family() {
    agree("theme.font_family");
}

#[test]
fn embed_parent_origin() {
    agree("embed.parent_origins[0]");
}

#[test]
fn emergency_country() {
    agree("emergency.country");
}

#[test]
fn emergency_number() {
    agree("emergency.emergency");
}

#[test]
fn emergency_crisis_name() {
    agree("emergency.crisis_name");
}

#[test]
fn override_reviewer() {
    agree("catalog.procedures.medical-skin-care.reviewed_by");
}

#[test]
fn kiosk_exit_code() {
    agree("kiosk.exit_code");
}

#[test]
fn prices_currency() {
    agree("prices.currency");
}

/// Every field with a checked string value of the schema is here (colours and the emergency
/// numbers share one check and one pattern each: one of each is enough).
#[test]
fn every_patterned_field_is_covered() {
    let mut patterned = Vec::new();
    let definitions = schema_json()["definitions"].as_object().unwrap();
    for (name, definition) in definitions {
        if definition.get("pattern").is_some() {
            patterned.push(format!("/definitions/{name}"));
        }
        for (property, schema) in definition["properties"].as_object().into_iter().flatten() {
            if ["pattern", "maxLength"]
                .iter()
                .any(|k| schema.get(k).is_some())
            {
                patterned.push(format!("/definitions/{name}/properties/{property}"));
            }
        }
    }
    let covered = |pointer: &str| FIELDS.iter().any(|f| f.pointer == pointer);
    let same_pattern = |pointer: &str| {
        let pattern = &schema_json().pointer(pointer).unwrap()["pattern"];
        FIELDS.iter().any(|f| {
            !pattern.is_null() && schema_json().pointer(f.pointer).unwrap()["pattern"] == *pattern
        })
    };
    let missing: Vec<&String> = patterned
        .iter()
        .filter(|p| !covered(p) && !same_pattern(p))
        .collect();
    assert!(missing.is_empty(), "not property-tested: {missing:?}");
}

/// The reader drops surrounding whitespace before its check; the schema has no way to.
#[test]
fn the_reader_trims_where_the_schema_does_not() {
    let email = field("clinic.email");
    assert!(reader_accepts(email, " desk@clinic.example\n"));
    assert!(!Witness::new(email).accepts(" desk@clinic.example\n"));
}

/// Values on which the reader and the schema once disagreed (found by the properties above),
/// with the verdict both now give.
#[test]
fn past_disagreements_are_judged_alike() {
    let long = |c: char, n: usize| c.to_string().repeat(n);
    let cases: Vec<(&str, String, bool)> = vec![
        // The schema took a domain starting with a dot, the reader a second `@` and a `_` or
        // `+` in the domain.
        ("clinic.email", "0@..A".into(), false),
        ("clinic.email", "desk@clinic@example.com".into(), false),
        ("clinic.email", "-@_.0a-".into(), false),
        ("clinic.email", "desk+a@clinic-1.example".into(), true),
        (
            "clinic.email",
            format!("{}@b.example", long('a', 244)),
            true,
        ),
        (
            "clinic.email",
            format!("{}@b.example", long('a', 245)),
            false,
        ),
        // The schema took control characters (`\s` is no control class) and had no length
        // limit; the reader counted bytes, not characters.
        ("clinic.booking_url", "https://0#\u{e}".into(), false),
        (
            "clinic.booking_url",
            "https://a.example/a\u{2000}b".into(),
            false,
        ),
        (
            "clinic.booking_url",
            format!("https://a.example/{}", long('ü', 1982)),
            true,
        ),
        (
            "clinic.booking_url",
            format!("https://a.example/{}", long('ü', 1983)),
            false,
        ),
        // The schema took control characters and `//` (another site's address).
        ("clinic.logo", "/\u{0}".into(), false),
        ("clinic.logo", "//evil.example/logo.svg".into(), false),
        ("clinic.logo", "/".into(), true),
        ("clinic.logo", format!("/{}", long('ş', 499)), true),
        ("clinic.logo", format!("/{}", long('ş', 500)), false),
        // The reader took any mix of colons after the host.
        (
            "embed.parent_origins[0]",
            "https://A::000000000000000000".into(),
            false,
        ),
        ("embed.parent_origins[0]", "https://:443".into(), false),
        (
            "embed.parent_origins[0]",
            "https://a.example:8443".into(),
            true,
        ),
        // The schema took control characters in a name.
        ("emergency.crisis_name", "\u{e}".into(), false),
        ("emergency.crisis_name", "Samaritans".into(), true),
        // The schema counted characters, not digits.
        ("emergency.emergency", "-0".into(), false),
        ("emergency.emergency", "+ ".into(), false),
        ("emergency.emergency", long('1', 16), false),
        ("emergency.emergency", "+44 116 123".into(), true),
        // The reader counted bytes, the schema characters; the schema took letters only
        // (`\p{L}`), the reader every alphabetic character (as combining vowel signs).
        ("theme.font_family", long('ç', 200), true),
        ("theme.font_family", long('ç', 201), false),
        ("theme.font_family", "\"हिंदी\", sans-serif".into(), true),
    ];
    let mut wrong = Vec::new();
    for (path, value, accepted) in &cases {
        let field = field(path);
        let reader = reader_accepts(field, value);
        let schema = Witness::new(field).accepts(value);
        if reader != *accepted || schema != *accepted {
            wrong.push(format!(
                "{path}: {value:?}: reader {reader}, schema {schema}, want {accepted}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
