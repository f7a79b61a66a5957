//! A dated plan, month by month: sessions (and why any moved), home-care starts and pauses.

use std::rc::Rc;

use skin_consult_engine::{Date, Phase, Schedule};
use yew::prelude::*;

use crate::hooks::host::use_month_headings;
use crate::hooks::{use_config, use_consult};
use crate::i18n::{t, tf};

/// Months shown open; later months are folded.
const OPEN_MONTHS: usize = 3;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The dated plan.
    pub schedule: Rc<Schedule>,
}

/// One entry of the timeline.
struct Entry {
    date: Date,
    procedure: Option<String>,
    kind: &'static str,
    text: String,
    note: Option<String>,
}

/// The plan as a list of months.
#[component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let consult = use_consult();
    let config = use_config();
    let lang = consult.lang.as_str();
    let locale = consult.catalog.locale(lang);
    let name = |id: &str| {
        config
            .procedure_name(&consult.catalog, id, lang)
            .to_string()
    };
    let plan = &props.schedule;
    let mut entries: Vec<Entry> = plan
        .sessions
        .iter()
        .map(|s| {
            let mut text = tf(
                lang,
                "plan_session",
                &[
                    ("name", &name(&s.procedure_id)),
                    ("n", &s.index.to_string()),
                ],
            );
            let label = match s.phase {
                Phase::Initial => None,
                Phase::Maintenance => Some("plan_maintenance"),
                Phase::Review => Some("plan_review"),
            };
            if let Some(label) = label {
                text = format!("{text} ({})", t(lang, label));
            }
            Entry {
                date: s.date,
                procedure: Some(s.procedure_id.clone()),
                kind: "session",
                text,
                note: s.note.as_ref().map(|n| n.get(lang).to_string()),
            }
        })
        .collect();
    entries.extend(plan.home_use.iter().map(|h| Entry {
        date: h.from,
        procedure: None,
        kind: "home",
        text: tf(
            lang,
            "plan_home",
            &[
                ("date", &h.from.format(locale)),
                ("name", &name(&h.procedure_id)),
                ("guidance", h.guidance.get(lang)),
            ],
        ),
        note: None,
    }));
    entries.extend(plan.pauses.iter().map(|p| Entry {
        date: p.from,
        procedure: None,
        kind: "pause",
        text: tf(
            lang,
            "plan_pause",
            &[
                ("name", &name(&p.procedure_id)),
                ("from", &p.from.format(locale)),
                ("to", &p.to.format(locale)),
                ("reason", p.reason.get(lang)),
            ],
        ),
        note: None,
    }));
    skin_consult_engine::order::sort_by_key(&mut entries, |e| e.date);
    let mut months: Vec<((i32, u32), Vec<Entry>)> = Vec::new();
    for entry in entries {
        let key = (entry.date.year(), entry.date.month());
        match months.last_mut() {
            Some((last, list)) if *last == key => list.push(entry),
            _ => months.push((key, vec![entry])),
        }
    }
    let headings = use_month_headings(
        months.iter().map(|(key, _)| *key).collect(),
        lang.to_string(),
    );
    let month = |heading: &String, entries: &Vec<Entry>| {
        html! {
            <li class="sc-month">
                <h3>{ heading }</h3>
                <ul>
                    { for entries.iter().map(|e| html! {
                        <li class={format!("sc-entry sc-entry-{}", e.kind)} data-date={e.date.to_iso()} data-session-procedure={e.procedure.clone()}>
                            <time datetime={e.date.to_iso()}>{ e.date.format(locale) }</time>
                            <span>{ &e.text }</span>
                            if let Some(note) = &e.note {
                                <small>{ note }</small>
                            }
                        </li>
                    }) }
                </ul>
            </li>
        }
    };
    // The first months are open; later ones fold into a native <details> (print opens it).
    let later = months.len().saturating_sub(OPEN_MONTHS);
    html! {
        <>
            <ol class="sc-timeline" data-sessions={plan.sessions.len().to_string()}>
                { for months.iter().zip(headings.iter()).take(OPEN_MONTHS).map(|((_, entries), heading)| month(heading, entries)) }
            </ol>
            if later > 0 {
                <details class="sc-later" data-plan-later="">
                    <summary>{ tf(lang, "plan_later", &[("count", &later.to_string())]) }</summary>
                    <ol class="sc-timeline-later" start={(OPEN_MONTHS + 1).to_string()}>
                        { for months.iter().zip(headings.iter()).skip(OPEN_MONTHS).map(|((_, entries), heading)| month(heading, entries)) }
                    </ol>
                </details>
            }
        </>
    }
}
