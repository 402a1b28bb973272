//! The check kinds: each rule of a pack names one, with its own parameters.

use crate::diagnostic::Diagnostic;
use crate::model::Release;
use crate::rules::Pack;
use crate::source::SourceFile;

/// A rule's compiled check (one variant per kind).
#[derive(Debug)]
pub enum Check {}

/// Runs every rule of `pack` on `release`, appending diagnostics.
pub fn run(pack: &Pack, source: &SourceFile, release: &Release, out: &mut Vec<Diagnostic>) {
    let _ = (pack, source, release, out);
}
