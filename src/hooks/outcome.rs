//! The outcome hooks: [`use_derived_outcome`] computes the one [`Outcome`] on the results
//! screen when the answers, the plan choices, the plan's start or the configuration change;
//! [`use_outcome`] reads it.

use std::rc::Rc;

use yew::prelude::*;

use super::Consult;
use crate::app::outcome::{Outcome, PlanDates};
use crate::config::Config;
use crate::hooks::host::use_today;

/// The outcome as context, compared by identity: a new one is derived only when its inputs
/// change, so comparing the whole assessment on every render would only cost time and code.
#[derive(Clone)]
pub struct SharedOutcome(Rc<Outcome>);

impl PartialEq for SharedOutcome {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedOutcome {
    type Target = Outcome;
    fn deref(&self) -> &Outcome {
        &self.0
    }
}

/// Derives the outcome once per change (the results screen provides it as context).
#[hook]
pub fn use_derived_outcome(consult: &Consult, config: &Rc<Config>) -> SharedOutcome {
    let today = use_today();
    let catalog = consult.catalog.clone();
    let dates = PlanDates {
        start: consult.plan_start_date(today),
        today,
    };
    let deps = (
        consult.effective_answers(),
        consult.plan_toggled.clone(),
        config.clone(),
        dates,
    );
    SharedOutcome(use_memo(deps, move |(answers, toggled, config, dates)| {
        Outcome::derive(&catalog, config, answers.clone(), toggled, dates)
    }))
}

/// The outcome from context (derived from the defaults outside App, e.g. in isolated tests).
#[hook]
pub fn use_outcome() -> SharedOutcome {
    use_context::<SharedOutcome>()
        .expect("the results are rendered inside the results screen's outcome provider")
}
