//! The one outcome derived from the answers: computed once per change of the answers, the
//! clinic's offer or the plan choices, and read by the results, the plan, the booking section
//! and the host events, so they all show the same thing.

use std::rc::Rc;

use skin_consult_engine::{
    assess, default_plan, schedule, Answers, Assessment, Catalog, Date, Plan, ProcedureResult,
    Schedule, ScheduleError, Status, DEFAULT_HORIZON_DAYS,
};

use crate::config::Config;

/// The suggested procedures (`suggested`: ids, best first) in the plan: the best-ranked
/// choice of each group of alternatives, at most the catalog's `default_plan_size`, with the
/// patient's additions and removals (`toggled`).
pub fn plan_selection<'a>(
    catalog: &Catalog,
    toggled: &[String],
    suggested: &[&'a str],
) -> Vec<&'a str> {
    let default = default_plan(catalog, suggested);
    suggested
        .iter()
        .copied()
        .filter(|id| default.contains(id) != toggled.iter().any(|t| t == id))
        .collect()
}

/// What the answers lead to, as the patient sees it.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The answers that count (hidden follow-ups left out).
    pub answers: Answers,
    /// The engine's assessment of every procedure (or the referral).
    pub assessment: Assessment,
    /// The procedures the clinic offers, in the engine's order (best first per status).
    pub offered: Vec<ProcedureResult>,
    /// Ids of the offered suggestions in the plan: the default plan, changed by the patient's
    /// ticks and unticks.
    pub in_plan: Vec<String>,
    /// The plan dated from its start, or why it cannot be.
    pub dated_plan: Result<Rc<Schedule>, PlanProblem>,
}

/// Why the plan has no dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanProblem {
    /// The start typed is not a date.
    StartNotADate,
    /// The start lies before today.
    StartInPast,
    /// No treatment is in the plan.
    NothingSelected,
    /// The treatments in the plan have no clinic session to date.
    NothingToSchedule,
}

impl PlanProblem {
    /// The interface text key that explains it.
    pub fn text_key(self) -> &'static str {
        match self {
            PlanProblem::StartNotADate => "plan_error_date",
            PlanProblem::StartInPast => "plan_error_past",
            PlanProblem::NothingSelected => "plan_error_none",
            PlanProblem::NothingToSchedule => "plan_error_nothing",
        }
    }
}

/// What the plan is dated from: its start (a date, or the text typed that is not one) and
/// today on the device.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDates {
    /// The plan's start.
    pub start: Result<Date, String>,
    /// Today.
    pub today: Date,
}

impl Outcome {
    /// Derives the outcome. `toggled` are the procedures whose place in the default plan the
    /// patient changed; the plan is dated as `dates` says.
    pub fn derive(
        catalog: &Catalog,
        config: &Config,
        answers: Answers,
        toggled: &[String],
        dates: &PlanDates,
    ) -> Outcome {
        let assessment = assess(catalog, &answers);
        let offered: Vec<ProcedureResult> = assessment
            .results()
            .iter()
            .filter(|r| config.offers(&r.procedure_id))
            .cloned()
            .collect();
        let suggested: Vec<&str> = offered
            .iter()
            .filter(|r| r.status == Status::Suggested)
            .map(|r| r.procedure_id.as_str())
            .collect();
        let in_plan: Vec<String> = plan_selection(catalog, toggled, &suggested)
            .into_iter()
            .map(str::to_string)
            .collect();
        let chosen: Vec<(&str, &Plan)> = offered
            .iter()
            .filter(|r| r.status == Status::Suggested && in_plan.contains(&r.procedure_id))
            .filter_map(|r| Some((r.procedure_id.as_str(), r.plan.as_ref()?)))
            .collect();
        let dated_plan = date_plan(catalog, &chosen, dates);
        Outcome {
            answers,
            assessment,
            offered,
            in_plan,
            dated_plan,
        }
    }

    /// The offered suggestions, best first.
    pub fn suggested(&self) -> Vec<ProcedureResult> {
        self.offered
            .iter()
            .filter(|r| r.status == Status::Suggested)
            .cloned()
            .collect()
    }
}

/// The `chosen` procedures dated for a year from the start `dates` gives.
fn date_plan(
    catalog: &Catalog,
    chosen: &[(&str, &Plan)],
    dates: &PlanDates,
) -> Result<Rc<Schedule>, PlanProblem> {
    let start = dates
        .start
        .clone()
        .map_err(|_| PlanProblem::StartNotADate)?;
    schedule(catalog, chosen, dates.today, start, DEFAULT_HORIZON_DAYS)
        .map(Rc::new)
        .map_err(|e| match e {
            ScheduleError::StartInPast { .. } => PlanProblem::StartInPast,
            ScheduleError::NothingSelected => PlanProblem::NothingSelected,
            _ => PlanProblem::NothingToSchedule,
        })
}
