//! The clinic configuration: every bad field is named and costs only itself; catalog overrides
//! need a reviewer, cannot touch rules or safety limits and pass the engine's own checks; a
//! document from a same-origin URL is merged under the inline one.

use skin_consult::config::clinic::Clinic;
use skin_consult::config::{
    check_config_url, parse_config, parse_config_layers, Config, Estimate, PriceRange, Reviewed,
    MAX_CONFIG_LEN,
};
use skin_consult_engine::{
    assess, builtin_catalog, describe_plan, Catalog, Date, DayRange, Phase, Schedule, Session,
};

mod common;
use common::typical_patient;

fn parse(json: &str) -> (Config, Vec<String>) {
    let (config, errors) = parse_config(json, &builtin_catalog());
    (config, errors.iter().map(|e| e.path.clone()).collect())
}

#[test]
fn a_complete_configuration_is_read_without_errors() {
    let (config, errors) = parse(
        r##"{
          "clinic": {"name": "Example Skin Studio", "logo": "/img/logo.svg", "phone": "+90 232 000 00 00",
                     "whatsapp": "+90 530 000 00 00", "email": "desk@example.org", "booking_url": "https://example.org/book"},
          "theme": {"colors": {"primary": "#224466", "on_primary": "#fff"}, "font_family": "\"Inter\", sans-serif"},
          "languages": {"offered": ["tr", "en"], "default": "tr"},
          "procedures": {"offered": ["medical-skin-care", "botulinum-toxin"],
                         "names": {"botulinum-toxin": {"en": "Anti-wrinkle consultation", "tr": "Kırışıklık danışmanlığı"}}},
          "disclaimer": "Prices on request.",
          "kiosk": {"enabled": true, "idle_seconds": 60},
          "debug": true
        }"##,
    );
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(config.clinic.name, "Example Skin Studio");
    assert_eq!(config.clinic.whatsapp.as_deref(), Some("+90 530 000 00 00"));
    assert_eq!(
        config.clinic.booking_url.as_deref(),
        Some("https://example.org/book")
    );
    assert!(config
        .theme
        .contains(&("--sc-color-primary".to_string(), "#224466".to_string())));
    assert_eq!(config.theme.len(), 3);
    assert_eq!(
        (config.languages.clone(), config.default_language.as_deref()),
        (vec!["tr".to_string(), "en".to_string()], Some("tr"))
    );
    assert_eq!(config.offered.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        config.procedure_names["botulinum-toxin"].get("en"),
        "Anti-wrinkle consultation"
    );
    assert_eq!(
        config.disclaimer.as_ref().map(|d| d.get("tr")),
        Some("Prices on request.")
    );
    assert!(config.kiosk.enabled && config.kiosk.idle_seconds == 60 && config.debug);
}

#[test]
fn each_bad_field_is_named_and_replaced_by_its_default() {
    let cases: &[(&str, &[&str])] = &[
        ("", &["(document)"]),
        ("{", &["(document)"]),
        ("[]", &["(document)"]),
        ("null", &["(document)"]),
        (r#"{"colour": 1}"#, &["colour"]),
        (r#"{"clinic": "Example"}"#, &["clinic"]),
        (
            r#"{"clinic": {"phone": "123"}}"#,
            &["clinic.name", "clinic.phone"],
        ),
        (
            r#"{"clinic": {"name": "", "email": "not an address"}}"#,
            &["clinic.name", "clinic.email"],
        ),
        (
            r#"{"clinic": {"name": "X", "booking_url": "javascript:alert(1)"}}"#,
            &["clinic.booking_url"],
        ),
        (
            r#"{"clinic": {"name": "X", "booking_url": "http://example.org/book"}}"#,
            &["clinic.booking_url"],
        ),
        (
            r#"{"clinic": {"name": "X", "booking_url": "https://exa mple.org/\"><script>"}}"#,
            &["clinic.booking_url"],
        ),
        (
            r#"{"clinic": {"name": "X", "logo": "https://elsewhere.example/logo.png"}}"#,
            &["clinic.logo"],
        ),
        (
            r#"{"clinic": {"name": "X", "logo": "//elsewhere.example/logo.png"}}"#,
            &["clinic.logo"],
        ),
        (r#"{"clinic": {"name": 42}}"#, &["clinic.name"]),
        (
            r#"{"theme": {"colors": {"primary": "red; background: url(x)"}}}"#,
            &["theme.colors.primary"],
        ),
        (
            r##"{"theme": {"colors": {"border": "#000"}}}"##,
            &["theme.colors.border"],
        ),
        (
            r#"{"theme": {"font_family": "x}</style><script>"}}"#,
            &["theme.font_family"],
        ),
        (
            r#"{"languages": {"offered": ["de", "tr"], "default": 7}}"#,
            &["languages.offered[0]", "languages.default"],
        ),
        (
            r#"{"languages": {"offered": "tr"}}"#,
            &["languages.offered"],
        ),
        (
            r#"{"procedures": {"offered": ["botox", "hydrafacial"]}}"#,
            &["procedures.offered[0]"],
        ),
        (
            r#"{"procedures": {"names": {"laser": "Laser", "hydrafacial": {"en": ""}}}}"#,
            &["procedures.names.laser", "procedures.names.hydrafacial.en"],
        ),
        (
            r#"{"kiosk": {"enabled": "yes", "idle_seconds": 5}}"#,
            &["kiosk.enabled", "kiosk.idle_seconds"],
        ),
        (
            r#"{"kiosk": {"idle_seconds": -1}}"#,
            &["kiosk.idle_seconds"],
        ),
        (r#"{"debug": "true"}"#, &["debug"]),
    ];
    for (json, expected) in cases {
        let (_, errors) = parse(json);
        assert_eq!(errors, expected.to_vec(), "{json}");
    }
}

#[test]
fn good_fields_survive_next_to_bad_ones() {
    let (config, errors) = parse(
        r##"{"clinic": {"name": "Example", "phone": "+90 232 000 00 00", "email": "x"},
        "theme": {"colors": {"primary": "#123", "text": "expression(1)"}}}"##,
    );
    assert_eq!(errors, vec!["clinic.email", "theme.colors.text"]);
    assert_eq!(config.clinic.phone.as_deref(), Some("+90 232 000 00 00"));
    assert_eq!(
        config.clinic.email, None,
        "a configured clinic never shows the demo contacts"
    );
    assert_eq!(
        config.theme,
        vec![("--sc-color-primary".to_string(), "#123".to_string())]
    );
}

#[test]
fn oversized_or_deeply_nested_documents_fall_back_to_the_neutral_clinic() {
    let huge = format!(r#"{{"disclaimer": "{}"}}"#, "x".repeat(MAX_CONFIG_LEN));
    let (config, errors) = parse(&huge);
    assert_eq!(
        (config.clinic, errors),
        (Clinic::neutral(), vec!["(document)".to_string()])
    );
    let nested = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let (_, errors) = parse(&nested);
    assert_eq!(errors, vec!["(document)"]);
}

#[test]
fn hostile_strings_are_kept_as_plain_text() {
    let (config, errors) = parse(
        r#"{"clinic": {"name": "<img src=x onerror=alert(1)>"}, "disclaimer": "<script>alert(1)</script>"}"#,
    );
    assert!(errors.is_empty(), "{errors:?}");
    // Stored verbatim: the components render them as text nodes, never as markup.
    assert_eq!(config.clinic.name, "<img src=x onerror=alert(1)>");
    assert_eq!(
        config.disclaimer.unwrap().get("en"),
        "<script>alert(1)</script>"
    );
}

// ---------------------------------------------------------------------------------------------
// Catalog overrides (`catalog.procedures.<id>`): reviewed, limited, checked by the engine
// ---------------------------------------------------------------------------------------------

/// The plan the typical patient gets for `id` with `catalog`, as the card phrases it.
fn typical_plan(catalog: &Catalog, id: &str) -> String {
    let assessment = assess(catalog, &typical_patient());
    let result = assessment
        .results()
        .iter()
        .find(|r| r.procedure_id == id)
        .unwrap_or_else(|| panic!("{id} is assessed"));
    describe_plan(result.plan.as_ref().expect("a plan"), catalog.locale("en"))
}

/// A configuration with one override of `id`, written as `body`.
fn with_override(id: &str, body: &str) -> String {
    format!(r#"{{"catalog": {{"procedures": {{"{id}": {body}}}}}}}"#)
}

const REVIEWER: &str = r#""reviewed_by": "Dr. A. Example""#;

#[test]
fn a_reviewed_override_changes_the_plan_and_names_its_reviewer() {
    let builtin = builtin_catalog();
    assert_eq!(
        typical_plan(&builtin, "medical-skin-care"),
        "every 2 weeks for 3 sessions, then once a month"
    );
    let (config, errors) = parse(&with_override(
        "medical-skin-care",
        &format!(
            r#"{{{REVIEWER}, "frequency": {{"initial": {{"sessions": {{"min": 4, "max": 4}}, "interval": {{"min_days": 21, "max_days": 21}}}},
                "maintenance": {{"min_days": 42, "max_days": 42}}, "why": {{"en": "Our doctors' protocol.", "tr": "Hekimlerimizin protokolü."}}}},
                "downtime": "None."}}"#
        ),
    ));
    assert_eq!(errors, Vec::<String>::new());
    let catalog = &config.catalog.as_ref().expect("the clinic's catalog").0;
    assert_eq!(
        typical_plan(catalog, "medical-skin-care"),
        "every 3 weeks for 4 sessions, then every 6 weeks"
    );
    // The clinic's explanation replaces the catalog's, which described the old interval.
    let assessment = assess(catalog, &typical_patient());
    let card = assessment
        .results()
        .iter()
        .find(|r| r.procedure_id == "medical-skin-care")
        .unwrap();
    let reasons: Vec<&str> = card.reasons.iter().map(|r| r.text.get("en")).collect();
    assert!(reasons.contains(&"Our doctors' protocol."), "{reasons:?}");
    assert!(
        !reasons.iter().any(|r| r.contains("2 weeks")),
        "{reasons:?}"
    );
    let procedure = catalog.procedure("medical-skin-care").unwrap();
    assert_eq!(procedure.downtime.get("tr"), "None.");
    assert!(procedure
        .frequency
        .sources
        .contains(&"clinic:reviewed by Dr. A. Example (clinic configuration)".to_string()));
    assert_eq!(
        config.reviewed["medical-skin-care"],
        Reviewed {
            reviewed_by: "Dr. A. Example".into(),
            frequency: true,
            session_length: false,
            downtime: true,
        }
    );
    // Nothing else moved: the other procedures, the rules and the red flags are the catalog's.
    assert_eq!(catalog.rules, builtin.rules);
    assert_eq!(catalog.red_flags, builtin.red_flags);
    assert_eq!(
        catalog.procedure("hydrafacial"),
        builtin.procedure("hydrafacial")
    );
    assert_eq!(
        typical_plan(catalog, "hydrafacial"),
        typical_plan(&builtin, "hydrafacial")
    );
}

#[test]
fn a_bad_override_is_named_and_its_procedure_keeps_the_built_in_values() {
    let peel_21 = r#""frequency": {"initial": {"interval": {"min_days": 21, "max_days": 21}}}"#;
    let cases: &[(&str, String, &[&str])] = &[
        (
            "no reviewer",
            with_override("chemical-peel", &format!("{{{peel_21}}}")),
            &["catalog.procedures.chemical-peel.reviewed_by"],
        ),
        (
            "blank reviewer",
            with_override(
                "chemical-peel",
                &format!(r#"{{"reviewed_by": " ", {peel_21}}}"#),
            ),
            &["catalog.procedures.chemical-peel.reviewed_by"],
        ),
        (
            "unknown procedure",
            with_override("laser-hair-removal", &format!("{{{REVIEWER}, {peel_21}}}")),
            &["catalog.procedures.laser-hair-removal"],
        ),
        (
            "interval outside the catalog's bounds (the engine's check)",
            with_override(
                "chemical-peel",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"initial": {{"interval": {{"min_days": 7, "max_days": 7}}}}}}}}"#
                ),
            ),
            &["catalog.procedures.chemical-peel.frequency.initial.interval"],
        ),
        (
            "toxin sooner than its minimum gap (the engine's check)",
            with_override(
                "botulinum-toxin",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"maintenance": {{"min_days": 60, "max_days": 120}}}}}}"#
                ),
            ),
            &[
                "catalog.procedures.botulinum-toxin.frequency.maintenance",
                "catalog.procedures.botulinum-toxin.frequency.maintenance.min_days",
            ],
        ),
        (
            "min above max (the engine's check)",
            with_override(
                "hydrafacial",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"maintenance": {{"min_days": 30, "max_days": 20}}}}}}"#
                ),
            ),
            &["catalog.procedures.hydrafacial.frequency.maintenance"],
        ),
        (
            "zero sessions (the engine's check)",
            with_override(
                "microneedling",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"initial": {{"sessions": {{"min": 0, "max": 3}}}}}}}}"#
                ),
            ),
            &["catalog.procedures.microneedling.frequency.initial.sessions.min"],
        ),
        (
            "a text without Turkish (the engine's check)",
            with_override(
                "hydrafacial",
                &format!(r#"{{{REVIEWER}, "session_length": {{"en": "45 minutes"}}}}"#),
            ),
            &["catalog.procedures.hydrafacial.session_length.tr"],
        ),
        (
            "no course to change",
            with_override(
                "botulinum-toxin",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"initial": {{"interval": {{"min_days": 90, "max_days": 90}}}}}}}}"#
                ),
            ),
            &["catalog.procedures.botulinum-toxin.frequency.initial"],
        ),
        (
            "half a range",
            with_override(
                "chemical-peel",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"initial": {{"interval": {{"min_days": 21}}}}}}}}"#
                ),
            ),
            &["catalog.procedures.chemical-peel.frequency.initial.interval.max_days"],
        ),
        (
            "a fraction of a day",
            with_override(
                "chemical-peel",
                &format!(
                    r#"{{{REVIEWER}, "frequency": {{"initial": {{"interval": {{"min_days": 20.5, "max_days": 21}}}}}}}}"#
                ),
            ),
            &["catalog.procedures.chemical-peel.frequency.initial.interval.min_days"],
        ),
        (
            "nothing to change",
            with_override("chemical-peel", &format!("{{{REVIEWER}}}")),
            &["catalog.procedures.chemical-peel"],
        ),
    ];
    let builtin = builtin_catalog();
    for (name, json, expected) in cases {
        let (config, errors) = parse_config(json, &builtin);
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, *expected, "{name}: {errors:?}");
        assert!(
            errors
                .iter()
                .all(|e| e.message.contains("built-in values are kept")
                    || e.message.contains("ignored")),
            "{name}: {errors:?}"
        );
        assert_eq!(config.catalog, None, "{name}: nothing applied");
        assert!(config.reviewed.is_empty(), "{name}");
    }
    let (_, errors) = parse(&with_override("chemical-peel", &format!("{{{peel_21}}}")));
    assert_eq!(errors.len(), 1);
    let (_, errors) = parse_config(
        &with_override(
            "chemical-peel",
            &format!(
                r#"{{{REVIEWER}, "frequency": {{"initial": {{"interval": {{"min_days": 7, "max_days": 7}}}}}}}}"#
            ),
        ),
        &builtin,
    );
    assert_eq!(
        errors[0].to_string(),
        "catalog.procedures.chemical-peel.frequency.initial.interval: 7..7 days lies outside \
         the bounds 14..35; the built-in values are kept for chemical-peel"
    );
}

#[test]
fn rules_red_flags_and_contraindications_cannot_be_overridden() {
    let (config, errors) = parse(&format!(
        r#"{{"catalog": {{"rules": [], "red_flags": [],
            "procedures": {{"chemical-peel": {{{REVIEWER}, "min_age": 12, "concerns": ["acne"], "name": "Peel",
                "frequency": {{"bounds": {{"min_days": 1, "max_days": 365}}, "min_gap_days": 1, "variants": [],
                               "initial": {{"interval": {{"min_days": 21, "max_days": 21}}}}}}}}}}}}}}"#
    ));
    assert_eq!(
        errors,
        [
            "catalog.rules",
            "catalog.red_flags",
            "catalog.procedures.chemical-peel.min_age",
            "catalog.procedures.chemical-peel.concerns",
            "catalog.procedures.chemical-peel.name",
            "catalog.procedures.chemical-peel.frequency.bounds",
            "catalog.procedures.chemical-peel.frequency.min_gap_days",
            "catalog.procedures.chemical-peel.frequency.variants",
        ]
    );
    // The refused keys are left out; the reviewed interval itself is applied.
    let catalog = &config.catalog.expect("the interval applies").0;
    let builtin = builtin_catalog();
    let peel = catalog.procedure("chemical-peel").unwrap();
    let original = builtin.procedure("chemical-peel").unwrap();
    assert_eq!(
        (peel.min_age, &peel.concerns, &peel.frequency.bounds),
        (
            original.min_age,
            &original.concerns,
            &original.frequency.bounds
        )
    );
    assert_eq!(
        peel.frequency.variants[0]
            .plan
            .initial
            .as_ref()
            .unwrap()
            .interval,
        DayRange::exactly(21)
    );
    assert_eq!(
        (&catalog.rules, &catalog.red_flags),
        (&builtin.rules, &builtin.red_flags)
    );
    let (_, errors) = parse_config(r#"{"catalog": {"rules": []}}"#, &builtin);
    assert!(errors[0].message.contains("rules, red flags"), "{errors:?}");
}

#[test]
fn one_bad_override_leaves_the_others_applied() {
    let (config, errors) = parse(&format!(
        r#"{{"catalog": {{"procedures": {{
            "chemical-peel": {{{REVIEWER}, "frequency": {{"initial": {{"interval": {{"min_days": 21, "max_days": 21}}}}}}}},
            "hydrafacial": {{{REVIEWER}, "frequency": {{"maintenance": {{"min_days": 90, "max_days": 90}}}}}},
            "microneedling": {{"frequency": {{"initial": {{"sessions": {{"min": 4, "max": 4}}}}}}}}}}}}}}"#
    ));
    assert_eq!(
        errors,
        [
            "catalog.procedures.microneedling.reviewed_by",
            "catalog.procedures.hydrafacial.frequency.maintenance",
        ]
    );
    let catalog = &config.catalog.expect("the peel override applies").0;
    let builtin = builtin_catalog();
    assert_eq!(
        catalog.procedure("hydrafacial"),
        builtin.procedure("hydrafacial")
    );
    assert_eq!(
        catalog.procedure("microneedling"),
        builtin.procedure("microneedling")
    );
    assert_eq!(
        typical_plan(catalog, "chemical-peel"),
        "a series of sessions every 3 weeks"
    );
    assert_eq!(
        config.reviewed.keys().collect::<Vec<_>>(),
        ["chemical-peel"]
    );
}

// ---------------------------------------------------------------------------------------------
// Two documents: a same-origin URL, then the inline one
// ---------------------------------------------------------------------------------------------

#[test]
fn the_inline_document_wins_field_by_field_over_the_url_document() {
    let from_url = format!(
        r##"{{"clinic": {{"name": "Example Skin Studio", "phone": "+90 232 000 00 00"}},
            "theme": {{"colors": {{"primary": "#224466", "on_primary": "#ffffff"}}}},
            "languages": {{"offered": ["en", "tr"]}},
            "disclaimer": {{"en": "From the file.", "tr": "Dosyadan."}},
            "catalog": {{"procedures": {{"chemical-peel": {{{REVIEWER},
                "frequency": {{"initial": {{"interval": {{"min_days": 21, "max_days": 21}}}}}}}}}}}}}}"##
    );
    let inline = r##"{"clinic": {"phone": "+90 530 000 00 00"}, "theme": {"colors": {"primary": "#663322"}},
        "languages": {"offered": ["tr"]}, "disclaimer": {"en": "From the page."},
        "catalog": {"procedures": {"chemical-peel": {"frequency": {"initial": {"interval": {"min_days": 28, "max_days": 28}}}}}},
        "debug": true}"##;
    let (config, errors) = parse_config_layers(
        &[("data-config-url", &from_url), ("(document)", inline)],
        &builtin_catalog(),
    );
    // An override comes whole from one document: the page's has no reviewer of its own and
    // never borrows the file's.
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["catalog.procedures.chemical-peel.reviewed_by"]);
    assert_eq!(config.catalog, None);
    assert_eq!(config.clinic.name, "Example Skin Studio");
    assert_eq!(config.clinic.phone.as_deref(), Some("+90 530 000 00 00"));
    assert_eq!(
        config.theme,
        [
            ("--sc-color-primary".to_string(), "#663322".to_string()),
            ("--sc-color-on-primary".to_string(), "#ffffff".to_string()),
        ]
    );
    assert_eq!(config.languages, ["tr"]);
    // A text is replaced whole too (the file's Turkish does not outlive the page's English).
    let disclaimer = config.disclaimer.unwrap();
    assert_eq!(
        (disclaimer.get("en"), disclaimer.0.len()),
        ("From the page.", 1)
    );
    assert!(config.debug);

    // Broken or missing documents cost only themselves.
    let (config, errors) = parse_config_layers(
        &[
            ("data-config-url", "{ not json"),
            ("(document)", r#"{"debug": true}"#),
        ],
        &builtin_catalog(),
    );
    assert!(config.debug);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "data-config-url");
    assert!(errors[0].message.ends_with("ignored"), "{errors:?}");
    let (config, errors) = parse_config_layers(
        &[("data-config-url", &from_url), ("(document)", "[]")],
        &builtin_catalog(),
    );
    assert_eq!(config.clinic.name, "Example Skin Studio");
    assert!(
        config.catalog.is_some(),
        "the file's reviewed override applies"
    );
    assert_eq!(errors[0].path, "(document)");
    let (config, errors) = parse_config_layers(&[], &builtin_catalog());
    assert_eq!((config, errors), (Config::default(), vec![]));
}

#[test]
fn a_configuration_url_must_be_on_the_same_site() {
    let own = "https://clinic.example";
    for ok in [
        "/consult/clinic.json",
        "clinic.json",
        "./config/clinic.json?v=2",
        "https://clinic.example/consult/clinic.json",
    ] {
        assert_eq!(check_config_url(ok, own), Ok(()), "{ok}");
    }
    for refused in [
        "",
        "https://elsewhere.example/clinic.json",
        "http://clinic.example/clinic.json",
        "//elsewhere.example/clinic.json",
        "https://clinic.example.elsewhere.example/clinic.json",
        "https://clinic.example@elsewhere.example/clinic.json",
        "data:application/json,{}",
        "javascript:alert(1)",
        "/\\elsewhere.example/clinic.json",
        " //elsewhere.example/clinic.json",
        "\u{1}//elsewhere.example/clinic.json",
    ] {
        assert!(check_config_url(refused, own).is_err(), "{refused:?}");
    }
}

#[test]
fn prices_are_read_per_procedure_and_each_bad_one_is_named() {
    let (config, errors) = parse(
        r#"{"prices": {"currency": "TRY", "procedures": {
            "hydrafacial": {"from": 2500},
            "chemical-peel": {"from": 3000, "to": 4500.5},
            "microneedling": {"from": 0},
            "laser-resurfacing": {"from": 5000, "to": 100},
            "retinoid-home-care": {"from": 300},
            "no-such-procedure": {"from": 1},
            "mesotherapy": {"from": "cheap"},
            "micro-laser-peel": {"from": 1e3, "to": 99.999},
            "dermal-filler": {"to": 10, "per": "ml"}
        }}}"#,
    );
    let mut errors = errors;
    errors.sort();
    assert_eq!(
        errors,
        [
            "prices.procedures.dermal-filler.from",
            "prices.procedures.dermal-filler.per",
            "prices.procedures.laser-resurfacing.to",
            "prices.procedures.mesotherapy.from",
            "prices.procedures.micro-laser-peel.from",
            "prices.procedures.micro-laser-peel.to",
            "prices.procedures.microneedling.from",
            "prices.procedures.no-such-procedure",
            "prices.procedures.retinoid-home-care",
        ]
    );
    let prices = config.prices.expect("the good prices are kept");
    assert_eq!(prices.currency, "TRY");
    let ids: Vec<&String> = prices.per_session.keys().collect();
    assert_eq!(ids, ["chemical-peel", "hydrafacial", "laser-resurfacing"]);
    assert_eq!(
        prices.per_session.get("chemical-peel"),
        Some(&PriceRange {
            from: 300_000,
            to: Some(450_050)
        })
    );
    // A range upside down keeps its "from" price only.
    assert_eq!(
        prices.per_session.get("laser-resurfacing").unwrap().to,
        None
    );
}

#[test]
fn without_a_usable_currency_no_price_is_shown() {
    for (document, path) in [
        (
            r#"{"prices": {"procedures": {"hydrafacial": {"from": 1}}}}"#,
            "prices.currency",
        ),
        (
            r#"{"prices": {"currency": "try", "procedures": {"hydrafacial": {"from": 1}}}}"#,
            "prices.currency",
        ),
        (
            r#"{"prices": {"currency": "₺", "procedures": {"hydrafacial": {"from": 1}}}}"#,
            "prices.currency",
        ),
        (
            r#"{"prices": {"currency": 949, "procedures": {"hydrafacial": {"from": 1}}}}"#,
            "prices.currency",
        ),
        (
            r#"{"prices": {"currency": "TRY", "procedures": []}}"#,
            "prices.procedures",
        ),
        (r#"{"prices": "2500 TRY"}"#, "prices"),
    ] {
        let (config, errors) = parse(document);
        assert_eq!(config.prices, None, "{document}");
        assert_eq!(errors, [path], "{document}");
    }
}

#[test]
fn the_estimate_adds_up_every_dated_visit_and_names_what_has_no_price() {
    let (config, errors) = parse(
        r#"{"prices": {"currency": "GBP", "procedures": {
            "hydrafacial": {"from": 100, "to": 150.5}, "botulinum-toxin": {"from": 199.99}}}}"#,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let prices = config.prices.expect("prices");
    let day = |d| Date::from_ymd(2027, 1, d).expect("a date");
    let session = |id: &str, d, phase| Session {
        procedure_id: id.to_string(),
        date: day(d),
        index: 1,
        phase,
        moved_by: Vec::new(),
        note: None,
    };
    let mut plan = Schedule {
        start: day(1),
        end: day(31),
        sessions: vec![
            session("hydrafacial", 4, Phase::Initial),
            session("botulinum-toxin", 11, Phase::Initial),
            session("hydrafacial", 18, Phase::Maintenance),
            session("chemical-peel", 25, Phase::Initial),
            session("chemical-peel", 29, Phase::Maintenance),
            session("botulinum-toxin", 30, Phase::Review),
        ],
        pauses: Vec::new(),
        home_use: Vec::new(),
    };
    assert_eq!(
        prices.estimate(&plan),
        // Two facials at 100.00-150.50 and two toxin visits at 199.99, in hundredths.
        Some(Estimate {
            from: 59_998,
            to: 70_098,
            unpriced: vec!["chemical-peel".to_string()],
        })
    );
    plan.sessions.retain(|s| s.procedure_id == "chemical-peel");
    assert_eq!(prices.estimate(&plan), None, "no priced visit, no estimate");
}
