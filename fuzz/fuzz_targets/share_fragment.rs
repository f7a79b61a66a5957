//! The share-link fragment (`#sc1;…;k=…`), as `startup::initial_state` receives it.
//!
//! Properties, for the input as given and re-signed with a correct checksum:
//! * `share::decode` never panics; what it accepts re-encodes canonically:
//!   `decode(encode(decode(x))) == decode(x)` and `encode` is a fixed point;
//! * the re-encoded link fits `MAX_ENCODED_LEN` (a link we make can always be opened);
//! * `initial_state` opens an accepted link on the results with exactly those answers, and
//!   anything else on the welcome screen with `Notice::ShareLinkBroken` and no answers.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use skin_consult::app::share;
use skin_consult::app::startup::{initial_state, is_share_fragment};
use skin_consult::app::state::{Notice, Step};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&text);
    check(&common::signed(common::body(&text)));
});

fn check(fragment: &str) {
    let catalog = common::catalog();
    let decoded = share::decode(catalog, fragment);
    if let Ok(answers) = &decoded {
        let encoded = share::encode(catalog, answers);
        assert!(encoded.len() <= share::MAX_ENCODED_LEN, "{encoded:?}");
        assert_eq!(share::decode(catalog, &encoded).as_ref(), Ok(answers));
        assert_eq!(
            share::decode(catalog, &format!("#{encoded}")).as_ref(),
            Ok(answers)
        );
        let again = share::decode(catalog, &encoded).expect("re-decodes");
        assert_eq!(
            share::encode(catalog, &again),
            encoded,
            "encode is canonical"
        );
    }

    let state = initial_state(common::shared_catalog(), "en".into(), Some(fragment), None);
    if !is_share_fragment(fragment) {
        // Not ours (a host page's own anchor): a fresh start, silently.
        assert_eq!((state.step, state.notice), (Step::Welcome, None));
        assert!(state.answers.is_empty());
        return;
    }
    match decoded {
        Ok(answers) => {
            assert_eq!((state.step, state.notice), (Step::Results, None));
            assert_eq!(state.answers, answers);
        }
        Err(_) => {
            assert_eq!(
                (state.step, state.notice),
                (Step::Welcome, Some(Notice::ShareLinkBroken))
            );
            assert!(state.answers.is_empty());
        }
    }
}
