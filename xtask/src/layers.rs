//! `cargo xtask test`: every test layer, in order, with one summary line at the end.
//!
//! 1. native tests: `cargo test --workspace`;
//! 2. browser tests: `wasm-bindgen-test` suites of the widget crate in headless Chromium, then
//!    in headless Firefox ESR (geckodriver); the summary notes each engine's counts;
//! 3. end-to-end tests: Playwright against the release build served on 127.0.0.1;
//! 4. cross-engine tests: the same release build driven over W3C WebDriver in Firefox ESR
//!    (geckodriver) and WebKitGTK (WebKitWebDriver + MiniBrowser under `xvfb-run`), the
//!    patient scenarios of `tests/webdriver/`; the summary notes each engine's counts;
//! 5. lints: rustfmt, clippy (native) and clippy (wasm32), warnings denied;
//! 6. the first-visit size budget of the release build.
//!
//! Every layer runs even when an earlier one failed, so one run shows everything. The last
//! line is `N passed, N failed` (tests plus lint/budget checks); the exit status is non-zero
//! when anything failed or a test layer ran zero tests.

use crate::tools::{self, Toolbox, WASM_TARGET};
use crate::{check_args, cmd, size, RELEASE_DIST};
use serde::Deserialize;
use std::fs;
use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

/// The artifacts folder of end-to-end runs started by xtask (`E2E_ARTIFACTS`, see
/// `playwright.config.ts`), apart from runs started by hand.
const E2E_ARTIFACTS: &str = "tests/e2e/artifacts/xtask";
/// Where Playwright writes its JSON report in [`E2E_ARTIFACTS`].
const E2E_REPORT: &str = "tests/e2e/artifacts/xtask/report.json";

/// Passed and failed counts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Tests or checks that passed.
    pub passed: u64,
    /// Tests or checks that failed.
    pub failed: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// The outcome of one layer.
struct Layer {
    name: &'static str,
    counts: Counts,
    /// What the counts count: "tests" or "checks".
    unit: &'static str,
    notes: Vec<String>,
    took: Duration,
}

impl Layer {
    fn new(name: &'static str, unit: &'static str) -> Layer {
        Layer {
            name,
            counts: Counts::default(),
            unit,
            notes: Vec::new(),
            took: Duration::ZERO,
        }
    }

    /// Records a failure that is not a failing test (build error, crash, zero tests).
    fn fail(&mut self, note: impl Into<String>) {
        self.counts.failed += 1;
        self.notes.push(note.into());
    }
}

/// Runs every layer and prints the summary; `Err` when anything failed.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    check_args(args, &[], &[])?;
    let started = Instant::now();
    let toolbox = match tools::ensure(root, true) {
        Ok(toolbox) => toolbox,
        Err(e) => {
            eprintln!("\nxtask: setup failed, no test ran: {e}");
            println!("0 passed, 1 failed");
            return Err("setup failed".into());
        }
    };
    let mut layers = Vec::new();
    layers.push(timed(|| native(root, &toolbox)));
    layers.push(timed(|| browser(root, &toolbox)));
    let build = timed(|| release_build(root, &toolbox));
    let built = build.counts.failed == 0;
    let mut e2e = timed(|| end_to_end(root, &toolbox, built));
    e2e.took += build.took;
    e2e.notes.extend(build.notes);
    layers.push(e2e);
    layers.push(timed(|| cross_engine(root, &toolbox, built)));
    layers.push(timed(|| lints(root, &toolbox)));
    layers.push(timed(|| size_budget(root, built)));

    let mut total = Counts::default();
    println!("\n==> Summary");
    for (i, layer) in layers.iter().enumerate() {
        total.add(layer.counts);
        println!(
            "  {}. {:<34} {:>4} passed  {:>3} failed  {:<6} {:>6.1}s",
            i + 1,
            layer.name,
            layer.counts.passed,
            layer.counts.failed,
            layer.unit,
            layer.took.as_secs_f64()
        );
        for note in &layer.notes {
            println!("       - {note}");
        }
    }
    println!("  took {:.0}s", started.elapsed().as_secs_f64());
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} failed", total.failed))
    }
}

fn timed(layer: impl FnOnce() -> Layer) -> Layer {
    let started = Instant::now();
    let mut layer = layer();
    layer.took = started.elapsed();
    layer
}

/// Turns a finished test command into counts: failing runs without a failing test and runs
/// with zero tests count as one failure each.
fn tests_layer(layer: &mut Layer, what: &str, streamed: Result<cmd::Streamed, String>) {
    let streamed = match streamed {
        Ok(s) => s,
        Err(e) => return layer.fail(e),
    };
    layer.counts = parse_libtest(&streamed.stdout);
    if !streamed.success && layer.counts.failed == 0 {
        layer.fail(format!(
            "{what} exited non-zero without a failing test (build error?)"
        ));
    }
    if layer.counts.passed + layer.counts.failed == 0 {
        layer.fail(format!("{what} ran zero tests"));
    }
}

fn native(root: &Path, toolbox: &Toolbox) -> Layer {
    section("1/6 native tests: cargo test --workspace");
    let mut layer = Layer::new("native tests", "tests");
    let run = cmd::run_streaming(toolbox.command(root, "cargo").args([
        "test",
        "--workspace",
        "--no-fail-fast",
    ]));
    tests_layer(&mut layer, "cargo test --workspace", run);
    layer
}

fn browser(root: &Path, toolbox: &Toolbox) -> Layer {
    let mut layer = Layer::new("browser tests (Chromium, Firefox)", "tests");
    for engine in ["Chromium", "Firefox"] {
        section(&format!(
            "2/6 browser tests: wasm-bindgen-test in headless {engine}"
        ));
        let mut part = Layer::new("browser tests", "tests");
        let driver = match engine {
            "Chromium" => toolbox
                .browser
                .as_ref()
                .map(|b| ("CHROMEDRIVER", b.chromedriver.clone())),
            _ => toolbox.geckodriver.clone().map(|g| ("GECKODRIVER", g)),
        };
        match driver {
            Some((var, path)) => browser_in(root, toolbox, &mut part, var, &path),
            None => part.fail(format!("no WebDriver for {engine}")),
        }
        layer.notes.push(format!(
            "{}: {} passed, {} failed",
            engine.to_lowercase(),
            part.counts.passed,
            part.counts.failed
        ));
        layer.notes.extend(part.notes);
        layer.counts.add(part.counts);
    }
    layer
}

/// The wasm-bindgen-test suites with the WebDriver named by `var` (`CHROMEDRIVER` or
/// `GECKODRIVER`, which picks the browser).
fn browser_in(root: &Path, toolbox: &Toolbox, layer: &mut Layer, var: &str, driver: &Path) {
    let mut test = toolbox.command(root, "cargo");
    test.args([
        "test",
        "--target",
        WASM_TARGET,
        "-p",
        "skin-consult",
        "--tests",
        "--no-fail-fast",
    ])
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env_remove("CHROMEDRIVER")
    .env_remove("GECKODRIVER")
    .env(var, driver);
    tests_layer(
        layer,
        "cargo test --target wasm32",
        cmd::run_streaming(&mut test),
    );
}

fn release_build(root: &Path, toolbox: &Toolbox) -> Layer {
    section("3/6 end-to-end tests: release build (trunk build --release)");
    let mut layer = Layer::new("release build", "checks");
    let mut build = toolbox.release_trunk(root);
    build.args(["build", "--release", "--dist", RELEASE_DIST]);
    if let Err(e) = cmd::run(&mut build) {
        layer.fail(e);
    }
    layer
}

fn end_to_end(root: &Path, toolbox: &Toolbox, built: bool) -> Layer {
    let mut layer = Layer::new("end-to-end tests (Playwright)", "tests");
    if !built {
        layer.fail("skipped: the release build failed");
        return layer;
    }
    section("3/6 end-to-end tests: Playwright + Chromium against the release build on 127.0.0.1");
    let port = match free_port() {
        Ok(port) => port,
        Err(e) => {
            layer.fail(e);
            return layer;
        }
    };
    let report = root.join(E2E_REPORT);
    let _ = fs::remove_file(&report);
    let mut playwright = toolbox.command(root, "playwright");
    playwright
        .arg("test")
        .env("E2E_PORT", port.to_string())
        .env("E2E_DIST", RELEASE_DIST)
        .env("E2E_ARTIFACTS", E2E_ARTIFACTS);
    if let Some(browser) = &toolbox.browser {
        playwright.env("CHROMIUM_PATH", &browser.chromium);
    }
    let status = cmd::run(&mut playwright);
    match fs::read_to_string(&report) {
        Ok(json) => match parse_playwright_stats(&json) {
            Some(counts) => layer.counts = counts,
            None => layer.fail(format!("cannot read the stats in {E2E_REPORT}")),
        },
        Err(_) => layer.fail(format!("Playwright wrote no report ({E2E_REPORT})")),
    }
    if let Err(e) = status {
        if layer.counts.failed == 0 {
            layer.fail(e);
        }
    }
    if layer.counts.passed + layer.counts.failed == 0 {
        layer.fail("Playwright ran zero tests");
    }
    layer
}

/// The engines of the cross-engine layer, in the order they run.
const CROSS_ENGINES: [&str; 2] = ["firefox", "webkit"];

fn cross_engine(root: &Path, toolbox: &Toolbox, built: bool) -> Layer {
    let mut layer = Layer::new("cross-engine (Firefox, WebKitGTK)", "tests");
    if !built {
        layer.fail("skipped: the release build failed");
        return layer;
    }
    section(
        "4/6 cross-engine tests: the release build on 127.0.0.1 over WebDriver in Firefox ESR \
         and WebKitGTK",
    );
    let mut run = toolbox.command(root, "node");
    run.args(["tests/webdriver/run.mjs", "--dist", RELEASE_DIST]);
    if let Some(geckodriver) = &toolbox.geckodriver {
        run.env("GECKODRIVER", geckodriver);
    }
    if let Some(firefox) = &toolbox.firefox {
        run.env("FIREFOX", firefox);
    }
    if let Some(webkit) = &toolbox.webkit {
        run.env("WEBKIT_WEBDRIVER", &webkit.driver)
            .env("MINIBROWSER", &webkit.minibrowser)
            .env("XVFB_RUN", &webkit.xvfb_run);
    }
    let streamed = match cmd::run_streaming(&mut run) {
        Ok(streamed) => streamed,
        Err(e) => {
            layer.fail(e);
            return layer;
        }
    };
    let engines = parse_cross_engine(&streamed.stdout);
    for engine in CROSS_ENGINES {
        match engines.iter().find(|(name, _)| name == engine) {
            Some((_, counts)) => {
                layer.notes.push(format!(
                    "{engine}: {} passed, {} failed",
                    counts.passed, counts.failed
                ));
                layer.counts.add(*counts);
                if counts.passed + counts.failed == 0 {
                    layer.fail(format!("{engine} ran zero scenarios"));
                }
            }
            None => layer.fail(format!("{engine}: no result (the runner stopped early?)")),
        }
    }
    if !streamed.success && layer.counts.failed == 0 {
        layer.fail("tests/webdriver/run.mjs exited non-zero without a failing scenario");
    }
    layer
}

fn lints(root: &Path, toolbox: &Toolbox) -> Layer {
    section("5/6 lints: rustfmt, clippy (native), clippy (wasm32)");
    let mut layer = Layer::new("lints (fmt, clippy, clippy wasm32)", "checks");
    let checks: [&[&str]; 3] = [
        &["fmt", "--all", "--", "--check"],
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[
            "clippy",
            "-p",
            "skin-consult",
            "--target",
            WASM_TARGET,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ];
    for args in checks {
        match cmd::run(toolbox.command(root, "cargo").args(args)) {
            Ok(()) => layer.counts.passed += 1,
            Err(e) => layer.fail(e),
        }
    }
    layer
}

fn size_budget(root: &Path, built: bool) -> Layer {
    section(
        "6/6 size budgets: gzip -9 of what the first screen loads, and of a whole consultation",
    );
    let mut layer = Layer::new("size budget", "checks");
    if !built {
        layer.fail("skipped: the release build failed");
        return layer;
    }
    let measured = size::measure(
        &root.join(RELEASE_DIST),
        size::FIRST_SCREEN_CEILING_BYTES,
        size::CEILING_BYTES,
    );
    match measured {
        Ok(report) => {
            print!("{}", report.table());
            let note = format!(
                "first screen {} of {}, whole consultation {} of {}",
                size::kb(report.total_gzip()),
                size::kb(report.budget),
                size::kb(report.consultation_gzip()),
                size::kb(report.total_budget)
            );
            if report.within_budgets() {
                layer.counts.passed += 1;
                layer.notes.push(note);
            } else {
                layer.fail(format!("over budget: {note}"));
            }
        }
        Err(e) => layer.fail(e),
    }
    layer
}

fn section(title: &str) {
    println!("\n==> {title}");
}

/// A port on 127.0.0.1 that was free a moment ago (for the end-to-end server).
fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))
}

/// Sums the `test result: ok. X passed; Y failed; ...` lines of libtest and
/// wasm-bindgen-test output.
pub fn parse_libtest(lines: &[String]) -> Counts {
    let mut counts = Counts::default();
    for line in lines {
        let Some(at) = line.find("test result:") else {
            continue;
        };
        let words: Vec<&str> = line[at..].split_whitespace().collect();
        for pair in words.windows(2) {
            let n: u64 = pair[0].parse().unwrap_or(0);
            match pair[1].trim_end_matches([';', ',', '.']) {
                "passed" => counts.passed += n,
                "failed" => counts.failed += n,
                _ => {}
            }
        }
    }
    counts
}

/// Reads the per-engine result lines of `tests/webdriver/run.mjs`
/// (`cross-engine firefox: 7 passed, 0 failed`), in order.
pub fn parse_cross_engine(lines: &[String]) -> Vec<(String, Counts)> {
    lines
        .iter()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("cross-engine ")?;
            let (engine, counts) = rest.split_once(": ")?;
            let mut words = counts.split([' ', ',']).filter(|w| !w.is_empty());
            let passed = words.next()?.parse().ok()?;
            (words.next()? == "passed").then_some(())?;
            let failed = words.next()?.parse().ok()?;
            (words.next()? == "failed").then_some(())?;
            let engine = engine.trim();
            (!engine.is_empty() && !engine.contains(' '))
                .then(|| (engine.to_string(), Counts { passed, failed }))
        })
        .collect()
}

/// Playwright's JSON report: only its top-level `stats` are read.
#[derive(Deserialize)]
struct PlaywrightReport {
    stats: Option<PlaywrightStats>,
}

/// The outcome counts of a Playwright run (`skipped` tests count neither way).
#[derive(Deserialize)]
struct PlaywrightStats {
    expected: u64,
    unexpected: u64,
    #[serde(default)]
    flaky: u64,
}

/// Reads the `stats` of a Playwright JSON report: passed = expected + flaky,
/// failed = unexpected. `None` when the report is not JSON or has no stats.
pub fn parse_playwright_stats(json: &str) -> Option<Counts> {
    let report: PlaywrightReport = serde_json::from_str(json).ok()?;
    let stats = report.stats?;
    Some(Counts {
        passed: stats.expected + stats.flaky,
        failed: stats.unexpected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn libtest_results_are_summed() {
        let out = lines(
            "running 3 tests\n\
             test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
             test a ... FAILED\n\
             test result: FAILED. 10 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out\n\
             test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n",
        );
        assert_eq!(
            parse_libtest(&out),
            Counts {
                passed: 13,
                failed: 2
            }
        );
        assert_eq!(parse_libtest(&lines("no tests to run!")), Counts::default());
    }

    #[test]
    fn a_failing_run_without_failing_tests_counts_as_a_failure() {
        let mut layer = Layer::new("x", "tests");
        let streamed = cmd::Streamed {
            success: false,
            stdout: lines("test result: ok. 4 passed; 0 failed;"),
        };
        tests_layer(&mut layer, "cargo test", Ok(streamed));
        assert_eq!(
            layer.counts,
            Counts {
                passed: 4,
                failed: 1
            }
        );
    }

    #[test]
    fn the_report_lives_in_the_artifacts_folder() {
        assert!(E2E_REPORT.starts_with(E2E_ARTIFACTS));
    }

    #[test]
    fn zero_tests_is_a_failure() {
        let mut layer = Layer::new("x", "tests");
        let streamed = cmd::Streamed {
            success: true,
            stdout: lines("no tests to run!"),
        };
        tests_layer(&mut layer, "cargo test", Ok(streamed));
        assert_eq!(
            layer.counts,
            Counts {
                passed: 0,
                failed: 1
            }
        );
        assert!(layer.notes[0].contains("zero tests"));
    }

    #[test]
    fn cross_engine_results_are_read_per_engine() {
        let out = lines(
            "==> cross-engine: Firefox ESR (geckodriver)\n\
             \x20 ok    a reload resumes (1.5 s)\n\
             \x20 FAIL  cross-engine webkit: did not start\n\
             cross-engine firefox: 7 passed, 0 failed\n\
             cross-engine webkit: 5 passed, 2 failed\n\
             cross-engine broken: many passed, 0 failed\n",
        );
        assert_eq!(
            parse_cross_engine(&out),
            [
                (
                    "firefox".to_string(),
                    Counts {
                        passed: 7,
                        failed: 0
                    }
                ),
                (
                    "webkit".to_string(),
                    Counts {
                        passed: 5,
                        failed: 2
                    }
                ),
            ]
        );
        assert!(parse_cross_engine(&lines("cross-engine: Firefox ESR")).is_empty());
    }

    #[test]
    fn playwright_stats_are_read() {
        // A spec titled "stats" and a nested "stats" object must not be taken for the report's.
        let json = r#"{"config": {"stats": {"expected": 99, "unexpected": 99}},
            "suites": [{"specs": [{"title": "stats"}]}],
            "errors": [],
            "stats": {"startTime": "2026-11-23T10:00:00.000Z", "duration": 812.5,
                      "expected": 5, "skipped": 1, "unexpected": 2, "flaky": 1}}"#;
        assert_eq!(
            parse_playwright_stats(json),
            Some(Counts {
                passed: 6,
                failed: 2
            })
        );
        let no_flaky = r#"{"stats": {"expected": 3, "skipped": 4, "unexpected": 0}}"#;
        assert_eq!(
            parse_playwright_stats(no_flaky),
            Some(Counts {
                passed: 3,
                failed: 0
            })
        );
        assert_eq!(parse_playwright_stats("{}"), None);
        assert_eq!(
            parse_playwright_stats(r#"{"stats": {"expected": 1}}"#),
            None
        );
        assert_eq!(
            parse_playwright_stats(r#"{"stats": {"expected": 1, "#),
            None
        );
        assert_eq!(parse_playwright_stats(""), None);
    }
}
