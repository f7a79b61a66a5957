//! The numbers the referral screen tells a patient to call (`emergency` in the
//! configuration): a widget cannot know where it runs, so the clinic names its country and
//! may override each number. Without a country and a number, the screen words it neutrally
//! ("your local emergency number").

use skin_consult_engine::json::Map;

use super::reader::Reader;

/// The numbers to call, as configured (before country defaults).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Emergency {
    /// ISO 3166 country code (`GB`, `TR`): gives the defaults below.
    pub country: Option<String>,
    /// The emergency number (999, 112).
    pub emergency: Option<String>,
    /// The urgent-care line (NHS 111).
    pub urgent: Option<String>,
    /// A 24-hour crisis line (116 123).
    pub crisis: Option<String>,
    /// The crisis line's name (Samaritans).
    pub crisis_name: Option<String>,
}

/// (country, emergency, urgent, crisis, crisis name).
type CountryDefaults = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

/// The numbers a country gets without configuring them: (country, emergency, urgent, crisis,
/// crisis name). Turkey has 112; no national crisis line was verified (ALO 182 books hospital
/// appointments), so none is given.
const DEFAULTS: [CountryDefaults; 2] = [
    (
        "GB",
        "999",
        Some("111"),
        Some("116 123"),
        Some("Samaritans"),
    ),
    ("TR", "112", None, None, None),
];

impl Emergency {
    /// The configured numbers with the country's defaults filled in where none was given.
    pub fn resolved(&self) -> Emergency {
        let defaults = self
            .country
            .as_deref()
            .and_then(|c| DEFAULTS.iter().find(|d| d.0 == c));
        let pick = |own: &Option<String>, default: Option<&str>| {
            own.clone().or_else(|| default.map(str::to_string))
        };
        Emergency {
            country: self.country.clone(),
            emergency: pick(&self.emergency, defaults.map(|d| d.1)),
            urgent: pick(&self.urgent, defaults.and_then(|d| d.2)),
            crisis: pick(&self.crisis, defaults.and_then(|d| d.3)),
            crisis_name: match (&self.crisis, &self.crisis_name) {
                // A clinic's own crisis number without a name gets no default name.
                (Some(_), name) => name.clone(),
                (None, name) => pick(name, defaults.and_then(|d| d.4)),
            },
        }
    }
}

fn check_country(code: &str) -> Result<(), &'static str> {
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()))
        .then_some(())
        .ok_or("must be a two-letter country code such as \"GB\" or \"TR\"")
}

fn check_number(number: &str) -> Result<(), &'static str> {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    ((2..=15).contains(&digits)
        && number.len() <= 20
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '+'))
    .then_some(())
    .ok_or("must be a phone number of 2 to 15 digits (spaces, + and - allowed)")
}

fn check_name(name: &str) -> Result<(), &'static str> {
    (!name.is_empty() && name.chars().count() <= 60 && !name.chars().any(char::is_control))
        .then_some(())
        .ok_or("must be a name of 1 to 60 characters")
}

/// Reads `emergency`; a bad field is reported and left to the country's default.
pub(super) fn read(reader: &mut Reader, map: &Map) -> Emergency {
    Emergency {
        country: reader.string(map.get("country"), "emergency.country", check_country),
        emergency: reader.string(map.get("emergency"), "emergency.emergency", check_number),
        urgent: reader.string(map.get("urgent"), "emergency.urgent", check_number),
        crisis: reader.string(map.get("crisis"), "emergency.crisis", check_number),
        crisis_name: reader.string(map.get("crisis_name"), "emergency.crisis_name", check_name),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::parse_config;
    use skin_consult_engine::builtin_catalog;

    fn resolved(json: &str) -> (super::Emergency, Vec<String>) {
        let (config, errors) = parse_config(json, &builtin_catalog());
        (
            config.emergency.resolved(),
            errors.iter().map(|e| e.path.clone()).collect(),
        )
    }

    #[test]
    fn a_country_gives_its_numbers_and_each_can_be_overridden() {
        let (gb, errors) = resolved(r#"{"emergency": {"country": "GB"}}"#);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(gb.emergency.as_deref(), Some("999"));
        assert_eq!(gb.urgent.as_deref(), Some("111"));
        assert_eq!(gb.crisis.as_deref(), Some("116 123"));
        assert_eq!(gb.crisis_name.as_deref(), Some("Samaritans"));
        let (tr, _) = resolved(r#"{"emergency": {"country": "TR"}}"#);
        assert_eq!(tr.emergency.as_deref(), Some("112"));
        assert_eq!((tr.urgent, tr.crisis), (None, None));
        let (own, _) = resolved(r#"{"emergency": {"country": "GB", "crisis": "0800 123"}}"#);
        assert_eq!(own.crisis.as_deref(), Some("0800 123"));
        assert_eq!(
            own.crisis_name, None,
            "no default name for the clinic's own line"
        );
    }

    #[test]
    fn nothing_configured_means_no_number_and_bad_fields_are_named() {
        let (none, errors) = resolved("{}");
        assert!(errors.is_empty());
        assert_eq!(none.emergency, None);
        let (bad, errors) = resolved(
            r#"{"emergency": {"country": "uk", "emergency": "call me", "crisis_name": "", "urgent": 111}}"#,
        );
        assert_eq!(
            errors,
            [
                "emergency.country",
                "emergency.emergency",
                "emergency.urgent",
                "emergency.crisis_name"
            ]
        );
        assert_eq!(bad.emergency, None);
        let (_, errors) = resolved(r#"{"emergency": {"colour": "red"}}"#);
        assert_eq!(errors, ["emergency.colour"]);
        let (_, errors) = resolved(r#"{"procedures": {"name_prescription_medicines": "yes"}}"#);
        assert_eq!(errors, ["procedures.name_prescription_medicines"]);
    }
}
