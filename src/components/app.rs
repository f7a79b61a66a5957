//! The root component: owns the state, provides it, keeps storage and focus in step with it.

use std::rc::Rc;

use skin_consult_engine::builtin_catalog;
use yew::prelude::*;

use super::{
    config_errors::ConfigErrors, language_switch::LanguageSwitch, notice::NoticeBar,
    question::QuestionScreen, results::Results, review::Review, welcome::Welcome, Consult,
};
use crate::browser;
use crate::config::{Config, ConfigError};
use crate::i18n::{tf, DEFAULT_LANG};
use crate::persist;
use crate::state::{ConsultState, Step};

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
        panic!("panic requested with ?{}", crate::crash::DEBUG_PANIC);
    }
    let initial = props.initial.clone();
    let consult: Consult = use_reducer(move || match initial {
        Some(state) => (*state).clone(),
        None => ConsultState::new(Rc::new(builtin_catalog()), DEFAULT_LANG.into()),
    });
    let config = props.config.clone();
    let root = use_node_ref();
    use_persistence(&consult);
    use_focus_on_step(&consult.step, &root);
    use_theme(&config, &root);
    {
        let lang = consult.lang.clone();
        use_effect_with(lang, |lang| browser::set_document_lang(lang));
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
    let screen = match &consult.step {
        Step::Welcome => html! { <Welcome /> },
        Step::Question(id) => {
            html! { <QuestionScreen key={id.clone()} question_id={id.clone()} /> }
        }
        Step::Review => html! { <Review /> },
        Step::Results => html! { <Results /> },
    };
    html! {
        <ContextProvider<Rc<Config>> context={config.clone()}>
        <ContextProvider<Consult> context={consult.clone()}>
            <div class="sc-app" lang={consult.lang.clone()} ref={root}>
                <header class="sc-header">
                    <p class="sc-brand">
                        if let Some(logo) = &config.clinic.logo {
                            <img class="sc-logo" src={logo.clone()} alt="" />
                        }
                        { &config.clinic.name }
                    </p>
                    <LanguageSwitch />
                </header>
                <p class="sc-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
                if config.debug && !props.config_errors.is_empty() {
                    <ConfigErrors errors={props.config_errors.clone()} />
                }
                <NoticeBar />
                { screen }
            </div>
        </ContextProvider<Consult>>
        </ContextProvider<Rc<Config>>>
    }
}

/// Applies the clinic's colours and font as CSS custom properties on the widget's root (through
/// the CSSOM, which a strict Content-Security-Policy allows).
#[hook]
fn use_theme(config: &Rc<Config>, root: &NodeRef) {
    let root = root.clone();
    use_effect_with(config.clone(), move |config| {
        if let Some(root) = root.cast::<web_sys::HtmlElement>() {
            for (property, value) in &config.theme {
                let _ = root.style().set_property(property, value);
            }
        }
    });
}

/// Saves progress whenever answers or step change; a cleared consultation removes the record.
#[hook]
fn use_persistence(consult: &Consult) {
    let catalog = consult.catalog.clone();
    use_effect_with(
        (consult.answers.clone(), consult.step.clone()),
        move |(answers, step)| {
            if answers.is_empty() && *step == Step::Welcome {
                browser::remove_storage(persist::STORAGE_KEY);
            } else {
                browser::write_storage(
                    persist::STORAGE_KEY,
                    &persist::save(&catalog, answers, step),
                );
            }
        },
    );
}

/// Moves focus to the new screen's heading after every step change (not on first render, so
/// an embedded widget never steals focus from the host page on load).
#[hook]
fn use_focus_on_step(step: &Step, root: &NodeRef) {
    let first_render = use_mut_ref(|| true);
    let root = root.clone();
    use_effect_with(step.clone(), move |_| {
        if std::mem::replace(&mut *first_render.borrow_mut(), false) {
            return;
        }
        if let Some(root) = root.cast::<web_sys::Element>() {
            browser::focus_within(&root, "[data-focus-target]");
        }
    });
}
