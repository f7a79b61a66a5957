//! The calendar file: folding, escaping and line ends by table, and every generated file read
//! back by an independent iCalendar parser.

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use proptest::prelude::*;
use skin_consult_engine::ics::{escape_text, fold_line, PRODID};
use skin_consult_engine::{
    builtin_catalog, schedule, to_ics, Catalog, Date, IcsError, Phase, Plan, Schedule, Timestamp,
};
use std::collections::BTreeSet;
use std::str::FromStr;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(builtin_catalog)
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn stamp() -> Timestamp {
    Timestamp::new(d("2026-11-20"), 9, 5, 7).unwrap()
}

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

fn sample() -> Schedule {
    let start = d("2026-11-30");
    schedule(
        catalog(),
        &[
            ("micro-laser-peel", plan("micro-laser-peel")),
            ("chemical-peel", plan("chemical-peel")),
            ("botulinum-toxin", plan("botulinum-toxin")),
            ("dermal-filler", plan("dermal-filler")),
            ("retinoid-home-care", plan("retinoid-home-care")),
        ],
        start,
        start,
        365,
    )
    .unwrap()
}

/// Physical lines (without their CRLF); panics on a bare CR or LF.
fn physical_lines(ics: &str) -> Vec<&str> {
    assert!(ics.ends_with("\r\n"), "last line lacks CRLF");
    let lines: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
    for l in &lines {
        assert!(
            !l.contains('\r') && !l.contains('\n'),
            "bare line break in {l:?}"
        );
    }
    lines
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

// ---------------------------------------------------------------------------------------------
// Folding and escaping

#[test]
fn folds_at_75_octets() {
    let a75 = "a".repeat(75);
    assert_eq!(fold_line(&a75), a75);
    let a76 = "a".repeat(76);
    assert_eq!(fold_line(&a76), format!("{a75}\r\n a"));
    // Continuation lines carry 74 octets after their space.
    let a200 = "a".repeat(200);
    let folded = fold_line(&a200);
    let parts: Vec<&str> = folded.split("\r\n").collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [75, 75, 52]
    );
    assert!(parts[1..]
        .iter()
        .all(|p| p.starts_with(' ') && !p[1..].starts_with(' ')));
    assert_eq!(fold_line(""), "");
}

#[test]
fn folds_on_character_boundaries() {
    // 74 ASCII octets, then "ş" (2 octets): it would end at octet 76, so it moves whole.
    let line = format!("{}şx", "a".repeat(74));
    assert_eq!(fold_line(&line), format!("{}\r\n şx", "a".repeat(74)));
    // 73 + "ş" = exactly 75: no fold before it.
    let line = format!("{}şx", "a".repeat(73));
    assert_eq!(fold_line(&line), format!("{}ş\r\n x", "a".repeat(73)));
    // 3- and 4-octet characters ("–", "😀") straddling the limit.
    for (prefix, ch) in [(73, "–"), (74, "–"), (72, "😀"), (73, "😀"), (71, "😀")] {
        let line = format!("{}{ch}{}", "a".repeat(prefix), "ğ".repeat(100));
        let folded = fold_line(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part:?}", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line, "unfolds to the original");
        // The first line is as long as possible: adding the next character would pass 75.
        let first = folded.split("\r\n").next().unwrap();
        let next = line[first.len()..].chars().next().unwrap();
        assert!(first.len() + next.len_utf8() > 75);
    }
    // Turkish text throughout.
    let tr = "Şişlik geçene kadar solaryum, güneşlenme ve aşırı soğuktan kaçının. ".repeat(4);
    let folded = fold_line(&tr);
    assert!(folded.split("\r\n").all(|p| p.len() <= 75));
    assert_eq!(folded.replace("\r\n ", ""), tr);
}

#[test]
fn escapes_text_values() {
    for (input, out) in [
        ("plain", "plain"),
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("C:\\path", "C:\\\\path"),
        ("line1\nline2", "line1\\nline2"),
        ("line1\r\nline2", "line1\\nline2"),
        ("tab\there", "tab\there"),
        ("bell\u{7}", "bell"),
        ("Ağrı; Test, A.Ş.", "Ağrı\\; Test\\, A.Ş."),
        ("\\n is literal", "\\\\n is literal"),
    ] {
        assert_eq!(escape_text(input), out, "{input:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The file

#[test]
fn structure_crlf_and_line_lengths() {
    let s = sample();
    for lang in ["en", "tr"] {
        let ics = to_ics(&s, catalog(), lang, "Klinik Işık; Ağrı, A.Ş.", stamp()).unwrap();
        let lines = physical_lines(&ics);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        let logical: Vec<String> = unfold(&ics)
            .trim_end_matches("\r\n")
            .split("\r\n")
            .map(String::from)
            .collect();
        assert_eq!(
            &logical[..4],
            [
                "BEGIN:VCALENDAR",
                &format!("PRODID:{PRODID}"),
                "VERSION:2.0",
                "CALSCALE:GREGORIAN"
            ]
        );
        assert_eq!(logical.last().unwrap(), "END:VCALENDAR");
        let count = |p: &str| logical.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!(count("BEGIN:VEVENT"), s.sessions.len());
        assert_eq!(count("END:VEVENT"), s.sessions.len());
        assert_eq!(count("DTSTAMP:20261120T090507Z"), s.sessions.len());
        let uids: BTreeSet<&String> = logical.iter().filter(|l| l.starts_with("UID:")).collect();
        assert_eq!(uids.len(), s.sessions.len(), "UIDs are unique");
        for x in &s.sessions {
            let uid = format!(
                "UID:{}-{}-{}@skin-consult",
                x.procedure_id,
                x.index,
                x.date.to_basic()
            );
            let at = logical.iter().position(|l| *l == uid).expect(&uid);
            assert_eq!(
                logical[at + 2],
                format!("DTSTART;VALUE=DATE:{}", x.date.to_basic())
            );
            assert_eq!(
                logical[at + 3],
                format!("DTEND;VALUE=DATE:{}", x.date.add_days(1).to_basic())
            );
        }
        assert!(logical.contains(&"LOCATION:Klinik Işık\\; Ağrı\\, A.Ş.".to_string()));
        // Deterministic.
        assert_eq!(
            ics,
            to_ics(&s, catalog(), lang, "Klinik Işık; Ağrı, A.Ş.", stamp()).unwrap()
        );
    }
    let tr = to_ics(&s, catalog(), "tr", "", stamp()).unwrap();
    assert!(unfold(&tr).contains("SUMMARY:Kimyasal peeling\\, 1. seans\r\n"));
    assert!(!tr.contains("LOCATION:"));
    let en = to_ics(&s, catalog(), "en", "", stamp()).unwrap();
    assert!(unfold(&en).contains("SUMMARY:Chemical peel\\, session 2\r\n"));
}

#[test]
fn an_empty_schedule_is_an_error_not_an_empty_calendar() {
    let mut s = sample();
    let mut unknown = s.clone();
    s.sessions.clear();
    assert_eq!(
        to_ics(&s, catalog(), "en", "Clinic", stamp()),
        Err(IcsError::EmptySchedule)
    );
    unknown.sessions[0].procedure_id = "laser-hair-removal".into();
    assert_eq!(
        to_ics(&unknown, catalog(), "en", "Clinic", stamp()),
        Err(IcsError::UnknownProcedure("laser-hair-removal".into()))
    );
}

// ---------------------------------------------------------------------------------------------
// Read back by an independent parser

/// Parses the file and checks it against the schedule: one event per session, same dates,
/// summaries and descriptions (unescaped), UIDs and timestamps.
fn read_back(s: &Schedule, lang: &str, clinic: &str) -> Result<(), TestCaseError> {
    let ics = to_ics(s, catalog(), lang, clinic, stamp()).unwrap();
    for l in physical_lines(&ics) {
        prop_assert!(l.len() <= 75, "{} octets: {:?}", l.len(), l);
    }
    let cal = Calendar::from_str(&ics).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    prop_assert_eq!(events.len(), s.sessions.len());
    for (e, x) in events.iter().zip(&s.sessions) {
        let p = catalog().procedure(&x.procedure_id).unwrap();
        let day = |v: Option<DatePerhapsTime>| match v {
            Some(DatePerhapsTime::Date(n)) => n.to_string(),
            other => format!("not a DATE: {other:?}"),
        };
        prop_assert_eq!(day(e.get_start()), x.date.to_iso());
        prop_assert_eq!(day(e.get_end()), x.date.add_days(1).to_iso());
        let uid = format!(
            "{}-{}-{}@skin-consult",
            x.procedure_id,
            x.index,
            x.date.to_basic()
        );
        prop_assert_eq!(e.get_uid(), Some(uid.as_str()));
        prop_assert_eq!(
            e.get_timestamp()
                .map(|t| t.format("%Y%m%dT%H%M%SZ").to_string()),
            Some("20261120T090507Z".to_string())
        );
        let summary = e.get_summary().unwrap_or_default();
        prop_assert!(summary.starts_with(p.name.get(lang)), "{}", summary);
        if x.phase == Phase::Review {
            // A review is a reminder, not a numbered session.
            let review = catalog()
                .locale(lang)
                .get("calendar.review")
                .replace("{name}", "");
            prop_assert!(summary.ends_with(&review), "{}", summary);
        } else {
            prop_assert!(summary.contains(&x.index.to_string()), "{}", summary);
        }
        let description = e.get_description().unwrap_or_default();
        for a in &p.aftercare {
            prop_assert!(
                description.contains(a.get(lang)),
                "{} lacks {}",
                description,
                a.get(lang)
            );
        }
        if let Some(note) = &x.note {
            prop_assert!(description.starts_with(note.get(lang)));
        }
        if !clinic.trim().is_empty() {
            prop_assert_eq!(e.property_value("LOCATION"), Some(clinic.trim()));
        }
    }
    Ok(())
}

#[test]
fn an_independent_parser_reads_the_sample() {
    let s = sample();
    assert!(s.sessions.len() > 5);
    read_back(&s, "en", "Skin Clinic").unwrap();
    read_back(&s, "tr", "Klinik Işık; Ağrı, A.Ş.").unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn any_schedule_reads_back(
        subset in 1u32..1024,
        variant in any::<u8>(),
        offset in 0i64..70_000,
        horizon in 0u32..=731,
        tr in any::<bool>(),
        clinic in "[ -~ğüşıöçĞÜŞİÖÇ]{0,90}",
    ) {
        let c = catalog();
        let selection: Vec<(&str, &Plan)> = c
            .procedures
            .iter()
            .enumerate()
            .filter(|(i, _)| subset & (1 << i) != 0)
            .map(|(i, p)| {
                let vs = &p.frequency.variants;
                (p.id.as_str(), &vs[(variant as usize + i) % vs.len()].plan)
            })
            .collect();
        let start = d("2000-01-01").add_days(offset);
        if let Ok(s) = schedule(c, &selection, start, start, horizon) {
            read_back(&s, if tr { "tr" } else { "en" }, &clinic)?;
        }
    }
}
