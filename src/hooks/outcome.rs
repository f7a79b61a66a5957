//! The outcome hooks: [`use_derived_outcome`] computes the one [`Outcome`] at the root when
//! the answers, the plan choices or the configuration change; [`use_outcome`] reads it.

use std::rc::Rc;

use yew::prelude::*;

use super::Consult;
use crate::app::outcome::Outcome;
use crate::config::Config;

/// Derives the outcome once per change (the root provides it as context).
#[hook]
pub fn use_derived_outcome(consult: &Consult, config: &Rc<Config>) -> Rc<Outcome> {
    let catalog = consult.catalog.clone();
    let deps = (
        consult.effective_answers(),
        consult.plan_toggled.clone(),
        config.clone(),
    );
    use_memo(deps, move |(answers, toggled, config)| {
        Outcome::derive(&catalog, config, answers.clone(), toggled)
    })
}

/// The outcome from context (derived from the defaults outside App, e.g. in isolated tests).
#[hook]
pub fn use_outcome() -> Rc<Outcome> {
    use_context::<Rc<Outcome>>().expect("components are rendered inside App's outcome provider")
}
