//! The switches of `presslint check` that ruff users know: `--select`, `--extend-select`,
//! `--ignore` (over `presslint.toml`), `--statistics`, `--output-file`, `--exit-zero`,
//! `--quiet` and `--show-fixes`, run as a user runs them.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const FLAWED: &str = include_str!("../examples/flawed-release.txt");
const CLEAN: &str = include_str!("../examples/clean-release.txt");

/// The clean example with its symbol in lower case: one `symbol/malformed`, nothing else.
fn lower_symbol() -> String {
    CLEAN.replacen("SG/SM/23104", "sg/sm/23104", 1)
}

fn presslint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("presslint").expect("binary");
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

/// Runs `presslint ARGS` in `dir`: (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = presslint(dir).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `file:line:col rule` of every finding of `check --format concise ARGS`, and the exit code.
fn findings(dir: &Path, args: &[&str]) -> (i32, Vec<String>) {
    let mut all = vec!["check", "--format", "concise"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(dir, &all);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let found = stdout
        .lines()
        .map(|line| {
            let (place, rest) = line.split_once(": ").unwrap();
            let rule = rest.split_once('[').unwrap().1.split_once(']').unwrap().0;
            format!("{place} {rule}")
        })
        .collect();
    (code, found)
}

/// A directory holding `r.txt` (the flawed example) and, when given, a `presslint.toml`.
fn project(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), FLAWED).unwrap();
    if let Some(config) = config {
        fs::write(dir.path().join("presslint.toml"), config).unwrap();
    }
    dir
}

const ALL_SIX: [&str; 6] = [
    "r.txt:1:1 page/site-noise",
    "r.txt:3:1 symbol/malformed",
    "r.txt:4:1 dateline/malformed",
    "r.txt:8:120 date/weekday-mismatch",
    "r.txt:14:1 end-marker/malformed",
    "r.txt:16:1 disclaimer/malformed",
];

#[test]
fn select_ignore_and_extend_select_pick_rules_by_id_or_group() {
    let dir = project(None);
    let at =
        |lines: &[usize]| -> Vec<String> { lines.iter().map(|&i| ALL_SIX[i].to_owned()).collect() };
    assert_eq!(
        findings(dir.path(), &["r.txt"]),
        (1, at(&[0, 1, 2, 3, 4, 5]))
    );
    let expected = (1, at(&[1, 2]));
    assert_eq!(
        findings(dir.path(), &["--select", "symbol,dateline", "r.txt"]),
        expected
    );
    assert_eq!(
        findings(
            dir.path(),
            &[
                "--select",
                "symbol",
                "--select",
                "dateline/malformed",
                "r.txt"
            ]
        ),
        expected
    );
    assert_eq!(
        findings(
            dir.path(),
            &[
                "--ignore",
                "page,date",
                "--ignore",
                "disclaimer/malformed",
                "r.txt"
            ]
        ),
        (1, at(&[1, 2, 4]))
    );
    // A rule id is more specific than a group: it wins whichever flag names it.
    assert_eq!(
        findings(
            dir.path(),
            &[
                "--ignore",
                "date,dateline",
                "--extend-select",
                "dateline/malformed",
                "r.txt"
            ]
        ),
        (1, at(&[0, 1, 2, 4, 5]))
    );
    assert_eq!(
        findings(
            dir.path(),
            &[
                "--select",
                "symbol,page",
                "--ignore",
                "page/site-noise",
                "r.txt"
            ]
        ),
        (1, at(&[1]))
    );
    // Only warnings and infos left: exit 0 under the default `--fail-on error`.
    assert_eq!(
        findings(dir.path(), &["--select", "page,end-marker", "r.txt"]),
        (0, at(&[0, 4]))
    );
    // Selecting nothing runs nothing.
    assert_eq!(
        findings(dir.path(), &["--select", "", "r.txt"]),
        (0, vec![])
    );
}

#[test]
fn the_command_line_is_layered_over_the_configuration_as_ruff_does() {
    let dir = project(Some(
        "select = [\"symbol\", \"page\", \"date\"]\nignore = [\"page\"]\n\
         [per-file-ignores]\n\"archive/**\" = [\"symbol\"]\n",
    ));
    fs::create_dir(dir.path().join("archive")).unwrap();
    fs::write(dir.path().join("archive/old.txt"), FLAWED).unwrap();
    let (code, found) = findings(dir.path(), &["r.txt", "archive/old.txt"]);
    assert_eq!(
        (code, found),
        (
            1,
            vec![
                "r.txt:3:1 symbol/malformed".to_owned(),
                "r.txt:8:120 date/weekday-mismatch".to_owned(),
                "archive/old.txt:8:120 date/weekday-mismatch".to_owned(),
            ]
        )
    );
    // --extend-select adds to the file's selection, over its ignore.
    assert_eq!(
        findings(dir.path(), &["--extend-select", "page/site-noise", "r.txt"]).1,
        [ALL_SIX[0], ALL_SIX[1], ALL_SIX[3]]
    );
    // --select replaces the file's select and ignore...
    assert_eq!(
        findings(dir.path(), &["--select", "page,dateline", "r.txt"]).1,
        [ALL_SIX[0], ALL_SIX[2]]
    );
    // ... but per-file ignores still apply.
    assert_eq!(
        findings(
            dir.path(),
            &["--select", "symbol", "r.txt", "archive/old.txt"]
        )
        .1,
        ["r.txt:3:1 symbol/malformed"]
    );
    // --ignore removes from the file's selection.
    assert_eq!(
        findings(dir.path(), &["--ignore", "date", "r.txt"]).1,
        ["r.txt:3:1 symbol/malformed"]
    );
}

#[test]
fn an_unknown_rule_or_group_is_a_one_line_error_and_exit_2() {
    let dir = project(None);
    for (args, flag, name) in [
        (["--select", "symbl"], "--select", "symbl"),
        (
            ["--extend-select", "symbol/malformd"],
            "--extend-select",
            "symbol/malformd",
        ),
        (["--ignore", "date,nonsense"], "--ignore", "nonsense"),
    ] {
        let mut all = vec!["check"];
        all.extend_from_slice(&args);
        all.push("r.txt");
        let (code, stdout, stderr) = run(dir.path(), &all);
        assert_eq!(code, 2);
        assert_eq!(stdout, "", "nothing is checked");
        assert_eq!(
            stderr,
            format!(
                "error: {flag}: unknown rule or group `{name}` for pack `un-en` or `un-fr` (`presslint rules` lists them)\n"
            )
        );
    }
    // With another pack below, the selector is checked against that pack too: its files get
    // the error, the others are checked.
    let acme = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/acme-en");
    fs::create_dir(dir.path().join("acme")).unwrap();
    fs::write(
        dir.path().join("acme/presslint.toml"),
        format!("pack = {:?}\n", acme.display().to_string()),
    )
    .unwrap();
    fs::write(dir.path().join("acme/a.txt"), CLEAN).unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "spelling,symbol",
            "r.txt",
            "acme/a.txt",
        ],
    );
    assert_eq!(code, 2);
    assert_eq!(
        stdout,
        "r.txt:3:1: error[symbol/malformed]: symbol `sg/sm/23117` does not follow the symbol grammar\n"
    );
    assert_eq!(
        stderr,
        "error: acme/a.txt: --select: unknown rule or group `spelling` for pack `acme-en` (`presslint rules` lists them)\n"
    );
}

#[test]
fn statistics_count_findings_per_rule_most_frequent_first() {
    let dir = project(None);
    fs::write(dir.path().join("s.txt"), FLAWED).unwrap();
    fs::write(dir.path().join("t.txt"), lower_symbol()).unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["check", "--statistics", "."]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    assert_eq!(
        stdout,
        "\
3  symbol/malformed       [*] The document symbol does not follow the symbol grammar
2  date/weekday-mismatch  [ ] A weekday written next to a date contradicts the calendar
2  dateline/malformed     [*] The date line is not written `19 July 2010`
2  disclaimer/malformed   [*] The disclaimer is a near miss of the canonical text
2  end-marker/malformed   [*] The end marker is not `* *** *`
2  page/site-noise        [*] A line of web-page debris is in the release
Found 7 errors, 4 warnings, 2 infos (11 fixable with --fix).
"
    );
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "check",
            "--statistics",
            "--quiet",
            "--select",
            "date,page",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "\
2  date/weekday-mismatch  [ ] A weekday written next to a date contradicts the calendar
2  page/site-noise        [*] A line of web-page debris is in the release
"
    );
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "check",
            "--statistics",
            "--format",
            "json",
            "--select",
            "symbol",
            ".",
        ],
    );
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "rule": "symbol/malformed",
            "count": 3,
            "fixable": true,
            "summary": "The document symbol does not follow the symbol grammar"
        }])
    );
    let (code, stdout, stderr) = run(
        dir.path(),
        &["check", "--statistics", "--format", "sarif", "."],
    );
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "error: --statistics is written as text (--format human or concise) or as JSON (--format json)\n"
    );
    // With a baseline, only the findings it does not record are counted.
    let (code, _, _) = run(
        dir.path(),
        &["check", "--write-baseline", "base.json", "r.txt", "s.txt"],
    );
    assert_eq!(code, 0);
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "--statistics",
            "--baseline",
            "base.json",
            "--format",
            "concise",
            "r.txt",
            "s.txt",
            "t.txt",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "1  symbol/malformed  [*] The document symbol does not follow the symbol grammar\n\
         Found 1 error (1 fixable with --fix).\n"
    );
    assert_eq!(
        stderr,
        "Baseline base.json: 12 known findings not shown; 0 recorded findings no longer occur.\n"
    );
    let (code, _, stderr) = run(dir.path(), &["check", "--statistics", "--fix", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn output_file_takes_the_report_and_replaces_the_old_one_whole() {
    let dir = project(None);
    let (code, expected, _) = run(dir.path(), &["check", "--format", "json", "r.txt"]);
    assert_eq!(code, 1);
    fs::write(dir.path().join("report.json"), "an old report").unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--output-file",
            "report.json",
            "r.txt",
        ],
    );
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (1, "", ""));
    assert_eq!(
        fs::read_to_string(dir.path().join("report.json")).unwrap(),
        expected
    );
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["r.txt", "report.json"], "no temporary file is left");

    // The human report in a file has no colours, even on request of auto.
    let (code, _, _) = run(dir.path(), &["check", "-o", "report.txt", "r.txt"]);
    assert_eq!(code, 1);
    let human = fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert!(human.ends_with(
        "Found 3 errors, 2 warnings, 1 info (5 fixable with --fix).\nChecked with un-en (1 file).\n"
    ));
    assert!(!human.contains('\u{1b}'));

    // A place that cannot take the report fails before anything is checked.
    let (code, stdout, stderr) = run(dir.path(), &["check", "-o", "missing/report.json", "r.txt"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "error: missing/report.json: cannot write the report: cannot create a temporary file in `missing`: no such file\n"
    );

    // Fixing stdin: the fixed text on stdout, the report in the file.
    let output = presslint(dir.path())
        .args([
            "check",
            "--fix",
            "-",
            "--stdin-filename",
            "d.txt",
            "--format",
            "concise",
            "-o",
            "fixed.txt",
        ])
        .write_stdin(FLAWED)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let fixed = String::from_utf8(output.stdout).unwrap();
    assert!(fixed.starts_with("SG/SM/23117\n12 March 2024\n"), "{fixed}");
    assert_eq!(
        fs::read_to_string(dir.path().join("fixed.txt")).unwrap(),
        "d.txt:6:120: error[date/weekday-mismatch]: `Monday, 12 March` names a Monday, but 12 March 2024 is a Tuesday\n\
         Fixed 5 problems (1 remaining).\n"
    );
}

#[test]
fn exit_zero_passes_findings_but_not_failures() {
    let dir = project(None);
    assert_eq!(run(dir.path(), &["check", "--exit-zero", "r.txt"]).0, 0);
    assert_eq!(
        run(dir.path(), &["check", "-e", "--fail-on", "info", "r.txt"]).0,
        0
    );
    assert_eq!(
        run(dir.path(), &["check", "--exit-zero", "--diff", "r.txt"]).0,
        0
    );
    let (code, _, stderr) = run(dir.path(), &["check", "--exit-zero", "r.txt", "gone.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("gone.txt: cannot read: no such file"),
        "{stderr}"
    );
}

#[test]
fn quiet_prints_the_findings_only() {
    let dir = project(None);
    let (code, loud, _) = run(dir.path(), &["check", "r.txt"]);
    let (quiet_code, quiet, stderr) = run(dir.path(), &["check", "--quiet", "r.txt"]);
    assert_eq!((code, quiet_code, stderr.as_str()), (1, 1, ""));
    let summary = "Found 3 errors, 2 warnings, 1 info (5 fixable with --fix).\n\
                   Checked with un-en (1 file).\n";
    assert_eq!(loud.strip_suffix(summary), Some(quiet.as_str()));
    assert!(quiet.contains("error[symbol/malformed]"));

    let empty = tempfile::tempdir().unwrap();
    let (_, _, stderr) = run(empty.path(), &["check", "."]);
    assert!(stderr.starts_with("warning: no files to check"), "{stderr}");
    assert_eq!(
        run(empty.path(), &["check", "-q", "."]),
        (0, String::new(), String::new())
    );

    let (code, stdout, stderr) = run(
        dir.path(),
        &["check", "--fix", "-q", "--format", "concise", "r.txt"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "r.txt:6:120: error[date/weekday-mismatch]: `Monday, 12 March` names a Monday, but 12 March 2024 is a Tuesday\n"
    );
    assert_eq!(stderr, "", "no `Fixed 5 problems` line");
}

#[test]
fn show_fixes_lists_available_applied_and_would_be_applied_fixes() {
    let dir = project(None);
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "check",
            "--show-fixes",
            "--format",
            "concise",
            "--select",
            "symbol,end-marker,date",
            "r.txt",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "\
r.txt:3:1: error[symbol/malformed]: symbol `sg/sm/23117` does not follow the symbol grammar
r.txt:8:120: error[date/weekday-mismatch]: `Monday, 12 March` names a Monday, but 12 March 2024 is a Tuesday
r.txt:14:1: warning[end-marker/malformed]: end marker `***` should be `* *** *`
2 fixes available:
- r.txt:
    3:1   symbol/malformed      Replace with `SG/SM/23117` (safe)
    14:1  end-marker/malformed  Replace with `* *** *` (safe)
"
    );
    // In the human format the list comes before the closing line; in JSON it goes to stderr.
    let (_, human, _) = run(
        dir.path(),
        &["check", "--show-fixes", "--select", "symbol", "r.txt"],
    );
    assert!(human.ends_with(
        "1 fix available:\n- r.txt:\n    3:1  symbol/malformed  Replace with `SG/SM/23117` (safe)\n\
         Found 1 error (1 fixable with --fix).\nChecked with un-en (1 file).\n"
    ), "{human}");
    let (_, json, stderr) = run(
        dir.path(),
        &[
            "check",
            "--show-fixes",
            "--format",
            "json",
            "--select",
            "symbol",
            "r.txt",
        ],
    );
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
    assert_eq!(
        stderr,
        "1 fix available:\n- r.txt:\n    3:1  symbol/malformed  Replace with `SG/SM/23117` (safe)\n"
    );

    let (code, diff, stderr) = run(dir.path(), &["check", "--diff", "--show-fixes", "r.txt"]);
    assert_eq!(code, 1);
    assert!(diff.starts_with("--- a/r.txt\n"), "{diff}");
    assert_eq!(
        stderr,
        "Would fix 5 problems:\n- r.txt:\n    1 × dateline/malformed\n    1 × disclaimer/malformed\n    \
         1 × end-marker/malformed\n    1 × page/site-noise\n    1 × symbol/malformed\n\
         Would fix 5 problems (1 would remain).\n"
    );

    fs::write(dir.path().join("s.txt"), lower_symbol()).unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "--fix",
            "--show-fixes",
            "--format",
            "concise",
            "r.txt",
            "s.txt",
        ],
    );
    assert_eq!((code, stderr.as_str()), (1, ""));
    assert_eq!(
        stdout,
        "\
r.txt:6:120: error[date/weekday-mismatch]: `Monday, 12 March` names a Monday, but 12 March 2024 is a Tuesday
Fixed 6 problems:
- r.txt:
    1 × dateline/malformed
    1 × disclaimer/malformed
    1 × end-marker/malformed
    1 × page/site-noise
    1 × symbol/malformed
- s.txt:
    1 × symbol/malformed
Fixed 6 problems (1 remaining).
"
    );
    assert_eq!(fs::read_to_string(dir.path().join("s.txt")).unwrap(), CLEAN);

    // Fixing stdin: the fixed text on stdout; the report, the list and the count on stderr,
    // in that order.
    let output = presslint(dir.path())
        .args([
            "check",
            "--fix",
            "--show-fixes",
            "--format",
            "concise",
            "--stdin-filename",
            "d.txt",
            "-",
        ])
        .write_stdin(lower_symbol())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), CLEAN);
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "Fixed 1 problem:\n- d.txt:\n    1 × symbol/malformed\nFixed 1 problem (0 remaining).\n"
    );
}
