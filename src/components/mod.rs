//! The widget's components: one screen or part of a screen each, reading the shared state
//! from context and changing it only by dispatching [`crate::state::Action`]s.

pub mod alternatives;
pub mod answer_input;
pub mod app;
mod app_hooks;
pub mod booking;
pub mod config_errors;
pub mod kiosk;
mod kiosk_controls;
pub mod kiosk_hooks;
pub mod kiosk_idle;
pub mod kiosk_staff;
pub mod language_switch;
pub mod notice;
pub mod plan;
pub mod plan_overview;
pub mod procedure_card;
pub mod question;
pub mod referral;
pub mod results;
pub mod results_summary;
pub mod review;
pub mod share_panel;
pub mod timeline;
pub mod update_banner;
pub mod welcome;

use yew::prelude::*;

use std::rc::Rc;

use crate::config::Config;
use crate::state::ConsultState;

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
