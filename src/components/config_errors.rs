//! The site owner's view of configuration problems, shown only in debug mode.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ConfigError;

/// Properties of [`ConfigErrors`].
#[derive(Properties, PartialEq)]
pub struct ConfigErrorsProps {
    /// The problems found.
    pub errors: Rc<Vec<ConfigError>>,
}

/// Lists every configuration problem with its path (in English: it is for the site owner).
#[component(ConfigErrors)]
pub fn config_errors(props: &ConfigErrorsProps) -> Html {
    html! {
        <aside class="sc-config-errors" data-config-errors={props.errors.len().to_string()} lang="en">
            <h2>{ "Configuration problems (debug mode)" }</h2>
            <p>{ "The widget uses its defaults for these settings. Patients do not see this box unless debug mode is on." }</p>
            <ul>{ for props.errors.iter().map(|e| html! { <li><code>{ &e.path }</code>{ ": " }{ &e.message }</li> }) }</ul>
        </aside>
    }
}
