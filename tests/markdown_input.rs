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
