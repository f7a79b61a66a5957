//! The scheduler: dates every clinic session of the chosen procedures' plans from a start date,
//! combining procedures with the catalog's spacing rules, and lists home care as a start date
//! with pause windows.
//!
//! How a plan is dated:
//! * intervals use the **minimum** of each range (the doctor may space sessions further), and
//!   never less than the plan's `min_gap_days`;
//! * an initial course uses the **minimum** session count (the doctor may add sessions); a course
//!   without a count ("a series") is dated with `scheduling.series_sessions` sessions, each
//!   carrying `scheduling.series_note`;
//! * maintenance follows the last course session (or the start, without a course) and repeats
//!   until the horizon; a single-session plan gets one session;
//! * procedures are placed one session at a time, earliest wanted date first (ties in catalog
//!   order); a session that breaks a spacing rule against any placed session moves to the first
//!   day that breaks none, and names the rules that moved it. The next session of the same
//!   procedure counts its interval from the actual date.
//!
//! Every rule is checked for every pair of sessions, whatever the order of placement.

use crate::date::Date;
use crate::describe_plan;
use crate::model::{Catalog, Spacing, SpacingRule};
use crate::plan::Plan;
use crate::text::Text;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;

/// Default horizon: 12 months.
pub const DEFAULT_HORIZON_DAYS: u32 = 365;
/// Longest horizon accepted: two years.
pub const MAX_HORIZON_DAYS: u32 = 731;

/// Course or maintenance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Phase {
    /// A session of the initial course (or the single session).
    Initial,
    /// A maintenance session.
    Maintenance,
    /// A review visit when the effect wears off (injectables): the only repeat dated.
    Review,
}

/// One dated clinic session.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Session {
    /// The procedure.
    pub procedure_id: String,
    /// When.
    pub date: Date,
    /// 1-based number within the procedure (course and maintenance counted together).
    pub index: u32,
    /// Course or maintenance.
    pub phase: Phase,
    /// Ids of the spacing rules that moved it from its planned date (empty if none did).
    pub moved_by: Vec<String>,
    /// What to tell the patient about this date: why it moved, or that the series is open-ended.
    pub note: Option<Text>,
}

/// A window in which home care is stopped (both ends inclusive; it restarts on `to` + 1 day).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Pause {
    /// The home-use procedure paused.
    pub procedure_id: String,
    /// The spacing rule that asks for it.
    pub rule_id: String,
    /// First day without it.
    pub from: Date,
    /// Last day without it.
    pub to: Date,
    /// Why.
    pub reason: Text,
}

/// Home care: not sessions, just when to start and how often.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct HomeUseStart {
    /// The home-use procedure.
    pub procedure_id: String,
    /// The day to start (the plan start, or the day after a pause that covers it).
    pub from: Date,
    /// How often, as `describe_plan` phrases it, in every catalog language.
    pub guidance: Text,
}

/// A dated plan.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Schedule {
    /// First day.
    pub start: Date,
    /// Last day (`start` + horizon).
    pub end: Date,
    /// Clinic sessions, by date, then catalog order.
    pub sessions: Vec<Session>,
    /// Home-care pauses, by date, then catalog order.
    pub pauses: Vec<Pause>,
    /// Home care, in catalog order.
    pub home_use: Vec<HomeUseStart>,
}

/// Why a plan could not be dated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleError {
    /// The start date lies before today.
    StartInPast {
        /// Today.
        today: Date,
        /// The chosen start.
        start: Date,
    },
    /// No procedure was chosen.
    NothingSelected,
    /// The chosen procedures have no clinic session (only home care, or plans with no dates).
    NothingToSchedule,
    /// A chosen procedure is not in the catalog.
    UnknownProcedure(String),
    /// A procedure was chosen twice.
    DuplicateProcedure(String),
    /// The horizon is longer than [`MAX_HORIZON_DAYS`].
    HorizonTooLong(u32),
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::StartInPast { today, start } => {
                write!(f, "start {start} lies before today {today}")
            }
            ScheduleError::NothingSelected => write!(f, "no procedure chosen"),
            ScheduleError::NothingToSchedule => write!(f, "no clinic session to date"),
            ScheduleError::UnknownProcedure(id) => write!(f, "unknown procedure `{id}`"),
            ScheduleError::DuplicateProcedure(id) => write!(f, "procedure `{id}` chosen twice"),
            ScheduleError::HorizonTooLong(d) => {
                write!(f, "horizon of {d} days exceeds {MAX_HORIZON_DAYS}")
            }
        }
    }
}

impl std::error::Error for ScheduleError {}

/// A chosen procedure while it is being dated.
struct Item<'a> {
    id: &'a str,
    order: usize,
    plan: &'a Plan,
    /// Course sessions still to date, and the course interval.
    course_left: u32,
    course_interval: u32,
    /// Whether sessions are the open-ended series.
    series: bool,
    /// Whether the repeat after the course is a single review visit.
    review: bool,
    /// Maintenance interval (none: stop after the course).
    maintenance: Option<u32>,
    /// Wanted date of the next session (none: done).
    next: Option<Date>,
    index: u32,
}

/// Dates of `procedure` forbidden because `placed` (a session of `other`, with `other_plan`) is
/// where it is, as one inclusive window, under `rule`.
fn forbidden(
    rule: &Spacing,
    procedure: &str,
    plan: &Plan,
    other: &str,
    other_plan: &Plan,
    placed: Date,
) -> Option<(Date, Date)> {
    let named = |ids: &[String], id: &str| ids.iter().any(|p| p == id);
    match rule {
        Spacing::SameWeek { procedures }
            if named(procedures, procedure) && named(procedures, other) =>
        {
            let monday = placed.week_start();
            Some((monday, monday.add_days(6)))
        }
        Spacing::MinGap { procedures, days }
            if named(procedures, procedure) && named(procedures, other) =>
        {
            let d = *days as i64;
            Some((placed.add_days(1 - d), placed.add_days(d - 1)))
        }
        Spacing::Recovery { procedures } if procedure != other => {
            let rec = |id: &str, p: &Plan| {
                if named(procedures, id) {
                    p.recovery_days.unwrap_or(0) as i64
                } else {
                    0
                }
            };
            // Nothing within `other`'s recovery after it, and `procedure`'s recovery must not
            // cover `other`.
            let (after, before) = (rec(other, other_plan), rec(procedure, plan));
            if after == 0 && before == 0 {
                return None;
            }
            Some((
                placed.add_days(1 - before.max(1)),
                placed.add_days(after.max(1) - 1),
            ))
        }
        Spacing::SeparateDays { together }
            if procedure != other && !(named(together, procedure) && named(together, other)) =>
        {
            Some((placed, placed))
        }
        Spacing::Apart {
            first,
            second,
            days,
        } if procedure != other
            && ((named(first, procedure) && named(second, other))
                || (named(second, procedure) && named(first, other))) =>
        {
            let d = *days as i64;
            Some((placed.add_days(1 - d), placed.add_days(d - 1)))
        }
        _ => None,
    }
}

/// Dates the chosen procedures' plans from `start` for `horizon_days` days (sessions fall within
/// `start..=start + horizon_days`). `selection` pairs procedure ids with their plans (usually
/// the suggested results of [`crate::assess()`] the patient ticked); its order does not matter.
/// `today` guards against a start in the past. Deterministic: same input, same schedule.
pub fn schedule(
    catalog: &Catalog,
    selection: &[(&str, &Plan)],
    today: Date,
    start: Date,
    horizon_days: u32,
) -> Result<Schedule, ScheduleError> {
    if start < today {
        return Err(ScheduleError::StartInPast { today, start });
    }
    if horizon_days > MAX_HORIZON_DAYS {
        return Err(ScheduleError::HorizonTooLong(horizon_days));
    }
    if selection.is_empty() {
        return Err(ScheduleError::NothingSelected);
    }
    let end = start.add_days(horizon_days as i64);
    let sched = &catalog.scheduling;
    let mut items: Vec<Item> = Vec::with_capacity(selection.len());
    for &(id, plan) in selection {
        let order = catalog
            .procedure_index(id)
            .ok_or_else(|| ScheduleError::UnknownProcedure(id.to_string()))?;
        if items.iter().any(|i| i.id == id) {
            return Err(ScheduleError::DuplicateProcedure(id.to_string()));
        }
        let gap = plan.min_gap_days.unwrap_or(1).max(1);
        let (course_left, course_interval, series) = match &plan.initial {
            Some(c) => match c.sessions {
                Some(n) => (n.min, c.interval.min_days.max(gap), false),
                None => (sched.series_sessions, c.interval.min_days.max(gap), true),
            },
            None => (u32::from(plan.single_session), gap, false),
        };
        let maintenance = plan.maintenance.map(|m| m.min_days.max(gap));
        let review = sched
            .review
            .as_ref()
            .is_some_and(|r| r.procedures.iter().any(|p| p == id));
        // A review procedure without a course starts with one first session.
        let course_left = if review && course_left == 0 && maintenance.is_some() {
            1
        } else {
            course_left
        };
        let dated = course_left > 0 || maintenance.is_some();
        items.push(Item {
            id,
            order,
            plan,
            course_left,
            course_interval,
            series,
            review,
            maintenance,
            next: dated.then_some(start),
            index: 0,
        });
    }
    crate::order::sort_by_key(&mut items, |i| i.order);

    let mut sessions: Vec<(usize, Session)> = Vec::new();
    let plans: Vec<(&str, &Plan)> = items.iter().map(|i| (i.id, i.plan)).collect();
    // Earliest wanted date first; ties in catalog order (items are sorted by it).
    while let Some(k) = (0..items.len())
        .filter(|&k| items[k].next.is_some_and(|d| d <= end))
        .min_by_key(|&k| items[k].next)
    {
        let it = &items[k];
        let wanted = it.next.unwrap_or(start);
        let mut date = wanted;
        let mut moved_by: Vec<&SpacingRule> = Vec::new();
        'search: while date <= end {
            for (pk, s) in &sessions {
                let (other, other_plan) = plans[*pk];
                for rule in &sched.rules {
                    if let Some((from, to)) =
                        forbidden(&rule.rule, it.id, it.plan, other, other_plan, s.date)
                    {
                        if from <= date && date <= to {
                            if !moved_by.iter().any(|r| r.id == rule.id) {
                                moved_by.push(rule);
                            }
                            date = to.add_days(1);
                            continue 'search;
                        }
                    }
                }
            }
            break;
        }
        let it = &mut items[k];
        if date > end {
            it.next = None;
            continue;
        }
        it.index += 1;
        // The first session is never "maintenance", even without a course.
        let phase = if it.course_left > 0 || it.index == 1 {
            it.course_left = it.course_left.saturating_sub(1);
            Phase::Initial
        } else if it.review {
            Phase::Review
        } else {
            Phase::Maintenance
        };
        // The rule that set the final date says why; earlier moves only led up to it.
        let mut notes: Vec<&Text> = moved_by.last().map(|r| &r.reason).into_iter().collect();
        let series_note;
        if it.series && phase == Phase::Initial {
            series_note = sched
                .series_note
                .fill_str("sessions", &sched.series_sessions.to_string());
            notes.insert(0, &series_note);
        }
        let review_note;
        if let (Phase::Review, Some(review)) = (phase, &sched.review) {
            let wait = Text(
                catalog
                    .languages
                    .iter()
                    .map(|l| {
                        let days = it.maintenance.unwrap_or(0);
                        (l.clone(), crate::plan::duration(catalog.locale(l), days))
                    })
                    .collect(),
            );
            review_note = review.note.fill("duration", &wait);
            notes.insert(0, &review_note);
        }
        it.next = if it.course_left > 0 {
            Some(date.add_days(it.course_interval as i64))
        } else if phase == Phase::Review {
            None
        } else {
            it.maintenance.map(|m| date.add_days(m as i64))
        };
        sessions.push((
            k,
            Session {
                procedure_id: it.id.to_string(),
                date,
                index: it.index,
                phase,
                moved_by: moved_by.iter().map(|r| r.id.clone()).collect(),
                note: (!notes.is_empty()).then(|| Text::join(&notes, " ")),
            },
        ));
    }
    if sessions.is_empty() {
        return Err(ScheduleError::NothingToSchedule);
    }
    crate::order::sort_by_key(&mut sessions, |(k, s)| (s.date, *k, s.index));

    let mut pauses: Vec<Pause> = Vec::new();
    let mut home_use = Vec::new();
    for it in items.iter().filter(|i| i.plan.home_use.is_some()) {
        let mut from = start;
        for rule in &sched.rules {
            let Spacing::Pause {
                procedure,
                around,
                days_before,
                days_after,
            } = &rule.rule
            else {
                continue;
            };
            if procedure != it.id {
                continue;
            }
            let mut windows: Vec<(Date, Date)> = Vec::new();
            for (pk, s) in &sessions {
                if !around.iter().any(|a| a == &s.procedure_id) {
                    continue;
                }
                let after = (*days_after).max(plans[*pk].1.recovery_days.unwrap_or(0)) as i64;
                let (a, b) = (
                    s.date.add_days(-(*days_before as i64)),
                    s.date.add_days(after - 1),
                );
                match windows.last_mut() {
                    Some(w) if a <= w.1.add_days(1) => w.1 = w.1.max(b),
                    _ => windows.push((a, b)),
                }
            }
            for (a, b) in windows {
                if a <= from {
                    // Nothing to stop yet: start home care after this window instead.
                    from = from.max(b.add_days(1));
                    continue;
                }
                pauses.push(Pause {
                    procedure_id: it.id.to_string(),
                    rule_id: rule.id.clone(),
                    from: a,
                    to: b,
                    reason: rule.reason.clone(),
                });
            }
        }
        pauses.retain(|p| p.procedure_id != it.id || p.from > from);
        let guidance = Text(
            catalog
                .languages
                .iter()
                .map(|l| (l.clone(), describe_plan(it.plan, catalog.locale(l))))
                .collect(),
        );
        home_use.push(HomeUseStart {
            procedure_id: it.id.to_string(),
            from,
            guidance,
        });
    }
    crate::order::sort_by_key(&mut pauses, |p| {
        (p.from, catalog.procedure_index(&p.procedure_id))
    });

    Ok(Schedule {
        start,
        end,
        sessions: sessions.into_iter().map(|(_, s)| s).collect(),
        pauses,
        home_use,
    })
}

/// The plan's default: walking `ranked` (best first; ids of suggested procedures with a plan),
/// keep a procedure unless an earlier one is its alternative, and stop at the catalog's
/// `default_plan_size`. The patient may add or remove treatments from there.
pub fn default_plan<'a>(catalog: &Catalog, ranked: &[&'a str]) -> Vec<&'a str> {
    let limit = catalog.scheduling.default_plan_size as usize;
    let mut chosen: Vec<&'a str> = Vec::new();
    for &id in ranked {
        if chosen.len() >= limit {
            break;
        }
        if chosen.contains(&id) || chosen.iter().any(|c| alternatives_of(catalog, c, id)) {
            continue;
        }
        chosen.push(id);
    }
    chosen
}

/// Whether `a` and `b` (different procedures) belong to one group of alternatives.
pub fn alternatives_of(catalog: &Catalog, a: &str, b: &str) -> bool {
    a != b
        && catalog
            .scheduling
            .alternatives
            .iter()
            .any(|g| g.procedures.iter().any(|p| p == a) && g.procedures.iter().any(|p| p == b))
}
