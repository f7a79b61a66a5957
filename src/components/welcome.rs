//! The welcome screen: what this is, what it is not, the privacy promise, and Start.

use yew::prelude::*;

use super::update_banner::UpdateBanner;
use crate::app::state::Action;
use crate::hooks::use_consult;
use crate::i18n::t;

/// The first screen.
#[component(Welcome)]
pub fn welcome() -> Html {
    let consult = use_consult();
    let lang = consult.lang.as_str();
    let start = {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(Action::Start))
    };
    html! {
        <section class="sc-screen sc-welcome" aria-labelledby="sc-welcome-title">
            <UpdateBanner />
            <h1 id="sc-welcome-title" tabindex="-1" data-focus-target="">{ t(lang, "app_title") }</h1>
            <p class="sc-lead">{ t(lang, "welcome_lead") }</p>
            <ul class="sc-promises">
                <li>{ t(lang, "welcome_not_diagnosis") }</li>
                <li>{ t(lang, "welcome_privacy") }</li>
                <li>{ t(lang, "welcome_time") }</li>
            </ul>
            <div class="sc-actions">
                <button type="button" class="sc-button sc-primary" onclick={start}>{ t(lang, "start") }</button>
            </div>
        </section>
    }
}
