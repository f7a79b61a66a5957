//! Values read from the host once per mount, so render code never calls a browser service.

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
