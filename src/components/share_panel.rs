//! "Keep or share your results": a link holding the answers in its fragment, and a copy button.

use yew::prelude::*;

use crate::app::kiosk::without_kiosk_param;
use crate::app::qr::qr_svg;
use crate::app::share;
use crate::hooks::host::use_page_url;
use crate::hooks::{use_consult, use_outcome};
use crate::host::browser;
use crate::i18n::t;

/// The share link panel of the results screen.
#[component(SharePanel)]
pub fn share_panel() -> Html {
    let consult = use_consult();
    let kiosk = consult.kiosk.active;
    let lang = consult.lang.clone();
    let copied = use_state(|| None::<bool>);
    // The link opens the normal widget on the patient's phone, never kiosk mode.
    let page_url = use_page_url();
    let outcome = use_outcome();
    let link = format!(
        "{}#{}",
        without_kiosk_param(&page_url),
        share::encode(&consult.catalog, &outcome.answers)
    );
    let copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_| {
            let (link, copied) = (link.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(browser::copy_to_clipboard(link).await));
            });
        })
    };
    let status = match *copied {
        Some(true) => t(&lang, "link_copied"),
        Some(false) => t(&lang, "copy_failed"),
        None => String::new(),
    };
    let lang = lang.as_str();
    // Encoding the QR code is the costly part of this panel: redo it only when the link changes.
    let qr = use_memo(link.clone(), |link| qr_svg(link));
    html! {
        <section class="sc-share sc-no-print" aria-labelledby="sc-share-title">
            <h2 id="sc-share-title">{ t(lang, "share_title") }</h2>
            // On a kiosk tablet the link is not shown or copied (the clipboard outlives the
            // patient): the QR code is the way to take the results away.
            if kiosk {
                <p>{ t(lang, "kiosk_share_lead") }</p>
            } else {
                <p>{ t(lang, "share_lead") }</p>
                <label class="sc-share-link">
                    <span>{ t(lang, "share_link_label") }</span>
                    <input type="url" readonly=true value={link} data-share-link="" />
                </label>
                <div class="sc-actions">
                    <button type="button" class="sc-button sc-secondary" onclick={copy}>{ t(lang, "copy_link") }</button>
                    <span role="status" class="sc-copy-status">{ status }</span>
                </div>
            }
            if let Some(qr) = &*qr {
                // On a tablet the code is the hand-off, so it shows; elsewhere it waits a tap.
                <details class="sc-qr-details" data-qr-details="" open={kiosk}>
                    <summary>{ t(lang, "qr_title") }</summary>
                    <figure class="sc-qr">
                        <svg xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {0} {0}", qr.side)} role="img"
                            aria-labelledby="sc-qr-caption" data-qr="" shape-rendering="crispEdges">
                            <rect width="100%" height="100%" fill="#ffffff" />
                            <path d={qr.path.clone()} fill="#000000" />
                        </svg>
                        <figcaption id="sc-qr-caption">{ t(lang, "qr_lead") }</figcaption>
                    </figure>
                </details>
            }
        </section>
    }
}
