//! The recommendation engine: answers in, assessment out. Pure and deterministic.

use crate::answers::Answers;
use crate::model::{Call, Catalog, Effect, Procedure, Strength, Urgency};
use crate::plan::Plan;
use crate::questionnaire::effective_answers;
use crate::text::Text;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The outcome of an assessment.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Assessment {
    /// A red flag: see a doctor; no cosmetic suggestion at all.
    Referral(Referral),
    /// Every procedure with its status, ranked.
    Recommendations(Vec<ProcedureResult>),
}

impl Assessment {
    /// The procedure results (empty for a referral).
    pub fn results(&self) -> &[ProcedureResult] {
        match self {
            Assessment::Referral(_) => &[],
            Assessment::Recommendations(r) => r,
        }
    }

    /// The result for one procedure.
    pub fn result(&self, procedure_id: &str) -> Option<&ProcedureResult> {
        self.results()
            .iter()
            .find(|r| r.procedure_id == procedure_id)
    }

    /// The referral, if any.
    pub fn referral(&self) -> Option<&Referral> {
        match self {
            Assessment::Referral(r) => Some(r),
            Assessment::Recommendations(_) => None,
        }
    }
}

/// A referral: the red flags raised, most urgent first.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Referral {
    /// The flags raised.
    pub flags: Vec<TriggeredFlag>,
}

impl Referral {
    /// The most urgent level among the flags.
    pub fn urgency(&self) -> Option<Urgency> {
        self.flags.iter().map(|f| f.urgency).min()
    }

    /// Who the most urgent flag says to call (emergency before crisis before urgent before
    /// the patient's own doctor).
    pub fn call(&self) -> Option<Call> {
        self.flags.iter().map(|f| f.call).min()
    }
}

/// A red flag that was raised.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TriggeredFlag {
    /// The red flag's id.
    pub id: String,
    /// How soon.
    pub urgency: Urgency,
    /// Who to call.
    pub call: Call,
    /// Short title.
    pub title: Text,
    /// Who to see and how soon.
    pub advice: Text,
    /// The question whose answer raised it.
    pub question_id: String,
    /// The chosen options of that question the flag is about (empty when it is not a choice
    /// question), so the screen quotes those and not every warning sign ticked.
    #[cfg_attr(feature = "serde", serde(default))]
    pub options: Vec<String>,
}

/// The assessment of one procedure.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ProcedureResult {
    /// The procedure's id.
    pub procedure_id: String,
    /// Suggested, caution, deferred or excluded.
    pub status: Status,
    /// Suitability score (higher is better; suggested only when > 0).
    pub score: i32,
    /// How well it answers the patient's main concern (ranks before the score).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub main_fit: Option<Strength>,
    /// Why, each tied to the answer that caused it; the decisive reasons first.
    pub reasons: Vec<Reason>,
    /// The plan (absent when excluded).
    pub plan: Option<Plan>,
    /// Notes for this patient shown with the procedure (e.g. "ask about antiviral tablets
    /// first"); they change nothing about the status.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub notes: Vec<Reason>,
}

/// The status of a procedure for this patient.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Status {
    /// Suits the patient's concerns and answers.
    Suggested,
    /// Could suit, but the doctor must review the answers first.
    Caution,
    /// Not now.
    Deferred {
        /// Until when.
        until: Text,
    },
    /// Not for this patient.
    Excluded,
}

impl Status {
    /// `suggested`, `caution`, `deferred` or `excluded`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Caution => "caution",
            Status::Deferred { .. } => "deferred",
            Status::Excluded => "excluded",
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Status::Suggested => 0,
            Status::Caution => 1,
            Status::Deferred { .. } => 2,
            Status::Excluded => 3,
        }
    }
}

/// One reason, tied to the question whose answer caused it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Reason {
    /// The why.
    pub text: Text,
    /// The question whose answer caused it.
    pub question_id: Option<String>,
}

/// Assesses the answers against the catalog.
///
/// Only effective answers count (see [`effective_answers`]). A red flag gives a referral and
/// nothing else. Otherwise every procedure gets a status; the order is suggested (score
/// descending), caution, deferred, excluded, each by score then catalog order.
pub fn assess(catalog: &Catalog, answers: &Answers) -> Assessment {
    let answers = effective_answers(catalog, answers);

    let mut flags: Vec<TriggeredFlag> = catalog
        .red_flags
        .iter()
        .filter(|f| f.when.eval(&answers))
        .map(|f| {
            let question_id = f.when.trigger(&answers).unwrap_or_default();
            let chosen = answers.options(question_id);
            let options = f
                .when
                .options_of(question_id)
                .into_iter()
                .filter(|o| chosen.contains(o))
                .map(str::to_string)
                .collect();
            TriggeredFlag {
                id: f.id.clone(),
                urgency: f.urgency,
                call: f.call,
                title: f.title.clone(),
                advice: f.advice.clone(),
                question_id: question_id.to_string(),
                options,
            }
        })
        .collect();
    if !flags.is_empty() {
        crate::order::sort_by_key(&mut flags, |f| (f.urgency, f.call));
        return Assessment::Referral(Referral { flags });
    }

    let mut results: Vec<ProcedureResult> = catalog
        .procedures
        .iter()
        .map(|p| assess_procedure(catalog, p, &answers))
        .collect();
    crate::order::sort_by_key(&mut results, |r| {
        (r.status.rank(), std::cmp::Reverse(r.main_fit), -r.score)
    });
    Assessment::Recommendations(results)
}

/// The patient's main concern: the answer to the catalog's main-concern question when it is
/// one of the concerns they chose.
pub fn main_concern<'a>(catalog: &Catalog, answers: &'a Answers) -> Option<&'a str> {
    let q = catalog.main_concern_question.as_deref()?;
    let main = *answers.options(q).first()?;
    answers
        .options(&catalog.concern_question)
        .contains(&main)
        .then_some(main)
}

/// The best fit for one concern among `results` (excluded ones never): the strongest fit, then
/// the nearer status (suggested before caution before later), then the score.
pub fn best_for_concern<'a>(
    catalog: &Catalog,
    results: &'a [ProcedureResult],
    concern: &str,
) -> Option<&'a ProcedureResult> {
    results
        .iter()
        .filter(|r| r.status != Status::Excluded)
        .filter_map(|r| {
            let fit = catalog.procedure(&r.procedure_id)?.fit(concern)?;
            Some((r, fit))
        })
        .min_by_key(|(r, fit)| (std::cmp::Reverse(*fit), r.status.rank(), -r.score))
        .map(|(r, _)| r)
}

fn reason(text: Text, question_id: Option<&str>) -> Reason {
    Reason {
        text,
        question_id: question_id.map(str::to_string),
    }
}

fn assess_procedure(
    catalog: &Catalog,
    procedure: &Procedure,
    answers: &Answers,
) -> ProcedureResult {
    let mut excludes = Vec::new();
    let mut defers = Vec::new();
    let mut untils: Vec<&Text> = Vec::new();
    let mut cautions = Vec::new();
    let mut scoring = Vec::new();
    let mut notes = Vec::new();
    let mut score = 0i32;

    if procedure.min_age > 0 {
        let age_q = catalog.age_question.as_str();
        let age_text = procedure.min_age.to_string();
        match answers.number(age_q) {
            Some(age) if age < procedure.min_age => excludes.push(reason(
                catalog.messages.below_min_age.fill_str("age", &age_text),
                Some(age_q),
            )),
            Some(_) => {}
            None => excludes.push(reason(
                catalog.messages.age_unknown.fill_str("age", &age_text),
                Some(age_q),
            )),
        }
    }

    let concern_q = catalog.concern_question.as_str();
    let main_fit = main_concern(catalog, answers).and_then(|c| procedure.fit(c));
    let mut matched = 0;
    for concern in answers.options(concern_q) {
        if procedure.concerns.iter().any(|c| c == concern) {
            matched += 1;
            let strength = procedure.fit(concern).unwrap_or(Strength::Minor);
            score += catalog.concern_score * strength.weight();
            let label = catalog
                .question(concern_q)
                .and_then(|q| q.option(concern))
                .map(|o| o.label.clone())
                .unwrap_or_else(|| Text::en(concern));
            scoring.push(reason(
                catalog.messages.concern_match.fill("concern", &label),
                Some(concern_q),
            ));
        }
    }

    for rule in catalog.rules_for(&procedure.id) {
        if !rule.when.eval(answers) {
            continue;
        }
        let r = reason(rule.reason.clone(), rule.when.trigger(answers));
        match &rule.effect {
            Effect::Exclude => excludes.push(r),
            Effect::Defer { until } => {
                defers.push(r);
                untils.push(until);
            }
            Effect::Caution => cautions.push(r),
            Effect::Note => notes.push(r),
            Effect::Score(delta) => {
                score += delta;
                scoring.push(r);
            }
        }
    }

    let variant = procedure
        .frequency
        .variants
        .iter()
        .find(|v| v.when.as_ref().is_none_or(|c| c.eval(answers)));

    let status = if !excludes.is_empty() {
        Status::Excluded
    } else if matched == 0 {
        excludes.push(reason(
            catalog.messages.no_concern_match.clone(),
            Some(concern_q),
        ));
        Status::Excluded
    } else if !defers.is_empty() {
        Status::Deferred {
            until: Text::join(&untils, "; "),
        }
    } else if score <= 0 {
        excludes.push(reason(catalog.messages.low_score.clone(), None));
        Status::Excluded
    } else if !cautions.is_empty() {
        Status::Caution
    } else {
        Status::Suggested
    };

    let plan = match (&status, variant) {
        (Status::Excluded, _) | (_, None) => None,
        (_, Some(v)) => {
            if let Some(why) = &v.why {
                let q = v.when.as_ref().and_then(|c| c.trigger(answers));
                scoring.push(reason(why.clone(), q));
            }
            Some(v.plan.clone())
        }
    };

    // Once a procedure is ruled out, "later" and "ask the doctor" reasons only contradict it
    // ("not offered under 18" above "under 18: only with a parent"): the card keeps why not.
    if status == Status::Excluded {
        notes.clear();
        defers.clear();
        cautions.clear();
    }
    let mut reasons = excludes;
    reasons.extend(defers);
    reasons.extend(cautions);
    reasons.extend(scoring);
    ProcedureResult {
        procedure_id: procedure.id.clone(),
        status,
        score,
        main_fit,
        reasons,
        plan,
        notes,
    }
}
