//! Turns a file into a [`Release`]: plain text through the release parser, JSON through
//! the exported form of the model.

pub mod json;

use crate::model::Release;
use crate::source::SourceFile;

/// Parses a plain-text release. Never fails: what is missing is `None`.
pub fn parse_text(source: &SourceFile) -> Release {
    Release {
        content_end: source.text.trim_end().len(),
        ..Release::default()
    }
}
