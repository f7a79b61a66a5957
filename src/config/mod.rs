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

use skin_consult_engine::json::{self, Map, Value};
use skin_consult_engine::{Catalog, StrMap, Text};

use crate::app::state::SharedCatalog;
use crate::config::clinic::Clinic;

pub mod clinic;
pub mod emergency;
pub mod overrides;
#[cfg(feature = "schema")]
pub mod schema;

pub use emergency::Emergency;
pub use overrides::Reviewed;

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

/// Theme colour fields and the custom property each one sets.
const COLORS: [(&str, &str); 6] = [
    ("primary", "--sc-color-primary"),
    ("on_primary", "--sc-color-on-primary"),
    ("background", "--sc-color-bg"),
    ("surface", "--sc-color-surface"),
    ("text", "--sc-color-text"),
    ("muted", "--sc-color-muted"),
];

struct Reader<'a> {
    catalog: &'a Catalog,
    errors: Vec<ConfigError>,
}

impl Reader<'_> {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(ConfigError {
            path: path.to_string(),
            message: message.into(),
        });
    }

    /// The object at `path`, reporting anything else.
    fn object<'v>(&mut self, value: Option<&'v Value>, path: &str) -> Option<&'v Map> {
        match value? {
            Value::Object(map) => Some(map),
            _ => {
                self.error(path, "must be an object; ignored");
                None
            }
        }
    }

    fn string(
        &mut self,
        value: Option<&Value>,
        path: &str,
        check: fn(&str) -> Result<(), &'static str>,
    ) -> Option<String> {
        let text = match value? {
            Value::String(s) => s.trim(),
            Value::Null => return None,
            _ => {
                self.error(path, "must be a string; the default is used");
                return None;
            }
        };
        match check(text) {
            Ok(()) => Some(text.to_string()),
            Err(why) => {
                self.error(path, format!("{why}; the default is used"));
                None
            }
        }
    }

    fn boolean(&mut self, value: Option<&Value>, path: &str) -> Option<bool> {
        match value? {
            Value::Bool(b) => Some(*b),
            _ => {
                self.error(path, "must be true or false; the default is used");
                None
            }
        }
    }

    /// A text given either as a plain string (every language) or as `{"en": "...", "tr": "..."}`.
    fn text(&mut self, value: Option<&Value>, path: &str) -> Option<Text> {
        let mut text = Text::default();
        match value? {
            Value::String(s) if !s.trim().is_empty() && s.len() <= 2000 => {
                for lang in &self.catalog.languages {
                    text.0.insert(lang.clone(), s.trim().to_string());
                }
            }
            Value::Object(map) => {
                for (lang, value) in map.iter() {
                    match value.as_str().map(str::trim) {
                        Some(s) if !s.is_empty() && s.len() <= 2000 && is_language_tag(lang) => {
                            text.0.insert(lang.clone(), s.to_string());
                        }
                        _ => self.error(&format!("{path}.{lang}"), "must be a non-empty text of at most 2000 characters under a language code; ignored"),
                    }
                }
            }
            _ => self.error(
                path,
                "must be a text or an object of texts per language; ignored",
            ),
        }
        (!text.0.is_empty()).then_some(text)
    }

    /// Reports every key of `map` (the object at known `pattern`, shown as `shown`) that is
    /// not a known setting, and walks the known ones that hold settings.
    fn unknown_settings(&mut self, map: &Map, pattern: &str, shown: &str) {
        for (key, value) in map.iter() {
            let path = if shown.is_empty() {
                key.clone()
            } else {
                format!("{shown}.{key}")
            };
            match child_pattern(pattern, key) {
                Some(child) if has_children(&child) => {
                    if let Value::Object(inner) = value {
                        self.unknown_settings(inner, &child, &path);
                    }
                }
                Some(_) => {}
                None => self.error(
                    &path,
                    overrides::refusal(pattern, key).unwrap_or("is not a known setting; ignored"),
                ),
            }
        }
    }

    fn procedure_ids(&mut self, value: Option<&Value>, path: &str) -> Option<Vec<String>> {
        let Some(Value::Array(items)) = value else {
            if value.is_some() {
                self.error(
                    path,
                    "must be a list of procedure ids; all procedures are offered",
                );
            }
            return None;
        };
        let mut ids = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(id) if ids.iter().any(|known| known == id) => self.error(
                    &format!("{path}[{i}]"),
                    format!("{item} is listed twice; ignored"),
                ),
                Some(id) if self.catalog.procedure(id).is_some() => ids.push(id.to_string()),
                _ => self.error(
                    &format!("{path}[{i}]"),
                    format!("unknown procedure {item}; ignored"),
                ),
            }
        }
        if ids.is_empty() {
            // A list of nothing but typos must not empty the widget: offer everything instead.
            self.error(path, "names no known procedure; all procedures are offered");
            return None;
        }
        Some(ids)
    }
}

/// Every setting the reader knows, as dotted paths; `*` stands for any key of a map
/// (a procedure id). `$schema` lets editors validate the document. Keys outside this list are
/// reported by path and ignored, and `tests/embed.rs` holds the committed JSON Schema to
/// exactly these paths.
pub const KNOWN_PATHS: &[&str] = &[
    "$schema",
    "clinic",
    "clinic.name",
    "clinic.logo",
    "clinic.phone",
    "clinic.whatsapp",
    "clinic.email",
    "clinic.booking_url",
    "theme",
    "theme.colors",
    "theme.colors.primary",
    "theme.colors.on_primary",
    "theme.colors.background",
    "theme.colors.surface",
    "theme.colors.text",
    "theme.colors.muted",
    "theme.font_family",
    "languages",
    "languages.offered",
    "languages.default",
    "procedures",
    "procedures.offered",
    "procedures.names",
    "procedures.names.*",
    "procedures.name_prescription_medicines",
    "emergency",
    "emergency.country",
    "emergency.emergency",
    "emergency.urgent",
    "emergency.crisis",
    "emergency.crisis_name",
    "disclaimer",
    "kiosk",
    "kiosk.enabled",
    "kiosk.idle_seconds",
    "kiosk.exit_code",
    "embed",
    "embed.parent_origins",
    "embed.events_include_answers",
    "debug",
    "catalog",
    "catalog.procedures",
    "catalog.procedures.*",
    "catalog.procedures.*.reviewed_by",
    "catalog.procedures.*.frequency",
    "catalog.procedures.*.frequency.initial",
    "catalog.procedures.*.frequency.initial.sessions",
    "catalog.procedures.*.frequency.initial.sessions.min",
    "catalog.procedures.*.frequency.initial.sessions.max",
    "catalog.procedures.*.frequency.initial.interval",
    "catalog.procedures.*.frequency.initial.interval.min_days",
    "catalog.procedures.*.frequency.initial.interval.max_days",
    "catalog.procedures.*.frequency.maintenance",
    "catalog.procedures.*.frequency.maintenance.min_days",
    "catalog.procedures.*.frequency.maintenance.max_days",
    "catalog.procedures.*.frequency.why",
    "catalog.procedures.*.frequency.note",
    "catalog.procedures.*.session_length",
    "catalog.procedures.*.downtime",
];

/// Whether the known setting `pattern` holds settings of its own (an object the reader walks).
fn has_children(pattern: &str) -> bool {
    KNOWN_PATHS.iter().any(|p| {
        p.strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// The known pattern for `key` under `pattern` (`""`: the document), if any.
fn child_pattern(pattern: &str, key: &str) -> Option<String> {
    if key.contains('.') {
        return None;
    }
    let join = |k: &str| {
        if pattern.is_empty() {
            k.to_string()
        } else {
            format!("{pattern}.{k}")
        }
    };
    [join(key), join("*")]
        .into_iter()
        .find(|p| KNOWN_PATHS.contains(&p.as_str()))
}

/// Merges `over` into `base`: objects of settings member by member, anything else (a value,
/// a list, a text, a whole procedure override) replaced as a unit.
fn merge(base: &mut Value, over: Value, pattern: &str) {
    let by_member =
        pattern.is_empty() || (has_children(pattern) && pattern != overrides::OVERRIDE_PATTERN);
    match (base, over) {
        (Value::Object(base), Value::Object(over)) if by_member => {
            for (key, value) in over.0 {
                let child = child_pattern(pattern, &key).unwrap_or_default();
                match base.0.iter_mut().rev().find(|(k, _)| *k == key) {
                    Some((_, old)) if !child.is_empty() => merge(old, value, &child),
                    Some((_, old)) => *old = value,
                    None => base.0.push((key, value)),
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// The label of the inline configuration document in error paths.
pub const INLINE_DOCUMENT: &str = "(document)";

/// The mount element's attribute naming a same-origin configuration URL (also the path of
/// errors about that document).
pub const CONFIG_URL_ATTR: &str = "data-config-url";

/// Checks a configuration URL as written: a path on this site (`/consult/clinic.json`,
/// `clinic.json`) or an absolute URL on `own_origin`. The browser resolves it and checks the
/// origin again before fetching (with `mode: "same-origin"`).
pub fn check_config_url(url: &str, own_origin: &str) -> Result<(), &'static str> {
    let refused =
        "must be a URL on this site, such as /consult/clinic.json (other sites are refused)";
    if url.is_empty()
        || url.len() > 500
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(refused);
    }
    if let Some(rest) = url
        .strip_prefix(own_origin)
        .filter(|_| !own_origin.is_empty())
    {
        let path = rest.starts_with('/') && !rest.starts_with("//");
        return path.then_some(()).ok_or(refused);
    }
    let scheme_or_host = url.starts_with("//")
        || url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|s| s.contains(':'));
    (!scheme_or_host).then_some(()).ok_or(refused)
}

/// Reads a configuration. Never fails: the result holds what was usable, the errors the rest.
pub fn parse_config(source: &str, catalog: &Catalog) -> (Config, Vec<ConfigError>) {
    parse_config_layers(&[(INLINE_DOCUMENT, source)], catalog)
}

/// Reads several configuration documents as one, each `(label, source)`: a later document
/// wins field by field (settings objects are merged member by member; a value, a list, a text
/// or a procedure override is replaced as a whole). A document that is too large, not JSON or
/// not an object is reported under its label and skipped.
pub fn parse_config_layers(
    layers: &[(&str, &str)],
    catalog: &Catalog,
) -> (Config, Vec<ConfigError>) {
    let mut config = Config::default();
    // A page that gives a configuration never shows the demo clinic, even when nothing in it
    // can be read: a patient would call a number that is not the clinic's.
    if !layers.is_empty() {
        config.clinic = Clinic::neutral();
    }
    let mut reader = Reader {
        catalog,
        errors: Vec::new(),
    };
    let fallback = if layers.len() == 1 {
        "the defaults are used"
    } else {
        "ignored"
    };
    let mut merged: Option<Value> = None;
    for (label, source) in layers {
        if source.len() > MAX_CONFIG_LEN {
            reader.error(
                label,
                format!("is larger than {MAX_CONFIG_LEN} bytes; {fallback}"),
            );
            continue;
        }
        match json::parse(source) {
            Ok(value @ Value::Object(_)) => match &mut merged {
                Some(base) => merge(base, value, ""),
                None => merged = Some(value),
            },
            Ok(_) => reader.error(label, "must be an object; ignored"),
            Err(e) => reader.error(label, format!("is not valid JSON ({e}); {fallback}")),
        }
    }
    let Some(Value::Object(root)) = merged else {
        return (config, reader.errors);
    };
    let root = &root;
    if let Some(clinic) = reader.object(root.get("clinic"), "clinic") {
        // A configured clinic never inherits the demo clinic's contacts.
        let name = reader.string(clinic.get("name"), "clinic.name", check_name);
        if name.is_none() && !clinic.contains_key("name") {
            reader.error("clinic.name", "is missing; \"your clinic\" is shown");
        }
        config.clinic = Clinic {
            name: name.unwrap_or(config.clinic.name),
            logo: reader.string(clinic.get("logo"), "clinic.logo", check_same_origin_path),
            phone: reader.string(clinic.get("phone"), "clinic.phone", check_phone),
            whatsapp: reader.string(clinic.get("whatsapp"), "clinic.whatsapp", check_phone),
            email: reader.string(clinic.get("email"), "clinic.email", check_email),
            booking_url: reader.string(
                clinic.get("booking_url"),
                "clinic.booking_url",
                check_https_url,
            ),
        };
    }
    if let Some(theme) = reader.object(root.get("theme"), "theme") {
        if let Some(colors) = reader.object(theme.get("colors"), "theme.colors") {
            // An unknown colour is reported with the other unknown settings.
            for (key, value) in colors.iter() {
                let path = format!("theme.colors.{key}");
                if let Some((_, property)) = COLORS.iter().find(|(name, _)| name == key) {
                    if let Some(color) = reader.string(Some(value), &path, check_color) {
                        config.theme.push((property.to_string(), color));
                    }
                }
            }
        }
        if let Some(font) = reader.string(theme.get("font_family"), "theme.font_family", check_font)
        {
            config.theme.push(("--sc-font-family".into(), font));
        }
    }
    if let Some(languages) = reader.object(root.get("languages"), "languages") {
        if let Some(Value::Array(offered)) = languages.get("offered") {
            for (i, lang) in offered.iter().enumerate() {
                match lang.as_str() {
                    Some(l) if config.languages.iter().any(|c| c == l) => reader.error(
                        &format!("languages.offered[{i}]"),
                        format!("{lang} is listed twice; ignored"),
                    ),
                    Some(l) if catalog.languages.iter().any(|c| c == l) => {
                        config.languages.push(l.to_string())
                    }
                    _ => reader.error(
                        &format!("languages.offered[{i}]"),
                        format!("{lang} is not a language of the catalog; ignored"),
                    ),
                }
            }
        } else if languages.contains_key("offered") {
            reader.error(
                "languages.offered",
                "must be a list of language codes; all languages are offered",
            );
        }
        let default = reader.string(languages.get("default"), "languages.default", |l| {
            is_language_tag(l)
                .then_some(())
                .ok_or("must be a language code such as \"en\" or \"tr\"")
        });
        config.default_language = default;
    }
    if let Some(procedures) = reader.object(root.get("procedures"), "procedures") {
        config.offered = reader.procedure_ids(procedures.get("offered"), "procedures.offered");
        if let Some(names) = reader.object(procedures.get("names"), "procedures.names") {
            for (id, value) in names.iter() {
                let path = format!("procedures.names.{id}");
                if catalog.procedure(id).is_none() {
                    reader.error(&path, "names an unknown procedure; ignored");
                } else if let Some(text) = reader.text(Some(value), &path) {
                    config.procedure_names.insert(id.clone(), text);
                }
            }
        }
        config.name_prescription_medicines = reader
            .boolean(
                procedures.get("name_prescription_medicines"),
                "procedures.name_prescription_medicines",
            )
            .unwrap_or(false);
    }
    if let Some(map) = reader.object(root.get("emergency"), "emergency") {
        config.emergency = emergency::read(&mut reader, map);
    }
    config.disclaimer = reader.text(root.get("disclaimer"), "disclaimer");
    if let Some(kiosk) = reader.object(root.get("kiosk"), "kiosk") {
        config.kiosk.enabled = reader
            .boolean(kiosk.get("enabled"), "kiosk.enabled")
            .unwrap_or(false);
        match kiosk.get("idle_seconds").map(Value::as_u64) {
            None => {}
            Some(Some(s @ 15..=3600)) => config.kiosk.idle_seconds = s as u32,
            Some(_) => reader.error(
                "kiosk.idle_seconds",
                "must be a whole number from 15 to 3600; 90 is used",
            ),
        }
        config.kiosk.exit_code = reader.string(kiosk.get("exit_code"), "kiosk.exit_code", |code| {
            (code.len() >= 4 && code.len() <= 12 && code.chars().all(|c| c.is_ascii_digit()))
                .then_some(())
                .ok_or("must be 4 to 12 digits; leaving kiosk mode needs no code")
        });
    }
    if let Some(embed) = reader.object(root.get("embed"), "embed") {
        config.embed = read_embed(&mut reader, embed);
    }
    config.debug = reader.boolean(root.get("debug"), "debug").unwrap_or(false);
    if let Some(settings) = reader.object(root.get("catalog"), "catalog") {
        overrides::read(&mut reader, settings, &mut config);
    }
    reader.unknown_settings(root, "", "");
    (config, reader.errors)
}

fn read_embed(reader: &mut Reader, embed: &Map) -> EmbedSettings {
    let mut settings = EmbedSettings {
        events_include_answers: reader
            .boolean(
                embed.get("events_include_answers"),
                "embed.events_include_answers",
            )
            .unwrap_or(false),
        ..EmbedSettings::default()
    };
    match embed.get("parent_origins") {
        None => {}
        Some(Value::Array(origins)) => {
            for (i, origin) in origins.iter().enumerate() {
                let path = format!("embed.parent_origins[{i}]");
                if let Some(origin) = reader.string(Some(origin), &path, check_origin) {
                    settings.parent_origins.push(origin);
                }
            }
        }
        Some(_) => reader.error(
            "embed.parent_origins",
            "must be a list of origins such as \"https://www.example.com\"; ignored",
        ),
    }
    settings
}

fn is_language_tag(tag: &str) -> bool {
    (2..=8).contains(&tag.len())
        && tag
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn check_name(name: &str) -> Result<(), &'static str> {
    match name.chars().count() {
        1..=120 => Ok(()),
        _ => Err("must be 1 to 120 characters"),
    }
}

fn check_phone(phone: &str) -> Result<(), &'static str> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    (allowed && (6..=15).contains(&digits))
        .then_some(())
        .ok_or("must be a phone number in international form, e.g. +90 232 000 00 00")
}

fn check_email(email: &str) -> Result<(), &'static str> {
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && email
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@._+-".contains(c));
    valid.then_some(()).ok_or("must be an e-mail address")
}

fn check_https_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .ok_or("must be an https: address")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
    let no_space = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    (host_ok && no_space && url.len() <= 2000)
        .then_some(())
        .ok_or("is not a valid https: address")
}

fn check_origin(origin: &str) -> Result<(), &'static str> {
    let rest = origin.strip_prefix("https://").unwrap_or("");
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c))
        && !rest.ends_with(':');
    ok.then_some(())
        .ok_or("must be an https: origin (scheme and host only), such as https://www.example.com")
}

fn check_same_origin_path(path: &str) -> Result<(), &'static str> {
    // From the site's root, so it names the same file on an iframe page and a clinic's page.
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains(':')
        && !path.chars().any(|c| {
            c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\'
        })
        && path.len() <= 500;
    ok.then_some(())
        .ok_or("must be a path on this site, such as /images/logo.svg")
}

fn check_color(color: &str) -> Result<(), &'static str> {
    let hex = color
        .strip_prefix('#')
        .ok_or("must be a hex colour such as #2f6f6a")?;
    (matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then_some(())
        .ok_or("must be a hex colour such as #2f6f6a")
}

fn check_font(font: &str) -> Result<(), &'static str> {
    let ok = !font.is_empty()
        && font.len() <= 200
        && font
            .chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c));
    ok.then_some(())
        .ok_or("must be a list of font names, such as \"Inter\", sans-serif")
}
