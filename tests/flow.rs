//! Native tests of the consultation flow: the reducer and the start-up decisions, driven with
//! the built-in catalog exactly as the components drive them.

use std::rc::Rc;

use skin_consult::app::persist;
use skin_consult::app::share;
use skin_consult::app::startup::initial_state;
use skin_consult::app::state::{Action, AnswerProblem, ConsultState, Notice, Step};
use skin_consult_engine::{builtin_catalog, Answer, Question, QuestionKind};
use yew::Reducible;

mod common;
use common::{harmless, number_question};

fn fresh() -> Rc<ConsultState> {
    Rc::new(ConsultState::new(Rc::new(builtin_catalog()), "en".into()))
}

fn apply(state: Rc<ConsultState>, actions: impl IntoIterator<Item = Action>) -> Rc<ConsultState> {
    actions
        .into_iter()
        .fold(state, |state, action| state.reduce(action))
}

fn current_question(state: &ConsultState) -> Question {
    match &state.step {
        Step::Question(id) => state.catalog.question(id).unwrap().clone(),
        other => panic!("expected a question, got {other:?}"),
    }
}

/// Answers every question harmlessly until the review screen, checking progress on the way.
fn walk_to_review(mut state: Rc<ConsultState>) -> Rc<ConsultState> {
    state = state.reduce(Action::Start);
    let mut seen = 0;
    while let Step::Question(_) = state.step {
        let question = current_question(&state);
        seen += 1;
        let (n, total) = state.progress().unwrap();
        assert_eq!(n, seen, "progress counts visible questions in order");
        assert!(n <= total);
        state = apply(
            state,
            [
                Action::SetAnswer(question.id.clone(), Some(harmless(&question))),
                Action::Next,
            ],
        );
        assert!(seen <= state.catalog.questions.len(), "the walk never ends");
    }
    assert_eq!(state.step, Step::Review);
    assert_eq!(seen, state.visible_questions().len());
    state
}

#[test]
fn start_opens_the_first_question_and_back_returns_to_welcome() {
    let state = fresh().reduce(Action::Start);
    assert_eq!(
        state.step,
        Step::Question(state.catalog.questions[0].id.clone())
    );
    assert_eq!(state.progress().unwrap().0, 1);
    assert_eq!(state.reduce(Action::Back).step, Step::Welcome);
}

#[test]
fn next_without_a_required_answer_stays_and_says_why() {
    let state = fresh().reduce(Action::Start);
    let question = current_question(&state);
    assert!(question.required);
    let after = state.clone().reduce(Action::Next);
    assert_eq!(after.step, state.step);
    assert_eq!(after.problem, Some(AnswerProblem::Missing));
    // Answering clears the message.
    let answered = after.reduce(Action::SetAnswer(
        question.id.clone(),
        Some(harmless(&question)),
    ));
    assert_eq!(answered.problem, None);
}

#[test]
fn an_out_of_range_number_is_refused() {
    let catalog = builtin_catalog();
    let (id, _, max) = number_question(&catalog);
    let state = apply(
        fresh(),
        [
            Action::Edit(id.clone()),
            Action::SetAnswer(id.clone(), Some(Answer::Number(max + 1))),
            Action::Next,
        ],
    );
    assert_eq!(state.step, Step::Question(id));
    assert_eq!(state.problem, Some(AnswerProblem::Invalid));
}

#[test]
fn a_full_walk_reaches_review_then_results_and_back_goes_to_the_last_question() {
    let state = walk_to_review(fresh());
    let last = state.visible_questions().last().unwrap().id.clone();
    assert_eq!(
        state.clone().reduce(Action::Back).step,
        Step::Question(last)
    );
    assert_eq!(state.reduce(Action::SeeResults).step, Step::Results);
}

#[test]
fn editing_from_review_returns_to_review() {
    let state = walk_to_review(fresh());
    let first = state.visible_questions()[0].clone();
    let editing = state.reduce(Action::Edit(first.id.clone()));
    assert_eq!(editing.step, Step::Question(first.id.clone()));
    let back = editing.reduce(Action::Next);
    assert_eq!(back.step, Step::Review);
    assert!(!back.editing_from_review);
}

#[test]
fn changing_an_answer_that_reveals_a_question_leads_there_from_review() {
    let state = walk_to_review(fresh());
    // Find a hidden question and an answer to an earlier one that reveals it.
    let catalog = state.catalog.clone();
    let visible: Vec<String> = state
        .visible_questions()
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let revealing = catalog
        .questions
        .iter()
        .filter(|q| !visible.contains(&q.id))
        .find_map(|hidden| {
            catalog
                .questions
                .iter()
                .filter(|q| visible.contains(&q.id))
                .find_map(|q| {
                    let candidates: Vec<Answer> = match &q.kind {
                        QuestionKind::SingleChoice => q
                            .options
                            .iter()
                            .map(|o| Answer::Choice(o.id.clone()))
                            .collect(),
                        QuestionKind::MultiChoice => q
                            .options
                            .iter()
                            .map(|o| Answer::Choices(vec![o.id.clone()]))
                            .collect(),
                        QuestionKind::YesNo => vec![Answer::YesNo(true)],
                        QuestionKind::Number { .. } => vec![],
                    };
                    candidates.into_iter().find_map(|answer| {
                        let mut answers = state.answers.clone();
                        answers.insert(q.id.clone(), answer.clone());
                        let now_visible =
                            skin_consult_engine::visible_questions(&catalog, &answers);
                        now_visible
                            .iter()
                            .any(|v| v.id == hidden.id)
                            .then(|| (q.id.clone(), answer, hidden.id.clone()))
                    })
                })
        });
    let (question, answer, hidden) = revealing.expect("the catalog branches somewhere");
    let state = apply(
        state,
        [
            Action::Edit(question.clone()),
            Action::SetAnswer(question, Some(answer)),
            Action::Next,
        ],
    );
    let state = match &state.step {
        Step::Question(id) if *id == hidden => state,
        Step::Question(_) => {
            // Another newly relevant question came first; answer until the revealed one.
            let mut state = state;
            while !matches!(&state.step, Step::Question(id) if *id == hidden) {
                let q = current_question(&state);
                state = apply(
                    state,
                    [
                        Action::SetAnswer(q.id.clone(), Some(harmless(&q))),
                        Action::Next,
                    ],
                );
            }
            state
        }
        other => panic!("expected the revealed question {hidden}, got {other:?}"),
    };
    assert_eq!(state.problem, None);
}

#[test]
fn exclusive_options_clear_the_others_and_vice_versa() {
    let catalog = builtin_catalog();
    let question = catalog
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::MultiChoice && q.options.iter().any(|o| o.exclusive))
        .expect("a multiple-choice question with a 'none' option");
    let exclusive = question
        .options
        .iter()
        .find(|o| o.exclusive)
        .unwrap()
        .id
        .clone();
    let others: Vec<String> = question
        .options
        .iter()
        .filter(|o| !o.exclusive)
        .map(|o| o.id.clone())
        .take(2)
        .collect();
    let id = question.id.clone();
    let toggle = |o: &str| Action::ToggleOption(id.clone(), o.to_string());
    let state = apply(fresh(), [toggle(&others[1]), toggle(&others[0])]);
    // Stored in catalog order, whatever the click order.
    assert_eq!(
        state.answers.get(&id),
        Some(&Answer::Choices(others.clone()))
    );
    let state = state.reduce(toggle(&exclusive));
    assert_eq!(
        state.answers.get(&id),
        Some(&Answer::Choices(vec![exclusive.clone()]))
    );
    let state = state.reduce(toggle(&others[0]));
    assert_eq!(
        state.answers.get(&id),
        Some(&Answer::Choices(vec![others[0].clone()]))
    );
    let state = state.reduce(toggle(&others[0]));
    assert_eq!(
        state.answers.get(&id),
        None,
        "unticking the last option clears the answer"
    );
}

#[test]
fn clearing_forgets_everything_and_language_switch_keeps_everything() {
    let state = walk_to_review(fresh());
    let switched = state.clone().reduce(Action::SetLang("tr".into()));
    assert_eq!(
        (switched.lang.as_str(), &switched.step, &switched.answers),
        ("tr", &state.step, &state.answers)
    );
    let cleared = switched.reduce(Action::ClearAnswers);
    assert!(cleared.answers.is_empty());
    assert_eq!(cleared.step, Step::Welcome);
    assert_eq!(cleared.notice, Some(Notice::AnswersCleared));
    assert_eq!(cleared.lang, "tr");
}

#[test]
fn start_up_prefers_a_share_link_then_saved_progress() {
    let reviewed = walk_to_review(fresh());
    let catalog = reviewed.catalog.clone();
    let link = format!(
        "#{}",
        share::encode(&catalog, &reviewed.effective_answers())
    );
    let saved = persist::save(&catalog, &reviewed.answers, &reviewed.step);
    let start = |fragment: Option<&str>, stored: Option<&str>| {
        initial_state(catalog.clone(), "en".into(), fragment, stored)
    };

    let from_link = start(Some(&link), Some(&saved));
    assert_eq!(
        (from_link.step.clone(), from_link.notice),
        (Step::Results, None)
    );
    assert_eq!(from_link.answers, reviewed.effective_answers());

    let resumed = start(None, Some(&saved));
    assert_eq!(
        (resumed.step.clone(), resumed.notice),
        (Step::Review, Some(Notice::Resumed))
    );
    assert_eq!(resumed.answers, reviewed.answers);

    let host_anchor = start(Some("#contact"), Some(&saved));
    assert_eq!(
        host_anchor.step,
        Step::Review,
        "a host page's own anchor is not a share link"
    );

    let tampered = start(Some(&link.replace("=n", "=y")), Some(&saved));
    assert_eq!(
        (tampered.step.clone(), tampered.notice),
        (Step::Welcome, Some(Notice::ShareLinkBroken))
    );
    assert_eq!(
        tampered.answers, reviewed.answers,
        "a broken link loses no saved answer"
    );

    let truncated = start(Some(&link[..link.len() - 4]), None);
    assert_eq!(truncated.notice, Some(Notice::ShareLinkBroken));

    for corrupt in [
        "{\"v\":1",
        "garbage",
        "{\"v\":2,\"answers\":\"\",\"step\":\"review\"}",
    ] {
        let state = start(None, Some(corrupt));
        assert_eq!(
            (state.step.clone(), state.notice),
            (Step::Welcome, Some(Notice::SavedProgressUnreadable)),
            "{corrupt}"
        );
    }

    let nothing = start(None, None);
    assert_eq!((nothing.step, nothing.notice), (Step::Welcome, None));
}

#[test]
fn the_plan_holds_one_of_each_alternative_and_at_most_three_until_the_patient_changes_it() {
    // A ranking as `assess` might give it: the facial and the HydraFacial are alternatives.
    let ranked = [
        "hydrafacial",
        "medical-skin-care",
        "chemical-peel",
        "retinoid-home-care",
        "botulinum-toxin",
    ];
    let state = fresh();
    assert_eq!(
        state.plan_selection(&ranked),
        ["hydrafacial", "chemical-peel", "retinoid-home-care"]
    );
    let state = apply(
        state,
        [
            Action::TogglePlanProcedure("chemical-peel".into()),
            Action::TogglePlanProcedure("medical-skin-care".into()),
        ],
    );
    // Picked deliberately, both alternatives are in (the scheduler spaces them).
    assert_eq!(
        state.plan_selection(&ranked),
        ["hydrafacial", "medical-skin-care", "retinoid-home-care"]
    );
    let state = state.reduce(Action::TogglePlanProcedure("chemical-peel".into()));
    assert!(state.plan_selection(&ranked).contains(&"chemical-peel"));
}

#[test]
fn the_plan_starts_next_monday_unless_a_valid_date_is_chosen() {
    use skin_consult_engine::Date;
    let today = Date::from_ymd(2026, 11, 23).unwrap(); // a Monday
    let state = fresh();
    assert_eq!(
        state.plan_start_date(today),
        Ok(Date::from_ymd(2026, 11, 30).unwrap())
    );
    let chosen = state
        .clone()
        .reduce(Action::SetPlanStart(Some("2026-12-10".into())));
    assert_eq!(
        chosen.plan_start_date(today),
        Ok(Date::from_ymd(2026, 12, 10).unwrap())
    );
    let typo = state.reduce(Action::SetPlanStart(Some("2026-02-30".into())));
    assert_eq!(typo.plan_start_date(today), Err("2026-02-30".to_string()));
}

#[test]
fn contact_messages_name_only_the_chosen_treatments() {
    use skin_consult::components::booking::contact_text;
    let text = contact_text("en", &["Chemical peel".into(), "HydraFacial".into()]);
    assert_eq!(
        text,
        "Hello, I would like to book a consultation about: Chemical peel, HydraFacial."
    );
    assert_eq!(
        contact_text("tr", &[]),
        "Merhaba, cilt muayenesi için randevu almak istiyorum."
    );
}

/// Natively (tests and tools) capitals follow the language too; the browser test checks the
/// same cases against the browser's mapping.
#[test]
fn capitalisation_follows_the_language() {
    for (text, lang, expected) in common::CAPITALISATION {
        assert_eq!(
            skin_consult::i18n::capitalize_first(text, lang),
            expected,
            "{text} in {lang}"
        );
    }
}

/// The reducer follows the engine's early end: a warning sign ticked on the fifth screen
/// leads straight to the review (and the referral); Back and un-ticking it, or changing it
/// from the review, bring the remaining questions back.
#[test]
fn an_early_warning_sign_ends_the_questionnaire_and_untick_resumes_it() {
    let choices = |ids: &[&str]| Some(Answer::Choices(ids.iter().map(|s| s.to_string()).collect()));
    let mut state = fresh().reduce(Action::Start);
    let mut asked = Vec::new();
    while current_question(&state).id != "warning_signs" {
        let question = current_question(&state);
        asked.push(question.id.clone());
        state = apply(
            state,
            [
                Action::SetAnswer(question.id.clone(), Some(harmless(&question))),
                Action::Next,
            ],
        );
    }
    assert_eq!(asked, ["age", "skin_type", "concerns"]);
    // One harmless concern: no conditional question (acne, expression lines, main concern).
    let total = state
        .catalog
        .questions
        .iter()
        .filter(|q| q.show_if.is_none())
        .count();
    assert_eq!(state.progress(), Some((4, total)));

    let flagged = state.reduce(Action::ToggleOption(
        "warning_signs".into(),
        "injection_reaction".into(),
    ));
    assert_eq!(
        flagged.progress(),
        Some((4, 4)),
        "the count follows at once"
    );
    let review = flagged.clone().reduce(Action::Next);
    assert_eq!(review.step, Step::Review);
    assert_eq!(review.visible_questions().len(), 4);
    assert!(matches!(
        skin_consult_engine::assess(&review.catalog, &review.answers),
        skin_consult_engine::Assessment::Referral(_)
    ));

    // Back, un-tick: the questionnaire goes on with the next question.
    let back = review.clone().reduce(Action::Back);
    assert_eq!(back.step, Step::Question("warning_signs".into()));
    let resumed = apply(
        back,
        [
            Action::SetAnswer("warning_signs".into(), choices(&["none"])),
            Action::Next,
        ],
    );
    assert_eq!(resumed.step, Step::Question("makeup".into()));
    assert_eq!(resumed.progress(), Some((5, total)));

    // From the review: change the answer, and every question still to answer comes in turn.
    let mut state = apply(
        review,
        [
            Action::Edit("warning_signs".into()),
            Action::SetAnswer("warning_signs".into(), choices(&["none"])),
            Action::Next,
        ],
    );
    let mut rest = Vec::new();
    while let Step::Question(id) = state.step.clone() {
        rest.push(id);
        let question = current_question(&state);
        state = apply(
            state,
            [
                Action::SetAnswer(question.id.clone(), Some(harmless(&question))),
                Action::Next,
            ],
        );
    }
    assert_eq!(state.step, Step::Review);
    assert_eq!(rest.len(), total - 4);
    assert_eq!(rest[0], "makeup");
}

#[test]
fn the_outcome_dates_the_plan_once_or_says_why_not() {
    use skin_consult::app::outcome::{Outcome, PlanDates, PlanProblem};
    use skin_consult::config::Config;
    use skin_consult_engine::Date;
    let catalog = builtin_catalog();
    let config = Config::default();
    let today = Date::from_ymd(2026, 11, 23).unwrap();
    let monday = Date::from_ymd(2026, 11, 30).unwrap();
    let derive = |toggled: &[String], start: Result<Date, String>| {
        let dates = PlanDates { start, today };
        Outcome::derive(
            &catalog,
            &config,
            common::typical_patient(),
            toggled,
            &dates,
        )
    };

    let outcome = derive(&[], Ok(monday));
    let plan = outcome
        .dated_plan
        .as_ref()
        .expect("the default plan is dated");
    assert_eq!(plan.start, monday);
    let dated: Vec<&str> = plan
        .sessions
        .iter()
        .map(|s| s.procedure_id.as_str())
        .collect();
    assert!(!dated.is_empty());
    // Only what is in the plan gets dates.
    assert!(
        dated
            .iter()
            .all(|id| outcome.in_plan.iter().any(|p| p == id)),
        "{dated:?}"
    );

    let cases = [
        (Err("2026-02-30".to_string()), PlanProblem::StartNotADate),
        (
            Ok(Date::from_ymd(2026, 11, 22).unwrap()),
            PlanProblem::StartInPast,
        ),
    ];
    for (start, problem) in cases {
        assert_eq!(derive(&[], start).dated_plan.err(), Some(problem));
    }
    let nothing = derive(&outcome.in_plan, Ok(monday));
    assert!(nothing.in_plan.is_empty());
    assert_eq!(nothing.dated_plan.err(), Some(PlanProblem::NothingSelected));
}
