//! The configurator's sample patient (`configure/sample-patient.json`), which its preview
//! shows as the welcome screen's alternatives: the share link's fragment decodes, with the
//! widget's own decoder and the built-in catalog, to a patient with several suggested
//! treatments, and the saved-progress record opens at the catalog's first question with no
//! answers. A change to the catalog's questions or to either format fails here, not in a
//! clinic's preview.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use std::rc::Rc;

use skin_consult::app::persist;
use skin_consult::app::share;
use skin_consult::app::startup::initial_state;
use skin_consult::app::state::Step;
use skin_consult_engine::{assess, builtin_catalog, Assessment, Status};

fn sample() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("configure/sample-patient.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_sample_share_fragment_opens_results_with_suggestions() {
    let catalog = Rc::new(builtin_catalog());
    let fragment = sample()["results"].as_str().unwrap().to_string();
    assert!(fragment.starts_with("#sc1;"), "{fragment}");
    let answers = share::decode(&catalog, &fragment).expect("the widget decodes the sample");
    // Every question the sample's answers show is answered: the results are complete.
    assert!(answers.len() >= 20, "{} answers", answers.len());

    let Assessment::Recommendations(results) = assess(&catalog, &answers) else {
        panic!("the sample patient is referred instead of getting results");
    };
    let suggested: Vec<&str> = results
        .iter()
        .filter(|r| r.status == Status::Suggested)
        .map(|r| r.procedure_id.as_str())
        .collect();
    // Enough suggestions that a clinic offering a few treatments still sees cards.
    assert!(suggested.len() >= 4, "suggested: {suggested:?}");

    // Opened as the widget opens a page with this fragment: its results, no notice.
    let state = initial_state(catalog.clone(), "en".into(), Some(&fragment), None);
    assert_eq!(state.step, Step::Results);
    assert_eq!(state.notice, None);
    assert_eq!(state.answers, answers);
}

#[test]
fn the_sample_progress_record_opens_the_first_question() {
    let catalog = Rc::new(builtin_catalog());
    let record = sample()["question"].to_string();
    let saved = persist::restore(&catalog, &record).expect("the widget reads the record");
    assert!(saved.answers.is_empty());
    assert_eq!(saved.step, Step::Question(catalog.questions[0].id.clone()));
    let state = initial_state(catalog.clone(), "en".into(), None, Some(&record));
    assert_eq!(state.step, Step::Question(catalog.questions[0].id.clone()));
}
