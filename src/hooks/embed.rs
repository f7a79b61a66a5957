//! The embed hooks: the consultation's events (`consult:started`, `consult:completed`,
//! `consult:booking`) and, in a frame, the widget's height, sent through [`crate::host::embed`].

use std::rc::Rc;

use yew::prelude::*;

use super::Consult;
use crate::app::state::Step;
use crate::config::Config;
use crate::hooks::outcome::SharedOutcome;
use crate::host::embed::{
    completed_detail, emit, listen_for_bookings, report_height, started_detail,
};

/// Emits the consultation's events and, in a frame, reports the widget's height.
#[hook]
pub fn use_embed(consult: &Consult, config: &Rc<Config>, outcome: &SharedOutcome, root: &NodeRef) {
    use_step_events(consult, config, outcome);
    use_booking_events(root);
    use_effect_with((), move |_| {
        let reports = report_height();
        move || drop(reports)
    });
}

/// `consult:started` when the first question opens from the welcome screen,
/// `consult:completed` whenever the results open.
#[hook]
fn use_step_events(consult: &Consult, config: &Rc<Config>, outcome: &SharedOutcome) {
    let previous = use_mut_ref(|| consult.step.clone());
    let consult = consult.clone();
    let config = config.clone();
    let outcome = outcome.clone();
    use_effect_with(consult.step.clone(), move |step| {
        let before = std::mem::replace(&mut *previous.borrow_mut(), step.clone());
        match step {
            Step::Question(_) if before == Step::Welcome => {
                emit("consult:started", &started_detail(&consult.lang));
            }
            Step::Results if before != Step::Results => {
                // The same outcome the results screen shows.
                let shared = config
                    .embed
                    .events_include_answers
                    .then_some(&outcome.answers);
                let offers = |id: &str| config.offers(id);
                emit(
                    "consult:completed",
                    &completed_detail(&outcome.assessment, offers, shared),
                );
            }
            _ => {}
        }
    });
}

/// `consult:booking` when a booking link (`data-booking="<channel>"`) is followed.
#[hook]
fn use_booking_events(root: &NodeRef) {
    let root = root.clone();
    use_effect_with((), move |_| {
        let listener = root
            .cast::<web_sys::Element>()
            .map(|root| listen_for_bookings(&root));
        move || drop(listener)
    });
}
