//! The share-link and saved-progress answer codec. It lives in the engine
//! ([`skin_consult_engine::share`]) so that the widget and the test tools (the `share-link`
//! command the end-to-end tests set their patients up with) encode with the same code.

pub use skin_consult_engine::share::*;
