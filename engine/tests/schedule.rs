//! Dates, the scheduler and the spacing-rule data: table tests, properties over random
//! selections, plans and start dates, and broken spacing data.

use proptest::prelude::*;
use serde_json::{json, Value};
use skin_consult_engine::{
    assess, builtin_catalog, default_plan, parse_catalog, schedule, Answer, Answers, Assessment,
    Catalog, Date, DateError, Phase, Plan, ProcedureResult, Schedule, ScheduleError, Spacing,
    Status, ValidationError, Weekday, BUILTIN_CATALOG_JSON, MAX_HORIZON_DAYS,
};
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(builtin_catalog)
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// The fallback (last) plan of a procedure.
fn plan(id: &str) -> &'static Plan {
    &catalog()
        .procedure(id)
        .unwrap()
        .frequency
        .variants
        .last()
        .unwrap()
        .plan
}

// ---------------------------------------------------------------------------------------------
// Dates

#[test]
fn leap_years_and_month_ends() {
    for (y, m, last) in [
        (2024, 2, 29),
        (2026, 2, 28),
        (2000, 2, 29), // divisible by 400
        (2100, 2, 28), // divisible by 100, not 400
        (2200, 2, 28),
        (2026, 4, 30),
        (2026, 12, 31),
    ] {
        assert!(Date::from_ymd(y, m, last).is_ok(), "{y}-{m}-{last}");
        assert_eq!(
            Date::from_ymd(y, m, last + 1),
            Err(DateError::Impossible),
            "{y}-{m}-{}",
            last + 1
        );
        // The day after the last day is the first of the next month.
        let next = Date::from_ymd(y, m, last).unwrap().add_days(1);
        assert_eq!((next.month(), next.day()), (m % 12 + 1, 1));
    }
    assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
    assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
    assert_eq!(d("2027-01-01").add_days(-1), d("2026-12-31"));
    assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
    assert_eq!(d("2024-01-01").days_until(d("2025-01-01")), 366);
    assert_eq!(d("2026-01-01").days_until(d("2027-01-01")), 365);
    assert_eq!(d("2000-01-01").days_until(d("2200-12-31")), 84370 - 10957);
    assert_eq!(d("2026-11-30").days_until(d("2026-11-23")), -7);
}

#[test]
fn weekdays_of_known_dates() {
    for (date, w) in [
        ("2026-11-30", Weekday::Mon),
        ("2000-01-01", Weekday::Sat),
        ("2024-02-29", Weekday::Thu),
        ("2200-12-31", Weekday::Wed),
        ("2100-03-01", Weekday::Mon),
        ("2026-11-29", Weekday::Sun),
    ] {
        assert_eq!(d(date).weekday(), w, "{date}");
    }
}

#[test]
fn weeks_and_next_monday() {
    // Monday → the following Monday; Sunday → the next day; mid-week → that week's end + 1.
    assert_eq!(Date::next_monday(d("2026-11-30")), d("2026-12-07"));
    assert_eq!(Date::next_monday(d("2026-11-29")), d("2026-11-30"));
    assert_eq!(Date::next_monday(d("2026-11-26")), d("2026-11-30"));
    assert_eq!(Date::next_monday(d("2026-12-31")), d("2027-01-04"));
    assert_eq!(d("2026-12-06").week_start(), d("2026-11-30"));
    assert!(d("2026-11-30").same_week(d("2026-12-06")));
    assert!(!d("2026-11-29").same_week(d("2026-11-30")));
    assert!(!d("2026-12-06").same_week(d("2026-12-07")));
}

#[test]
fn parse_and_format() {
    assert_eq!(d(" 2026-11-30 ").to_iso(), "2026-11-30");
    assert_eq!(d("2026-01-05").to_basic(), "20260105");
    assert_eq!(
        d("2026-11-30").format(catalog().locale("en")),
        "Mon 30 Nov 2026"
    );
    assert_eq!(
        d("2026-11-30").format(catalog().locale("tr")),
        "30 Kasım 2026 Pzt"
    );
    assert_eq!(
        d("2027-08-04").format(catalog().locale("tr")),
        "4 Ağustos 2027 Çar"
    );
    assert_eq!(
        d("2027-02-06").format(catalog().locale("tr")),
        "6 Şubat 2027 Cmt"
    );
    assert_eq!(
        d("2027-02-06").format(catalog().locale("de")),
        "Sat 6 Feb 2027"
    );
    for (input, err) in [
        ("", DateError::Empty),
        ("   ", DateError::Empty),
        ("2026-1-30", DateError::Format),
        ("30.11.2026", DateError::Format),
        ("2026/11/30", DateError::Format),
        ("2026-11-30T10:00", DateError::Format),
        ("2026-11-3x", DateError::Format),
        ("2026-+1-30", DateError::Format),
        ("２026-11-30", DateError::Format),
        ("2026-02-30", DateError::Impossible),
        ("2026-13-01", DateError::Impossible),
        ("2026-00-10", DateError::Impossible),
        ("2026-04-31", DateError::Impossible),
        ("2026-11-00", DateError::Impossible),
        ("2100-02-29", DateError::Impossible),
        ("1999-12-31", DateError::YearOutOfRange(1999)),
        ("2201-01-01", DateError::YearOutOfRange(2201)),
    ] {
        assert_eq!(Date::parse_iso(input), Err(err), "{input:?}");
    }
    assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
}

#[cfg(feature = "serde")]
#[test]
fn dates_are_iso_strings_in_json() {
    assert_eq!(
        serde_json::to_string(&d("2026-11-30")).unwrap(),
        "\"2026-11-30\""
    );
    assert_eq!(
        serde_json::from_str::<Date>("\"2026-11-30\"").unwrap(),
        d("2026-11-30")
    );
    assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
}

#[test]
fn every_day_of_the_range_round_trips() {
    // Walk 2000-01-01..=2200-12-31 one day at a time, counting by hand, and compare.
    let (mut y, mut m, mut day) = (2000, 1u32, 1u32);
    let first = d("2000-01-01");
    let mut n = 0i64;
    loop {
        let date = Date::from_ymd(y, m, day).unwrap();
        assert_eq!(first.add_days(n), date);
        assert_eq!(first.days_until(date), n);
        assert_eq!(Date::parse_iso(&date.to_iso()), Ok(date));
        // 2000-01-01 was a Saturday (5 days after Monday).
        assert_eq!(date.weekday().days_from_monday() as i64, (n + 5) % 7);
        if (y, m, day) == (2200, 12, 31) {
            break;
        }
        n += 1;
        day += 1;
        if Date::from_ymd(y, m, day).is_err() {
            day = 1;
            m += 1;
            if m == 13 {
                m = 1;
                y += 1;
            }
        }
    }
    assert_eq!(n, 84370 - 10957);
}

// ---------------------------------------------------------------------------------------------
// Scheduler: examples

#[test]
fn a_single_procedure_follows_its_plan_exactly() {
    let start = d("2026-11-30");
    let s = schedule(
        catalog(),
        &[("mesotherapy", plan("mesotherapy"))],
        start,
        start,
        365,
    )
    .unwrap();
    let dates: Vec<String> = s.sessions.iter().map(|s| s.date.to_iso()).collect();
    // 4 sessions every 14 days, then one review visit 60 days after the last one: mesotherapy
    // maintenance is a review, not a year of injections.
    assert_eq!(
        dates,
        [
            "2026-11-30",
            "2026-12-14",
            "2026-12-28",
            "2027-01-11",
            "2027-03-12",
        ]
    );
    assert!(s.sessions[..4].iter().all(|x| x.phase == Phase::Initial));
    assert_eq!(s.sessions[4].phase, Phase::Review);
    assert_eq!(
        s.sessions.iter().map(|x| x.index).collect::<Vec<_>>(),
        (1..=5).collect::<Vec<_>>()
    );
    let review = s.sessions[4].note.as_ref().unwrap();
    assert!(
        review.get("en").contains("not before 2 months"),
        "{}",
        review.get("en")
    );
    assert!(
        review.get("tr").contains("2 ay dolmadan"),
        "{}",
        review.get("tr")
    );
    assert!(s.sessions.iter().all(|x| x.moved_by.is_empty()));
    assert!(s.sessions[..4].iter().all(|x| x.note.is_none()));
    assert_eq!(s.end, d("2027-11-30"));
    assert!(s.pauses.is_empty() && s.home_use.is_empty());
}

#[test]
fn a_toxin_waits_two_weeks_after_a_laser_peel_and_comes_back_once_for_review() {
    let start = d("2026-11-30");
    let s = schedule(
        catalog(),
        &[
            ("botulinum-toxin", plan("botulinum-toxin")),
            ("micro-laser-peel", plan("micro-laser-peel")),
        ],
        start,
        start,
        365,
    )
    .unwrap();
    let got: Vec<(&str, String, Phase, Vec<String>)> = s
        .sessions
        .iter()
        .map(|x| {
            (
                x.procedure_id.as_str(),
                x.date.to_iso(),
                x.phase,
                x.moved_by.clone(),
            )
        })
        .collect();
    // The peel (earlier in the catalog) takes the start; the toxin may not share its day and
    // keeps 2 weeks from it, and names both rules. Its review counts 90 days from the actual
    // date, and nothing is booked after it.
    assert_eq!(
        got,
        [
            (
                "micro-laser-peel",
                "2026-11-30".into(),
                Phase::Initial,
                vec![]
            ),
            (
                "botulinum-toxin",
                "2026-12-14".into(),
                Phase::Initial,
                vec![
                    "one-procedure-a-day".to_string(),
                    "injectable-skin-two-weeks".to_string()
                ]
            ),
            (
                "botulinum-toxin",
                "2027-03-14".into(),
                Phase::Review,
                vec![]
            ),
        ]
    );
    let note = s.sessions[1].note.as_ref().unwrap();
    assert!(note.get("en").contains("settle"), "{}", note.get("en"));
    assert!(
        note.get("tr").contains("toparlanabilmesi"),
        "{}",
        note.get("tr")
    );
    let review = s.sessions[2].note.as_ref().unwrap();
    assert!(
        review.get("en").contains("not before 3 months"),
        "{}",
        review.get("en")
    );
    assert!(
        review.get("tr").contains("3 ay dolmadan"),
        "{}",
        review.get("tr")
    );
}

#[test]
fn toxin_and_filler_may_share_a_day_but_nothing_else_does() {
    let start = d("2026-11-30");
    let s = schedule(
        catalog(),
        &[
            ("dermal-filler", plan("dermal-filler")),
            ("botulinum-toxin", plan("botulinum-toxin")),
            ("retinoid-home-care", plan("retinoid-home-care")),
            ("mesotherapy", plan("mesotherapy")),
        ],
        start,
        start,
        60,
    )
    .unwrap();
    let first: Vec<(&str, String)> = s
        .sessions
        .iter()
        .take(3)
        .map(|x| (x.procedure_id.as_str(), x.date.to_iso()))
        .collect();
    assert_eq!(
        first,
        [
            ("botulinum-toxin", "2026-11-30".to_string()),
            ("dermal-filler", "2026-11-30".to_string()),
            // Mesotherapy is an injection into the skin: two weeks from the others.
            ("mesotherapy", "2026-12-14".to_string()),
        ]
    );
    assert_eq!(
        s.sessions[2].moved_by,
        ["one-procedure-a-day", "injectable-skin-two-weeks"]
    );
    // Only the rule that set the date explains it.
    let note = s.sessions[2].note.as_ref().unwrap().get("en");
    assert!(!note.contains("different days"), "{note}");
}

#[test]
fn a_routine_facial_is_a_first_session_then_maintenance() {
    let start = d("2026-11-30");
    let routine = catalog()
        .procedure("medical-skin-care")
        .unwrap()
        .frequency
        .variants
        .iter()
        .map(|v| &v.plan)
        .find(|p| p.initial.is_none() && p.maintenance.is_some())
        .expect("a routine facial plan");
    let s = schedule(
        catalog(),
        &[("medical-skin-care", routine)],
        start,
        start,
        90,
    )
    .unwrap();
    assert_eq!(s.sessions[0].phase, Phase::Initial);
    assert!(s.sessions[1..]
        .iter()
        .all(|x| x.phase == Phase::Maintenance));
    assert!(s.sessions.len() >= 2);
}

#[test]
fn skin_stressing_treatments_go_to_different_weeks() {
    let start = d("2026-12-02"); // a Wednesday
    let s = schedule(
        catalog(),
        &[
            ("microneedling", plan("microneedling")),
            ("chemical-peel", plan("chemical-peel")),
        ],
        start,
        start,
        60,
    )
    .unwrap();
    let peel1 = &s.sessions[0];
    assert_eq!(
        (peel1.procedure_id.as_str(), peel1.date),
        ("chemical-peel", start)
    );
    // Microneedling wanted the same Wednesday: not the same day, and at least 2 weeks after
    // the peel (which also keeps it out of the peel's week).
    let needle1 = &s.sessions[1];
    assert_eq!(needle1.procedure_id, "microneedling");
    assert_eq!(needle1.date, d("2026-12-16"));
    assert_eq!(
        needle1.moved_by,
        ["one-procedure-a-day", "exfoliating-two-weeks"]
    );
    // The peel series is open-ended: its sessions say so and date the catalog's count.
    let peels: Vec<_> = s
        .sessions
        .iter()
        .filter(|x| x.procedure_id == "chemical-peel")
        .collect();
    assert_eq!(peels.len(), catalog().scheduling.series_sessions as usize);
    assert!(peels[0]
        .note
        .as_ref()
        .unwrap()
        .get("en")
        .contains("the first 2"));
}

#[test]
fn retinoids_pause_around_peels_and_start_after_an_early_one() {
    let start = d("2026-11-30");
    let c = catalog();
    let run = |peel: &Plan| {
        schedule(
            c,
            &[
                ("retinoid-home-care", plan("retinoid-home-care")),
                ("chemical-peel", peel),
            ],
            start,
            start,
            365,
        )
        .unwrap()
    };
    // Peels every 5 weeks (the slow end of the range): 30 Nov and 4 Jan. The first pause
    // would begin before the start, so home care starts once the first peel has healed; the
    // second peel pauses it from 7 days before to 7 days after.
    let mut slow = plan("chemical-peel").clone();
    slow.initial.as_mut().unwrap().interval.min_days = 35;
    let s = run(&slow);
    let peels: Vec<Date> = s.sessions.iter().map(|x| x.date).collect();
    assert_eq!(peels, [start, d("2027-01-04")]);
    assert_eq!(s.home_use.len(), 1);
    assert_eq!(s.home_use[0].procedure_id, "retinoid-home-care");
    assert_eq!(s.home_use[0].from, d("2026-12-07"));
    assert!(s.home_use[0].guidance.get("en").contains("nights a week"));
    assert!(s.home_use[0].guidance.get("tr").contains("gece"));
    assert_eq!(s.pauses.len(), 1);
    let p = &s.pauses[0];
    assert_eq!(
        (p.from, p.to, p.rule_id.as_str()),
        (d("2026-12-28"), d("2027-01-10"), "retinoid-pause-peel")
    );
    assert!(p.reason.get("en").contains("3–7"));
    // Every 2 weeks the windows touch: one pause from before the start, so home care simply
    // starts after the series.
    let s = run(plan("chemical-peel"));
    assert_eq!(s.home_use[0].from, d("2026-12-21"));
    assert!(s.pauses.is_empty());
}

#[test]
fn schedule_errors() {
    let c = catalog();
    let today = d("2026-11-20");
    let meso = plan("mesotherapy");
    assert_eq!(
        schedule(c, &[("mesotherapy", meso)], today, d("2026-11-19"), 365),
        Err(ScheduleError::StartInPast {
            today,
            start: d("2026-11-19")
        })
    );
    assert_eq!(
        schedule(c, &[], today, today, 365),
        Err(ScheduleError::NothingSelected)
    );
    assert_eq!(
        schedule(
            c,
            &[("retinoid-home-care", plan("retinoid-home-care"))],
            today,
            today,
            365
        ),
        Err(ScheduleError::NothingToSchedule)
    );
    assert_eq!(
        schedule(c, &[("mesotherapy", &Plan::default())], today, today, 365),
        Err(ScheduleError::NothingToSchedule)
    );
    assert_eq!(
        schedule(c, &[("laser-hair-removal", meso)], today, today, 365),
        Err(ScheduleError::UnknownProcedure("laser-hair-removal".into()))
    );
    assert_eq!(
        schedule(
            c,
            &[("mesotherapy", meso), ("mesotherapy", meso)],
            today,
            today,
            365
        ),
        Err(ScheduleError::DuplicateProcedure("mesotherapy".into()))
    );
    assert_eq!(
        schedule(
            c,
            &[("mesotherapy", meso)],
            today,
            today,
            MAX_HORIZON_DAYS + 1
        ),
        Err(ScheduleError::HorizonTooLong(MAX_HORIZON_DAYS + 1))
    );
    // Start today is fine, and a zero horizon dates the start only.
    let s = schedule(c, &[("mesotherapy", meso)], today, today, 0).unwrap();
    assert_eq!(s.sessions.len(), 1);
    assert_eq!(s.sessions[0].date, today);
}

#[test]
fn the_catalog_carries_the_rules_the_issue_asks_for() {
    let rules = &catalog().scheduling.rules;
    let find = |id: &str| &rules.iter().find(|r| r.id == id).unwrap().rule;
    assert!(
        matches!(find("skin-stress-same-week"), Spacing::SameWeek { procedures } if procedures.len() == 5)
    );
    assert!(matches!(find("laser-recovery"), Spacing::Recovery { .. }));
    assert!(matches!(
        find("toxin-90-days"),
        Spacing::MinGap { days: 90, .. }
    ));
    assert!(matches!(
        find("retinoid-pause-peel"),
        Spacing::Pause { days_before: 7, .. }
    ));
    assert_eq!(plan("micro-laser-peel").recovery_days, Some(7));
    assert!(matches!(
        find("one-procedure-a-day"),
        Spacing::SeparateDays { together } if together.len() == 2
    ));
    assert!(matches!(
        find("exfoliating-two-weeks"),
        Spacing::Apart { days: 14, first, second } if first == second && first.len() == 6
    ));
    assert!(matches!(
        find("injectable-skin-two-weeks"),
        Spacing::Apart { days: 14, .. }
    ));
    let s = &catalog().scheduling;
    assert_eq!(s.default_plan_size, 3);
    assert_eq!(s.alternatives[0].procedures, FACIALS);
    assert_eq!(s.review.as_ref().unwrap().procedures, REVIEWED);
    // Every rule and group says where it comes from.
    assert!(s.rules.iter().all(|r| !r.sources.is_empty()));
    assert!(s
        .alternatives
        .iter()
        .all(|g| g.sources.iter().any(|x| x.contains("[49]"))));
}

/// The patients of the issue: routine (25, no particular concern), lines and spots (45, frown
/// lines and sun spots), and mild acne. Each gets a default plan of at most three treatments,
/// one facial at most, dated without a clash.
#[test]
fn the_issues_patients_get_one_coherent_default_plan() {
    let healthy = |age: u32, concerns: &[&str]| {
        let mut a = Answers::new()
            .with("age", Answer::Number(age))
            .with("skin_type", Answer::Choice("normal".into()))
            .with(
                "concerns",
                Answer::Choices(concerns.iter().map(|c| c.to_string()).collect()),
            )
            .with("makeup", Answer::Choice("light_daily".into()))
            .with("facial_before", Answer::YesNo(true))
            .with("sun_burn", Answer::Choice("type_3".into()))
            .with("downtime", Answer::Choice("few_days".into()))
            .with("allergies", Answer::Choices(vec!["none".into()]))
            .with("recent_procedures", Answer::Choices(vec!["none".into()]))
            .with("warning_signs", Answer::Choices(vec!["none".into()]));
        for q in [
            "recent_tan",
            "pregnant",
            "isotretinoin",
            "active_skin_problem",
            "cold_sores",
            "keloid",
            "blood_thinners",
            "neuromuscular",
            "immune",
            "retinoid_use",
            "toxin_recent",
            "smoking",
        ] {
            a = a.with(q, Answer::YesNo(false));
        }
        a
    };
    let patients = [
        ("routine", healthy(25, &["routine_care"])),
        (
            "lines and spots",
            healthy(45, &["expression_lines", "pigmentation"]),
        ),
        (
            "acne",
            healthy(28, &["acne", "blackheads_pores"])
                .with("acne_severity", Answer::Choice("mild".into())),
        ),
    ];
    let c = catalog();
    let start = d("2026-12-14");
    for (who, answers) in patients {
        let Assessment::Recommendations(results) = assess(c, &answers) else {
            panic!("{who}: referred");
        };
        // `Case` holds catalog-lifetime plans; a test may keep these three alive.
        let results = Box::leak(Box::new(results));
        let suggested: Vec<&ProcedureResult> = results
            .iter()
            .filter(|r| r.status == Status::Suggested && r.plan.is_some())
            .collect();
        let ranked: Vec<&str> = suggested.iter().map(|r| r.procedure_id.as_str()).collect();
        let chosen = default_plan(c, &ranked);
        assert!(!chosen.is_empty() && chosen.len() <= 3, "{who}: {chosen:?}");
        assert!(
            chosen.iter().filter(|id| FACIALS.contains(id)).count() <= 1,
            "{who}: both facials {chosen:?}"
        );
        if who == "routine" {
            assert!(
                FACIALS.iter().all(|f| ranked.contains(f)),
                "{who}: both facials suggested {ranked:?}"
            );
        }
        let selection: Vec<(&str, &Plan)> = suggested
            .iter()
            .filter(|r| chosen.contains(&r.procedure_id.as_str()))
            .map(|r| (r.procedure_id.as_str(), r.plan.as_ref().unwrap()))
            .collect();
        let s = schedule(c, &selection, start, start, DEFAULT_HORIZON).unwrap();
        let case = Case {
            selection,
            start,
            today: start,
            horizon: DEFAULT_HORIZON,
        };
        check(&case, &s);
    }
}

// ---------------------------------------------------------------------------------------------
// Scheduler: properties

const SKIN_STRESSING: [&str; 5] = [
    "chemical-peel",
    "laser-resurfacing",
    "micro-laser-peel",
    "microneedling",
    "mesotherapy",
];
const LASERS: [&str; 2] = ["laser-resurfacing", "micro-laser-peel"];
/// Treatments that exfoliate the skin (brief 5.1: 1-2 weeks apart; the catalog takes 2).
const EXFOLIATING: [&str; 6] = [
    "medical-skin-care",
    "hydrafacial",
    "chemical-peel",
    "laser-resurfacing",
    "micro-laser-peel",
    "microneedling",
];
/// The only pair that may share a day (brief 5.1 [42]).
const INJECTED: [&str; 2] = ["botulinum-toxin", "dermal-filler"];
/// The one group of alternatives (brief 5.1 [49]).
const DEFAULT_HORIZON: u32 = 365;
const FACIALS: [&str; 2] = ["medical-skin-care", "hydrafacial"];
/// Repeats booked as one review visit.
const REVIEWED: [&str; 3] = ["botulinum-toxin", "dermal-filler", "mesotherapy"];

#[derive(Debug)]
struct Case {
    selection: Vec<(&'static str, &'static Plan)>,
    start: Date,
    today: Date,
    horizon: u32,
}

fn case() -> impl Strategy<Value = Case> {
    let n = catalog().procedures.len();
    (
        any::<u32>(),                          // subset
        prop::collection::vec(any::<u8>(), n), // variant per procedure
        any::<u64>(),                          // order
        0i64..72_000,                          // start offset from 2000-01-01
        0u32..=MAX_HORIZON_DAYS,               // horizon
        0i64..30,                              // days from today to start
    )
        .prop_map(|(subset, variants, order, offset, horizon, lead)| {
            let c = catalog();
            let mut selection: Vec<(&'static str, &'static Plan)> = c
                .procedures
                .iter()
                .enumerate()
                .filter(|(i, _)| subset & (1 << i) != 0)
                .map(|(i, p)| {
                    let vs = &p.frequency.variants;
                    (p.id.as_str(), &vs[variants[i] as usize % vs.len()].plan)
                })
                .collect();
            // A deterministic shuffle: the scheduler must not depend on the input order.
            let len = selection.len();
            for i in (1..len).rev() {
                selection.swap(i, (order >> (i % 16 * 4)) as usize % (i + 1));
            }
            let start = d("2000-01-01").add_days(offset);
            Case {
                selection,
                start,
                today: start.add_days(-lead),
                horizon,
            }
        })
}

fn plan_of<'a>(case: &'a Case, id: &str) -> &'a Plan {
    case.selection.iter().find(|(p, _)| *p == id).unwrap().1
}

/// The interval a session of `phase` waits after the previous one, by the documented choice
/// (the minimum of each range, never less than `min_gap_days`).
fn interval(plan: &Plan, phase: Phase) -> i64 {
    let gap = plan.min_gap_days.unwrap_or(1) as i64;
    let i = match phase {
        Phase::Initial => plan.initial.as_ref().map_or(1, |c| c.interval.min_days),
        Phase::Maintenance | Phase::Review => plan.maintenance.unwrap().min_days,
    };
    (i as i64).max(gap)
}

fn course_len(plan: &Plan) -> u32 {
    match &plan.initial {
        Some(c) => c
            .sessions
            .map_or(catalog().scheduling.series_sessions, |s| s.min),
        // Without a course, the first session is still the first, not "maintenance".
        None => u32::from(plan.single_session || plan.maintenance.is_some()),
    }
}

fn check(case: &Case, s: &Schedule) {
    let end = case.start.add_days(case.horizon as i64);
    assert_eq!((s.start, s.end), (case.start, end));
    let order = |id: &str| catalog().procedure_index(id).unwrap();
    // Sorted by date, then catalog order; within [start, end].
    for w in s.sessions.windows(2) {
        assert!(
            (w[0].date, order(&w[0].procedure_id)) <= (w[1].date, order(&w[1].procedure_id)),
            "not sorted"
        );
    }
    for x in &s.sessions {
        assert!(case.start <= x.date && x.date <= end, "{} outside", x.date);
    }
    // Per procedure: indices 1.., course then maintenance, intervals, moved iff later than wanted.
    for &(id, plan) in &case.selection {
        let mine: Vec<_> = s.sessions.iter().filter(|x| x.procedure_id == id).collect();
        let course = course_len(plan);
        let initial = mine.iter().filter(|x| x.phase == Phase::Initial).count() as u32;
        assert!(
            initial <= course,
            "{id}: {initial} course sessions > {course}"
        );
        if mine.iter().any(|x| x.phase != Phase::Initial) {
            assert_eq!(initial, course, "{id}: maintenance before the course ended");
        }
        let reviews = mine.iter().filter(|x| x.phase == Phase::Review).count();
        if REVIEWED.contains(&id) {
            // Injectables: the first session(s), then at most one review visit, nothing more.
            assert!(reviews <= 1, "{id}: {reviews} review visits");
            assert!(!mine.iter().any(|x| x.phase == Phase::Maintenance));
            assert!(
                mine.len() as u32 <= course + 1,
                "{id}: booked beyond a review"
            );
            for x in mine.iter().filter(|x| x.phase == Phase::Review) {
                assert!(x.note.as_ref().unwrap().get("en").contains("Review visit"));
            }
        } else {
            assert_eq!(reviews, 0, "{id}: a review visit");
        }
        let mut prev: Option<Date> = None;
        for (k, x) in mine.iter().enumerate() {
            assert_eq!(x.index, k as u32 + 1, "{id}: index");
            assert_eq!(
                x.phase == Phase::Initial,
                (k as u32) < course,
                "{id}: phase"
            );
            let wanted = prev.map_or(case.start, |p| p.add_days(interval(plan, x.phase)));
            assert!(x.date >= wanted, "{id} #{}: before its interval", x.index);
            assert_eq!(
                x.moved_by.is_empty(),
                x.date == wanted,
                "{id} #{}: moved {:?} but wanted {wanted}, got {}",
                x.index,
                x.moved_by,
                x.date
            );
            // The rule that set the final date explains it.
            if let Some(r) = x.moved_by.last() {
                let rule = catalog()
                    .scheduling
                    .rules
                    .iter()
                    .find(|q| &q.id == r)
                    .unwrap();
                let note = x.note.as_ref().expect("a moved session says why");
                assert!(note.get("en").contains(rule.reason.get("en")));
                assert!(note.get("tr").contains(rule.reason.get("tr")));
            }
            prev = Some(x.date);
        }
        if case.selection.len() == 1 && !mine.is_empty() {
            // Alone, nothing moves it: the count is what fits in the horizon.
            let course_fit = (0..course).take_while(|k| {
                case.start
                    .add_days(*k as i64 * interval(plan, Phase::Initial))
                    <= end
            });
            assert_eq!(initial as usize, course_fit.count(), "{id}: course count");
        }
        if plan.home_use.is_some() && plan.initial.is_none() && plan.maintenance.is_none() {
            assert!(mine.is_empty(), "{id}: home care is not a session");
            assert!(s.home_use.iter().any(|h| h.procedure_id == id));
        }
    }
    // Spacing rules, written out independently of the rule data.
    for (i, a) in s.sessions.iter().enumerate() {
        for b in &s.sessions[i + 1..] {
            let (a_id, b_id) = (a.procedure_id.as_str(), b.procedure_id.as_str());
            let gap = a.date.days_until(b.date).abs();
            if a_id != b_id {
                assert!(
                    gap > 0 || (INJECTED.contains(&a_id) && INJECTED.contains(&b_id)),
                    "{a_id} and {b_id} on the same day {}",
                    a.date
                );
                if EXFOLIATING.contains(&a_id) && EXFOLIATING.contains(&b_id) {
                    assert!(gap >= 14, "{a_id} {} and {b_id} {}", a.date, b.date);
                }
                if (INJECTED.contains(&a_id) && EXFOLIATING.contains(&b_id))
                    || (EXFOLIATING.contains(&a_id) && INJECTED.contains(&b_id))
                {
                    assert!(gap >= 14, "{a_id} {} and {b_id} {}", a.date, b.date);
                }
            }
            if SKIN_STRESSING.contains(&a_id) && SKIN_STRESSING.contains(&b_id) {
                assert!(
                    !a.date.same_week(b.date),
                    "{a_id} {} and {b_id} {} in the same week",
                    a.date,
                    b.date
                );
            }
            if a_id == "botulinum-toxin" && b_id == "botulinum-toxin" {
                assert!(a.date.days_until(b.date) >= 90, "toxin too soon");
            }
            if a_id != b_id {
                for (l, o) in [(a, b), (b, a)] {
                    if LASERS.contains(&l.procedure_id.as_str()) {
                        let rec = plan_of(case, &l.procedure_id).recovery_days.unwrap_or(0);
                        let gap = l.date.days_until(o.date);
                        assert!(
                            gap < 0 || gap >= rec as i64,
                            "{} on {} within {} recovery days after {} on {}",
                            o.procedure_id,
                            o.date,
                            rec,
                            l.procedure_id,
                            l.date
                        );
                    }
                }
            }
        }
    }
    // Retinoid pauses: every day from 7 days before a peel or laser to the end of its healing
    // (7 days, or the laser's recovery days) is covered, once home care has started.
    if let Some(home) = s
        .home_use
        .iter()
        .find(|h| h.procedure_id == "retinoid-home-care")
    {
        assert!(home.from >= case.start);
        for x in s.sessions.iter().filter(|x| {
            ["chemical-peel", "laser-resurfacing", "micro-laser-peel"]
                .contains(&x.procedure_id.as_str())
        }) {
            let after = plan_of(case, &x.procedure_id)
                .recovery_days
                .unwrap_or(0)
                .max(7) as i64;
            for k in -7..after {
                let day = x.date.add_days(k);
                assert!(
                    day < home.from || s.pauses.iter().any(|p| p.from <= day && day <= p.to),
                    "retinoid not paused on {day} around {} on {}",
                    x.procedure_id,
                    x.date
                );
            }
        }
        for p in &s.pauses {
            assert!(p.from > home.from && p.from <= p.to);
        }
    } else {
        assert!(s.pauses.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn schedules_keep_every_rule(case in case()) {
        let c = catalog();
        let result = schedule(c, &case.selection, case.today, case.start, case.horizon);
        let again = schedule(c, &case.selection, case.today, case.start, case.horizon);
        prop_assert_eq!(&result, &again);
        let mut reversed = case.selection.clone();
        reversed.reverse();
        prop_assert_eq!(&result, &schedule(c, &reversed, case.today, case.start, case.horizon));
        match result {
            Ok(s) => {
                prop_assert!(!s.sessions.is_empty());
                check(&case, &s);
            }
            Err(ScheduleError::NothingSelected) => prop_assert!(case.selection.is_empty()),
            Err(ScheduleError::NothingToSchedule) => prop_assert!(case
                .selection
                .iter()
                .all(|(_, p)| p.initial.is_none() && p.maintenance.is_none() && !p.single_session)),
            Err(e) => prop_assert!(false, "unexpected {e}"),
        }
    }

    #[test]
    fn the_default_plan_books_no_alternatives_together(case in case()) {
        let c = catalog();
        // The shuffled selection stands for a ranking, best first.
        let ranked: Vec<&str> = case.selection.iter().map(|(id, _)| *id).collect();
        let chosen = default_plan(c, &ranked);
        prop_assert!(chosen.len() <= 3);
        // In rank order, and nothing skipped unless an earlier choice is its alternative.
        let mut pos = 0;
        for id in &chosen {
            let at = ranked[pos..].iter().position(|r| r == id).unwrap() + pos;
            for skipped in &ranked[pos..at] {
                prop_assert!(FACIALS.contains(skipped) && chosen.iter().any(|c| FACIALS.contains(c)));
            }
            pos = at + 1;
        }
        prop_assert!(chosen.iter().filter(|id| FACIALS.contains(id)).count() <= 1);
        // Its schedule keeps every rule too.
        let picked: Vec<(&str, &Plan)> =
            case.selection.iter().filter(|(id, _)| chosen.contains(id)).copied().collect();
        if let Ok(s) = schedule(c, &picked, case.today, case.start, case.horizon) {
            check(&Case { selection: picked, ..case }, &s);
        }
    }

    #[test]
    fn a_start_before_today_is_refused(case in case(), back in 1i64..400) {
        let today = case.start.add_days(back);
        prop_assert_eq!(
            schedule(catalog(), &case.selection, today, case.start, case.horizon),
            Err(ScheduleError::StartInPast { today, start: case.start })
        );
    }

    #[test]
    fn dates_round_trip(offset in -5000i64..90_000, k in -1000i64..1000) {
        let a = d("2000-01-01").add_days(offset);
        prop_assert_eq!(a.add_days(k).add_days(-k), a);
        prop_assert_eq!(a.days_until(a.add_days(k)), k);
        prop_assert_eq!(a.add_days(7).weekday(), a.weekday());
        prop_assert_eq!(a.week_start().weekday(), Weekday::Mon);
        prop_assert!(a.week_start() <= a && a.week_start().days_until(a) < 7);
        let m = Date::next_monday(a);
        prop_assert!(m > a && a.days_until(m) <= 7 && m.weekday() == Weekday::Mon);
    }
}

// ---------------------------------------------------------------------------------------------
// Spacing-rule data: validation

fn builtin() -> Value {
    serde_json::from_str(BUILTIN_CATALOG_JSON).unwrap()
}

fn errors(v: &Value) -> Vec<ValidationError> {
    parse_catalog(&v.to_string()).err().unwrap_or_default()
}

fn assert_has(errs: &[ValidationError], path: &str, part: &str) {
    assert!(
        errs.iter()
            .any(|e| e.path == path && e.message.contains(part)),
        "no `{path}: …{part}…` in:\n{}",
        errs.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn rule_index(v: &Value, id: &str) -> usize {
    v["scheduling"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["id"] == id)
        .unwrap()
}

#[test]
fn broken_spacing_rules_are_named_by_path() {
    let mut v = builtin();
    let same = rule_index(&v, "skin-stress-same-week");
    let rec = rule_index(&v, "laser-recovery");
    let gap = rule_index(&v, "toxin-90-days");
    let pause = rule_index(&v, "retinoid-pause-peel");
    let rules = &mut v["scheduling"]["rules"];
    rules[same]["rule"]["same_week"]["procedures"][1] = json!("laser-hair-removal");
    rules[same]["rule"]["same_week"]["procedures"][2] = json!("chemical-peel");
    rules[same]["reason"]["tr"] = json!("  ");
    rules[rec]["rule"]["recovery"]["procedures"] = json!(["laser-resurfacing", "dermal-filler"]);
    rules[rec]["reason"].as_object_mut().unwrap().remove("tr");
    rules[rec]["sources"] = json!([]);
    rules[gap]["rule"]["min_gap"]["days"] = json!(0);
    rules[gap]["id"] = json!("laser-recovery");
    rules[gap]["sources"] = json!(["a web page"]);
    rules[pause]["rule"]["pause"]["procedure"] = json!("chemical-peel");
    rules[pause]["rule"]["pause"]["days_before"] = json!(0);
    rules[pause]["rule"]["pause"]["days_after"] = json!(0);
    rules[pause]["rule"]["pause"]["around"] = json!([]);
    rules[pause]["note"]["de"] = json!("Hinweis");
    v["scheduling"]["series_sessions"] = json!(0);
    v["scheduling"]["series_note"]["en"] = json!("");
    v["scheduling"]["series_sources"] = json!([]);
    let e = errors(&v);
    let p = |i: usize, rest: &str| format!("scheduling.rules[{i}].{rest}");
    assert_has(
        &e,
        &p(same, "rule.same_week.procedures[1]"),
        "unknown procedure `laser-hair-removal`",
    );
    assert_has(
        &e,
        &p(same, "rule.same_week.procedures[2]"),
        "duplicate procedure `chemical-peel`",
    );
    assert_has(&e, &p(same, "reason.tr"), "must not be empty");
    assert_has(
        &e,
        &p(rec, "rule.recovery.procedures[1]"),
        "no plan with recovery_days",
    );
    assert_has(&e, &p(rec, "reason.tr"), "missing translation");
    assert_has(&e, &p(rec, "sources"), "at least one source");
    assert_has(&e, &p(gap, "rule.min_gap.days"), "must be > 0");
    assert_has(&e, &p(gap, "id"), "duplicate id `laser-recovery`");
    assert_has(&e, &p(gap, "sources[0]"), "must look like");
    assert_has(&e, &p(pause, "rule.pause.procedure"), "no home_use plan");
    assert_has(&e, &p(pause, "rule.pause.days_before"), "must be > 0");
    assert_has(&e, &p(pause, "rule.pause.days_after"), "must be > 0");
    assert_has(&e, &p(pause, "rule.pause.around"), "at least 1 procedure");
    assert_has(&e, &p(pause, "note.de"), "language not declared");
    assert_has(&e, "scheduling.series_sessions", "must be > 0");
    assert_has(&e, "scheduling.series_note.en", "must not be empty");
    assert_has(&e, "scheduling.series_sources", "at least one source");
    assert_eq!(e.len(), 17, "{e:#?}");
}

#[test]
fn more_broken_spacing_rules() {
    let mut v = builtin();
    let pause = rule_index(&v, "retinoid-pause-peel");
    let same = rule_index(&v, "skin-stress-same-week");
    v["scheduling"]["rules"][pause]["rule"]["pause"]["procedure"] = json!("retinol");
    v["scheduling"]["rules"][pause]["rule"]["pause"]["around"] =
        json!(["chemical-peel", "retinol"]);
    v["scheduling"]["rules"][same]["rule"]["same_week"]["procedures"] = json!(["chemical-peel"]);
    let e = errors(&v);
    assert_has(
        &e,
        &format!("scheduling.rules[{pause}].rule.pause.procedure"),
        "unknown procedure `retinol`",
    );
    assert_has(
        &e,
        &format!("scheduling.rules[{pause}].rule.pause.around[1]"),
        "unknown procedure `retinol`",
    );
    assert_has(
        &e,
        &format!("scheduling.rules[{same}].rule.same_week.procedures"),
        "at least 2",
    );

    let mut v = builtin();
    v["scheduling"]["rules"][pause]["rule"]["pause"]["around"] = json!(["retinoid-home-care"]);
    assert_has(
        &errors(&v),
        &format!("scheduling.rules[{pause}].rule.pause.around[0]"),
        "cannot pause itself",
    );

    // Negative days are not a number of days at all: one error naming the field.
    let mut v = builtin();
    let gap = rule_index(&v, "toxin-90-days");
    v["scheduling"]["rules"][gap]["rule"]["min_gap"]["days"] = json!(-90);
    let e = errors(&v);
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].path,
        format!("scheduling.rules[{gap}].rule.min_gap.days"),
        "{e:?}"
    );
    assert!(e[0].message.contains("-90"), "{e:?}");

    // An unknown kind of rule, or a missing section, is refused too.
    let mut v = builtin();
    v["scheduling"]["rules"][gap]["rule"] =
        json!({"same_day": {"procedures": ["botulinum-toxin"]}});
    assert!(errors(&v)[0].message.contains("same_day"));
    let mut v = builtin();
    v.as_object_mut().unwrap().remove("scheduling");
    assert!(errors(&v)[0].message.contains("scheduling"));
}
