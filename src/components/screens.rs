//! The screens after the welcome screen, as the two parts the release build loads separately
//! (see [`super::lazy`]): the questionnaire (each question and the review) and the results
//! (with the plan, booking and sharing). Each is a component without properties that reads the
//! step from the state, so a lazily loaded part is just "render this".

use yew::prelude::*;

use super::{question::QuestionScreen, results::Results, review::Review};
use crate::app::state::Step;
use crate::hooks::embed::use_completed_event;
use crate::hooks::outcome::{use_derived_outcome, SharedOutcome};
use crate::hooks::{use_config, use_consult};

/// The current question, or the review of all answers.
#[component(Questionnaire)]
pub fn questionnaire() -> Html {
    let consult = use_consult();
    match &consult.step {
        // Not keyed by question: the next question patches the form in place (a few texts and
        // inputs) instead of tearing the screen down and building it again.
        Step::Question(id) => html! { <QuestionScreen question_id={id.clone()} /> },
        _ => html! { <Review /> },
    }
}

/// The results: the one outcome of the answers is derived here, once per change, provided to
/// every part of the results and reported to the clinic's page as `consult:completed`.
#[component(ResultsScreen)]
pub fn results_screen() -> Html {
    let consult = use_consult();
    let config = use_config();
    let outcome = use_derived_outcome(&consult, &config);
    use_completed_event(&config, &outcome);
    html! {
        <ContextProvider<SharedOutcome> context={outcome}>
            <Results />
        </ContextProvider<SharedOutcome>>
    }
}
