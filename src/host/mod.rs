//! The host: the only code outside components that touches browser APIs. Storage, URL, fetch,
//! clock, print and downloads ([`browser`]), embed messaging ([`embed`]), the service worker
//! ([`offline`]), the crash screen ([`crash`]) and the welcome screen painted before the code
//! ([`prepaint`]). Hooks call it from effects and handlers;
//! render code does not.

pub mod browser;
pub mod crash;
pub mod embed;
pub mod offline;
pub mod prepaint;
