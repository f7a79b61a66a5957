//! The configuration reader: documents merged layer by layer, then read field by field into a
//! [`Config`], each problem reported under its path (the same paths as the published schema).

use skin_consult_engine::json::{self, Map, Value};
use skin_consult_engine::{Catalog, Text};

use super::checks::*;
use super::clinic::Clinic;
use super::{emergency, overrides, prices, Config, ConfigError, EmbedSettings, MAX_CONFIG_LEN};

/// Theme colour fields and the custom property each one sets.
const COLORS: [(&str, &str); 6] = [
    ("primary", "--sc-color-primary"),
    ("on_primary", "--sc-color-on-primary"),
    ("background", "--sc-color-bg"),
    ("surface", "--sc-color-surface"),
    ("text", "--sc-color-text"),
    ("muted", "--sc-color-muted"),
];

pub(super) struct Reader<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) errors: Vec<ConfigError>,
}

impl Reader<'_> {
    pub(super) fn error(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(ConfigError {
            path: path.to_string(),
            message: message.into(),
        });
    }

    /// The object at `path`, reporting anything else.
    pub(super) fn object<'v>(&mut self, value: Option<&'v Value>, path: &str) -> Option<&'v Map> {
        match value? {
            Value::Object(map) => Some(map),
            _ => {
                self.error(path, "must be an object; ignored");
                None
            }
        }
    }

    pub(super) fn string(
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

    pub(super) fn boolean(&mut self, value: Option<&Value>, path: &str) -> Option<bool> {
        match value? {
            Value::Bool(b) => Some(*b),
            _ => {
                self.error(path, "must be true or false; the default is used");
                None
            }
        }
    }

    /// A text given either as a plain string (every language) or as `{"en": "...", "tr": "..."}`.
    pub(super) fn text(&mut self, value: Option<&Value>, path: &str) -> Option<Text> {
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
    pub(super) fn unknown_settings(&mut self, map: &Map, pattern: &str, shown: &str) {
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

    pub(super) fn procedure_ids(
        &mut self,
        value: Option<&Value>,
        path: &str,
    ) -> Option<Vec<String>> {
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
    "prices",
    "prices.currency",
    "prices.procedures",
    "prices.procedures.*",
    "prices.procedures.*.from",
    "prices.procedures.*.to",
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
    if let Some(map) = reader.object(root.get("prices"), "prices") {
        config.prices = prices::read(&mut reader, map, catalog);
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
