//! skin-consult: a private, in-browser skin consultation widget.
//!
//! The clinical logic lives in the pure `skin_consult_engine` crate. This crate is the thin Yew
//! front end around it, in layers a reader can see in the folders:
//!
//! - [`app`]: the one reducer (state and actions), the outcome derived from the answers, and
//!   the pure codecs beside the state (saved progress, share links, QR); no browser APIs;
//! - [`config`]: the clinic's configuration (model, reader, checks, catalog overrides, schema);
//!   pure;
//! - [`i18n`]: the interface texts; pure;
//! - [`host`]: the only code outside components that touches browser APIs (storage, URL,
//!   fetch, clock, print, embed messaging, service worker, crash screen);
//! - [`hooks`]: every `use_*` hook: where effects call the host;
//! - [`components`]: small function components (kiosk parts in `components/kiosk`).

pub mod app;
pub mod components;
pub mod config;
pub mod hooks;
pub mod host;
pub mod i18n;

use std::rc::Rc;

use app::query::Query;
use app::state::{Action, ConsultState, Step};
pub use components::app::{App, AppProps};
use config::clinic::Clinic;
use config::{parse_config_layers, Config, ConfigError, CONFIG_URL_ATTR, INLINE_DOCUMENT};
use skin_consult_engine::{builtin_catalog, Catalog};
use yew::Reducible;

/// The id of the element the widget mounts into.
pub const MOUNT_ID: &str = "skin-consult";

/// The id of the inline `<script type="application/json">` holding the clinic configuration.
pub const CONFIG_ID: &str = "skin-consult-config";

/// Reads the clinic configuration: the same-origin document named by the mount element's
/// `data-config-url`, then the inline one (which wins field by field). Problems go to the
/// console for the site owner (and on the page in debug mode); the patient just gets the
/// defaults for those parts, also when the URL cannot be fetched.
pub async fn config_from_page(catalog: &Catalog) -> (Config, Vec<ConfigError>) {
    let document = gloo::utils::document();
    let inline = document
        .get_element_by_id(CONFIG_ID)
        .map(|script| script.text_content().unwrap_or_default());
    let url = document
        .get_element_by_id(MOUNT_ID)
        .and_then(|mount| mount.get_attribute(CONFIG_URL_ATTR));
    let mut fetch_error = None;
    let fetched = match url {
        Some(url) => match host::browser::fetch_config(&url, config::MAX_CONFIG_LEN).await {
            Ok(text) => Some(text),
            Err(why) => {
                fetch_error = Some(ConfigError {
                    path: CONFIG_URL_ATTR.into(),
                    message: format!(
                        "{url} {why}; {} used",
                        if inline.is_some() {
                            "the inline configuration and the defaults are"
                        } else {
                            "the defaults are"
                        }
                    ),
                });
                None
            }
        },
        None => None,
    };
    let mut layers: Vec<(&str, &str)> = Vec::new();
    if let Some(text) = &fetched {
        layers.push((CONFIG_URL_ATTR, text));
    }
    if let Some(text) = &inline {
        layers.push((INLINE_DOCUMENT, text));
    }
    let (mut config, mut errors) = parse_config_layers(&layers, catalog);
    if fetch_error.is_some() {
        // The page gave a configuration, even if it never arrived: no demo clinic.
        config.clinic = Clinic::neutral();
    }
    errors.splice(0..0, fetch_error);
    // The site owner must notice when the clinic's own details could not be read.
    let unreadable = config.clinic.is_neutral();
    for error in &errors {
        if unreadable {
            gloo::console::error!(format!("skin-consult configuration: {error}"));
        } else {
            gloo::console::warn!(format!("skin-consult configuration: {error}"));
        }
    }
    (config, errors)
}

/// The state a patient opening the page starts in: a share link in the fragment, else saved
/// progress, else a fresh consultation in the chosen language.
pub fn initial_state_from_browser(catalog: Rc<Catalog>, config: &Config) -> ConsultState {
    let lang = config.choose_language(&catalog, &host::browser::preferred_languages());
    let fragment = host::browser::fragment();
    // Kiosk mode keeps nothing on the device: no progress is read, and any left over from
    // normal use is removed so it can never reach a patient.
    let stored = if config.kiosk.enabled {
        host::browser::remove_storage(app::persist::STORAGE_KEY);
        None
    } else {
        host::browser::read_storage(app::persist::STORAGE_KEY)
    };
    let state = app::startup::initial_state(catalog, lang, fragment.as_deref(), stored.as_deref());
    if fragment.is_some_and(|f| app::startup::is_share_fragment(&f)) {
        host::browser::clear_fragment();
    }
    state
}

/// The element Yew renders into: a container in the mount element's shadow root when the
/// loader attached one (with the widget's stylesheets in it), else the mount element itself.
fn render_root(mount: &web_sys::Element) -> web_sys::Element {
    let Some(shadow) = mount.shadow_root() else {
        return mount.clone();
    };
    match gloo::utils::document().create_element("div") {
        Ok(container) if shadow.append_child(&container).is_ok() => container,
        _ => mount.clone(),
    }
}

/// Mounts the widget into the element with id [`MOUNT_ID`] (into its shadow root when it has
/// one), or the body when it is absent, once the configuration is read (a configuration URL
/// is fetched first; the widget appears either way).
pub fn start() {
    let document = gloo::utils::document();
    let raw_query = host::browser::query();
    let query = Query::parse(&raw_query);
    // The crash screen's "Start over" link: forget the progress that may have caused it.
    if query.has(host::crash::RESET_PARAM) {
        host::browser::remove_storage(app::persist::STORAGE_KEY);
        host::browser::replace_query(&query.without(host::crash::RESET_PARAM));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let builtin = builtin_catalog();
        let (mut config, config_errors) = config_from_page(&builtin).await;
        // The clinic's reviewed overrides, when any passed; otherwise the built-in catalog.
        let catalog = match &config.catalog {
            Some(clinic) => clinic.0.clone(),
            None => Rc::new(builtin),
        };
        if query.get(app::kiosk::KIOSK_PARAM) == Some("1") {
            config.kiosk.enabled = true;
            host::offline::link_manifest(true);
        }
        let Some(mount) = document
            .get_element_by_id(MOUNT_ID)
            .or_else(|| document.body().map(Into::into))
        else {
            return;
        };
        let mut initial = Rc::new(initial_state_from_browser(catalog, &config));
        // A tap on the painted Start button before the code arrived is not lost.
        if host::prepaint::take(&mount) && initial.step == Step::Welcome {
            initial = initial.reduce(Action::Start);
        }
        let props = AppProps {
            initial: Some(initial),
            config: Rc::new(config),
            config_errors: Rc::new(config_errors),
            debug_panic: query.get(host::crash::DEBUG_PARAM) == Some(host::crash::DEBUG_PANIC),
        };
        host::install(&mount, &props.config);
        let root = render_root(&mount);
        host::crash::install(root.clone());
        host::browser::expand_details_when_printing(root.clone());
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}

#[cfg(test)]
mod tests {
    use super::app::query::Query;

    #[test]
    fn removing_a_query_parameter_keeps_the_host_page_parameters() {
        let cases = [
            ("?sc-reset=1", ""),
            ("?page=2&sc-reset=1", "page=2"),
            ("?sc-reset=1&page=2&lang=tr", "page=2&lang=tr"),
            ("?sc-reset", ""),
            ("", ""),
            ("?sc-resetx=1", "sc-resetx=1"),
        ];
        for (query, expected) in cases {
            assert_eq!(Query::parse(query).without("sc-reset"), expected, "{query}");
        }
    }
}
