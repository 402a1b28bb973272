//! The two editions of a release against each other: `presslint check en/ fr/` pairs the
//! English and French editions by symbol (series mapped: `CS/` is `SC/`), reports where they
//! disagree on the edition met second with a place in the other file, and, with
//! `--require-pairs`, an edition whose partner is not among the files.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// The clean English and French editions of one invented release: the `ok` example and the
/// `partner` of the `pair/date-line` rule of `un-en`.
fn editions() -> (String, String) {
    let rule: toml::Table =
        toml::from_str(&std::fs::read_to_string("rules/un-en/pair/date-line.toml").unwrap())
            .unwrap();
    let ok = rule["examples"].as_array().unwrap()[1]["ok"]
        .as_str()
        .unwrap();
    (ok.to_owned(), rule["partner"].as_str().unwrap().to_owned())
}

/// `en/` and `fr/` folders holding the two editions, the French one edited by `french`.
fn desk(french: impl Fn(&str) -> String) -> tempfile::TempDir {
    let (english, french_text) = editions();
    let dir = tempfile::tempdir().unwrap();
    for sub in ["en", "fr"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    std::fs::write(dir.path().join("en/sc16021.txt"), english).unwrap();
    std::fs::write(dir.path().join("fr/cs16021.txt"), french(&french_text)).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--no-config"])
        .args(args)
        .output()
        .unwrap()
}

fn concise(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["--format", "concise"];
    all.extend_from_slice(args);
    String::from_utf8(run(dir, &all).stdout).unwrap()
}

#[test]
fn editions_that_agree_give_nothing() {
    let dir = desk(str::to_owned);
    assert_eq!(concise(dir.path(), &["en", "fr"]), "");
}

#[test]
fn a_disagreement_sits_on_the_edition_met_second_with_a_place_in_the_other() {
    let dir = desk(|text| {
        text.replace("19 juillet 2024", "20 juillet 2024")
            .replace(
                "résolution 2741 (2024), adoptée",
                "résolution 2714 (2024), adoptée",
            )
            .replace("CS/16021\n", "CS/16021-AFR/3127\n")
    });
    assert_eq!(
        concise(dir.path(), &["en", "fr"]),
        "fr/cs16021.txt:1:1: warning[pair/symbols]: the symbols `AFR/3127, SC/16021` differ from the other edition's `SC/16021` (en/sc16021.txt:1:1)\n\
         fr/cs16021.txt:2:1: warning[pair/date-line]: the date line `20 juillet 2024` is not the other edition's `19 July 2024` (en/sc16021.txt:2:1)\n\
         fr/cs16021.txt:7:82: warning[pair/headline-numbers]: the headline's `2714 (2024)` is not the other edition's `2741 (2024)` (en/sc16021.txt:7:76)\n"
    );
    // The other order: the English edition is met second and carries the findings.
    let reversed = concise(dir.path(), &["fr", "en"]);
    assert!(
        reversed.starts_with("en/sc16021.txt:1:1: warning[pair/symbols]: the symbols `SC/16021` differ from the other edition's `AFR/3127, SC/16021` (fr/cs16021.txt:1:1)\n"),
        "{reversed}"
    );
    // JSON carries the place in the other file; SARIF a related location there.
    let json: Value =
        serde_json::from_slice(&run(dir.path(), &["--format", "json", "en", "fr"]).stdout).unwrap();
    let date = &json["files"][1]["diagnostics"][1];
    assert_eq!(date["rule"], "pair/date-line");
    assert_eq!(
        date["related"],
        serde_json::json!([{"path": "en/sc16021.txt", "start": 9, "end": 21, "line": 2, "column": 1,
                            "message": "the other edition says `19 July 2024`"}])
    );
    let sarif: Value =
        serde_json::from_slice(&run(dir.path(), &["--format", "sarif", "en", "fr"]).stdout)
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let location = &results[1]["relatedLocations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "en/sc16021.txt");
    assert_eq!(location["region"]["startLine"], 2);
    // The human report names the other file under the finding.
    let human = String::from_utf8(run(dir.path(), &["en", "fr"]).stdout).unwrap();
    assert!(
        human.contains("= note: en/sc16021.txt:2:1: the other edition says `19 July 2024`"),
        "{human}"
    );
}

#[test]
fn a_day_of_the_first_paragraph_is_compared_only_when_it_contradicts() {
    // Another day of the same month, where the English edition names 31 July.
    let dir = desk(|text| text.replace("jusqu’au 31 juillet 2025", "jusqu’au 30 juillet 2025"));
    assert_eq!(
        concise(dir.path(), &["en", "fr"]),
        "fr/cs16021.txt:9:65: warning[pair/intro-dates]: `30 juillet 2025` in the first paragraph is not the other edition's `31 July 2025` (en/sc16021.txt:9:50)\n"
    );
    // A background day of another month, on one side only: normal editing.
    let dir = desk(|text| text.replace("ce matin, de", "ce matin, après sa visite du 12 mars, de"));
    assert_eq!(concise(dir.path(), &["en", "fr"]), "");
}

#[test]
fn a_lone_edition_is_reported_only_when_pairs_are_required() {
    let dir = desk(str::to_owned);
    let (english, _) = editions();
    std::fs::write(
        dir.path().join("en/sc16022.txt"),
        english.replace("SC/16021", "SC/16022"),
    )
    .unwrap();
    assert_eq!(concise(dir.path(), &["en", "fr"]), "");
    let required = run(
        dir.path(),
        &["--format", "concise", "--require-pairs", "en", "fr"],
    );
    assert_eq!(
        String::from_utf8(required.stdout).unwrap(),
        "en/sc16022.txt:1:1: warning[pair/missing-edition]: no edition of `SC/16022` in the other language among the files checked\n"
    );
    assert_eq!(
        required.status.code(),
        Some(0),
        "a warning does not fail the run"
    );
}

#[test]
fn a_pinned_pack_checks_no_pairs() {
    let dir = desk(|text| text.replace("19 juillet 2024", "20 juillet 2024"));
    let pinned = concise(
        dir.path(),
        &["--pack", "un-fr", "--select", "pair", "en", "fr"],
    );
    assert_eq!(pinned, "");
}
