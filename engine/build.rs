//! Embeds a whitespace-free copy of `catalog/catalog.json` (the file itself stays readable for
//! clinicians; the bundle does not carry its indentation).

use std::{env, fs, path::Path};

fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=catalog/catalog.json");
    println!("cargo:rerun-if-changed=build.rs");
    let source = fs::read_to_string("catalog/catalog.json").expect("read catalog/catalog.json");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("catalog.min.json");
    fs::write(out, minify(&source)).expect("write minified catalog");
}
