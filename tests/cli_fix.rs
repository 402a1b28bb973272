//! `check --fix`, `--unsafe-fixes` and `--diff` as a user runs them: what is written, what
//! is refused, what is printed.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// A release with four safely fixable problems and one without a fix.
const FLAWED: &str =
    "sg/sm/23117\nMarch 12, 2024\n\nSecretary-General Calls for Protection of Coastal Wetlands\n\n\
Following is the message of the Secretary-General, delivered on Monday, 12 March:\n\n\
Coastal wetlands shelter our shores.\n\n***\n\nFor Information Media. Not An Official Record\n";

const FIXED: &str = "SG/SM/23117\n12 March 2024\n\nSecretary-General Calls for Protection of Coastal Wetlands\n\n\
Following is the message of the Secretary-General, delivered on Monday, 12 March:\n\n\
Coastal wetlands shelter our shores.\n\n* *** *\n\nFor information media. Not an official record.\n";

fn presslint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("presslint").expect("binary");
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

#[test]
fn fix_writes_exactly_the_promised_text_and_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), FLAWED).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the weekday error remains");
    assert_eq!(fs::read_to_string(dir.path().join("r.txt")).unwrap(), FIXED);
    assert_eq!(
        stdout_of(&output),
        "r.txt:6:65: error[date/weekday-mismatch]: `Monday, 12 March` names a Monday, but 12 March 2024 is a Tuesday\n\
         Fixed 4 problems (1 remaining).\n"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["r.txt"], "no temporary file is left behind");

    // A second run changes nothing.
    let again = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(dir.path().join("r.txt")).unwrap(), FIXED);
    assert!(
        stdout_of(&again).ends_with("Fixed 0 problems (1 remaining).\n"),
        "{}",
        stdout_of(&again)
    );
}

#[test]
fn fix_keeps_crlf_bom_missing_final_newline_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let crlf = format!("\u{feff}{}", FLAWED.trim_end().replace('\n', "\r\n"));
    fs::write(&path, &crlf).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    presslint(dir.path())
        .args(["check", "--fix", "r.txt"])
        .output()
        .unwrap();
    let expected = format!("\u{feff}{}", FIXED.trim_end().replace('\n', "\r\n"));
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), FLAWED).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--diff", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("r.txt")).unwrap(),
        FLAWED,
        "--diff wrote the file"
    );
    let diff = stdout_of(&output);
    assert!(diff.starts_with("--- a/r.txt\n+++ b/r.txt\n@@ -1,5 +1,5 @@\n-sg/sm/23117\n-March 12, 2024\n+SG/SM/23117\n+12 March 2024\n"), "{diff}");
    assert!(diff.contains("\n-***\n+* *** *\n"), "{diff}");
    assert_eq!(
        stderr_of(&output),
        "Would fix 4 problems (1 would remain).\n"
    );

    // Nothing to fix: no diff, exit 0.
    fs::write(dir.path().join("r.txt"), FIXED.replace("Monday", "Tuesday")).unwrap();
    let clean = presslint(dir.path())
        .args(["check", "--diff", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout_of(&clean), "");
}

#[test]
fn fix_on_stdin_prints_the_fixed_text_for_editors() {
    let dir = tempfile::tempdir().unwrap();
    let output = presslint(dir.path())
        .args([
            "check",
            "--fix",
            "--format",
            "concise",
            "--stdin-filename",
            "draft.txt",
            "-",
        ])
        .write_stdin(FLAWED)
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), FIXED);
    assert_eq!(
        stderr_of(&output),
        "draft.txt:6:65: error[date/weekday-mismatch]: `Monday, 12 March` names a Monday, but 12 March 2024 is a Tuesday\n\
         Fixed 4 problems (1 remaining).\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_read_only_file_is_refused_and_left_untouched_while_others_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), FLAWED).unwrap();
    fs::write(dir.path().join("b.txt"), FLAWED).unwrap();
    let mut permissions = fs::metadata(dir.path().join("a.txt"))
        .unwrap()
        .permissions();
    permissions.set_readonly(true);
    fs::set_permissions(dir.path().join("a.txt"), permissions).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "a.txt", "b.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        FLAWED
    );
    assert_eq!(fs::read_to_string(dir.path().join("b.txt")).unwrap(), FIXED);
    assert_eq!(
        stderr_of(&output).lines().next(),
        Some("error: a.txt: cannot write fixes: the file is read-only")
    );
}

#[test]
fn unsafe_fixes_apply_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let text = FIXED
        .replace("SG/SM/23117", "SG/SM23117")
        .replace("Monday", "Tuesday");
    fs::write(dir.path().join("r.txt"), &text).unwrap();
    let safe = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(dir.path().join("r.txt")).unwrap(), text);
    assert!(
        stdout_of(&safe)
            .ends_with("Fixed 0 problems (1 remaining; 1 fixable with --unsafe-fixes).\n"),
        "{}",
        stdout_of(&safe)
    );
    let forced = presslint(dir.path())
        .args(["check", "--fix", "--unsafe-fixes", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(dir.path().join("r.txt")).unwrap(),
        FIXED.replace("Monday", "Tuesday")
    );
}

#[test]
fn a_directory_without_room_for_a_temporary_file_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("r.txt"), FLAWED).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    }
    // Root writes into a read-only directory; an immutable one (chattr +i) stops it too.
    let mut immutable = false;
    if fs::write(locked.join("probe"), "").is_ok() {
        fs::remove_file(locked.join("probe")).unwrap();
        immutable = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&locked)
            .status()
            .is_ok_and(|s| s.success());
        if !immutable || fs::write(locked.join("probe"), "").is_ok() {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&locked)
                .status();
            eprintln!("skipped: no way to make a directory unwritable for this user here");
            return;
        }
    }
    /// Lifts the immutable flag however the test ends, so the directory can be removed.
    struct Mutable(std::path::PathBuf, bool);
    impl Drop for Mutable {
        fn drop(&mut self) {
            if self.1 {
                let _ = std::process::Command::new("chattr")
                    .arg("-i")
                    .arg(&self.0)
                    .status();
            }
        }
    }
    let _guard = Mutable(locked.clone(), immutable);
    let output = presslint(dir.path())
        .args(["check", "--fix", "locked/r.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(fs::read_to_string(locked.join("r.txt")).unwrap(), FLAWED);
    assert!(
        stderr_of(&output).starts_with(
            "error: locked/r.txt: cannot write fixes: cannot create a temporary file in `locked`"
        ),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn fix_and_diff_cannot_be_combined() {
    let dir = tempfile::tempdir().unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "--diff", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Two house rules that undo each other: fixing cannot settle, so nothing is written and the
/// rules involved are named.
#[test]
fn fixes_that_do_not_settle_write_nothing_and_name_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let rule = |from: &str, to: &str| {
        format!(
            "kind = \"forbid\"\nscope = \"text\"\nseverity = \"warning\"\nsummary = \"Write {to}\"\n\
             message = \"`{{found}}` should be `{{expected}}`\"\nwhy = \"House spelling.\"\n\
             pattern = \"(?-u:\\\\b){from}(?-u:\\\\b)\"\nreplacement = \"{to}\"\n\
             [fix]\ntitle = \"Write `{to}`\"\napplicability = \"safe\"\nsafety = \"Spelling only.\"\n"
        )
    };
    fs::create_dir_all(dir.path().join("house/wording")).unwrap();
    fs::write(
        dir.path().join("house/wording/colour.toml"),
        rule("color", "colour"),
    )
    .unwrap();
    fs::write(
        dir.path().join("house/wording/color.toml"),
        rule("colour", "color"),
    )
    .unwrap();
    fs::write(
        dir.path().join("presslint.toml"),
        "extend-rules = [\"house\"]\n",
    )
    .unwrap();
    let text = FIXED
        .replace("Coastal wetlands", "Coastal colour wetlands")
        .replace("Monday", "Tuesday");
    fs::write(dir.path().join("r.txt"), &text).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("r.txt")).unwrap(),
        text,
        "nothing written"
    );
    assert_eq!(
        stderr_of(&output).lines().next(),
        Some("error: r.txt: fixes do not settle: they keep changing the text (rules: wording/color, wording/colour); nothing written")
    );
}

#[cfg(unix)]
#[test]
fn fix_through_a_symbolic_link_fixes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("archive")).unwrap();
    fs::write(dir.path().join("archive/r.txt"), FLAWED).unwrap();
    std::os::unix::fs::symlink("archive/r.txt", dir.path().join("link.txt")).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "link.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let link = fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "still a link");
    assert_eq!(
        fs::read_to_string(dir.path().join("archive/r.txt")).unwrap(),
        FIXED
    );
    let names: Vec<_> = fs::read_dir(dir.path().join("archive"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["r.txt"],
        "no temporary file is left beside the target"
    );
}

#[cfg(unix)]
#[test]
fn hard_links_stay_linked_and_all_show_the_fix() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), FLAWED).unwrap();
    fs::hard_link(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let (a, b) = (
        fs::metadata(dir.path().join("a.txt")).unwrap(),
        fs::metadata(dir.path().join("b.txt")).unwrap(),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "one file, two names");
    assert_eq!(fs::read_to_string(dir.path().join("b.txt")).unwrap(), FIXED);
}

#[cfg(unix)]
#[test]
fn owner_and_group_are_kept_and_setuid_files_refused() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("setuid.txt"), FLAWED).unwrap();
    fs::set_permissions(
        dir.path().join("setuid.txt"),
        fs::Permissions::from_mode(0o4644),
    )
    .unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "setuid.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_of(&output).lines().next(),
        Some("error: setuid.txt: cannot write fixes: the file is setuid or setgid; presslint does not rewrite such files")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("setuid.txt")).unwrap(),
        FLAWED
    );
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped the owner part: only root can give a file to another user");
        return;
    }
    fs::write(dir.path().join("theirs.txt"), FLAWED).unwrap();
    std::os::unix::fs::chown(dir.path().join("theirs.txt"), Some(4242), Some(4343)).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "theirs.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let metadata = fs::metadata(dir.path().join("theirs.txt")).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (4242, 4343));
    assert_eq!(
        fs::read_to_string(dir.path().join("theirs.txt")).unwrap(),
        FIXED
    );
}
