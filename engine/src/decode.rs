//! Hand-written decoding of a catalog from a [`json::Value`] tree: the same [`Catalog`] serde's
//! derives give, without linking serde's generic deserialisation into the browser bundle.
//!
//! It follows the JSON format of the serde derives (externally tagged enums, `snake_case`
//! variant names, optional fields that may be absent or `null`, `#[serde(default)]` fields that
//! may be absent), and is a little stricter in three ways: every object refuses unknown and
//! repeated keys (serde ignores unknown keys inside conditions, question kinds and effects, and
//! keeps the last of a repeated language in a text), and a struct written as an array is not
//! accepted. Errors name the path, e.g.
//! `procedures[3].frequency.bounds.min_days: expected a whole number from 0 to 4294967295, found -1`.

use crate::condition::Condition;
use crate::json::Value;
use crate::model::{
    Catalog, ChoiceOption, Effect, Frequency, FrequencyVariant, Messages, Procedure, Question,
    QuestionKind, RedFlag, Rule, Scheduling, Spacing, SpacingRule, Urgency,
};
use crate::plan::{CountRange, Course, DayRange, HomeUse, Plan};
use crate::text::Text;
use crate::validate::ValidationError;
use std::fmt;

/// Where a value sits in the document, built on the stack and only rendered for an error.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("(catalog)"),
            Path::Key(Path::Root, k) => f.write_str(k),
            Path::Key(parent, k) => write!(f, "{parent}.{k}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

type R<T> = Result<T, ValidationError>;

fn fail<T>(path: Path, message: String) -> R<T> {
    Err(ValidationError {
        path: path.to_string(),
        message,
    })
}

fn expected<T>(path: Path, what: &str, v: &Value) -> R<T> {
    fail(path, format!("expected {what}, found {}", v.kind()))
}

/// "`a`, `b`, `c`" for messages.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// An object whose keys have been checked against the known ones.
struct Obj<'a> {
    members: &'a [(String, Value)],
    path: Path<'a>,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: Path<'a>, known: &[&str]) -> R<Obj<'a>> {
        let Some(map) = v.as_object() else {
            return expected(path, "an object", v);
        };
        let members = &map.0[..];
        for (i, (key, _)) in members.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                return fail(
                    path,
                    format!("unknown field `{key}`, expected one of {}", one_of(known)),
                );
            }
            if members[..i].iter().any(|(k, _)| k == key) {
                return fail(path, format!("duplicate field `{key}`"));
            }
        }
        Ok(Obj { members, path })
    }

    /// The member `key`, absent or `null` alike as `None`.
    fn opt(&self, key: &str) -> Option<&'a Value> {
        self.members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// The member `key` of a `#[serde(default)]` field (only absence means the default).
    fn default(&self, key: &str) -> Option<&'a Value> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn req(&self, key: &str) -> R<&'a Value> {
        match self.members.iter().find(|(k, _)| k == key) {
            Some((_, v)) => Ok(v),
            None => fail(self.path, format!("missing field `{key}`")),
        }
    }
}

/// Decodes a required field with `f`.
fn field<'a, T>(o: &Obj<'a>, key: &'a str, f: fn(&'a Value, Path) -> R<T>) -> R<T> {
    f(o.req(key)?, Path::Key(&o.path, key))
}

/// Decodes an optional field with `f` (absent or `null`: `None`).
fn option<'a, T>(o: &Obj<'a>, key: &'a str, f: fn(&'a Value, Path) -> R<T>) -> R<Option<T>> {
    o.opt(key)
        .map(|v| f(v, Path::Key(&o.path, key)))
        .transpose()
}

fn list<'a, T>(v: &'a Value, path: Path, f: fn(&'a Value, Path) -> R<T>) -> R<Vec<T>> {
    let Some(items) = v.as_array() else {
        return expected(path, "an array", v);
    };
    items
        .iter()
        .enumerate()
        .map(|(i, x)| f(x, Path::Index(&path, i)))
        .collect()
}

fn string(v: &Value, path: Path) -> R<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => expected(path, "a string", v),
    }
}

fn strings(v: &Value, path: Path) -> R<Vec<String>> {
    list(v, path, string)
}

fn boolean(v: &Value, path: Path) -> R<bool> {
    match v.as_bool() {
        Some(b) => Ok(b),
        None => expected(path, "true or false", v),
    }
}

/// A whole number within `min..=max`.
fn whole(v: &Value, path: Path, min: i64, max: i64) -> R<i64> {
    let found = match *v {
        Value::UInt(n) => match i64::try_from(n) {
            Ok(n) if (min..=max).contains(&n) => return Ok(n),
            _ => n.to_string(),
        },
        Value::NegInt(n) if (min..=max).contains(&n) => return Ok(n),
        Value::NegInt(n) => n.to_string(),
        _ => return expected(path, "a whole number", v),
    };
    fail(
        path,
        format!("expected a whole number from {min} to {max}, found {found}"),
    )
}

fn uint(v: &Value, path: Path) -> R<u32> {
    whole(v, path, 0, u32::MAX.into()).map(|n| n as u32)
}

fn int(v: &Value, path: Path) -> R<i32> {
    whole(v, path, i32::MIN.into(), i32::MAX.into()).map(|n| n as i32)
}

fn text(v: &Value, path: Path) -> R<Text> {
    let Some(members) = v.as_object() else {
        return expected(path, "an object of texts by language", v);
    };
    let mut out = Text::default();
    for (lang, s) in members {
        let s = string(s, Path::Key(&path, lang))?;
        if out.0.insert(lang.clone(), s).is_some() {
            return fail(path, format!("duplicate language `{lang}`"));
        }
    }
    Ok(out)
}

fn texts(v: &Value, path: Path) -> R<Vec<Text>> {
    list(v, path, text)
}

/// An externally tagged enum value: `"name"` (payload `None`) or `{"name": payload}`, with the
/// name checked against `names`.
fn variant<'a>(v: &'a Value, path: Path, names: &[&str]) -> R<(&'a str, Option<&'a Value>)> {
    let (name, payload) = match v {
        Value::String(s) => (s.as_str(), None),
        Value::Object(m) if m.len() == 1 => (m.0[0].0.as_str(), Some(&m.0[0].1)),
        _ => return expected(path, "a string or an object with one key", v),
    };
    if !names.contains(&name) {
        return fail(
            path,
            format!(
                "unknown variant `{name}`, expected one of {}",
                one_of(names)
            ),
        );
    }
    Ok((name, payload))
}

/// A unit variant's payload: none, or `null` (as serde accepts).
fn unit<T>(payload: Option<&Value>, path: Path, value: T) -> R<T> {
    match payload {
        None | Some(Value::Null) => Ok(value),
        Some(v) => expected(path, "no value", v),
    }
}

/// A data variant's payload (the enum was written as a bare string otherwise).
fn data<'a>(payload: Option<&'a Value>, path: Path, name: &str) -> R<&'a Value> {
    match payload {
        Some(v) => Ok(v),
        None => fail(path, format!("`{name}` needs a value: {{\"{name}\": ..}}")),
    }
}

pub(crate) fn catalog(v: &Value) -> R<Catalog> {
    let o = Obj::new(
        v,
        Path::Root,
        &[
            "version",
            "languages",
            "concern_question",
            "age_question",
            "concern_score",
            "questions",
            "procedures",
            "rules",
            "red_flags",
            "messages",
            "scheduling",
        ],
    )?;
    Ok(Catalog {
        version: field(&o, "version", uint)?,
        languages: field(&o, "languages", strings)?,
        concern_question: field(&o, "concern_question", string)?,
        age_question: field(&o, "age_question", string)?,
        concern_score: field(&o, "concern_score", int)?,
        questions: field(&o, "questions", |v, p| list(v, p, question))?,
        procedures: field(&o, "procedures", |v, p| list(v, p, procedure))?,
        rules: field(&o, "rules", |v, p| list(v, p, rule))?,
        red_flags: field(&o, "red_flags", |v, p| list(v, p, red_flag))?,
        messages: field(&o, "messages", messages)?,
        scheduling: field(&o, "scheduling", scheduling)?,
    })
}

fn question(v: &Value, path: Path) -> R<Question> {
    let o = Obj::new(
        v,
        path,
        &[
            "id", "kind", "prompt", "help", "options", "show_if", "required",
        ],
    )?;
    Ok(Question {
        id: field(&o, "id", string)?,
        kind: field(&o, "kind", question_kind)?,
        prompt: field(&o, "prompt", text)?,
        help: option(&o, "help", text)?,
        options: match o.default("options") {
            Some(v) => list(v, Path::Key(&path, "options"), choice_option)?,
            None => Vec::new(),
        },
        show_if: option(&o, "show_if", condition)?,
        required: match o.default("required") {
            Some(v) => boolean(v, Path::Key(&path, "required"))?,
            None => false,
        },
    })
}

fn question_kind(v: &Value, path: Path) -> R<QuestionKind> {
    let (name, payload) = variant(
        v,
        path,
        &["single_choice", "multi_choice", "yes_no", "number"],
    )?;
    let path = Path::Key(&path, name);
    match name {
        "single_choice" => unit(payload, path, QuestionKind::SingleChoice),
        "multi_choice" => unit(payload, path, QuestionKind::MultiChoice),
        "yes_no" => unit(payload, path, QuestionKind::YesNo),
        _ => {
            let o = Obj::new(data(payload, path, name)?, path, &["min", "max"])?;
            Ok(QuestionKind::Number {
                min: field(&o, "min", uint)?,
                max: field(&o, "max", uint)?,
            })
        }
    }
}

fn choice_option(v: &Value, path: Path) -> R<ChoiceOption> {
    let o = Obj::new(v, path, &["id", "label", "exclusive"])?;
    Ok(ChoiceOption {
        id: field(&o, "id", string)?,
        label: field(&o, "label", text)?,
        exclusive: match o.default("exclusive") {
            Some(v) => boolean(v, Path::Key(&path, "exclusive"))?,
            None => false,
        },
    })
}

fn procedure(v: &Value, path: Path) -> R<Procedure> {
    let o = Obj::new(
        v,
        path,
        &[
            "id",
            "name",
            "summary",
            "concerns",
            "steps",
            "session_length",
            "downtime",
            "pain",
            "aftercare",
            "min_age",
            "min_age_sources",
            "frequency",
            "note",
            "sources",
        ],
    )?;
    Ok(Procedure {
        id: field(&o, "id", string)?,
        name: field(&o, "name", text)?,
        summary: field(&o, "summary", text)?,
        concerns: field(&o, "concerns", strings)?,
        steps: field(&o, "steps", texts)?,
        session_length: field(&o, "session_length", text)?,
        downtime: field(&o, "downtime", text)?,
        pain: field(&o, "pain", text)?,
        aftercare: field(&o, "aftercare", texts)?,
        min_age: field(&o, "min_age", uint)?,
        min_age_sources: match o.default("min_age_sources") {
            Some(v) => strings(v, Path::Key(&path, "min_age_sources"))?,
            None => Vec::new(),
        },
        frequency: field(&o, "frequency", frequency)?,
        note: option(&o, "note", text)?,
        sources: field(&o, "sources", strings)?,
    })
}

fn frequency(v: &Value, path: Path) -> R<Frequency> {
    let o = Obj::new(v, path, &["bounds", "variants", "sources"])?;
    Ok(Frequency {
        bounds: field(&o, "bounds", day_range)?,
        variants: field(&o, "variants", |v, p| list(v, p, frequency_variant))?,
        sources: field(&o, "sources", strings)?,
    })
}

fn frequency_variant(v: &Value, path: Path) -> R<FrequencyVariant> {
    let o = Obj::new(v, path, &["when", "why", "plan"])?;
    Ok(FrequencyVariant {
        when: option(&o, "when", condition)?,
        why: option(&o, "why", text)?,
        plan: field(&o, "plan", plan)?,
    })
}

fn rule(v: &Value, path: Path) -> R<Rule> {
    let o = Obj::new(
        v,
        path,
        &[
            "id",
            "when",
            "procedures",
            "effect",
            "reason",
            "note",
            "sources",
        ],
    )?;
    Ok(Rule {
        id: field(&o, "id", string)?,
        when: field(&o, "when", condition)?,
        procedures: field(&o, "procedures", strings)?,
        effect: field(&o, "effect", effect)?,
        reason: field(&o, "reason", text)?,
        note: option(&o, "note", text)?,
        sources: field(&o, "sources", strings)?,
    })
}

fn effect(v: &Value, path: Path) -> R<Effect> {
    let (name, payload) = variant(v, path, &["exclude", "defer", "caution", "score"])?;
    let path = Path::Key(&path, name);
    match name {
        "exclude" => unit(payload, path, Effect::Exclude),
        "caution" => unit(payload, path, Effect::Caution),
        "defer" => {
            let o = Obj::new(data(payload, path, name)?, path, &["until"])?;
            Ok(Effect::Defer {
                until: field(&o, "until", text)?,
            })
        }
        _ => int(data(payload, path, name)?, path).map(Effect::Score),
    }
}

fn red_flag(v: &Value, path: Path) -> R<RedFlag> {
    let o = Obj::new(
        v,
        path,
        &["id", "when", "urgency", "title", "advice", "sources"],
    )?;
    Ok(RedFlag {
        id: field(&o, "id", string)?,
        when: field(&o, "when", condition)?,
        urgency: field(&o, "urgency", urgency)?,
        title: field(&o, "title", text)?,
        advice: field(&o, "advice", text)?,
        sources: field(&o, "sources", strings)?,
    })
}

fn urgency(v: &Value, path: Path) -> R<Urgency> {
    let (name, payload) = variant(v, path, &["emergency", "urgent", "soon"])?;
    let value = match name {
        "emergency" => Urgency::Emergency,
        "urgent" => Urgency::Urgent,
        _ => Urgency::Soon,
    };
    unit(payload, Path::Key(&path, name), value)
}

fn messages(v: &Value, path: Path) -> R<Messages> {
    let o = Obj::new(
        v,
        path,
        &[
            "concern_match",
            "no_concern_match",
            "below_min_age",
            "age_unknown",
            "low_score",
        ],
    )?;
    Ok(Messages {
        concern_match: field(&o, "concern_match", text)?,
        no_concern_match: field(&o, "no_concern_match", text)?,
        below_min_age: field(&o, "below_min_age", text)?,
        age_unknown: field(&o, "age_unknown", text)?,
        low_score: field(&o, "low_score", text)?,
    })
}

fn scheduling(v: &Value, path: Path) -> R<Scheduling> {
    let o = Obj::new(
        v,
        path,
        &["series_sessions", "series_note", "series_sources", "rules"],
    )?;
    Ok(Scheduling {
        series_sessions: field(&o, "series_sessions", uint)?,
        series_note: field(&o, "series_note", text)?,
        series_sources: field(&o, "series_sources", strings)?,
        rules: field(&o, "rules", |v, p| list(v, p, spacing_rule))?,
    })
}

fn spacing_rule(v: &Value, path: Path) -> R<SpacingRule> {
    let o = Obj::new(v, path, &["id", "rule", "reason", "note", "sources"])?;
    Ok(SpacingRule {
        id: field(&o, "id", string)?,
        rule: field(&o, "rule", spacing)?,
        reason: field(&o, "reason", text)?,
        note: option(&o, "note", text)?,
        sources: field(&o, "sources", strings)?,
    })
}

fn spacing(v: &Value, path: Path) -> R<Spacing> {
    let (name, payload) = variant(v, path, &["same_week", "recovery", "min_gap", "pause"])?;
    let path = Path::Key(&path, name);
    let v = data(payload, path, name)?;
    Ok(match name {
        "same_week" | "recovery" => {
            let o = Obj::new(v, path, &["procedures"])?;
            let procedures = field(&o, "procedures", strings)?;
            if name == "same_week" {
                Spacing::SameWeek { procedures }
            } else {
                Spacing::Recovery { procedures }
            }
        }
        "min_gap" => {
            let o = Obj::new(v, path, &["procedures", "days"])?;
            Spacing::MinGap {
                procedures: field(&o, "procedures", strings)?,
                days: field(&o, "days", uint)?,
            }
        }
        _ => {
            let o = Obj::new(
                v,
                path,
                &["procedure", "around", "days_before", "days_after"],
            )?;
            Spacing::Pause {
                procedure: field(&o, "procedure", string)?,
                around: field(&o, "around", strings)?,
                days_before: field(&o, "days_before", uint)?,
                days_after: field(&o, "days_after", uint)?,
            }
        }
    })
}

fn condition(v: &Value, path: Path) -> R<Condition> {
    let (name, payload) = variant(
        v,
        path,
        &[
            "is", "is_any", "yes", "no", "answered", "below", "at_least", "all", "any", "not",
            "always",
        ],
    )?;
    let path = Path::Key(&path, name);
    if name == "always" {
        return unit(payload, path, Condition::Always);
    }
    let v = data(payload, path, name)?;
    Ok(match name {
        "is" => {
            let o = Obj::new(v, path, &["question", "option"])?;
            Condition::Is {
                question: field(&o, "question", string)?,
                option: field(&o, "option", string)?,
            }
        }
        "is_any" => {
            let o = Obj::new(v, path, &["question", "options"])?;
            Condition::IsAny {
                question: field(&o, "question", string)?,
                options: field(&o, "options", strings)?,
            }
        }
        "yes" => Condition::Yes(string(v, path)?),
        "no" => Condition::No(string(v, path)?),
        "answered" => Condition::Answered(string(v, path)?),
        "below" | "at_least" => {
            let o = Obj::new(v, path, &["question", "value"])?;
            let question = field(&o, "question", string)?;
            let value = field(&o, "value", uint)?;
            if name == "below" {
                Condition::Below { question, value }
            } else {
                Condition::AtLeast { question, value }
            }
        }
        "all" => Condition::All(list(v, path, condition)?),
        "any" => Condition::Any(list(v, path, condition)?),
        _ => Condition::Not(Box::new(condition(v, path)?)),
    })
}

fn day_range(v: &Value, path: Path) -> R<DayRange> {
    let o = Obj::new(v, path, &["min_days", "max_days"])?;
    Ok(DayRange {
        min_days: field(&o, "min_days", uint)?,
        max_days: field(&o, "max_days", uint)?,
    })
}

fn count_range(v: &Value, path: Path) -> R<CountRange> {
    let o = Obj::new(v, path, &["min", "max"])?;
    Ok(CountRange {
        min: field(&o, "min", uint)?,
        max: field(&o, "max", uint)?,
    })
}

fn course(v: &Value, path: Path) -> R<Course> {
    let o = Obj::new(v, path, &["sessions", "interval"])?;
    Ok(Course {
        sessions: option(&o, "sessions", count_range)?,
        interval: field(&o, "interval", day_range)?,
    })
}

fn home_use(v: &Value, path: Path) -> R<HomeUse> {
    let o = Obj::new(v, path, &["nights_per_week", "increase_with_tolerance"])?;
    Ok(HomeUse {
        nights_per_week: field(&o, "nights_per_week", count_range)?,
        increase_with_tolerance: field(&o, "increase_with_tolerance", boolean)?,
    })
}

fn plan(v: &Value, path: Path) -> R<Plan> {
    let o = Obj::new(
        v,
        path,
        &[
            "initial",
            "maintenance",
            "min_gap_days",
            "home_use",
            "single_session",
            "recovery_days",
            "note",
        ],
    )?;
    Ok(Plan {
        initial: option(&o, "initial", course)?,
        maintenance: option(&o, "maintenance", day_range)?,
        min_gap_days: option(&o, "min_gap_days", uint)?,
        home_use: option(&o, "home_use", home_use)?,
        single_session: match o.default("single_session") {
            Some(v) => boolean(v, Path::Key(&path, "single_session"))?,
            None => false,
        },
        recovery_days: option(&o, "recovery_days", uint)?,
        note: option(&o, "note", text)?,
    })
}
