//! The fuzz targets of presslint and the invariants they check, one function per surface.
//!
//! Each function takes the fuzzer's bytes and panics when an invariant breaks; an error
//! returned by presslint for bad input is fine, a panic inside presslint is a crash. The AFL
//! binaries in `src/bin/` call these functions; `tests/fuzz_regressions.rs` of the main crate
//! includes this file (`#[path]`) and runs the seeds and every crash found through the same
//! checks, so the invariants hold in CI too. Keep it free of inner attributes and of
//! dependencies other than presslint, tempfile and std.

use std::path::Path;
use std::sync::OnceLock;

use presslint::engine::{fix_until_stable, fix_until_stable_from, FixOutcome};
use presslint::fix::{self, Applicability, Fix};
use presslint::{config::Config, rules::Pack, Diagnostic, Engine, SourceFile, SourceKind, Span};

/// The engine with the default pack (`un-en`), built once per process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::with_default_pack().unwrap_or_else(|e| panic!("default engine: {e}"))
    })
}

/// A release with a few problems of every part, for the targets that need one to lint.
pub const SAMPLE_RELEASE: &str = include_str!("../../examples/flawed-release.txt");

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} is not within the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character"
    );
}

/// Every diagnostic's span, labels and fix edits lie within `text`, on character
/// boundaries; a fix's edits are sorted and do not overlap; a position can be computed.
pub fn check_diagnostics(source: &SourceFile, diagnostics: &[Diagnostic]) {
    let text = source.text.as_str();
    for d in diagnostics {
        let what = format!("{} `{}`", d.rule, d.message);
        assert!(d.rule.contains('/'), "{what}: rule id without a group");
        assert!(!d.message.is_empty(), "{}: empty message", d.rule);
        check_span(text, d.span, &what);
        let start = source.position(d.span.start);
        let end = source.position(d.span.end);
        assert!(
            (start.line, start.column) <= (end.line, end.column),
            "{what}: the span ends before it starts ({start:?} > {end:?})"
        );
        for label in &d.labels {
            check_span(
                text,
                label.span,
                &format!("{what}, label `{}`", label.message),
            );
        }
        if let Some(fix) = &d.fix {
            assert!(!fix.edits.is_empty(), "{what}: a fix without edits");
            for edit in &fix.edits {
                check_span(
                    text,
                    edit.span(),
                    &format!("{what}, fix `{}`", fix.description),
                );
            }
            for pair in fix.edits.windows(2) {
                assert!(
                    pair[0].end <= pair[1].start,
                    "{what}: fix `{}` has overlapping edits {:?} and {:?}",
                    fix.description,
                    pair[0].span(),
                    pair[1].span()
                );
            }
        }
    }
}

/// Lints `source` and checks its diagnostics; an error (JSON that does not parse) is returned.
pub fn lint_checked(engine: &Engine, source: &SourceFile) -> Option<Vec<Diagnostic>> {
    match engine.lint(source) {
        Ok(diagnostics) => {
            check_diagnostics(source, &diagnostics);
            Some(diagnostics)
        }
        Err(error) => {
            assert!(!error.to_string().is_empty(), "an empty error message");
            None
        }
    }
}

/// Target `parse`: arbitrary bytes as a text release. The bytes are decoded as `check` does
/// (an error is fine); whatever they are, their lossy UTF-8 text is linted, as the library's
/// `lint_text` would, with every diagnostic checked.
pub fn parse(bytes: &[u8]) {
    if let Err(error) = SourceFile::decode("fuzz.txt", bytes.to_vec(), SourceKind::Text) {
        assert!(!error.to_string().is_empty());
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let source = SourceFile::new("fuzz.txt", text, SourceKind::Text);
    let diagnostics = lint_checked(engine(), &source);
    assert!(diagnostics.is_some(), "a text release failed to lint");
}

/// Two edits collide when their spans meet (an insertion counts as one byte wide), as they do
/// for `fix::apply`.
fn collide(a: Span, b: Span) -> bool {
    let (a_end, b_end) = (a.end.max(a.start + 1), b.end.max(b.start + 1));
    a.start < b_end && b.start < a_end
}

/// One pass of `fix::apply`, checked against the fixes it was given: the fixes it took do not
/// collide with each other, every fix it left collides with a taken one or is out of range,
/// and the text outside the taken edits is kept byte for byte.
pub fn check_one_pass(text: &str, fixes: &[&Fix]) -> String {
    let (out, taken) = fix::apply(text, fixes);
    let mut edits: Vec<(usize, &presslint::Edit)> = taken
        .iter()
        .flat_map(|&i| fixes[i].edits.iter().map(move |e| (i, e)))
        .collect();
    edits.sort_by_key(|(_, e)| (e.start, e.end));
    for pair in edits.windows(2) {
        let ((i, a), (j, b)) = (pair[0], pair[1]);
        assert!(
            i == j || !collide(a.span(), b.span()),
            "fixes {i} and {j} were both applied, but their edits {:?} and {:?} collide",
            a.span(),
            b.span()
        );
    }
    for (i, fix) in fixes.iter().enumerate() {
        if taken.contains(&i) {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.start <= e.end
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end)
        });
        let blocked = fix
            .edits
            .iter()
            .any(|e| edits.iter().any(|(_, t)| collide(e.span(), t.span())));
        assert!(
            !valid || blocked,
            "fix {i} `{}` was left out of the pass, but nothing blocked it",
            fix.description
        );
    }
    let (mut cursor, mut at) = (0, 0);
    for (_, edit) in &edits {
        let kept = &text[cursor..edit.start];
        assert_eq!(
            out.get(at..at + kept.len()),
            Some(kept),
            "text before an edit changed"
        );
        at += kept.len();
        assert_eq!(
            out.get(at..at + edit.replacement.len()),
            Some(edit.replacement.as_str()),
            "an edit's replacement is not in the output"
        );
        at += edit.replacement.len();
        cursor = edit.end;
    }
    assert_eq!(
        out.get(at..),
        Some(&text[cursor..]),
        "text after the last edit changed"
    );
    out
}

/// Fixes `source` to a fixpoint at `threshold` and checks the outcome: it settles, or it
/// leaves the text untouched and names the rules; the remaining diagnostics belong to the
/// fixed text; fixing the fixed text again changes nothing.
pub fn check_fix_until_stable(
    engine: &Engine,
    source: &SourceFile,
    first: Vec<Diagnostic>,
    threshold: Applicability,
) -> FixOutcome {
    let outcome = fix_until_stable_from(engine, source, first, threshold)
        .unwrap_or_else(|e| panic!("fixing ({threshold:?}) a file that linted failed: {e}"));
    let fixed = SourceFile::new(source.name.clone(), outcome.text.clone(), source.kind);
    check_diagnostics(&fixed, &outcome.remaining);
    if !outcome.settled {
        assert_eq!(
            outcome.text, *source.text,
            "an unsettled fix changed the text"
        );
        assert!(
            !outcome.unsettled_rules.is_empty(),
            "an unsettled fix names no rule"
        );
        return outcome;
    }
    assert!(outcome.unsettled_rules.is_empty());
    if outcome.changed(&source.text) {
        assert!(
            !outcome.fixed.is_empty(),
            "the text changed, but no fix is named"
        );
        let again = fix_until_stable(engine, &fixed, threshold)
            .unwrap_or_else(|e| panic!("fixing ({threshold:?}) the fixed text failed: {e}"));
        assert!(
            again.settled && again.text == outcome.text,
            "fixing ({threshold:?}) the fixed text changed it again: {:?}",
            again.fixed.iter().map(|d| &d.rule).collect::<Vec<_>>()
        );
    } else {
        assert!(outcome.fixed.is_empty(), "no change, but fixes are named");
    }
    outcome
}

/// Target `fix`: arbitrary text linted, one pass of every fix (safe and unsafe) checked
/// against the original, then fixed to a fixpoint with safe fixes and with unsafe ones.
pub fn fix(bytes: &[u8]) {
    let engine = engine();
    let text = String::from_utf8_lossy(bytes).into_owned();
    let source = SourceFile::new("fuzz.txt", text, SourceKind::Text);
    let Some(first) = lint_checked(engine, &source) else {
        panic!("a text release failed to lint");
    };
    let fixes: Vec<&Fix> = first.iter().filter_map(|d| d.fix.as_ref()).collect();
    check_one_pass(&source.text, &fixes);
    check_fix_until_stable(engine, &source, first.clone(), Applicability::Safe);
    check_fix_until_stable(engine, &source, first, Applicability::Unsafe);
}

/// Target `markup`: the first byte picks an HTML page (even) or a Markdown release (odd); the
/// rest, as lossy UTF-8, is the file. Whatever it holds, it lints, every span, label and edit
/// lies in the file on character boundaries, one pass of its fixes keeps the text outside
/// their edits, and its safe fixes settle.
pub fn markup(bytes: &[u8]) {
    let Some((&selector, rest)) = bytes.split_first() else {
        return;
    };
    let (name, kind) = match selector % 2 {
        0 => ("fuzz.html", SourceKind::Html),
        _ => ("fuzz.md", SourceKind::Markdown),
    };
    let engine = engine();
    let text = String::from_utf8_lossy(rest).into_owned();
    let source = SourceFile::new(name, text, kind);
    let Some(first) = lint_checked(engine, &source) else {
        panic!("a marked-up release failed to lint");
    };
    let fixes: Vec<&Fix> = first.iter().filter_map(|d| d.fix.as_ref()).collect();
    check_one_pass(&source.text, &fixes);
    check_fix_until_stable(engine, &source, first, Applicability::Safe);
}

/// Target `json`: arbitrary bytes as a `.json` release. Not JSON is an error; a release that
/// lints has its spans checked against the JSON file, and its safe fixes must leave a JSON
/// file that still lints.
pub fn json(bytes: &[u8]) {
    let engine = engine();
    let source = match SourceFile::decode("fuzz.json", bytes.to_vec(), SourceKind::Json) {
        Ok(source) => source,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            let text = String::from_utf8_lossy(bytes).into_owned();
            SourceFile::new("fuzz.json", text, SourceKind::Json)
        }
    };
    if let Some(first) = lint_checked(engine, &source) {
        let fixes: Vec<&Fix> = first.iter().filter_map(|d| d.fix.as_ref()).collect();
        check_one_pass(&source.text, &fixes);
        check_fix_until_stable(engine, &source, first, Applicability::Safe);
    }
}

/// The worked example pack `examples/packs/acme-en` (and two data tables of `un-en`), laid
/// out on disk once as the base pack of the `rules` target.
const BASE_PACK: &[(&str, &str)] = &[
    (
        "data/dates.toml",
        include_str!("../../examples/packs/acme-en/data/dates.toml"),
    ),
    (
        "data/house.toml",
        include_str!("../../examples/packs/acme-en/data/house.toml"),
    ),
    (
        "data/layout.toml",
        include_str!("../../examples/packs/acme-en/data/layout.toml"),
    ),
    (
        "data/series.toml",
        include_str!("../../examples/packs/acme-en/data/series.toml"),
    ),
    (
        "date/weekday-mismatch.toml",
        include_str!("../../examples/packs/acme-en/date/weekday-mismatch.toml"),
    ),
    (
        "dateline/impossible-date.toml",
        include_str!("../../examples/packs/acme-en/dateline/impossible-date.toml"),
    ),
    (
        "dateline/malformed.toml",
        include_str!("../../examples/packs/acme-en/dateline/malformed.toml"),
    ),
    (
        "dateline/missing.toml",
        include_str!("../../examples/packs/acme-en/dateline/missing.toml"),
    ),
    (
        "dateline/numeric.toml",
        include_str!("../../examples/packs/acme-en/dateline/numeric.toml"),
    ),
    (
        "disclaimer/malformed.toml",
        include_str!("../../examples/packs/acme-en/disclaimer/malformed.toml"),
    ),
    (
        "disclaimer/misplaced.toml",
        include_str!("../../examples/packs/acme-en/disclaimer/misplaced.toml"),
    ),
    (
        "disclaimer/missing.toml",
        include_str!("../../examples/packs/acme-en/disclaimer/missing.toml"),
    ),
    (
        "end-marker/malformed.toml",
        include_str!("../../examples/packs/acme-en/end-marker/malformed.toml"),
    ),
    (
        "end-marker/missing.toml",
        include_str!("../../examples/packs/acme-en/end-marker/missing.toml"),
    ),
    (
        "headline/missing.toml",
        include_str!("../../examples/packs/acme-en/headline/missing.toml"),
    ),
    (
        "pack.toml",
        include_str!("../../examples/packs/acme-en/pack.toml"),
    ),
    (
        "page/wrong-pack.toml",
        include_str!("../../examples/packs/acme-en/page/wrong-pack.toml"),
    ),
    (
        "symbol/malformed.toml",
        include_str!("../../examples/packs/acme-en/symbol/malformed.toml"),
    ),
    (
        "symbol/missing.toml",
        include_str!("../../examples/packs/acme-en/symbol/missing.toml"),
    ),
    (
        "symbol/unknown-series.toml",
        include_str!("../../examples/packs/acme-en/symbol/unknown-series.toml"),
    ),
    (
        "data/spelling.toml",
        include_str!("../../rules/un-en/data/spelling.toml"),
    ),
    (
        "data/renamed-countries.toml",
        include_str!("../../rules/un-en/data/renamed-countries.toml"),
    ),
];

/// The base pack laid out in a temporary directory, once per process.
fn base_pack_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
        for (relative, text) in BASE_PACK {
            let path = dir.path().join(relative);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    })
    .path()
}

/// Which file of the base pack the `rules` target's input replaces, by its first byte; any
/// other first byte makes the input a new rule file `fuzz/rule.toml`.
pub fn rules_slot(selector: u8) -> &'static str {
    match selector {
        b'h' => "data/house.toml",
        b'l' => "data/layout.toml",
        b'd' => "data/dates.toml",
        b's' => "data/series.toml",
        b't' => "data/spelling.toml",
        b'p' => "pack.toml",
        _ => "fuzz/rule.toml",
    }
}

/// Target `rules`: the first byte chooses a file of a small pack on disk (a rule file, a data
/// file or `pack.toml`, see [`rules_slot`]); the rest, as text, becomes that file and the pack
/// is loaded. An error is fine; a pack that loads runs its rules on two releases, whose
/// diagnostics are checked. Returns the load error's message, if any.
pub fn rules(bytes: &[u8]) -> Option<String> {
    let (&selector, rest) = bytes.split_first()?;
    let root = base_pack_dir();
    let slot = rules_slot(selector);
    let path = root.join(slot);
    let original = BASE_PACK.iter().find(|(p, _)| *p == slot).map(|(_, t)| *t);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&path, String::from_utf8_lossy(rest).as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = Pack::from_dir(root);
    match original {
        Some(text) => std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}")),
        None => std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}")),
    }
    let pack = match loaded {
        Ok(pack) => pack,
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty(), "an empty error message");
            return Some(message);
        }
    };
    for (name, text) in [
        ("example.txt", BASE_PACK_RELEASE),
        ("flawed.txt", SAMPLE_RELEASE),
    ] {
        let source = SourceFile::new(name, text, SourceKind::Text);
        let release = presslint::parse::parse_text(&source, &pack.data.layout);
        let mut diagnostics = Vec::new();
        let verdict = presslint::rules::detect::detect(&pack, &source.text);
        presslint::engine::run_pack::run(
            &pack,
            verdict.as_ref(),
            None,
            &source,
            &release,
            &|_| true,
            &mut diagnostics,
        );
        check_diagnostics(&source, &diagnostics);
    }
    None
}

/// The release of the base pack.
const BASE_PACK_RELEASE: &str = include_str!("../../examples/packs/acme-en/example-release.txt");

/// The diagnostics of [`SAMPLE_RELEASE`] with the default pack, once per process.
fn sample_diagnostics() -> &'static [Diagnostic] {
    static DIAGNOSTICS: OnceLock<Vec<Diagnostic>> = OnceLock::new();
    DIAGNOSTICS.get_or_init(|| {
        let source = SourceFile::new("releases/flawed.txt", SAMPLE_RELEASE, SourceKind::Text);
        engine()
            .lint(&source)
            .unwrap_or_else(|e| panic!("sample release: {e}"))
    })
}

/// Target `config`: arbitrary text as `presslint.toml`. An error is fine; a configuration
/// that parses is checked against the default pack and applied to the diagnostics of a
/// sample release under a few file names: it keeps exactly the diagnostics of the rules it
/// enables, in order, and changes nothing but their severity. Returns the error's message.
pub fn config(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let config = match Config::parse(Path::new("fuzz/presslint.toml"), &text) {
        Ok(config) => config,
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty(), "an empty error message");
            return Some(message);
        }
    };
    let checked = config.check_against(engine().packs()).err();
    for name in [
        "fuzz/releases/a.txt",
        "fuzz/archive/2009/b.json",
        "elsewhere/c.txt",
    ] {
        let path = Path::new(name);
        let rules = config.for_file(path);
        let mut diagnostics = sample_diagnostics().to_vec();
        rules.apply(&mut diagnostics);
        let expected: Vec<&Diagnostic> = sample_diagnostics()
            .iter()
            .filter(|d| rules.enabled(&d.rule))
            .collect();
        assert_eq!(
            diagnostics.len(),
            expected.len(),
            "{name}: apply and enabled disagree"
        );
        for (after, before) in diagnostics.iter().zip(expected) {
            assert_eq!(
                (&after.rule, after.span, &after.message, &after.fix),
                (&before.rule, before.span, &before.message, &before.fix),
                "{name}: a diagnostic changed beyond its severity"
            );
        }
        let mut again = sample_diagnostics().to_vec();
        config.apply(path, &mut again);
        assert_eq!(
            again, diagnostics,
            "{name}: Config::apply and FileRules::apply differ"
        );
    }
    checked.map(|e| e.to_string())
}
