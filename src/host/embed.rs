//! Host integration: how the widget lives inside a clinic's page.
//!
//! Three modes, told apart at start-up ([`detect_mode`]):
//!
//! - **page**: the widget's own `index.html` opened directly (it owns the document);
//! - **iframe**: that page inside a frame; the widget posts its height and its events to the
//!   parent with `postMessage`, only to the widget's own origin or an origin the clinic listed
//!   in `embed.parent_origins` (`embed/skin-consult-embed.js` checks the other direction);
//! - **direct**: mounted into an element of the clinic's page; events are DOM `CustomEvent`s
//!   dispatched on the mount element (they bubble to `document`).
//!
//! Events: `consult:started`, `consult:completed` (procedure ids and statuses; the health
//! answers only when the clinic set `embed.events_include_answers`) and `consult:booking`
//! (which channel). The details are built by pure functions, tested natively.

use skin_consult_engine::json::{object, Value};
use skin_consult_engine::{Answers, Assessment};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::config::Config;
use crate::host::with_host;

/// The `source` field of every message the widget posts to a parent page.
pub const MESSAGE_SOURCE: &str = "skin-consult";

/// Where the widget runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The widget's own page, opened directly.
    Page,
    /// The widget's own page inside an iframe.
    Iframe,
    /// Mounted into an element of another page.
    Direct,
}

/// The mode from two facts: whether the window is framed, and whether the mount element is
/// the one of the widget's own page (it carries `data-sc-page`).
pub fn detect_mode(framed: bool, own_page: bool) -> Mode {
    match (framed, own_page) {
        (true, true) => Mode::Iframe,
        (_, false) => Mode::Direct,
        (false, true) => Mode::Page,
    }
}

/// The origin to post messages to, if the parent may receive them: the parent's origin when it
/// is the widget's own or one the clinic allowed. `None` keeps everything inside the frame.
pub fn parent_target(parent: Option<&str>, own: &str, allowed: &[String]) -> Option<String> {
    let parent = parent?;
    (parent == own || allowed.iter().any(|a| a == parent)).then(|| parent.to_string())
}

/// The detail of `consult:started`.
pub fn started_detail(lang: &str) -> Value {
    object(vec![("lang", lang.into())])
}

/// The detail of `consult:completed`: the outcome and the id and status of each procedure the
/// clinic offers (the ones the patient sees). The answers are added only when `answers` is
/// given (the clinic opted in).
pub fn completed_detail(
    assessment: &Assessment,
    offers: impl Fn(&str) -> bool,
    answers: Option<&Answers>,
) -> Value {
    let procedures: Vec<Value> = assessment
        .results()
        .iter()
        .filter(|r| offers(&r.procedure_id))
        .map(|r| {
            object(vec![
                ("id", r.procedure_id.as_str().into()),
                ("status", r.status.as_str().into()),
            ])
        })
        .collect();
    let outcome = match assessment {
        Assessment::Referral(_) => "referral",
        Assessment::Recommendations(_) => "recommendations",
    };
    let mut members = vec![
        ("outcome", outcome.into()),
        ("procedures", procedures.into()),
    ];
    if let Some(answers) = answers {
        members.push(("answers", answers.to_json()));
    }
    object(members)
}

/// The detail of `consult:booking`: `web`, `phone`, `whatsapp` or `email`.
pub fn booking_detail(channel: &str) -> Value {
    object(vec![("channel", channel.into())])
}

/// The message carrying an event to a parent page.
pub fn event_message(name: &str, detail: &Value) -> Value {
    object(vec![
        ("source", MESSAGE_SOURCE.into()),
        ("type", "event".into()),
        ("name", name.into()),
        ("detail", detail.clone()),
    ])
}

/// The message carrying the widget's height (CSS pixels) to a parent page.
pub fn height_message(height: f64) -> Value {
    // Whole pixels: a fraction would only make the frame one pixel taller anyway.
    let pixels = height.ceil().max(0.0) as u64;
    object(vec![
        ("source", MESSAGE_SOURCE.into()),
        ("type", "height".into()),
        ("height", pixels.into()),
    ])
}

/// How the widget is embedded, found once at start-up and kept by the [host](crate::host).
pub struct Embedding {
    /// Where the widget runs.
    pub mode: Mode,
    mount: web_sys::Element,
    /// The parent origin messages go to (iframe mode only).
    target: Option<String>,
}

impl Embedding {
    /// Finds how the widget mounted in `mount` is embedded, and where it may post to.
    pub fn detect(mount: &web_sys::Element, config: &Config) -> Embedding {
        let window = gloo::utils::window();
        let framed = window
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
        let mode = detect_mode(framed, mount.has_attribute("data-sc-page"));
        let own = window.location().origin().unwrap_or_default();
        let target = (mode == Mode::Iframe)
            .then(|| {
                parent_target(
                    parent_origin().as_deref(),
                    &own,
                    &config.embed.parent_origins,
                )
            })
            .flatten();
        Embedding {
            mode,
            mount: mount.clone(),
            target,
        }
    }
}

/// The mode and mount element the host recorded, if it was installed.
fn embedding() -> Option<(Mode, web_sys::Element, Option<String>)> {
    with_host(|host| {
        host.embedding
            .as_ref()
            .map(|e| (e.mode, e.mount.clone(), e.target.clone()))
    })
}

/// Whether the widget may change the document itself (e.g. `<html lang>`): only on its own
/// page or in its own frame, never on a clinic's page.
pub fn owns_document() -> bool {
    embedding().is_none_or(|(mode, _, _)| mode != Mode::Direct)
}

/// The mount element when the widget is mounted into a clinic's page (direct mode).
pub fn direct_mount() -> Option<web_sys::Element> {
    embedding()
        .filter(|(mode, _, _)| *mode == Mode::Direct)
        .map(|(_, mount, _)| mount)
}

/// The parent page's origin as the browser reports it.
fn parent_origin() -> Option<String> {
    let location = gloo::utils::window().location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok()?;
    let first = js_sys::Reflect::get(&ancestors, &0.into())
        .ok()
        .and_then(|v| v.as_string());
    first.or_else(|| {
        let referrer = gloo::utils::document().referrer();
        web_sys::Url::new(&referrer).ok().map(|url| url.origin())
    })
}

fn post(message: &Value) {
    let Some(target) = embedding().and_then(|(_, _, target)| target) else {
        return;
    };
    let parent = gloo::utils::window().parent().ok().flatten();
    if let (Some(parent), Ok(data)) = (parent, js_sys::JSON::parse(&message.to_string())) {
        let _ = parent.post_message(&data, &target);
    }
}

/// Tells the host page about `name` with `detail`, as the mode requires.
pub fn emit(name: &str, detail: &Value) {
    match embedding() {
        None => {}
        Some((Mode::Iframe, _, _)) => post(&event_message(name, detail)),
        Some((_, mount, _)) => {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL));
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = mount.dispatch_event(&event);
            }
        }
    }
}

/// Dispatches `consult:booking` whenever a booking link (`data-booking="<channel>"`) under
/// `root` is followed. The listener stops when dropped.
pub fn listen_for_bookings(root: &web_sys::Element) -> gloo::events::EventListener {
    gloo::events::EventListener::new(root, "click", |event| {
        let channel = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-booking]").ok().flatten())
            .and_then(|el| el.get_attribute("data-booking"));
        if let Some(channel) = channel {
            emit("consult:booking", &booking_detail(&channel));
        }
    })
}

/// Posts the mount element's height to the parent whenever it changes (in a frame only).
pub struct HeightReports {
    observer: web_sys::ResizeObserver,
    _report: Closure<dyn FnMut()>,
}

impl Drop for HeightReports {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts the height reports when the widget runs in a frame with a known parent.
pub fn report_height() -> Option<HeightReports> {
    let mount = embedding()
        .filter(|(mode, _, target)| *mode == Mode::Iframe && target.is_some())
        .map(|(_, mount, _)| mount)?;
    let measured = mount.clone();
    let report = Closure::<dyn FnMut()>::new(move || {
        let bottom = measured.get_bounding_client_rect().bottom();
        let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
        post(&height_message(bottom + scrolled));
    });
    let observer = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()).ok()?;
    observer.observe(&mount);
    Some(HeightReports {
        observer,
        _report: report,
    })
}
