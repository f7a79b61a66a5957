//! Values read from the host once per mount, so render code never calls a browser service.

use std::rc::Rc;

use skin_consult_engine::Date;
use yew::prelude::*;

use crate::host::browser;

/// Today's date on the device clock, read once when the component mounts.
#[hook]
pub fn use_today() -> Date {
    *use_memo((), |_| browser::today())
}

/// The page's address, read once when the component mounts (a share link is built from it).
#[hook]
pub fn use_page_url() -> String {
    (*use_memo((), |_| browser::page_url())).clone()
}

/// Headings such as "December 2026" for `months` (year, month 1–12) in `lang`, in the same
/// order, first letter upper-cased: formatted by the browser's locale data once per change of
/// months or language, not on every render.
#[hook]
pub fn use_month_headings(months: Vec<(i32, u32)>, lang: String) -> Rc<Vec<String>> {
    use_memo((months, lang), |(months, lang)| {
        months
            .iter()
            .map(|&(year, month)| {
                crate::i18n::capitalize_first(&browser::month_and_year(year, month, lang), lang)
            })
            .collect()
    })
}
