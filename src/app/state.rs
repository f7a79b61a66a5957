//! The widget's single state and its reducer: every change is an [`Action`].
//!
//! `reduce` is pure: storage and URL updates happen in effects that watch this state.

use std::rc::Rc;

use skin_consult_engine::questionnaire::{
    check_answer, effective_answers, missing_required, visible_questions,
};
use skin_consult_engine::{Answer, Answers, Catalog, Date, Question, QuestionKind};
use yew::Reducible;

use super::kiosk::KioskState;

/// Where the patient is in the consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The welcome screen.
    Welcome,
    /// A question, by id.
    Question(String),
    /// The review of all answers.
    Review,
    /// The results (suggestions or referral).
    Results,
}

impl Step {
    /// A stable text form for storage.
    pub fn to_key(&self) -> String {
        match self {
            Step::Welcome => "welcome".into(),
            Step::Question(id) => format!("q:{id}"),
            Step::Review => "review".into(),
            Step::Results => "results".into(),
        }
    }

    /// Parses [`Step::to_key`], accepting only questions of `catalog`.
    pub fn from_key(key: &str, catalog: &Catalog) -> Option<Step> {
        match key {
            "welcome" => Some(Step::Welcome),
            "review" => Some(Step::Review),
            "results" => Some(Step::Results),
            _ => {
                let id = key.strip_prefix("q:")?;
                catalog.question(id).map(|_| Step::Question(id.to_string()))
            }
        }
    }
}

impl Step {
    /// The step a patient with `answers` can be at: `self`, unless it is a question that
    /// comes after a visible required question still without a valid answer (then that
    /// question), or a question the answers hide (then the first such question, or the
    /// review when nothing is missing). Next never passes an unanswered question, so this
    /// only changes a step saved by a build that asked the questions in another order: saved
    /// progress from before `warning_signs` moved forward resumes at `warning_signs` instead
    /// of silently skipping it.
    pub fn reachable(self, catalog: &Catalog, answers: &Answers) -> Step {
        let Step::Question(id) = &self else {
            return self;
        };
        let visible = visible_questions(catalog, answers);
        let position = |id: &str| visible.iter().position(|q| q.id == id);
        let first_missing = missing_required(catalog, answers)
            .first()
            .map(|q| q.id.clone());
        match (position(id), first_missing) {
            (Some(at), Some(missing)) if position(&missing) < Some(at) => Step::Question(missing),
            (Some(_), _) => self,
            (None, Some(missing)) => Step::Question(missing),
            (None, None) => Step::Review,
        }
    }
}

/// A one-off message shown above the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A share link could not be read; the consultation starts fresh.
    ShareLinkBroken,
    /// Saved progress could not be read; the consultation starts fresh.
    SavedProgressUnreadable,
    /// Saved progress was restored.
    Resumed,
    /// The patient's answers were deleted.
    AnswersCleared,
}

/// What is wrong with the current question's answer, shown inline on Next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    /// No answer was given.
    Missing,
    /// The answer does not fit the question (e.g. a number out of range).
    Invalid,
}

/// Everything the widget shows derives from this.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsultState {
    /// The catalog in use.
    pub catalog: SharedCatalog,
    /// Every answer given, including ones a later change of branch has hidden.
    pub answers: Answers,
    /// The current step.
    pub step: Step,
    /// The display language.
    pub lang: String,
    /// A notice to show, if any.
    pub notice: Option<Notice>,
    /// A problem with the current answer, shown after Next.
    pub problem: Option<AnswerProblem>,
    /// Set when a question was opened from the review screen: Next returns there.
    pub editing_from_review: bool,
    /// The treatment plan's start date as typed (`None`: the default, next Monday).
    pub plan_start: Option<String>,
    /// Suggested procedures whose place in the plan the patient flipped (by default the
    /// plan holds the catalog's default choice, see [`ConsultState::plan_selection`]).
    pub plan_toggled: Vec<String>,
    /// Kiosk mode: "Are you still there?" is showing (see [`Action::Idle`]).
    pub idle_warning: bool,
    /// Kiosk mode: on or off, and the staff exit's lock. Survives the wipes between patients.
    pub kiosk: KioskState,
}

/// A catalog shared by reference and compared by identity: a consultation's catalog (the
/// built-in one, or the clinic's with its reviewed overrides) is built once at start-up and
/// never changed, so comparing states and props (as yew does on every render) never walks it,
/// and the catalog's field-by-field comparison is not compiled into the bundle.
#[derive(Debug, Clone)]
pub struct SharedCatalog(pub Rc<Catalog>);

impl PartialEq for SharedCatalog {
    fn eq(&self, other: &SharedCatalog) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedCatalog {
    type Target = Catalog;

    fn deref(&self) -> &Catalog {
        &self.0
    }
}

impl From<Rc<Catalog>> for SharedCatalog {
    fn from(catalog: Rc<Catalog>) -> SharedCatalog {
        SharedCatalog(catalog)
    }
}

/// Everything that can change the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the welcome screen for the first question.
    Start,
    /// Set (or with `None`, clear) the answer to a question.
    SetAnswer(String, Option<Answer>),
    /// Toggle one option of a multiple-choice question.
    ToggleOption(String, String),
    /// Go forward, if the current answer allows.
    Next,
    /// Go back one step.
    Back,
    /// Open a question from the review screen.
    Edit(String),
    /// Show the review of all answers.
    Review,
    /// Show the results.
    SeeResults,
    /// Back to the welcome screen, keeping the answers.
    StartOver,
    /// Forget every answer.
    ClearAnswers,
    /// Hide the notice.
    DismissNotice,
    /// Change the display language; answers and step stay.
    SetLang(String),
    /// Set the plan's start date (`None`: back to the default).
    SetPlanStart(Option<String>),
    /// Include or leave out a procedure from the plan.
    TogglePlanProcedure(String),
    /// Kiosk mode: nobody touched the screen for a while. Asks "Are you still there?" when
    /// the state holds anything of a patient's; otherwise just puts the welcome screen back
    /// in the clinic's language (given).
    Idle(String),
    /// Kiosk mode: someone touched the screen; hides "Are you still there?" if shown.
    StillHere,
    /// Kiosk mode: forget everything (answers, plan choices, language, notices) and show the
    /// welcome screen in the clinic's language (given), for the next patient.
    Wipe(String),
    /// Kiosk mode: a wrong staff-exit code was typed at this time (ms since the epoch).
    StaffCodeRefused(f64),
    /// Staff leave kiosk mode: a [`Action::Wipe`] and kiosk mode off.
    LeaveKiosk(String),
}

impl ConsultState {
    /// A fresh consultation.
    pub fn new(catalog: impl Into<SharedCatalog>, lang: String) -> ConsultState {
        ConsultState {
            catalog: catalog.into(),
            answers: Answers::new(),
            step: Step::Welcome,
            lang,
            notice: None,
            problem: None,
            editing_from_review: false,
            plan_start: None,
            plan_toggled: Vec::new(),
            idle_warning: false,
            kiosk: KioskState::default(),
        }
    }

    /// This state with kiosk mode on (`true`) or off, as the clinic's configuration says.
    pub fn in_kiosk(self, active: bool) -> ConsultState {
        ConsultState {
            kiosk: KioskState::new(active),
            ..self
        }
    }

    /// A fresh consultation in `lang` for the next patient, in the same kiosk mode.
    fn next_patient(&self, lang: String) -> ConsultState {
        ConsultState {
            kiosk: self.kiosk,
            ..ConsultState::new(self.catalog.clone(), lang)
        }
    }

    /// Whether anything of a patient's is in the state: an answer, a step past the welcome
    /// screen or a plan choice.
    pub fn holds_patient_data(&self) -> bool {
        !self.answers.is_empty()
            || self.step != Step::Welcome
            || self.plan_start.is_some()
            || !self.plan_toggled.is_empty()
    }

    /// Whether the widget is as a new patient finds it in `default_lang`: nothing of a patient's
    /// ([`Self::holds_patient_data`]), the clinic's language and no notice. Kiosk mode resets
    /// to this when idle, and takes a new version only from it.
    pub fn is_fresh(&self, default_lang: &str) -> bool {
        !self.holds_patient_data() && self.lang == default_lang && self.notice.is_none()
    }

    /// The suggested procedures (`suggested`: ids, best first) in the plan: the best-ranked
    /// choice of each group of alternatives, at most the catalog's `default_plan_size`, with
    /// the patient's additions and removals.
    pub fn plan_selection<'a>(&self, suggested: &[&'a str]) -> Vec<&'a str> {
        super::outcome::plan_selection(&self.catalog, &self.plan_toggled, suggested)
    }

    /// The plan's start date: the one chosen if it reads as a date, else the next Monday
    /// after `today`. `Err` carries the text that is not a date.
    pub fn plan_start_date(&self, today: Date) -> Result<Date, String> {
        match &self.plan_start {
            None => Ok(Date::next_monday(today)),
            Some(text) => Date::parse_iso(text).map_err(|_| text.clone()),
        }
    }

    /// The answers that count: those of visible questions, with valid values.
    pub fn effective_answers(&self) -> Answers {
        effective_answers(&self.catalog, &self.answers)
    }

    /// The questions shown for the current answers, in order.
    pub fn visible_questions(&self) -> Vec<&Question> {
        visible_questions(&self.catalog, &self.answers)
    }

    /// "Question `n` of `total`" for the current step, counting only visible questions.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let Step::Question(id) = &self.step else {
            return None;
        };
        let visible = self.visible_questions();
        let index = visible.iter().position(|q| &q.id == id)?;
        Some((index + 1, visible.len()))
    }

    fn with_step(&self, step: Step) -> ConsultState {
        ConsultState {
            step,
            problem: None,
            notice: None,
            ..self.clone()
        }
    }

    fn answer_problem(&self, question: &Question) -> Option<AnswerProblem> {
        match self.answers.get(&question.id) {
            None if question.required => Some(AnswerProblem::Missing),
            None => None,
            Some(answer) => check_answer(question, answer)
                .err()
                .map(|_| AnswerProblem::Invalid),
        }
    }

    fn next(&self, current: &str) -> ConsultState {
        let Some(question) = self.catalog.question(current) else {
            return self.with_step(Step::Review);
        };
        if let Some(problem) = self.answer_problem(question) {
            return ConsultState {
                problem: Some(problem),
                ..self.clone()
            };
        }
        let visible = self.visible_questions();
        let following = if self.editing_from_review {
            visible
                .iter()
                .find(|q| self.answer_problem(q).is_some())
                .copied()
        } else {
            visible
                .iter()
                .skip_while(|q| q.id != current)
                .nth(1)
                .copied()
        };
        match following {
            Some(q) => self.with_step(Step::Question(q.id.clone())),
            None => ConsultState {
                editing_from_review: false,
                ..self.with_step(Step::Review)
            },
        }
    }

    fn back(&self) -> ConsultState {
        let step = match &self.step {
            Step::Welcome => Step::Welcome,
            Step::Question(id) => {
                let visible = self.visible_questions();
                match visible.iter().position(|q| &q.id == id) {
                    Some(0) | None => Step::Welcome,
                    Some(i) => Step::Question(visible[i - 1].id.clone()),
                }
            }
            Step::Review | Step::Results => match self.visible_questions().last() {
                Some(q) => Step::Question(q.id.clone()),
                None => Step::Welcome,
            },
        };
        ConsultState {
            editing_from_review: false,
            ..self.with_step(step)
        }
    }
}

/// The new selection of a multiple-choice question after toggling `option`:
/// an exclusive option ("none of these") clears the others, and any other clears it.
pub fn toggle_option(
    question: &Question,
    current: Option<&Answer>,
    option: &str,
) -> Option<Answer> {
    let mut chosen: Vec<String> = match current {
        Some(Answer::Choices(ids)) => ids.clone(),
        _ => Vec::new(),
    };
    let exclusive = |id: &str| question.options.iter().any(|o| o.id == id && o.exclusive);
    if let Some(i) = chosen.iter().position(|id| id == option) {
        chosen.remove(i);
    } else if exclusive(option) {
        chosen = vec![option.to_string()];
    } else {
        chosen.retain(|id| !exclusive(id));
        chosen.push(option.to_string());
    }
    // Keep catalog order so equal selections encode identically.
    skin_consult_engine::order::sort_by_key(&mut chosen, |id| {
        question.options.iter().position(|o| &o.id == id)
    });
    (!chosen.is_empty()).then_some(Answer::Choices(chosen))
}

impl Reducible for ConsultState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Start => match self.visible_questions().first() {
                Some(q) => self.with_step(Step::Question(q.id.clone())),
                None => self.with_step(Step::Review),
            },
            Action::SetAnswer(id, answer) => {
                let mut state = (*self).clone();
                match answer {
                    Some(answer) => state.answers.insert(id, answer),
                    None => state.answers.remove(&id),
                };
                state.problem = None;
                state
            }
            Action::ToggleOption(id, option) => {
                let Some(question) = self.catalog.question(&id) else {
                    return self;
                };
                if question.kind != QuestionKind::MultiChoice {
                    return self;
                }
                let answer = toggle_option(question, self.answers.get(&id), &option);
                return self.reduce(Action::SetAnswer(id, answer));
            }
            Action::Next => match &self.step {
                Step::Welcome => return self.reduce(Action::Start),
                Step::Question(id) => self.next(id),
                Step::Review => self.with_step(Step::Results),
                Step::Results => return self,
            },
            Action::Back => self.back(),
            Action::Edit(id) => ConsultState {
                editing_from_review: true,
                ..self.with_step(Step::Question(id))
            },
            Action::Review => self.with_step(Step::Review),
            Action::SeeResults => self.with_step(Step::Results),
            Action::StartOver => ConsultState {
                editing_from_review: false,
                ..self.with_step(Step::Welcome)
            },
            Action::ClearAnswers => ConsultState {
                notice: Some(Notice::AnswersCleared),
                ..self.next_patient(self.lang.clone())
            },
            Action::DismissNotice => ConsultState {
                notice: None,
                ..(*self).clone()
            },
            Action::SetLang(lang) => ConsultState {
                lang,
                ..(*self).clone()
            },
            Action::SetPlanStart(start) => ConsultState {
                plan_start: start,
                ..(*self).clone()
            },
            Action::TogglePlanProcedure(id) => {
                let mut state = (*self).clone();
                match state.plan_toggled.iter().position(|s| *s == id) {
                    Some(i) => {
                        state.plan_toggled.remove(i);
                    }
                    None => state.plan_toggled.push(id),
                }
                state
            }
            Action::Idle(_) if self.holds_patient_data() => ConsultState {
                idle_warning: true,
                ..(*self).clone()
            },
            Action::Idle(lang) if !self.is_fresh(&lang) => self.next_patient(lang),
            Action::Idle(_) => return self,
            Action::StillHere if self.idle_warning => ConsultState {
                idle_warning: false,
                ..(*self).clone()
            },
            Action::StillHere => return self,
            Action::Wipe(lang) => self.next_patient(lang),
            Action::StaffCodeRefused(now_ms) => ConsultState {
                kiosk: self.kiosk.after_wrong_code(now_ms),
                ..(*self).clone()
            },
            Action::LeaveKiosk(lang) => ConsultState::new(self.catalog.clone(), lang),
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod kiosk_tests {
    use super::*;
    use skin_consult_engine::builtin_catalog;

    /// A fresh state of the one catalog every state of these tests shares (states are
    /// compared with the catalog by identity, as in the widget).
    fn fresh() -> Rc<ConsultState> {
        thread_local! {
            static CATALOG: Rc<Catalog> = Rc::new(builtin_catalog());
        }
        Rc::new(ConsultState::new(CATALOG.with(Rc::clone), "en".into()))
    }

    fn patient() -> Rc<ConsultState> {
        let state = fresh().reduce(Action::Start);
        let Step::Question(id) = state.step.clone() else {
            panic!("Start leads to a question");
        };
        state
            .reduce(Action::SetAnswer(id, Some(Answer::Number(30))))
            .reduce(Action::SetLang("tr".into()))
            .reduce(Action::TogglePlanProcedure("hydrafacial".into()))
            .reduce(Action::SetPlanStart(Some("2026-12-07".into())))
    }

    #[test]
    fn idle_with_a_patient_asks_and_a_touch_dismisses() {
        let asked = patient().reduce(Action::Idle("en".into()));
        assert!(asked.idle_warning);
        assert_eq!(asked.answers, patient().answers, "asking keeps the answers");
        let back = asked.reduce(Action::StillHere);
        assert!(!back.idle_warning);
        assert_eq!(*back, *patient());
    }

    #[test]
    fn idle_on_a_fresh_welcome_screen_changes_nothing_or_only_the_language() {
        let state = fresh();
        assert!(Rc::ptr_eq(
            &state,
            &state.clone().reduce(Action::Idle("en".into()))
        ));
        let turkish = fresh().reduce(Action::SetLang("tr".into()));
        let reset = turkish.reduce(Action::Idle("en".into()));
        assert!(!reset.idle_warning);
        assert_eq!(*reset, *fresh());
        let untouched = fresh();
        assert!(Rc::ptr_eq(
            &untouched,
            &untouched.clone().reduce(Action::StillHere)
        ));
    }

    #[test]
    fn fresh_means_nothing_of_a_patient_in_the_clinic_language() {
        assert!(fresh().is_fresh("en"));
        assert!(!fresh().is_fresh("tr"));
        assert!(!fresh().reduce(Action::SetLang("tr".into())).is_fresh("en"));
        assert!(!patient().is_fresh("en"));
        assert!(!patient().is_fresh("tr"));
        let with_notice = ConsultState {
            notice: Some(Notice::SavedProgressUnreadable),
            ..(*fresh()).clone()
        };
        assert!(!with_notice.is_fresh("en"));
    }

    #[test]
    fn wipe_forgets_everything_of_the_patient() {
        let wiped = patient()
            .reduce(Action::Idle("en".into()))
            .reduce(Action::Wipe("en".into()));
        assert_eq!(*wiped, *fresh());
        assert!(!wiped.holds_patient_data());
        assert!(patient().holds_patient_data());
    }

    #[test]
    fn the_next_patient_inherits_kiosk_mode_and_its_lock_but_leaving_ends_both() {
        let now = 5_000_000.0;
        let mut kiosk = Rc::new((*patient()).clone().in_kiosk(true));
        for _ in 0..crate::app::kiosk::MAX_WRONG_CODES {
            kiosk = kiosk.reduce(Action::StaffCodeRefused(now));
        }
        assert!(kiosk.kiosk.locked_at(now));
        for action in [
            Action::Wipe("en".into()),
            Action::ClearAnswers,
            Action::Idle("tr".into()),
        ] {
            let next = kiosk.clone().reduce(action.clone());
            assert!(next.kiosk.active, "{action:?}");
            assert!(next.kiosk.locked_at(now), "{action:?}");
        }
        let wiped = kiosk.clone().reduce(Action::Wipe("en".into()));
        assert!(!wiped.holds_patient_data());
        let left = kiosk.reduce(Action::LeaveKiosk("en".into()));
        assert!(!left.kiosk.active);
        assert!(!left.kiosk.locked_at(now));
        assert!(!left.holds_patient_data());
        assert_eq!(*left, *fresh());
    }
}
