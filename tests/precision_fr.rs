//! The French fixtures under the `un-fr` pack: genuine-shaped releases give no error and
//! no warning beyond the expected ones; and each language's releases under the other
//! language's pack give the one `page/wrong-pack` line instead of a flood.

use presslint::rules::Pack;
use presslint::{Engine, SourceFile, SourceKind};

fn fixture(path: &str) -> SourceFile {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    SourceFile::new(path, text, SourceKind::Text)
}

/// `(rule, line, column, message)` of every diagnostic of `path` under pack `pack`.
fn lint(pack: &str, path: &str) -> Vec<(String, usize, usize, String)> {
    let pack = Pack::embedded(pack).unwrap_or_else(|e| panic!("{e}"));
    let engine = Engine::new(pack).unwrap_or_else(|e| panic!("{e}"));
    let source = fixture(path);
    let found = engine.lint(&source).unwrap_or_else(|e| panic!("{e}"));
    found
        .iter()
        .map(|d| {
            let p = source.position(d.span.start);
            (d.rule.clone(), p.line, p.column, d.message.clone())
        })
        .collect()
}

#[track_caller]
fn expect(pack: &str, path: &str, expected: &[(&str, usize, usize, &str)]) {
    let got = lint(pack, path);
    let expected: Vec<(String, usize, usize, String)> = expected
        .iter()
        .map(|(r, l, c, m)| ((*r).to_owned(), *l, *c, (*m).to_owned()))
        .collect();
    assert_eq!(got, expected, "{path} under {pack}");
}

#[test]
fn french_fixtures_are_clean_under_un_fr() {
    for path in [
        "precision/fr/2010-conseil-de-securite.txt",
        "precision/fr/2019-secretaire-general.txt",
        "precision/fr/2015-conference-de-presse.txt",
        "precision/fr/2015-couverture-des-reunions.txt",
        "precision/fr/2014-conseil-compose.txt",
        "genuine/fr-2012-communique.txt",
    ] {
        expect("un-fr", path, &[]);
    }
}

#[test]
fn a_numeric_french_date_line_is_the_one_warning() {
    expect(
        "un-fr",
        "precision/fr/2012-assemblee-generale.txt",
        &[(
            "dateline/numeric",
            2,
            1,
            "numeric date line `3/05/2012`; the house form is `3 mai 2012`",
        )],
    );
}

#[test]
fn a_french_release_under_un_en_gets_one_line_naming_un_fr() {
    let line = "this release looks French; check it with `--pack un-fr`";
    expect(
        "un-en",
        "genuine/fr-2012-communique.txt",
        &[("page/wrong-pack", 2, 1, line)],
    );
    expect(
        "un-en",
        "precision/fr/2010-conseil-de-securite.txt",
        &[("page/wrong-pack", 2, 1, line)],
    );
    expect(
        "un-en",
        "precision/fr/2015-conference-de-presse.txt",
        &[("page/wrong-pack", 2, 1, line)],
    );
}

#[test]
fn an_english_release_under_un_fr_gets_one_line_naming_un_en() {
    let line = "this release looks English; check it with `--pack un-en`";
    expect(
        "un-fr",
        "genuine/2010-compound-symbol-section-break.txt",
        &[("page/wrong-pack", 2, 1, line)],
    );
}

#[test]
fn english_fixtures_are_not_taken_for_french() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/genuine");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok()?.file_name().to_str().map(str::to_owned))
        .filter(|n| n.ends_with(".txt") && !n.starts_with("fr-"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 13);
    for name in names {
        let path = format!("genuine/{name}");
        let got = lint("un-en", &path);
        assert!(
            got.iter().all(|(rule, ..)| rule != "page/wrong-pack"),
            "{path}: {got:?}"
        );
    }
}
