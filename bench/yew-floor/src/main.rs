//! The benchmark's Yew floor (`bench/browser.mjs`): a Yew app that only shows a heading, a
//! sentence and a Start button, built and started exactly like the widget. Its repeat visits
//! tell how long a new tab takes to show a Yew app's first screen at all, before any of the
//! widget's own work.

use yew::prelude::*;

#[function_component]
fn Welcome() -> Html {
    let started = use_state(|| false);
    let onclick = {
        let started = started.clone();
        Callback::from(move |_| started.set(true))
    };
    html! {
        <section>
            <h1>{ "Skin consultation" }</h1>
            <p>{ "Answer a few questions." }</p>
            <button type="button" {onclick}>{ if *started { "Started" } else { "Start" } }</button>
        </section>
    }
}

fn main() {
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("skin-consult")
        .or_else(|| document.body().map(Into::into));
    if let Some(root) = root {
        yew::Renderer::<Welcome>::with_root(root).render();
    }
}
