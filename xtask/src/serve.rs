//! `cargo xtask serve`: install the build tools, then `trunk serve` on 127.0.0.1.

use crate::{check_args, cmd, flag_value, in_ci, tools};
use std::path::Path;

/// The port used unless `--port` is given (same as `[serve]` in Trunk.toml).
const DEFAULT_PORT: u16 = 8080;

/// Serves the widget with live rebuilds; `--release` serves an optimized build.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    check_args(args, &["--release"], &["--port"])?;
    if in_ci() {
        return Err("refusing to serve: CI is set, and CI never serves \
                    (a server would block the job forever); run `cargo xtask test` instead"
            .into());
    }
    let port = flag_value(args, "--port", DEFAULT_PORT)?;
    let toolbox = tools::ensure(root, false)?;
    let release = args.iter().any(|a| a == "--release");
    let mut trunk = if release {
        toolbox.release_trunk(root)
    } else {
        toolbox.command(root, "trunk")
    };
    trunk.args([
        "serve",
        "--address",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]);
    if release {
        trunk.arg("--release");
    }
    println!(
        "\n==> Serving the widget at http://127.0.0.1:{port}/ and its configurator at \
         http://127.0.0.1:{port}/configure.html (Ctrl-C to stop)\n"
    );
    cmd::run(&mut trunk)
}
