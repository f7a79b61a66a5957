//! A third language is a data-only change. German is added to a copy of the built-in catalog:
//! every text gets a `de` entry (generated here: a marked copy of the English, as a translator
//! would replace it) and the catalog gets the hand-written German locale block of
//! `fixtures/locale-de.json`. With no code change, plans, dates, the calendar file and the
//! language's own name come out in German; until the data is complete, validation names every
//! missing piece by its path.

use serde_json::{json, Value};
use skin_consult_engine::{
    builtin_catalog, describe_plan, parse_catalog, schedule, to_ics, Catalog, CountRange, Course,
    Date, DayRange, HomeUse, Plan, Timestamp, ValidationError, BUILTIN_CATALOG_JSON,
};

const GERMAN_LOCALE: &str = include_str!("fixtures/locale-de.json");

fn builtin() -> Value {
    serde_json::from_str(BUILTIN_CATALOG_JSON).unwrap()
}

/// Adds a `de` entry to every text (an object of strings with an `en` key, outside `locales`).
fn add_german_texts(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let is_text = map.contains_key("en") && map.values().all(Value::is_string);
            if is_text {
                let english = map["en"].as_str().unwrap().to_string();
                map.insert("de".into(), Value::String(format!("(de) {english}")));
                return;
            }
            for (key, value) in map.iter_mut() {
                if key != "locales" {
                    add_german_texts(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(add_german_texts),
        _ => {}
    }
}

/// The built-in catalog with German declared and every text translated, but no locale yet.
fn german_texts_only() -> Value {
    let mut v = builtin();
    v["languages"].as_array_mut().unwrap().push(json!("de"));
    add_german_texts(&mut v);
    v
}

/// The built-in catalog with German complete: texts and the locale block.
fn german() -> Value {
    let mut v = german_texts_only();
    v["locales"]["de"] = serde_json::from_str(GERMAN_LOCALE).unwrap();
    v
}

fn errors(v: &Value) -> Vec<ValidationError> {
    parse_catalog(&v.to_string()).err().unwrap_or_default()
}

fn german_catalog() -> Catalog {
    let mut v = german();
    let peel = v["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == "chemical-peel")
        .unwrap();
    v["procedures"][peel]["name"]["de"] = json!("Chemisches Peeling");
    parse_catalog(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn course(sessions: Option<(u32, u32)>, min_days: u32, max_days: u32) -> Option<Course> {
    Some(Course {
        sessions: sessions.map(|(min, max)| CountRange { min, max }),
        interval: DayRange { min_days, max_days },
    })
}

#[test]
fn validation_names_what_a_new_language_still_lacks() {
    // Declaring the language alone: every text and the locale are missing.
    let mut declared = builtin();
    declared["languages"]
        .as_array_mut()
        .unwrap()
        .push(json!("de"));
    let e = errors(&declared);
    assert!(e
        .iter()
        .any(|e| e.path == "questions[0].prompt.de" && e.message == "missing translation"));
    assert!(e.iter().any(|e| e.path == "locales.de"));
    // Every text translated: the locale block is the one thing left.
    let e = errors(&german_texts_only());
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].path, "locales.de");
    assert!(e[0].message.starts_with("missing"), "{e:?}");
    // A locale for a language the catalog does not declare is refused too.
    let mut stray = builtin();
    stray["locales"]["de"] = serde_json::from_str(GERMAN_LOCALE).unwrap();
    let e = errors(&stray);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].to_string(),
        "locales.de: language not declared in `languages`"
    );
    assert!(errors(&german()).is_empty());
    // A catalog written before locales existed is told what to add, language by language.
    let mut old = builtin();
    old.as_object_mut().unwrap().remove("locales");
    let paths: Vec<String> = errors(&old).into_iter().map(|e| e.path).collect();
    assert_eq!(paths, ["locales.en", "locales.tr"]);
}

#[test]
fn an_incomplete_or_broken_locale_is_named_by_its_path() {
    let cases: [(&str, Value, &str, &str); 12] = [
        (
            "/locales/de/calendar.aftercare",
            Value::Null,
            "locales.de.calendar.aftercare",
            "missing",
        ),
        (
            "/locales/de/plan.week.every.one",
            Value::Null,
            "locales.de.plan.week.every.one",
            "missing",
        ),
        (
            "/locales/de/date.month.12",
            Value::Null,
            "locales.de.date.month.12",
            "missing",
        ),
        (
            "/locales/tr/plan.week.duration.one",
            json!("{n} hafta"),
            "locales.tr.plan.week.duration.one",
            "not a form of the language's plural rule, whose forms are `other`",
        ),
        (
            "/locales/de/plan.week.evry.other",
            json!("alle {n} Wochen"),
            "locales.de.plan.week.evry.other",
            "unknown key",
        ),
        (
            "/locales/de/plan.then",
            json!("danach {evry}"),
            "locales.de.plan.then",
            "unknown placeholder `{evry}`, expected `{every}`",
        ),
        (
            "/locales/de/plan.sessions.other",
            json!("Sitzungen {every}"),
            "locales.de.plan.sessions.other",
            "must contain `{n}`",
        ),
        (
            "/locales/de/date",
            json!("{weekday}, {day}. {month}"),
            "locales.de.date",
            "must contain `{year}`",
        ),
        (
            "/locales/de/date.weekday.7",
            json!(" "),
            "locales.de.date.weekday.7",
            "must not be empty",
        ),
        (
            "/locales/de/plural",
            json!("one_few_other"),
            "locales.de.plural",
            "unknown plural rule `one_few_other`, expected one of `other`, `one_other`",
        ),
        (
            "/locales/de/name",
            json!(""),
            "locales.de.name",
            "must not be empty",
        ),
        (
            "/locales/de/calendar.session",
            json!("{name}"),
            "locales.de.calendar.session",
            "must contain `{n}`",
        ),
    ];
    for (pointer, value, path, message) in cases {
        let mut v = german();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match v.pointer_mut(parent).unwrap() {
            Value::Object(o) if value.is_null() => {
                o.remove(key).unwrap();
            }
            Value::Object(o) => {
                o.insert(key.into(), value);
            }
            Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
            other => panic!("cannot edit {other}"),
        }
        let e = errors(&v);
        assert!(
            e.iter().any(|e| e.path == path && e.message == message),
            "{pointer}: no `{path}: {message}` in {e:?}"
        );
    }
}

#[test]
fn german_plans_dates_calendar_and_name_come_from_data() {
    let c = german_catalog();
    let de = c.locale("de");
    let cases = [
        (
            Plan {
                initial: course(Some((3, 3)), 14, 14),
                maintenance: Some(DayRange::exactly(30)),
                ..Plan::default()
            },
            "3 Sitzungen alle 2 Wochen, danach einmal im Monat",
            "every 2 weeks for 3 sessions, then once a month",
            "3 seans boyunca 2 haftada bir, ardından ayda bir",
        ),
        (
            Plan {
                maintenance: Some(DayRange {
                    min_days: 90,
                    max_days: 180,
                }),
                min_gap_days: Some(90),
                ..Plan::default()
            },
            "alle 3–6 Monate, mindestens 3 Monate Abstand",
            "every 3–6 months, never sooner than 3 months apart",
            "3–6 ayda bir, en az 3 ay arayla",
        ),
        (
            Plan {
                initial: course(Some((1, 1)), 7, 7),
                ..Plan::default()
            },
            "1 Sitzung einmal pro Woche",
            "once a week for 1 session",
            "1 seans boyunca haftada bir",
        ),
        (
            Plan {
                initial: course(None, 14, 35),
                ..Plan::default()
            },
            "eine Reihe von Sitzungen alle 2–5 Wochen",
            "a series of sessions every 2–5 weeks",
            "2–5 haftada bir, seanslar halinde",
        ),
        (
            Plan {
                single_session: true,
                recovery_days: Some(7),
                ..Plan::default()
            },
            "meist eine einzige Sitzung; vor anderen Behandlungen etwa 1 Woche abwarten",
            "usually a single session; allow about 1 week before other treatments",
            "genellikle tek seans; diğer uygulamalardan önce yaklaşık 1 hafta bekleyin",
        ),
        (
            Plan {
                home_use: Some(HomeUse {
                    nights_per_week: CountRange { min: 1, max: 2 },
                    increase_with_tolerance: true,
                }),
                ..Plan::default()
            },
            "anfangs 1–2 Abende pro Woche, mehr, sobald Ihre Haut es verträgt",
            "1–2 nights a week at first, increasing as your skin tolerates it",
            "başlangıçta haftada 1–2 gece, cildiniz alıştıkça artırarak",
        ),
        (
            Plan {
                home_use: Some(HomeUse {
                    nights_per_week: CountRange { min: 1, max: 1 },
                    increase_with_tolerance: false,
                }),
                ..Plan::default()
            },
            "1 Abend pro Woche",
            "1 night a week",
            "haftada 1 gece",
        ),
        (
            Plan {
                initial: course(Some((6, 6)), 1, 1),
                recovery_days: Some(3),
                ..Plan::default()
            },
            "6 Sitzungen jeden Tag; vor anderen Behandlungen etwa 3 Tage abwarten",
            "every day for 6 sessions; allow about 3 days before other treatments",
            "6 seans boyunca her gün; diğer uygulamalardan önce yaklaşık 3 gün bekleyin",
        ),
        (
            Plan::default(),
            "so oft, wie Ihre Ärztin oder Ihr Arzt es empfiehlt",
            "as advised by your doctor",
            "doktorunuzun önerdiği sıklıkta",
        ),
    ];
    for (plan, german, english, turkish) in &cases {
        assert_eq!(describe_plan(plan, de), *german);
        // English and Turkish read as before in the same catalog.
        assert_eq!(describe_plan(plan, c.locale("en")), *english);
        assert_eq!(describe_plan(plan, c.locale("tr")), *turkish);
    }

    assert_eq!(d("2026-11-30").format(de), "Mo., 30. Nov. 2026");
    assert_eq!(d("2027-03-07").format(de), "So., 7. März 2027");
    assert_eq!(d("2026-11-30").format(c.locale("en")), "Mon 30 Nov 2026");

    assert_eq!(c.language_name("de"), "Deutsch");
    assert_eq!(c.language_name("tr"), "Türkçe");
    assert_eq!(c.language_name("en"), "English");
    assert_eq!(c.language_name("xx"), "xx");

    let peel = &c.procedure("chemical-peel").unwrap().frequency.variants[0].plan;
    let retinoid = c.procedure("retinoid-home-care").unwrap();
    let retinoid_plan = &retinoid.frequency.variants.last().unwrap().plan;
    let start = d("2026-11-30");
    let s = schedule(
        &c,
        &[
            ("chemical-peel", peel),
            ("retinoid-home-care", retinoid_plan),
        ],
        start,
        start,
        365,
    )
    .unwrap();
    // Home-care guidance is written in every language of the catalog, German included.
    assert_eq!(
        s.home_use[0].guidance.get("de"),
        describe_plan(retinoid_plan, de)
    );
    assert!(s.home_use[0].guidance.get("de").starts_with("anfangs"));
    let stamp = Timestamp::new(start, 9, 0, 0).unwrap();
    let ics = to_ics(&s, &c, "de", "Praxis", stamp).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("X-WR-CALNAME:Praxis: Behandlungsplan\r\n"));
    assert!(unfolded.contains("SUMMARY:Chemisches Peeling\\, Sitzung 1\r\n"));
    assert!(unfolded.contains("\\nNachsorge:\\n- (de) "));
}

#[test]
fn no_placeholder_or_blank_reaches_the_screen_in_any_language() {
    let german = german_catalog();
    let builtin = builtin_catalog();
    for c in [&builtin, &german] {
        for lang in &c.languages {
            let l = c.locale(lang);
            for p in &c.procedures {
                for v in &p.frequency.variants {
                    let text = describe_plan(&v.plan, l);
                    assert!(
                        !text.trim().is_empty() && !text.contains(['{', '}']),
                        "{lang} {}: {text:?}",
                        p.id
                    );
                }
            }
            for day in 0..366 {
                let text = d("2028-01-01").add_days(day).format(l);
                assert!(!text.contains(['{', '}']), "{lang}: {text:?}");
            }
            assert_ne!(c.language_name(lang), lang.as_str());
        }
    }
}
