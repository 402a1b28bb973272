//! Marked-up releases (HTML pages, Markdown files) read as the text they show.
//!
//! `projection.rs` holds the text and the map back to the file; `html.rs` and `markdown.rs`
//! build it for their format. The engine parses and checks the projected text as it checks a
//! plain-text release, then maps every finding back through the projection.

pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod projection;

use crate::source::{bom_len, SourceFile, SourceKind};
use crate::span::Span;

pub use projection::{Markup, Projection};

/// A comment of the file (`<!-- ... -->`): where suppressions are written. Its text is read
/// from the file's bytes at `span` (a parser's copy may differ: HTML turns CR LF into LF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, delimiters included.
    pub span: Span,
}

/// A marked-up file as the text it shows.
#[derive(Debug, Clone)]
pub struct Projected {
    /// The projected text as a source the parser reads (named as the file).
    pub source: SourceFile,
    pub projection: Projection,
    pub comments: Vec<Comment>,
    /// Findings about the markup itself (front matter against the schema), already in the
    /// file's offsets.
    pub diagnostics: Vec<crate::Diagnostic>,
    /// The language the file declares (front matter `language`), if any.
    pub language: Option<String>,
}

/// The projection of an HTML or Markdown file; `None` for the other kinds.
pub fn project(source: &SourceFile) -> Option<Projected> {
    let text = source.text.as_str();
    let start = bom_len(text);
    let projected = match source.kind {
        SourceKind::Html => {
            let (projection, comments) = html::project(text, start)?;
            (projection, comments, Vec::new(), None)
        }
        SourceKind::Markdown => {
            let read = markdown::project(text, start);
            (
                read.projection,
                read.comments,
                read.diagnostics,
                read.language,
            )
        }
        SourceKind::Text | SourceKind::Json => return None,
    };
    let (projection, comments, diagnostics, language) = projected;
    Some(Projected {
        source: SourceFile::new(&source.name, projection.text.clone(), SourceKind::Text),
        projection,
        comments,
        diagnostics,
        language,
    })
}
