//! Catalog overrides: a clinic's reviewed changes to a procedure's interval, course, session
//! length and downtime (`catalog.procedures.<id>` in the configuration).
//!
//! Safety first:
//! * an override must name the clinician who reviewed it (`reviewed_by`), or it is refused;
//! * it may change only `frequency` (`initial.sessions`, `initial.interval`, `maintenance`,
//!   and the `why` and `note` shown with them), `session_length` and `downtime`. Questions,
//!   rules, red flags, contraindications (`min_age`, `concerns`) and safety limits (`bounds`,
//!   `min_gap_days`, `recovery_days`) are refused by path: they change only in the reviewed
//!   catalog;
//! * the overrides are written into a copy of the decoded catalog, which then goes through
//!   every validation rule of the engine for procedures ([`validate_procedures`]; nothing
//!   else can change), so an interval
//!   outside the catalog's bounds or sooner than its minimum gap, a count of zero or a missing
//!   translation is refused exactly as in the catalog itself. Each problem is reported under
//!   the configuration's path, and that procedure keeps its built-in values.

use std::rc::Rc;

use skin_consult_engine::json::{Map, Value};
use skin_consult_engine::{validate_procedures, Catalog, CountRange, DayRange, Plan, StrSet, Text};

use super::checks::check_name;
use super::reader::Reader;
use super::{Config, ConfigError};
use crate::app::state::SharedCatalog;

/// The known-settings pattern of one procedure's override.
pub(super) const OVERRIDE_PATTERN: &str = "catalog.procedures.*";

/// What a clinic changed in one procedure, and who reviewed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    /// The clinician who reviewed the change, as the clinic wrote the name.
    pub reviewed_by: String,
    /// Whether the interval or the course changed.
    pub frequency: bool,
    /// Whether the session length changed.
    pub session_length: bool,
    /// Whether the downtime changed.
    pub downtime: bool,
}

/// One procedure's override as read (shapes checked; the engine checks the values).
struct Override {
    id: String,
    reviewed_by: String,
    sessions: Option<(u32, u32)>,
    interval: Option<(u32, u32)>,
    maintenance: Option<(u32, u32)>,
    why: Option<Text>,
    /// `Some(None)`: the catalog's note is removed.
    note: Option<Option<Text>>,
    session_length: Option<Text>,
    downtime: Option<Text>,
}

impl Override {
    fn changes_frequency(&self) -> bool {
        self.sessions.is_some() || self.interval.is_some() || self.maintenance.is_some()
    }
}

/// Why `key` under the known `pattern` is refused, for keys an override must never change.
pub(super) fn refusal(pattern: &str, key: &str) -> Option<&'static str> {
    let message = match pattern {
        "catalog" => "cannot be changed by the configuration: questions, rules, red flags and contraindications change only in the reviewed catalog; ignored",
        OVERRIDE_PATTERN => match key {
            "min_age" | "min_age_sources" | "concerns" => {
                "is a contraindication of the catalog and cannot be changed by the configuration; ignored"
            }
            "name" => "display names are set in procedures.names; ignored",
            _ => "cannot be changed by the configuration (an override changes frequency, session_length and downtime); ignored",
        },
        "catalog.procedures.*.frequency" => match key {
            "bounds" | "min_gap_days" | "recovery_days" => {
                "is a safety limit of the catalog and cannot be changed by the configuration; ignored"
            }
            _ => "cannot be changed by the configuration (a frequency override changes initial, maintenance, why and note); ignored",
        },
        _ => return None,
    };
    Some(message)
}

/// Reads `catalog` and applies the overrides that pass, recording them in `config`.
pub(super) fn read(reader: &mut Reader, settings: &Map, config: &mut Config) {
    let Some(procedures) = reader.object(settings.get("procedures"), "catalog.procedures") else {
        return;
    };
    let mut wanted: Vec<Override> = Vec::new();
    let mut seen = StrSet::new();
    for (id, value) in procedures.iter() {
        let path = format!("catalog.procedures.{id}");
        if reader.catalog.procedure(id).is_none() {
            reader.error(&path, "is not a procedure of the catalog; ignored");
        } else if !seen.insert(id.as_str()) {
            reader.error(&path, "is given twice; the second is ignored");
        } else if let Some(o) = read_one(reader, id, value, &path) {
            wanted.push(o);
        }
    }
    if !wanted.is_empty() {
        apply(reader, wanted, config);
    }
}

fn kept(id: &str) -> String {
    format!("the built-in values are kept for {id}")
}

/// `(min, max)` of an object such as `{"min_days": 21, "max_days": 28}`, both whole numbers up
/// to `max`; `None` (with errors) otherwise.
fn pair(
    reader: &mut Reader,
    value: Option<&Value>,
    path: &str,
    (low, high): (&str, &str),
    max: u32,
) -> Option<(u32, u32)> {
    let map = reader.object(value, path)?;
    let mut number = |key: &str| match map.get(key).map(Value::as_u64) {
        Some(Some(n)) if n <= u64::from(max) => u32::try_from(n).ok(),
        Some(_) => {
            reader.error(
                &format!("{path}.{key}"),
                format!("must be a whole number from 0 to {max}"),
            );
            None
        }
        None => {
            reader.error(&format!("{path}.{key}"), "is missing");
            None
        }
    };
    let (low, high) = (number(low), number(high));
    low.zip(high)
}

/// Reads one override; `None` (every problem reported) when it cannot be applied.
fn read_one(reader: &mut Reader, id: &str, value: &Value, path: &str) -> Option<Override> {
    let map = reader.object(Some(value), path)?;
    let before = reader.errors.len();
    let reviewer_path = format!("{path}.reviewed_by");
    let reviewed_by = match map.get("reviewed_by") {
        None | Some(Value::Null) => {
            reader.error(
                &reviewer_path,
                "is missing: an override must name the clinician who reviewed it",
            );
            None
        }
        reviewer => reader.string(reviewer, &reviewer_path, check_name),
    };
    let mut o = Override {
        id: id.to_string(),
        reviewed_by: reviewed_by.unwrap_or_default(),
        sessions: None,
        interval: None,
        maintenance: None,
        why: None,
        note: None,
        session_length: reader.text(map.get("session_length"), &format!("{path}.session_length")),
        downtime: reader.text(map.get("downtime"), &format!("{path}.downtime")),
    };
    let frequency_path = format!("{path}.frequency");
    if let Some(frequency) = reader.object(map.get("frequency"), &frequency_path) {
        let initial_path = format!("{frequency_path}.initial");
        if let Some(initial) = reader.object(frequency.get("initial"), &initial_path) {
            o.sessions = initial.get("sessions").and_then(|v| {
                let path = format!("{initial_path}.sessions");
                pair(reader, Some(v), &path, ("min", "max"), 20)
            });
            o.interval = initial.get("interval").and_then(|v| {
                let path = format!("{initial_path}.interval");
                pair(reader, Some(v), &path, ("min_days", "max_days"), 3650)
            });
        }
        o.maintenance = frequency.get("maintenance").and_then(|v| {
            let path = format!("{frequency_path}.maintenance");
            pair(reader, Some(v), &path, ("min_days", "max_days"), 3650)
        });
        o.why = reader.text(frequency.get("why"), &format!("{frequency_path}.why"));
        o.note = match frequency.get("note") {
            Some(Value::Null) => Some(None),
            note => reader
                .text(note, &format!("{frequency_path}.note"))
                .map(Some),
        };
        if !o.changes_frequency() && reader.errors.len() == before {
            reader.error(
                &frequency_path,
                "changes no interval or course: give initial or maintenance",
            );
        }
    }
    if reader.errors.len() == before
        && !o.changes_frequency()
        && o.session_length.is_none()
        && o.downtime.is_none()
    {
        reader.error(
            path,
            "changes nothing: give frequency, session_length or downtime",
        );
    }
    if reader.errors.len() == before {
        return Some(o);
    }
    // Whatever was wrong, the whole override is left out: say so on each problem.
    for error in &mut reader.errors[before..] {
        let reason = match error.message.rsplit_once("; ") {
            Some((reason, _))
                if error.message.ends_with("ignored") || error.message.ends_with("used") =>
            {
                reason
            }
            _ => error.message.as_str(),
        };
        error.message = format!("{reason}; {}", kept(id));
    }
    None
}

/// Writes `o` into `catalog`; refuses (leaving the catalog as it was) an override of a part
/// the procedure does not have.
fn patch(catalog: &mut Catalog, o: &Override) -> Result<(), ConfigError> {
    let path = format!("catalog.procedures.{}", o.id);
    let refuse = |at: &str, why: &str| ConfigError {
        path: format!("{path}{at}"),
        message: format!("{why}; {}", kept(&o.id)),
    };
    let procedure = catalog
        .procedures
        .iter_mut()
        .find(|p| p.id == o.id)
        .ok_or_else(|| refuse("", "is not in the catalog"))?;
    let source = format!(
        "clinic:reviewed by {} (clinic configuration)",
        o.reviewed_by
    );
    if o.changes_frequency() {
        let frequency = &mut procedure.frequency;
        let plans = |part: fn(&Plan) -> bool| frequency.variants.iter().any(|v| part(&v.plan));
        if (o.sessions.is_some() || o.interval.is_some()) && !plans(|p| p.initial.is_some()) {
            return Err(refuse(
                ".frequency.initial",
                &format!(
                    "{} has no course of sessions in the catalog to change",
                    o.id
                ),
            ));
        }
        if o.maintenance.is_some() && !plans(|p| p.maintenance.is_some()) {
            return Err(refuse(
                ".frequency.maintenance",
                &format!(
                    "{} has no maintenance interval in the catalog to change",
                    o.id
                ),
            ));
        }
        for variant in &mut frequency.variants {
            let plan = &mut variant.plan;
            let mut changed = false;
            if let Some(initial) = &mut plan.initial {
                if let Some((min, max)) = o.sessions {
                    initial.sessions = Some(CountRange { min, max });
                    changed = true;
                }
                if let Some((min_days, max_days)) = o.interval {
                    initial.interval = DayRange { min_days, max_days };
                    changed = true;
                }
            }
            if let (Some((min_days, max_days)), Some(maintenance)) =
                (o.maintenance, &mut plan.maintenance)
            {
                *maintenance = DayRange { min_days, max_days };
                changed = true;
            }
            if !changed {
                continue;
            }
            if let Some(note) = &o.note {
                plan.note = note.clone();
            }
            // The catalog's `why` explains the catalog's interval: the clinic's replaces it.
            variant.why = o.why.clone();
        }
        frequency.sources.push(source.clone());
    }
    if let Some(text) = &o.session_length {
        procedure.session_length = text.clone();
    }
    if let Some(text) = &o.downtime {
        procedure.downtime = text.clone();
    }
    if o.session_length.is_some() || o.downtime.is_some() {
        procedure.sources.push(source);
    }
    Ok(())
}

/// `procedures[3].frequency.variants[0].plan.initial.interval` of the patched catalog as the
/// configuration's `catalog.procedures.<id>.frequency.initial.interval`, with the index.
fn config_path(engine_path: &str, ids: &[String]) -> Option<(usize, String)> {
    let (index, rest) = engine_path.strip_prefix("procedures[")?.split_once(']')?;
    let index: usize = index.parse().ok()?;
    let id = ids.get(index)?;
    let rest = match rest.strip_prefix(".frequency.variants[") {
        Some(variant) => {
            let (_, inner) = variant.split_once(']')?;
            format!(".frequency{}", inner.strip_prefix(".plan").unwrap_or(inner))
        }
        None => rest.to_string(),
    };
    Some((index, format!("catalog.procedures.{id}{rest}")))
}

/// Builds the catalog with every override the engine accepts; an override with any problem
/// is reported and left out, so its procedure keeps the built-in values.
fn apply(reader: &mut Reader, wanted: Vec<Override>, config: &mut Config) {
    let base = reader.catalog;
    let ids: Vec<String> = base.procedures.iter().map(|p| p.id.clone()).collect();
    let mut catalog = base.clone();
    let mut pending: Vec<Override> = Vec::new();
    for o in wanted {
        match patch(&mut catalog, &o) {
            Ok(()) => pending.push(o),
            Err(error) => reader.errors.push(error),
        }
    }
    // Twice at most: once with every override, once more without the refused ones.
    for _ in 0..2 {
        if pending.is_empty() {
            return;
        }
        let errors = validate_procedures(&catalog);
        if errors.is_empty() {
            config.catalog = Some(SharedCatalog(Rc::new(catalog)));
            config.reviewed = pending
                .iter()
                .map(|o| {
                    let reviewed = Reviewed {
                        reviewed_by: o.reviewed_by.clone(),
                        frequency: o.changes_frequency(),
                        session_length: o.session_length.is_some(),
                        downtime: o.downtime.is_some(),
                    };
                    (o.id.clone(), reviewed)
                })
                .collect();
            return;
        }
        let mut refused = StrSet::new();
        for error in errors {
            let found = config_path(&error.path, &ids)
                .filter(|(index, _)| pending.iter().any(|o| o.id == ids[*index]));
            let (path, message) = match found {
                Some((index, path)) => {
                    refused.insert(ids[index].clone());
                    (path, format!("{}; {}", error.message, kept(&ids[index])))
                }
                // Not one procedure's fault: no override is applied.
                None => {
                    pending.clear();
                    (
                        "catalog".to_string(),
                        format!("{error}; the built-in catalog is used"),
                    )
                }
            };
            if !reader
                .errors
                .iter()
                .any(|e| e.path == path && e.message == message)
            {
                reader.error(&path, message);
            }
        }
        pending.retain(|o| !refused.contains(&o.id));
        catalog = base.clone();
        for o in &pending {
            let _ = patch(&mut catalog, o);
        }
    }
}
