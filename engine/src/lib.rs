//! skin-consult-engine: the pure clinical core of skin-consult.
//!
//! * [`Catalog`]: questions, procedures, frequency models, rules and red flags, all data
//!   (`catalog/catalog.json`, embedded at build time; see [`builtin_catalog`]).
//! * [`questionnaire`]: visible questions (ending early once a red flag is raised), effective
//!   answers, answer checks.
//! * [`assess()`]: answers in, [`Assessment`] out: a referral, or every procedure with a status,
//!   reasons and a [`Plan`].
//! * [`describe_plan`]: phrases a plan ("every 2 weeks for 3 sessions, then once a month")
//!   with a catalog [`Locale`]: every word the engine writes itself (plan phrases, dates,
//!   plural rules, calendar words, the language's name) is catalog data too.
//! * [`schedule()`]: dates the chosen plans' sessions from a start [`Date`], keeping the
//!   catalog's spacing rules; [`to_ics`] writes them as an iCalendar file.
//!
//! No I/O, no clock, no randomness: the same catalog and answers always give the same result.
//!
//! serde is optional: the default `serde` feature derives `Serialize`/`Deserialize` for the
//! engine's types and adds the `persona` module, for the native tools and tests. The widget
//! builds the engine without it and reads its JSON with [`parse_catalog`] and [`json`].
//!
//! [`json`], [`small_map`] and [`order`] stay modules of this crate rather than a support crate
//! of their own: they exist to keep the widget's bundle small, the engine's own types are made
//! of them ([`Text`] and the catalog hold [`StrMap`]s, [`parse_catalog`] reads with [`json`]),
//! and the widget reaches them only through the engine. A separate crate would add a crate
//! boundary and a workspace member with no second user.
//!
//! The rest of this page is the crate README.
#![doc = include_str!("../README.md")]

pub mod answers;
pub mod assess;
pub mod condition;
pub mod date;
mod decode;
pub mod ics;
pub mod json;
pub mod locale;
pub mod model;
pub mod order;
#[cfg(feature = "serde")]
pub mod persona;
pub mod plan;
pub mod questionnaire;
pub mod schedule;
pub mod share;
pub mod small_map;
pub mod text;
pub mod validate;

pub use answers::{Answer, Answers};
pub use assess::{
    assess, best_for_concern, main_concern, Assessment, ProcedureResult, Reason, Referral, Status,
    TriggeredFlag,
};
pub use condition::Condition;
pub use date::{Date, DateError, Timestamp, Weekday};
pub use ics::{to_ics, IcsError};
pub use locale::{Locale, PluralRule};
pub use model::{
    Alternatives, Call, Catalog, ChoiceOption, ConcernFit, Effect, Frequency, FrequencyVariant,
    Grade, Messages, Procedure, Question, QuestionKind, RedFlag, Review, Rule, Scheduling,
    SideEffect, Spacing, SpacingRule, Strength, Urgency,
};
pub use plan::{describe_plan, CountRange, Course, DayRange, HomeUse, Plan};
pub use questionnaire::{
    check_answer, effective_answers, ended_by_red_flag, missing_required, visible_questions,
    AnswerError,
};
pub use schedule::{
    alternatives_of, default_plan, schedule, HomeUseStart, Pause, Phase, Schedule, ScheduleError,
    Session, DEFAULT_HORIZON_DAYS, MAX_HORIZON_DAYS,
};
pub use small_map::{StrMap, StrSet};
pub use text::Text;
pub use validate::{validate, validate_procedures, ValidationError};

/// The built-in catalog's JSON (`catalog/catalog.json` with insignificant whitespace removed).
pub const BUILTIN_CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.min.json"));

/// Parses and validates a catalog. A JSON syntax error becomes one [`ValidationError`] whose
/// path is `line L, column C`; fields of the wrong shape (missing, unknown, wrong type) are all
/// returned, each with the path of the field, e.g. `procedures[3].frequency.bounds.min_days`;
/// otherwise every validation problem is returned.
///
/// It reads the JSON with [`json::parse`] and decodes it by hand, not through serde, so the
/// browser bundle does not carry serde's deserialisation code for the catalog. The result is
/// the same [`Catalog`] `serde_json::from_str` gives (a test holds both to it).
pub fn parse_catalog(json: &str) -> Result<Catalog, Vec<ValidationError>> {
    parse_and_check(json, validate)
}

/// Parses a catalog and checks only its procedures ([`validate_procedures`]): for the built-in
/// catalog with changes merged into its procedures alone, whose other parts tests hold valid.
pub fn parse_catalog_procedures(json: &str) -> Result<Catalog, Vec<ValidationError>> {
    parse_and_check(json, validate_procedures)
}

/// Decodes a catalog, then accepts it only if `check` finds nothing wrong.
fn parse_and_check(
    json: &str,
    check: fn(&Catalog) -> Vec<ValidationError>,
) -> Result<Catalog, Vec<ValidationError>> {
    let catalog = decode_catalog(json)?;
    let errors = check(&catalog);
    if errors.is_empty() {
        Ok(catalog)
    } else {
        Err(errors)
    }
}

/// Reads a catalog's JSON without validating it.
fn decode_catalog(json: &str) -> Result<Catalog, Vec<ValidationError>> {
    let value = json::parse(json).map_err(|e| {
        vec![ValidationError {
            path: format!("line {}, column {}", e.line, e.column),
            message: e.message.to_string(),
        }]
    })?;
    decode::catalog(&value)
}

/// The built-in catalog.
///
/// It is decoded but not validated at run time: the embedded JSON is fixed at build time and a
/// unit test holds it to [`validate`] (so the bundle does not carry the validator for it).
///
/// # Panics
/// Never in practice: unit tests guarantee the embedded catalog parses and validates.
pub fn builtin_catalog() -> Catalog {
    match decode_catalog(BUILTIN_CATALOG_JSON) {
        Ok(c) => c,
        Err(errors) => panic!("built-in catalog is invalid: {}", errors[0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a catalog without validating it: with serde when the `serde` feature is on (a
    /// reader independent of [`decode`]), else with the engine's own reader.
    fn read(json: &str) -> Result<Catalog, String> {
        #[cfg(feature = "serde")]
        let catalog = serde_json::from_str(json).map_err(|e| e.to_string());
        #[cfg(not(feature = "serde"))]
        let catalog = decode_catalog(json).map_err(|e| e[0].to_string());
        catalog
    }

    #[test]
    fn embedded_catalog_is_the_minified_source() {
        let source = include_str!("../catalog/catalog.json");
        let pretty = read(source).unwrap();
        assert_eq!(builtin_catalog(), pretty);
        assert!(BUILTIN_CATALOG_JSON.len() < source.len() * 4 / 5);
    }

    #[test]
    fn builtin_catalog_is_valid() {
        let errors = match read(BUILTIN_CATALOG_JSON) {
            Ok(c) => validate(&c),
            Err(e) => panic!("built-in catalog does not parse: {e}"),
        };
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        let c = builtin_catalog();
        assert_eq!(parse_catalog(BUILTIN_CATALOG_JSON), Ok(c.clone()));
        assert!(validate(&c).is_empty());
        for id in [
            "medical-skin-care",
            "hydrafacial",
            "chemical-peel",
            "laser-resurfacing",
            "micro-laser-peel",
            "microneedling",
            "botulinum-toxin",
            "dermal-filler",
            "retinoid-home-care",
            "mesotherapy",
        ] {
            assert!(c.procedure(id).is_some(), "missing procedure {id}");
        }
    }
}
