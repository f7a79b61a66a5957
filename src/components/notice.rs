//! A one-off notice (resumed progress, a broken link, cleared answers) with a dismiss button.

use yew::prelude::*;

use crate::app::state::{Action, Notice};
use crate::hooks::use_consult;
use crate::i18n::t;

/// Shows the current notice, if any, as a polite status message.
#[component(NoticeBar)]
pub fn notice_bar() -> Html {
    let consult = use_consult();
    let Some(notice) = consult.notice else {
        return Html::default();
    };
    let lang = consult.lang.as_str();
    let (key, kind) = match notice {
        Notice::ShareLinkBroken => ("notice_share_broken", "share-link-broken"),
        Notice::SavedProgressUnreadable => ("notice_saved_unreadable", "saved-progress-unreadable"),
        Notice::Resumed => ("notice_resumed", "resumed"),
        Notice::AnswersCleared => ("notice_cleared", "answers-cleared"),
    };
    let dismiss = {
        let consult = consult.clone();
        Callback::from(move |_| consult.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="sc-notice" role="status" data-notice={kind}>
            <p>{ t(lang, key) }</p>
            <button type="button" class="sc-button sc-quiet" onclick={dismiss}>{ t(lang, "dismiss") }</button>
        </div>
    }
}
