//! The results at a glance: for each concern the patient chose (the main one first) the option
//! that fits it best and how often, the plan's first date, and the next step.

use skin_consult_engine::{best_for_concern, describe_plan, main_concern, Answers, Date, Status};
use yew::prelude::*;

use crate::hooks::host::use_today;
use crate::hooks::{use_config, use_consult};
use crate::i18n::{t, tf};

/// At most this many concerns are summarised (the rest are in the cards below).
const MAX_LINES: usize = 3;

/// Properties of [`ResultsSummary`].
#[derive(Properties, PartialEq)]
pub struct ResultsSummaryProps {
    /// The answers that count.
    pub answers: Answers,
    /// The results the clinic offers, best first.
    pub results: Vec<skin_consult_engine::ProcedureResult>,
}

/// The summary at the top of the results.
#[component(ResultsSummary)]
pub fn results_summary(props: &ResultsSummaryProps) -> Html {
    let consult = use_consult();
    let config = use_config();
    let today: Date = use_today();
    let lang = consult.lang.as_str();
    let catalog = &consult.catalog;
    let concern_q = catalog.question(&catalog.concern_question);
    let main = main_concern(catalog, &props.answers);
    let mut concerns: Vec<&str> = props.answers.options(&catalog.concern_question);
    if let Some(main) = main {
        concerns.retain(|c| *c != main);
        concerns.insert(0, main);
    }
    let lines = concerns.iter().take(MAX_LINES).map(|concern| {
        let key = format!("concern_short_{concern}");
        let label = t(lang, &key);
        let label = if label == key {
            concern_q
                .and_then(|q| q.option(concern))
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_default()
        } else {
            label
        };
        let best = best_for_concern(catalog, &props.results, concern);
        let Some(best) = best else {
            return html! {
                <li data-concern={concern.to_string()}>{ tf(lang, "summary_none", &[("concern", &label)]) }</li>
            };
        };
        let name = config.procedure_name(catalog, &best.procedure_id, lang);
        let often = match (&best.status, &best.plan) {
            (Status::Suggested, Some(plan)) => {
                format!(", {}", describe_plan(plan, catalog.locale(lang)))
            }
            (Status::Caution, _) => format!(" ({})", t(lang, "summary_ask_doctor")),
            (Status::Deferred { .. }, _) => format!(" ({})", t(lang, "summary_later")),
            _ => String::new(),
        };
        html! {
            <li data-concern={concern.to_string()} data-best={best.procedure_id.clone()} data-best-status={best.status.as_str()}>
                <span class="sc-summary-concern">{ label }</span>{ " \u{2192} " }
                <strong>{ name.to_string() }</strong>{ often }
            </li>
        }
    });
    let suggested = props.results.iter().any(|r| r.status == Status::Suggested);
    let caution = props.results.iter().any(|r| r.status == Status::Caution);
    let first_date = suggested
        .then(|| consult.plan_start_date(today).ok())
        .flatten()
        .map(|d| d.format(catalog.locale(lang)));
    let next = if suggested {
        "summary_next_book"
    } else if caution {
        "summary_next_doctor"
    } else {
        "summary_next_consult"
    };
    html! {
        <section class="sc-summary" aria-labelledby="sc-summary-title" data-summary="">
            <h2 id="sc-summary-title">{ t(lang, "summary_title") }</h2>
            <ul class="sc-summary-lines">{ for lines }</ul>
            if let Some(date) = first_date {
                <p class="sc-summary-date">{ tf(lang, "summary_first_date", &[("date", &date)]) }</p>
            }
            <p class="sc-summary-next" data-next={next}>{ t(lang, next) }</p>
        </section>
    }
}
