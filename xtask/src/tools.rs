//! Tool pins and installation.
//!
//! `Trunk.toml` is the single place tool versions live (`trunk-version`, `[tools] wasm_bindgen`,
//! `[tools] wasm_opt`). [`ensure`] installs whatever is missing or at the wrong version and
//! skips the rest, so a second run only spends a few quick `--version` queries:
//!
//! * the `wasm32-unknown-unknown` rustup target;
//! * `trunk` (`cargo install --locked trunk --version <pin>`);
//! * `wasm-bindgen` and `wasm-bindgen-test-runner` (`cargo install wasm-bindgen-cli --version <pin>`);
//! * `wasm-split-cli`, the release build's code splitter (`cargo install
//!   wasm_split_cli_support --version <pin> --features build-binary --locked`, pinned under
//!   `[xtask]`);
//! * `wasm-opt` from the npm package `binaryen`, plus Playwright and axe-core (`npm ci`);
//! * the dated nightly toolchain of the release build (`[tools] release_nightly`, with
//!   `rust-src`) and the crates its standard library is built from (see [`Toolbox::release_trunk`]);
//! * Chromium and its WebDriver from Debian (`apt-get install chromium chromium-driver`), when
//!   browsers are needed;
//! * Firefox ESR from Debian (`apt-get install firefox-esr`) and `geckodriver`
//!   (`cargo install --locked geckodriver --version <pin>`, pinned under `[xtask]`), when
//!   browsers are needed;
//! * WebKitGTK's WebDriver and a virtual X display from Debian
//!   (`apt-get install webkit2gtk-driver xvfb`: `WebKitWebDriver`, the `MiniBrowser` of
//!   `libwebkit2gtk-4.1-0` and `xvfb-run`), when browsers are needed.
//!
//! What cannot be installed (no Node.js, not root for apt) stops the run with a message that
//! names what is missing and how to get it.

use crate::cmd;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The rustup target the widget is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The Debian packages providing the browser and its WebDriver.
pub const BROWSER_PACKAGES: &str = "chromium chromium-driver";
/// The Debian package providing Firefox ESR.
pub const FIREFOX_PACKAGES: &str = "firefox-esr";
/// The Debian packages providing WebKitGTK's WebDriver (with MiniBrowser, from its
/// dependency `libwebkit2gtk-4.1-0`) and `xvfb-run`, the virtual display MiniBrowser needs.
pub const WEBKIT_PACKAGES: &str = "webkit2gtk-driver xvfb";
/// Where Debian's `libwebkit2gtk-4.1-0` puts MiniBrowser, below `/usr/lib/<multiarch triple>/`.
const MINIBROWSER_IN_LIB: &str = "webkit2gtk-4.1/MiniBrowser";
/// The oldest Node.js major version the end-to-end tooling supports.
const MIN_NODE_MAJOR: u32 = 18;
/// Where `npm ci` is recorded: a copy of the `package-lock.json` it installed.
const NPM_STAMP: &str = "node_modules/.xtask-installed-lock.json";

/// Tool versions pinned in `Trunk.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pins {
    /// `trunk-version`, e.g. `0.21.14`.
    pub trunk: String,
    /// `[tools] wasm_bindgen`, e.g. `0.2.130`; must equal `wasm-bindgen` in `Cargo.lock`.
    pub wasm_bindgen: String,
    /// `[tools] wasm_opt`, e.g. `version_132`.
    pub wasm_opt: String,
    /// `[tools] release_nightly`, e.g. `nightly-2026-05-19`: the toolchain of the release wasm
    /// only (native tests and lints use `rust-toolchain.toml`'s stable pin).
    pub release_nightly: String,
    /// `[xtask] geckodriver`, e.g. `0.37.1`: Firefox's WebDriver for the browser tests.
    pub geckodriver: String,
    /// `[xtask] wasm_split_cli`, e.g. `0.2.4`: the release build's code splitter.
    pub wasm_split_cli: String,
}

impl Pins {
    /// Reads the pins from `<root>/Trunk.toml`.
    pub fn load(root: &Path) -> Result<Pins, String> {
        let path = root.join("Trunk.toml");
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Pins::parse(&text)
    }

    /// Parses the pins out of `Trunk.toml` text.
    pub fn parse(trunk_toml: &str) -> Result<Pins, String> {
        let table: toml::Table = trunk_toml
            .parse()
            .map_err(|e| format!("Trunk.toml is not valid TOML: {e}"))?;
        let get = |section: Option<&str>, key: &str| {
            toml_string(&table, section, key).ok_or_else(|| {
                let place = section.map_or("the top level".to_string(), |s| format!("[{s}]"));
                format!("Trunk.toml: `{key} = \"...\"` missing at {place}")
            })
        };
        Ok(Pins {
            trunk: get(None, "trunk-version")?,
            wasm_bindgen: get(Some("tools"), "wasm_bindgen")?,
            wasm_opt: get(Some("tools"), "wasm_opt")?,
            geckodriver: get(Some("xtask"), "geckodriver")?,
            wasm_split_cli: get(Some("xtask"), "wasm_split_cli")?,
            release_nightly: get(Some("tools"), "release_nightly")?,
        })
    }

    /// The binaryen release number of the `wasm_opt` pin (`version_132` → `132`).
    pub fn binaryen_release(&self) -> Result<u32, String> {
        self.wasm_opt
            .strip_prefix("version_")
            .and_then(|n| n.parse().ok())
            .ok_or(format!(
                "Trunk.toml: wasm_opt = \"{}\" is not of the form version_<N>",
                self.wasm_opt
            ))
    }
}

/// The string value of `key = "value"` in `section` (`None`: the top level) of a parsed TOML
/// file; `None` when it is missing or not a string.
pub fn toml_string(table: &toml::Table, section: Option<&str>, key: &str) -> Option<String> {
    let table = match section {
        None => table,
        Some(section) => table.get(section)?.as_table()?,
    };
    table.get(key)?.as_str().map(str::to_string)
}

/// `Cargo.lock`: only the name and version of each package are read.
#[derive(Deserialize)]
struct CargoLock {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
}

/// Every version of package `name` recorded in `Cargo.lock` text.
pub fn locked_versions(cargo_lock: &str, name: &str) -> Result<Vec<String>, String> {
    let lock: CargoLock =
        toml::from_str(cargo_lock).map_err(|e| format!("Cargo.lock is not readable: {e}"))?;
    Ok(lock
        .package
        .into_iter()
        .filter(|p| p.name == name)
        .map(|p| p.version)
        .collect())
}

/// `package.json`: the dependency tables npm installs from.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PackageJson {
    #[serde(default)]
    dependencies: BTreeMap<String, String>,
    #[serde(default)]
    dev_dependencies: BTreeMap<String, String>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, String>,
}

/// The version npm installs for `package` according to `package.json` text
/// (`"binaryen": "132.0.0"` → `132.0.0`), from `dependencies`, `devDependencies` or
/// `optionalDependencies`; `Ok(None)` when it is in none of them.
pub fn npm_pin(package_json: &str, package: &str) -> Result<Option<String>, String> {
    let json: PackageJson = serde_json::from_str(package_json)
        .map_err(|e| format!("package.json is not readable: {e}"))?;
    Ok([
        json.dependencies,
        json.dev_dependencies,
        json.optional_dependencies,
    ]
    .into_iter()
    .find_map(|mut deps| deps.remove(package)))
}

/// The version word of a `<tool> --version` line (`trunk 0.21.14` → `0.21.14`).
pub fn version_word(output: &str) -> Option<&str> {
    output.split_whitespace().nth(1)
}

/// Where installed tools are found, for running them.
pub struct Toolbox {
    /// `PATH` with `<repo>/node_modules/.bin` and cargo's bin directory in front.
    pub path: OsString,
    /// Chromium and its WebDriver, when browsers were requested.
    pub browser: Option<Browser>,
    /// geckodriver (driving Debian's Firefox ESR), when browsers were requested.
    pub geckodriver: Option<PathBuf>,
    /// Debian's Firefox ESR executable, when browsers were requested.
    pub firefox: Option<PathBuf>,
    /// WebKitGTK's WebDriver, MiniBrowser and `xvfb-run`, when browsers were requested.
    pub webkit: Option<WebKit>,
    /// The dated nightly toolchain of the release build (`[tools] release_nightly`).
    pub release_nightly: String,
}

/// A Chromium installation.
pub struct Browser {
    /// The browser executable.
    pub chromium: PathBuf,
    /// The matching WebDriver executable.
    pub chromedriver: PathBuf,
}

/// A WebKitGTK installation for WebDriver.
pub struct WebKit {
    /// `WebKitWebDriver`.
    pub driver: PathBuf,
    /// The browser it drives (`MiniBrowser --automation`).
    pub minibrowser: PathBuf,
    /// `xvfb-run`: MiniBrowser has no headless mode and needs an X display.
    pub xvfb_run: PathBuf,
}

impl Toolbox {
    /// A command for `program` that sees the toolbox `PATH`, run from `root`.
    pub fn command(&self, root: &Path, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path).current_dir(root);
        cmd
    }

    /// `trunk` for the release build: the pinned nightly rebuilds the standard library for the
    /// widget (`-Zbuild-std`) and aborts on a panic at once (`-Cpanic=immediate-abort`), which
    /// leaves the panic machinery and its messages out of the bundle (about 8% of its gzip
    /// size). A panic then ends in a trap, which the crash screen catches (`src/host/crash.js`).
    ///
    /// It also turns on the code splitting: the `split` feature (the split points) and the
    /// linker's relocations, which `build/split.mjs` needs to cut the module into chunks.
    pub fn release_trunk(&self, root: &Path) -> Command {
        let mut trunk = self.command(root, "trunk");
        trunk
            .env("RUSTUP_TOOLCHAIN", &self.release_nightly)
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            .env(
                "RUSTFLAGS",
                "-Zunstable-options -Cpanic=immediate-abort -Clink-args=--emit-relocs",
            )
            .env("TRUNK_BUILD_FEATURES", "split");
        trunk
    }
}

/// Installs what is missing (see the module docs) and returns where the tools are.
/// `browsers` adds Chromium + WebDriver (tests, benchmark); serving does not need them.
pub fn ensure(root: &Path, browsers: bool) -> Result<Toolbox, String> {
    let pins = Pins::load(root)?;
    println!(
        "==> Tools (pinned in Trunk.toml): trunk {}, wasm-bindgen {}, wasm-opt {}",
        pins.trunk, pins.wasm_bindgen, pins.wasm_opt
    );
    check_lock_matches(root, &pins)?;
    let path = tool_path(root)?;
    let toolbox = Toolbox {
        path,
        browser: None,
        geckodriver: None,
        firefox: None,
        webkit: None,
        release_nightly: pins.release_nightly.clone(),
    };

    ensure_wasm_target(root, &toolbox)?;
    ensure_release_nightly(root, &toolbox)?;
    ensure_cargo_tool(root, &toolbox, "trunk", &pins.trunk, &["trunk"], true)?;
    ensure_cargo_tool(
        root,
        &toolbox,
        "wasm-bindgen-cli",
        &pins.wasm_bindgen,
        &["wasm-bindgen", "wasm-bindgen-test-runner"],
        // The registry lacks a pinned transitive version of wasm-bindgen-cli's lockfile.
        false,
    )?;
    ensure_wasm_split(root, &toolbox, &pins.wasm_split_cli)?;
    ensure_node(root, &toolbox)?;
    ensure_npm_packages(root, &toolbox, &pins)?;
    let (browser, geckodriver, webkit) = if browsers {
        let browser = ensure_browser(&toolbox)?;
        let geckodriver = ensure_firefox(root, &toolbox, &pins)?;
        (
            Some(browser),
            Some(geckodriver),
            Some(ensure_webkit(&toolbox)?),
        )
    } else {
        (None, None, None)
    };
    let firefox = browsers.then(|| which(&toolbox, "firefox-esr")).flatten();
    // Trunk builds offline (`offline = true` in Trunk.toml), which makes cargo offline too:
    // download every crate first.
    cmd::run(toolbox.command(root, "cargo").args(["fetch", "--quiet"]))
        .map_err(|e| format!("{e}\n  (crates must be downloadable once before offline builds)"))?;
    println!("==> Tools ready");
    Ok(Toolbox {
        browser,
        geckodriver,
        firefox,
        webkit,
        ..toolbox
    })
}

/// Fails early when the `wasm_bindgen` pin and `Cargo.lock` disagree: Trunk would otherwise
/// try to download a matching `wasm-bindgen`, and there is no network for that.
fn check_lock_matches(root: &Path, pins: &Pins) -> Result<(), String> {
    let lock = fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let locked = locked_versions(&lock, "wasm-bindgen")?;
    if locked != [pins.wasm_bindgen.clone()] {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen = \"{}\" but Cargo.lock has wasm-bindgen {:?}; \
             set the pin to the locked version (see `cargo pkgid wasm-bindgen`)",
            pins.wasm_bindgen, locked
        ));
    }
    Ok(())
}

/// `PATH` with the repository's npm binaries and cargo's install directory in front.
fn tool_path(root: &Path) -> Result<OsString, String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let mut dirs = vec![
        root.join("node_modules").join(".bin"),
        cargo_home.join("bin"),
    ];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))
}

/// Finds `program` on the toolbox `PATH`.
fn which(toolbox: &Toolbox, program: &str) -> Option<PathBuf> {
    std::env::split_paths(&toolbox.path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn ensure_wasm_target(root: &Path, toolbox: &Toolbox) -> Result<(), String> {
    let installed = cmd::query(toolbox.command(root, "rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is required (it installs the toolchain pinned in rust-toolchain.toml): https://rustup.rs")?;
    if installed.lines().any(|t| t.trim() == WASM_TARGET) {
        println!("    rust target {WASM_TARGET}: installed");
        return Ok(());
    }
    cmd::run(
        toolbox
            .command(root, "rustup")
            .args(["target", "add", WASM_TARGET]),
    )
}

/// Installs the release build's nightly toolchain with `rust-src` unless it is there, and
/// downloads the crates its standard library is built from (the release build is offline).
fn ensure_release_nightly(root: &Path, toolbox: &Toolbox) -> Result<(), String> {
    let nightly = &toolbox.release_nightly;
    let installed = cmd::query(toolbox.command(root, "rustup").args([
        "component",
        "list",
        "--installed",
        "--toolchain",
        nightly,
    ]))
    .unwrap_or_default();
    if installed.lines().any(|c| c.trim().starts_with("rust-src")) {
        println!("    rust toolchain {nightly} with rust-src: installed");
    } else {
        cmd::run(toolbox.command(root, "rustup").args([
            "toolchain",
            "install",
            nightly,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
        ]))?;
    }
    let sysroot = cmd::query(toolbox.command(root, "rustc").args([
        &format!("+{nightly}"),
        "--print",
        "sysroot",
    ]))
    .ok_or_else(|| format!("rustc +{nightly} does not run"))?;
    let library = Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
    cmd::run(toolbox.command(root, "cargo").args([
        &format!("+{nightly}"),
        "fetch",
        "--quiet",
        "--manifest-path",
        &library.to_string_lossy(),
    ]))
    .map_err(|e| format!("{e}\n  (the standard library's crates are needed for the release build)"))
}

/// Installs crate `krate` at `version` with `cargo install` unless every binary in `bins`
/// already reports that version.
fn ensure_cargo_tool(
    root: &Path,
    toolbox: &Toolbox,
    krate: &str,
    version: &str,
    bins: &[&str],
    locked: bool,
) -> Result<(), String> {
    let found = |bin: &str| cmd::query(toolbox.command(root, bin).arg("--version"));
    let matches = |bin: &str| found(bin).as_deref().and_then(version_word) == Some(version);
    if bins.iter().all(|bin| matches(bin)) {
        println!("    {}: {version}", bins.join(", "));
        return Ok(());
    }
    let current = found(bins[0]).unwrap_or_else(|| "not installed".into());
    println!("    {krate}: need {version}, found {current}: installing (takes minutes, once)");
    let mut install = toolbox.command(root, "cargo");
    install.args(["install", krate, "--version", version]);
    if locked {
        install.arg("--locked");
    }
    cmd::run(&mut install)?;
    match bins.iter().find(|bin| !matches(bin)) {
        None => Ok(()),
        Some(bin) => Err(format!(
            "installed {krate} {version}, but `{bin} --version` does not report it; \
             is cargo's bin directory shadowed by another `{bin}` on PATH?"
        )),
    }
}

/// Installs `wasm-split-cli` (crate `wasm_split_cli_support`, which has no `--version`: the
/// version is read from `cargo install --list`).
fn ensure_wasm_split(root: &Path, toolbox: &Toolbox, version: &str) -> Result<(), String> {
    const KRATE: &str = "wasm_split_cli_support";
    let listed =
        cmd::query(toolbox.command(root, "cargo").args(["install", "--list"])).unwrap_or_default();
    let wanted = format!("{KRATE} v{version}:");
    if listed.lines().any(|line| line.trim() == wanted) {
        println!("    wasm-split-cli: {version}");
        return Ok(());
    }
    println!("    {KRATE}: need {version}: installing (takes a minute, once)");
    cmd::run(toolbox.command(root, "cargo").args([
        "install",
        KRATE,
        "--version",
        version,
        "--features",
        "build-binary",
        "--locked",
    ]))
}

fn ensure_node(root: &Path, toolbox: &Toolbox) -> Result<(), String> {
    const HOW: &str = "install Node.js 18 or newer with npm \
                       (Debian: `apt-get install nodejs npm`, or https://nodejs.org)";
    let node = cmd::query(toolbox.command(root, "node").arg("--version"))
        .ok_or(format!("Node.js is missing: {HOW}"))?;
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .ok_or(format!("cannot read the Node.js version from `{node}`"))?;
    if major < MIN_NODE_MAJOR {
        return Err(format!("Node.js {node} is too old: {HOW}"));
    }
    let npm = cmd::query(toolbox.command(root, "npm").arg("--version"))
        .ok_or(format!("npm is missing: {HOW}"))?;
    println!("    node {node}, npm {npm}");
    Ok(())
}

/// Runs `npm ci` unless `node_modules` was installed from the current `package-lock.json`,
/// then checks that the npm `wasm-opt` is the pinned one.
fn ensure_npm_packages(root: &Path, toolbox: &Toolbox, pins: &Pins) -> Result<(), String> {
    let package_json = fs::read_to_string(root.join("package.json"))
        .map_err(|e| format!("cannot read package.json: {e}"))?;
    let wanted = format!("{}.0.0", pins.binaryen_release()?);
    let binaryen = npm_pin(&package_json, "binaryen")?;
    if binaryen.as_deref() != Some(wanted.as_str()) {
        return Err(format!(
            "Trunk.toml pins wasm_opt = \"{}\" but package.json has binaryen {:?}; \
             set \"binaryen\": \"{wanted}\" in package.json and run `npm install`",
            pins.wasm_opt, binaryen
        ));
    }
    let lock = fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = root.join(NPM_STAMP);
    if fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        println!("    npm packages: up to date with package-lock.json");
    } else {
        println!("    npm packages: missing or older than package-lock.json: installing");
        cmd::run(
            toolbox
                .command(root, "npm")
                .args(["ci", "--no-audit", "--no-fund"]),
        )?;
        fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    }
    let wasm_opt = cmd::query(toolbox.command(root, "wasm-opt").arg("--version"));
    match wasm_opt {
        Some(v) if v.contains(&format!("({})", pins.wasm_opt)) => {
            println!("    wasm-opt: {}", pins.wasm_opt);
            Ok(())
        }
        other => Err(format!(
            "wasm-opt should be {} (npm package binaryen@{} in package.json) but is {}; \
             align package.json with Trunk.toml and rerun",
            pins.wasm_opt,
            pins.binaryen_release()?,
            other.unwrap_or_else(|| "missing".into())
        )),
    }
}

fn ensure_browser(toolbox: &Toolbox) -> Result<Browser, String> {
    let find = || Some((which(toolbox, "chromium")?, which(toolbox, "chromedriver")?));
    if let Some((chromium, chromedriver)) = find() {
        println!("    chromium, chromedriver: installed");
        return Ok(Browser {
            chromium,
            chromedriver,
        });
    }
    let uid = cmd::query(Command::new("id").arg("-u"));
    if uid.as_deref() != Some("0") {
        return Err(format!(
            "Chromium and its WebDriver are missing and installing them needs root: \
             run `sudo apt-get update && sudo apt-get install -y {BROWSER_PACKAGES}`, then rerun"
        ));
    }
    println!("    chromium, chromedriver: missing: installing with apt-get");
    cmd::run(Command::new("apt-get").arg("update"))?;
    cmd::run(
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y"])
            .args(BROWSER_PACKAGES.split(' ')),
    )?;
    let (chromium, chromedriver) = find().ok_or(format!(
        "`apt-get install {BROWSER_PACKAGES}` finished but `chromium` or `chromedriver` is still not on PATH"
    ))?;
    Ok(Browser {
        chromium,
        chromedriver,
    })
}

/// Debian's Firefox ESR (apt, as root) and geckodriver at its pin (`cargo install`); returns
/// geckodriver's path.
fn ensure_firefox(root: &Path, toolbox: &Toolbox, pins: &Pins) -> Result<PathBuf, String> {
    if which(toolbox, "firefox-esr").is_some() {
        println!("    firefox-esr: installed");
    } else {
        apt_install("Firefox ESR", "firefox-esr", FIREFOX_PACKAGES)?;
    }
    ensure_cargo_tool(
        root,
        toolbox,
        "geckodriver",
        &pins.geckodriver,
        &["geckodriver"],
        true,
    )?;
    which(toolbox, "geckodriver")
        .ok_or("geckodriver was installed but is not on PATH (cargo's bin directory)".into())
}

/// Debian's WebKitGTK WebDriver, MiniBrowser and `xvfb-run` (apt, as root).
fn ensure_webkit(toolbox: &Toolbox) -> Result<WebKit, String> {
    let find = || {
        Some(WebKit {
            driver: which(toolbox, "WebKitWebDriver")?,
            minibrowser: find_minibrowser(toolbox)?,
            xvfb_run: which(toolbox, "xvfb-run")?,
        })
    };
    if let Some(webkit) = find() {
        println!("    WebKitWebDriver, MiniBrowser, xvfb-run: installed");
        return Ok(webkit);
    }
    apt_install(
        "WebKitGTK's WebDriver or xvfb-run",
        "WebKitWebDriver, MiniBrowser, xvfb-run",
        WEBKIT_PACKAGES,
    )?;
    find().ok_or(format!(
        "`apt-get install {WEBKIT_PACKAGES}` finished but WebKitWebDriver, MiniBrowser \
         (/usr/lib/<arch>/{MINIBROWSER_IN_LIB}) or xvfb-run is still missing"
    ))
}

/// MiniBrowser: on `PATH`, or where Debian's `libwebkit2gtk-4.1-0` puts it.
fn find_minibrowser(toolbox: &Toolbox) -> Option<PathBuf> {
    if let Some(found) = which(toolbox, "MiniBrowser") {
        return Some(found);
    }
    let mut libs: Vec<PathBuf> = fs::read_dir("/usr/lib")
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    libs.sort();
    minibrowser_in(&libs).into_iter().find(|p| p.is_file())
}

/// The MiniBrowser candidates below the library folders `libs` (`/usr/lib/<triple>`),
/// multiarch folders (`x86_64-linux-gnu`, `aarch64-linux-gnu`, ...) only.
pub fn minibrowser_in(libs: &[PathBuf]) -> Vec<PathBuf> {
    libs.iter()
        .filter(|dir| {
            dir.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with("-linux-gnu"))
        })
        .map(|dir| dir.join(MINIBROWSER_IN_LIB))
        .collect()
}

/// Installs Debian `packages` with apt-get when root; otherwise stops with the command to
/// run. `what` names what is missing, `progress` what is being installed.
fn apt_install(what: &str, progress: &str, packages: &str) -> Result<(), String> {
    let uid = cmd::query(Command::new("id").arg("-u"));
    if uid.as_deref() != Some("0") {
        return Err(format!(
            "{what} is missing and installing it needs root: \
             run `sudo apt-get update && sudo apt-get install -y {packages}`, then rerun"
        ));
    }
    println!("    {progress}: missing: installing with apt-get");
    cmd::run(Command::new("apt-get").arg("update"))?;
    cmd::run(
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y"])
            .args(packages.split(' ')),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_TOML: &str = r#"
# comment
trunk-version = "0.21.14"

[build]
target = "index.html"

[tools]
wasm_bindgen = "0.2.130"   # must match Cargo.lock
wasm_opt = "version_132"
release_nightly = "nightly-2026-05-19"

[xtask]
geckodriver = "0.37.1"
wasm_split_cli = "0.2.4"
"#;

    #[test]
    fn pins_parse_from_trunk_toml() {
        let pins = Pins::parse(TRUNK_TOML).unwrap();
        assert_eq!(pins.trunk, "0.21.14");
        assert_eq!(pins.wasm_bindgen, "0.2.130");
        assert_eq!(pins.wasm_opt, "version_132");
        assert_eq!(pins.binaryen_release(), Ok(132));
        assert_eq!(pins.geckodriver, "0.37.1");
        assert_eq!(pins.wasm_split_cli, "0.2.4");
        assert_eq!(pins.release_nightly, "nightly-2026-05-19");
    }

    #[test]
    fn the_release_nightly_is_a_dated_one() {
        let pins = Pins::load(&crate::repo_root()).unwrap();
        let date = pins.release_nightly.strip_prefix("nightly-").unwrap_or("");
        let parts: Vec<&str> = date.split('-').collect();
        assert!(
            parts.len() == 3
                && [4, 2, 2] == [parts[0].len(), parts[1].len(), parts[2].len()]
                && date.chars().all(|c| c.is_ascii_digit() || c == '-'),
            "release_nightly = \"{}\" must be a dated nightly (nightly-YYYY-MM-DD), so \
             every machine builds the same bundle",
            pins.release_nightly
        );
    }

    #[test]
    fn a_missing_pin_is_an_error_naming_it() {
        let err = Pins::parse("[tools]\nwasm_bindgen = \"0.2.1\"\n").unwrap_err();
        assert!(err.contains("trunk-version"), "{err}");
        let err =
            Pins::parse("trunk-version = \"1\"\n[build]\nwasm_opt = \"version_1\"\n").unwrap_err();
        assert!(
            err.contains("wasm_bindgen") && err.contains("[tools]"),
            "{err}"
        );
    }

    #[test]
    fn keys_are_read_only_in_their_section() {
        let text: toml::Table = "[build]\nwasm_opt = \"a\"\n[tools]\nwasm_opt = \"b\"\n"
            .parse()
            .unwrap();
        assert_eq!(
            toml_string(&text, Some("tools"), "wasm_opt").as_deref(),
            Some("b")
        );
        assert_eq!(toml_string(&text, None, "wasm_opt"), None);
        assert_eq!(toml_string(&text, Some("xtask"), "wasm_opt"), None);
    }

    #[test]
    fn pins_are_strings_and_trunk_toml_must_be_toml() {
        let err = Pins::parse("trunk-version = 21\n").unwrap_err();
        assert!(err.contains("trunk-version"), "{err}");
        let err = Pins::parse("trunk-version = \"0.21.14\n").unwrap_err();
        assert!(err.contains("not valid TOML"), "{err}");
    }

    #[test]
    fn locked_versions_finds_every_entry() {
        let lock = r#"
# This file is automatically @generated by Cargo.
# It is not intended for manual editing.
version = 4

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "0000000000000000000000000000000000000000000000000000000000000000"
dependencies = [
 "quote",
 "wasm-bindgen-macro-support",
]

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "hashbrown"
version = "0.15.5"

[[package]]
name = "hashbrown"
version = "0.17.1"
"#;
        assert_eq!(locked_versions(lock, "wasm-bindgen").unwrap(), ["0.2.130"]);
        assert_eq!(
            locked_versions(lock, "hashbrown").unwrap(),
            ["0.15.5", "0.17.1"]
        );
        assert!(locked_versions(lock, "yew").unwrap().is_empty());
        assert!(locked_versions("version = 4\n", "yew").unwrap().is_empty());
        assert!(locked_versions("[[package]\n", "yew").is_err());
    }

    #[test]
    fn npm_pins_and_version_words_parse() {
        let json = r#"{ "name": "x", "scripts": { "binaryen": "not a dependency" },
            "devDependencies": { "axe-core": "4.14.1", "binaryen" : "132.0.0" },
            "dependencies": { "jsqr": "1.4.0" } }"#;
        assert_eq!(
            npm_pin(json, "binaryen").unwrap().as_deref(),
            Some("132.0.0")
        );
        assert_eq!(npm_pin(json, "jsqr").unwrap().as_deref(), Some("1.4.0"));
        assert_eq!(npm_pin(json, "playwright").unwrap(), None);
        assert_eq!(npm_pin("{}", "binaryen").unwrap(), None);
        assert!(npm_pin("{ \"devDependencies\": ", "binaryen").is_err());
        assert_eq!(version_word("trunk 0.21.14"), Some("0.21.14"));
        assert_eq!(version_word("trunk"), None);
    }

    #[test]
    fn minibrowser_is_looked_for_in_multiarch_folders() {
        let libs = [
            PathBuf::from("/usr/lib/python3"),
            PathBuf::from("/usr/lib/x86_64-linux-gnu"),
            PathBuf::from("/usr/lib/aarch64-linux-gnu"),
        ];
        assert_eq!(
            minibrowser_in(&libs),
            [
                PathBuf::from("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
                PathBuf::from("/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
            ]
        );
        assert!(WEBKIT_PACKAGES.split(' ').any(|p| p == "xvfb"));
    }

    /// The single source of truth must agree with what cargo actually links.
    #[test]
    fn trunk_toml_wasm_bindgen_pin_equals_cargo_lock() {
        let root = crate::repo_root();
        let pins = Pins::load(&root).unwrap();
        let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
        assert_eq!(
            locked_versions(&lock, "wasm-bindgen").unwrap(),
            [pins.wasm_bindgen]
        );
    }

    /// The geckodriver pin is a plain version that `cargo install --version` accepts.
    #[test]
    fn trunk_toml_pins_geckodriver() {
        let pins = Pins::load(&crate::repo_root()).unwrap();
        let parts: Vec<&str> = pins.geckodriver.split('.').collect();
        assert_eq!(parts.len(), 3, "{}", pins.geckodriver);
        assert!(
            parts.iter().all(|p| p.parse::<u32>().is_ok()),
            "{}",
            pins.geckodriver
        );
    }

    /// npm installs wasm-opt, so package.json must carry the same binaryen release.
    #[test]
    fn package_json_binaryen_matches_the_wasm_opt_pin() {
        let root = crate::repo_root();
        let pins = Pins::load(&root).unwrap();
        let package_json = fs::read_to_string(root.join("package.json")).unwrap();
        let binaryen = npm_pin(&package_json, "binaryen")
            .unwrap()
            .expect("binaryen in package.json");
        assert_eq!(
            binaryen,
            format!("{}.0.0", pins.binaryen_release().unwrap())
        );
    }
}
