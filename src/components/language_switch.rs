//! The language switch: changes the display language without touching answers or step.

use yew::prelude::*;

use crate::app::state::Action;
use crate::hooks::{use_config, use_consult};
use crate::i18n::t;

/// A native select of the languages both the interface and the catalog are written in, each
/// named in itself (the catalog locale's `name`).
#[component(LanguageSwitch)]
pub fn language_switch() -> Html {
    let consult = use_consult();
    let lang = consult.lang.clone();
    let available = use_config().available_languages(&consult.catalog);
    if available.len() < 2 {
        return Html::default();
    }
    let onchange = {
        let consult = consult.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            consult.dispatch(Action::SetLang(select.value()));
        })
    };
    html! {
        <label class="sc-language">
            <span>{ t(&lang, "language") }</span>
            <select {onchange}>
                { for available.iter().map(|l| html! {
                    <option value={l.clone()} lang={l.clone()} selected={*l == lang}>{ consult.catalog.language_name(l).to_string() }</option>
                }) }
            </select>
        </label>
    }
}
