//! The clinic configuration: every bad field is named and costs only itself.

use skin_consult::clinic::Clinic;
use skin_consult::config::{parse_config, Config, MAX_CONFIG_LEN};
use skin_consult_engine::builtin_catalog;

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
fn oversized_or_deeply_nested_documents_fall_back_to_the_defaults() {
    let huge = format!(r#"{{"disclaimer": "{}"}}"#, "x".repeat(MAX_CONFIG_LEN));
    let (config, errors) = parse(&huge);
    assert_eq!(
        (config.clinic, errors),
        (Clinic::default(), vec!["(document)".to_string()])
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
