//! The right pack by itself: with no pack pinned, each file is checked with the embedded
//! pack of its language, and the chosen pack shows in every output format; pinning a pack
//! (`--pack`, or `pack =` in `presslint.toml`) keeps one pack for every file.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const FRENCH: &str = "tests/fixtures/precision/fr/2010-conseil-de-securite.txt";
const ENGLISH: &str = "examples/clean-release.txt";

/// A folder mixing an English and a French release, as `en.txt` and `fr.txt`.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(ENGLISH, dir.path().join("en.txt")).unwrap();
    std::fs::copy(FRENCH, dir.path().join("fr.txt")).unwrap();
    dir
}

fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["en.txt", "fr.txt"])
        .output()
        .unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&check(dir, &all).stdout).unwrap()
}

/// `(path, pack, rule ids)` of each file entry.
fn files(report: &Value) -> Vec<(String, String, Vec<String>)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let rules = file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["rule"].as_str().unwrap().to_owned())
                .collect();
            let pack = file["pack"].as_str().unwrap().to_owned();
            (file["path"].as_str().unwrap().to_owned(), pack, rules)
        })
        .collect()
}

#[test]
fn each_file_is_checked_with_the_pack_of_its_language() {
    let dir = mixed_folder();
    let report = json(dir.path(), &[]);
    assert_eq!(
        files(&report),
        [
            ("en.txt".into(), "un-en".into(), vec![]),
            ("fr.txt".into(), "un-fr".into(), vec![]),
        ]
    );
    assert_eq!(
        report["summary"]["packs"],
        serde_json::json!({"un-en": 1, "un-fr": 1})
    );
}

#[test]
fn a_pinned_pack_checks_every_file_and_notes_the_foreign_one() {
    let dir = mixed_folder();
    let note = vec!["page/wrong-pack".to_owned()];
    let expected = [
        ("en.txt".into(), "un-en".into(), vec![]),
        ("fr.txt".into(), "un-en".into(), note),
    ];
    assert_eq!(files(&json(dir.path(), &["--pack", "un-en"])), expected);
    std::fs::write(dir.path().join("presslint.toml"), "pack = \"un-en\"\n").unwrap();
    assert_eq!(files(&json(dir.path(), &[])), expected);
    // `--pack` wins over the file, as before.
    let report = json(dir.path(), &["--pack", "un-fr"]);
    let packs: Vec<String> = files(&report).into_iter().map(|f| f.1).collect();
    assert_eq!(packs, ["un-fr", "un-fr"]);
}

#[test]
fn the_human_summary_and_sarif_name_the_packs() {
    let dir = mixed_folder();
    let output = check(dir.path(), &[]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "All checks passed.\nChecked with un-en (1 file), un-fr (1 file).\n"
    );
    // English only: the pack chosen is named too.
    let english = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "en.txt"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(english.stdout).unwrap(),
        "All checks passed.\nChecked with un-en (1 file).\n"
    );
    // A pinned default pack: as before, nothing to add.
    let pinned = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--pack", "un-en", "en.txt"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(pinned.stdout).unwrap(),
        "All checks passed.\n"
    );

    // A French finding in SARIF: the result names its pack, the run counts them.
    let flawed = std::fs::read_to_string(FRENCH)
        .unwrap()
        .replace("*   ***   *\n", "");
    std::fs::write(dir.path().join("fr.txt"), flawed).unwrap();
    let sarif: Value =
        serde_json::from_slice(&check(dir.path(), &["--format", "sarif"]).stdout).unwrap();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:#?}");
    assert_eq!(results[0]["ruleId"], "end-marker/missing");
    assert_eq!(results[0]["properties"]["pack"], "un-fr");
    assert_eq!(
        run["properties"]["packs"],
        serde_json::json!({"un-en": 1, "un-fr": 1})
    );
}

#[test]
fn selectors_may_name_a_rule_of_any_pack_that_can_be_chosen() {
    let dir = mixed_folder();
    let unknown = check(dir.path(), &["--select", "nonsense/rule"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(unknown.stderr).unwrap(),
        "error: --select: unknown rule or group `nonsense/rule` for pack `un-en` or `un-fr` (`presslint rules` lists them)\n"
    );
    let pinned = check(
        dir.path(),
        &["--pack", "un-en", "--select", "nonsense/rule"],
    );
    assert!(String::from_utf8(pinned.stderr)
        .unwrap()
        .contains("for pack `un-en` ("));
}
