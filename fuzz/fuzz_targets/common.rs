//! Shared by the fuzz targets: the built-in catalog, built once, and a re-signer for payloads.

#![allow(dead_code)]

use std::rc::Rc;
use std::sync::OnceLock;

use skin_consult::app::share;
use skin_consult_engine::{builtin_catalog, Catalog};

/// The built-in catalog (what the widget decodes against).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let catalog = builtin_catalog();
        catalog
    })
}

/// The same catalog behind an `Rc`, as `startup::initial_state` takes it.
pub fn shared_catalog() -> Rc<Catalog> {
    thread_local! {
        static SHARED: Rc<Catalog> = Rc::new(catalog().clone());
    }
    SHARED.with(Rc::clone)
}

/// `body` with a correct `;k=` checksum appended (the codec's own signer), so mutated payloads
/// get past the checksum and reach the answer parser.
pub use share::signed;

/// The part of a payload before its checksum (all of it when it has none).
pub fn body(payload: &str) -> &str {
    payload.rsplit_once(";k=").map_or(payload, |(body, _)| body)
}
