//! Every `use_*` hook of the widget: where state meets effects. Hooks call the host
//! ([`crate::host`]) from effects and handlers; components call hooks.

pub mod answer;
pub mod app;
pub mod embed;
pub mod host;
pub mod kiosk;
pub mod kiosk_controls;
pub mod offline;
pub mod outcome;
pub mod prices;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::ConsultState;
use crate::config::Config;

/// The state handle every component reads and dispatches to.
pub type Consult = UseReducerHandle<ConsultState>;

/// The consultation state from context.
#[hook]
pub fn use_consult() -> Consult {
    use_context::<Consult>().expect("components are rendered inside App's context provider")
}

/// The clinic configuration from context (the defaults outside App, e.g. in isolated tests).
#[hook]
pub fn use_config() -> Rc<Config> {
    use_context::<Rc<Config>>().unwrap_or_default()
}

pub use outcome::use_outcome;
