//! Translatable text: every human-visible string of the catalog is a [`Text`].

use crate::small_map::StrMap;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The language every [`Text`] falls back to.
pub const FALLBACK_LANGUAGE: &str = "en";

/// A human-visible text in several languages, keyed by language code.
///
/// In JSON it is a plain object: `{"en": "Acne", "tr": "Akne"}`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Text(pub StrMap<String>);

impl Text {
    /// The text in `lang`, falling back to English, then to any language, then to "".
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(FALLBACK_LANGUAGE))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// A text with a single English entry (handy in tests and tools).
    pub fn en(text: &str) -> Text {
        let mut map = StrMap::new();
        map.insert(FALLBACK_LANGUAGE.to_string(), text.to_string());
        Text(map)
    }

    /// Replaces `{key}` in every language with the same language of `value`.
    pub fn fill(&self, key: &str, value: &Text) -> Text {
        let pattern = format!("{{{key}}}");
        Text(
            self.0
                .iter()
                .map(|(lang, s)| (lang.clone(), s.replace(&pattern, value.get(lang))))
                .collect(),
        )
    }

    /// Replaces `{key}` in every language with the same plain string.
    pub fn fill_str(&self, key: &str, value: &str) -> Text {
        let pattern = format!("{{{key}}}");
        Text(
            self.0
                .iter()
                .map(|(lang, s)| (lang.clone(), s.replace(&pattern, value)))
                .collect(),
        )
    }

    /// Joins several texts language by language with `separator`.
    pub fn join(texts: &[&Text], separator: &str) -> Text {
        let mut langs: Vec<&String> = texts.iter().flat_map(|t| t.0.keys()).collect();
        crate::order::sort_by_key(&mut langs, |lang| *lang);
        langs.dedup();
        Text(
            langs
                .into_iter()
                .map(|lang| {
                    let parts: Vec<&str> = texts.iter().map(|t| t.get(lang)).collect();
                    (lang.clone(), parts.join(separator))
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en_tr(en: &str, tr: &str) -> Text {
        let mut t = Text::en(en);
        t.0.insert("tr".into(), tr.into());
        t
    }

    #[test]
    fn get_falls_back_to_english() {
        let t = en_tr("Acne", "Akne");
        assert_eq!(t.get("tr"), "Akne");
        assert_eq!(t.get("de"), "Acne");
        assert_eq!(Text::default().get("en"), "");
    }

    #[test]
    fn fill_and_join_work_per_language() {
        let t = en_tr("Helps with {c}.", "{c} için.");
        let filled = t.fill("c", &en_tr("acne", "akne"));
        assert_eq!(filled.get("en"), "Helps with acne.");
        assert_eq!(filled.get("tr"), "akne için.");
        let joined = Text::join(&[&en_tr("a", "b"), &en_tr("c", "d")], "; ");
        assert_eq!(joined.get("tr"), "b; d");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_is_a_plain_object() {
        let t: Text = serde_json::from_str(r#"{"en":"x","tr":"y"}"#).unwrap();
        assert_eq!(t, en_tr("x", "y"));
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"en":"x","tr":"y"}"#);
    }
}
