//! `presslint check --watch` as a user runs it: started as a child process on a temporary
//! directory, files changed under it (written in place, saved by a rename, an unrelated file,
//! the configuration), each new report read back from its stdout, then the process killed.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::Value;

const FLAWED: &str = include_str!("../examples/flawed-release.txt");
const CLEAN: &str = include_str!("../examples/clean-release.txt");

/// Long enough for a loaded machine; a passing run takes well under a second per report.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `presslint check --watch`, killed when dropped.
struct Watching {
    child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
}

impl Watching {
    fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_presslint"))
            .args(["check", "--watch"])
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = lines_of(child.stdout.take().unwrap());
        let stderr = lines_of(child.stderr.take().unwrap());
        Self {
            child,
            stdout,
            stderr,
        }
    }

    /// The next JSON report on stdout (pretty JSON: it ends with a `}` line of its own).
    fn next_report(&self) -> Value {
        let mut text = String::new();
        loop {
            let line = self
                .stdout
                .recv_timeout(PATIENCE)
                .expect("a report within the time");
            assert!(
                !line.contains('\u{1b}'),
                "no screen clearing on a pipe: {line:?}"
            );
            text.push_str(&line);
            text.push('\n');
            if line == "}" {
                return serde_json::from_str(&text).unwrap();
            }
        }
    }

    /// Waits for a line on stderr that contains `wanted`; returns the lines up to it.
    fn wait_for_note(&self, wanted: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let line = self
                .stderr
                .recv_timeout(PATIENCE)
                .unwrap_or_else(|_| panic!("no `{wanted}` on stderr; saw {seen:?}"));
            let found = line.contains(wanted);
            seen.push(line);
            if found {
                return seen;
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines_of(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// `path: rule@line:column, ...` for each file of a JSON report, in its order.
fn outline(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let findings: Vec<String> = file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let span = &d["span"];
                    format!(
                        "{}@{}:{}",
                        d["rule"].as_str().unwrap(),
                        span["line"],
                        span["column"]
                    )
                })
                .collect();
            format!(
                "{}: {}",
                file["path"].as_str().unwrap(),
                findings.join(", ")
            )
        })
        .collect()
}

#[test]
fn changed_releases_are_checked_again_and_a_configuration_change_checks_everything() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("releases")).unwrap();
    fs::write(dir.path().join("releases/a.txt"), CLEAN).unwrap();
    fs::write(dir.path().join("releases/b.txt"), FLAWED).unwrap();
    let watching = Watching::start(dir.path(), &["--format", "json", "releases"]);

    let mut first = outline(&watching.next_report());
    first.sort();
    assert_eq!(
        first,
        [
            "releases/a.txt: ",
            "releases/b.txt: page/site-noise@1:1, symbol/malformed@3:1, dateline/malformed@4:1, \
             date/weekday-mismatch@8:120, end-marker/malformed@14:1, disclaimer/malformed@16:1",
        ]
    );
    watching.wait_for_note("Watching for changes (Ctrl-C stops).");

    // Written in place: that file alone is checked again.
    fs::write(
        dir.path().join("releases/a.txt"),
        CLEAN.replacen("4 March 2024", "4 March, 2024", 1),
    )
    .unwrap();
    assert_eq!(
        outline(&watching.next_report()),
        ["releases/a.txt: dateline/malformed@2:1"]
    );
    let notes = watching.wait_for_note("Watching for changes");
    assert_eq!(notes[0], "Changed: releases/a.txt");

    // Saved as editors do: a new file renamed over the old one.
    fs::write(dir.path().join("releases/b.new"), CLEAN).unwrap();
    fs::rename(
        dir.path().join("releases/b.new"),
        dir.path().join("releases/b.txt"),
    )
    .unwrap();
    assert_eq!(outline(&watching.next_report()), ["releases/b.txt: "]);
    watching.wait_for_note("Watching for changes");

    // A file the check would not read (a style sheet) makes no report; a configuration makes a full one.
    fs::write(dir.path().join("releases/notes.css"), "to do\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    fs::write(
        dir.path().join("releases/presslint.toml"),
        "ignore = [\"dateline\"]\n",
    )
    .unwrap();
    let mut full = outline(&watching.next_report());
    full.sort();
    assert_eq!(full, ["releases/a.txt: ", "releases/b.txt: "]);
    let notes = watching.wait_for_note("Watching for changes");
    assert_eq!(
        notes[0],
        "A configuration or rule file changed: checking everything again."
    );
}

#[test]
fn watching_stdin_or_while_fixing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Each must end at once; one that watches instead is killed and fails the test.
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_presslint"))
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > PATIENCE {
                let _ = child.kill();
                panic!("`presslint {}` did not end", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    };
    let output = run(&["check", "--watch", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --watch watches files and directories, not stdin (`-`)\n"
    );
    // Fixing would change the files it watches; a baseline written each round would keep
    // only the files of that round.
    for other in ["--fix", "--diff", "--write-baseline=b.json"] {
        let output = run(&["check", "--watch", other, "."]);
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be used with"));
    }
    let output = run(&["check", "--watch", ".", "-o", "missing/report.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: missing/report.json: cannot write the report: cannot create a temporary file in `missing`: no such file\n"
    );
    let output = run(&["check", "--watch", "missing"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: missing: cannot watch: no such file\n"
    );
}
