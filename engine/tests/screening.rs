//! The screening rules of the clinical review (brief section 5), one table row each: the
//! answers that matter on top of a patient with no other finding, and the status a clinician
//! expects for each procedure named. Also: every rule and red flag carries a grade and a
//! source, and the checked-in clinician report is current.

use skin_consult_engine::{assess, builtin_catalog, Answer, Answers, Assessment, Call, Status};

fn choices(xs: &[&str]) -> Answer {
    Answer::Choices(xs.iter().map(|s| s.to_string()).collect())
}

/// A patient who answers every always-asked question with nothing to report.
fn base(age: u32, concerns: &[&str]) -> Answers {
    let mut a = Answers::new()
        .with("age", Answer::Number(age))
        .with("skin_type", Answer::Choice("normal".into()))
        .with("concerns", choices(concerns))
        .with("warning_signs", choices(&["none"]))
        .with("makeup", Answer::Choice("light_daily".into()))
        .with("sun_burn", Answer::Choice("type_3".into()))
        .with("allergies", choices(&["none"]))
        .with("recent_procedures", choices(&["none"]))
        .with("skin_conditions", choices(&["none"]))
        .with("downtime", Answer::Choice("weeks".into()));
    for q in [
        "facial_before",
        "recent_tan",
        "pregnant",
        "isotretinoin",
        "photosensitising",
        "active_skin_problem",
        "cold_sores",
        "keloid",
        "blood_thinners",
        "neuromuscular",
        "immune",
        "retinoid_use",
        "smoking",
        "melasma_signs",
        "unchecked_spot",
        "toxin_recent",
    ] {
        a.insert(q, Answer::YesNo(false));
    }
    a
}

fn status(a: &Answers, procedure: &str) -> String {
    let c = builtin_catalog();
    match assess(&c, a) {
        Assessment::Referral(r) => format!("referral {:?}", r.flags[0].id),
        Assessment::Recommendations(rs) => rs
            .iter()
            .find(|r| r.procedure_id == procedure)
            .map(|r| r.status.as_str().to_string())
            .unwrap(),
    }
}

type Row = (
    &'static str,
    u32,
    &'static [&'static str],
    Vec<(&'static str, Answer)>,
    &'static [(&'static str, &'static str)],
);

#[test]
fn every_screening_rule_gives_the_status_a_clinician_expects() {
    let yes = || Answer::YesNo(true);
    let table: Vec<Row> = vec![
        (
            "rosacea",
            40,
            &["dullness", "fine_lines"],
            vec![("skin_conditions", choices(&["rosacea"]))],
            &[
                ("chemical-peel", "caution"),
                ("hydrafacial", "caution"),
                ("microneedling", "caution"),
                ("medical-skin-care", "caution"),
                ("retinoid-home-care", "caution"),
            ],
        ),
        (
            "Koebner active",
            35,
            &["acne_scars", "fine_lines"],
            vec![
                ("skin_conditions", choices(&["lichen_planus"])),
                ("koebner_active", yes()),
            ],
            &[
                ("microneedling", "deferred"),
                ("chemical-peel", "deferred"),
                ("laser-resurfacing", "deferred"),
                ("micro-laser-peel", "deferred"),
            ],
        ),
        (
            "Koebner history",
            35,
            &["acne_scars", "fine_lines"],
            vec![
                ("skin_conditions", choices(&["vitiligo"])),
                ("koebner_active", Answer::YesNo(false)),
            ],
            &[
                ("microneedling", "caution"),
                ("chemical-peel", "caution"),
                ("laser-resurfacing", "caution"),
            ],
        ),
        (
            "melasma concern",
            34,
            &["melasma", "fine_lines"],
            vec![],
            &[
                ("laser-resurfacing", "excluded"),
                ("micro-laser-peel", "excluded"),
                ("chemical-peel", "caution"),
            ],
        ),
        (
            "suspected melasma",
            34,
            &["pigmentation", "fine_lines"],
            vec![("melasma_signs", yes())],
            &[
                ("laser-resurfacing", "excluded"),
                ("micro-laser-peel", "excluded"),
                ("chemical-peel", "caution"),
            ],
        ),
        (
            "unchecked spot",
            50,
            &["pigmentation"],
            vec![("unchecked_spot", yes())],
            &[
                ("laser-resurfacing", "deferred"),
                ("micro-laser-peel", "deferred"),
                ("chemical-peel", "suggested"),
            ],
        ),
        (
            "isotretinoin now",
            24,
            &["blackheads_pores", "acne_scars", "fine_lines"],
            vec![("isotretinoin", yes()), ("isotretinoin_now", yes())],
            &[
                ("medical-skin-care", "deferred"),
                ("hydrafacial", "deferred"),
                ("chemical-peel", "deferred"),
                ("microneedling", "deferred"),
                ("laser-resurfacing", "deferred"),
                ("micro-laser-peel", "deferred"),
                ("retinoid-home-care", "deferred"),
            ],
        ),
        (
            "isotretinoin in the last year, finished",
            24,
            &["acne_scars"],
            vec![
                ("isotretinoin", yes()),
                ("isotretinoin_now", Answer::YesNo(false)),
            ],
            &[("chemical-peel", "caution"), ("microneedling", "caution")],
        ),
        (
            "photosensitising medicine",
            30,
            &["pigmentation", "texture"],
            vec![("photosensitising", yes())],
            &[
                ("laser-resurfacing", "caution"),
                ("micro-laser-peel", "caution"),
                ("chemical-peel", "caution"),
                ("retinoid-home-care", "caution"),
            ],
        ),
        (
            "keloid",
            40,
            &["expression_lines", "acne_scars"],
            vec![("keloid", yes())],
            &[
                ("chemical-peel", "caution"),
                ("botulinum-toxin", "suggested"),
                ("laser-resurfacing", "caution"),
                ("microneedling", "caution"),
            ],
        ),
        (
            "HA filler allergy",
            45,
            &["volume_folds", "dullness"],
            vec![("allergies", choices(&["filler_allergy"]))],
            &[("dermal-filler", "excluded"), ("mesotherapy", "excluded")],
        ),
        (
            "anaphylaxis",
            45,
            &["volume_folds", "dullness"],
            vec![("allergies", choices(&["severe_allergies"]))],
            &[("dermal-filler", "excluded"), ("mesotherapy", "excluded")],
        ),
        (
            "lidocaine allergy",
            40,
            &["acne_scars"],
            vec![("allergies", choices(&["lidocaine"]))],
            &[
                ("laser-resurfacing", "caution"),
                ("microneedling", "caution"),
                ("dermal-filler", "excluded"),
            ],
        ),
        (
            "moderate acne",
            25,
            &["acne", "acne_scars", "blackheads_pores"],
            vec![("acne_severity", Answer::Choice("moderate".into()))],
            &[
                ("microneedling", "deferred"),
                ("laser-resurfacing", "deferred"),
                ("micro-laser-peel", "deferred"),
                ("hydrafacial", "caution"),
                ("medical-skin-care", "caution"),
            ],
        ),
        (
            "lip filler at 19",
            19,
            &["volume_folds"],
            vec![],
            &[("dermal-filler", "caution")],
        ),
        (
            "filler at 21",
            21,
            &["volume_folds"],
            vec![],
            &[("dermal-filler", "suggested")],
        ),
        (
            "skin type V",
            40,
            &["acne_scars"],
            vec![("sun_burn", Answer::Choice("type_5".into()))],
            &[("laser-resurfacing", "excluded")],
        ),
        (
            "under 18",
            16,
            &["acne", "pigmentation"],
            vec![("acne_severity", Answer::Choice("mild".into()))],
            &[
                ("chemical-peel", "caution"),
                ("medical-skin-care", "suggested"),
            ],
        ),
    ];
    for (name, age, concerns, extra, expect) in table {
        let mut a = base(age, concerns);
        for (q, answer) in extra {
            a.insert(q, answer);
        }
        for (procedure, want) in expect {
            assert_eq!(&status(&a, procedure), want, "{name}: {procedure}");
        }
        // Without the finding the same patient gets something else for the first procedure
        // (so each row tests its rule, not the base patient).
        let plain = base(age, concerns);
        if ![
            "lip filler at 19",
            "filler at 21",
            "under 18",
            "moderate acne",
            "melasma concern",
        ]
        .contains(&name)
        {
            assert_ne!(
                &status(&plain, expect[0].0),
                expect[0].1,
                "{name}: without the finding"
            );
        }
    }
}

#[test]
fn cold_sores_add_an_antiviral_note_without_changing_the_status() {
    let c = builtin_catalog();
    let plain = base(40, &["volume_folds", "acne_scars"]);
    let sores = plain.clone().with("cold_sores", Answer::YesNo(true));
    let (a, b) = (assess(&c, &plain), assess(&c, &sores));
    for id in ["dermal-filler", "microneedling", "chemical-peel"] {
        let before = a.result(id).unwrap();
        let after = b.result(id).unwrap();
        assert_eq!(before.status, after.status, "{id}");
        assert!(before.notes.is_empty(), "{id}");
        assert!(
            after
                .notes
                .iter()
                .any(|n| n.text.get("en").contains("antiviral")
                    && n.question_id.as_deref() == Some("cold_sores")),
            "{id}: {:?}",
            after.notes
        );
    }
    // Lasers keep their review: antivirals come first.
    assert_eq!(
        b.result("laser-resurfacing").unwrap().status,
        Status::Caution
    );
}

#[test]
fn new_red_flags_send_to_the_right_service_most_urgent_first() {
    let c = builtin_catalog();
    let table: &[(&str, &str, Call)] = &[
        ("shingles_eye", "shingles_eye", Call::Urgent),
        ("blistering_rash", "blistering_rash", Call::Emergency),
        ("allergic_swelling", "allergic_swelling", Call::Emergency),
        ("growing_brown_patch", "growing_brown_patch", Call::Gp),
        ("self_harm", "self_harm", Call::Crisis),
        (
            "injection_reaction",
            "injection_complication",
            Call::Emergency,
        ),
    ];
    for &(sign, flag, call) in table {
        let a = base(30, &["fine_lines"]).with("warning_signs", choices(&[sign]));
        let Assessment::Referral(r) = assess(&c, &a) else {
            panic!("{sign}: a referral")
        };
        assert_eq!(r.flags[0].id, flag);
        assert_eq!(r.call(), Some(call), "{sign}");
    }
    let a = base(30, &["fine_lines"]).with(
        "warning_signs",
        choices(&["growing_brown_patch", "self_harm", "allergic_swelling"]),
    );
    let r = assess(&c, &a);
    let r = r.referral().unwrap();
    assert_eq!(r.call(), Some(Call::Emergency));
    let order: Vec<&str> = r.flags.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        order,
        ["allergic_swelling", "self_harm", "growing_brown_patch"]
    );
}

#[test]
fn every_rule_and_red_flag_has_a_grade_and_a_source() {
    let c = builtin_catalog();
    for r in &c.rules {
        assert!(!r.sources.is_empty(), "rule {}", r.id);
        assert!(!r.grade.as_str().is_empty(), "rule {}", r.id);
    }
    for f in &c.red_flags {
        assert!(!f.sources.is_empty(), "red flag {}", f.id);
    }
    // A rule without a grade is refused, naming the field.
    let json =
        include_str!("../catalog/catalog.json").replacen("\"grade\": \"A\"", "\"grade\": \"D\"", 1);
    let errors = skin_consult_engine::parse_catalog(&json).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path.ends_with(".grade") && e.message.contains("unknown variant `D`")),
        "{errors:?}"
    );
    let json = include_str!("../catalog/catalog.json").replacen(",\n      \"grade\": \"A\"", "", 1);
    let errors = skin_consult_engine::parse_catalog(&json).unwrap_err();
    assert!(
        errors.iter().any(|e| e.message.contains("grade")),
        "{errors:?}"
    );
}

#[test]
fn the_checked_in_clinician_report_is_current() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinician-report"))
        .output()
        .expect("run clinician-report");
    let fresh = String::from_utf8(out.stdout).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/clinician-report.md");
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        fresh == checked_in,
        "docs/clinician-report.md is stale; regenerate it with\n  \
         cargo run -q -p skin-consult-engine --bin clinician-report > docs/clinician-report.md"
    );
}
