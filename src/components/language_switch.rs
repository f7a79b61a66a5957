//! The language switch: changes the display language without touching answers or step.

use yew::prelude::*;

use super::use_consult;
use crate::i18n::{language_name, languages, t};
use crate::state::Action;

/// A native select of the languages both the interface and the catalog are written in.
#[component(LanguageSwitch)]
pub fn language_switch() -> Html {
    let consult = use_consult();
    let lang = consult.lang.clone();
    let available: Vec<&str> = languages()
        .into_iter()
        .filter(|l| consult.catalog.languages.iter().any(|c| c == l))
        .collect();
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
                { for available.into_iter().map(|l| html! {
                    <option value={l} lang={l} selected={l == lang}>{ language_name(l) }</option>
                }) }
            </select>
        </label>
    }
}
