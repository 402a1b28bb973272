//! One release, whatever its format, gets the same findings: the bundled example written as
//! text, JSON, Markdown and HTML, and 200 generated releases (English and French, every era
//! of the corpus) written as text, HTML pages and Markdown files give the same rule ids and
//! messages, each finding's span inside its own file.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/formats.rs"]
mod formats;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

/// The JSON report of checking `paths`.
fn report(paths: &[&Path]) -> Value {
    let out = cargo_bin_cmd!("presslint")
        .args(["check", "--format", "json", "--threads", "2"])
        .args(paths)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Per file (by name without extension): its `(rule, message)` pairs in file order, after
/// checking that every span lies inside the file on character boundaries.
fn findings_by_release(report: &Value) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out = BTreeMap::new();
    for file in report["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap();
        assert!(file["error"].is_null(), "{path}: {}", file["error"]);
        let text = std::fs::read_to_string(path).unwrap();
        let mut found = Vec::new();
        for d in file["diagnostics"].as_array().unwrap() {
            let (start, end) = (
                d["span"]["start"].as_u64().unwrap() as usize,
                d["span"]["end"].as_u64().unwrap() as usize,
            );
            assert!(
                start <= end && text.get(start..end).is_some(),
                "{path}: span {start}..{end} of {}",
                d["rule"]
            );
            found.push((
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            ));
        }
        found.sort();
        let stem = Path::new(path).with_extension("");
        let name = stem.strip_prefix(EXAMPLES).unwrap_or(&stem);
        out.insert(name.display().to_string(), found);
    }
    out
}

#[test]
fn the_example_release_reads_the_same_in_every_format() {
    let formats = Path::new(EXAMPLES).join("formats");
    let text = report(&[&formats.join("flawed-release.txt")]);
    let expected = findings_by_release(&text).into_values().next().unwrap();
    assert_eq!(expected.len(), 5);
    for name in [
        "flawed-release.json",
        "flawed-release.md",
        "flawed-release.html",
    ] {
        let other = report(&[&formats.join(name)]);
        let found = findings_by_release(&other).into_values().next().unwrap();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn generated_releases_read_the_same_as_html_pages_and_markdown_files() {
    let dir = tempfile::tempdir().unwrap();
    let (text_dir, html_dir, md_dir) = (
        dir.path().join("text"),
        dir.path().join("html"),
        dir.path().join("md"),
    );
    for d in [&text_dir, &html_dir, &md_dir] {
        std::fs::create_dir_all(d.join("en")).unwrap();
        std::fs::create_dir_all(d.join("fr")).unwrap();
    }
    for i in 0..200 {
        let release = corpus::release(7, i, corpus::Rates::default());
        std::fs::write(text_dir.join(&release.file), &release.text).unwrap();
        let html = formats::to_html(&release.text, release.language);
        let page = html_dir.join(release.file.replace(".txt", ".html"));
        std::fs::write(page, html).unwrap();
        let markdown = formats::to_markdown(&release.text);
        let file = md_dir.join(release.file.replace(".txt", ".md"));
        std::fs::write(file, markdown).unwrap();
    }
    let strip = |by: BTreeMap<String, Vec<(String, String)>>, root: &Path| {
        by.into_iter()
            .map(|(name, found)| {
                let name = Path::new(&name)
                    .strip_prefix(root)
                    .map(|p| p.display().to_string())
                    .unwrap_or(name);
                (name, found)
            })
            .collect::<BTreeMap<_, _>>()
    };
    let text = strip(findings_by_release(&report(&[&text_dir])), &text_dir);
    let html = strip(findings_by_release(&report(&[&html_dir])), &html_dir);
    let markdown = strip(findings_by_release(&report(&[&md_dir])), &md_dir);
    assert_eq!(text.len(), 200);
    let total: usize = text.values().map(Vec::len).sum();
    assert!(total > 200, "the corpus plants defects: {total} findings");
    for (name, found) in &text {
        assert_eq!(html.get(name), Some(found), "{name} as HTML");
        assert_eq!(markdown.get(name), Some(found), "{name} as Markdown");
    }
}

/// `(line, column)` of a byte offset, 1-based, the column in characters.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line as u64, column as u64)
}

#[test]
fn editions_written_as_pages_are_compared_and_point_into_each_page() {
    let dir = tempfile::tempdir().unwrap();
    let editions = Path::new(EXAMPLES).join("editions");
    let mut pages = Vec::new();
    for (language, name) in [("en", "sc15902"), ("fr", "cs15902")] {
        let text = std::fs::read_to_string(editions.join(language).join(format!("{name}.txt")));
        let html = formats::to_html(&text.unwrap(), language);
        std::fs::create_dir_all(dir.path().join(language)).unwrap();
        let page = dir.path().join(language).join(format!("{name}.html"));
        std::fs::write(&page, &html).unwrap();
        pages.push((page, html));
    }
    let report = report(&[&dir.path().join("en"), &dir.path().join("fr")]);
    let french = &report["files"][1];
    let rules: Vec<&str> = french["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["pair/headline-numbers", "pair/intro-dates"]);
    let (english_page, english_html) = &pages[0];
    for d in french["diagnostics"].as_array().unwrap() {
        let related = &d["related"][0];
        assert_eq!(related["path"], english_page.to_str().unwrap());
        let (start, end) = (
            related["start"].as_u64().unwrap() as usize,
            related["end"].as_u64().unwrap() as usize,
        );
        let expected = &english_html[start..end];
        assert!(
            related["message"]
                .as_str()
                .unwrap()
                .contains(&format!("`{expected}`")),
            "{related}: the other page reads `{expected}` there"
        );
        let (line, column) = position(english_html, start);
        assert_eq!(
            (related["line"].as_u64(), related["column"].as_u64()),
            (Some(line), Some(column))
        );
        assert!(d["message"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{}:{line}:{column})", english_page.display())));
    }
}
