//! Prices (`prices` in the configuration, off unless the clinic gives them): per procedure a
//! "from" price or a range, in one ISO 4217 currency. The widget shows them on the cards and
//! adds up an estimate for the dated plan; the numbers are formatted by the browser for the
//! patient's language (see [`crate::host::browser::format_money`]).
//!
//! Amounts are held in hundredths of the currency's main unit (whole numbers): reading or
//! printing a float in Rust would pull float formatting into the bundle.

use skin_consult_engine::json::{Map, Value};
use skin_consult_engine::{Catalog, Schedule, StrMap};

use super::reader::Reader;

/// The highest price accepted, in hundredths (10,000,000 of the main unit).
pub const MAX_PRICE_CENTS: u64 = 1_000_000_000;

/// What one session of a procedure costs, in hundredths of the currency's main unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceRange {
    /// The lowest price.
    pub from: u64,
    /// The highest price, when the clinic gives a range.
    pub to: Option<u64>,
}

/// The clinic's prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prices {
    /// ISO 4217 code, e.g. `TRY`, `GBP`.
    pub currency: String,
    /// Per procedure id (only procedures with clinic sessions).
    pub per_session: StrMap<PriceRange>,
}

/// What the dated sessions of a plan add up to, in hundredths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// The sum at the lowest prices.
    pub from: u64,
    /// The sum at the highest prices (equal to `from` when no price is a range).
    pub to: u64,
    /// Procedures of the plan with sessions but no price, so not counted.
    pub unpriced: Vec<String>,
}

impl Prices {
    /// The sum of the plan's dated clinic sessions (course, maintenance and review visits),
    /// `None` when no session has a price.
    pub fn estimate(&self, plan: &Schedule) -> Option<Estimate> {
        let mut estimate = Estimate {
            from: 0,
            to: 0,
            unpriced: Vec::new(),
        };
        let mut priced = false;
        for session in &plan.sessions {
            match self.per_session.get(&session.procedure_id) {
                Some(price) => {
                    priced = true;
                    estimate.from += price.from;
                    estimate.to += price.to.unwrap_or(price.from);
                }
                None if !estimate.unpriced.contains(&session.procedure_id) => {
                    estimate.unpriced.push(session.procedure_id.clone())
                }
                None => {}
            }
        }
        priced.then_some(estimate)
    }
}

/// Whether `code` is written as an ISO 4217 currency code (three capital letters). The
/// browser's number formatting throws on anything else.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// An amount as written (`2500`, `49.9`, `49.95`) in hundredths, if it has at most two
/// decimals.
fn cents(value: &Value) -> Option<u64> {
    let (whole, fraction) = match value {
        Value::UInt(n) => return n.checked_mul(100),
        Value::OtherNumber(text) => text.split_once('.')?,
        _ => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || fraction.len() > 2 || whole.len() > 12 {
        return None;
    }
    // "49.9" is 49 and 90 hundredths.
    let fraction = fraction.parse::<u64>().ok()? * if fraction.len() == 1 { 10 } else { 1 };
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(fraction)
}

fn amount(reader: &mut Reader, value: Option<&Value>, path: &str) -> Option<u64> {
    match cents(value?) {
        Some(c @ 1..=MAX_PRICE_CENTS) => Some(c),
        _ => {
            reader.error(
                path,
                "must be a number from 0.01 to 10000000 with at most two decimals; the price is not shown",
            );
            None
        }
    }
}

/// Reads `prices`. Without a usable currency no price is shown at all.
pub(super) fn read(reader: &mut Reader, map: &Map, catalog: &Catalog) -> Option<Prices> {
    // The procedures are read even without a currency, so every problem is said at once.
    let currency = match map.get("currency") {
        Some(Value::String(code)) if is_currency_code(code.trim()) => Some(code.trim().to_string()),
        Some(_) => {
            reader.error(
                "prices.currency",
                "must be an ISO 4217 currency code such as \"TRY\" or \"GBP\"; no price is shown",
            );
            None
        }
        None => {
            reader.error("prices.currency", "is missing; no price is shown");
            None
        }
    };
    let mut per_session = StrMap::default();
    let procedures = reader.object(map.get("procedures"), "prices.procedures")?;
    for (id, value) in procedures.iter() {
        let path = format!("prices.procedures.{id}");
        let Some(procedure) = catalog.procedure(id) else {
            reader.error(&path, "names an unknown procedure; ignored");
            continue;
        };
        if procedure
            .frequency
            .variants
            .iter()
            .all(|v| v.plan.home_use.is_some())
        {
            reader.error(
                &path,
                "is home care, with no clinic session to price; ignored",
            );
            continue;
        }
        let Some(range) = reader.object(Some(value), &path) else {
            continue;
        };
        let from = amount(reader, range.get("from"), &format!("{path}.from"));
        let to = amount(reader, range.get("to"), &format!("{path}.to"));
        let Some(from) = from else {
            if !range.contains_key("from") {
                reader.error(
                    &format!("{path}.from"),
                    "is missing; the price is not shown",
                );
            }
            continue;
        };
        let to = match to {
            Some(to) if to < from => {
                reader.error(
                    &format!("{path}.to"),
                    "is below \"from\"; only \"from\" is shown",
                );
                None
            }
            Some(to) if to == from => None,
            to => to,
        };
        per_session.insert(id.clone(), PriceRange { from, to });
    }
    (!per_session.is_empty()).then_some(Prices {
        currency: currency?,
        per_session,
    })
}
