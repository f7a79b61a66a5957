//! Encodes answer sets as share-link fragments with the widget's own codec, for tests that set
//! a patient up through a link (the end-to-end and cross-engine suites).
//!
//! `cargo run -p skin-consult-engine --bin share-link < answers.json`
//!
//! Reads a JSON array of answer sets (keyed by question id as in `catalog/personas.json`: a
//! number for the age, an option id, a list of option ids, or true/false) and prints a JSON
//! array of the fragments, without the `#`, in the same order. Exits with status 1, naming the
//! set, when one does not fit the built-in catalog.

use std::io::Read;
use std::process::ExitCode;

use skin_consult_engine::questionnaire::check_answer;
use skin_consult_engine::{builtin_catalog, share, Answers};

fn main() -> ExitCode {
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("share-link: cannot read the answer sets: {error}");
        return ExitCode::FAILURE;
    }
    let sets: Vec<Answers> = match serde_json::from_str(&input) {
        Ok(sets) => sets,
        Err(error) => {
            eprintln!("share-link: expected a JSON array of answer sets: {error}");
            return ExitCode::FAILURE;
        }
    };
    let catalog = builtin_catalog();
    let mut fragments = Vec::with_capacity(sets.len());
    for (index, answers) in sets.iter().enumerate() {
        for (id, answer) in answers.0.iter() {
            let fits = catalog
                .question(id)
                .is_some_and(|question| check_answer(question, answer).is_ok());
            if !fits {
                eprintln!("share-link: answer set {index}: `{id}` is not a question of the catalog, or its answer does not fit it");
                return ExitCode::FAILURE;
            }
        }
        fragments.push(share::encode(&catalog, answers));
    }
    match serde_json::to_string(&fragments) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("share-link: {error}");
            ExitCode::FAILURE
        }
    }
}
