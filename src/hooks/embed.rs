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

/// Emits `consult:started` and `consult:booking` and, in a frame, reports the widget's height
/// (the results emit `consult:completed`, see [`use_completed_event`]).
#[hook]
pub fn use_embed(consult: &Consult, root: &NodeRef) {
    use_started_event(consult);
    use_booking_events(root);
    use_effect_with((), move |_| {
        let reports = report_height();
        move || drop(reports)
    });
}

/// `consult:started` when the first question opens from the welcome screen.
#[hook]
fn use_started_event(consult: &Consult) {
    let previous = use_mut_ref(|| consult.step.clone());
    let consult = consult.clone();
    use_effect_with(consult.step.clone(), move |step| {
        let before = std::mem::replace(&mut *previous.borrow_mut(), step.clone());
        if matches!(step, Step::Question(_)) && before == Step::Welcome {
            emit("consult:started", &started_detail(&consult.lang));
        }
    });
}

/// `consult:completed` each time the results open (the results screen calls it), with the
/// outcome the results show.
#[hook]
pub fn use_completed_event(config: &Rc<Config>, outcome: &SharedOutcome) {
    let (config, outcome) = (config.clone(), outcome.clone());
    use_effect_with((), move |_| {
        let shared = config
            .embed
            .events_include_answers
            .then_some(&outcome.answers);
        let offers = |id: &str| config.offers(id);
        emit(
            "consult:completed",
            &completed_detail(&outcome.assessment, offers, shared),
        );
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
