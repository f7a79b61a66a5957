//! Ranking by fit: each procedure's concerns carry a strength, the score weighs it before the
//! patient's constraints, and an optional main concern puts its best fits first.

use skin_consult_engine::persona::parse_personas;
use skin_consult_engine::{
    assess, best_for_concern, builtin_catalog, main_concern, validate, Answer, Answers, Catalog,
    Status, Strength,
};

/// A healthy adult with no contraindication (the `healthy-25` persona), aged `age`.
fn healthy(age: u32) -> Answers {
    let personas = parse_personas(include_str!("../catalog/personas.json")).unwrap();
    let base = personas.into_iter().find(|p| p.id == "healthy-25").unwrap();
    base.answers.with("age", Answer::Number(age))
}

fn patient(age: u32, concerns: &[&str], main: Option<&str>, downtime: &str) -> Answers {
    let concerns = concerns.iter().map(|c| c.to_string()).collect();
    let a = healthy(age)
        .with("concerns", Answer::Choices(concerns))
        .with("downtime", Answer::Choice(downtime.into()));
    match main {
        Some(m) => a.with("main_concern", Answer::Choice(m.into())),
        None => a,
    }
}

/// The ids of the suggestions (not excluded), best first.
fn ranked(catalog: &Catalog, a: &Answers) -> Vec<String> {
    assess(catalog, a)
        .results()
        .iter()
        .filter(|r| r.status != Status::Excluded)
        .map(|r| r.procedure_id.clone())
        .collect()
}

/// Age, concerns, main concern, downtime accepted, acceptable first suggestions.
type Row<'a> = (u32, &'a [&'a str], Option<&'a str>, &'a str, &'a [&'a str]);

#[test]
fn the_first_suggestion_follows_the_main_concern() {
    let c = &builtin_catalog();
    let table: &[Row] = &[
        (
            45,
            &["expression_lines", "pigmentation", "fine_lines"],
            Some("expression_lines"),
            "few_days",
            &["botulinum-toxin"],
        ),
        (
            30,
            &["blackheads_pores", "fine_lines"],
            Some("blackheads_pores"),
            "few_days",
            &["medical-skin-care", "hydrafacial"],
        ),
        (
            30,
            &["blackheads_pores"],
            None,
            "none",
            &["medical-skin-care", "hydrafacial"],
        ),
        (
            40,
            &["acne_scars", "dullness"],
            Some("acne_scars"),
            "weeks",
            &["laser-resurfacing", "microneedling"],
        ),
        (
            28,
            &["acne_scars"],
            None,
            "one_week",
            &["laser-resurfacing", "microneedling"],
        ),
    ];
    for (age, concerns, main, downtime, expected) in table {
        let a = patient(*age, concerns, *main, downtime);
        let order = ranked(c, &a);
        let first = order.first().map(String::as_str);
        assert!(
            first.is_some_and(|f| expected.contains(&f)),
            "{concerns:?} main {main:?}: expected one of {expected:?} first, got {order:?}"
        );
    }
}

#[test]
fn without_a_main_concern_strength_outranks_the_number_of_concerns() {
    let c = &builtin_catalog();
    // The facial touches both concerns (minor fit); the peel answers pigmentation as a primary
    // fit. Counting concerns alone put the facial first.
    let a = patient(45, &["fine_lines", "pigmentation"], None, "few_days");
    let order = ranked(c, &a);
    let pos = |id: &str| order.iter().position(|p| p == id).unwrap();
    assert!(pos("chemical-peel") < pos("medical-skin-care"), "{order:?}");
}

#[test]
fn the_main_concern_counts_only_when_the_patient_chose_it() {
    let c = &builtin_catalog();
    let chosen = patient(
        45,
        &["expression_lines", "fine_lines"],
        Some("expression_lines"),
        "few_days",
    );
    assert_eq!(main_concern(c, &chosen), Some("expression_lines"));
    let stray = patient(
        45,
        &["pigmentation", "fine_lines"],
        Some("expression_lines"),
        "few_days",
    );
    assert_eq!(main_concern(c, &stray), None);
    let r = assess(c, &stray);
    assert!(r.results().iter().all(|x| x.main_fit.is_none()));
    let r = assess(c, &chosen);
    assert_eq!(
        r.result("botulinum-toxin").and_then(|x| x.main_fit),
        Some(Strength::Primary)
    );
}

#[test]
fn the_main_concern_question_is_asked_only_after_two_concerns() {
    let c = &builtin_catalog();
    let q = c.question("main_concern").expect("main_concern question");
    let show = q.show_if.as_ref().expect("main_concern has a condition");
    assert!(!show.eval(&patient(45, &["fine_lines"], None, "few_days")));
    assert!(show.eval(&patient(45, &["fine_lines", "acne"], None, "few_days")));
}

#[test]
fn best_for_concern_picks_the_strongest_fit_that_is_not_excluded() {
    let c = &builtin_catalog();
    let a = patient(
        45,
        &["expression_lines", "pigmentation", "fine_lines"],
        None,
        "few_days",
    );
    let r = assess(c, &a);
    let best = |concern| best_for_concern(c, r.results(), concern).map(|x| x.procedure_id.as_str());
    assert_eq!(best("expression_lines"), Some("botulinum-toxin"));
    let pig = best("pigmentation").unwrap();
    assert_eq!(
        c.procedure(pig).unwrap().fit("pigmentation"),
        Some(Strength::Primary)
    );
    // Nothing answers a concern the patient's results do not cover.
    assert_eq!(best("volume_folds"), None);
}

#[test]
fn validation_names_a_concern_without_a_strength() {
    let mut c = builtin_catalog();
    c.procedures[0].concern_fit.remove(0);
    let errors = validate(&c);
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("procedures[0].concerns[")
                && e.to_string().contains("has no strength")),
        "{errors:?}"
    );
}

#[test]
fn every_procedure_lists_sourced_side_effects() {
    let c = &builtin_catalog();
    for p in &c.procedures {
        assert!(!p.side_effects.is_empty(), "{} has no side effects", p.id);
    }
    let mut broken = c.clone();
    broken.procedures[0].side_effects[0].source = "a blog".into();
    let errors = validate(&broken);
    assert!(
        errors.iter().any(|e| e
            .to_string()
            .contains("procedures[0].side_effects[0].source")),
        "{errors:?}"
    );
}
