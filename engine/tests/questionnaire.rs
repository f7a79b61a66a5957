//! Questionnaire behaviour: answer checks, branching, and ignoring answers that no longer apply.

use skin_consult_engine::{
    assess, builtin_catalog, check_answer, effective_answers, missing_required, visible_questions,
    Answer, AnswerError, Answers, Status,
};

fn choices(xs: &[&str]) -> Answer {
    Answer::Choices(xs.iter().map(|s| s.to_string()).collect())
}

#[test]
fn check_answer_rejects_what_does_not_fit() {
    let c = builtin_catalog();
    let age = c.question("age").unwrap();
    assert_eq!(check_answer(age, &Answer::Number(30)), Ok(()));
    assert_eq!(
        check_answer(age, &Answer::Number(5)),
        Err(AnswerError::OutOfRange { min: 12, max: 100 })
    );
    assert_eq!(
        check_answer(age, &Answer::YesNo(true)),
        Err(AnswerError::WrongKind)
    );
    let concerns = c.question("concerns").unwrap();
    assert_eq!(
        check_answer(concerns, &choices(&["acne", "dullness"])),
        Ok(())
    );
    assert_eq!(
        check_answer(concerns, &choices(&[])),
        Err(AnswerError::Empty)
    );
    assert_eq!(
        check_answer(concerns, &choices(&["warts"])),
        Err(AnswerError::UnknownOption("warts".into()))
    );
    assert_eq!(
        check_answer(concerns, &choices(&["acne", "acne"])),
        Err(AnswerError::Duplicate("acne".into()))
    );
    assert_eq!(
        check_answer(concerns, &choices(&["acne", "routine_care"])),
        Err(AnswerError::ExclusiveCombined("routine_care".into()))
    );
    assert_eq!(
        check_answer(concerns, &Answer::Choice("acne".into())),
        Err(AnswerError::WrongKind)
    );
    let skin = c.question("skin_type").unwrap();
    assert_eq!(check_answer(skin, &Answer::Choice("oily".into())), Ok(()));
    assert_eq!(
        check_answer(skin, &Answer::Choice("greasy".into())),
        Err(AnswerError::UnknownOption("greasy".into()))
    );
    assert_eq!(
        check_answer(c.question("pregnant").unwrap(), &Answer::YesNo(false)),
        Ok(())
    );
}

#[test]
fn acne_severity_only_when_acne_is_a_concern() {
    let c = builtin_catalog();
    let ids = |a: &Answers| {
        visible_questions(&c, a)
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>()
    };
    let mut a = Answers::new().with("concerns", choices(&["dullness"]));
    assert!(!ids(&a).contains(&"acne_severity".to_string()));
    assert!(!ids(&a).contains(&"toxin_recent".to_string()));
    a.insert("concerns", choices(&["acne", "expression_lines"]));
    assert!(ids(&a).contains(&"acne_severity".to_string()));
    assert!(ids(&a).contains(&"toxin_recent".to_string()));
    // Hidden until they matter: acne_severity, toxin_recent, isotretinoin_now, koebner_active,
    // melasma_signs, unchecked_spot and main_concern.
    let unconditional = c.questions.iter().filter(|q| q.show_if.is_none()).count();
    assert_eq!(ids(&Answers::new()).len(), unconditional);
}

#[test]
fn stale_unknown_and_invalid_answers_are_dropped() {
    let c = builtin_catalog();
    let a = Answers::new()
        .with("concerns", choices(&["dullness"]))
        .with("acne_severity", Answer::Choice("severe".into()))
        .with("age", Answer::Number(300))
        .with("favourite_colour", Answer::Choice("blue".into()))
        .with("pregnant", Answer::YesNo(false));
    let e = effective_answers(&c, &a);
    assert_eq!(e.get("acne_severity"), None);
    assert_eq!(e.get("age"), None);
    assert_eq!(e.get("favourite_colour"), None);
    assert_eq!(e.get("pregnant"), Some(&Answer::YesNo(false)));
    assert_eq!(e.len(), 2);
    // The stale "severe" would be a red flag; it must not count any more.
    assert!(assess(&c, &a).referral().is_none());
    let mut with_acne = a.clone();
    with_acne.insert("concerns", choices(&["acne"]));
    assert!(assess(&c, &with_acne).referral().is_some());
}

#[test]
fn required_questions_are_listed_until_answered() {
    let c = builtin_catalog();
    let mut a = Answers::new();
    let before = missing_required(&c, &a).len();
    a.insert("age", Answer::Number(30));
    assert_eq!(missing_required(&c, &a).len(), before - 1);
    a.insert("concerns", choices(&["acne"]));
    // acne_severity now shows up and is required
    assert!(missing_required(&c, &a)
        .iter()
        .any(|q| q.id == "acne_severity"));
}

#[test]
fn missing_age_excludes_age_limited_procedures_but_not_facials() {
    let c = builtin_catalog();
    let a = Answers::new()
        .with("concerns", choices(&["expression_lines", "dullness"]))
        .with("warning_signs", choices(&["none"]));
    let r = assess(&c, &a);
    assert_eq!(
        r.result("botulinum-toxin").unwrap().status,
        Status::Excluded
    );
    assert_eq!(
        r.result("botulinum-toxin").unwrap().reasons[0]
            .question_id
            .as_deref(),
        Some("age")
    );
    assert_eq!(
        r.result("medical-skin-care").unwrap().status,
        Status::Suggested
    );
}

#[test]
fn reasons_are_tied_to_answers_and_translated() {
    let c = builtin_catalog();
    let a = Answers::new()
        .with("age", Answer::Number(45))
        .with("concerns", choices(&["expression_lines"]))
        .with("neuromuscular", Answer::YesNo(true));
    let r = assess(&c, &a);
    let toxin = r.result("botulinum-toxin").unwrap();
    assert_eq!(toxin.status, Status::Excluded);
    assert_eq!(
        toxin.reasons[0].question_id.as_deref(),
        Some("neuromuscular")
    );
    assert!(toxin.reasons[0]
        .text
        .get("tr")
        .contains("Botulinum toksini"));
    assert!(toxin.plan.is_none());
    let facial = assess(
        &c,
        &Answers::new()
            .with("age", Answer::Number(30))
            .with("concerns", choices(&["dullness"])),
    );
    let f = facial.result("medical-skin-care").unwrap();
    assert_eq!(f.reasons[0].question_id.as_deref(), Some("concerns"));
    assert_eq!(
        f.reasons[0].text.get("en"),
        "Addresses your concern: Dull, tired-looking skin."
    );
    assert_eq!(
        f.reasons[0].text.get("tr"),
        "Şu şikâyetinize yöneliktir: Mat, yorgun görünen cilt."
    );
}

#[test]
fn deferred_until_combines_every_reason() {
    let c = builtin_catalog();
    let a = Answers::new()
        .with("age", Answer::Number(30))
        .with("concerns", choices(&["pigmentation"]))
        .with("pregnant", Answer::YesNo(true))
        .with("recent_tan", Answer::YesNo(true));
    let r = assess(&c, &a);
    match &r.result("laser-resurfacing").unwrap().status {
        Status::Deferred { until } => {
            assert_eq!(
                until.get("en"),
                "after pregnancy and breastfeeding; 8 weeks after your last tan, sunburn or sunbed session"
            );
        }
        s => panic!("expected deferred, got {s:?}"),
    }
}

#[cfg(feature = "serde")]
#[test]
fn assessment_round_trips_through_json() {
    let c = builtin_catalog();
    let a = Answers::new()
        .with("age", Answer::Number(30))
        .with("concerns", choices(&["acne"]));
    let r = assess(&c, &a);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(
        serde_json::from_str::<skin_consult_engine::Assessment>(&json).unwrap(),
        r
    );
    let cat = serde_json::to_string(&c).unwrap();
    assert_eq!(skin_consult_engine::parse_catalog(&cat).unwrap(), c);
}
