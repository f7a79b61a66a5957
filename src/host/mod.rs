//! The host: the only code outside components that touches browser APIs. Storage, URL, fetch,
//! clock, print and downloads ([`browser`]), embed messaging ([`embed`]), the service worker
//! ([`offline`]), the crash screen ([`crash`]) and the welcome screen painted before the code
//! ([`prepaint`]). Hooks call it from effects and handlers; render code does not.
//!
//! What the host keeps between calls is one [`Host`] value, installed by [`install`] when the
//! widget starts and reached only through [`with_host`]: how the widget is embedded, the
//! service worker's registration, and whether the print stylesheet is in the document.

pub mod browser;
pub mod crash;
pub mod embed;
pub mod offline;
pub mod prepaint;

use std::cell::RefCell;

use crate::config::Config;

/// Everything the host remembers. Empty until [`install`] (e.g. in isolated component tests,
/// where the widget then behaves as its own page and emits nothing).
#[derive(Default)]
pub struct Host {
    /// How the widget is embedded, from [`install`].
    pub(crate) embedding: Option<embed::Embedding>,
    /// The service worker's registration, once [`offline::register`] got it.
    pub(crate) registration: Option<web_sys::ServiceWorkerRegistration>,
    /// Whether the host-page print stylesheet was adopted by the document.
    pub(crate) print_sheet_adopted: bool,
}

thread_local! {
    // The one place the host's state lives: the browser's main thread has exactly one page.
    static HOST: RefCell<Host> = RefCell::default();
}

/// Runs `f` with the host. `f` must not call back into a function that uses [`with_host`]
/// (the host is borrowed while it runs): take what is needed out, then act.
pub(crate) fn with_host<R>(f: impl FnOnce(&mut Host) -> R) -> R {
    HOST.with(|host| f(&mut host.borrow_mut()))
}

/// Installs the host for the widget mounted in `mount` under `config`; called once by
/// [`crate::start`]. Returns how the widget is embedded.
pub fn install(mount: &web_sys::Element, config: &Config) -> embed::Mode {
    let embedding = embed::Embedding::detect(mount, config);
    let mode = embedding.mode;
    with_host(|host| host.embedding = Some(embedding));
    mode
}
