//! The catalog: questions, procedures, rules and red flags, all plain data.
//!
//! The built-in catalog lives in `catalog/catalog.json`; see the crate README for the format.

use crate::condition::Condition;
use crate::locale::Locale;
use crate::plan::{DayRange, Plan};
use crate::small_map::StrMap;
use crate::text::{Text, FALLBACK_LANGUAGE};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// Everything clinical: the questionnaire, the procedures, the rules and the red flags.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Catalog {
    /// Version of the catalog content (bump when a clinic changes it).
    pub version: u32,
    /// Languages every text must be written in; the first is the default.
    pub languages: Vec<String>,
    /// Id of the multiple-choice question listing the patient's concerns.
    pub concern_question: String,
    /// Id of the number question asking the patient's age.
    pub age_question: String,
    /// Score unit for each of the patient's concerns a procedure addresses, multiplied by the
    /// concern's [`Strength`] (primary 3, helps 2, minor 1).
    pub concern_score: i32,
    /// Id of the optional single-choice question naming the patient's main concern (its
    /// options are concern ids); the ranking puts the best fits for it first.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub main_concern_question: Option<String>,
    /// The questionnaire, in the order it is asked.
    pub questions: Vec<Question>,
    /// The procedures the clinic offers.
    pub procedures: Vec<Procedure>,
    /// Rules that exclude, defer, flag or re-score procedures.
    pub rules: Vec<Rule>,
    /// Answers that mean "see a doctor" instead of any cosmetic suggestion.
    pub red_flags: Vec<RedFlag>,
    /// Texts the engine composes into reasons.
    pub messages: Messages,
    /// How the scheduler dates sessions and keeps procedures apart.
    pub scheduling: Scheduling,
    /// Per-language formatting data (name, plural rule, dates, plan and calendar phrases):
    /// phrases by key (see [`Locale`] and [`crate::locale::KEYS`]), by language; every
    /// language of `languages` has one (validation says which are missing).
    #[cfg_attr(feature = "serde", serde(default))]
    pub locales: StrMap<StrMap<String>>,
}

impl Catalog {
    /// The locale for `lang`, falling back to English, then to any locale, then to an empty
    /// one (a validated catalog has one for each of its languages).
    pub fn locale(&self, lang: &str) -> Locale<'_> {
        self.locales
            .get(lang)
            .or_else(|| self.locales.get(FALLBACK_LANGUAGE))
            .or_else(|| self.locales.values().next())
            .map_or(Locale::empty(), Locale)
    }

    /// The name of `lang` in that language ("Türkçe"), for a language switch; the code itself
    /// when the catalog has no locale for it.
    pub fn language_name<'a>(&'a self, lang: &'a str) -> &'a str {
        match self.locales.get(lang).map(|l| Locale(l).get("name")) {
            Some(name) if !name.is_empty() => name,
            _ => lang,
        }
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The procedure with this id.
    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Position of the procedure in the catalog (the order plans are listed in).
    pub fn procedure_index(&self, id: &str) -> Option<usize> {
        self.procedures.iter().position(|p| p.id == id)
    }

    /// The rules that name `procedure_id`, in catalog order.
    pub fn rules_for<'a>(&'a self, procedure_id: &'a str) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules
            .iter()
            .filter(move |r| r.procedures.iter().any(|p| p == procedure_id))
    }
}

/// One question of the questionnaire.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Question {
    /// Stable id (answers are keyed by it).
    pub id: String,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The question as shown.
    pub prompt: Text,
    /// Optional explanation shown under the question.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub help: Option<Text>,
    /// Options of a choice question (empty otherwise).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub options: Vec<ChoiceOption>,
    /// Shown only when this holds (evaluated on earlier answers).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub show_if: Option<Condition>,
    /// Whether the patient must answer it to continue.
    #[cfg_attr(feature = "serde", serde(default))]
    pub required: bool,
}

impl Question {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// The kind of answer a question takes. JSON: `"single_choice"`, `"multi_choice"`, `"yes_no"`,
/// `{"number": {"min": 12, "max": 100}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum QuestionKind {
    /// Exactly one option.
    SingleChoice,
    /// One or more options.
    MultiChoice,
    /// Yes or no.
    YesNo,
    /// A whole number within bounds (inclusive).
    Number {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value.
        max: u32,
    },
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ChoiceOption {
    /// Stable id.
    pub id: String,
    /// The option as shown.
    pub label: Text,
    /// In a multiple-choice question: cannot be combined with other options ("none of these").
    #[cfg_attr(feature = "serde", serde(default))]
    pub exclusive: bool,
}

/// A procedure the clinic offers.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Procedure {
    /// Stable id, e.g. `chemical-peel`.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Plain-language summary.
    pub summary: Text,
    /// Concern option ids it addresses.
    pub concerns: Vec<String>,
    /// How well it answers each of its concerns, with the source (one entry per concern).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub concern_fit: Vec<ConcernFit>,
    /// How it is done, step by step.
    pub steps: Vec<Text>,
    /// How long a session takes.
    pub session_length: Text,
    /// Typical downtime.
    pub downtime: Text,
    /// What it feels like.
    pub pain: Text,
    /// What to do and avoid afterwards.
    pub aftercare: Vec<Text>,
    /// Its common side effects, each with its source.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub side_effects: Vec<SideEffect>,
    /// Youngest age it is offered at (0 = no minimum).
    pub min_age: u32,
    /// Sources of the minimum age (when > 0).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub min_age_sources: Vec<String>,
    /// How often and for how long.
    pub frequency: Frequency,
    /// Where sources disagree about this procedure, and which side the catalog takes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<Text>,
    /// The prescription-only medicine it uses, named only in the "how it is done" details and
    /// only where the clinic's configuration allows it (advertising such medicines to the
    /// public is not allowed in the UK or Turkey).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub prescription_medicine: Option<Text>,
    /// Where the description comes from (`seed:<file>` or `brief:[n]`).
    pub sources: Vec<String>,
}

impl Procedure {
    /// How well it answers `concern` (`None` when it does not address it).
    pub fn fit(&self, concern: &str) -> Option<Strength> {
        self.concern_fit
            .iter()
            .find(|f| f.concern == concern)
            .map(|f| f.strength)
    }
}

/// How well a procedure answers one concern, and where that comes from.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ConcernFit {
    /// Concern option id.
    pub concern: String,
    /// How well it answers it.
    pub strength: Strength,
    /// Where that comes from (`seed:<file>` or `brief:[n]`).
    pub source: String,
}

/// How well a procedure answers a concern; weighs before the patient's constraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Strength {
    /// Helps a little, or the evidence is weak.
    Minor,
    /// Helps; not the first choice for it.
    Helps,
    /// One of the first choices for this concern.
    Primary,
}

impl Strength {
    /// Multiplier of the catalog's `concern_score`.
    pub fn weight(self) -> i32 {
        match self {
            Strength::Minor => 1,
            Strength::Helps => 2,
            Strength::Primary => 3,
        }
    }
}

/// A common side effect and where it comes from.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SideEffect {
    /// What the patient may notice.
    pub text: Text,
    /// Where that comes from (`seed:<file>` or `brief:[n]`).
    pub source: String,
}

/// A procedure's frequency model: the first variant whose condition holds gives the plan.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Frequency {
    /// No interval of any plan of this procedure may lie outside these bounds (days).
    pub bounds: DayRange,
    /// Candidate plans, most specific first; the last one has no condition.
    pub variants: Vec<FrequencyVariant>,
    /// Where the frequency comes from.
    pub sources: Vec<String>,
}

/// A plan used when its condition holds.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FrequencyVariant {
    /// When this plan applies (`None` = fallback).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub when: Option<Condition>,
    /// Why this plan was chosen, shown as a reason.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub why: Option<Text>,
    /// The plan.
    pub plan: Plan,
}

/// A clinical rule: when `when` holds, `effect` applies to `procedures`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// When it applies.
    pub when: Condition,
    /// Procedure ids it applies to.
    pub procedures: Vec<String>,
    /// What it does.
    pub effect: Effect,
    /// Why, shown to the patient.
    pub reason: Text,
    /// Where sources disagree, and which side the catalog takes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<Text>,
    /// Where the rule comes from.
    pub sources: Vec<String>,
    /// How strong its evidence is, as the clinical brief grades it.
    pub grade: Grade,
}

/// How strong a rule's or red flag's evidence is, as the clinical brief grades it. JSON: `"A"`,
/// `"B"`, `"C"`, `"inference"`, `"clinic_default"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum Grade {
    /// A regulator, product label, national or professional body.
    A,
    /// Peer-reviewed.
    B,
    /// A clinic or manufacturer page only: an unverified default.
    C,
    /// Reasoning from the sources, not a source itself.
    #[cfg_attr(feature = "serde", serde(rename = "inference"))]
    Inference,
    /// The clinic's own decision (no source found).
    #[cfg_attr(feature = "serde", serde(rename = "clinic_default"))]
    ClinicDefault,
}

impl Grade {
    /// `A`, `B`, `C`, `inference` or `clinic_default`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::Inference => "inference",
            Grade::ClinicDefault => "clinic_default",
        }
    }

    /// Whether a rule of this grade is a default the clinic should review and may change
    /// (no regulator or peer-reviewed source behind it).
    pub fn is_clinic_changeable(&self) -> bool {
        matches!(self, Grade::C | Grade::Inference | Grade::ClinicDefault)
    }
}

/// What a rule does. JSON: `"exclude"`, `"caution"`, `"note"`, `{"defer": {"until": {..}}}`,
/// `{"score": -10}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Effect {
    /// Not offered (contraindication).
    Exclude,
    /// Not now; possible later.
    Defer {
        /// Until when.
        until: Text,
    },
    /// Only after the doctor has reviewed the answers.
    Caution,
    /// Changes nothing about the status: the reason is a note shown with the procedure
    /// (e.g. "ask about antiviral tablets first").
    Note,
    /// Adds to (or subtracts from) the suitability score.
    Score(i32),
}

impl Effect {
    /// `exclude`, `defer`, `caution`, `note` or `score`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Effect::Exclude => "exclude",
            Effect::Defer { .. } => "defer",
            Effect::Caution => "caution",
            Effect::Note => "note",
            Effect::Score(_) => "score",
        }
    }
}

/// How soon a red flag needs a doctor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Urgency {
    /// Now: emergency services.
    Emergency,
    /// Today: urgent care or same-day doctor.
    Urgent,
    /// Book a doctor's appointment soon, before any cosmetic treatment.
    Soon,
}

impl Urgency {
    /// `emergency`, `urgent` or `soon`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Urgent => "urgent",
            Urgency::Soon => "soon",
        }
    }
}

/// Which number or service a red flag sends the patient to (the numbers are the clinic's
/// configuration, by country).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Call {
    /// The emergency number, now.
    Emergency,
    /// A crisis line (and the emergency number if in danger now).
    Crisis,
    /// The urgent-care line or a same-day doctor.
    Urgent,
    /// The patient's own doctor.
    Gp,
}

impl Call {
    /// `emergency`, `crisis`, `urgent` or `gp`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Call::Emergency => "emergency",
            Call::Crisis => "crisis",
            Call::Urgent => "urgent",
            Call::Gp => "gp",
        }
    }
}

/// An answer pattern that means "see a doctor, no cosmetic booking".
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RedFlag {
    /// Stable id.
    pub id: String,
    /// When it is raised.
    pub when: Condition,
    /// How soon.
    pub urgency: Urgency,
    /// Who to call.
    pub call: Call,
    /// Short title.
    pub title: Text,
    /// Who to see and how soon.
    pub advice: Text,
    /// Where it comes from.
    pub sources: Vec<String>,
    /// How strong its evidence is, as the clinical brief grades it.
    pub grade: Grade,
}

/// Texts the engine composes into reasons. Placeholders: `{concern}`, `{age}`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Messages {
    /// "Addresses your concern: {concern}."
    pub concern_match: Text,
    /// "Does not address the concerns you chose."
    pub no_concern_match: Text,
    /// "Not offered under the age of {age}."
    pub below_min_age: Text,
    /// "Offered only from age {age}; your age is needed."
    pub age_unknown: Text,
    /// "Other options fit your answers better."
    pub low_score: Text,
}

/// Scheduling data: how many sessions an open-ended series is dated with, and the spacing rules
/// that keep procedures apart.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Scheduling {
    /// Sessions dated for an initial course that gives no count ("a series").
    pub series_sessions: u32,
    /// Said on the sessions of such a series (the doctor decides the real count).
    pub series_note: Text,
    /// Where `series_sessions` comes from.
    pub series_sources: Vec<String>,
    /// Rules combining procedures, checked for every pair of sessions.
    pub rules: Vec<SpacingRule>,
    /// Groups of procedures that serve the same purpose: the default plan holds one of each.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub alternatives: Vec<Alternatives>,
    /// Most treatments the default plan holds (the patient may add more).
    #[cfg_attr(feature = "serde", serde(default = "default_plan_size"))]
    pub default_plan_size: u32,
    /// Procedures whose repeats are a review visit rather than a fixed interval (injectables).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub review: Option<Review>,
}

/// The default plan's size when the catalog gives none.
pub fn default_plan_size() -> u32 {
    3
}

/// Procedures that are alternatives to each other ("one of these").
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Alternatives {
    /// Stable id.
    pub id: String,
    /// Procedure ids, at least two.
    pub procedures: Vec<String>,
    /// Why they are alternatives, shown with the group.
    pub reason: Text,
    /// Where the grouping comes from.
    pub sources: Vec<String>,
}

/// Repeats booked as one review visit when the effect wears off, not as a fixed series.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Review {
    /// Procedure ids.
    pub procedures: Vec<String>,
    /// Said on the review visit; `{duration}` is the earliest interval.
    pub note: Text,
    /// Where the rule comes from.
    pub sources: Vec<String>,
}

/// A rule that keeps sessions of different procedures apart, or pauses home care around them.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SpacingRule {
    /// Stable id (a moved session names the rules that moved it).
    pub id: String,
    /// What it requires.
    pub rule: Spacing,
    /// Why, shown on a moved session or a pause.
    pub reason: Text,
    /// Where sources disagree, and which side the catalog takes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<Text>,
    /// Where the rule comes from.
    pub sources: Vec<String>,
    /// How strong its evidence is.
    pub grade: Grade,
}

/// The kinds of spacing rule. JSON: `{"same_week": {"procedures": [..]}}`,
/// `{"recovery": {"procedures": [..]}}`, `{"min_gap": {"procedures": [..], "days": 90}}`,
/// `{"pause": {"procedure": "..", "around": [..], "days_before": 7, "days_after": 7}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
pub enum Spacing {
    /// No two sessions of these procedures in the same Monday-to-Sunday week.
    SameWeek {
        /// Procedure ids.
        procedures: Vec<String>,
    },
    /// After a session of one of these procedures, no session of another procedure until its
    /// plan's `recovery_days` have passed.
    Recovery {
        /// Procedure ids.
        procedures: Vec<String>,
    },
    /// Two sessions of these procedures never sooner than `days` apart.
    MinGap {
        /// Procedure ids.
        procedures: Vec<String>,
        /// Days.
        days: u32,
    },
    /// No two different procedures on the same day, except when all are in `together`
    /// (toxin and filler).
    SeparateDays {
        /// Procedures that may share a day.
        together: Vec<String>,
    },
    /// A session of a procedure in `first` and a session of a different procedure in `second`
    /// (in either order) at least `days` apart.
    Apart {
        /// Procedure ids.
        first: Vec<String>,
        /// Procedure ids.
        second: Vec<String>,
        /// Days.
        days: u32,
    },
    /// Home use of `procedure` stops `days_before` a session of one of `around` and restarts
    /// `days_after` it (or after that session's `recovery_days`, when longer).
    Pause {
        /// The home-use procedure paused.
        procedure: String,
        /// The procedures it is paused around.
        around: Vec<String>,
        /// Days before the session the pause starts.
        days_before: u32,
        /// Days after the session it ends (at least).
        days_after: u32,
    },
}
