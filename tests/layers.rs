//! The layers of `src/` hold: the pure layers (app, config, i18n) touch no browser API and
//! import nothing above them, the host imports no component or hook, every hook lives in
//! `src/hooks`, and components read no browser state while rendering (hooks do, once).

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Lines of the files under `dirs` that contain any of `forbidden`, as "file: line".
fn offending(dirs: &[&str], forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for dir in dirs {
        for file in sources(&root.join(dir)) {
            let text = fs::read_to_string(&file).unwrap();
            for line in text.lines() {
                let code = line.split("//").next().unwrap_or("");
                if forbidden.iter().any(|f| code.contains(f)) {
                    out.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    out
}

#[test]
fn the_pure_layers_touch_no_browser_api_and_import_nothing_above_them() {
    let found = offending(
        &["app", "config", "i18n.rs"],
        &[
            "web_sys",
            "js_sys",
            "gloo",
            "wasm_bindgen",
            "crate::host",
            "crate::hooks",
            "crate::components",
            "use yew::prelude",
            "#[hook]",
        ],
    );
    // The one exception: i18n upper-cases a heading's first letter with the browser's own
    // locale-aware mapping (Rust's case tables would add about 9 KB to the bundle).
    let found: Vec<_> = found
        .into_iter()
        .filter(|l| !l.contains("js_sys::JsString::from(letter"))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_host_imports_no_component_or_hook() {
    let found = offending(
        &["host"],
        &["crate::components", "crate::hooks", "#[hook]", "yew::hook"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_hook_lives_in_the_hooks_folder() {
    let found = offending(
        &["components", "app", "config", "host", "lib.rs"],
        &["#[hook]"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn components_call_the_host_only_from_handlers_and_effects() {
    // Reads and formatting belong in hooks (once per change, e.g. `use_today`,
    // `use_month_headings`); components call only these host services, each from an event
    // handler (print, download, copy, the clock at the click) or an effect (the page's language).
    const FROM_HANDLERS_AND_EFFECTS: [&str; 6] = [
        "print",
        "now_ms",
        "download",
        "copy_to_clipboard",
        "now_utc",
        "set_document_lang",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    let mut found = Vec::new();
    for file in sources(&root) {
        let text = fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            for (at, _) in code.match_indices("browser::") {
                let name: String = code[at + "browser::".len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !FROM_HANDLERS_AND_EFFECTS.contains(&name.as_str()) {
                    found.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
            if code.contains("host::browser::{") || code.contains("js_sys::") {
                found.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
