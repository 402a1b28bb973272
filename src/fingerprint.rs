//! A finding's identity across runs: the one fingerprint that SARIF (`partialFingerprints`),
//! GitLab's Code Quality report and baselines use.
//!
//! It hashes what the finding is about, never where it is: the rule, the file and the text
//! the rule flagged, so that an edit elsewhere in the file (a line added above, a paragraph
//! rewritten) leaves it unchanged, while editing the flagged text gives a new one. When a rule
//! flags the same text more than once in a file, an occurrence index (counted from the top)
//! tells the findings apart.

use std::path::{Component, Path};

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::span::floor_char_boundary;

/// Hex digits in a fingerprint: the first 128 bits of a SHA-256 (as long as an MD5, which
/// is what GitLab's documentation shows).
pub const FINGERPRINT_LEN: usize = 32;

/// The fingerprint of one finding: the first 128 bits, in lower-case hex, of a SHA-256 over
/// the rule id, the file's path (as [`normalized_path`] writes it), the flagged text (CRLF and
/// lone CR read as LF, so a checkout's line endings do not matter) and the occurrence index
/// (0 for the first time the rule flags this text in the file). Each part is length-prefixed,
/// so no two different inputs hash the same bytes.
pub fn fingerprint(rule: &str, path: &str, flagged: &str, occurrence: usize) -> String {
    let path = normalized_path(path);
    let flagged = flagged.replace("\r\n", "\n").replace('\r', "\n");
    let mut hasher = Sha256::new();
    for part in [rule.as_bytes(), path.as_bytes(), flagged.as_bytes()] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.update((occurrence as u64).to_le_bytes());
    let digest = hasher.finalize();
    digest[..FINGERPRINT_LEN / 2]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The fingerprints of one file's diagnostics, in their order. `text` is the file's text;
/// each diagnostic's span (clamped to it) is the flagged text, and the occurrence index counts
/// the diagnostics before it with the same rule and flagged text (diagnostics come sorted by
/// start offset, so the first in the file is 0).
pub fn of_file(path: &str, text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    diagnostics
        .iter()
        .map(|diagnostic| {
            let start = floor_char_boundary(text, diagnostic.span.start);
            let end = floor_char_boundary(text, diagnostic.span.end).max(start);
            let flagged = &text[start..end];
            let count = seen.entry((&diagnostic.rule, flagged)).or_insert(0);
            let occurrence = *count;
            *count += 1;
            fingerprint(&diagnostic.rule, path, flagged, occurrence)
        })
        .collect()
}

/// A path as fingerprints and baselines record it: `/` separators, no `.` components, no
/// doubled separators, so that `./releases//a.txt` and `releases/a.txt` are the same file.
/// Paths are otherwise kept as given (relative to where presslint runs): run from the same
/// directory (the repository's root) for fingerprints to match.
pub fn normalized_path(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let mut absolute = false;
    for component in Path::new(&slashed).components() {
        match component {
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => parts.push(".."),
            Component::Normal(part) => parts.push(part.to_str().unwrap_or_default()),
            Component::Prefix(prefix) => parts.push(prefix.as_os_str().to_str().unwrap_or("")),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => slashed,
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    /// Fingerprints of `rule`'s findings on every occurrence of `flagged` in `text`.
    fn fingerprints_of(text: &str, rule: &str, flagged: &str) -> Vec<String> {
        let diagnostics: Vec<Diagnostic> = text
            .match_indices(flagged)
            .map(|(at, found)| {
                Diagnostic::new(
                    rule,
                    Severity::Warning,
                    "m",
                    Span::new(at, at + found.len()),
                )
            })
            .collect();
        of_file("releases/a.txt", text, &diagnostics)
    }

    #[test]
    fn a_fingerprint_is_128_bits_of_hex_and_depends_on_each_part() {
        let base = fingerprint("x/y", "a.txt", "text", 0);
        assert_eq!(base.len(), FINGERPRINT_LEN);
        assert!(base
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_eq!(base, fingerprint("x/y", "a.txt", "text", 0));
        for other in [
            fingerprint("x/z", "a.txt", "text", 0),
            fingerprint("x/y", "b.txt", "text", 0),
            fingerprint("x/y", "a.txt", "texT", 0),
            fingerprint("x/y", "a.txt", "text", 1),
            // The parts are length-prefixed: moving a byte from one to the next changes it.
            fingerprint("x/", "ya.txt", "text", 0),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn an_edit_elsewhere_in_the_file_leaves_the_fingerprint_unchanged() {
        let before = "SG/SM/1\n\nThe Secretary General spoke.\n";
        let after = "SG/SM/1\n12 March 2026\n\nA new first paragraph.\n\nThe Secretary General spoke at length.\n";
        let rule = "wording/secretary-general";
        assert_eq!(
            fingerprints_of(before, rule, "Secretary General"),
            fingerprints_of(after, rule, "Secretary General")
        );
        // Line endings do not matter either.
        let crlf = after.replace('\n', "\r\n");
        assert_eq!(
            fingerprints_of(&crlf, rule, "Secretary General"),
            fingerprints_of(before, rule, "Secretary General")
        );
    }

    #[test]
    fn changing_the_flagged_text_changes_the_fingerprint() {
        let rule = "wording/secretary-general";
        let before = fingerprints_of("The Secretary General spoke.\n", rule, "Secretary General");
        let after = fingerprints_of(
            "The Secretary  General spoke.\n",
            rule,
            "Secretary  General",
        );
        assert_eq!((before.len(), after.len()), (1, 1));
        assert_ne!(before, after);
    }

    #[test]
    fn the_same_text_flagged_twice_gets_an_occurrence_index() {
        let rule = "typography/repeated-word";
        let prints = fingerprints_of("to to the end, and to to the sea\n", rule, "to to");
        assert_eq!(
            prints,
            vec![
                fingerprint(rule, "releases/a.txt", "to to", 0),
                fingerprint(rule, "releases/a.txt", "to to", 1),
            ]
        );
        // Another rule on the same text counts on its own.
        let text = "to to\n";
        let diagnostics = vec![
            Diagnostic::new(rule, Severity::Warning, "m", Span::new(0, 5)),
            Diagnostic::new("x/y", Severity::Warning, "m", Span::new(0, 5)),
        ];
        assert_eq!(
            of_file("releases/a.txt", text, &diagnostics)[1],
            fingerprint("x/y", "releases/a.txt", "to to", 0)
        );
    }

    #[test]
    fn spans_out_of_bounds_or_inside_a_character_are_clamped() {
        let diagnostics = vec![Diagnostic::new(
            "x/y",
            Severity::Info,
            "m",
            Span::new(1, 99),
        )];
        assert_eq!(
            of_file("a.txt", "é!", &diagnostics),
            vec![fingerprint("x/y", "a.txt", "é!", 0)]
        );
    }

    #[test]
    fn paths_are_normalized() {
        assert_eq!(normalized_path("./releases//a.txt"), "releases/a.txt");
        assert_eq!(normalized_path("releases\\a.txt"), "releases/a.txt");
        assert_eq!(normalized_path("/srv/./r/a.txt"), "/srv/r/a.txt");
        assert_eq!(normalized_path("../r/a.txt"), "../r/a.txt");
        assert_eq!(normalized_path("-"), "-");
        assert_eq!(
            fingerprint("x/y", "./a.txt", "t", 0),
            fingerprint("x/y", "a.txt", "t", 0)
        );
    }
}
