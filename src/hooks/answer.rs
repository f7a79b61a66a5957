//! The answer controls' hook: the browser's checked states follow the state after each render.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Sets the `checked` state of each input under `options` after every render, in one pass
/// once the controls are patched. Set while patching, as an attribute of each input, a state
/// could be undone by a later input of the same patch: a checked checkbox turned into a radio
/// button in place (or a checked radio button joining the group) unchecks the group's other
/// radio buttons, so the result would depend on the order the inputs are patched in.
#[hook]
pub fn use_checked_states(options: &NodeRef, checked: Vec<bool>) {
    let options = options.clone();
    use_effect(move || {
        let Some(inputs) = options
            .cast::<web_sys::Element>()
            .and_then(|o| o.query_selector_all("input").ok())
        else {
            return;
        };
        for (i, checked) in checked.into_iter().enumerate() {
            if let Some(input) = inputs.item(i as u32) {
                input
                    .unchecked_into::<web_sys::HtmlInputElement>()
                    .set_checked(checked);
            }
        }
    });
}
