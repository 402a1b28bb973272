//! Linting one document off the main loop, with the engine its configuration selects, and
//! what the server keeps of the result (code actions and hovers read it).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use lsp_types::{Position, Range, Uri};
use presslint::source::DecodeError;
use presslint::span::LineIndex;
use presslint::{Diagnostic, Engine, SourceFile, SourceKind};

use super::convert;
use super::documents::Ticket;
use super::uri;
use crate::workspace::Workspace;

/// A snapshot of a document to lint.
pub struct LintJob {
    pub uri: Uri,
    pub version: i32,
    pub text: Arc<String>,
    pub damage: Option<String>,
    pub ticket: Ticket,
    pub workspace: Arc<Workspace>,
}

/// A document's findings as the engine gave them, beside the published diagnostics.
pub struct Findings {
    pub source: SourceFile,
    /// In the order of the published diagnostics (one each).
    pub diagnostics: Vec<Diagnostic>,
    pub engine: Arc<Engine>,
    /// The pack that checked the document (its language's, when none is pinned).
    pub pack: String,
}

/// One lint of one generation of a document.
pub struct Linted {
    pub uri: Uri,
    pub version: i32,
    pub generation: u64,
    /// What is published.
    pub diagnostics: Vec<lsp_types::Diagnostic>,
    /// `None` when the document could not be checked.
    pub findings: Option<Findings>,
    /// The configuration's error, when it is what stopped the check.
    pub configuration_error: Option<String>,
}

impl LintJob {
    /// Lints the snapshot, unless a newer generation has begun. A panic in the engine (a
    /// bug) becomes a diagnostic instead of taking the worker down.
    pub fn run(self) -> Option<Linted> {
        if self.ticket.superseded() {
            return None;
        }
        let linted = catch_unwind(AssertUnwindSafe(|| self.lint())).unwrap_or_else(|_| {
            self.problem(
                0,
                "presslint failed on this document (an internal error; please report it)".into(),
            )
        });
        Some(linted)
    }

    fn lint(&self) -> Linted {
        if let Some(damage) = &self.damage {
            let message = format!(
                "the editor sent text that {damage}; presslint checks it again once it is \
                 valid Unicode"
            );
            return self.problem(0, message);
        }
        let path = uri::file_path(&self.uri);
        let name = uri::document_name(&self.uri);
        let engine = match self.workspace.engine_for(path.as_deref(), &name) {
            Ok(engine) => engine,
            Err(error) => {
                let message = format!("configuration error: {error}");
                let mut linted = self.problem(0, message.clone());
                linted.configuration_error = Some(message);
                return linted;
            }
        };
        let kind = SourceKind::from_path(Path::new(&name));
        let bytes = self.text.as_bytes().to_vec();
        let source = match SourceFile::decode(name, bytes, kind) {
            Ok(source) => source,
            Err(DecodeError::Empty) => return self.linted(Vec::new(), None),
            Err(error) => {
                let at = match error {
                    DecodeError::Binary { offset } | DecodeError::InvalidUtf8 { offset } => offset,
                    _ => 0,
                };
                return self.problem(at, error.to_string());
            }
        };
        let (found, pack) = match engine.lint_file(&source) {
            Ok(linted) => (linted.diagnostics, linted.pack.name.clone()),
            Err(error) => {
                // A JSON release that is not JSON: its line when the error names one.
                let line = error.line.map_or(0, |line| line.saturating_sub(1));
                let at = source.lines().line_start(line);
                return self.problem(at, error.message);
            }
        };
        let published = found
            .iter()
            .map(|finding| convert::diagnostic(&self.uri, &source, finding))
            .collect();
        let findings = Findings {
            source,
            diagnostics: found,
            engine,
            pack,
        };
        self.linted(published, Some(findings))
    }

    fn linted(
        &self,
        diagnostics: Vec<lsp_types::Diagnostic>,
        findings: Option<Findings>,
    ) -> Linted {
        Linted {
            uri: self.uri.clone(),
            version: self.version,
            generation: self.ticket.generation,
            diagnostics,
            findings,
            configuration_error: None,
        }
    }

    /// The document could not be checked: one diagnostic at the byte `offset` saying why.
    fn problem(&self, offset: usize, message: String) -> Linted {
        let text = self.text.as_str();
        let at = LineIndex::new(text).utf16_position(text, offset);
        let start = convert::position(at);
        let range = Range::new(start, Position::new(start.line, start.character));
        self.linted(vec![convert::problem(range, message)], None)
    }
}
