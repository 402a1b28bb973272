//! The integration point for editors without LSP, as the README documents it: the buffer on
//! stdin, `--stdin-filename` naming where it lives (its configuration is found from there,
//! its extension picks text or JSON), and the versioned JSON report on stdout.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{json, Value};

const RELEASE: &str = include_str!("fixtures/neovim/release.txt");

fn check_buffer(dir: &std::path::Path, name: &str, extra: &[&str]) -> (i32, Value) {
    let output = cargo_bin_cmd!("presslint")
        .current_dir(dir)
        .args(["check", "-", "--stdin-filename", name, "--format", "json"])
        .args(extra)
        .write_stdin(RELEASE)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&output.stdout).expect("a JSON report on stdout");
    (output.status.code().unwrap(), report)
}

#[test]
fn a_buffer_on_stdin_is_checked_as_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("desk")).unwrap();
    std::fs::write(
        dir.path().join("desk/presslint.toml"),
        "ignore = [\"typography\"]\n",
    )
    .unwrap();

    let (code, report) = check_buffer(dir.path(), "desk/draft.txt", &[]);
    assert_eq!(code, 0, "warnings only");
    let file = &report["files"][0];
    assert_eq!(file["path"], "desk/draft.txt");
    assert_eq!(file["error"], Value::Null);
    // Columns count characters (the multi-byte name, the no-break space, 𝐀 and the emoji are
    // one each); spans are byte offsets, which an editor maps back into its buffer.
    assert_eq!(
        file["diagnostics"],
        json!([{
            "rule": "spelling/per-cent",
            "severity": "warning",
            "message": "`percent` should be `per cent`",
            "span": {"start": 265, "end": 272, "line": 8, "column": 66, "end_line": 8, "end_column": 73},
            "labels": [],
            "help": null,
            "fix": {
                "description": "Write `per cent`",
                "applicability": "safe",
                "edits": [{"start": 265, "end": 272, "replacement": "per cent"}]
            }
        }]),
        "the desk's configuration ignores typography"
    );
    assert_eq!(&RELEASE[265..272], "percent");

    // Elsewhere no configuration applies: both findings, and --fail-on makes them fail.
    let (code, report) = check_buffer(dir.path(), "other/draft.txt", &["--fail-on", "warning"]);
    assert_eq!(code, 1);
    let rules: Vec<&Value> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["rule"])
        .collect();
    assert_eq!(
        rules,
        [
            &json!("spelling/per-cent"),
            &json!("typography/repeated-word")
        ]
    );
}
