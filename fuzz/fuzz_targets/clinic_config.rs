//! The clinic configuration (the inline `<script type="application/json">` a site owner types).
//!
//! Properties: `config::parse_config` never panics, and whatever it keeps is safe to put on the
//! page, with or without errors reported:
//! * every link is allowed: the booking page is `https:`, the logo a same-origin path (as a
//!   browser's URL parser reads it: leading C0 controls and spaces stripped, tabs and newlines
//!   dropped), the phone a `tel:` of digits, the e-mail address needs no escaping in `mailto:`,
//!   WhatsApp digits only;
//! * theme values only set the known custom properties, with nothing that could end a
//!   declaration or call a CSS function;
//! * languages and procedures are the catalog's, texts non-empty and at most 2000 bytes, the
//!   kiosk timeout in 15..=3600 s;
//! * an oversized document is refused as a whole with one `(document)` error.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use skin_consult::config::{parse_config, MAX_CONFIG_LEN};

const THEME_PROPERTIES: [&str; 7] = [
    "--sc-color-primary",
    "--sc-color-on-primary",
    "--sc-color-bg",
    "--sc-color-surface",
    "--sc-color-text",
    "--sc-color-muted",
    "--sc-font-family",
];

fuzz_target!(|data: &[u8]| {
    let catalog = common::catalog();
    let json = String::from_utf8_lossy(data);
    let (config, errors) = parse_config(&json, catalog);
    // Every problem says what is wrong. (Its path is empty only for a setting whose name is
    // empty, `{"": 1}`: found by this target, reported as a finding, see README.md.)
    assert!(errors.iter().all(|e| !e.message.is_empty()));
    if json.len() > MAX_CONFIG_LEN {
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "(document)");
        assert_eq!(config, Default::default());
        return;
    }

    let clinic = &config.clinic;
    assert!((1..=120).contains(&clinic.name.chars().count()));
    if let Some(url) = &clinic.booking_url {
        assert!(
            url.starts_with("https://") && url.len() > "https://".len(),
            "{url:?}"
        );
    }
    if let Some(logo) = &clinic.logo {
        assert!(is_same_origin_path(logo), "logo {logo:?} leaves the site");
    }
    if let Some(tel) = clinic.tel_href() {
        let number = tel.strip_prefix("tel:").expect("tel: link");
        let digits = number.strip_prefix('+').unwrap_or(number);
        assert!(
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
            "{tel:?}"
        );
    }
    if let Some(email) = &clinic.email {
        assert!(email.contains('@'));
        assert!(email
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@._+-".contains(c)));
    }
    if let Some(number) = &clinic.whatsapp {
        let digits = number.chars().filter(char::is_ascii_digit).count();
        assert!((6..=15).contains(&digits), "{number:?}");
    }

    for (property, value) in &config.theme {
        assert!(THEME_PROPERTIES.contains(&property.as_str()), "{property}");
        assert!(!value.is_empty());
        assert!(
            !value
                .chars()
                .any(|c| ";{}()<>\\:/!@".contains(c) || c.is_control()),
            "{property}: {value:?}"
        );
    }

    assert!(config
        .languages
        .iter()
        .all(|l| catalog.languages.contains(l)));
    let lang = config.choose_language(catalog, &[]);
    assert!(catalog.languages.contains(&lang), "{lang}");
    if let Some(offered) = &config.offered {
        assert!(offered.iter().all(|id| catalog.procedure(id).is_some()));
    }
    let texts = config.procedure_names.values().chain(&config.disclaimer);
    for text in texts {
        assert!(!text.0.is_empty());
        assert!(text
            .0
            .values()
            .all(|s| !s.trim().is_empty() && s.len() <= 2000));
    }
    assert!(config
        .procedure_names
        .keys()
        .all(|id| catalog.procedure(id).is_some()));
    assert!((15..=3600).contains(&config.kiosk.idle_seconds));
});

/// Whether a browser resolves `src` against the page to a URL on the page's own origin:
/// no scheme and no authority once the URL parser has stripped leading C0 controls and spaces
/// and dropped ASCII tabs and newlines (WHATWG URL standard, "basic URL parser").
fn is_same_origin_path(src: &str) -> bool {
    let cleaned: String = src
        .trim_start_matches(|c: char| c <= ' ')
        .trim_end_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let starts_with_authority = {
        let mut chars = cleaned.chars();
        matches!(
            (chars.next(), chars.next()),
            (Some('/' | '\\'), Some('/' | '\\'))
        )
    };
    let before_path = cleaned.split(['/', '\\', '?', '#']).next().unwrap_or("");
    !cleaned.is_empty() && !starts_with_authority && !before_path.contains(':')
}
