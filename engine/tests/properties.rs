//! Property tests over generated answer sets (valid, invalid, missing and stale answers).

use proptest::prelude::*;
use skin_consult_engine::{assess, describe_plan, effective_answers, Assessment, Effect, Status};

mod common;
use common::{answers, build, catalog};

proptest! {
    #![proptest_config(common::config(600))]

    #[test]
    fn deterministic_and_only_effective_answers_count(a in answers()) {
        let c = catalog();
        let first = assess(c, &a);
        prop_assert_eq!(&first, &assess(c, &a));
        prop_assert_eq!(&first, &assess(c, &effective_answers(c, &a)));
    }

    #[test]
    fn red_flag_means_referral_and_nothing_else(a in answers()) {
        let c = catalog();
        let e = effective_answers(c, &a);
        let raised = c.red_flags.iter().any(|f| f.when.eval(&e));
        match assess(c, &a) {
            Assessment::Referral(r) => {
                prop_assert!(raised);
                prop_assert!(!r.flags.is_empty());
                for f in &r.flags {
                    prop_assert!(c.question(&f.question_id).is_some());
                }
                prop_assert!(r.flags.windows(2).all(|w| w[0].urgency <= w[1].urgency));
            }
            Assessment::Recommendations(results) => {
                prop_assert!(!raised);
                prop_assert_eq!(results.len(), c.procedures.len());
            }
        }
    }

    #[test]
    fn never_suggests_what_a_rule_forbids(a in answers()) {
        let c = catalog();
        let e = effective_answers(c, &a);
        let age = e.number(&c.age_question);
        for r in assess(c, &a).results() {
            let p = c.procedure(&r.procedure_id).unwrap();
            let fired: Vec<&Effect> = c.rules_for(&p.id).filter(|x| x.when.eval(&e)).map(|x| &x.effect).collect();
            let excluded = fired.iter().any(|x| matches!(x, Effect::Exclude));
            let deferred = fired.iter().any(|x| matches!(x, Effect::Defer { .. }));
            let caution = fired.iter().any(|x| matches!(x, Effect::Caution));
            let too_young = p.min_age > 0 && age.is_none_or(|n| n < p.min_age);
            let concern = e.options(&c.concern_question).iter().any(|x| p.concerns.iter().any(|y| y == x));
            match &r.status {
                Status::Suggested => {
                    prop_assert!(!excluded && !deferred && !caution && !too_young && concern, "{}", p.id);
                    prop_assert!(r.score > 0);
                }
                Status::Caution => {
                    prop_assert!(!excluded && !deferred && !too_young && concern && caution, "{}", p.id);
                    prop_assert!(r.score > 0);
                }
                Status::Deferred { until } => {
                    prop_assert!(!excluded && !too_young && deferred, "{}", p.id);
                    prop_assert!(!until.get("en").is_empty() && !until.get("tr").is_empty());
                }
                Status::Excluded => {
                    prop_assert!(r.plan.is_none());
                    prop_assert!(!r.reasons.is_empty());
                }
            }
            if excluded || too_young {
                prop_assert_eq!(&r.status, &Status::Excluded, "{}", p.id);
            }
            for reason in &r.reasons {
                if let Some(q) = &reason.question_id {
                    prop_assert!(c.question(q).is_some(), "reason names unknown question {}", q);
                }
            }
        }
    }

    #[test]
    fn plans_stay_within_bounds_and_toxin_waits_90_days(a in answers()) {
        let c = catalog();
        for r in assess(c, &a).results() {
            let p = c.procedure(&r.procedure_id).unwrap();
            match (&r.status, &r.plan) {
                (Status::Excluded, _) => {}
                (_, None) => prop_assert!(false, "{} has no plan", p.id),
                (_, Some(plan)) => {
                    for interval in plan.intervals() {
                        prop_assert!(interval.min_days > 0 && interval.min_days <= interval.max_days);
                        prop_assert!(interval.within(&p.frequency.bounds), "{} {:?}", p.id, interval);
                    }
                    prop_assert!(!describe_plan(plan, c.locale("en")).is_empty());
                    prop_assert!(!describe_plan(plan, c.locale("tr")).is_empty());
                    if p.id == "botulinum-toxin" {
                        prop_assert!(plan.min_gap_days.is_some_and(|g| g >= 90));
                        for interval in plan.intervals() {
                            prop_assert!(interval.min_days >= 90);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn ranking_order_holds(a in answers()) {
        let c = catalog();
        let results = assess(c, &a);
        let rank = |s: &Status| match s {
            Status::Suggested => 0,
            Status::Caution => 1,
            Status::Deferred { .. } => 2,
            Status::Excluded => 3,
        };
        for w in results.results().windows(2) {
            let (x, y) = (&w[0], &w[1]);
            prop_assert!(rank(&x.status) <= rank(&y.status));
            if rank(&x.status) == rank(&y.status) {
                // The fit to the main concern ranks before the score.
                prop_assert!(x.main_fit >= y.main_fit);
                if x.main_fit == y.main_fit {
                    prop_assert!(x.score >= y.score);
                }
                if x.main_fit == y.main_fit && x.score == y.score {
                    let pos = |id: &str| c.procedures.iter().position(|p| p.id == id).unwrap();
                    prop_assert!(pos(&x.procedure_id) < pos(&y.procedure_id));
                }
            }
        }
    }
}

/// Guards against vacuous properties: the generator must reach every outcome.
#[test]
fn generator_reaches_every_outcome() {
    let c = catalog();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut referrals, mut counts) = (0, [0usize; 4]);
    for _ in 0..2000 {
        let raw: Vec<(u8, u32, u32)> = c
            .questions
            .iter()
            .map(|_| (next() as u8, next() as u32, next() as u32))
            .collect();
        match assess(c, &build(&raw)) {
            Assessment::Referral(_) => referrals += 1,
            Assessment::Recommendations(rs) => {
                for r in rs {
                    counts[match r.status {
                        Status::Suggested => 0,
                        Status::Caution => 1,
                        Status::Deferred { .. } => 2,
                        Status::Excluded => 3,
                    }] += 1;
                }
            }
        }
    }
    assert!(referrals > 100 && referrals < 1900, "referrals {referrals}");
    assert!(counts.iter().all(|&n| n > 20), "status counts {counts:?}");
}
