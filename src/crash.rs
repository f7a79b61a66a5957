//! The last line of defence: a panic replaces the widget with a friendly "something went
//! wrong" screen (the details go to the console) instead of leaving a frozen page.
//!
//! The screen is plain DOM, made without Yew (the app is gone by then), and its "Start over"
//! link reloads the page with [`RESET_PARAM`], which clears saved progress first, so a record
//! that made the widget crash cannot make it crash again.

use std::cell::RefCell;

use crate::i18n::{t, DEFAULT_LANG};

/// The query parameter that clears saved progress before the widget starts.
pub const RESET_PARAM: &str = "sc-reset";

/// The query parameter value (`?sc-debug=panic`) that makes the widget panic on purpose, so the
/// crash screen can be tested against the release build.
pub const DEBUG_PANIC: &str = "sc-debug=panic";

thread_local! {
    static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Installs the panic hook; the crash screen replaces the content of `root`.
pub fn install(root: web_sys::Element) {
    ROOT.with(|slot| *slot.borrow_mut() = Some(root));
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(format!("skin-consult stopped: {info}"));
        ROOT.with(|slot| {
            if let Some(root) = slot.borrow().as_ref() {
                show(root);
            }
        });
    }));
}

fn show(root: &web_sys::Element) {
    let document = gloo::utils::document();
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_else(|| DEFAULT_LANG.into());
    let element = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(screen), Some(title), Some(body), Some(restart)) = (
        element("section", "sc-screen sc-crash", ""),
        element("h1", "", &t(&lang, "crash_title")),
        element("p", "", &t(&lang, "crash_body")),
        element("a", "sc-button sc-primary", &t(&lang, "crash_restart")),
    ) else {
        return;
    };
    let _ = screen.set_attribute("role", "alert");
    let _ = screen.set_attribute("data-outcome", "crash");
    let _ = restart.set_attribute("href", &format!("?{RESET_PARAM}=1"));
    for child in [&title, &body, &restart] {
        let _ = screen.append_child(child);
    }
    let wrapper = element("div", "sc-app", "");
    if let Some(wrapper) = wrapper {
        let _ = wrapper.append_child(&screen);
        root.set_inner_html("");
        let _ = root.append_child(&wrapper);
    }
}
