//! Packs of one's own: loading a pack directory and `extend-rules` directories from disk
//! (`Pack::load`, `Config::load_pack`), the errors a broken rule file gives, and the worked
//! example `examples/packs/acme-en` checking its own releases.

use std::path::{Path, PathBuf};

use presslint::config::Config;
use presslint::rules::Pack;
use presslint::{Engine, SourceFile, SourceKind};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn acme() -> Pack {
    Pack::load("examples/packs/acme-en", &root()).unwrap_or_else(|e| panic!("{e}"))
}

/// `(rule, line, column)` of every diagnostic of `text` under `pack`.
fn lint(pack: Pack, text: &str) -> Vec<(String, usize, usize)> {
    let engine = Engine::new(pack).unwrap_or_else(|e| panic!("{e}"));
    let source = SourceFile::new("r.txt", text, SourceKind::Text);
    let found = engine.lint(&source).unwrap_or_else(|e| panic!("{e}"));
    found
        .iter()
        .map(|d| {
            let p = source.position(d.span.start);
            (d.rule.clone(), p.line, p.column)
        })
        .collect()
}

fn example_release() -> String {
    std::fs::read_to_string(root().join("examples/packs/acme-en/example-release.txt"))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_worked_example_pack_has_its_metadata_and_data() {
    let pack = acme();
    assert_eq!(pack.name, "acme-en");
    assert_eq!(pack.language, "en");
    assert!(pack.description.starts_with("ACME Environment Programme"));
    assert_eq!(
        pack.data
            .series
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        vec!["AEP/BR", "AEP/PR", "AEP/SM", "AEP/ST"]
    );
    assert_eq!(
        pack.data.lists.get("disclaimers").map(Vec::as_slice),
        Some(&["For media use only. Not an official ACME document.".to_owned()][..])
    );
}

#[test]
fn the_example_release_is_clean_under_its_pack() {
    assert_eq!(lint(acme(), &example_release()), vec![]);
}

#[test]
fn the_un_disclaimer_and_a_un_symbol_are_wrong_for_acme() {
    let text = example_release()
        .replace("AEP/PR/112", "SG/SM/13017")
        .replace(
            "For media use only. Not an official ACME document.",
            "For information media. Not an official record.",
        );
    assert_eq!(
        lint(acme(), &text),
        vec![
            ("symbol/unknown-series".to_owned(), 1, 1),
            ("disclaimer/malformed".to_owned(), 12, 1),
        ]
    );
    // And the ACME release under the UN pack: its series is unknown there and its
    // disclaimer is not one; its `* *** *` is still the end marker.
    let un = Pack::embedded("un-en").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        lint(un, &example_release()),
        vec![
            ("symbol/unknown-series".to_owned(), 1, 1),
            ("disclaimer/missing".to_owned(), 12, 51),
        ]
    );
}

#[test]
fn a_missing_acme_disclaimer_is_inserted_from_the_pack_data() {
    let text =
        example_release().replace("\n\nFor media use only. Not an official ACME document.", "");
    let engine = Engine::new(acme()).unwrap_or_else(|e| panic!("{e}"));
    let source = SourceFile::new("r.txt", text.clone(), SourceKind::Text);
    let found = engine.lint(&source).unwrap_or_else(|e| panic!("{e}"));
    let fixes: Vec<_> = found.iter().filter_map(|d| d.fix.as_ref()).collect();
    assert_eq!(
        found.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
        vec!["disclaimer/missing"]
    );
    assert_eq!(presslint::fix::apply(&text, &fixes).0, example_release());
}

/// Writes `files` (`(relative path, text)`) under a new temporary directory.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, text) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(full, text).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

const PACK_TOML: &str = "name = \"mini\"\ndescription = \"test\"\nlanguage = \"en\"\n";

const RULE: &str = r#"kind = "forbid"
scope = "text"
severity = "warning"
summary = "Say Secretary-General"
message = "`{found}` should be `{expected}`"
why = "The title is hyphenated."
pattern = "Secretary General"
replacement = "Secretary-General"
"#;

/// The error of loading `rule` as `wording/sg.toml` in a pack on disk, path made relative.
fn load_error(rule: &str) -> String {
    let dir = tree(&[("pack.toml", PACK_TOML), ("wording/sg.toml", rule)]);
    let error = Pack::load(".", dir.path()).err().map(|e| e.to_string());
    let shown = error.unwrap_or_else(|| panic!("loaded"));
    let prefix = format!("{}/", dir.path().join(".").display());
    shown.strip_prefix(&prefix).unwrap_or(&shown).to_owned()
}

#[test]
fn broken_rule_files_on_disk_name_the_file_and_line() {
    assert_eq!(
        load_error(&RULE.replace("pattern =", "patern =")),
        "wording/sg.toml:7: unknown key `patern`"
    );
    assert_eq!(
        load_error(&RULE.replace("\"Secretary General\"", "\"Secretary (General\"")),
        "wording/sg.toml:7: bad regex in `pattern`: unclosed group"
    );
    assert_eq!(
        load_error(&RULE.replace("\"forbid\"", "\"forbidden\"")),
        "wording/sg.toml:1: unknown kind `forbidden` (expected one of: require, forbid, format, agree, position, symbol, date, substitute, repeat, language, quotes, title-case, dated-name, running-date, pair, suppression)"
    );
    assert_eq!(
        load_error(&format!("{RULE}allowed = [\"@nope\"]\n").replace("kind = \"forbid\"", "kind = \"format\"").replace("pattern = \"Secretary General\"\nreplacement = \"Secretary-General\"\n", "")),
        "wording/sg.toml:7: `allowed` names `@nope`, but `data/house.toml` has no such list (it has: none)"
    );
}

#[test]
fn an_unknown_pack_names_the_embedded_ones_and_the_path() {
    let error = Pack::load("un-xx", Path::new("/nowhere"))
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("no rule pack `un-xx`: not an embedded pack (un-en, un-fr) and no directory `/nowhere/un-xx`")
    );
}

#[test]
fn extend_rules_add_rule_files_to_the_selected_pack() {
    let extra = tree(&[("wording/sg.toml", RULE)]);
    let pack = Pack::load_extended("un-en", Path::new(""), &[extra.path().to_owned()])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(pack.rule("wording/sg").is_some());
    assert!(pack.rule("symbol/missing").is_some());
    // Rule files only, and no id the pack already has.
    let with_data = tree(&[("data/series.toml", "series = []\n")]);
    let error = Pack::load_extended("un-en", Path::new(""), &[with_data.path().to_owned()])
        .err()
        .map(|e| e.message);
    assert_eq!(
        error.as_deref(),
        Some("an `extend-rules` directory holds rule files only (`<group>/<name>.toml`); pack metadata and data belong to a pack directory")
    );
    let clash = tree(&[("symbol/missing.toml", RULE)]);
    let error = Pack::load_extended("un-en", Path::new(""), &[clash.path().to_owned()])
        .err()
        .map(|e| e.message);
    assert_eq!(
        error.as_deref(),
        Some("rule `symbol/missing` is already in pack `un-en`; to change a rule, copy the pack")
    );
}

#[test]
fn a_config_names_a_pack_directory_relative_to_itself() {
    let dir = tree(&[
        ("house/pack.toml", PACK_TOML),
        ("house/wording/sg.toml", RULE),
        (
            "more/style/sg-title.toml",
            &RULE.replace("Secretary General", "Secretary  General"),
        ),
    ]);
    let config_path = dir.path().join("presslint.toml");
    let config = Config::parse(
        &config_path,
        "pack = \"house\"\nextend-rules = [\"more\"]\nignore = [\"style\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let pack = config.load_pack(None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack.name, "mini");
    let ids: Vec<&str> = pack.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["style/sg-title", "wording/sg"]);
    // `--pack` wins over the file (its selectors are checked against the pack it names).
    let pack = Config::parse(&config_path, "pack = \"house\"\n")
        .and_then(|c| c.load_pack(Some("un-fr")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack.name, "un-fr");
}

#[test]
fn the_worked_example_pack_reads_its_own_page_layout() {
    let text = "ACME Newsroom\n\nMedia Briefing\n4 June 2024\n\nWetlands Week 2024\nMedia Briefing on the World Wetlands Forum\n\nThe Executive Director briefed journalists today on the Forum.\n\n* *** *\n\nFor media use only. Not an official ACME document.\n";
    let pack = acme();
    let source = SourceFile::new("r.txt", text, SourceKind::Text);
    let release = presslint::parse::parse_text(&source, &pack.data.layout);
    assert_eq!(
        release
            .noise
            .iter()
            .map(|n| n.field.text.as_str())
            .collect::<Vec<_>>(),
        vec!["ACME Newsroom"]
    );
    assert_eq!(
        release
            .labels
            .iter()
            .map(|l| (l.field.text.as_str(), l.kind.as_deref()))
            .collect::<Vec<_>>(),
        vec![("Media Briefing", Some("media-briefing"))]
    );
    assert_eq!(
        release.kind.as_ref().map(|k| (k.name.as_str(), k.symbol)),
        Some(("media-briefing", false))
    );
    assert_eq!(
        release.kicker.as_ref().map(|k| k.text.as_str()),
        Some("Wetlands Week 2024")
    );
    assert_eq!(release.headlines.len(), 1);
    // A media briefing carries no symbol: no `symbol/missing` (the pack has no site-noise
    // rule, so the banner is read and left alone).
    assert_eq!(lint(acme(), text), vec![]);
    // Under the UN pack the same page is read without ACME's words: its banner is a headline
    // and the briefing needs a symbol.
    let un = Pack::embedded("un-en").unwrap_or_else(|e| panic!("{e}"));
    let release = presslint::parse::parse_text(&source, &un.data.layout);
    assert!(release.noise.is_empty() && release.kind.is_none());
}

/// A rule's `pattern` runs over every release's text: a Unicode word boundary (`\b`) keeps
/// the regex engine off its fast path on text with accented letters (French releases were
/// three times slower for one such pattern), so the embedded packs write the boundary out.
#[test]
fn no_embedded_rule_pattern_has_a_unicode_word_boundary() {
    let mut found = Vec::new();
    for pack in ["rules/un-en", "rules/un-fr"] {
        for entry in walk(std::path::Path::new(pack)) {
            let text = std::fs::read_to_string(&entry).unwrap();
            for (i, line) in text.lines().enumerate() {
                let pattern = line.trim_start().starts_with("pattern");
                let unicode = line.replace("(?-u:\\b)", "").contains("\\b");
                if pattern && unicode {
                    found.push(format!("{}:{}", entry.display(), i + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "Unicode \\b in: {found:?}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out
}
