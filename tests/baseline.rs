//! `presslint check --write-baseline` and `--baseline` end to end, on a directory of invented
//! releases: a baseline is written, one release is edited (a new finding, a fixed finding,
//! and a paragraph added above a finding that stays), and the run reports exactly the new
//! finding, fails on it alone, and counts what the baseline hid and what is gone.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use tempfile::TempDir;

/// Two findings: `Secretary General` (line 6) and `organise` (line 6).
const A: &str = "\
SG/SM/20101
4 March 2026

Secretary-General Welcomes Forum on River Basins

The Secretary General welcomed the forum on river basins, which will organise joint monitoring.

Delegates from twelve countries travelled to the meeting.

* *** *

For information media. Not an official record.
";

/// `A` edited: the date line is now US-style (a new error), `organise` is fixed, and a
/// paragraph above `Secretary General` moves it to line 8.
const A_EDITED: &str = "\
SG/SM/20101
March 4, 2026

Secretary-General Welcomes Forum on River Basins

Ministers and mayors met in Apia for two days.

The Secretary General welcomed the forum on river basins, which will organize joint monitoring.

Delegates from twelve countries travelled to the meeting.

* *** *

For information media. Not an official record.
";

/// Two findings: a malformed symbol (an error) and a repeated word.
const B: &str = "\
sg/sm/20102
5 March 2026

Deputy Secretary-General Opens Coastal Forum

The forum discussed the the early-warning programme.

* *** *

For information media. Not an official record.
";

/// `presslint check ARGS` in `dir`: exit code, stdout, stderr.
fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = cargo_bin_cmd!("presslint")
        .current_dir(dir)
        .arg("check")
        .args(["--no-config", "--color", "never"])
        .args(args)
        .output()
        .expect("run presslint");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// The releases, and a baseline of their findings in `baseline.json`.
fn releases_with_baseline() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    fs::create_dir(dir.path().join("r")).expect("r/");
    fs::write(dir.path().join("r/a.txt"), A).expect("a.txt");
    fs::write(dir.path().join("r/b.txt"), B).expect("b.txt");
    let (code, stdout, stderr) = check(
        dir.path(),
        &[
            "r",
            "--format",
            "concise",
            "--write-baseline",
            "baseline.json",
        ],
    );
    assert_eq!(code, 0, "recording accepts the findings: {stderr}");
    assert_eq!(
        stdout,
        "r/a.txt:6:5: warning[wording/secretary-general]: `Secretary General` should be `Secretary-General`\n\
         r/a.txt:6:70: warning[spelling/oxford-ize]: `organise` should be spelled `organize` (Oxford spelling)\n\
         r/b.txt:1:1: error[symbol/malformed]: symbol `sg/sm/20102` does not follow the symbol grammar\n\
         r/b.txt:6:21: warning[typography/repeated-word]: `the the`: the word is written twice\n"
    );
    assert_eq!(stderr, "Wrote baseline baseline.json: 4 findings.\n");
    dir
}

#[test]
fn the_baseline_file_is_versioned_sorted_and_one_finding_a_line() {
    let dir = releases_with_baseline();
    let text = fs::read_to_string(dir.path().join("baseline.json")).expect("baseline");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 9, "{text}");
    assert_eq!(lines[..3], ["{", "  \"version\": 1,", "  \"findings\": ["]);
    let value: Value = serde_json::from_str(&text).expect("JSON");
    let recorded: Vec<(&str, &str)> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or(""),
                f["rule"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        recorded,
        [
            ("r/a.txt", "spelling/oxford-ize"),
            ("r/a.txt", "wording/secretary-general"),
            ("r/b.txt", "symbol/malformed"),
            ("r/b.txt", "typography/repeated-word"),
        ]
    );
    // Writing it again from the same releases gives the same bytes.
    check(
        dir.path(),
        &[
            "./r/",
            "--format",
            "concise",
            "--write-baseline",
            "again.json",
        ],
    );
    let again = fs::read_to_string(dir.path().join("again.json")).expect("again");
    assert_eq!(again, text);
}

#[test]
fn only_new_findings_are_reported_and_fail_the_run() {
    let dir = releases_with_baseline();
    // Unchanged releases: nothing new, the error of b.txt is known, so the run passes.
    let (code, stdout, stderr) = check(
        dir.path(),
        &["r", "--format", "concise", "--baseline", "baseline.json"],
    );
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert_eq!(
        stderr,
        "Baseline baseline.json: 4 known findings not shown; 0 recorded findings no longer occur.\n"
    );

    fs::write(dir.path().join("r/a.txt"), A_EDITED).expect("edit a.txt");
    let (code, stdout, stderr) = check(
        dir.path(),
        &["./r", "--format", "concise", "--baseline", "baseline.json"],
    );
    assert_eq!(code, 1, "the new error fails the run");
    assert_eq!(
        stdout,
        "r/a.txt:2:1: error[dateline/malformed]: date line `March 4, 2026` should be written `4 March 2026`\n"
    );
    assert_eq!(
        stderr,
        "Baseline baseline.json: 3 known findings not shown; 1 recorded finding no longer occurs \
         (--write-baseline records the findings as they are now).\n"
    );

    // Without the baseline, the moved finding is still there, on its new line.
    let (_, stdout, _) = check(dir.path(), &["r", "--format", "concise"]);
    assert!(
        stdout.contains("r/a.txt:8:5: warning[wording/secretary-general]"),
        "{stdout}"
    );

    // The human summary says the same after its counts.
    let (code, stdout, _) = check(dir.path(), &["r", "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    let tail: Vec<&str> = stdout.lines().rev().take(3).collect();
    assert_eq!(
        tail,
        [
            "Baseline baseline.json: 3 known findings not shown; 1 recorded finding no longer occurs \
             (--write-baseline records the findings as they are now).",
            "Checked with un-en (2 files).",
            "Found 1 error (1 fixable with --fix).",
        ]
    );

    // The JSON report carries the counts in its summary, and still matches its schema.
    let (_, stdout, stderr) = check(
        dir.path(),
        &["r", "--format", "json", "--baseline", "baseline.json"],
    );
    assert_eq!(stderr, "", "the JSON report carries the counts");
    let report: Value = serde_json::from_str(&stdout).expect("JSON report");
    assert_eq!(
        report["summary"],
        serde_json::json!({
            "files": 2, "errors": 1, "warnings": 0, "infos": 0, "fixable": 1, "packs": {"un-en": 2}, "suppressed": 0,
            "baseline": { "file": "baseline.json", "recorded": 4, "known": 3, "gone": 1 }
        })
    );
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report.schema.json"),
        )
        .expect("report schema"),
    )
    .expect("schema JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("schema compiles");
    assert!(validator.is_valid(&report), "{report}");
}

#[test]
fn a_file_left_out_of_the_run_has_no_gone_findings() {
    let dir = releases_with_baseline();
    let (code, stdout, stderr) = check(
        dir.path(),
        &[
            "r/b.txt",
            "--format",
            "concise",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(
        stderr,
        "Baseline baseline.json: 2 known findings not shown; 0 recorded findings no longer occur.\n"
    );
}

#[test]
fn a_broken_or_missing_baseline_is_one_line_and_exit_code_2() {
    let dir = releases_with_baseline();
    fs::write(
        dir.path().join("broken.json"),
        "{\"version\": 1, \"findings\": [",
    )
    .expect("write");
    let cases = [
        (
            "broken.json",
            "error: broken.json: not a presslint baseline: EOF while parsing a list at line 1 column 28\n",
        ),
        (
            "missing.json",
            "error: missing.json: cannot read the baseline: no such file\n",
        ),
        (
            "r",
            "error: r: cannot read the baseline: not a regular file: a directory\n",
        ),
    ];
    for (file, expected) in cases {
        let (code, stdout, stderr) =
            check(dir.path(), &["r", "--format", "json", "--baseline", file]);
        assert_eq!((code, stdout.as_str(), stderr.as_str()), (2, "", expected));
    }
    let (code, _, stderr) = check(
        dir.path(),
        &[
            "r",
            "--baseline",
            "baseline.json",
            "--write-baseline",
            "b.json",
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}
