//! `cargo xtask bench`: on-demand performance figures, never part of CI.
//!
//! 1. builds the release bundle (`trunk build --release`) into [`RELEASE_DIST`];
//! 2. `bench/browser.mjs` serves it on 127.0.0.1 with gzip and loads it in fresh headless
//!    Chromium contexts under a throttled mobile profile, printing a Markdown table of medians
//!    (it also builds `bench/yew-floor` for the repeat visits' floor);
//! 3. runs the native engine benchmark (`cargo bench -p skin-consult-engine`) when it exists.

use crate::{check_args, cmd, flag_value, tools, RELEASE_DIST};
use std::path::Path;

/// Fresh page loads measured unless `--runs` is given.
const DEFAULT_RUNS: u32 = 7;
/// Fewer loads than this make a median meaningless.
const MIN_RUNS: u32 = 5;

/// Runs the browser and engine benchmarks and prints their figures.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    check_args(args, &[], &["--runs"])?;
    let runs = flag_value(args, "--runs", DEFAULT_RUNS)?;
    if runs < MIN_RUNS {
        return Err(format!(
            "--runs {runs}: use at least {MIN_RUNS} loads for a median"
        ));
    }
    let toolbox = tools::ensure(root, true)?;
    println!("\n==> Release build");
    cmd::run(
        toolbox
            .release_trunk(root)
            .args(["build", "--release", "--dist", RELEASE_DIST]),
    )?;

    println!("\n==> Browser benchmark ({runs} fresh loads, throttled mobile profile)");
    let mut node = toolbox.command(root, "node");
    node.args([
        "bench/browser.mjs",
        "--dist",
        RELEASE_DIST,
        "--runs",
        &runs.to_string(),
    ]);
    if let Some(browser) = &toolbox.browser {
        node.arg("--chromium").arg(&browser.chromium);
    }
    let browser = cmd::run_streaming(&mut node)?;
    if !browser.success {
        return Err("the browser benchmark failed (see above)".into());
    }

    let engine = engine_bench(root, &toolbox)?;
    println!("\n==> Results\n");
    for line in &browser.stdout {
        if line.starts_with('|') || line.starts_with("Profile") || line.starts_with("Date") {
            println!("{line}");
        }
    }
    match engine {
        Some(lines) => {
            println!("\nNative engine (`cargo bench -p skin-consult-engine`):\n\n```");
            // Keep the benchmark's own figures, not libtest's lines about ignored unit tests.
            let figures = lines.iter().filter(|l| {
                let l = l.trim();
                !(l.is_empty() || l.starts_with("running ") || l.starts_with("test "))
            });
            for line in figures {
                println!("{line}");
            }
            println!("```");
        }
        None => println!("\nNative engine: no benchmark in engine/benches yet."),
    }
    Ok(())
}

/// Runs the engine benchmark when `engine/benches` holds one; its stdout lines.
fn engine_bench(root: &Path, toolbox: &tools::Toolbox) -> Result<Option<Vec<String>>, String> {
    let has_bench = std::fs::read_dir(root.join("engine").join("benches"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .any(|e| e.path().extension().is_some_and(|x| x == "rs"))
        })
        .unwrap_or(false);
    if !has_bench {
        return Ok(None);
    }
    println!("\n==> Native engine benchmark");
    let run = cmd::run_streaming(toolbox.command(root, "cargo").args([
        "bench",
        "-p",
        "skin-consult-engine",
    ]))?;
    if !run.success {
        return Err("`cargo bench -p skin-consult-engine` failed (see above)".into());
    }
    Ok(Some(run.stdout))
}
