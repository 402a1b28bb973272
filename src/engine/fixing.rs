//! Lint, apply fixes, lint again until nothing applies: the fix loop of `--fix` and
//! `--diff`. It lives beside the engine because it re-lints; `fix.rs` only applies edits.

use crate::error::Result;
use crate::fix::{apply, Applicability, Fix};
use crate::{Diagnostic, Engine, SourceFile};

/// How many lint-and-fix passes `fix_until_stable` makes before it gives up.
pub const MAX_PASSES: usize = 10;

/// What fixing one file came to.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    /// The fixed text; the original text when nothing applied or when fixing did not settle.
    pub text: String,
    /// The diagnostics whose fixes were applied, over all passes.
    pub fixed: Vec<Diagnostic>,
    /// The diagnostics of `text`.
    pub remaining: Vec<Diagnostic>,
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
    engine: &Engine,
    source: &SourceFile,
    threshold: Applicability,
) -> Result<FixOutcome> {
    let first = engine.lint(source)?;
    fix_until_stable_from(engine, source, first, threshold)
}

/// [`fix_until_stable`] for a source already linted (`first` are its diagnostics), so that
/// `check --fix` does not lint every file twice.
pub fn fix_until_stable_from(
    engine: &Engine,
    source: &SourceFile,
    first: Vec<Diagnostic>,
    threshold: Applicability,
) -> Result<FixOutcome> {
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
                let pass = SourceFile::new(
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
        let applied: Vec<Diagnostic> = taken
            .iter()
            .map(|&t| diagnostics[candidates[t].0].clone())
            .collect();
        if seen.contains(&fingerprint(&next)) {
            fixed.extend(applied);
            return unsettled(engine, source, &fixed);
        }
        fixed.extend(applied);
        seen.push(fingerprint(&next));
        text = std::borrow::Cow::Owned(next);
    }
    let last: Vec<Diagnostic> = fixed.iter().rev().take(8).cloned().collect();
    unsettled(engine, source, &last)
}

/// A text's length and 64-bit hash, for recognising a text seen before.
fn fingerprint(text: &str) -> (usize, u64) {
    use std::hash::BuildHasher;
    (text.len(), rustc_hash::FxBuildHasher.hash_one(text))
}

/// The outcome when passes do not settle: the original text, linted again for its
/// diagnostics (that lint's error is the caller's, not an empty list).
fn unsettled(engine: &Engine, source: &SourceFile, involved: &[Diagnostic]) -> Result<FixOutcome> {
    let mut rules: Vec<String> = involved.iter().map(|d| d.rule.clone()).collect();
    rules.sort();
    rules.dedup();
    Ok(FixOutcome {
        text: source.text.as_str().to_owned(),
        fixed: Vec::new(),
        remaining: engine.lint(source)?,
        settled: false,
        unsettled_rules: rules,
    })
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
