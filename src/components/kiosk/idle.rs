//! "Are you still there?": the kiosk's countdown dialog, which wipes the consultation for the
//! next patient when nobody answers.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::app::state::Action;
use crate::hooks::use_consult;
use crate::i18n::{t, tf};

/// Seconds "Are you still there?" counts down before everything is wiped.
pub const WARNING_SECONDS: u32 = 30;

/// Properties of [`IdleOverlay`].
#[derive(Properties, PartialEq)]
pub struct IdleOverlayProps {
    /// The clinic's language, for the next patient.
    pub default_lang: AttrValue,
}

/// "Are you still there?": an alert dialog counting down [`WARNING_SECONDS`], then wiping.
#[component(IdleOverlay)]
pub fn idle_overlay(props: &IdleOverlayProps) -> Html {
    let consult = use_consult();
    let lang = consult.lang.as_str();
    let remaining = use_state(|| WARNING_SECONDS);
    let button = use_node_ref();
    {
        let (setter, dispatcher) = (remaining.setter(), consult.dispatcher());
        let default_lang = props.default_lang.to_string();
        use_effect_with((), move |_| {
            let mut left = WARNING_SECONDS;
            let interval = Interval::new(1_000, move || {
                left = left.saturating_sub(1);
                setter.set(left);
                if left == 0 {
                    dispatcher.dispatch(Action::Wipe(default_lang.clone()));
                }
            });
            move || drop(interval)
        });
    }
    {
        // Focus moves into the dialog, and back where it was when the patient stays.
        let button = button.clone();
        use_effect_with((), move |_| {
            let before = gloo::utils::document().active_element();
            if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            move || {
                if let Some(element) = before
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    if element.is_connected() {
                        let _ = element.focus();
                    }
                }
            }
        });
    }
    let still_here = {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(Action::StillHere))
    };
    // Focus stays on the only control while the dialog is open.
    let trap = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Tab" {
            e.prevent_default();
        }
    });
    let seconds = remaining.to_string();
    // Announced politely every 10 seconds and for the last 5, not every second.
    let announce = *remaining % 10 == 0 || *remaining <= 5;
    html! {
        <div class="sc-kiosk-backdrop">
            <div class="sc-kiosk-dialog" role="alertdialog" aria-modal="true"
                aria-labelledby="sc-idle-title" aria-describedby="sc-idle-lead" onkeydown={trap}
                data-idle-warning="">
                <h2 id="sc-idle-title">{ t(lang, "idle_title") }</h2>
                <p id="sc-idle-lead">{ t(lang, "idle_lead") }</p>
                <p class="sc-kiosk-countdown" aria-hidden="true">{ &seconds }</p>
                <p class="sc-visually-hidden" aria-live="polite" aria-atomic="true">
                    if announce {
                        { tf(lang, "idle_countdown", &[("seconds", &seconds)]) }
                    }
                </p>
                <div class="sc-actions">
                    <button type="button" class="sc-button sc-primary" ref={button} onclick={still_here}>
                        { t(lang, "idle_still_here") }
                    </button>
                </div>
            </div>
        </div>
    }
}
