//! The one outcome derived from the answers: computed once per change of the answers, the
//! clinic's offer or the plan choices, and read by the results, the plan, the booking section
//! and the host events, so they all show the same thing.

use skin_consult_engine::{assess, default_plan, Answers, Assessment, Catalog, ProcedureResult};

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
}

impl Outcome {
    /// Derives the outcome. `toggled` are the procedures whose place in the default plan the
    /// patient changed.
    pub fn derive(
        catalog: &Catalog,
        config: &Config,
        answers: Answers,
        toggled: &[String],
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
            .filter(|r| r.status == skin_consult_engine::Status::Suggested)
            .map(|r| r.procedure_id.as_str())
            .collect();
        let in_plan = plan_selection(catalog, toggled, &suggested)
            .into_iter()
            .map(str::to_string)
            .collect();
        Outcome {
            answers,
            assessment,
            offered,
            in_plan,
        }
    }

    /// The offered suggestions, best first.
    pub fn suggested(&self) -> Vec<ProcedureResult> {
        self.offered
            .iter()
            .filter(|r| r.status == skin_consult_engine::Status::Suggested)
            .cloned()
            .collect()
    }
}
