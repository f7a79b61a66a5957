//! The JSON parser agrees with serde_json: on generated documents (written with random spacing
//! and random `\u` escapes, surrogate pairs included) and on arbitrary JSON-like text.

use proptest::prelude::*;
use serde_json::Value as Serde;
use skin_consult_engine::json::{parse, Value};

/// The parser's tree as serde_json's (a repeated key keeps its last value, as serde_json does).
fn to_serde(v: &Value) -> Serde {
    match v {
        Value::Null => Serde::Null,
        Value::Bool(b) => Serde::Bool(*b),
        Value::UInt(n) => Serde::from(*n),
        Value::NegInt(n) => Serde::from(*n),
        Value::OtherNumber(text) => serde_json::from_str(text).expect("a JSON number"),
        Value::String(s) => Serde::String(s.clone()),
        Value::Array(a) => Serde::Array(a.iter().map(to_serde).collect()),
        Value::Object(o) => {
            Serde::Object(o.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
        }
    }
}

fn has_float(v: &Serde) -> bool {
    match v {
        Serde::Number(n) => n.is_f64(),
        Serde::Array(a) => a.iter().any(has_float),
        Serde::Object(o) => o.values().any(has_float),
        _ => false,
    }
}

fn depth(v: &Serde) -> usize {
    match v {
        Serde::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Serde::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A tiny deterministic choice source for the writer.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % sides
    }
}

fn space(out: &mut String, dice: &mut Dice) {
    for _ in 0..dice.roll(3) {
        out.push([' ', '\n', '\t', '\r'][dice.roll(4) as usize]);
    }
}

fn write_str(s: &str, out: &mut String, dice: &mut Dice) {
    out.push('"');
    for c in s.chars() {
        let must = c == '"' || c == '\\' || (c as u32) < 0x20;
        match (must, dice.roll(4)) {
            (_, 0) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let hex = format!("{:04x}", u);
                    out.push_str("\\u");
                    out.push_str(&if dice.roll(2) == 0 {
                        hex.to_uppercase()
                    } else {
                        hex
                    });
                }
            }
            (true, _) => match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                _ => out.push_str(&format!("\\u{:04x}", c as u32)),
            },
            (false, 1) if c == '/' => out.push_str("\\/"),
            _ => out.push(c),
        }
    }
    out.push('"');
}

fn write(v: &Serde, out: &mut String, dice: &mut Dice) {
    space(out, dice);
    match v {
        Serde::String(s) => write_str(s, out, dice),
        Serde::Array(a) => {
            out.push('[');
            space(out, dice);
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(x, out, dice);
            }
            out.push(']');
        }
        Serde::Object(o) => {
            out.push('{');
            space(out, dice);
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                space(out, dice);
                write_str(k, out, dice);
                space(out, dice);
                out.push(':');
                write(x, out, dice);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
    space(out, dice);
}

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,8}",
        "\\PC{0,12}",
        proptest::collection::vec(any::<char>(), 0..8).prop_map(|c| c.into_iter().collect()),
    ]
}

fn json_value() -> impl Strategy<Value = Serde> {
    let leaf = prop_oneof![
        Just(Serde::Null),
        any::<bool>().prop_map(Serde::Bool),
        any::<u64>().prop_map(Serde::from),
        any::<i64>().prop_map(Serde::from),
        (0u32..1000).prop_map(Serde::from),
        any_string().prop_map(Serde::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Serde::Array),
            proptest::collection::vec((any_string(), inner), 0..6)
                .prop_map(|m| Serde::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parses_what_serde_json_writes(v in json_value(), seed in any::<u64>()) {
        let compact = serde_json::to_string(&v).unwrap();
        let ours = parse(&compact).unwrap();
        prop_assert_eq!(to_serde(&ours), v.clone());
        // Writing it back gives serde_json's bytes.
        prop_assert_eq!(ours.to_string(), compact);
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        prop_assert_eq!(to_serde(&parse(&pretty).unwrap()), v.clone());
        let mut spaced = String::new();
        write(&v, &mut spaced, &mut Dice(seed));
        let ours = parse(&spaced);
        prop_assert!(ours.is_ok(), "{:?} on {}", ours, spaced);
        prop_assert_eq!(to_serde(&ours.unwrap()), serde_json::from_str::<Serde>(&spaced).unwrap());
    }

    #[test]
    fn accepts_and_rejects_like_serde_json(text in "[\\[\\]{}\",: 0-9a-z\\\\.eE+\\-\t\n\u{e7}\u{1F600}]{0,24}") {
        let ours = parse(&text);
        match serde_json::from_str::<Serde>(&text) {
            Ok(theirs) if !has_float(&theirs) && depth(&theirs) <= 64 => {
                prop_assert_eq!(ours.map(|v| to_serde(&v)), Ok(theirs), "{:?}", text);
            }
            // serde_json reads `-0` as a float, this parser as 0: both accept.
            Ok(theirs) if depth(&theirs) <= 64 => prop_assert!(ours.is_ok(), "{:?}", text),
            Ok(_) => {}
            Err(e) => prop_assert!(ours.is_err(), "{:?} accepted; serde_json: {}", text, e),
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,64}") {
        let _ = parse(&text);
    }
}

#[test]
fn errors_point_where_serde_json_does_for_simple_cases() {
    for text in ["[1,]", "{\"a\" 1}", "[1 2]", "\"\\x\"", "nul"] {
        let ours = parse(text).unwrap_err();
        let theirs = serde_json::from_str::<Serde>(text).unwrap_err();
        assert_eq!(ours.line, theirs.line(), "{text}");
    }
}
