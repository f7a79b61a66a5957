//! Running child processes: echo the command, stream its output, and turn a failed start
//! or a non-zero exit into an error message instead of a panic.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// Renders a command as the user would type it (program and arguments, no environment).
pub fn render(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `cmd` with inherited stdio; an error names the command and its exit status.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let line = render(cmd);
    println!("$ {line}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// What a streamed command printed on stdout, and whether it exited successfully.
pub struct Streamed {
    /// `true` when the process exited with status 0.
    pub success: bool,
    /// Every stdout line, in order.
    pub stdout: Vec<String>,
}

/// Runs `cmd`, echoing its stdout line by line while keeping a copy for parsing; stderr
/// is inherited. Only a failure to start the process is an error.
pub fn run_streaming(cmd: &mut Command) -> Result<Streamed, String> {
    let line = render(cmd);
    println!("$ {line}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    let mut stdout = Vec::new();
    if let Some(out) = child.stdout.take() {
        let mut echo = std::io::stdout().lock();
        for text in BufReader::new(out).lines().map_while(Result::ok) {
            // Echo failures (a closed pipe) must not stop the child from being drained.
            let _ = writeln!(echo, "{text}");
            stdout.push(text);
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{line}` failed: {e}"))?;
    Ok(Streamed {
        success: status.success(),
        stdout,
    })
}

/// The trimmed stdout of a quick query such as `tool --version`, or `None` when the
/// program is missing or exits non-zero.
pub fn query(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_shows_program_and_arguments() {
        let mut cmd = Command::new("cargo");
        cmd.args(["test", "--workspace"]);
        assert_eq!(render(&cmd), "cargo test --workspace");
    }

    #[test]
    fn query_is_none_for_missing_programs() {
        assert_eq!(
            query(&mut Command::new("xtask-no-such-program-anywhere")),
            None
        );
    }

    #[test]
    fn run_reports_a_failing_exit() {
        let err = run(&mut Command::new("false")).unwrap_err();
        assert!(err.contains("`false` failed"), "{err}");
    }
}
