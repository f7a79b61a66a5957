//! The clinic's prices as the patient reads them: per procedure a line for its card, and the
//! estimate of a dated plan. Formatted by the browser for the patient's language, once per
//! change of prices, language or plan.

use std::rc::Rc;

use skin_consult_engine::StrMap;
use yew::prelude::*;

use super::outcome::SharedOutcome;
use super::{use_config, use_consult};
use crate::config::{Estimate, PriceRange, Prices};
use crate::host::browser::format_money;
use crate::i18n::tf;

/// "From ₺2,500 a session" or "₺2,500–₺4,000 a session" per priced procedure id (empty when
/// the clinic shows no prices).
#[hook]
pub fn use_price_labels() -> Rc<StrMap<String>> {
    let config = use_config();
    let lang = use_consult().lang.clone();
    use_memo((config.prices.clone(), lang), |(prices, lang)| {
        let mut labels = StrMap::default();
        if let Some(prices) = prices {
            for (id, price) in prices.per_session.iter() {
                labels.insert(id.clone(), session_label(price, &prices.currency, lang));
            }
        }
        labels
    })
}

fn session_label(price: &PriceRange, currency: &str, lang: &str) -> String {
    match price.to {
        Some(to) => tf(
            lang,
            "price_range",
            &[("range", &money_range(price.from, to, currency, lang))],
        ),
        None => tf(
            lang,
            "price_from",
            &[("price", &format_money(price.from, currency, lang))],
        ),
    }
}

/// "₺2,500–₺4,000", or one amount when both ends are equal.
fn money_range(from: u64, to: u64, currency: &str, lang: &str) -> String {
    if to > from {
        let (from, to) = (
            format_money(from, currency, lang),
            format_money(to, currency, lang),
        );
        format!("{from}–{to}")
    } else {
        format_money(from, currency, lang)
    }
}

/// What the estimate of a plan says.
#[derive(Debug, Clone, PartialEq)]
pub struct EstimateText {
    /// "Estimated cost of these visits: ₺30,000–₺45,000".
    pub total: String,
    /// Procedures with visits but no price, by name; empty when all are counted.
    pub unpriced: Vec<String>,
}

/// The estimate of the outcome's dated plan at the clinic's prices (`None` inside: no prices,
/// no dated plan, or none of the plan's procedures has a price). Made again only when the
/// outcome, the prices or the language change.
#[hook]
pub fn use_plan_estimate(outcome: SharedOutcome) -> Rc<Option<EstimateText>> {
    let config = use_config();
    let consult = use_consult();
    let catalog = consult.catalog.clone();
    let deps = (outcome, config.clone(), consult.lang.clone());
    use_memo(deps, move |(outcome, config, lang)| {
        let prices: &Prices = config.prices.as_ref()?;
        let plan = outcome.dated_plan.as_ref().ok()?;
        let Estimate { from, to, unpriced } = prices.estimate(plan)?;
        let range = money_range(from, to, &prices.currency, lang);
        Some(EstimateText {
            total: tf(lang, "plan_estimate", &[("total", &range)]),
            unpriced: unpriced
                .iter()
                .map(|id| config.procedure_name(&catalog, id, lang).to_string())
                .collect(),
        })
    })
}
