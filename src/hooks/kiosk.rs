//! Kiosk mode's hooks: the idle timer that starts "Are you still there?", and the staff's way
//! to the exit (a long press on the clinic name, or Ctrl+Alt+K).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long staff press the clinic name to reach the staff exit.
pub const STAFF_PRESS_MS: u32 = 3_000;

/// Events that count as someone using the tablet.
const ACTIVITY_EVENTS: [&str; 4] = ["pointerdown", "keydown", "touchstart", "wheel"];

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
