//! The last line of defence: when the widget stops (a panic, or a WebAssembly trap) a friendly
//! "something went wrong" screen replaces it (the details go to the console) instead of a
//! frozen page.
//!
//! The screen is made by a small JavaScript module (`crash.js`), not by Yew or Rust: the
//! release build aborts on a panic without running the panic hook, so only code outside the
//! stopped module can still react. It watches the page for a `WebAssembly.RuntimeError`; in
//! builds that do run the panic hook, the hook logs the panic message and shows the screen
//! first. Its "Start over" link reloads the page with [`RESET_PARAM`], which clears saved
//! progress first, so a record that made the widget crash cannot make it crash again.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::i18n::{languages, t};

/// The query parameter that clears saved progress before the widget starts.
pub const RESET_PARAM: &str = "sc-reset";

/// The query parameter that, set to [`DEBUG_PANIC`] (`?sc-debug=panic`), makes the widget
/// panic on purpose, so the crash screen can be tested against the release build.
pub const DEBUG_PARAM: &str = "sc-debug";

/// The value of [`DEBUG_PARAM`] that asks for the panic.
pub const DEBUG_PANIC: &str = "panic";

#[wasm_bindgen(module = "/src/host/crash.js")]
extern "C" {
    fn watch_for_traps(root: &web_sys::Element, texts: &js_sys::Object, href: &str);
    fn show_crash_screen(why: &str);
}

/// Prepares the crash screen for `root` in every interface language, and installs the
/// watchers (the page's trap listener and the panic hook).
pub fn install(root: web_sys::Element) {
    let texts = js_sys::Object::new();
    for lang in languages() {
        let words = js_sys::Object::new();
        for (field, key) in [
            ("title", "crash_title"),
            ("body", "crash_body"),
            ("restart", "crash_restart"),
        ] {
            let _ = js_sys::Reflect::set(&words, &field.into(), &t(lang, key).into());
        }
        let _ = js_sys::Reflect::set(&texts, &lang.into(), &words);
    }
    watch_for_traps(&root, &texts, &format!("?{RESET_PARAM}=1"));
    yew::set_custom_panic_hook(Box::new(|info| show_crash_screen(&info.to_string())));
}
