//! skin-consult: a private, in-browser skin consultation widget.
//!
//! The clinical logic lives in the pure `skin_consult_engine` crate; this crate is the thin
//! Yew front end around it.

use yew::prelude::*;

/// The id of the element the widget mounts into.
pub const MOUNT_ID: &str = "skin-consult";

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <section class="sc-screen sc-welcome" aria-labelledby="sc-title">
            <h1 id="sc-title">{ "Skin consultation" }</h1>
            <p>{ "Answer a few questions about your skin, health and goals." }</p>
            <button type="button" class="sc-button sc-primary">{ "Start" }</button>
        </section>
    }
}

/// Mounts the widget into the element with id [`MOUNT_ID`], or the body when it is absent.
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id(MOUNT_ID) {
        Some(host) => {
            yew::Renderer::<App>::with_root(host).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
