//! Suggested fixes: non-overlapping byte edits with an applicability, and their application.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Whether a fix may be applied without review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Cannot change meaning: applied by `--fix`.
    Safe,
    /// May change meaning or be wrong: applied only with `--unsafe-fixes`.
    Unsafe,
}

/// Replace the bytes `start..end` of the original file with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            start: span.start,
            end: span.end,
            replacement: replacement.into(),
        }
    }

    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Self::replace(Span::empty(offset), text)
    }

    pub fn delete(span: Span) -> Self {
        Self::replace(span, "")
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Imperative: "Replace with `SG/SM/13017`".
    pub description: String,
    pub applicability: Applicability,
    /// Sorted by start, not overlapping.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(
        description: impl Into<String>,
        applicability: Applicability,
        mut edits: Vec<Edit>,
    ) -> Self {
        edits.sort_by_key(|e| (e.start, e.end));
        Self {
            description: description.into(),
            applicability,
            edits,
        }
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Span {
        let start = self.edits.iter().map(|e| e.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.end).max().unwrap_or(0);
        Span::new(start, end)
    }
}

/// Applies the edits of `fixes` to `text`, skipping any fix that conflicts with one already
/// taken (it waits for the next pass). Returns the new text and the indices of applied fixes.
pub fn apply(text: &str, fixes: &[&Fix]) -> (String, Vec<usize>) {
    let mut taken: Vec<usize> = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    // Spans of the edits taken so far, by start: they never overlap, so the one that could
    // collide with a new edit is the last that starts before the new one ends. One lookup
    // per edit keeps a pass linear-logarithmic in the number of fixes.
    let mut occupied: BTreeMap<usize, usize> = BTreeMap::new();
    let collides = |occupied: &BTreeMap<usize, usize>, e: &Edit| {
        occupied
            .range(..e.end.max(e.start + 1))
            .next_back()
            .is_some_and(|(&start, &end)| start == e.start || end > e.start)
    };
    for (i, fix) in fixes.iter().enumerate() {
        let valid = fix.edits.iter().all(|e| {
            e.start <= e.end
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end)
        });
        if !valid || fix.edits.iter().any(|e| collides(&occupied, e)) {
            continue;
        }
        occupied.extend(fix.edits.iter().map(|e| (e.start, e.end)));
        taken.push(i);
        edits.extend(&fix.edits);
    }
    edits.sort_by_key(|e| (e.start, e.end));
    // The exact length of the result: a large release is not reallocated on the way.
    let removed: usize = edits.iter().map(|e| e.end - e.start).sum();
    let added: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() - removed + added);
    let mut cursor = 0;
    for edit in edits {
        out.push_str(&text[cursor..edit.start]);
        out.push_str(&edit.replacement);
        cursor = edit.end;
    }
    out.push_str(&text[cursor..]);
    (out, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(edits: Vec<Edit>) -> Fix {
        Fix::new("t", Applicability::Safe, edits)
    }

    #[test]
    fn applies_non_overlapping_edits_and_defers_conflicts() {
        let a = fix(vec![Edit::replace(Span::new(0, 2), "AB")]);
        let b = fix(vec![Edit::replace(Span::new(1, 3), "x")]);
        let c = fix(vec![Edit::insert(5, "!")]);
        let (out, taken) = apply("ab cd", &[&a, &b, &c]);
        assert_eq!(out, "AB cd!");
        assert_eq!(taken, vec![0, 2]);
    }

    #[test]
    fn two_insertions_at_one_point_do_not_both_apply() {
        let a = fix(vec![Edit::insert(1, "x")]);
        let b = fix(vec![Edit::insert(1, "y")]);
        assert_eq!(apply("ab", &[&a, &b]).0, "axb");
    }

    #[test]
    fn out_of_range_or_mid_character_edits_are_refused() {
        let a = fix(vec![Edit::replace(Span::new(1, 2), "e")]);
        let b = fix(vec![Edit::insert(99, "x")]);
        assert_eq!(apply("é", &[&a, &b]), ("é".to_owned(), vec![]));
    }
}

/// How many lint-and-fix passes `fix_until_stable` makes before it gives up.
pub const MAX_PASSES: usize = 10;

/// What fixing one file came to.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    /// The fixed text; the original text when nothing applied or when fixing did not settle.
    pub text: String,
    /// The diagnostics whose fixes were applied, over all passes.
    pub fixed: Vec<crate::Diagnostic>,
    /// The diagnostics of `text`.
    pub remaining: Vec<crate::Diagnostic>,
    /// False when the passes did not settle: `text` is then the original, and
    /// `unsettled_rules` names the rules that kept changing it.
    pub settled: bool,
    pub unsettled_rules: Vec<String>,
}

impl FixOutcome {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// Applies every fix at or below `threshold` (`Safe`, or `Unsafe` for both), lints again and
/// repeats until nothing applies. Fixes that conflict with one applied in a pass wait for the
/// next pass. Gives up after `MAX_PASSES` or when a text comes back (a cycle).
pub fn fix_until_stable(
    engine: &crate::Engine,
    source: &crate::SourceFile,
    threshold: Applicability,
) -> crate::error::Result<FixOutcome> {
    let first = engine.lint(source)?;
    fix_until_stable_from(engine, source, first, threshold)
}

/// [`fix_until_stable`] for a source already linted (`first` are its diagnostics), so that
/// `check --fix` does not lint every file twice.
pub fn fix_until_stable_from(
    engine: &crate::Engine,
    source: &crate::SourceFile,
    first: Vec<crate::Diagnostic>,
    threshold: Applicability,
) -> crate::error::Result<FixOutcome> {
    let crlf = source.text.contains("\r\n");
    // The text of the current pass: the source's own until a pass changes it (no copy).
    let mut text: std::borrow::Cow<'_, str> = std::borrow::Cow::Borrowed(source.text.as_str());
    // The texts of earlier passes, by fingerprint (a cycle brings one back): a 50 MB release
    // is not kept ten times over. A collision can only stop fixing early, never write.
    let mut seen = vec![fingerprint(&text)];
    let mut fixed = Vec::new();
    let mut first = Some(first);
    for _ in 0..MAX_PASSES {
        let diagnostics = match first.take() {
            Some(diagnostics) => diagnostics,
            None => {
                // The text moves into the source for linting and back out: no copy.
                let pass = crate::SourceFile::new(
                    source.name.clone(),
                    std::mem::take(&mut text).into_owned(),
                    source.kind,
                );
                let linted = engine.lint(&pass);
                text = std::borrow::Cow::Owned(pass.into_text());
                linted?
            }
        };
        let candidates: Vec<(usize, Fix)> = diagnostics
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                d.fix
                    .as_ref()
                    .filter(|f| f.applicability <= threshold)
                    .map(|f| (i, f.clone()))
            })
            .map(|(i, f)| (i, if crlf { with_crlf(f) } else { f }))
            .collect();
        let fixes: Vec<&Fix> = candidates.iter().map(|(_, f)| f).collect();
        let (next, taken) = apply(&text, &fixes);
        if taken.is_empty() || next == text {
            return Ok(FixOutcome {
                text: text.into_owned(),
                fixed,
                remaining: diagnostics,
                settled: true,
                unsettled_rules: Vec::new(),
            });
        }
        let applied: Vec<crate::Diagnostic> = taken
            .iter()
            .map(|&t| diagnostics[candidates[t].0].clone())
            .collect();
        if seen.contains(&fingerprint(&next)) {
            fixed.extend(applied);
            return Ok(unsettled(engine, source, &fixed));
        }
        fixed.extend(applied);
        seen.push(fingerprint(&next));
        text = std::borrow::Cow::Owned(next);
    }
    let last: Vec<crate::Diagnostic> = fixed.iter().rev().take(8).cloned().collect();
    Ok(unsettled(engine, source, &last))
}

/// A text's length and 64-bit hash, for recognising a text seen before.
fn fingerprint(text: &str) -> (usize, u64) {
    use std::hash::BuildHasher;
    (text.len(), rustc_hash::FxBuildHasher.hash_one(text))
}

fn unsettled(
    engine: &crate::Engine,
    source: &crate::SourceFile,
    involved: &[crate::Diagnostic],
) -> FixOutcome {
    let mut rules: Vec<String> = involved.iter().map(|d| d.rule.clone()).collect();
    rules.sort();
    rules.dedup();
    FixOutcome {
        text: source.text.as_str().to_owned(),
        fixed: Vec::new(),
        remaining: engine.lint(source).unwrap_or_default(),
        settled: false,
        unsettled_rules: rules,
    }
}

/// Writes the line breaks of inserted text as CRLF, as the file does.
fn with_crlf(mut fix: Fix) -> Fix {
    for edit in &mut fix.edits {
        if edit.replacement.contains('\n') {
            edit.replacement = edit.replacement.replace("\r\n", "\n").replace('\n', "\r\n");
        }
    }
    fix
}
