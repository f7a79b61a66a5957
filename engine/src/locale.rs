//! Per-language formatting data, carried in the catalog's `locales` block: the language's own
//! name, how dates are written, how it picks plural forms, the phrases a plan is described with
//! and the words of the calendar file. The engine holds no language's words itself, so adding
//! a language is data: a locale block and a translation of every text (see the crate README).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a language picks a plural form for a count. A range ("2–3") takes the form of its
/// larger end, as CLDR's range rules give for these families.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum PluralRule {
    /// One form for every count: Turkish (nouns after a number stay singular), Japanese,
    /// Chinese, Korean. Forms: `other`.
    #[default]
    Other,
    /// `one` for exactly 1, `other` for every other count: English, German, Dutch, Swedish,
    /// Italian, Spanish (and French, whose `one` also covers 0: counts here are never 0).
    /// Forms: `one`, `other`.
    OneOther,
}

impl PluralRule {
    /// The names of the forms a text must give under this rule.
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

/// A text in every plural form of its language, keyed by form: `{"one": "{n} week", "other":
/// "{n} weeks"}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Forms(pub BTreeMap<String, String>);

impl Forms {
    /// The form `rule` gives for `n` (the `other` form if that one is missing; validation
    /// makes sure it is not).
    pub fn pick(&self, rule: PluralRule, n: u32) -> &str {
        self.0
            .get(rule.category(n))
            .or_else(|| self.0.get("other"))
            .map_or("", String::as_str)
    }
}

/// The phrases for one unit of time (day, week or month).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct UnitPhrases {
    /// Exactly one unit apart: "once a week", "haftada bir".
    pub once: String,
    /// `{n}` units apart: "every {n} weeks", "{n} haftada bir".
    pub every: Forms,
    /// A length of time: "{n} weeks", "{n} hafta".
    pub duration: Forms,
}

/// The phrases [`crate::describe_plan`] builds a plan's description from. Placeholders:
/// `{n}` a count or range, `{every}` an interval phrase, `{duration}` a length of time,
/// `{plan}` the description so far.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct PlanPhrases {
    /// Intervals and lengths in days.
    pub day: UnitPhrases,
    /// In weeks (used when both ends divide by 7).
    pub week: UnitPhrases,
    /// In months of 30 days (used when both ends divide by 30).
    pub month: UnitPhrases,
    /// A course of `{n}` sessions `{every}`: "{every} for {n} sessions".
    pub sessions: Forms,
    /// A course without a count: "a series of sessions {every}".
    pub series: String,
    /// "usually a single session".
    pub single_session: String,
    /// Home use: "{n} nights a week".
    pub home_use: Forms,
    /// Home use, increasing: "{n} nights a week at first, increasing as your skin tolerates it".
    pub home_use_increasing: Forms,
    /// Maintenance after something else: "then {every}".
    pub then: String,
    /// "never sooner than {duration} apart".
    pub min_gap: String,
    /// "{plan}; allow about {duration} before other treatments".
    pub recovery: String,
    /// A plan that says nothing: "as advised by your doctor".
    pub as_advised: String,
    /// Between the parts of a description: ", ".
    pub separator: String,
}

/// The words of the calendar file.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct CalendarWords {
    /// The calendar's name: "Treatment plan".
    pub title: String,
    /// An event: "{name}, session {n}".
    pub session: String,
    /// Heading of the aftercare list in an event's description: "Aftercare:".
    pub aftercare: String,
}

/// Everything the engine writes in one language besides the catalog's texts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// The language's name in itself, for the language switch: "English", "Türkçe".
    pub name: String,
    /// How plural forms are picked.
    pub plural: PluralRule,
    /// A range of numbers: "{min}–{max}".
    pub range: String,
    /// A date: "{weekday} {day} {month} {year}".
    pub date: String,
    /// The 12 month names as written in a date, January first.
    pub months: Vec<String>,
    /// The 7 weekday names as written in a date, Monday first.
    pub weekdays: Vec<String>,
    /// The phrases of a plan's description.
    pub plan: PlanPhrases,
    /// The words of the calendar file.
    pub calendar: CalendarWords,
}

impl Locale {
    /// A locale with no words at all (what a catalog without locales gives).
    pub fn empty() -> &'static Locale {
        static EMPTY: std::sync::OnceLock<Locale> = std::sync::OnceLock::new();
        EMPTY.get_or_init(Locale::default)
    }

    /// `n` as written in a text: "3", or the range "2–3".
    pub fn amount(&self, min: u32, max: u32) -> String {
        if min == max {
            min.to_string()
        } else {
            fill(
                &self.range,
                &[("min", &min.to_string()), ("max", &max.to_string())],
            )
        }
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
        let mut forms = Forms::default();
        forms.0.insert("one".into(), "{n} week".into());
        forms.0.insert("other".into(), "{n} weeks".into());
        assert_eq!(forms.pick(PluralRule::OneOther, 1), "{n} week");
        assert_eq!(forms.pick(PluralRule::OneOther, 0), "{n} weeks");
        assert_eq!(forms.pick(PluralRule::OneOther, 21), "{n} weeks");
        assert_eq!(forms.pick(PluralRule::Other, 1), "{n} weeks");
        assert_eq!(Forms::default().pick(PluralRule::OneOther, 1), "");
    }
}
