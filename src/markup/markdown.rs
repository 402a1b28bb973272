//! A Markdown release read as the text it shows: its front matter, then its CommonMark body.

use super::projection::{Markup, Projection};
use super::Comment;
use crate::diagnostic::Diagnostic;

/// What a Markdown file reads as.
#[derive(Debug)]
pub struct Read {
    pub projection: Projection,
    pub comments: Vec<Comment>,
    /// Front-matter findings, in the file's offsets.
    pub diagnostics: Vec<Diagnostic>,
    /// The front matter's `language`.
    pub language: Option<String>,
}

/// Reads the Markdown file `text` from byte `start` (after a byte order mark).
pub fn project(text: &str, start: usize) -> Read {
    let mut projection = Projection::new(Markup::Markdown, text.len());
    projection.push_verbatim(&text[start..], start);
    Read {
        projection,
        comments: Vec::new(),
        diagnostics: Vec::new(),
        language: None,
    }
}
