//! The few browser services the widget uses, each failing quietly: storage may be disabled
//! (private mode, kiosk policies), and clipboard or print may be blocked by the host page.

use wasm_bindgen::JsCast;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored value under `key`, if storage works and holds one.
pub fn read_storage(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; a full or disabled storage is ignored.
pub fn write_storage(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Removes `key` from storage.
pub fn remove_storage(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// The current URL fragment, with its `#`.
pub fn fragment() -> Option<String> {
    web_sys::window()?
        .location()
        .hash()
        .ok()
        .filter(|h| !h.is_empty())
}

/// Removes the fragment from the address bar without reloading or adding a history entry,
/// so answers read from a share link don't linger in the URL.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// The page's query string, with its `?` ("" when there is none).
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the query string in the address bar (no reload, no history entry); the fragment
/// is dropped.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(path) = window.location().pathname() else {
        return;
    };
    if let Ok(history) = window.history() {
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's URL without its fragment.
pub fn page_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|lang| lang.as_string())
        .collect();
    if languages.is_empty() {
        languages.extend(navigator.language());
    }
    languages
}

/// Sets `lang` on the document element.
pub fn set_document_lang(lang: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang);
    }
}

/// Moves focus to the first element matching `selector` inside `root`.
pub fn focus_within(root: &web_sys::Element, selector: &str) {
    if let Ok(Some(element)) = root.query_selector(selector) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Opens the print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Today's date on the patient's device.
pub fn today() -> skin_consult_engine::Date {
    let now = js_sys::Date::new_0();
    skin_consult_engine::Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|_| skin_consult_engine::Date::from_ymd(2026, 1, 1).expect("a valid date"))
}

/// The current moment in UTC, for calendar time stamps.
pub fn now_utc() -> Option<skin_consult_engine::Timestamp> {
    let now = js_sys::Date::new_0();
    let date = skin_consult_engine::Date::from_ymd(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .ok()?;
    skin_consult_engine::Timestamp::new(
        date,
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds(),
    )
    .ok()
}

/// "December 2026" in `lang`, by the browser's own locale data.
pub fn month_and_year(date: skin_consult_engine::Date, lang: &str) -> String {
    let js_date = js_sys::Date::new_with_year_month_day(
        date.year() as u32,
        date.month() as i32 - 1,
        date.day() as i32,
    );
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"month".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"year".into(), &"numeric".into());
    js_date.to_locale_date_string(lang, &options).into()
}

/// Percent-encodes `text` for a URL query value.
pub fn encode_component(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// Offers `content` as a file download made in the browser (nothing leaves the device).
pub fn download(file_name: &str, mime: &str, content: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let document = gloo::utils::document();
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoked later, not at once: the browser reads the blob after the click returns.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    true
}
