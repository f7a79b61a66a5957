//! The widget's components: one screen or part of a screen each, reading the shared state
//! from context and changing it only by dispatching [`crate::app::state::Action`]s.

pub mod alternatives;
pub mod answer_input;
pub mod app;
pub mod booking;
pub mod config_errors;
pub mod kiosk;
pub mod language_switch;
pub mod lazy;
pub mod notice;
pub mod plan;
pub mod plan_overview;
pub mod procedure_card;
pub mod question;
pub mod referral;
pub mod results;
pub mod results_summary;
pub mod review;
pub mod screens;
pub mod share_panel;
pub mod timeline;
pub mod update_banner;
pub mod welcome;
