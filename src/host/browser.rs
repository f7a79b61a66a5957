//! The few browser services the widget uses, each failing quietly: storage may be disabled
//! (private mode, kiosk policies), and clipboard or print may be blocked by the host page.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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

/// Marks the mount element while the widget prints from a clinic's page.
const PRINTING_ATTR: &str = "data-sc-printing";

/// The host-page stylesheet that makes a print from the widget hold only the widget: while
/// an element carries [`PRINTING_ATTR`], everything else on the page is left out, and the
/// elements around the widget print as plain boxes with no text of their own. It applies only
/// to print media and only while the attribute is set, so the clinic's own printing of its
/// page is untouched. Adopted through the CSSOM, which a strict `style-src` allows.
const HOST_PRINT_CSS: &str = "@media print{\
body:has([data-sc-printing]) :not([data-sc-printing],[data-sc-printing] *,:has([data-sc-printing])){display:none!important}\
:has([data-sc-printing]){display:block!important;visibility:hidden!important;position:static!important;\
inset:auto!important;margin:0!important;padding:0!important;border:0!important;float:none!important;\
inline-size:auto!important;block-size:auto!important;min-block-size:0!important;max-block-size:none!important;\
overflow:visible!important;transform:none!important;background:none!important;box-shadow:none!important}\
[data-sc-printing]{display:block!important;visibility:visible!important;position:static!important;\
margin:0!important;padding:0!important;border:0!important;inline-size:auto!important;block-size:auto!important;\
max-block-size:none!important;overflow:visible!important;transform:none!important}}";

/// Adds [`HOST_PRINT_CSS`] to the document's adopted stylesheets, once. `false` when the
/// browser has no constructable stylesheets (the whole page then prints, as before).
fn adopt_host_print_sheet(document: &web_sys::Document) -> bool {
    if crate::host::with_host(|host| host.print_sheet_adopted) {
        return true;
    }
    let adopted = (|| {
        let constructor: Function = Reflect::get(&js_sys::global(), &"CSSStyleSheet".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let sheet = Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
        let replace: Function = Reflect::get(&sheet, &"replaceSync".into())
            .ok()?
            .dyn_into()
            .ok()?;
        replace.call1(&sheet, &HOST_PRINT_CSS.into()).ok()?;
        let key = JsValue::from_str("adoptedStyleSheets");
        let sheets: js_sys::Array = Reflect::get(document, &key).ok()?.dyn_into().ok()?;
        let sheets = sheets.concat(&js_sys::Array::of1(&sheet));
        Reflect::set(document, &key, &sheets).ok()
    })()
    .unwrap_or(false);
    crate::host::with_host(|host| host.print_sheet_adopted = adopted);
    adopted
}

/// Opens the print dialog. On a clinic's page (direct mount) only the widget is printed: the
/// mount element is marked for [`HOST_PRINT_CSS`] until the browser reports the print done.
pub fn print() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(mount) = crate::host::embed::direct_mount() {
        let document = gloo::utils::document();
        if adopt_host_print_sheet(&document) && mount.set_attribute(PRINTING_ATTR, "").is_ok() {
            let options = gloo::events::EventListenerOptions::default();
            gloo::events::EventListener::once_with_options(
                &window,
                "afterprint",
                options,
                move |_| {
                    let _ = mount.remove_attribute(PRINTING_ATTR);
                },
            )
            .forget();
        }
    }
    let _ = window.print();
}

/// Marks the `<details>` that a print opened, so the print's end closes only those.
const PRINT_OPENED_ATTR: &str = "data-sc-print-opened";

/// Prints every detail of the results: before any print (the widget's button or the
/// browser's menu) the closed `<details>` under `root` are opened, and closed again after.
pub fn expand_details_when_printing(root: web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let each = |root: &web_sys::Element, selector: &str, f: &dyn Fn(&web_sys::Element)| {
        if let Ok(list) = root.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into().ok()) {
                    f(&el);
                }
            }
        }
    };
    let before = root.clone();
    gloo::events::EventListener::new(&window, "beforeprint", move |_| {
        each(&before, "details:not([open])", &|el| {
            let _ = el.set_attribute(PRINT_OPENED_ATTR, "");
            let _ = el.set_attribute("open", "");
        });
    })
    .forget();
    gloo::events::EventListener::new(&window, "afterprint", move |_| {
        each(&root, "details[data-sc-print-opened]", &|el| {
            let _ = el.remove_attribute(PRINT_OPENED_ATTR);
            let _ = el.remove_attribute("open");
        });
    })
    .forget();
}

/// Fetches the configuration document at `url` (as written in `data-config-url`), refusing
/// anything but this page's own origin: the written URL is checked, then the resolved one,
/// and the request runs with `mode: "same-origin"` (so a redirect elsewhere fails too). A
/// document declared or found larger than `max_len` bytes is refused; nothing waits longer
/// than 10 seconds. The error says why, to follow the URL in a message.
pub async fn fetch_config(url: &str, max_len: usize) -> Result<String, String> {
    let window = web_sys::window().ok_or("cannot be read here")?;
    let location = window.location();
    let own = location.origin().unwrap_or_default();
    let elsewhere = "is not on this site: only a same-origin configuration URL is read";
    crate::config::check_config_url(url, &own).map_err(|_| elsewhere.to_string())?;
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| location.href().unwrap_or_default());
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| elsewhere.to_string())?;
    if resolved.origin() != own || !matches!(resolved.protocol().as_str(), "http:" | "https:") {
        return Err(elsewhere.into());
    }
    let failed = |why: &str| format!("could not be loaded ({why})");
    let fetch: Function = Reflect::get(&window, &"fetch".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed("no fetch in this browser"))?;
    let init = js_sys::Object::new();
    for (key, value) in [
        ("mode", "same-origin"),
        ("credentials", "same-origin"),
        ("cache", "no-cache"),
    ] {
        let _ = Reflect::set(&init, &key.into(), &value.into());
    }
    // Giving up on a slow answer also ends the request, so it does not go on downloading.
    let abort = abort_controller(&window);
    if let Some(controller) = &abort {
        let signal = Reflect::get(controller, &"signal".into()).unwrap_or(JsValue::UNDEFINED);
        let _ = Reflect::set(&init, &"signal".into(), &signal);
    }
    let give_up = || {
        if let Some(controller) = &abort {
            call_method(controller, "abort");
        }
    };
    let request: Promise = fetch
        .call2(&window, &resolved.href().into(), &init)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(|| failed("the request was refused"))?;
    let response = within(request, 10_000)
        .await
        .map_err(|_| failed("network error"))?;
    if response.is_undefined() {
        give_up();
        return Err(failed("no answer within 10 seconds"));
    }
    let get = |key: &str| Reflect::get(&response, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if get("ok").as_bool() != Some(true) {
        // A whole number: formatting an f64 would pull float printing into the bundle.
        let status = get("status").as_f64().unwrap_or(0.0) as u16;
        return Err(failed(&format!("HTTP {status}")));
    }
    let too_large = format!("is larger than {max_len} bytes");
    let headers = get("headers");
    let declared = Reflect::get(&headers, &"get".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&headers, &"content-length".into()).ok())
        .and_then(|v| v.as_string())
        .and_then(|v| v.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > max_len) {
        return Err(too_large);
    }
    let text: Promise = Reflect::get(&response, &"text".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&response).ok())
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(|| failed("unreadable answer"))?;
    let text = within(text, 10_000).await.ok().and_then(|t| t.as_string());
    let Some(text) = text else {
        give_up();
        return Err(failed("unreadable answer"));
    };
    if text.len() > max_len {
        return Err(too_large);
    }
    Ok(text)
}

/// A new `AbortController`, where the browser has one.
fn abort_controller(window: &web_sys::Window) -> Option<JsValue> {
    let constructor: Function = Reflect::get(window, &"AbortController".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Reflect::construct(&constructor, &js_sys::Array::new()).ok()
}

/// Calls `target.name()`, ignoring what it returns or throws.
fn call_method(target: &JsValue, name: &str) {
    if let Some(method) = Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = method.call0(target);
    }
}

/// `promise`'s outcome, or `undefined` when it has not settled after `ms` milliseconds.
async fn within(promise: Promise, ms: i32) -> Result<JsValue, JsValue> {
    let timer = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    wasm_bindgen_futures::JsFuture::from(Promise::race(&js_sys::Array::of2(&promise, &timer))).await
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Today's date on the patient's device. A clock the engine cannot use (outside its years)
/// is reported on the console and the plan starts from the first day the engine accepts, so
/// the dates are visibly wrong rather than silently plausible.
pub fn today() -> skin_consult_engine::Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    );
    skin_consult_engine::Date::from_ymd(year, month, day).unwrap_or_else(|_| {
        gloo::console::error!(
            "skin-consult: this device's clock reads an unusable date; plan dates will be wrong"
        );
        skin_consult_engine::Date::from_ymd(skin_consult_engine::Date::MIN_YEAR, 1, 1)
            .expect("the first day of the first year is a date")
    })
}

/// Milliseconds since the epoch on the device clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
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

/// An amount of money given in hundredths, in `lang` by the browser's own locale data
/// ("₺2.500" in Turkish, "£49.50" in English): no decimals for a whole amount. `currency` must
/// be three capital letters (checked when the configuration is read): the browser throws on
/// anything else.
pub fn format_money(cents: u64, currency: &str, lang: &str) -> String {
    let options = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value);
    };
    set("style", "currency".into());
    set("currency", currency.into());
    if cents.is_multiple_of(100) {
        set("minimumFractionDigits", 0.into());
        set("maximumFractionDigits", 0.into());
    }
    let locales = js_sys::Array::of1(&lang.into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    // Divided in JavaScript's numbers: no float arithmetic or printing on the Rust side.
    let amount = wasm_bindgen::JsValue::from(cents as f64 / 100.0);
    format
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &amount)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| format!("{} {currency}", cents / 100))
}

/// "December 2026" in `lang`, by the browser's own locale data.
pub fn month_and_year(year: i32, month: u32, lang: &str) -> String {
    let js_date = js_sys::Date::new_with_year_month_day(year as u32, month as i32 - 1, 1);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"month".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"year".into(), &"numeric".into());
    js_date.to_locale_date_string(lang, &options).into()
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
