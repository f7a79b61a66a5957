//! "A new version is ready": shown on the welcome screen only (between patients), once the
//! service worker has cached a new version; switching reloads into it. Never in kiosk mode,
//! where nobody would press it: there the switch happens by itself between patients (see
//! [`crate::host::offline::use_service_worker`]).

use yew::prelude::*;

use crate::hooks::use_consult;
use crate::host::offline;
use crate::i18n::t;

/// Whether a new version is cached and waiting (provided by the root component).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UpdateStatus {
    /// A new version waits for the page to switch.
    pub ready: bool,
}

/// The offer to switch to the new version, or nothing.
#[component(UpdateBanner)]
pub fn update_banner() -> Html {
    let consult = use_consult();
    let status = use_context::<UpdateStatus>().unwrap_or_default();
    let kiosk = consult.kiosk.active;
    let lang = consult.lang.as_str();
    if !status.ready || kiosk {
        return Html::default();
    }
    let update = Callback::from(|_| offline::apply_update());
    html! {
        <div class="sc-update" role="status" data-update-ready="">
            <p>{ t(lang, "update_ready") }</p>
            <button type="button" class="sc-button sc-secondary" onclick={update}>{ t(lang, "update_now") }</button>
        </div>
    }
}
