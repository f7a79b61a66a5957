//! Kiosk mode (a waiting-room tablet): the idle timer, the "Are you still there?" overlay that
//! wipes the consultation when nobody answers, and the staff exit.
//!
//! Kiosk mode is on when the clinic configuration says `"kiosk": {"enabled": true}` or the
//! page is opened with `?kiosk=1`. Staff leave it by pressing the clinic name for
//! [`STAFF_PRESS_MS`] and confirming (with `kiosk.exit_code` when the clinic set one).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_consult;
use crate::i18n::{t, tf};
use crate::state::Action;

/// The URL parameter that turns kiosk mode on: `?kiosk=1`.
pub const KIOSK_PARAM: &str = "kiosk";

/// Seconds "Are you still there?" counts down before everything is wiped.
pub const WARNING_SECONDS: u32 = 30;

/// How long staff press the clinic name to reach the staff exit.
pub const STAFF_PRESS_MS: u32 = 3_000;

/// Events that count as someone using the tablet.
const ACTIVITY_EVENTS: [&str; 4] = ["pointerdown", "keydown", "touchstart", "wheel"];

/// Whether the query string (with or without its `?`) asks for kiosk mode.
pub fn kiosk_requested(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "kiosk=1")
}

/// `url` without the kiosk parameter: a link the patient's phone opens in normal mode.
pub fn without_kiosk_param(url: &str) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((base, fragment)) => (base, Some(fragment)),
        None => (url, None),
    };
    let (path, query) = base.split_once('?').unwrap_or((base, ""));
    let query = crate::without_param(query, KIOSK_PARAM);
    let mut out = path.to_string();
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Calls `on_idle` after `idle_ms` without a touch, click, key or wheel anywhere in the
/// document, and `on_activity` on each of those. Nothing runs while `enabled` is false.
/// The timer is a plain `setTimeout` re-armed on each activity.
#[hook]
pub fn use_idle_timer(
    enabled: bool,
    idle_ms: u32,
    on_idle: Callback<()>,
    on_activity: Callback<()>,
) {
    // The callbacks are read when they fire, so the effect does not restart on each render.
    let callbacks = use_mut_ref(|| (on_idle.clone(), on_activity.clone()));
    *callbacks.borrow_mut() = (on_idle, on_activity);
    use_effect_with((enabled, idle_ms), move |&(enabled, idle_ms)| {
        let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let mut listeners = Vec::new();
        if enabled {
            let arm: Rc<dyn Fn()> = {
                let (timer, callbacks) = (timer.clone(), callbacks.clone());
                Rc::new(move || {
                    let callbacks = callbacks.clone();
                    *timer.borrow_mut() = Some(Timeout::new(idle_ms, move || {
                        let on_idle = callbacks.borrow().0.clone();
                        on_idle.emit(());
                    }));
                })
            };
            arm();
            let document = gloo::utils::document();
            let options = EventListenerOptions::run_in_capture_phase();
            for event in ACTIVITY_EVENTS {
                let (arm, callbacks) = (arm.clone(), callbacks.clone());
                listeners.push(EventListener::new_with_options(
                    &document,
                    event,
                    options,
                    move |_| {
                        arm();
                        let on_activity = callbacks.borrow().1.clone();
                        on_activity.emit(());
                    },
                ));
            }
        }
        move || {
            drop(listeners);
            timer.borrow_mut().take();
        }
    });
}

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

/// Handlers for the clinic name: pressing it for [`STAFF_PRESS_MS`] calls `on_long_press`.
#[derive(Clone)]
pub struct LongPress {
    /// For `onpointerdown`.
    pub start: Callback<PointerEvent>,
    /// For `onpointerup`, `onpointerleave` and `onpointercancel`.
    pub cancel: Callback<PointerEvent>,
}

/// The keyboard route to the staff dialog, for staff with a keyboard (and without a pointer):
/// Ctrl+Alt+K anywhere on the page.
pub const STAFF_SHORTCUT_KEY: &str = "k";

/// A long-press detector (`enabled` false: handlers that do nothing). The staff shortcut
/// ([`STAFF_SHORTCUT_KEY`] with Ctrl+Alt) calls `on_long_press` too.
#[hook]
pub fn use_long_press(enabled: bool, on_long_press: Callback<()>) -> LongPress {
    {
        let on_long_press = on_long_press.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = enabled.then(|| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(
                    &gloo::utils::document(),
                    "keydown",
                    options,
                    move |event| {
                        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if key.ctrl_key()
                            && key.alt_key()
                            && key.key().eq_ignore_ascii_case(STAFF_SHORTCUT_KEY)
                        {
                            key.prevent_default();
                            on_long_press.emit(());
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    let timer = use_mut_ref(|| None::<Timeout>);
    let start = {
        let timer = timer.clone();
        Callback::from(move |_: PointerEvent| {
            if !enabled {
                return;
            }
            let on_long_press = on_long_press.clone();
            *timer.borrow_mut() =
                Some(Timeout::new(STAFF_PRESS_MS, move || on_long_press.emit(())));
        })
    };
    let cancel = Callback::from(move |_: PointerEvent| {
        timer.borrow_mut().take();
    });
    LongPress { start, cancel }
}

/// Properties of [`StaffExit`].
#[derive(Properties, PartialEq)]
pub struct StaffExitProps {
    /// The code to type, if the clinic set one.
    pub exit_code: Option<AttrValue>,
    /// Leave kiosk mode.
    pub on_exit: Callback<()>,
    /// Close the dialog and stay in kiosk mode.
    pub on_cancel: Callback<()>,
}

/// The staff dialog reached by a long press on the clinic name.
#[component(StaffExit)]
pub fn staff_exit(props: &StaffExitProps) -> Html {
    let consult = use_consult();
    let lang = consult.lang.as_str();
    let typed = use_state(String::new);
    let wrong = use_state(|| false);
    let input = use_node_ref();
    let cancel_button = use_node_ref();
    {
        let (input, cancel_button) = (input.clone(), cancel_button.clone());
        use_effect_with((), move |_| {
            let target = input
                .cast::<web_sys::HtmlElement>()
                .or_else(|| cancel_button.cast());
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    }
    let oninput = {
        let (typed, wrong) = (typed.clone(), wrong.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(input.value());
            wrong.set(false);
        })
    };
    let onsubmit = {
        let (typed, wrong) = (typed.clone(), wrong.clone());
        let (code, on_exit) = (props.exit_code.clone(), props.on_exit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &code {
                Some(code) if code.as_str() != typed.trim() => wrong.set(true),
                _ => on_exit.emit(()),
            }
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="sc-kiosk-backdrop">
            <form class="sc-kiosk-dialog" role="dialog" aria-modal="true" aria-labelledby="sc-staff-title"
                onsubmit={onsubmit} data-staff-exit="">
                <h2 id="sc-staff-title">{ t(lang, "staff_title") }</h2>
                <p>{ t(lang, "staff_lead") }</p>
                if props.exit_code.is_some() {
                    <label class="sc-field">
                        <span>{ t(lang, "staff_code") }</span>
                        <input type="password" inputmode="numeric" autocomplete="off" ref={input}
                            value={(*typed).clone()} oninput={oninput}
                            aria-invalid={(*wrong).then_some("true")} />
                    </label>
                    if *wrong {
                        <p class="sc-error" role="alert">{ t(lang, "staff_code_wrong") }</p>
                    }
                }
                <div class="sc-actions">
                    <button type="submit" class="sc-button sc-danger">{ t(lang, "staff_leave") }</button>
                    <button type="button" class="sc-button sc-secondary" ref={cancel_button} onclick={cancel}>
                        { t(lang, "staff_cancel") }
                    </button>
                </div>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;
    use skin_consult_engine::builtin_catalog;

    #[test]
    fn only_kiosk_1_turns_kiosk_mode_on() {
        for (query, on) in [
            ("?kiosk=1", true),
            ("?lang=tr&kiosk=1", true),
            ("kiosk=1&x=2", true),
            ("?kiosk=0", false),
            ("?kiosk", false),
            ("?nokiosk=1", false),
            ("", false),
        ] {
            assert_eq!(kiosk_requested(query), on, "{query}");
        }
    }

    #[test]
    fn share_links_leave_kiosk_mode_behind() {
        let cases = [
            (
                "https://c.example/consult/?kiosk=1#sc1;a=1",
                "https://c.example/consult/#sc1;a=1",
            ),
            ("https://c.example/?x=2&kiosk=1", "https://c.example/?x=2"),
            (
                "https://c.example/?kiosk=1&x=2#f",
                "https://c.example/?x=2#f",
            ),
            ("https://c.example/", "https://c.example/"),
        ];
        for (url, expected) in cases {
            assert_eq!(without_kiosk_param(url), expected, "{url}");
        }
    }

    #[test]
    fn the_exit_code_is_read_only_when_it_is_digits() {
        let catalog = builtin_catalog();
        let (config, errors) = parse_config(
            r#"{"kiosk": {"enabled": true, "exit_code": "2468"}}"#,
            &catalog,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.kiosk.exit_code.as_deref(), Some("2468"));
        for bad in [r#""12""#, r#""abcd""#, "1234", r#""1234567890123""#] {
            let json = format!(r#"{{"kiosk": {{"exit_code": {bad}}}}}"#);
            let (config, errors) = parse_config(&json, &catalog);
            assert_eq!(config.kiosk.exit_code, None, "{bad}");
            assert_eq!(errors.len(), 1, "{bad}: {errors:?}");
            assert_eq!(errors[0].path, "kiosk.exit_code");
        }
    }
}
