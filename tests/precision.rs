//! Precision of the English pack: every genuine English release and every English precision
//! fixture lints with no error and with no warning beyond those named here, file by file.
//! A new rule that fires on a genuine text is a bug in the rule, not in the fixture.

use std::path::{Path, PathBuf};

use presslint::{Engine, Severity, SourceFile, SourceKind};

#[path = "support/shared.rs"]
mod shared;

/// Findings (other than `info`) that a file is expected to give: `(file, rule ids)`. None:
/// old numeric and stamp headers get `dateline/numeric` as a note (`info`), their era's
/// genuine form, which `numeric_headers_get_a_note` checks.
const EXPECTED: &[(&str, &[&str])] = &[];

/// The genuine releases whose header date is numeric or a stamp: each gets the note.
const NUMERIC_HEADERS: &[&str] = &[
    "1996-geneva-dateline.txt",
    "1997-stamp-glued-allcaps.txt",
    "1998-allcaps-page-title-two-copies.txt",
    "2003-numeric-date.txt",
    "1995-allcaps-assembly-stamp.txt",
];

fn dir(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The English `.txt` releases of a fixture directory (`fr-*` files belong to the French pack).
fn english_releases(relative: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".txt") && !name.starts_with("fr-")
        })
        .collect();
    files.sort();
    files
}

/// `(rule, line, column)` of every finding at warning or above, and the info rule ids.
fn lint(engine: &Engine, name: &str, text: String) -> (Vec<(String, usize, usize)>, Vec<String>) {
    let source = SourceFile::new(name, text, SourceKind::Text);
    let found = engine
        .lint(&source)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut loud = Vec::new();
    let mut infos = Vec::new();
    for d in found {
        if d.severity == Severity::Info {
            infos.push(d.rule);
            continue;
        }
        let p = source.position(d.span.start);
        loud.push((d.rule, p.line, p.column));
    }
    (loud, infos)
}

#[test]
fn genuine_english_releases_give_only_their_expected_findings() {
    let engine = Engine::with_default_pack().unwrap_or_else(|e| panic!("{e}"));
    let mut files = english_releases("tests/fixtures/genuine");
    files.extend(english_releases("tests/fixtures/precision/en"));
    assert!(files.len() >= 20, "{files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (loud, _) = lint(&engine, name, text);
        let got: Vec<&str> = loud.iter().map(|(rule, _, _)| rule.as_str()).collect();
        let expected = EXPECTED
            .iter()
            .find(|(file, _)| *file == name)
            .map_or(&[][..], |(_, rules)| *rules);
        if got != expected {
            failures.push(format!("{name}: expected {expected:?}, got {loud:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn numeric_headers_get_a_note() {
    let engine = Engine::with_default_pack().unwrap_or_else(|e| panic!("{e}"));
    let mut files = english_releases("tests/fixtures/genuine");
    files.extend(english_releases("tests/fixtures/precision/en"));
    for name in NUMERIC_HEADERS {
        let path = files
            .iter()
            .find(|p| p.file_name().and_then(|n| n.to_str()) == Some(name))
            .unwrap_or_else(|| panic!("{name} is a fixture"));
        let text = std::fs::read_to_string(path).unwrap();
        let (_, infos) = lint(&engine, name, text);
        assert!(
            infos.iter().any(|r| r == "dateline/numeric"),
            "{name}: {infos:?}"
        );
    }
}

/// The seed release (a real published page): no warning, only the site banner as info.
#[test]
fn the_seed_gives_only_its_site_noise_info() {
    let Some(path) = shared::shared_file("seeds/000_09fa6fb60c717af9.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("the seed reads");
    let engine = Engine::with_default_pack().unwrap_or_else(|e| panic!("{e}"));
    let (loud, infos) = lint(&engine, "seed.txt", text);
    assert_eq!(loud, Vec::<(String, usize, usize)>::new());
    assert_eq!(infos, vec!["page/site-noise".to_owned()]);
}

/// Wording rules leave a speaker's words as spoken: the same word is reported outside a
/// quotation and not inside one.
#[test]
fn wording_rules_skip_direct_quotations() {
    let engine = Engine::with_default_pack().unwrap_or_else(|e| panic!("{e}"));
    let text = "SG/SM/13017\n19 July 2010\n\nSecretary-General Welcomes Forum\n\n\
                “We will organise,” she said. and “we organise too,” he said. Others organise.\n\n\
                * *** *\n\nFor information media. Not an official record.\n";
    let (loud, _) = lint(&engine, "quoted.txt", text.to_owned());
    assert_eq!(loud, vec![("spelling/oxford-ize".to_owned(), 6, 70)]);
}
