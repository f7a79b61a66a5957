//! The application layer: one `Reducible` state with its `Action`s ([`state`]), the outcome
//! derived from the answers ([`outcome`]), and the pure codecs beside the state (saved progress,
//! share links, start-up, QR code). Nothing here touches the browser.

pub mod kiosk;
pub mod outcome;
pub mod persist;
pub mod qr;
pub mod query;
pub mod share;
pub mod startup;
pub mod state;
