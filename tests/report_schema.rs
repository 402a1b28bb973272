//! Real `--format json` and `--format sarif` output validated against their schemas: ours
//! (`schemas/report.schema.json`) and SARIF 2.1.0 (read from `../shared/third-party/`).

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use tempfile::TempDir;

#[path = "support/shared.rs"]
mod shared;

const CLEAN: &str = "\
SG/SM/20002
4 March 2026

Deputy Secretary-General Opens Forum on Coastal Resilience

Following is the message of UN Deputy Secretary-General to the Forum on Coastal Resilience, delivered in Apia on 3 March:

Coastal communities are on the front line of a changing climate.

Their knowledge must guide the investments we make together.

* *** *

For information media. Not an official record.
";

/// Lines of a release with its footer missing and a malformed symbol.
const FLAWED: &str = "\
sg/sm/20003
5 March 2026

Secretary-General Calls for Renewed Effort on Road Safety

Road traffic injuries remain a leading cause of death for young people.
";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A directory of releases: clean, flawed, a schema error in a JSON input, and bad files.
fn releases() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    let files: [(&str, &[u8]); 5] = [
        ("a-clean.txt", CLEAN.as_bytes()),
        ("b-flawed.txt", FLAWED.as_bytes()),
        ("c-bogus.json", b"{\"bogus\": [1, 2]}"),
        ("d-binary.txt", b"\0\x01"),
        ("e-not-json.json", b"{\"symbols\": "),
    ];
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

fn output(dir: &Path, format: &str, files: &[&str]) -> (i32, Value) {
    let out = cargo_bin_cmd!("presslint")
        .current_dir(dir)
        .args(["check", "--format", format])
        .args(files)
        .output()
        .expect("run presslint");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (out.status.code().unwrap_or(-1), value)
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{value:#}");
}

#[test]
fn json_reports_match_the_report_schema() {
    let schema = load(&manifest().join("schemas/report.schema.json"));
    let validator = jsonschema::draft202012::new(&schema).expect("report schema compiles");
    let dir = releases();
    let runs: [(&[&str], i32); 4] = [
        (&["a-clean.txt"], 0),
        (&["a-clean.txt", "b-flawed.txt"], 1),
        (&["c-bogus.json"], 1),
        (&["."], 2),
    ];
    for (files, code) in runs {
        let (actual, report) = output(dir.path(), "json", files);
        assert_eq!(actual, code, "{files:?}: {report:#}");
        assert_valid(&validator, &report);
    }
    let (_, report) = output(dir.path(), "json", &["."]);
    assert_eq!(
        report["files"][3]["error"],
        "binary file (NUL byte at offset 0)"
    );
    assert_eq!(report["summary"]["files"], 5);
}

#[test]
fn the_report_schema_rejects_what_the_contract_forbids() {
    let schema = load(&manifest().join("schemas/report.schema.json"));
    let validator = jsonschema::draft202012::new(&schema).expect("report schema compiles");
    let dir = releases();
    let (_, mut report) = output(dir.path(), "json", &["c-bogus.json"]);
    report["files"][0]["diagnostics"][0]["extra"] = Value::Bool(true);
    assert!(!validator.is_valid(&report));
    let (_, mut report) = output(dir.path(), "json", &["c-bogus.json"]);
    report["files"][0]["diagnostics"][0]["span"]["line"] = Value::from(0);
    assert!(!validator.is_valid(&report));
}

#[test]
fn sarif_output_matches_the_sarif_2_1_0_schema() {
    let Some(path) = shared::shared_file("third-party/sarif-schema-2.1.0.json") else {
        return;
    };
    let schema = load(&path);
    let validator = jsonschema::draft4::new(&schema).expect("SARIF schema compiles");
    let dir = releases();
    for files in [&["a-clean.txt"][..], &["."][..]] {
        let (_, log) = output(dir.path(), "sarif", files);
        assert_valid(&validator, &log);
        assert_eq!(log["version"], "2.1.0");
    }
    let (code, log) = output(dir.path(), "sarif", &["c-bogus.json", "d-binary.txt"]);
    assert_eq!(code, 2);
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
        "d-binary.txt: binary file (NUL byte at offset 0)"
    );
    let result = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "schema/additional-properties")
        .expect("a schema result");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "c-bogus.json"
    );
    let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "schema/additional-properties"
    );
}

/// Suppressed findings keep both contracts: the JSON report's `suppressed` entries and
/// SARIF's in-source suppressions.
#[test]
fn suppressed_findings_match_both_schemas() {
    let examples = manifest().join("examples/formats");
    let (_, report) = output(&examples, "json", &["suppressed-release.html"]);
    assert_eq!(report["summary"]["suppressed"], 1);
    let schema = load(&manifest().join("schemas/report.schema.json"));
    let validator = jsonschema::draft202012::new(&schema).expect("report schema compiles");
    assert_valid(&validator, &report);
    let Some(path) = shared::shared_file("third-party/sarif-schema-2.1.0.json") else {
        return;
    };
    let validator = jsonschema::draft4::new(&load(&path)).expect("SARIF schema compiles");
    let (_, log) = output(&examples, "sarif", &["suppressed-release.html"]);
    assert_valid(&validator, &log);
    let suppressed: Vec<&Value> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.get("suppressions"))
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0][0]["kind"], "inSource");
}
