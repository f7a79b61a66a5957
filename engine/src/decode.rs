//! Hand-written decoding of a catalog from a [`json::Value`] tree: the same [`Catalog`] serde's
//! derives give, without linking serde's generic deserialisation into the browser bundle.
//!
//! It follows the JSON format of the serde derives (externally tagged enums, `snake_case`
//! variant names, optional fields that may be absent or `null`, `#[serde(default)]` fields that
//! may be absent), and is a little stricter in three ways: every object refuses unknown and
//! repeated keys (serde ignores unknown keys inside conditions, question kinds and effects, and
//! keeps the last of a repeated language in a text), and a struct written as an array is not
//! accepted. It reports every bad field in one pass, each by its path, e.g.
//! `procedures[3].frequency.bounds.min_days: expected a whole number from 0 to 4294967295, found -1`.

use crate::condition::Condition;
use crate::json::Value;
use crate::model::{
    Alternatives, Call, Catalog, ChoiceOption, ConcernFit, Effect, Frequency, FrequencyVariant,
    Grade, Messages, Procedure, Question, QuestionKind, RedFlag, Review, Rule, Scheduling,
    SideEffect, Spacing, SpacingRule, Strength, Urgency,
};
use crate::plan::{CountRange, Course, DayRange, HomeUse, Plan};
use crate::small_map::StrMap;
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

/// The problems found so far. Decoding never stops early: a bad or missing value is reported
/// and replaced by a placeholder, so one pass names every bad field (and the struct decoders
/// stay straight-line code, which keeps them small in the bundle).
#[derive(Default)]
pub(crate) struct Cx {
    pub(crate) errors: Vec<ValidationError>,
}

/// Stands for a missing field (already reported), so its decoder reports nothing more.
static MISSING: Value = Value::Null;

impl Cx {
    fn fail(&mut self, path: Path, message: String) {
        self.errors.push(ValidationError {
            path: path.to_string(),
            message,
        });
    }

    fn expected(&mut self, path: Path, what: &str, v: &Value) {
        if !std::ptr::eq(v, &MISSING) {
            self.fail(path, format!("expected {what}, found {}", v.kind()));
        }
    }
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
    /// Not an object (reported): every field is silently missing.
    broken: bool,
}

impl<'a> Obj<'a> {
    fn new(cx: &mut Cx, v: &'a Value, path: Path<'a>, known: &[&str]) -> Obj<'a> {
        let Some(map) = v.as_object() else {
            cx.expected(path, "an object", v);
            return Obj {
                members: &[],
                path,
                broken: true,
            };
        };
        let members = &map.0[..];
        for (i, (key, _)) in members.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                cx.fail(
                    path,
                    format!("unknown field `{key}`, expected one of {}", one_of(known)),
                );
            } else if members[..i].iter().any(|(k, _)| k == key) {
                cx.fail(path, format!("duplicate field `{key}`"));
            }
        }
        Obj {
            members,
            path,
            broken: false,
        }
    }

    /// The member `key` (the first, if repeated; a repeat is reported).
    fn find(&self, key: &str) -> Option<&'a Value> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The member `key` of an optional field: absent or `null` alike as `None`.
    fn opt(&self, key: &str) -> Option<&'a Value> {
        self.find(key).filter(|v| !v.is_null())
    }

    /// A required member; a missing one is reported and stands as [`MISSING`].
    fn req(&self, cx: &mut Cx, key: &str) -> &'a Value {
        match self.find(key) {
            Some(v) => v,
            None => {
                if !self.broken {
                    cx.fail(self.path, format!("missing field `{key}`"));
                }
                &MISSING
            }
        }
    }
}

type Decoder<'a, T> = fn(&mut Cx, &'a Value, Path) -> T;

/// Decodes a required field with `f`.
fn field<'a, T>(cx: &mut Cx, o: &Obj<'a>, key: &'a str, f: Decoder<'a, T>) -> T {
    let v = o.req(cx, key);
    f(cx, v, Path::Key(&o.path, key))
}

/// Decodes an optional field with `f` (absent or `null`: `None`).
fn option<'a, T>(cx: &mut Cx, o: &Obj<'a>, key: &'a str, f: Decoder<'a, T>) -> Option<T> {
    o.opt(key).map(|v| f(cx, v, Path::Key(&o.path, key)))
}

/// Decodes a `#[serde(default)]` field with `f` (absent: the default; `null` is an error).
fn or_default<'a, T: Default>(cx: &mut Cx, o: &Obj<'a>, key: &'a str, f: Decoder<'a, T>) -> T {
    match o.find(key) {
        Some(v) => f(cx, v, Path::Key(&o.path, key)),
        None => T::default(),
    }
}

fn list<'a, T>(cx: &mut Cx, v: &'a Value, path: Path, f: Decoder<'a, T>) -> Vec<T> {
    let Some(items) = v.as_array() else {
        cx.expected(path, "an array", v);
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, x)| f(cx, x, Path::Index(&path, i)))
        .collect()
}

fn string(cx: &mut Cx, v: &Value, path: Path) -> String {
    match v.as_str() {
        Some(s) => s.to_string(),
        None => {
            cx.expected(path, "a string", v);
            String::new()
        }
    }
}

fn strings(cx: &mut Cx, v: &Value, path: Path) -> Vec<String> {
    list(cx, v, path, string)
}

fn boolean(cx: &mut Cx, v: &Value, path: Path) -> bool {
    v.as_bool().unwrap_or_else(|| {
        cx.expected(path, "true or false", v);
        false
    })
}

/// A whole number within `min..=max` (0 when it is not).
fn whole(cx: &mut Cx, v: &Value, path: Path, min: i64, max: i64) -> i64 {
    let found = match *v {
        Value::UInt(n) => match i64::try_from(n) {
            Ok(n) if (min..=max).contains(&n) => return n,
            _ => n.to_string(),
        },
        Value::NegInt(n) if (min..=max).contains(&n) => return n,
        Value::NegInt(n) => n.to_string(),
        _ => {
            cx.expected(path, "a whole number", v);
            return 0;
        }
    };
    cx.fail(
        path,
        format!("expected a whole number from {min} to {max}, found {found}"),
    );
    0
}

fn uint(cx: &mut Cx, v: &Value, path: Path) -> u32 {
    whole(cx, v, path, 0, u32::MAX.into()) as u32
}

fn int(cx: &mut Cx, v: &Value, path: Path) -> i32 {
    whole(cx, v, path, i32::MIN.into(), i32::MAX.into()) as i32
}

/// An object of strings (`what` it is, and what its keys are, for messages).
fn string_map(cx: &mut Cx, v: &Value, path: Path, what: &str, key: &str) -> StrMap<String> {
    let mut out = StrMap::new();
    let Some(map) = v.as_object() else {
        cx.expected(path, what, v);
        return out;
    };
    for (k, s) in map {
        let s = string(cx, s, Path::Key(&path, k));
        if out.insert(k.clone(), s).is_some() {
            cx.fail(path, format!("duplicate {key} `{k}`"));
        }
    }
    out
}

fn text(cx: &mut Cx, v: &Value, path: Path) -> Text {
    Text(string_map(
        cx,
        v,
        path,
        "an object of texts by language",
        "language",
    ))
}

fn texts(cx: &mut Cx, v: &Value, path: Path) -> Vec<Text> {
    list(cx, v, path, text)
}

/// An externally tagged enum value: `"name"` (payload `None`) or `{"name": payload}`, with the
/// name checked against `names`. `None` when it is neither (reported).
fn variant<'a>(
    cx: &mut Cx,
    v: &'a Value,
    path: Path,
    names: &[&str],
) -> Option<(&'a str, Option<&'a Value>)> {
    let (name, payload) = match v {
        Value::String(s) => (s.as_str(), None),
        Value::Object(m) if m.len() == 1 => (m.0[0].0.as_str(), Some(&m.0[0].1)),
        _ => {
            cx.expected(path, "a string or an object with one key", v);
            return None;
        }
    };
    if !names.contains(&name) {
        cx.fail(
            path,
            format!(
                "unknown variant `{name}`, expected one of {}",
                one_of(names)
            ),
        );
        return None;
    }
    Some((name, payload))
}

/// A unit variant's payload: none, or `null` (as serde accepts).
fn unit(cx: &mut Cx, payload: Option<&Value>, path: Path) {
    if let Some(v) = payload.filter(|v| !v.is_null()) {
        cx.expected(path, "no value", v);
    }
}

/// A data variant's payload (reported, and standing as [`MISSING`], when the enum was written
/// as a bare string).
fn data<'a>(cx: &mut Cx, payload: Option<&'a Value>, path: Path, name: &str) -> &'a Value {
    payload.unwrap_or_else(|| {
        cx.fail(path, format!("`{name}` needs a value: {{\"{name}\": ..}}"));
        &MISSING
    })
}

/// Decodes a whole catalog: the catalog, or every shape problem found.
pub(crate) fn catalog(v: &Value) -> Result<Catalog, Vec<ValidationError>> {
    let mut cx = Cx::default();
    let catalog = catalog_in(&mut cx, v);
    if cx.errors.is_empty() {
        Ok(catalog)
    } else {
        Err(cx.errors)
    }
}

fn catalog_in(cx: &mut Cx, v: &Value) -> Catalog {
    let o = Obj::new(
        cx,
        v,
        Path::Root,
        &[
            "version",
            "languages",
            "concern_question",
            "age_question",
            "concern_score",
            "main_concern_question",
            "questions",
            "procedures",
            "rules",
            "red_flags",
            "messages",
            "scheduling",
            "locales",
        ],
    );
    Catalog {
        version: field(cx, &o, "version", uint),
        languages: field(cx, &o, "languages", strings),
        concern_question: field(cx, &o, "concern_question", string),
        age_question: field(cx, &o, "age_question", string),
        concern_score: field(cx, &o, "concern_score", int),
        main_concern_question: option(cx, &o, "main_concern_question", string),
        questions: field(cx, &o, "questions", |cx, v, p| list(cx, v, p, question)),
        procedures: field(cx, &o, "procedures", |cx, v, p| list(cx, v, p, procedure)),
        rules: field(cx, &o, "rules", |cx, v, p| list(cx, v, p, rule)),
        red_flags: field(cx, &o, "red_flags", |cx, v, p| list(cx, v, p, red_flag)),
        messages: field(cx, &o, "messages", messages),
        scheduling: field(cx, &o, "scheduling", scheduling),
        locales: or_default(cx, &o, "locales", locales),
    }
}

fn locales(cx: &mut Cx, v: &Value, path: Path) -> StrMap<StrMap<String>> {
    let mut out = StrMap::new();
    let Some(map) = v.as_object() else {
        cx.expected(path, "an object of locales by language", v);
        return out;
    };
    for (lang, l) in map {
        let l = locale(cx, l, Path::Key(&path, lang));
        if out.insert(lang.clone(), l).is_some() {
            cx.fail(path, format!("duplicate language `{lang}`"));
        }
    }
    out
}

fn locale(cx: &mut Cx, v: &Value, path: Path) -> StrMap<String> {
    string_map(cx, v, path, "an object of phrases by key", "key")
}

fn question(cx: &mut Cx, v: &Value, path: Path) -> Question {
    let o = Obj::new(
        cx,
        v,
        path,
        &[
            "id", "kind", "prompt", "help", "options", "show_if", "required",
        ],
    );
    Question {
        id: field(cx, &o, "id", string),
        kind: field(cx, &o, "kind", question_kind),
        prompt: field(cx, &o, "prompt", text),
        help: option(cx, &o, "help", text),
        options: or_default(cx, &o, "options", |cx, v, p| list(cx, v, p, choice_option)),
        show_if: option(cx, &o, "show_if", condition),
        required: or_default(cx, &o, "required", boolean),
    }
}

fn question_kind(cx: &mut Cx, v: &Value, path: Path) -> QuestionKind {
    let names = ["single_choice", "multi_choice", "yes_no", "number"];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return QuestionKind::YesNo;
    };
    let path = Path::Key(&path, name);
    let kind = match name {
        "single_choice" => QuestionKind::SingleChoice,
        "multi_choice" => QuestionKind::MultiChoice,
        "yes_no" => QuestionKind::YesNo,
        _ => {
            let v = data(cx, payload, path, name);
            let o = Obj::new(cx, v, path, &["min", "max"]);
            return QuestionKind::Number {
                min: field(cx, &o, "min", uint),
                max: field(cx, &o, "max", uint),
            };
        }
    };
    unit(cx, payload, path);
    kind
}

fn choice_option(cx: &mut Cx, v: &Value, path: Path) -> ChoiceOption {
    let o = Obj::new(cx, v, path, &["id", "label", "exclusive"]);
    ChoiceOption {
        id: field(cx, &o, "id", string),
        label: field(cx, &o, "label", text),
        exclusive: or_default(cx, &o, "exclusive", boolean),
    }
}

fn procedure(cx: &mut Cx, v: &Value, path: Path) -> Procedure {
    let o = Obj::new(
        cx,
        v,
        path,
        &[
            "id",
            "name",
            "summary",
            "concerns",
            "concern_fit",
            "steps",
            "session_length",
            "downtime",
            "pain",
            "aftercare",
            "side_effects",
            "min_age",
            "min_age_sources",
            "frequency",
            "note",
            "prescription_medicine",
            "sources",
        ],
    );
    Procedure {
        id: field(cx, &o, "id", string),
        name: field(cx, &o, "name", text),
        summary: field(cx, &o, "summary", text),
        concerns: field(cx, &o, "concerns", strings),
        concern_fit: or_default(cx, &o, "concern_fit", |cx, v, p| {
            list(cx, v, p, concern_fit)
        }),
        steps: field(cx, &o, "steps", texts),
        session_length: field(cx, &o, "session_length", text),
        downtime: field(cx, &o, "downtime", text),
        pain: field(cx, &o, "pain", text),
        aftercare: field(cx, &o, "aftercare", texts),
        side_effects: or_default(cx, &o, "side_effects", |cx, v, p| {
            list(cx, v, p, side_effect)
        }),
        min_age: field(cx, &o, "min_age", uint),
        min_age_sources: or_default(cx, &o, "min_age_sources", strings),
        frequency: field(cx, &o, "frequency", frequency),
        note: option(cx, &o, "note", text),
        prescription_medicine: option(cx, &o, "prescription_medicine", text),
        sources: field(cx, &o, "sources", strings),
    }
}

fn concern_fit(cx: &mut Cx, v: &Value, path: Path) -> ConcernFit {
    let o = Obj::new(cx, v, path, &["concern", "strength", "source"]);
    ConcernFit {
        concern: field(cx, &o, "concern", string),
        strength: field(cx, &o, "strength", strength),
        source: field(cx, &o, "source", string),
    }
}

fn strength(cx: &mut Cx, v: &Value, path: Path) -> Strength {
    let names = ["primary", "helps", "minor"];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Strength::Minor;
    };
    unit(cx, payload, path);
    match name {
        "primary" => Strength::Primary,
        "helps" => Strength::Helps,
        _ => Strength::Minor,
    }
}

fn side_effect(cx: &mut Cx, v: &Value, path: Path) -> SideEffect {
    let o = Obj::new(cx, v, path, &["text", "source"]);
    SideEffect {
        text: field(cx, &o, "text", text),
        source: field(cx, &o, "source", string),
    }
}

fn frequency(cx: &mut Cx, v: &Value, path: Path) -> Frequency {
    let o = Obj::new(cx, v, path, &["bounds", "variants", "sources"]);
    Frequency {
        bounds: field(cx, &o, "bounds", day_range),
        variants: field(cx, &o, "variants", |cx, v, p| {
            list(cx, v, p, frequency_variant)
        }),
        sources: field(cx, &o, "sources", strings),
    }
}

fn frequency_variant(cx: &mut Cx, v: &Value, path: Path) -> FrequencyVariant {
    let o = Obj::new(cx, v, path, &["when", "why", "plan"]);
    FrequencyVariant {
        when: option(cx, &o, "when", condition),
        why: option(cx, &o, "why", text),
        plan: field(cx, &o, "plan", plan),
    }
}

fn rule(cx: &mut Cx, v: &Value, path: Path) -> Rule {
    let o = Obj::new(
        cx,
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
            "grade",
        ],
    );
    Rule {
        id: field(cx, &o, "id", string),
        when: field(cx, &o, "when", condition),
        procedures: field(cx, &o, "procedures", strings),
        effect: field(cx, &o, "effect", effect),
        reason: field(cx, &o, "reason", text),
        note: option(cx, &o, "note", text),
        sources: field(cx, &o, "sources", strings),
        grade: field(cx, &o, "grade", grade),
    }
}

fn grade(cx: &mut Cx, v: &Value, path: Path) -> Grade {
    let names = ["A", "B", "C", "inference", "clinic_default"];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Grade::ClinicDefault;
    };
    unit(cx, payload, Path::Key(&path, name));
    match name {
        "A" => Grade::A,
        "B" => Grade::B,
        "C" => Grade::C,
        "inference" => Grade::Inference,
        _ => Grade::ClinicDefault,
    }
}

fn call(cx: &mut Cx, v: &Value, path: Path) -> Call {
    let names = ["emergency", "crisis", "urgent", "gp"];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Call::Gp;
    };
    unit(cx, payload, Path::Key(&path, name));
    match name {
        "emergency" => Call::Emergency,
        "crisis" => Call::Crisis,
        "urgent" => Call::Urgent,
        _ => Call::Gp,
    }
}

fn effect(cx: &mut Cx, v: &Value, path: Path) -> Effect {
    let names = ["exclude", "defer", "caution", "note", "score"];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Effect::Caution;
    };
    let path = Path::Key(&path, name);
    match name {
        "exclude" | "caution" | "note" => {
            unit(cx, payload, path);
            match name {
                "exclude" => Effect::Exclude,
                "note" => Effect::Note,
                _ => Effect::Caution,
            }
        }
        "defer" => {
            let v = data(cx, payload, path, name);
            let o = Obj::new(cx, v, path, &["until"]);
            Effect::Defer {
                until: field(cx, &o, "until", text),
            }
        }
        _ => {
            let v = data(cx, payload, path, name);
            Effect::Score(int(cx, v, path))
        }
    }
}

fn red_flag(cx: &mut Cx, v: &Value, path: Path) -> RedFlag {
    let o = Obj::new(
        cx,
        v,
        path,
        &[
            "id", "when", "urgency", "call", "title", "advice", "sources", "grade",
        ],
    );
    RedFlag {
        id: field(cx, &o, "id", string),
        when: field(cx, &o, "when", condition),
        urgency: field(cx, &o, "urgency", urgency),
        call: field(cx, &o, "call", call),
        title: field(cx, &o, "title", text),
        advice: field(cx, &o, "advice", text),
        sources: field(cx, &o, "sources", strings),
        grade: field(cx, &o, "grade", grade),
    }
}

fn urgency(cx: &mut Cx, v: &Value, path: Path) -> Urgency {
    let names = ["emergency", "urgent", "soon"];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Urgency::Soon;
    };
    unit(cx, payload, Path::Key(&path, name));
    match name {
        "emergency" => Urgency::Emergency,
        "urgent" => Urgency::Urgent,
        _ => Urgency::Soon,
    }
}

fn messages(cx: &mut Cx, v: &Value, path: Path) -> Messages {
    let o = Obj::new(
        cx,
        v,
        path,
        &[
            "concern_match",
            "no_concern_match",
            "below_min_age",
            "age_unknown",
            "low_score",
        ],
    );
    Messages {
        concern_match: field(cx, &o, "concern_match", text),
        no_concern_match: field(cx, &o, "no_concern_match", text),
        below_min_age: field(cx, &o, "below_min_age", text),
        age_unknown: field(cx, &o, "age_unknown", text),
        low_score: field(cx, &o, "low_score", text),
    }
}

fn scheduling(cx: &mut Cx, v: &Value, path: Path) -> Scheduling {
    let o = Obj::new(
        cx,
        v,
        path,
        &[
            "series_sessions",
            "series_note",
            "series_sources",
            "rules",
            "alternatives",
            "default_plan_size",
            "review",
        ],
    );
    Scheduling {
        series_sessions: field(cx, &o, "series_sessions", uint),
        series_note: field(cx, &o, "series_note", text),
        series_sources: field(cx, &o, "series_sources", strings),
        rules: field(cx, &o, "rules", |cx, v, p| list(cx, v, p, spacing_rule)),
        alternatives: option(cx, &o, "alternatives", |cx, v, p| {
            list(cx, v, p, alternatives)
        })
        .unwrap_or_default(),
        default_plan_size: option(cx, &o, "default_plan_size", uint)
            .unwrap_or_else(crate::model::default_plan_size),
        review: option(cx, &o, "review", review),
    }
}

fn alternatives(cx: &mut Cx, v: &Value, path: Path) -> Alternatives {
    let o = Obj::new(cx, v, path, &["id", "procedures", "reason", "sources"]);
    Alternatives {
        id: field(cx, &o, "id", string),
        procedures: field(cx, &o, "procedures", strings),
        reason: field(cx, &o, "reason", text),
        sources: field(cx, &o, "sources", strings),
    }
}

fn review(cx: &mut Cx, v: &Value, path: Path) -> Review {
    let o = Obj::new(cx, v, path, &["procedures", "note", "sources"]);
    Review {
        procedures: field(cx, &o, "procedures", strings),
        note: field(cx, &o, "note", text),
        sources: field(cx, &o, "sources", strings),
    }
}

fn spacing_rule(cx: &mut Cx, v: &Value, path: Path) -> SpacingRule {
    let o = Obj::new(
        cx,
        v,
        path,
        &["id", "rule", "reason", "note", "sources", "grade"],
    );
    SpacingRule {
        id: field(cx, &o, "id", string),
        rule: field(cx, &o, "rule", spacing),
        reason: field(cx, &o, "reason", text),
        note: option(cx, &o, "note", text),
        sources: field(cx, &o, "sources", strings),
        grade: field(cx, &o, "grade", grade),
    }
}

fn spacing(cx: &mut Cx, v: &Value, path: Path) -> Spacing {
    let names = [
        "same_week",
        "recovery",
        "min_gap",
        "pause",
        "separate_days",
        "apart",
    ];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Spacing::SameWeek {
            procedures: Vec::new(),
        };
    };
    let path = Path::Key(&path, name);
    let v = data(cx, payload, path, name);
    match name {
        "same_week" | "recovery" => {
            let o = Obj::new(cx, v, path, &["procedures"]);
            let procedures = field(cx, &o, "procedures", strings);
            if name == "same_week" {
                Spacing::SameWeek { procedures }
            } else {
                Spacing::Recovery { procedures }
            }
        }
        "separate_days" => {
            let o = Obj::new(cx, v, path, &["together"]);
            Spacing::SeparateDays {
                together: field(cx, &o, "together", strings),
            }
        }
        "apart" => {
            let o = Obj::new(cx, v, path, &["first", "second", "days"]);
            Spacing::Apart {
                first: field(cx, &o, "first", strings),
                second: field(cx, &o, "second", strings),
                days: field(cx, &o, "days", uint),
            }
        }
        "min_gap" => {
            let o = Obj::new(cx, v, path, &["procedures", "days"]);
            Spacing::MinGap {
                procedures: field(cx, &o, "procedures", strings),
                days: field(cx, &o, "days", uint),
            }
        }
        _ => {
            let o = Obj::new(
                cx,
                v,
                path,
                &["procedure", "around", "days_before", "days_after"],
            );
            Spacing::Pause {
                procedure: field(cx, &o, "procedure", string),
                around: field(cx, &o, "around", strings),
                days_before: field(cx, &o, "days_before", uint),
                days_after: field(cx, &o, "days_after", uint),
            }
        }
    }
}

fn condition(cx: &mut Cx, v: &Value, path: Path) -> Condition {
    let names = [
        "is", "is_any", "yes", "no", "answered", "below", "at_least", "all", "any", "not", "always",
    ];
    let Some((name, payload)) = variant(cx, v, path, &names) else {
        return Condition::Always;
    };
    let path = Path::Key(&path, name);
    if name == "always" {
        unit(cx, payload, path);
        return Condition::Always;
    }
    let v = data(cx, payload, path, name);
    match name {
        "is" => {
            let o = Obj::new(cx, v, path, &["question", "option"]);
            Condition::Is {
                question: field(cx, &o, "question", string),
                option: field(cx, &o, "option", string),
            }
        }
        "is_any" => {
            let o = Obj::new(cx, v, path, &["question", "options"]);
            Condition::IsAny {
                question: field(cx, &o, "question", string),
                options: field(cx, &o, "options", strings),
            }
        }
        "yes" => Condition::Yes(string(cx, v, path)),
        "no" => Condition::No(string(cx, v, path)),
        "answered" => Condition::Answered(string(cx, v, path)),
        "below" | "at_least" => {
            let o = Obj::new(cx, v, path, &["question", "value"]);
            let question = field(cx, &o, "question", string);
            let value = field(cx, &o, "value", uint);
            if name == "below" {
                Condition::Below { question, value }
            } else {
                Condition::AtLeast { question, value }
            }
        }
        "all" => Condition::All(list(cx, v, path, condition)),
        "any" => Condition::Any(list(cx, v, path, condition)),
        _ => Condition::Not(Box::new(condition(cx, v, path))),
    }
}

fn day_range(cx: &mut Cx, v: &Value, path: Path) -> DayRange {
    let o = Obj::new(cx, v, path, &["min_days", "max_days"]);
    DayRange {
        min_days: field(cx, &o, "min_days", uint),
        max_days: field(cx, &o, "max_days", uint),
    }
}

fn count_range(cx: &mut Cx, v: &Value, path: Path) -> CountRange {
    let o = Obj::new(cx, v, path, &["min", "max"]);
    CountRange {
        min: field(cx, &o, "min", uint),
        max: field(cx, &o, "max", uint),
    }
}

fn course(cx: &mut Cx, v: &Value, path: Path) -> Course {
    let o = Obj::new(cx, v, path, &["sessions", "interval"]);
    Course {
        sessions: option(cx, &o, "sessions", count_range),
        interval: field(cx, &o, "interval", day_range),
    }
}

fn home_use(cx: &mut Cx, v: &Value, path: Path) -> HomeUse {
    let o = Obj::new(cx, v, path, &["nights_per_week", "increase_with_tolerance"]);
    HomeUse {
        nights_per_week: field(cx, &o, "nights_per_week", count_range),
        increase_with_tolerance: field(cx, &o, "increase_with_tolerance", boolean),
    }
}

fn plan(cx: &mut Cx, v: &Value, path: Path) -> Plan {
    let o = Obj::new(
        cx,
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
    );
    Plan {
        initial: option(cx, &o, "initial", course),
        maintenance: option(cx, &o, "maintenance", day_range),
        min_gap_days: option(cx, &o, "min_gap_days", uint),
        home_use: option(cx, &o, "home_use", home_use),
        single_session: or_default(cx, &o, "single_session", boolean),
        recovery_days: option(cx, &o, "recovery_days", uint),
        note: option(cx, &o, "note", text),
    }
}
