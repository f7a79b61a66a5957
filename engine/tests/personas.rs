//! Table-driven persona tests: every persona in `catalog/personas.json` must get exactly the
//! outcome a clinician wrote down for it (referral flags, statuses, plans, top suggestion).

use skin_consult_engine::persona::{check, parse_personas, Persona};
use skin_consult_engine::{assess, builtin_catalog, Assessment};
use std::collections::BTreeSet;

fn personas() -> Vec<Persona> {
    parse_personas(include_str!("../catalog/personas.json")).expect("personas.json parses")
}

#[test]
fn every_persona_gets_the_expected_outcome() {
    let catalog = builtin_catalog();
    let mut failures = Vec::new();
    for p in personas() {
        for problem in check(&catalog, &p) {
            failures.push(format!("{} ({}): {problem}", p.id, p.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn personas_are_many_distinct_and_say_something() {
    let all = personas();
    assert!(all.len() >= 30, "only {} personas", all.len());
    let ids: BTreeSet<&str> = all.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate persona ids");
    for p in &all {
        let e = &p.expect;
        assert!(
            e.referral.is_some() || !e.statuses.is_empty() || !e.plans.is_empty(),
            "persona {} expects nothing",
            p.id
        );
        assert!(!p.sources.is_empty(), "persona {} has no source", p.id);
    }
    let referrals = all.iter().filter(|p| p.expect.referral.is_some()).count();
    assert!(referrals >= 5, "only {referrals} referral personas");
    for status in ["suggested", "caution", "deferred", "excluded"] {
        assert!(
            all.iter()
                .any(|p| p.expect.statuses.values().any(|s| s == status)),
            "no persona expects {status}"
        );
    }
}

#[test]
fn the_checker_catches_a_wrong_expectation() {
    let catalog = builtin_catalog();
    let mut p = personas()
        .into_iter()
        .find(|p| p.id == "myasthenia-toxin")
        .unwrap();
    assert!(check(&catalog, &p).is_empty());
    p.expect
        .statuses
        .insert("botulinum-toxin".into(), "suggested".into());
    let problems = check(&catalog, &p);
    assert_eq!(
        problems,
        vec!["botulinum-toxin: expected suggested, got excluded".to_string()]
    );
}

#[test]
fn referral_names_the_triggering_question_and_has_advice() {
    let catalog = builtin_catalog();
    let p = personas()
        .into_iter()
        .find(|p| p.id == "cystic-acne")
        .unwrap();
    match assess(&catalog, &p.answers) {
        Assessment::Referral(r) => {
            assert_eq!(r.flags.len(), 1);
            assert_eq!(r.flags[0].question_id, "acne_severity");
            assert!(!r.flags[0].advice.get("tr").is_empty());
        }
        other => panic!("expected a referral, got {other:?}"),
    }
    let p = personas()
        .into_iter()
        .find(|p| p.id == "cellulitis-with-fever")
        .unwrap();
    let a = assess(&catalog, &p.answers);
    let r = a.referral().expect("referral");
    assert_eq!(r.flags[0].id, "infection_with_fever", "most urgent first");
    assert_eq!(r.urgency(), Some(skin_consult_engine::Urgency::Emergency));
}
