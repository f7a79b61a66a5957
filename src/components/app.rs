//! The root component: owns the state, provides it, keeps storage and focus in step with it.

use std::rc::Rc;

use skin_consult_engine::builtin_catalog;
use yew::prelude::*;

use super::kiosk::{IdleOverlay, StaffExit};
use super::update_banner::UpdateStatus;
use super::{
    config_errors::ConfigErrors, language_switch::LanguageSwitch, lazy, notice::NoticeBar,
    welcome::Welcome,
};
use crate::app::state::{ConsultState, Step};
use crate::config::{Config, ConfigError};
use crate::hooks::app::{use_focus_on_step, use_persistence, use_theme};
use crate::hooks::kiosk_controls::{use_kiosk, KioskControls};
use crate::hooks::Consult;
use crate::host::browser;
use crate::i18n::{tf, DEFAULT_LANG};

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The state to start in; a fresh consultation with the built-in catalog when absent.
    #[prop_or_default]
    pub initial: Option<Rc<ConsultState>>,
    /// The clinic configuration.
    #[prop_or_default]
    pub config: Rc<Config>,
    /// Problems found in the configuration (shown on the page only in debug mode).
    #[prop_or_default]
    pub config_errors: Rc<Vec<ConfigError>>,
    /// Panic on first render (`?sc-debug=panic`), to exercise the crash screen.
    #[prop_or_default]
    pub debug_panic: bool,
}

/// The whole widget.
#[component(App)]
pub fn app(props: &AppProps) -> Html {
    if props.debug_panic {
        panic!(
            "panic requested with ?{}={}",
            crate::host::crash::DEBUG_PARAM,
            crate::host::crash::DEBUG_PANIC
        );
    }
    let initial = props.initial.clone();
    let kiosk_configured = props.config.kiosk.enabled;
    let consult: Consult = use_reducer(move || {
        let state = match initial {
            Some(state) => (*state).clone(),
            None => ConsultState::new(Rc::new(builtin_catalog()), DEFAULT_LANG.into()),
        };
        state.in_kiosk(kiosk_configured)
    });
    let config = props.config.clone();
    let KioskControls {
        kiosk,
        default_lang,
        staff_open,
        long_press,
        leave,
        close_staff,
    } = use_kiosk(config.clone(), &consult);
    let root = use_node_ref();
    use_persistence(&consult, kiosk);
    // A kiosk takes a new version by itself, so only once the widget is fresh for the next
    // patient (a language just picked on the welcome screen counts as a patient being there);
    // elsewhere a patient chooses when, on the welcome screen.
    let between_patients = if kiosk {
        consult.is_fresh(&default_lang)
    } else {
        !consult.holds_patient_data()
    };
    let update = UpdateStatus {
        ready: crate::hooks::offline::use_service_worker(between_patients, kiosk),
    };
    use_focus_on_step(&consult.step, &root);
    use_theme(&config, &root);
    crate::hooks::embed::use_embed(&consult, &root);
    // The parts after the welcome screen load once it is painted, so no tap waits on them.
    use_effect_with((), |_| {
        crate::host::offline::after_next_paint(lazy::prefetch)
    });
    {
        // On a clinic's page the document (and its `lang`) belongs to the clinic.
        let lang = consult.lang.clone();
        use_effect_with(lang, |lang| {
            if crate::host::embed::owns_document() {
                browser::set_document_lang(lang);
            }
        });
    }

    let lang = consult.lang.as_str();
    let announcement = match consult.progress() {
        Some((n, total)) => tf(
            lang,
            "progress",
            &[("n", &n.to_string()), ("total", &total.to_string())],
        ),
        None => String::new(),
    };
    let lang_value = AttrValue::from(consult.lang.clone());
    let screen = match &consult.step {
        Step::Welcome => html! { <Welcome /> },
        Step::Question(_) | Step::Review => lazy::questionnaire(&lang_value),
        Step::Results => lazy::results(&lang_value),
    };
    html! {
        <ContextProvider<Rc<Config>> context={config.clone()}>
        <ContextProvider<Consult> context={consult.clone()}>
        <ContextProvider<UpdateStatus> context={update}>
            <div class={classes!("sc-app", kiosk.then_some("sc-kiosk"))} lang={consult.lang.clone()} ref={root}>
                <header class="sc-header">
                    <p class="sc-brand" onpointerdown={long_press.start.clone()} onpointerup={long_press.cancel.clone()}
                        onpointerleave={long_press.cancel.clone()} onpointercancel={long_press.cancel.clone()}
                        oncontextmenu={Callback::from(move |e: MouseEvent| if kiosk { e.prevent_default() })}>
                        if let Some(logo) = &config.clinic.logo {
                            <img class="sc-logo" src={logo.clone()} alt="" />
                        }
                        { config.clinic.display_name(lang) }
                    </p>
                    <LanguageSwitch />
                </header>
                <p class="sc-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
                if config.debug && !props.config_errors.is_empty() {
                    <ConfigErrors errors={props.config_errors.clone()} />
                }
                <NoticeBar />
                { screen }
                if kiosk && consult.idle_warning {
                    <IdleOverlay default_lang={(*default_lang).clone()} />
                }
                if kiosk && staff_open {
                    <StaffExit exit_code={config.kiosk.exit_code.clone().map(AttrValue::from)}
                        on_exit={leave} on_cancel={close_staff} />
                }
            </div>
        </ContextProvider<UpdateStatus>>
        </ContextProvider<Consult>>
        </ContextProvider<Rc<Config>>>
    }
}
