//! The root component's side effects: the clinic's theme, saved progress and focus, each kept
//! in step with the state by an effect (never inside the reducer).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::persist;
use crate::app::state::Step;
use crate::config::Config;
use crate::hooks::Consult;
use crate::host::browser;

/// Applies the clinic's colours and font as CSS custom properties on the widget's root (through
/// the CSSOM, which a strict Content-Security-Policy allows).
#[hook]
pub fn use_theme(config: &Rc<Config>, root: &NodeRef) {
    let root = root.clone();
    use_effect_with(config.clone(), move |config| {
        if let Some(root) = root.cast::<web_sys::HtmlElement>() {
            for (property, value) in &config.theme {
                let _ = root.style().set_property(property, value);
            }
        }
    });
}

/// Saves progress whenever answers or step change; a cleared consultation removes the record.
#[hook]
pub fn use_persistence(consult: &Consult, kiosk: bool) {
    let catalog = consult.catalog.clone();
    use_effect_with(
        (consult.answers.clone(), consult.step.clone(), kiosk),
        move |(answers, step, kiosk)| {
            // Kiosk mode keeps answers in memory only.
            if *kiosk {
                return;
            }
            if answers.is_empty() && *step == Step::Welcome {
                browser::remove_storage(persist::STORAGE_KEY);
            } else {
                browser::write_storage(
                    persist::STORAGE_KEY,
                    &persist::save(&catalog, answers, step),
                );
            }
        },
    );
}

/// Moves focus to the new screen's heading after every step change (not on first render, so
/// an embedded widget never steals focus from the host page on load).
#[hook]
pub fn use_focus_on_step(step: &Step, root: &NodeRef) {
    let first_render = use_mut_ref(|| true);
    let root = root.clone();
    use_effect_with(step.clone(), move |_| {
        if std::mem::replace(&mut *first_render.borrow_mut(), false) {
            return;
        }
        if let Some(root) = root.cast::<web_sys::Element>() {
            browser::focus_within(&root, "[data-focus-target]");
        }
    });
}
