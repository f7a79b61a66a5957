//! The questionnaire ends early once a red flag is raised.
//!
//! `warning_signs` (which 8 of the 9 red flags read) is asked right after the concern
//! questions; once the answers so far raise a red flag, no further question is asked and the
//! outcome is the referral. Only the order of the questions changed: the tests below compare
//! the engine with the full questionnaire (every question whose `show_if` holds, as before)
//! and check that the same red flags are raised for every answer set, so no clinical rule was
//! added or lost.

use proptest::prelude::*;
use skin_consult_engine::{
    assess, check_answer, effective_answers, ended_by_red_flag, missing_required,
    visible_questions, Answer, Answers, Assessment, Catalog, Condition,
};
use std::sync::OnceLock;

mod common;
use common::{answers, build, catalog};

fn choices(xs: &[&str]) -> Answer {
    Answer::Choices(xs.iter().map(|s| s.to_string()).collect())
}

fn ids(questions: &[&skin_consult_engine::Question]) -> Vec<String> {
    questions.iter().map(|q| q.id.clone()).collect()
}

/// The full questionnaire, without the early end: every question whose `show_if` holds on
/// the answers before it (what the engine did before `warning_signs` moved forward).
fn full_questionnaire(c: &Catalog, answers: &Answers) -> (Vec<String>, Answers) {
    let mut visible = Vec::new();
    let mut effective = Answers::new();
    for q in &c.questions {
        if !q.show_if.as_ref().is_none_or(|s| s.eval(&effective)) {
            continue;
        }
        visible.push(q.id.clone());
        if let Some(a) = answers.get(&q.id) {
            if check_answer(q, a).is_ok() {
                effective.insert(q.id.clone(), a.clone());
            }
        }
    }
    (visible, effective)
}

/// The red flags raised on `effective`, by id, in catalog order.
fn raised(c: &Catalog, effective: &Answers) -> Vec<String> {
    c.red_flags
        .iter()
        .filter(|f| f.when.eval(effective))
        .map(|f| f.id.clone())
        .collect()
}

/// The flags of a referral by id, in catalog order (empty for recommendations).
fn referral_flags(c: &Catalog, answers: &Answers) -> Vec<String> {
    match assess(c, answers) {
        Assessment::Referral(r) => c
            .red_flags
            .iter()
            .filter(|f| r.flags.iter().any(|t| t.id == f.id))
            .map(|f| f.id.clone())
            .collect(),
        Assessment::Recommendations(_) => Vec::new(),
    }
}

/// A patient with an answer to every question and no warning sign.
fn typical() -> Answers {
    Answers::new()
        .with("age", Answer::Number(28))
        .with("skin_type", Answer::Choice("combination".into()))
        .with(
            "concerns",
            choices(&["acne", "dullness", "expression_lines"]),
        )
        .with("acne_severity", Answer::Choice("mild".into()))
        .with("warning_signs", choices(&["none"]))
        .with("makeup", Answer::Choice("light_daily".into()))
        .with("facial_before", Answer::YesNo(false))
        .with("sun_burn", Answer::Choice("type_3".into()))
        .with("recent_tan", Answer::YesNo(false))
        .with("pregnant", Answer::YesNo(false))
        .with("isotretinoin", Answer::YesNo(false))
        .with("active_skin_problem", Answer::YesNo(false))
        .with("cold_sores", Answer::YesNo(false))
        .with("keloid", Answer::YesNo(false))
        .with("blood_thinners", Answer::YesNo(false))
        .with("neuromuscular", Answer::YesNo(false))
        .with("immune", Answer::YesNo(false))
        .with("allergies", choices(&["none"]))
        .with("retinoid_use", Answer::YesNo(false))
        .with("recent_procedures", choices(&["none"]))
        .with("toxin_recent", Answer::YesNo(false))
        .with("smoking", Answer::YesNo(false))
        .with("downtime", Answer::Choice("few_days".into()))
        .with("photosensitising", Answer::YesNo(false))
        .with("skin_conditions", choices(&["none"]))
}

/// The follow-up questions `typical` does not reach (each asked only when it matters).
const FOLLOW_UPS: [&str; 4] = [
    "isotretinoin_now",
    "koebner_active",
    "melasma_signs",
    "unchecked_spot",
];

#[test]
fn warning_signs_comes_right_after_the_concern_questions() {
    let c = catalog();
    let order = ids(&visible_questions(c, &Answers::new()));
    assert_eq!(
        order[..5],
        ["age", "skin_type", "concerns", "warning_signs", "makeup"]
    );
    let order = ids(&visible_questions(c, &typical()));
    assert_eq!(
        order[..6],
        [
            "age",
            "skin_type",
            "concerns",
            "acne_severity",
            "warning_signs",
            "makeup"
        ]
    );
    // Without a red flag every question is still asked: the whole catalog in catalog order,
    // the two branch questions included, but not the follow-ups that do not apply.
    assert_eq!(
        order,
        c.questions
            .iter()
            .map(|q| q.id.clone())
            .filter(|id| !FOLLOW_UPS.contains(&id.as_str()))
            .collect::<Vec<_>>()
    );
    assert!(!ended_by_red_flag(c, &typical()));
    assert!(missing_required(c, &typical()).is_empty());
}

/// Every warning sign that raises a flag, with that flag: the questionnaire ends right after
/// `warning_signs`, the later answers no longer count, and the referral is the same as the
/// full questionnaire gives.
#[test]
fn each_warning_sign_ends_the_questionnaire_with_its_referral() {
    let c = catalog();
    let table: &[(&str, &str)] = &[
        ("changing_mole", "changing_mole"),
        ("non_healing_sore", "non_healing_sore"),
        ("painful_nodules", "severe_acne"),
        ("hot_swollen_skin", "skin_infection"),
        ("fever_with_skin", "infection_with_fever"),
        ("eye_symptoms", "eye_symptoms"),
        ("injection_reaction", "injection_complication"),
        ("hormonal_acne", "hormonal_acne"),
        ("mood", "appearance_distress"),
        ("shingles_eye", "shingles_eye"),
        ("blistering_rash", "blistering_rash"),
        ("allergic_swelling", "allergic_swelling"),
        ("growing_brown_patch", "growing_brown_patch"),
        ("self_harm", "self_harm"),
    ];
    let warning = c.question("warning_signs").unwrap();
    let signs: Vec<&str> = warning
        .options
        .iter()
        .filter(|o| !o.exclusive)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(
        table.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        signs,
        "every warning sign is in the table"
    );
    for &(sign, flag) in table {
        let answers = typical().with("warning_signs", choices(&[sign]));
        let asked = ids(&visible_questions(c, &answers));
        assert_eq!(
            asked,
            [
                "age",
                "skin_type",
                "concerns",
                "acne_severity",
                "warning_signs"
            ],
            "{sign}"
        );
        assert!(ended_by_red_flag(c, &answers), "{sign}");
        assert!(missing_required(c, &answers).is_empty(), "{sign}: complete");
        assert_eq!(referral_flags(c, &answers), [flag], "{sign}");
        let effective = effective_answers(c, &answers);
        assert!(
            effective.get("makeup").is_none(),
            "{sign}: later answers drop"
        );
        // The same flag as the full questionnaire raises.
        assert_eq!(
            raised(c, &full_questionnaire(c, &answers).1),
            [flag],
            "{sign}"
        );

        // Without acne, one question fewer; the early questions alone are enough.
        let early = Answers::new()
            .with("age", Answer::Number(40))
            .with("skin_type", Answer::Choice("dry".into()))
            .with("concerns", choices(&["dullness"]))
            .with("warning_signs", choices(&[sign]));
        assert_eq!(
            ids(&visible_questions(c, &early)),
            ["age", "skin_type", "concerns", "warning_signs"],
            "{sign}"
        );
        assert!(missing_required(c, &early).is_empty(), "{sign}");
        assert_eq!(referral_flags(c, &early), [flag], "{sign}");

        // Un-ticking it brings every question back, with the answers given before.
        let unticked = answers.clone().with("warning_signs", choices(&["none"]));
        assert_eq!(
            visible_questions(c, &unticked).len(),
            c.questions.len() - FOLLOW_UPS.len()
        );
        assert!(!ended_by_red_flag(c, &unticked));
        assert_eq!(effective_answers(c, &unticked), typical());
        assert!(matches!(
            assess(c, &unticked),
            Assessment::Recommendations(_)
        ));
    }
}

/// Severe acne raises a flag before `warning_signs`, but `warning_signs` can still raise a
/// more urgent one (an injection complication is an emergency), so it is still asked; only
/// then does the questionnaire end.
#[test]
fn severe_acne_still_asks_the_warning_signs() {
    let c = catalog();
    let severe = Answers::new()
        .with("age", Answer::Number(19))
        .with("skin_type", Answer::Choice("oily".into()))
        .with("concerns", choices(&["acne"]))
        .with("acne_severity", Answer::Choice("severe".into()));
    assert!(!ended_by_red_flag(c, &severe));
    assert_eq!(
        ids(&missing_required(c, &severe))[0],
        "warning_signs",
        "asked next"
    );
    for (signs, flags) in [
        (&["none"][..], &["severe_acne"][..]),
        (
            &["injection_reaction"][..],
            &["injection_complication", "severe_acne"][..],
        ),
    ] {
        let answers = severe.clone().with("warning_signs", choices(signs));
        assert!(ended_by_red_flag(c, &answers));
        assert_eq!(
            ids(&visible_questions(c, &answers)),
            [
                "age",
                "skin_type",
                "concerns",
                "acne_severity",
                "warning_signs"
            ]
        );
        assert_eq!(referral_flags(c, &answers), flags);
    }
    // The most urgent flag comes first.
    let both = severe.with("warning_signs", choices(&["injection_reaction"]));
    let Assessment::Referral(r) = assess(c, &both) else {
        panic!("a referral");
    };
    assert_eq!(r.flags[0].id, "injection_complication");
}

/// A patient answering one question per screen, as the widget asks them: the next question
/// is the first visible one after the current, given the answers so far. Returns the
/// questions asked and, for each, whether the questionnaire had ended before it was asked.
fn walk_as_a_patient(c: &Catalog, all: &Answers) -> Vec<(String, bool)> {
    let mut given = Answers::new();
    let mut asked: Vec<(String, bool)> = Vec::new();
    loop {
        let visible = visible_questions(c, &given);
        let next = match asked.last() {
            None => visible.first(),
            Some((current, _)) => visible.iter().skip_while(|q| &q.id != current).nth(1),
        };
        let Some(q) = next else { break };
        asked.push((q.id.clone(), ended_by_red_flag(c, &given)));
        if let Some(a) = all.get(&q.id) {
            given.insert(q.id.clone(), a.clone());
        }
    }
    asked
}

/// The early end exactly as documented on `ended_by_red_flag`, checked before every question:
/// a red flag counts once its condition holds on the effective answers so far and every
/// question it reads lies behind, answered or hidden (not waiting for an answer); from then on
/// only the questions that can still change which flags are raised are asked. The engine
/// evaluates each flag once, where it settles; this is the plain version to compare it with.
/// Returns the visible question ids, the effective answers and whether a flag ended it.
fn documented_walk(c: &Catalog, answers: &Answers) -> (Vec<String>, Answers, bool) {
    let position = |id: &str| c.questions.iter().position(|q| q.id == id);
    let mut still_asked: Vec<&str> = c
        .red_flags
        .iter()
        .flat_map(|f| f.when.questions())
        .collect();
    let mut i = 0;
    while i < still_asked.len() {
        if let Some(show_if) = c.question(still_asked[i]).and_then(|q| q.show_if.as_ref()) {
            for id in show_if.questions() {
                if !still_asked.contains(&id) {
                    still_asked.push(id);
                }
            }
        }
        i += 1;
    }
    let raised = |at: usize, pending: &[bool], effective: &Answers| {
        c.red_flags.iter().any(|f| {
            let reads: Option<Vec<usize>> = f.when.questions().into_iter().map(position).collect();
            reads.is_some_and(|r| r.iter().all(|&p| p < at && !pending[p]))
                && f.when.eval(effective)
        })
    };
    let (mut visible, mut effective, mut ended) = (Vec::new(), Answers::new(), false);
    let mut pending = vec![false; c.questions.len()];
    for (i, q) in c.questions.iter().enumerate() {
        ended = ended || raised(i, &pending, &effective);
        if !q.show_if.as_ref().is_none_or(|s| s.eval(&effective))
            || (ended && !still_asked.contains(&q.id.as_str()))
        {
            continue;
        }
        visible.push(q.id.clone());
        match answers.get(&q.id) {
            Some(a) if check_answer(q, a).is_ok() => {
                effective.insert(q.id.clone(), a.clone());
            }
            _ => pending[i] = true,
        }
    }
    ended = ended || raised(pending.len(), &pending, &effective);
    (visible, effective, ended)
}

/// The built-in catalog with extra red flags that read other questions than the warning
/// signs: a late one, the last one, one that its `show_if` can hide, one the catalog lacks,
/// and either the first question or none at all (raised before the first question, which is
/// then not asked).
fn catalog_with_more_flags(with_always: bool) -> Catalog {
    let mut c = catalog().clone();
    let template = c.red_flags[0].clone();
    let mut add = |id: &str, when: Condition| {
        c.red_flags.push(skin_consult_engine::RedFlag {
            id: id.into(),
            when,
            ..template.clone()
        })
    };
    let is = |question: &str, option: &str| Condition::Is {
        question: question.into(),
        option: option.into(),
    };
    add(
        "late",
        Condition::All(vec![
            Condition::Yes("smoking".into()),
            is("concerns", "sagging"),
        ]),
    );
    add("last", is("downtime", "weeks"));
    add(
        "hidden",
        Condition::Not(Box::new(Condition::Answered("toxin_recent".into()))),
    );
    add("unknown", Condition::Yes("no_such_question".into()));
    if with_always {
        add("always", Condition::Always);
    } else {
        add(
            "old",
            Condition::AtLeast {
                question: "age".into(),
                value: 90,
            },
        );
    }
    c
}

proptest! {
    #![proptest_config(common::config(400))]

    /// The walk gives what the documented rule gives, on the built-in catalog and on one whose
    /// red flags read questions early, late, last, behind a `show_if`, unknown or none.
    #[test]
    fn each_flag_evaluated_once_gives_the_documented_walk(a in answers()) {
        static MORE: OnceLock<[Catalog; 2]> = OnceLock::new();
        let more = MORE.get_or_init(|| [catalog_with_more_flags(false), catalog_with_more_flags(true)]);
        for c in [catalog(), &more[0], &more[1]] {
            let (visible, effective, ended) = documented_walk(c, &a);
            prop_assert_eq!(&ids(&visible_questions(c, &a)), &visible);
            prop_assert_eq!(&effective_answers(c, &a), &effective);
            prop_assert_eq!(ended_by_red_flag(c, &a), ended);
        }
    }
}

proptest! {
    #![proptest_config(common::config(800))]

    /// Once a red flag is raised no further question is asked, and the outcome is the
    /// referral the full questionnaire gives (the same flags).
    #[test]
    fn once_a_red_flag_is_raised_nothing_more_is_asked(a in answers()) {
        let c = catalog();
        let walked = walk_as_a_patient(c, &a);
        prop_assert!(walked.iter().all(|(_, ended)| !ended), "asked after the end: {walked:?}");
        let asked: Vec<String> = walked.into_iter().map(|(id, _)| id).collect();
        prop_assert_eq!(&asked, &ids(&visible_questions(c, &a)));

        let (full_visible, full_effective) = full_questionnaire(c, &a);
        let full_flags = raised(c, &full_effective);
        prop_assert_eq!(&referral_flags(c, &a), &full_flags);
        if ended_by_red_flag(c, &a) {
            // The questionnaire stops at `warning_signs`, the last question a red flag reads:
            // what is asked is the full questionnaire's beginning, and the outcome a referral.
            prop_assert!(!full_flags.is_empty());
            prop_assert_eq!(asked.last().map(String::as_str), Some("warning_signs"));
            prop_assert_eq!(&asked[..], &full_visible[..asked.len()]);
            prop_assert!(matches!(assess(c, &a), Assessment::Referral(_)));
        } else {
            // Without an early end, every question is still asked, in the new order. A flag
            // raised without ending it still waits for a question it reads: severe acne alone
            // while `warning_signs` (which can raise a more urgent one) is unanswered, or a
            // warning sign while a skipped `acne_severity` is unanswered (the flag's other
            // branch). The outcome is the same referral either way.
            prop_assert_eq!(&asked, &full_visible);
            prop_assert_eq!(effective_answers(c, &a), full_effective.clone());
            for id in &full_flags {
                let flag = c.red_flags.iter().find(|f| &f.id == id).unwrap();
                let waiting = flag.when.questions().into_iter().any(|q| {
                    asked.iter().any(|x| x == q) && full_effective.get(q).is_none()
                });
                prop_assert!(waiting, "{} raised, nothing it reads is unanswered", id);
            }
        }
    }

    /// A patient who stops answering mid-way never gets an early end without a flag, and
    /// every question asked so far stays asked when more answers come (Back keeps working).
    #[test]
    fn answering_more_never_changes_the_questions_behind(a in answers(), cut in 0usize..24) {
        let c = catalog();
        let order: Vec<String> = c.questions.iter().map(|q| q.id.clone()).collect();
        let mut partial = Answers::new();
        for id in order.iter().take(cut) {
            if let Some(answer) = a.get(id) {
                partial.insert(id.clone(), answer.clone());
            }
        }
        let before = ids(&visible_questions(c, &partial));
        let after = ids(&visible_questions(c, &a));
        let behind: Vec<&String> = before.iter().filter(|id| order.iter().position(|o| o == *id) < Some(cut)).collect();
        let behind_after: Vec<&String> = after.iter().filter(|id| order.iter().position(|o| o == *id) < Some(cut)).collect();
        prop_assert_eq!(behind, behind_after);
        if ended_by_red_flag(c, &partial) {
            prop_assert!(!raised(c, &effective_answers(c, &partial)).is_empty());
        }
    }
}

/// Guards against a vacuous property: the generator reaches both outcomes and the early end.
#[test]
fn generator_reaches_early_ends_and_full_questionnaires() {
    let c = catalog();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut ended, mut full) = (0, 0);
    for _ in 0..2000 {
        let raw: Vec<(u8, u32, u32)> = c
            .questions
            .iter()
            .map(|_| (next() as u8, next() as u32, next() as u32))
            .collect();
        let a = build(&raw);
        if ended_by_red_flag(c, &a) {
            ended += 1;
        } else if visible_questions(c, &a).len() >= c.questions.len() - 2 - FOLLOW_UPS.len() {
            full += 1;
        }
    }
    assert!(ended > 100 && full > 100, "ended {ended}, full {full}");
}

/// The case proptest once shrank a failure to: a warning sign raises its flag while the
/// `acne_severity` that the same flag reads was skipped. The questionnaire does not end early
/// (the flag waits for every question it reads), every question is asked, and the outcome is
/// still the referral.
#[test]
fn a_skipped_question_a_flag_reads_keeps_the_questionnaire_going_to_the_same_referral() {
    let c = catalog();
    let a = Answers::new()
        .with(
            "concerns",
            choices(&["acne", "blackheads_pores", "dullness", "pigmentation"]),
        )
        .with("warning_signs", choices(&["painful_nodules"]));
    assert!(!ended_by_red_flag(c, &a));
    let (full_visible, _) = full_questionnaire(c, &a);
    assert_eq!(ids(&visible_questions(c, &a)), full_visible);
    assert_eq!(referral_flags(c, &a), ["severe_acne"]);
    assert!(missing_required(c, &a)
        .iter()
        .any(|q| q.id == "acne_severity"));
}
