//! Interface strings per language, from `locales/ui.json` (data: adding a language adds a
//! block there and to the catalog, no code).
//!
//! Catalog texts (questions, procedures, plans) carry their own translations; this module only
//! holds the interface chrome and picks the language to show.

use skin_consult_engine::json::{self, Value};
use skin_consult_engine::StrMap;
use std::sync::OnceLock;

/// The language used when nothing else matches, and the fallback for missing strings.
pub const DEFAULT_LANG: &str = skin_consult_engine::text::FALLBACK_LANGUAGE;

type Table = StrMap<StrMap<String>>;

fn table() -> &'static Table {
    // Not state: the embedded file read once, the same for the whole page (the host's state
    // lives in `crate::host::Host`).
    static TABLE: OnceLock<Table> = OnceLock::new();
    // A unit test guarantees the embedded file reads completely; an empty table still renders keys.
    TABLE.get_or_init(|| read_table(include_str!("../locales/ui.json")).unwrap_or_default())
}

/// `{"<lang>": {"<key>": "<text>", ...}, ...}`; `None` if the document has any other shape.
fn read_table(source: &str) -> Option<Table> {
    let root = json::parse(source).ok()?;
    let mut table = Table::new();
    for (lang, strings) in root.as_object()?.iter() {
        let mut texts = StrMap::new();
        for (key, text) in strings.as_object()?.iter() {
            let Value::String(text) = text else {
                return None;
            };
            texts.insert(key.clone(), text.clone());
        }
        table.insert(lang.clone(), texts);
    }
    Some(table)
}

/// The languages the interface is written in.
pub fn languages() -> Vec<&'static str> {
    table().keys().map(String::as_str).collect()
}

/// The interface string `key` in `lang`, falling back to English.
pub fn t(lang: &str, key: &str) -> String {
    let table = table();
    table
        .get(lang)
        .and_then(|strings| strings.get(key))
        .or_else(|| table.get(DEFAULT_LANG).and_then(|s| s.get(key)))
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// [`t`] with `{name}` placeholders replaced.
pub fn tf(lang: &str, key: &str, args: &[(&str, &str)]) -> String {
    // The engine's filler: one pass, so a value is never searched for placeholders.
    skin_consult_engine::locale::fill(&t(lang, key), args)
}

/// `text` with its first letter in upper case, by the rules of `lang`: Turkish and
/// Azerbaijani write the capital of `i` as `İ` (and of `ı` as `I`).
pub fn capitalize_first(text: &str, lang: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    upper_case(first, lang) + chars.as_str()
}

/// In the browser, its own locale-aware case mapping: linking Rust's Unicode case tables
/// would add about 9 KB (gzip) to the bundle for one letter per heading.
#[cfg(target_arch = "wasm32")]
fn upper_case(letter: char, lang: &str) -> String {
    // A malformed tag would make `toLocaleUpperCase` throw; catalog codes are well formed.
    let well_formed =
        !lang.is_empty() && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let letter = js_sys::JsString::from(letter.to_string());
    letter
        .to_locale_upper_case(well_formed.then_some(lang))
        .into()
}

/// Natively (tests and tools), Rust's case mapping with the dotted-i rule added.
#[cfg(not(target_arch = "wasm32"))]
fn upper_case(letter: char, lang: &str) -> String {
    match letter {
        'i' if matches!(lang.split('-').next(), Some("tr" | "az")) => "İ".to_string(),
        other => other.to_uppercase().collect(),
    }
}

/// Picks the display language: the first of `preferred` (e.g. the clinic's default, then the
/// browser's languages) whose primary subtag is `available`, else the first available one.
pub fn negotiate<'a>(preferred: &[String], available: &[&'a str]) -> &'a str {
    preferred
        .iter()
        .find_map(|tag| {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            available.iter().find(|lang| **lang == primary).copied()
        })
        .or_else(|| available.first().copied())
        .unwrap_or(DEFAULT_LANG)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let table = read_table(include_str!("../locales/ui.json")).expect("ui.json reads");
        let english = &table[DEFAULT_LANG];
        for (lang, strings) in &table {
            for key in english.keys() {
                let value = strings.get(key).map(String::as_str).unwrap_or("");
                assert!(!value.trim().is_empty(), "{lang} lacks {key}");
            }
            assert_eq!(strings.len(), english.len(), "{lang} has extra keys");
        }
        assert!(languages().contains(&"tr"));
    }

    #[test]
    fn every_key_used_in_the_code_exists() {
        let english = &table()[DEFAULT_LANG];
        // Every Rust file of the crate, in every folder.
        fn read_all(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("a source folder") {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    read_all(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let mut sources = Vec::new();
        read_all(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut sources,
        );
        let mut used = 0;
        for source in &sources {
            for call in ["t(lang, \"", "tf(lang, \"", "t(&lang, \"", "tf(&lang, \""] {
                for (i, _) in source.match_indices(call) {
                    let rest = &source[i + call.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    assert!(english.contains_key(key), "unknown interface key {key:?}");
                    used += 1;
                }
            }
        }
        assert!(
            used > 30,
            "only {used} keys found: is the scan still matching the code?"
        );
    }

    #[test]
    fn placeholders_are_filled_and_missing_keys_fall_back() {
        assert_eq!(
            tf("en", "progress", &[("n", "4"), ("total", "15")]),
            "Question 4 of 15"
        );
        assert_eq!(
            tf("tr", "progress", &[("n", "4"), ("total", "15")]),
            "Soru 4 / 15"
        );
        assert_eq!(t("xx", "start"), "Start");
    }

    #[test]
    fn negotiation_follows_preference_then_default() {
        let available = ["en", "tr"];
        let cases: [(&[&str], &str); 5] = [
            (&["tr-TR", "en"], "tr"),
            (&["de-DE", "TR"], "tr"),
            (&["en-GB"], "en"),
            (&["de"], "en"),
            (&[], "en"),
        ];
        for (preferred, expected) in cases {
            let preferred: Vec<String> = preferred.iter().map(|s| s.to_string()).collect();
            assert_eq!(negotiate(&preferred, &available), expected, "{preferred:?}");
        }
    }
}
