//! Saved progress, as read from `localStorage` (`skin-consult.progress`).
//!
//! Properties, for the input as given and (when it is a JSON object with an `answers` text)
//! with its answers re-signed with a correct checksum:
//! * `persist::restore` never panics; what it restores re-saves to a record that restores to
//!   the same progress, re-saves byte for byte the same, and fits `MAX_STORED_LEN`;
//! * `initial_state` resumes restored progress (with `Notice::Resumed`, or silently when there
//!   is nothing to resume) and starts anything else fresh on the welcome screen with
//!   `Notice::SavedProgressUnreadable`.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use skin_consult::app::persist;
use skin_consult::app::startup::initial_state;
use skin_consult::app::state::{Notice, Step};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&text);
    if text.len() <= persist::MAX_STORED_LEN {
        if let Ok(Value::Object(mut record)) = serde_json::from_str::<Value>(&text) {
            if let Some(Value::String(answers)) = record.get("answers") {
                let resigned = common::signed(common::body(answers));
                record.insert("answers".into(), Value::String(resigned));
                check(&Value::Object(record).to_string());
            }
        }
    }
});

fn check(stored: &str) {
    let catalog = common::catalog();
    let restored = persist::restore(catalog, stored);
    if let Ok(saved) = &restored {
        let again = persist::save(catalog, &saved.answers, &saved.step);
        assert!(again.len() <= persist::MAX_STORED_LEN, "{again:?}");
        assert_eq!(persist::restore(catalog, &again).as_ref(), Ok(saved));
        let resaved = persist::restore(catalog, &again).expect("restores");
        assert_eq!(
            persist::save(catalog, &resaved.answers, &resaved.step),
            again
        );
    }

    let state = initial_state(common::shared_catalog(), "en".into(), None, Some(stored));
    match restored {
        Ok(saved) if saved.answers.is_empty() && saved.step == Step::Welcome => {
            assert_eq!((state.step, state.notice), (Step::Welcome, None));
            assert!(state.answers.is_empty());
        }
        Ok(saved) => {
            assert_eq!(state.notice, Some(Notice::Resumed));
            assert_eq!((state.step, state.answers), (saved.step, saved.answers));
        }
        Err(_) => {
            assert_eq!(
                (state.step, state.notice),
                (Step::Welcome, Some(Notice::SavedProgressUnreadable))
            );
            assert!(state.answers.is_empty());
        }
    }
}
