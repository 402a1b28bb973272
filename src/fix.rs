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
