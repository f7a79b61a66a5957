//! The first state: from a share link in the URL fragment, else from saved progress, else fresh.

use crate::app::persist;
use crate::app::share;
use crate::app::state::{ConsultState, Notice, SharedCatalog, Step};

/// Whether a URL fragment is meant for this widget (a host page may use its own anchors).
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with("sc")
}

/// Builds the initial state. A share link wins over saved progress; anything unreadable gives
/// the welcome screen with a notice saying so (a broken link keeps valid saved answers).
pub fn initial_state(
    catalog: impl Into<SharedCatalog>,
    lang: String,
    fragment: Option<&str>,
    stored: Option<&str>,
) -> ConsultState {
    let catalog = catalog.into();
    let fresh = ConsultState::new(catalog.clone(), lang);
    if let Some(fragment) = fragment.filter(|f| is_share_fragment(f)) {
        return match share::decode(&catalog, fragment) {
            Ok(answers) => ConsultState {
                answers,
                step: Step::Results,
                ..fresh
            },
            // Nothing is lost: answers saved on this device stay, ready behind Start.
            Err(_) => ConsultState {
                answers: stored
                    .and_then(|stored| persist::restore(&catalog, stored).ok())
                    .map(|saved| saved.answers)
                    .unwrap_or_default(),
                notice: Some(Notice::ShareLinkBroken),
                ..fresh
            },
        };
    }
    match stored.map(|stored| persist::restore(&catalog, stored)) {
        None => fresh,
        Some(Ok(saved)) if saved.answers.is_empty() && saved.step == Step::Welcome => fresh,
        // Started but nothing answered: back at that question, with nothing to welcome back to.
        Some(Ok(saved)) if saved.answers.is_empty() && matches!(saved.step, Step::Question(_)) => {
            ConsultState {
                step: saved.step,
                ..fresh
            }
        }
        Some(Ok(saved)) => ConsultState {
            answers: saved.answers,
            step: saved.step,
            notice: Some(Notice::Resumed),
            ..fresh
        },
        Some(Err(_)) => ConsultState {
            notice: Some(Notice::SavedProgressUnreadable),
            ..fresh
        },
    }
}
