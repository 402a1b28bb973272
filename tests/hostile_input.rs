//! Hostile and broken input never hangs a run or slips through: FIFOs, sockets and devices
//! are refused without being opened, symbolic link loops end the walk with one error,
//! oversized configuration and rule files are refused unread, and configuration found by
//! walking up is only trusted when it is the user's own or root's.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

const CLEAN: &str =
    "SG/SM/12345\n19 July 2010\n\nSecretary-General Welcomes New Members of Commission\n\n\
The Secretary-General welcomed the new members of the Commission today in New York.\n\n\
* *** *\n\nFor information media. Not an official record.\n";

/// A rule file of an `extend-rules` directory (valid on its own).
const RULE: &str = r#"kind = "forbid"
scope = "text"
severity = "warning"
summary = "Say Commission"
message = "`{found}` should be `{expected}`"
why = "House style."
pattern = "Comission"
replacement = "Commission"
"#;

/// presslint in `dir`, killed (and the test failed) if it hangs.
fn presslint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("presslint").expect("binary");
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(30));
    command
}

/// Exit code and stderr of a run.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = presslint(dir).args(args).output().expect("run presslint");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
    )
}

fn mkfifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .expect("mkfifo");
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

#[test]
fn fifos_sockets_and_devices_are_refused_and_the_other_files_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    mkfifo(&dir.path().join("fifo.txt"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("socket.txt")).unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &["check", "fifo.txt", "socket.txt", "/dev/null", "a.txt"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: fifo.txt: cannot read: not a regular file: a FIFO\n\
         error: socket.txt: cannot read: not a regular file: a socket\n\
         error: /dev/null: cannot read: not a regular file: a character device\n"
    );
    assert_eq!(
        stdout,
        "3 files could not be checked.\nChecked with un-en (1 file).\n"
    );
    // Met by a directory walk, they are reported the same way.
    let (code, _, stderr) = run(dir.path(), &["check", "."]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: fifo.txt: cannot read: not a regular file: a FIFO\n\
         error: socket.txt: cannot read: not a regular file: a socket\n"
    );
    // Standard input is still read.
    let output = presslint(dir.path())
        .args(["check", "-"])
        .write_stdin(CLEAN)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_fifo_as_configuration_or_rule_file_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    fs::create_dir_all(project.join("house/wording")).unwrap();
    fs::write(project.join("a.txt"), CLEAN).unwrap();
    mkfifo(&project.join("presslint.toml"));
    let (code, _, stderr) = run(dir.path(), &["check", "project/a.txt"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: project/a.txt: project/presslint.toml: cannot read configuration: not a regular file: a FIFO\n"
    );
    fs::remove_file(project.join("presslint.toml")).unwrap();
    fs::write(
        project.join("presslint.toml"),
        "extend-rules = [\"house\"]\n",
    )
    .unwrap();
    mkfifo(&project.join("house/wording/commission.toml"));
    let (code, _, stderr) = run(dir.path(), &["check", "project/a.txt"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: project/a.txt: project/house/wording/commission.toml: cannot read rule file: not a regular file: a FIFO\n"
    );
    let (code, _, stderr) = run(
        dir.path(),
        &["check", "--config", "/dev/zero", "project/a.txt"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: /dev/zero: cannot read configuration: not a regular file: a character device\n"
    );
}

#[test]
fn a_symbolic_link_loop_in_a_walked_directory_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("releases/2010")).unwrap();
    fs::write(dir.path().join("releases/2010/a.txt"), CLEAN).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("releases/2010/back")).unwrap();
    // A link to a release elsewhere is followed, and a second link to it checks it once.
    fs::write(dir.path().join("b.txt"), CLEAN).unwrap();
    std::os::unix::fs::symlink("../b.txt", dir.path().join("releases/b.txt")).unwrap();
    std::os::unix::fs::symlink("../b.txt", dir.path().join("releases/b-again.txt")).unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["check", "--format", "json", "releases"]);
    assert_eq!((code, stderr.as_str()), (Some(2), ""));
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let files: Vec<(&str, &serde_json::Value)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), &f["error"]))
        .collect();
    let loop_error = serde_json::json!(
        "cannot walk: symbolic link loop: leads back to `releases`; not followed"
    );
    assert_eq!(
        files,
        [
            ("releases/2010/a.txt", &serde_json::Value::Null),
            ("releases/2010/back", &loop_error),
            ("releases/b-again.txt", &serde_json::Value::Null),
        ]
    );
}

#[test]
fn oversized_configuration_and_rule_files_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("big")).unwrap();
    fs::write(dir.path().join("big/a.txt"), CLEAN).unwrap();
    let mut config = "# padding\n".repeat((1 << 20) / 10);
    config.push_str("ignore = []\n");
    fs::write(dir.path().join("big/presslint.toml"), config).unwrap();
    fs::create_dir_all(dir.path().join("rules/house/wording")).unwrap();
    fs::write(dir.path().join("rules/a.txt"), CLEAN).unwrap();
    fs::write(
        dir.path().join("rules/presslint.toml"),
        "extend-rules = [\"house\"]\n",
    )
    .unwrap();
    let mut rule = RULE.to_owned();
    rule.push_str(&"# padding\n".repeat((4 << 20) / 10 + 1));
    fs::write(dir.path().join("rules/house/wording/commission.toml"), rule).unwrap();
    let (code, _, stderr) = run(dir.path(), &["check", "big/a.txt", "rules/a.txt"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: big/a.txt: big/presslint.toml: cannot read configuration: file is too large (over 1 MiB)\n\
         error: rules/a.txt: rules/house/wording/commission.toml: cannot read rule file: file is too large (over 4 MiB)\n"
    );
}

#[test]
fn configuration_found_by_walking_up_must_be_the_users_or_roots() {
    if !is_root() {
        eprintln!("skipped: only root can give a configuration file to another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for project in ["theirs", "mine", "their-rules"] {
        fs::create_dir_all(dir.path().join(project)).unwrap();
        fs::write(dir.path().join(project).join("a.txt"), CLEAN).unwrap();
    }
    let theirs = dir.path().join("theirs/presslint.toml");
    fs::write(&theirs, "ignore = [\"page\"]\n").unwrap();
    std::os::unix::fs::chown(&theirs, Some(4242), Some(4242)).unwrap();
    fs::write(
        dir.path().join("mine/presslint.toml"),
        "ignore = [\"page\"]\n",
    )
    .unwrap();
    // A configuration of our own naming rule files of another user: those are refused.
    fs::write(
        dir.path().join("their-rules/presslint.toml"),
        "extend-rules = [\"house\"]\n",
    )
    .unwrap();
    let rule = dir.path().join("their-rules/house/wording/commission.toml");
    fs::create_dir_all(rule.parent().unwrap()).unwrap();
    fs::write(&rule, RULE).unwrap();
    std::os::unix::fs::chown(&rule, Some(4242), None).unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &["check", "theirs/a.txt", "mine/a.txt", "their-rules/a.txt"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: theirs/a.txt: theirs/presslint.toml: not trusted: owned by uid 4242, not by you (uid 0) or root; pass it with --config to use it anyway\n\
         error: their-rules/a.txt: their-rules/house/wording/commission.toml: not trusted: owned by uid 4242, not by you (uid 0) or root; pass it with --config to use it anyway\n"
    );
    assert_eq!(
        stdout,
        "2 files could not be checked.\nChecked with un-en (1 file).\n"
    );
    let (code, _, stderr) = run(dir.path(), &["check", "mine/a.txt"]);
    assert_eq!(
        (code, stderr.as_str()),
        (Some(0), ""),
        "mine/a.txt is checked"
    );
    // Named explicitly, the same file is used.
    let (code, _, stderr) = run(
        dir.path(),
        &["check", "--config", "theirs/presslint.toml", "theirs/a.txt"],
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "check",
            "--config",
            "their-rules/presslint.toml",
            "their-rules/a.txt",
        ],
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}
