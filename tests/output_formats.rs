//! One invented release with a finding of every severity (error, warning, info) and fixes,
//! reported in every output format and pinned by a snapshot: a change to any renderer shows
//! as a diff to review (`cargo insta review`). Run from the fixture's folder with a relative
//! path, without colour, so that the output is the same on every machine.

use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

/// The report of `presslint check --format FORMAT release.txt`, checking the exit code (1:
/// the release has an error).
fn report(format: &str) -> String {
    let out = cargo_bin_cmd!("presslint")
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report"))
        .args([
            "check",
            "--color",
            "never",
            "--format",
            format,
            "release.txt",
        ])
        .output()
        .expect("run presslint");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A JSON report with the tool's version replaced, so that a release of the crate does not
/// change the snapshot.
fn json_report(format: &str) -> Value {
    let mut value: Value = serde_json::from_str(&report(format)).expect("JSON output");
    let versions = [
        "/tool/version",
        "/runs/0/tool/driver/version",
        "/runs/0/tool/driver/semanticVersion",
    ];
    for pointer in versions {
        if let Some(version) = value.pointer_mut(pointer) {
            *version = Value::from("[version]");
        }
    }
    value
}

#[test]
fn human() {
    let report = report("human");
    let severities = ["error[", "warning[", "note["];
    assert!(severities.iter().all(|s| report.contains(s)), "{report}");
    insta::assert_snapshot!(report);
}

#[test]
fn concise() {
    insta::assert_snapshot!(report("concise"));
}

#[test]
fn json() {
    insta::assert_snapshot!(serde_json::to_string_pretty(&json_report("json")).unwrap());
}

/// `presslint explain RULE`, run where the reports are.
fn explain(rule: &str) -> String {
    let out = cargo_bin_cmd!("presslint")
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report"))
        .args(["explain", rule])
        .output()
        .expect("run presslint");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The SARIF log lists every rule of the pack; the snapshot keeps the rules the results
/// point to (each `ruleIndex` checked against its `ruleId` first), so that a rule added to
/// the pack does not change it. Every rule's help is its `explain` page (checked here for
/// the rules kept, in text; the Markdown is the same page, checked in the library) and its
/// `helpUri` the rule's anchor in docs/rules.md.
#[test]
fn sarif() {
    let mut log = json_report("sarif");
    let mut rules = log["runs"][0]["tool"]["driver"]["rules"].take();
    for rule in rules.as_array_mut().expect("rules") {
        let id = rule["id"].as_str().expect("id").to_owned();
        assert_eq!(rule["helpUri"], presslint::rules::help_uri(&id).as_str());
        let markdown = rule["help"]["markdown"].as_str().expect("markdown");
        assert!(markdown.contains("**Why**"), "{id}: {markdown}");
    }
    let mut kept = Vec::new();
    for result in log["runs"][0]["results"].as_array_mut().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        result["ruleIndex"] = Value::from("[checked]");
        let mut rule = rules[index].clone();
        let id = rule["id"].as_str().expect("id").to_owned();
        assert_eq!(rule["help"]["text"], explain(&id).as_str(), "{id}");
        rule["help"] = Value::from("[checked: the explain page, as text and Markdown]");
        kept.push(rule);
    }
    log["runs"][0]["tool"]["driver"]["rules"] = Value::Array(kept);
    insta::assert_snapshot!(serde_json::to_string_pretty(&log).unwrap());
}

#[test]
fn github() {
    insta::assert_snapshot!(report("github"));
}

#[test]
fn rdjson() {
    insta::assert_snapshot!(report("rdjson"));
}

#[test]
fn gitlab() {
    insta::assert_snapshot!(report("gitlab"));
}
