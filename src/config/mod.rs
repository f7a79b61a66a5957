//! The clinic configuration: one JSON document with the clinic's contacts, colours, languages
//! and procedure choices.
//!
//! It is read field by field, so one bad field costs only that field: every problem is
//! reported with its path and the widget keeps the default for it. Every string ends up as
//! text (never as markup), and only `https:`, `tel:`, `mailto:` and same-origin links pass.
//!
//! A page may give two documents: one fetched from a same-origin URL (the mount element's
//! `data-config-url`) and one inline; [`parse_config_layers`] merges them, the inline one
//! winning field by field. Reviewed catalog overrides (`catalog.procedures`) are applied by
//! [`overrides`].

use skin_consult_engine::{Catalog, StrMap, Text};

use crate::app::state::SharedCatalog;
use crate::config::clinic::Clinic;

mod checks;
pub mod clinic;
pub mod emergency;
pub mod overrides;
pub mod prices;
mod reader;
#[cfg(feature = "schema")]
pub mod schema;

pub use emergency::Emergency;
pub use overrides::Reviewed;
pub use prices::{Estimate, PriceRange, Prices};
pub use reader::{
    check_config_url, parse_config, parse_config_layers, CONFIG_URL_ATTR, INLINE_DOCUMENT,
    KNOWN_PATHS,
};

/// The longest configuration read at all.
pub const MAX_CONFIG_LEN: usize = 64 * 1024;

/// A problem with one field of the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Where, e.g. `clinic.booking_url` or `theme.colors.primary`.
    pub path: String,
    /// What is wrong and what was used instead.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Kiosk (waiting-room tablet) settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kiosk {
    /// Whether kiosk mode is on.
    pub enabled: bool,
    /// Seconds without a touch before "Are you still there?".
    pub idle_seconds: u32,
    /// Digits staff type to leave kiosk mode (after a 3-second press on the clinic name);
    /// `None`: the press and a confirmation are enough.
    pub exit_code: Option<String>,
}

impl Default for Kiosk {
    fn default() -> Kiosk {
        Kiosk {
            enabled: false,
            idle_seconds: 90,
            exit_code: None,
        }
    }
}

/// How the widget talks to the page that embeds it (see [`crate::host::embed`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedSettings {
    /// Origins (`https://host[:port]`) of pages allowed to frame the widget and receive its
    /// messages, besides the widget's own origin.
    pub parent_origins: Vec<String>,
    /// Whether `consult:completed` carries the health answers. Off unless the clinic opts in.
    pub events_include_answers: bool,
}

/// The clinic's configuration, with defaults wherever it said nothing usable.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Name and contacts.
    pub clinic: Clinic,
    /// CSS custom property → value (already checked to be a safe colour or font list).
    pub theme: Vec<(String, String)>,
    /// Languages offered (empty: all the widget has).
    pub languages: Vec<String>,
    /// The default language, before the browser's.
    pub default_language: Option<String>,
    /// Procedure ids the clinic offers (`None`: all).
    pub offered: Option<Vec<String>>,
    /// Display names replacing the catalog's, per procedure id.
    pub procedure_names: StrMap<Text>,
    /// Whether prescription-only medicines may be named in a procedure's "how it is done"
    /// details (off by default: advertising them to the public is not allowed in the UK or
    /// Turkey).
    pub name_prescription_medicines: bool,
    /// Prices per session (`None`: none shown, the default).
    pub prices: Option<Prices>,
    /// The numbers the referral screen tells a patient to call.
    pub emergency: Emergency,
    /// The clinic's own disclaimer, shown in addition to the widget's.
    pub disclaimer: Option<Text>,
    /// Kiosk settings.
    pub kiosk: Kiosk,
    /// Host-page integration.
    pub embed: EmbedSettings,
    /// Show configuration problems on the page (for the site owner, never for patients).
    pub debug: bool,
    /// The built-in catalog with the clinic's reviewed overrides (`None`: no override applied,
    /// the built-in catalog as it is).
    pub catalog: Option<SharedCatalog>,
    /// Who reviewed each procedure's override and what it changed, per procedure id (only
    /// overrides that were applied).
    pub reviewed: StrMap<Reviewed>,
}

impl Config {
    /// The languages to offer: written for both the interface and the catalog, and offered by
    /// the clinic (all of them when it names none that qualify).
    pub fn available_languages(&self, catalog: &Catalog) -> Vec<String> {
        let written: Vec<String> = crate::i18n::languages()
            .into_iter()
            .filter(|lang| catalog.languages.iter().any(|l| l == lang))
            .map(str::to_string)
            .collect();
        let offered: Vec<String> = self
            .languages
            .iter()
            .filter(|l| written.contains(l))
            .cloned()
            .collect();
        if offered.is_empty() {
            written
        } else {
            offered
        }
    }

    /// The display language: the clinic's default, then the browser's preferences, then the
    /// first available language.
    pub fn choose_language(&self, catalog: &Catalog, browser_preferences: &[String]) -> String {
        let available = self.available_languages(catalog);
        let available: Vec<&str> = available.iter().map(String::as_str).collect();
        let preferred: Vec<String> = self
            .default_language
            .iter()
            .cloned()
            .chain(browser_preferences.iter().cloned())
            .collect();
        crate::i18n::negotiate(&preferred, &available).to_string()
    }

    /// Whether the clinic offers `procedure_id`.
    pub fn offers(&self, procedure_id: &str) -> bool {
        self.offered
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|id| id == procedure_id))
    }

    /// The name to show for a procedure: the clinic's override, else the catalog's.
    pub fn procedure_name<'a>(
        &'a self,
        catalog: &'a Catalog,
        procedure_id: &str,
        lang: &str,
    ) -> &'a str {
        match self.procedure_names.get(procedure_id) {
            Some(name) => name.get(lang),
            None => catalog
                .procedure(procedure_id)
                .map(|p| p.name.get(lang))
                .unwrap_or(""),
        }
    }
}
