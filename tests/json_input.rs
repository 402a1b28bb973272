//! A release exported as JSON (the form `presslint parse` prints, as a CMS would export it)
//! is validated and checked like text: same rules, spans pointing into the JSON file, fixes
//! that keep it valid JSON, schema errors located by instance path.

use std::fs;

use assert_cmd::Command;
use presslint::{Engine, SourceFile, SourceKind};

const FLAWED: &str = include_str!("../examples/flawed-release.txt");

fn presslint(dir: &std::path::Path) -> Command {
    let mut command = Command::cargo_bin("presslint").expect("binary");
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

#[test]
fn a_parsed_release_exported_as_json_gives_the_same_findings_on_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), FLAWED).unwrap();
    let parsed = presslint(dir.path())
        .args(["parse", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(parsed.status.code(), Some(0));
    let json = String::from_utf8(parsed.stdout).unwrap();

    let engine = Engine::with_default_pack().unwrap();
    let text_source = SourceFile::new("r.txt", FLAWED, SourceKind::Text);
    let json_source = SourceFile::new("r.json", json.clone(), SourceKind::Json);
    let from_text = engine.lint(&text_source).unwrap();
    let from_json = engine.lint(&json_source).unwrap();
    let rules = |d: &[presslint::Diagnostic]| d.iter().map(|d| d.rule.clone()).collect::<Vec<_>>();
    assert_eq!(rules(&from_json), rules(&from_text));
    // Each finding points at the same words, now inside the JSON file.
    for (t, j) in from_text.iter().zip(&from_json) {
        assert_eq!(
            json_source.slice(j.span),
            text_source.slice(t.span),
            "{}",
            t.rule
        );
    }
    let symbol = from_json
        .iter()
        .find(|d| d.rule == "symbol/malformed")
        .unwrap();
    let p = json_source.position(symbol.span.start);
    assert_eq!((p.line, p.column), (16, 16));
}

#[test]
fn fixing_a_json_release_keeps_it_json_and_withdraws_fixes_that_would_break_it() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{
  "symbols": [{"text": "sg/sm/23117"}],
  "date_line": {"text": "March 12, 2024"},
  "headlines": [{"text": "Secretary-General Calls for \"Blue\" Wetlands"}],
  "body": [{"text": "Coastal wetlands shelter our shores."}],
  "end_marker": {"text": "***"}
}
"#;
    fs::write(dir.path().join("r.json"), json).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "r.json"])
        .output()
        .unwrap();
    let written = fs::read_to_string(dir.path().join("r.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&written).expect("still JSON");
    assert_eq!(value["symbols"][0]["text"], "SG/SM/23117");
    assert_eq!(value["date_line"]["text"], "12 March 2024");
    assert_eq!(value["end_marker"]["text"], "* *** *");
    // The missing disclaimer cannot be inserted into JSON text: reported, not fixed.
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "r.json:7:1: error[disclaimer/missing]: the release has no disclaimer; expected `For information media. Not an official record.`\n\
         Fixed 3 problems (1 remaining).\n"
    );
}

#[test]
fn schema_errors_in_a_json_release_point_at_the_offending_value() {
    let dir = tempfile::tempdir().unwrap();
    let json = "{\n  \"symbols\": [{\"text\": \"SG/SM/1\"}],\n  \"headlines\": [{\"text\": 42}],\n  \"colour\": \"blue\"\n}\n";
    fs::write(dir.path().join("r.json"), json).unwrap();
    let output = presslint(dir.path())
        .args([
            "check",
            "--format",
            "concise",
            "--fail-on",
            "error",
            "r.json",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let schema_lines: Vec<&str> = stdout.lines().filter(|l| l.contains("[schema/")).collect();
    assert_eq!(
        schema_lines,
        [
            "r.json:3:26: error[schema/type]: `/headlines/0/text`: 42 is not of type \"string\"",
            "r.json:4:3: error[schema/additional-properties]: `/`: additional properties are not allowed ('colour' was unexpected)",
        ]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn json_that_is_not_json_is_a_one_line_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.json"), "{\"symbols\": [\n").unwrap();
    fs::write(dir.path().join("ok.txt"), FLAWED).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--format", "concise", "bad.json", "ok.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: bad.json: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("ok.txt:3:1: error[symbol/malformed]"));
}

#[test]
fn fixes_that_write_quotes_into_a_json_string_escape_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"symbols": [{"text": "SG/SM/1"}], "date_line": {"text": "19 July 2010"},
 "headlines": [{"text": "Secretary-General Welcomes Talks"}],
 "body": [{"text": "He said \"we will\" and “we can” and \"we must\"."}],
 "end_marker": {"text": "* *** *"},
 "disclaimers": [{"text": "For information media. Not an official record."}]}
"#;
    fs::write(dir.path().join("q.json"), json).unwrap();
    let output = presslint(dir.path())
        .args(["check", "--fix", "--format", "concise", "q.json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("q.json")).unwrap()).unwrap();
    assert_eq!(
        value["body"][0]["text"],
        "He said \"we will\" and \"we can\" and \"we must\"."
    );
}
