//! A release written in Markdown (YAML front matter for its header, CommonMark for its body)
//! is checked as the text it shows: the same findings as the plain-text release it stands
//! for, each pointing at the Markdown bytes, and fixes that keep the front matter and the
//! Markdown what they were.

use std::fs;

use assert_cmd::Command;
use presslint::{Diagnostic, Engine, SourceFile, SourceKind};

const FLAWED_TEXT: &str = include_str!("../examples/flawed-release.txt");
const FLAWED_MARKDOWN: &str = include_str!("../examples/formats/flawed-release.md");

fn findings(name: &str, text: &str, kind: SourceKind) -> (SourceFile, Vec<Diagnostic>) {
    let engine = Engine::with_default_pack().unwrap();
    let source = SourceFile::new(name, text, kind);
    let diagnostics = engine.lint(&source).unwrap();
    (source, diagnostics)
}

#[test]
fn the_markdown_example_has_the_findings_of_the_text_example() {
    let (_, text) = findings("r.txt", FLAWED_TEXT, SourceKind::Text);
    let (source, markdown) = findings("r.md", FLAWED_MARKDOWN, SourceKind::Markdown);
    let said = |d: &[Diagnostic]| {
        d.iter()
            // The web page's banner is not part of a Markdown release.
            .filter(|d| d.rule != "page/site-noise")
            .map(|d| (d.rule.clone(), d.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(said(&markdown), said(&text));
    let at = |rule: &str| {
        let d = markdown.iter().find(|d| d.rule == rule).unwrap();
        source.slice(d.span).to_owned()
    };
    assert_eq!(at("symbol/malformed"), "sg/sm/23117");
    assert_eq!(at("dateline/malformed"), "March 12, 2024");
    assert_eq!(at("date/weekday-mismatch"), "Monday, 12 March");
    assert_eq!(at("end-marker/malformed"), "***");
    assert_eq!(
        at("disclaimer/malformed"),
        "For Information Media. Not An Official Record"
    );
}

#[test]
fn fixing_the_markdown_example_keeps_its_front_matter_and_markup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    fs::write(&path, FLAWED_MARKDOWN).unwrap();
    Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "--fix", "r.md"])
        .output()
        .unwrap();
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("\nsymbol: SG/SM/23117\n"), "{fixed}");
    assert!(fixed.contains("\ndate: \"12 March 2024\"\n"), "{fixed}");
    // The end marker is still a line of stars, not escaped text.
    assert!(fixed.contains("\n\n* *** *\n\n"), "{fixed}");
    assert!(fixed.ends_with("For information media. Not an official record.\n"));
    assert!(fixed.contains("**clean water**") && fixed.contains("<!-- Desk note"));
    let (_, left) = findings("r.md", &fixed, SourceKind::Markdown);
    let rules: Vec<&str> = left.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(rules, vec!["date/weekday-mismatch"]);
}

/// The JSON report of `presslint check` on a `.md` release read from stdin, with `extra` args.
fn report_of(text: &str, extra: &[&str]) -> serde_json::Value {
    let out = Command::cargo_bin("presslint")
        .unwrap()
        .args(["check", "--format", "json"])
        .args(extra)
        .args(["--stdin-filename", "r.md", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `(rule, line, column)` of each finding of `presslint check --format json` on a `.md` stdin.
fn reported(text: &str) -> Vec<(String, u64, u64)> {
    let report = report_of(text, &[]);
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

const CLEAN_HEAD: &str = "---\nsymbol: SG/SM/23120\ndate: 2024-03-15\n\
    title: Secretary-General Welcomes Agreement on Shared Fisheries\n---\n\n";
const CLEAN_FOOT: &str = "\n* *** *\n\nFor information media. Not an official record.\n";

#[test]
fn suppression_comments_work_in_markdown() {
    let text = format!(
        "{CLEAN_HEAD}<!-- presslint-disable-next-line typography/repeated-word -- quoted as signed -->\n\
         The the agreement, quoted as signed, will guide the fleets.\n\n\
         <!-- presslint-disable-next-line typography/repeated-word -- nothing left to silence -->\n\
         The fleets will share their catch data.\n{CLEAN_FOOT}"
    );
    assert_eq!(
        reported(&text),
        [("suppression/unused".to_owned(), 10, 1)],
        "{text}"
    );
}

#[test]
fn front_matter_errors_point_at_the_key_or_the_value() {
    let text = format!(
        "---\nsymbol: SG/SM/23120\ndate: 2024-03-15\ntitle: Secretary-General Welcomes Agreement\n\
         author: Desk\nlanguage: de\n---\n\nThe agreement will guide the fleets.\n{CLEAN_FOOT}"
    );
    let found = reported(&text);
    assert!(
        found.contains(&("schema/additional-properties".to_owned(), 5, 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("schema/enum".to_owned(), 6, 11)),
        "{found:?}"
    );
}

#[test]
fn toml_front_matter_and_parse_spans_point_into_the_file() {
    let text = "+++\nsymbol = \"SG/SM/23120\"\ndate = \"15 March 2024\"\n\
        title = \"Secretary-General Welcomes Agreement on Shared Fisheries\"\n+++\n\n\
        The agreement will guide the fleets.\n\n* *** *\n\nFor information media. Not an official record.\n";
    assert_eq!(reported(text), []);
    let out = Command::cargo_bin("presslint")
        .unwrap()
        .args(["parse", "--stdin-filename", "r.md", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["format"], "markdown");
    let span = |v: &serde_json::Value| {
        let (a, b) = (
            v["span"]["start"].as_u64().unwrap() as usize,
            v["span"]["end"].as_u64().unwrap() as usize,
        );
        &text[a..b]
    };
    assert_eq!(span(&model["symbols"][0]), "SG/SM/23120");
    assert_eq!(span(&model["date_line"]), "15 March 2024");
    assert_eq!(
        span(&model["headlines"][0]),
        "Secretary-General Welcomes Agreement on Shared Fisheries"
    );
}

#[test]
fn the_front_matter_language_chooses_the_pack() {
    let text = "---\nsymbol: SG/SM/23120\ndate: 2024-03-15\nlanguage: fr\n\
        title: Le Secrétaire général salue l’accord\n---\n\nOK.\n\n* *** *\n\n\
        À l’intention des organes d’information. Document non officiel.\n";
    let report = report_of(text, &[]);
    assert_eq!(report["files"][0]["pack"], "un-fr");
    assert_eq!(report["files"][0]["diagnostics"], serde_json::json!([]));
    // Pinned, the pack stays the one named.
    let report = report_of(text, &["--pack", "un-en"]);
    assert_eq!(report["files"][0]["pack"], "un-en");
}
