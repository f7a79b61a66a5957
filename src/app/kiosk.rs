//! Kiosk mode's pure parts: whether the page asks for it, and links that leave it behind.
//!
//! Kiosk mode is on when the clinic configuration says `"kiosk": {"enabled": true}` or the
//! page is opened with `?kiosk=1`.

use super::query::Query;

/// Wrong staff-exit codes in a row that lock the staff exit.
pub const MAX_WRONG_CODES: u32 = 5;

/// How long the staff exit stays locked after [`MAX_WRONG_CODES`] wrong codes.
pub const LOCKOUT_MS: f64 = 60_000.0;

/// Kiosk mode as the reducer holds it: whether it is on (staff can turn it off until the page
/// is opened again), and the staff exit's count of wrong codes, so that a patient cannot try
/// codes one by one. Wiping the consultation for the next patient keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct KioskState {
    /// Whether kiosk mode is on.
    pub active: bool,
    wrong_codes: u32,
    locked_until_ms: f64,
}

impl KioskState {
    /// Kiosk mode on (`true`) or off, with no wrong code counted.
    pub fn new(active: bool) -> KioskState {
        KioskState {
            active,
            ..KioskState::default()
        }
    }

    /// Whether the staff exit refuses every code at `now_ms` (ms since the epoch).
    pub fn locked_at(&self, now_ms: f64) -> bool {
        now_ms < self.locked_until_ms
    }

    /// The state after a wrong code typed at `now_ms`: counted, and after
    /// [`MAX_WRONG_CODES`] in a row the exit locks for [`LOCKOUT_MS`]. Nothing changes
    /// while it is locked.
    pub fn after_wrong_code(self, now_ms: f64) -> KioskState {
        if self.locked_at(now_ms) {
            return self;
        }
        let wrong_codes = self.wrong_codes + 1;
        if wrong_codes >= MAX_WRONG_CODES {
            return KioskState {
                wrong_codes: 0,
                locked_until_ms: now_ms + LOCKOUT_MS,
                ..self
            };
        }
        KioskState {
            wrong_codes,
            ..self
        }
    }
}

/// The URL parameter that turns kiosk mode on: `?kiosk=1`.
pub const KIOSK_PARAM: &str = "kiosk";

/// Whether the query string (with or without its `?`) asks for kiosk mode.
pub fn kiosk_requested(query: &str) -> bool {
    Query::parse(query).get(KIOSK_PARAM) == Some("1")
}

/// `url` without the kiosk parameter: a link the patient's phone opens in normal mode.
pub fn without_kiosk_param(url: &str) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((base, fragment)) => (base, Some(fragment)),
        None => (url, None),
    };
    let (path, query) = base.split_once('?').unwrap_or((base, ""));
    let query = Query::parse(query).without(KIOSK_PARAM);
    let mut out = path.to_string();
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;
    use skin_consult_engine::builtin_catalog;

    #[test]
    fn wrong_codes_lock_the_exit_for_a_while_then_count_again() {
        let t0 = 1_000_000.0;
        let mut kiosk = KioskState::new(true);
        for _ in 1..MAX_WRONG_CODES {
            kiosk = kiosk.after_wrong_code(t0);
            assert!(!kiosk.locked_at(t0));
        }
        kiosk = kiosk.after_wrong_code(t0);
        assert!(kiosk.locked_at(t0));
        assert!(kiosk.locked_at(t0 + LOCKOUT_MS - 1.0));
        // Codes typed while locked neither count nor extend the lock.
        assert_eq!(kiosk.after_wrong_code(t0 + 10.0), kiosk);
        assert!(!kiosk.locked_at(t0 + LOCKOUT_MS));
        let later = t0 + LOCKOUT_MS;
        for _ in 1..MAX_WRONG_CODES {
            kiosk = kiosk.after_wrong_code(later);
            assert!(!kiosk.locked_at(later));
        }
        assert!(kiosk.after_wrong_code(later).locked_at(later));
        assert!(kiosk.active, "the lock never turns kiosk mode off");
    }

    #[test]
    fn only_kiosk_1_turns_kiosk_mode_on() {
        for (query, on) in [
            ("?kiosk=1", true),
            ("?lang=tr&kiosk=1", true),
            ("kiosk=1&x=2", true),
            ("?kiosk=0", false),
            ("?kiosk", false),
            ("?nokiosk=1", false),
            ("", false),
        ] {
            assert_eq!(kiosk_requested(query), on, "{query}");
        }
    }

    #[test]
    fn share_links_leave_kiosk_mode_behind() {
        let cases = [
            (
                "https://c.example/consult/?kiosk=1#sc1;a=1",
                "https://c.example/consult/#sc1;a=1",
            ),
            ("https://c.example/?x=2&kiosk=1", "https://c.example/?x=2"),
            (
                "https://c.example/?kiosk=1&x=2#f",
                "https://c.example/?x=2#f",
            ),
            ("https://c.example/", "https://c.example/"),
        ];
        for (url, expected) in cases {
            assert_eq!(without_kiosk_param(url), expected, "{url}");
        }
    }

    #[test]
    fn the_exit_code_is_read_only_when_it_is_digits() {
        let catalog = builtin_catalog();
        let (config, errors) = parse_config(
            r#"{"kiosk": {"enabled": true, "exit_code": "2468"}}"#,
            &catalog,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.kiosk.exit_code.as_deref(), Some("2468"));
        for bad in [r#""12""#, r#""abcd""#, "1234", r#""1234567890123""#] {
            let json = format!(r#"{{"kiosk": {{"exit_code": {bad}}}}}"#);
            let (config, errors) = parse_config(&json, &catalog);
            assert_eq!(config.kiosk.exit_code, None, "{bad}");
            assert_eq!(errors.len(), 1, "{bad}: {errors:?}");
            assert_eq!(errors[0].path, "kiosk.exit_code");
        }
    }
}
