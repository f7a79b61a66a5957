//! Personas: example patients with the outcome a clinician expects (`catalog/personas.json`).
//!
//! Shared by the persona tests and the clinician report so both read the same file. Only with
//! the `serde` feature: the personas are read with serde_json, and the widget never reads them.

use crate::answers::Answers;
use crate::assess::{assess, Assessment};
use crate::model::Catalog;
use crate::plan::describe_plan;
use crate::questionnaire::check_answer;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An example patient and the expected outcome.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Stable id.
    pub id: String,
    /// Short name ("Teen with mild acne").
    pub name: String,
    /// Who they are and why the outcome is expected.
    pub description: String,
    /// Where the expectation comes from.
    pub sources: Vec<String>,
    /// Their answers.
    pub answers: Answers,
    /// What the assessment must say.
    pub expect: Expectation,
}

/// The expected outcome of a persona. Only what is listed is checked.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// Red flag ids expected, exactly (a referral); absent = recommendations expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Vec<String>>,
    /// Procedure id → `suggested` | `caution` | `deferred` | `excluded`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub statuses: BTreeMap<String, String>,
    /// Procedure id → the plan as [`describe_plan`] phrases it in English.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plans: BTreeMap<String, String>,
    /// The procedure ranked first among the suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top: Option<String>,
}

/// Parses the personas file.
pub fn parse_personas(json: &str) -> Result<Vec<Persona>, serde_json::Error> {
    serde_json::from_str(json)
}

/// Assesses the persona and lists every way the outcome differs from the expectation
/// (empty = as expected). Also reports answers that name unknown questions or do not fit them.
pub fn check(catalog: &Catalog, persona: &Persona) -> Vec<String> {
    let mut problems = Vec::new();
    for (qid, answer) in &persona.answers.0 {
        match catalog.question(qid) {
            None => problems.push(format!("answer to unknown question `{qid}`")),
            Some(q) => {
                if let Err(e) = check_answer(q, answer) {
                    problems.push(format!("answer to `{qid}`: {e}"));
                }
            }
        }
    }
    for pid in persona
        .expect
        .statuses
        .keys()
        .chain(persona.expect.plans.keys())
    {
        if catalog.procedure(pid).is_none() {
            problems.push(format!("expectation names unknown procedure `{pid}`"));
        }
    }
    let assessment = assess(catalog, &persona.answers);
    match (&persona.expect.referral, &assessment) {
        (Some(expected), Assessment::Referral(r)) => {
            let mut got: Vec<&str> = r.flags.iter().map(|f| f.id.as_str()).collect();
            let mut want: Vec<&str> = expected.iter().map(String::as_str).collect();
            got.sort_unstable();
            want.sort_unstable();
            if got != want {
                problems.push(format!("referral flags: expected {want:?}, got {got:?}"));
            }
        }
        (Some(_), Assessment::Recommendations(_)) => {
            problems.push("expected a referral, got recommendations".to_string())
        }
        (None, Assessment::Referral(r)) => {
            let got: Vec<&str> = r.flags.iter().map(|f| f.id.as_str()).collect();
            problems.push(format!("expected recommendations, got a referral {got:?}"));
        }
        (None, Assessment::Recommendations(results)) => {
            for (pid, want) in &persona.expect.statuses {
                if let Some(r) = results.iter().find(|r| &r.procedure_id == pid) {
                    if r.status.as_str() != want {
                        problems.push(format!("{pid}: expected {want}, got {}", r.status.as_str()));
                    }
                }
            }
            for (pid, want) in &persona.expect.plans {
                let got = results
                    .iter()
                    .find(|r| &r.procedure_id == pid)
                    .and_then(|r| r.plan.as_ref())
                    .map(|p| describe_plan(p, catalog.locale("en")));
                if got.as_deref() != Some(want.as_str()) {
                    problems.push(format!("{pid} plan: expected {want:?}, got {got:?}"));
                }
            }
            if let Some(top) = &persona.expect.top {
                let first = results
                    .first()
                    .filter(|r| r.status.as_str() == "suggested")
                    .map(|r| r.procedure_id.as_str());
                if first != Some(top.as_str()) {
                    problems.push(format!("top suggestion: expected {top}, got {first:?}"));
                }
            }
        }
    }
    problems
}
