//! Per-language formatting data, carried in the catalog's `locales` block: the language's own
//! name, how dates are written, how it picks plural forms, the phrases a plan is described with
//! and the words of the calendar file. The engine holds no language's words itself, so adding
//! a language is data: a locale block and a translation of every text (see the crate README).
//!
//! A locale is a flat object of phrases by key, like the interface strings of the app
//! (`"plan.week.once": "once a week"`); [`KEYS`] lists every key, the placeholders it takes
//! and whether it has plural forms (then written `<key>.one`, `<key>.other`).

use crate::small_map::StrMap;

/// How a language picks a plural form for a count (the locale's `plural` key). A range
/// ("2–3") takes the form of its larger end, as CLDR's range rules give for these families.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// `"other"`: one form for every count: Turkish (nouns after a number stay singular),
    /// Japanese, Chinese, Korean. Forms: `other`.
    Other,
    /// `"one_other"`: `one` for exactly 1, `other` for every other count: English, German,
    /// Dutch, Swedish, Italian, Spanish (and French, whose `one` also covers 0: counts here are
    /// never 0). Forms: `one`, `other`.
    OneOther,
}

impl PluralRule {
    /// The rule names a locale may give.
    pub const NAMES: [&'static str; 2] = ["other", "one_other"];

    /// The rule called `name`.
    pub fn named(name: &str) -> Option<PluralRule> {
        match name {
            "other" => Some(PluralRule::Other),
            "one_other" => Some(PluralRule::OneOther),
            _ => None,
        }
    }

    /// The names of the forms a phrase must give under this rule.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            PluralRule::Other => &["other"],
            PluralRule::OneOther => &["one", "other"],
        }
    }

    /// The form `n` takes.
    pub fn category(self, n: u32) -> &'static str {
        match self {
            PluralRule::OneOther if n == 1 => "one",
            _ => "other",
        }
    }
}

/// One key of a locale: its name, the placeholders it takes (all of them required, except
/// that a plural form other than `other` may leave out `{n}` and spell its number), and
/// whether it has plural forms.
pub struct Key {
    /// The key, e.g. `plan.week.every`.
    pub name: &'static str,
    /// The placeholders, e.g. `["n"]`.
    pub placeholders: &'static [&'static str],
    /// Written as `<name>.<form>` for each form of the language's plural rule.
    pub plural: bool,
}

const fn key(name: &'static str, placeholders: &'static [&'static str], plural: bool) -> Key {
    Key {
        name,
        placeholders,
        plural,
    }
}

/// Every key a locale has besides `plural`, `date.month.1`…`date.month.12` and
/// `date.weekday.1`…`date.weekday.7` (Monday = 1).
pub const KEYS: &[Key] = &[
    key("name", &[], false),
    key("range", &["min", "max"], false),
    key("date", &["weekday", "day", "month", "year"], false),
    key("plan.day.once", &[], false),
    key("plan.day.every", &["n"], true),
    key("plan.day.duration", &["n"], true),
    key("plan.week.once", &[], false),
    key("plan.week.every", &["n"], true),
    key("plan.week.duration", &["n"], true),
    key("plan.month.once", &[], false),
    key("plan.month.every", &["n"], true),
    key("plan.month.duration", &["n"], true),
    key("plan.sessions", &["n", "every"], true),
    key("plan.series", &["every"], false),
    key("plan.single_session", &[], false),
    key("plan.home_use", &["n"], true),
    key("plan.home_use_increasing", &["n"], true),
    key("plan.then", &["every"], false),
    key("plan.min_gap", &["duration"], false),
    key("plan.recovery", &["plan", "duration"], false),
    key("plan.as_advised", &[], false),
    key("plan.separator", &[], false),
    key("calendar.title", &[], false),
    key("calendar.session", &["name", "n"], false),
    key("calendar.review", &["name"], false),
    key("calendar.aftercare", &[], false),
];

/// Everything the engine writes in one language besides the catalog's texts: a view of one
/// block of the catalog's `locales`, phrases by key (see [`KEYS`]). In JSON a flat object:
/// `{"name": "English", "plural": "one_other", "plan.week.once": "once a week", ...}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale<'a>(pub &'a StrMap<String>);

/// What a catalog without locales gives: no words at all.
static EMPTY: StrMap<String> = StrMap::new();

impl<'a> Locale<'a> {
    /// A locale with no words at all.
    pub fn empty() -> Locale<'static> {
        Locale(&EMPTY)
    }

    /// The phrase `key` ("" when missing; validation makes sure none is).
    pub fn get(self, key: &str) -> &'a str {
        self.0.get(key).map_or("", String::as_str)
    }

    /// The language's plural rule (`other` when the name is unknown; validation refuses that).
    pub fn plural(self) -> PluralRule {
        PluralRule::named(self.get("plural")).unwrap_or(PluralRule::Other)
    }

    /// `n` as written in a phrase: "3", or the range "2–3".
    pub fn amount(self, min: u32, max: u32) -> String {
        if min == max {
            min.to_string()
        } else {
            fill(
                self.get("range"),
                &[("min", &min.to_string()), ("max", &max.to_string())],
            )
        }
    }

    /// The plural phrase `key` for the count `min`–`max` (in the form of `max`), with `{n}`
    /// and `{every}` filled in.
    pub fn counted(self, key: &str, min: u32, max: u32, every: &str) -> String {
        let form = self.plural().category(max);
        let phrase = self.get(&format!("{key}.{form}"));
        fill(phrase, &[("n", &self.amount(min, max)), ("every", every)])
    }
}

/// Replaces each `{name}` of `template` whose name `args` gives, in one pass (a value is never
/// searched for placeholders); other braces stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        });
        match found {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names in `template`, in order (`{n}` gives `n`).
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.find('}').map(|end| &s[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_once() {
        assert_eq!(
            fill("{every} for {n} {x}", &[("every", "{n}"), ("n", "3")]),
            "{n} for 3 {x}"
        );
        assert_eq!(fill("{ a {n", &[("n", "3")]), "{ a {n");
        let names: Vec<&str> = placeholders("{day} {month}, {year}{").collect();
        assert_eq!(names, ["day", "month", "year"]);
    }

    #[test]
    fn plural_rules_pick_forms() {
        let mut map = StrMap::new();
        for (k, v) in [
            ("plural", "one_other"),
            ("range", "{min}–{max}"),
            ("w.one", "{n} week"),
            ("w.other", "{n} weeks"),
        ] {
            map.insert(k.to_string(), v.to_string());
        }
        let l = Locale(&map);
        assert_eq!(l.counted("w", 1, 1, ""), "1 week");
        assert_eq!(l.counted("w", 0, 0, ""), "0 weeks");
        assert_eq!(l.counted("w", 21, 21, ""), "21 weeks");
        assert_eq!(l.counted("w", 1, 2, ""), "1–2 weeks");
        map.insert("plural".into(), "other".into());
        assert_eq!(Locale(&map).counted("w", 1, 1, ""), "1 weeks");
        assert_eq!(Locale::empty().counted("w", 1, 1, ""), "");
        assert_eq!(PluralRule::NAMES.map(PluralRule::named).len(), 2);
        assert!(PluralRule::NAMES
            .iter()
            .all(|n| PluralRule::named(n).is_some()));
    }
}
