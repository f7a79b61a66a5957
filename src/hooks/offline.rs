//! The service worker hook: registered after the first paint, asked for new versions.

use yew::prelude::*;

use crate::host::offline::{
    after_next_paint, apply_update, check_for_update, register, CHECK_EVERY_MS,
};

/// Registers the service worker once and keeps asking for new versions: hourly, and each time
/// the widget is back `between_patients` (a fresh welcome screen). Returns whether a new
/// version is waiting. In `kiosk` mode the switch happens by itself between patients.
#[hook]
pub fn use_service_worker(between_patients: bool, kiosk: bool) -> bool {
    let ready = use_state(|| false);
    {
        let setter = ready.setter();
        use_effect_with((), move |_| {
            after_next_paint(move || register(Callback::from(move |_| setter.set(true))));
            let interval = gloo::timers::callback::Interval::new(CHECK_EVERY_MS, check_for_update);
            move || drop(interval)
        });
    }
    use_effect_with(between_patients, |&between| {
        if between {
            check_for_update();
        }
    });
    use_effect_with(
        (*ready, between_patients, kiosk),
        |&(ready, between, kiosk)| {
            if ready && between && kiosk {
                apply_update();
            }
        },
    );
    *ready
}
