//! The JSON Schema of the clinic configuration, generated from these types with `schemars`
//! (`cargo run --features schema --bin config-schema > schema/config.schema.json`).
//!
//! Only compiled with the `schema` feature, never into the WebAssembly bundle. The types
//! describe what [`crate::config::parse_config`] reads; `tests/embed.rs` checks that the
//! committed schema is current, that its property paths are exactly
//! [`crate::config::KNOWN_PATHS`], and that the reader reads every one of them.

use std::collections::BTreeMap;

use schemars::JsonSchema;

/// A text in every language, or an object of texts per language code (`{"en": "…", "tr": "…"}`).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum Text {
    /// The same text in every language.
    Plain(#[schemars(length(min = 1, max = 2000))] String),
    /// Texts per language code.
    PerLanguage(BTreeMap<String, String>),
}

/// The clinic's name and contacts. Everything is shown as text; links are checked.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Clinic {
    /// The clinic's name as shown to patients (1 to 120 characters).
    #[schemars(length(min = 1, max = 120))]
    pub name: Option<String>,
    /// A path of the logo on the same site, such as `/images/logo.svg` (no scheme, no `//`,
    /// no whitespace or control characters, up to 500 characters).
    #[schemars(
        length(max = 500),
        regex(
            pattern = r"^/([^/:<>\\\x22\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000][^:<>\\\x22\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*)?$"
        )
    )]
    pub logo: Option<String>,
    /// Phone number in international form, e.g. `+1 555 0100` (6 to 15 digits).
    #[schemars(regex(pattern = r"^[ +\-().]*([0-9][ +\-().]*){6,15}$"))]
    pub phone: Option<String>,
    /// WhatsApp number in international form (6 to 15 digits).
    #[schemars(regex(pattern = r"^[ +\-().]*([0-9][ +\-().]*){6,15}$"))]
    pub whatsapp: Option<String>,
    /// E-mail address for `mailto:` links (up to 254 characters).
    #[schemars(
        length(max = 254),
        regex(pattern = r"^[A-Za-z0-9._+\-]+@[A-Za-z0-9\-][A-Za-z0-9.\-]*\.[A-Za-z0-9\-]+$")
    )]
    pub email: Option<String>,
    /// The `https:` page where patients book (no whitespace or control characters, up to
    /// 2000 characters).
    #[schemars(
        length(max = 2000),
        regex(
            pattern = r"^https://[A-Za-z0-9.\-:]+([/?#][^<>\x22\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*)?$"
        )
    )]
    pub booking_url: Option<String>,
}

/// Theme colours as hex colours (`#2f6f6a`).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Colors {
    /// Buttons and accents.
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"))]
    pub primary: Option<String>,
    /// Text on the primary colour.
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"))]
    pub on_primary: Option<String>,
    /// Page background.
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"))]
    pub background: Option<String>,
    /// Card background.
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"))]
    pub surface: Option<String>,
    /// Body text.
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"))]
    pub text: Option<String>,
    /// Secondary text.
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"))]
    pub muted: Option<String>,
}

/// Colours and font.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Theme {
    /// Theme colours; each must keep WCAG AA contrast with its pair.
    pub colors: Option<Colors>,
    /// A list of font names, such as `"Inter", sans-serif` (installed fonts only: the widget
    /// loads nothing from other sites).
    #[schemars(regex(pattern = r#"^[\p{Alphabetic}\p{N} ,\-_'"]{1,200}$"#))]
    pub font_family: Option<String>,
}

/// Languages offered and the default.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Languages {
    /// Language codes offered (all the widget has when empty or absent).
    pub offered: Option<Vec<String>>,
    /// The language before the browser's preference.
    pub default: Option<String>,
}

/// Which procedures the clinic offers and what it calls them.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Procedures {
    /// Procedure ids of the catalog the clinic offers (all when absent).
    pub offered: Option<Vec<String>>,
    /// Display names replacing the catalog's, per procedure id.
    pub names: Option<BTreeMap<String, Text>>,
    /// Whether prescription-only medicines (botulinum toxin, tretinoin) may be named in the
    /// "how it is done" details (default false: advertising them to the public is not allowed
    /// in the UK or Turkey).
    pub name_prescription_medicines: Option<bool>,
}

/// The price of one session: a "from" price, or a range (at most two decimals).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct PriceRange {
    /// The lowest price, in the currency's main unit (greater than 0, at most 10000000).
    #[schemars(range(min = 0.01, max = 10_000_000.0))]
    pub from: f64,
    /// The highest price, when there is a range (not below `from`).
    #[schemars(range(min = 0.01, max = 10_000_000.0))]
    pub to: Option<f64>,
}

/// Prices shown on the cards and added up as an estimate on the plan (off when absent). Some
/// countries restrict prices in health-service advertising: check before turning this on.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Prices {
    /// ISO 4217 currency code, e.g. `TRY`, `GBP`, `EUR`.
    #[schemars(regex(pattern = r"^[A-Z]{3}$"))]
    pub currency: String,
    /// The price of one session per procedure id (procedures with clinic sessions only).
    pub procedures: Option<BTreeMap<String, PriceRange>>,
}

/// The numbers the referral screen tells a patient to call. A country gives defaults (`GB`:
/// 999, 111, Samaritans 116 123; `TR`: 112); each number overrides its default. Without a
/// country or number the screen says "your local emergency number".
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Emergency {
    /// Two-letter country code (ISO 3166), e.g. `GB` or `TR`.
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub country: Option<String>,
    /// The emergency number (2 to 15 digits; spaces, + and - allowed).
    #[schemars(length(max = 20), regex(pattern = r"^[ +\-]*([0-9][ +\-]*){2,15}$"))]
    pub emergency: Option<String>,
    /// The urgent-care line, e.g. 111.
    #[schemars(length(max = 20), regex(pattern = r"^[ +\-]*([0-9][ +\-]*){2,15}$"))]
    pub urgent: Option<String>,
    /// A 24-hour crisis line, e.g. 116 123.
    #[schemars(length(max = 20), regex(pattern = r"^[ +\-]*([0-9][ +\-]*){2,15}$"))]
    pub crisis: Option<String>,
    /// The crisis line's name, e.g. Samaritans (1 to 60 characters, no control characters).
    #[schemars(
        length(min = 1, max = 60),
        regex(pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")
    )]
    pub crisis_name: Option<String>,
}

/// Waiting-room tablet settings.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Kiosk {
    /// Whether kiosk mode is on.
    pub enabled: Option<bool>,
    /// Seconds without a touch before "Are you still there?" (15 to 3600, default 90).
    #[schemars(range(min = 15, max = 3600))]
    pub idle_seconds: Option<u32>,
    /// Digits staff type to leave kiosk mode (4 to 12 digits).
    #[schemars(regex(pattern = r"^[0-9]{4,12}$"))]
    pub exit_code: Option<String>,
}

/// How the widget talks to the page that embeds it.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Embed {
    /// Origins (`https://host[:port]`) of other sites allowed to frame the widget and
    /// receive its messages (the widget's own origin always is).
    pub parent_origins: Option<Vec<OriginString>>,
    /// Put the patient's health answers into `consult:completed`. Off by default: answers
    /// are health data, and a host page's scripts (analytics, tag managers) would see them.
    pub events_include_answers: Option<bool>,
}

/// An `https:` origin.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub struct OriginString(
    #[schemars(regex(pattern = r"^https://[A-Za-z0-9.\-]+(:[0-9]+)?$"))]
    String,
);

/// An inclusive range of days between two sessions.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct DayRange {
    /// Shortest interval in days.
    #[schemars(range(min = 1, max = 3650))]
    pub min_days: u32,
    /// Longest interval in days (at least `min_days`).
    #[schemars(range(min = 1, max = 3650))]
    pub max_days: u32,
}

/// An inclusive range of session counts.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct CountRange {
    /// Fewest sessions.
    #[schemars(range(min = 1, max = 20))]
    pub min: u32,
    /// Most sessions (at least `min`).
    #[schemars(range(min = 1, max = 20))]
    pub max: u32,
}

/// The initial course of sessions.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct CourseOverride {
    /// How many sessions (turns "a series" into a counted course).
    pub sessions: Option<CountRange>,
    /// Days between the sessions of the course.
    pub interval: Option<DayRange>,
}

/// How often: applied to every plan of the procedure that has the part changed. Intervals
/// must stay within the catalog's bounds for the procedure and its minimum gap.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct FrequencyOverride {
    /// The initial course (only for procedures whose catalog plans have one).
    pub initial: Option<CourseOverride>,
    /// The maintenance interval (only for procedures whose catalog plans have one).
    pub maintenance: Option<DayRange>,
    /// Why this interval, shown to the patient (replaces the catalog's explanation, which is
    /// left out when this is absent).
    pub why: Option<Text>,
    /// A note shown with the plan (`null` removes the catalog's note).
    pub note: Option<Text>,
}

/// A clinic's reviewed change to one procedure. Rules, red flags, contraindications and the
/// catalog's safety limits cannot be changed here.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ProcedureOverride {
    /// The clinician who reviewed this change (required; shown to patients with it).
    #[schemars(length(min = 1, max = 120))]
    pub reviewed_by: String,
    /// How often.
    pub frequency: Option<FrequencyOverride>,
    /// How long a session takes.
    pub session_length: Option<Text>,
    /// Typical downtime.
    pub downtime: Option<Text>,
}

/// Reviewed changes to the built-in catalog.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct CatalogOverrides {
    /// Overrides per procedure id of the catalog.
    pub procedures: Option<BTreeMap<String, ProcedureOverride>>,
}

/// The clinic configuration of skin-consult: one JSON document, inline in
/// `<script type="application/json" id="skin-consult-config">` and/or at a same-origin URL
/// named by the mount element's `data-config-url` (the inline one wins field by field).
/// Every setting is optional; a bad one is reported with its path and replaced by its
/// default.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "skin-consult clinic configuration")]
#[allow(dead_code)]
pub struct ConfigDocument {
    /// The schema this document follows (for editors).
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// Name and contacts.
    pub clinic: Option<Clinic>,
    /// Colours and font.
    pub theme: Option<Theme>,
    /// Languages offered and the default.
    pub languages: Option<Languages>,
    /// Procedures offered and their names.
    pub procedures: Option<Procedures>,
    /// Prices per session (none shown when absent).
    pub prices: Option<Prices>,
    /// The clinic's own disclaimer, shown with the widget's.
    pub disclaimer: Option<Text>,
    /// The numbers the referral screen tells a patient to call.
    pub emergency: Option<Emergency>,
    /// Waiting-room tablet settings.
    pub kiosk: Option<Kiosk>,
    /// Host-page integration.
    pub embed: Option<Embed>,
    /// List configuration problems on the page (for the site owner while setting up).
    pub debug: Option<bool>,
    /// Reviewed changes to procedures' intervals, session length and downtime.
    pub catalog: Option<CatalogOverrides>,
}

/// The schema as pretty-printed JSON with a final newline.
pub fn config_schema_json() -> String {
    let schema = schemars::schema_for!(ConfigDocument);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    json.push('\n');
    json
}
