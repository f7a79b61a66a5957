//! "One of these": suggested procedures that serve the same purpose (the catalog's groups of
//! alternatives), the better fit first and why, so the plan holds one unless the patient picks
//! both.

use skin_consult_engine::ProcedureResult;
use yew::prelude::*;

use crate::hooks::{use_config, use_consult};
use crate::i18n::{t, tf};

/// Properties of [`Alternatives`].
#[derive(Properties, PartialEq)]
pub struct AlternativesProps {
    /// The suggested procedures, best first.
    pub suggested: Vec<ProcedureResult>,
}

/// One note per group of alternatives with at least two suggested members.
#[component(Alternatives)]
pub fn alternatives(props: &AlternativesProps) -> Html {
    let consult = use_consult();
    let config = use_config();
    let lang = consult.lang.as_str();
    let groups = consult
        .catalog
        .scheduling
        .alternatives
        .iter()
        .filter_map(|g| {
            let members: Vec<&ProcedureResult> = props
                .suggested
                .iter()
                .filter(|r| g.procedures.contains(&r.procedure_id))
                .collect();
            (members.len() >= 2).then_some((g, members))
        });
    let name = |id: &str| {
        config
            .procedure_name(&consult.catalog, id, lang)
            .to_string()
    };
    html! {
        <>
            { for groups.map(|(g, members)| {
                let better = name(&members[0].procedure_id);
                let others: Vec<String> = members[1..].iter().map(|r| name(&r.procedure_id)).collect();
                html! {
                    <aside class="sc-alternatives sc-no-print" data-alternatives={g.id.clone()}>
                        <h3>{ t(lang, "alternatives_title") }</h3>
                        <ol>
                            <li data-alternative={members[0].procedure_id.clone()}>
                                <strong>{ better.clone() }</strong>
                                { " \u{2014} " }{ t(lang, "alternatives_better") }
                            </li>
                            { for members[1..].iter().map(|r| html! {
                                <li data-alternative={r.procedure_id.clone()}>{ name(&r.procedure_id) }</li>
                            }) }
                        </ol>
                        <p>{ g.reason.get(lang).to_string() }</p>
                        <p>{ tf(lang, "alternatives_plan", &[("name", &better), ("others", &others.join(", "))]) }</p>
                    </aside>
                }
            }) }
        </>
    }
}
