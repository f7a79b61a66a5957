//! Kiosk mode as the root component uses it: whether it is on (the reducer's
//! [`KioskState`](crate::app::kiosk::KioskState), off once staff left it), the clinic's
//! language for the next patient, the idle timer, and the staff exit's state and handlers.

use std::rc::Rc;

use yew::prelude::*;

use super::kiosk::{use_idle_timer, use_long_press, LongPress};
use crate::app::kiosk::KIOSK_PARAM;
use crate::app::query::Query;
use crate::app::state::Action;
use crate::config::Config;
use crate::hooks::Consult;
use crate::host::browser;

/// What [`use_kiosk`] gives the root component.
pub struct KioskControls {
    /// Whether kiosk mode is on.
    pub kiosk: bool,
    /// The language a new patient starts in.
    pub default_lang: Rc<String>,
    /// Whether the staff dialog is open.
    pub staff_open: bool,
    /// The clinic name's long press that opens the staff dialog.
    pub long_press: LongPress,
    /// Leave kiosk mode (wipes the consultation).
    pub leave: Callback<()>,
    /// Close the staff dialog and stay in kiosk mode.
    pub close_staff: Callback<()>,
}

/// Kiosk mode for the consultation `consult` under the clinic's `config`; the idle timer runs
/// only while kiosk mode is on.
#[hook]
pub fn use_kiosk(config: Rc<Config>, consult: &Consult) -> KioskControls {
    let kiosk = consult.kiosk.active;
    let default_lang = {
        let catalog = consult.catalog.clone();
        use_memo(config.clone(), move |config| {
            config.choose_language(&catalog, &browser::preferred_languages())
        })
    };
    {
        let (idle, active) = (consult.dispatcher(), consult.dispatcher());
        let lang = (*default_lang).clone();
        use_idle_timer(
            kiosk,
            config.kiosk.idle_seconds.saturating_mul(1000),
            Callback::from(move |_| idle.dispatch(Action::Idle(lang.clone()))),
            Callback::from(move |_| active.dispatch(Action::StillHere)),
        );
    }
    let staff_open = use_state(|| false);
    let long_press = {
        let open = staff_open.setter();
        use_long_press(kiosk, Callback::from(move |_| open.set(true)))
    };
    let leave = {
        let (consult, open) = (consult.clone(), staff_open.setter());
        let lang = (*default_lang).clone();
        Callback::from(move |_| {
            consult.dispatch(Action::LeaveKiosk(lang.clone()));
            open.set(false);
            browser::replace_query(&Query::parse(&browser::query()).without(KIOSK_PARAM));
            crate::host::offline::link_manifest(false);
        })
    };
    let close_staff = {
        let open = staff_open.setter();
        Callback::from(move |_| open.set(false))
    };
    KioskControls {
        kiosk,
        default_lang,
        staff_open: *staff_open,
        long_press,
        leave,
        close_staff,
    }
}
