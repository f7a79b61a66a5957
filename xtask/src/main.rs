//! `cargo xtask`: the developer task runner of skin-consult.
//!
//! Two commands set everything up on a fresh machine and skip what is already installed:
//!
//! * `cargo xtask serve [--release] [--port N]` — installs the build tools, then runs
//!   `trunk serve` on <http://127.0.0.1:8080>. Refuses to run when `CI` is set.
//! * `cargo xtask test` — installs the build and browser tools, then runs every test layer
//!   (native tests, browser tests, end-to-end tests, lints, size budget) and ends with a
//!   single `N passed, N failed` line.
//!
//! `cargo xtask bench` measures the release build in a throttled mobile browser profile
//! and runs the native engine benchmark; it is run on demand, never in CI.
//!
//! Tool versions are read from `Trunk.toml`, the single place they are pinned.

mod bench;
mod cmd;
mod layers;
mod serve;
mod size;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where `test` and `bench` put the release build (`trunk build --release --dist ...`):
/// separate from `dist/`, which `trunk serve` rewrites while a developer works.
pub const RELEASE_DIST: &str = "target/release-dist";

/// The usage text printed by `cargo xtask help` and on unknown arguments.
const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--release] [--port N]  install what is missing, then `trunk serve` on 127.0.0.1
  test                          install what is missing, then run every test layer
  bench [--runs N]              release build in a throttled mobile browser + engine benchmark
  help                          this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&root, &args[1..]),
        Some("test") => layers::run(&root, &args[1..]),
        Some("bench") => bench::run(&root, &args[1..]),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Whether we run under continuous integration (`CI` set to anything but empty, `0` or `false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE"))
}

/// Parses `--name value` from `args`, returning the default when absent.
pub fn flag_value<T: std::str::FromStr>(
    args: &[String],
    name: &str,
    default: T,
) -> Result<T, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => {
            let raw = args.get(i + 1).ok_or(format!("`{name}` needs a value"))?;
            raw.parse()
                .map_err(|_| format!("`{name} {raw}`: not a valid value"))
        }
    }
}

/// Rejects arguments that are not in `known` (flags) or values following a flag in `with_value`.
pub fn check_args(args: &[String], known: &[&str], with_value: &[&str]) -> Result<(), String> {
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        if with_value.contains(&arg) {
            i += 2;
        } else if known.contains(&arg) {
            i += 1;
        } else {
            return Err(format!("unexpected argument `{arg}`\n\n{USAGE}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flag_values_parse_and_default() {
        let args = strings(&["--release", "--port", "9000"]);
        assert_eq!(flag_value(&args, "--port", 8080u16), Ok(9000));
        assert_eq!(flag_value(&args, "--runs", 7u32), Ok(7));
        assert!(flag_value(&strings(&["--port"]), "--port", 1u16).is_err());
        assert!(flag_value(&strings(&["--port", "x"]), "--port", 1u16).is_err());
    }

    #[test]
    fn unknown_arguments_are_rejected() {
        assert!(check_args(
            &strings(&["--release", "--port", "1"]),
            &["--release"],
            &["--port"]
        )
        .is_ok());
        assert!(check_args(&strings(&["--relase"]), &["--release"], &["--port"]).is_err());
    }

    #[test]
    fn repo_root_holds_the_workspace() {
        assert!(repo_root().join("Trunk.toml").is_file());
    }
}
