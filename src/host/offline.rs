//! Offline tablet mode, browser side: registers the service worker (`sw.js`, written into the
//! build by `pwa/precache.mjs`) and notices when a new version has been cached.
//!
//! The service worker only precaches; switching to a new version waits for the page: the
//! widget offers it on the welcome screen (between patients) and [`apply_update`] activates
//! it and reloads. Registration happens only in release builds (so `trunk serve` never
//! serves stale files) and only on the widget's own page (`data-sc-page` on the mount
//! element), never on a clinic page that embeds the widget.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};
use yew::Callback;

use crate::host::with_host;

/// The service worker file, relative to the page (so a sub-path deployment works).
pub const SCRIPT: &str = "./sw.js";

/// How often a tablet left on the welcome screen asks for a new version.
pub const CHECK_EVERY_MS: u32 = 60 * 60 * 1000;

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts (plain http on a LAN address) and in some webviews.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// The web app manifest, and its kiosk variant (written by `pwa/kiosk-manifest.mjs`), whose
/// start URL turns kiosk mode on.
pub const MANIFEST: &str = "manifest.webmanifest";
/// See [`MANIFEST`].
pub const KIOSK_MANIFEST: &str = "manifest-kiosk.webmanifest";

/// Whether the page is the widget's own (not a clinic page that embeds it).
fn own_page() -> bool {
    gloo::utils::document()
        .get_element_by_id(crate::MOUNT_ID)
        .is_some_and(|mount| mount.has_attribute("data-sc-page"))
}

/// Whether this page should register the service worker.
fn wanted() -> bool {
    !cfg!(debug_assertions) && own_page()
}

/// Links the kiosk manifest (`kiosk`) or the normal one on the widget's own page: a tablet
/// installed from `?kiosk=1` then opens in kiosk mode, since an installed app opens its
/// manifest's start URL rather than the address it was installed from.
pub fn link_manifest(kiosk: bool) {
    if !own_page() {
        return;
    }
    if let Ok(Some(link)) = gloo::utils::document().query_selector("link[rel=manifest]") {
        let _ = link.set_attribute("href", if kiosk { KIOSK_MANIFEST } else { MANIFEST });
    }
}

/// Registers the service worker; `on_update` runs once a new version is cached and waiting
/// (never for the first install).
pub fn register(on_update: Callback<()>) {
    if !wanted() {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope("./");
        let Ok(registration) = JsFuture::from(container.register_with_options(SCRIPT, &options))
            .await
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
        else {
            gloo::console::warn!(
                "skin-consult: offline mode is unavailable (service worker not registered)"
            );
            return;
        };
        // Stored first: a version found waiting may be applied as soon as it is reported.
        with_host(|host| host.registration = Some(registration.clone()));
        let controlled = container.controller().is_some();
        if controlled && registration.waiting().is_some() {
            on_update.emit(());
        }
        watch_installs(&registration, on_update);
    });
}

/// Reports each newly installed version that waits behind the one in control.
fn watch_installs(registration: &ServiceWorkerRegistration, on_update: Callback<()>) {
    let reg = registration.clone();
    EventListener::new(registration, "updatefound", move |_| {
        let Some(worker) = reg.installing() else {
            return;
        };
        let on_update = on_update.clone();
        let watched = worker.clone();
        EventListener::new(&worker, "statechange", move |_| {
            let controlled = container().is_some_and(|c| c.controller().is_some());
            if watched.state() == ServiceWorkerState::Installed && controlled {
                on_update.emit(());
            }
        })
        .forget();
    })
    .forget();
}

/// Runs `task` in a task of its own once the browser has painted the next frame, so work that
/// the patient does not wait for (registering the service worker, which on a first visit also
/// starts its install) comes after the first screen instead of delaying it.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, task).forget();
    });
    if window
        .request_animation_frame(callback.unchecked_ref())
        .is_err()
    {
        gloo::console::warn!("skin-consult: offline mode is unavailable (no animation frame)");
    }
}

/// Asks the server for a new version (quietly does nothing offline).
pub fn check_for_update() {
    let Some(registration) = with_host(|host| host.registration.clone()) else {
        return;
    };
    if let Ok(promise) = registration.update() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Switches to the waiting version: it takes control, then the page reloads into it.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let Some(waiting) = with_host(|host| host.registration.as_ref().and_then(|r| r.waiting()))
    else {
        return;
    };
    EventListener::once(&container, "controllerchange", |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    })
    .forget();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    let _ = waiting.post_message(&message);
}
