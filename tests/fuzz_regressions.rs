//! The fuzz targets' invariants, enforced in CI: every seed of `fuzz/seeds/<target>/` runs
//! through the same checks as under AFL (`fuzz/src/lib.rs`, included here), and every crash
//! the fuzzers found has a test below with its input written inline and the exact behaviour
//! after the fix. See the README's Fuzzing section.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz;

use std::path::{Path, PathBuf};

/// The seed files of one target, sorted by name.
fn seeds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|e| panic!("{e}")).path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "{}: too few seeds", dir.display());
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
            (path, bytes)
        })
        .collect()
}

fn name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

#[test]
fn parse_seeds_keep_the_span_invariants() {
    for (_, bytes) in seeds("parse") {
        fuzz::parse(&bytes);
    }
}

#[test]
fn fix_seeds_settle_and_keep_the_text_outside_their_edits() {
    for (_, bytes) in seeds("fix") {
        fuzz::fix(&bytes);
    }
}

/// Also the crashes `markup` found (`crash-*`): a suppression comment holding carriage
/// returns, whose rule ids were located in the parser's copy of the comment (HTML turns CR LF
/// into LF), so that a span cut a character of the file.
#[test]
fn markup_seeds_keep_the_span_invariants_and_settle() {
    for (_, bytes) in seeds("markup") {
        fuzz::markup(&bytes);
    }
}

#[test]
fn json_seeds_keep_the_span_invariants_and_stay_json_when_fixed() {
    for (_, bytes) in seeds("json") {
        fuzz::json(&bytes);
    }
}

#[test]
fn every_rules_seed_loads_and_runs() {
    for (path, bytes) in seeds("rules") {
        assert_eq!(fuzz::rules(&bytes), None, "{}", path.display());
    }
}

#[test]
fn config_seeds_parse_or_fail_with_a_line() {
    for (path, bytes) in seeds("config") {
        let error = fuzz::config(&bytes);
        let expected = match name(&path) {
            "unknown-key.toml" => Some(
                "fuzz/presslint.toml:1: unknown key `ignroe` (expected one of: pack, select, ignore, severity, per-file-ignores, extend-rules, fail-on)",
            ),
            "unknown-rule.toml" => Some(
                "fuzz/presslint.toml:1: unknown rule or group `no-such-group` for pack `un-en`",
            ),
            _ => None,
        };
        assert_eq!(error.as_deref(), expected, "{}", path.display());
    }
}
