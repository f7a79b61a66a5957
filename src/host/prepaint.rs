//! The welcome screen painted into the page before the code arrived (`build/prepaint.mjs`):
//! the app takes it down when it renders, and honours a tap on its Start button.

/// The mount element's attribute that says Start was tapped before the app was ready.
pub const START_TAPPED_ATTR: &str = "data-sc-start-tapped";

/// Removes the painted screens from `mount`; whether the patient already tapped Start.
pub fn take(mount: &web_sys::Element) -> bool {
    let tapped = mount.has_attribute(START_TAPPED_ATTR);
    let _ = mount.remove_attribute(START_TAPPED_ATTR);
    if let Ok(painted) = mount.query_selector_all("[data-sc-prepaint]") {
        for i in 0..painted.length() {
            if let Some(node) = painted.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    tapped
}
