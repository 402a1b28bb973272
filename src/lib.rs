//! presslint: a schema validator and style linter for official press releases.
//!
//! The pipeline reads straight down:
//!
//! ```text
//! bytes -> source (decode, line index) -> parse (text or JSON) -> model::Release
//!       -> schema (JSON input only: its value + pointer->span map, validated by
//!          schemas/release.schema.json; the text parser's typed model needs no check)
//!       -> checks (the rule pack from rules/, compiled once)       -> Vec<Diagnostic>
//!       -> render (human | concise | json | ...)  or  fix (apply edits, re-lint, write)
//! ```
//!
//! [`Engine`] holds everything compiled once per run (schema, rules, regexes) and lints one
//! [`SourceFile`] at a time; it is `Sync`, so files can be checked in parallel.

pub mod baseline;
pub mod checks;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod engine;
pub mod error;
pub mod fingerprint;
pub mod fix;
pub mod inputs;
pub mod layout;
pub mod lazy_regex;
pub mod markup;
pub mod model;
pub mod open;
pub mod parse;
pub mod pointer;
pub mod render;
pub mod rules;
pub mod schema;
pub mod selection;
pub mod source;
pub mod span;
pub mod symbols;
pub mod text;
pub mod toml_file;
pub mod trust;
pub mod walk;
pub mod write;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use engine::Engine;
pub use error::Error;
pub use fix::{Applicability, Edit, Fix};
pub use model::Release;
pub use source::{SourceFile, SourceKind};
pub use span::Span;

/// Lints text with the default pack: the shortest way in for tests and embedders.
pub fn lint_text(name: &str, text: &str) -> error::Result<Vec<Diagnostic>> {
    let engine = Engine::with_default_pack()?;
    engine.lint(&SourceFile::new(name, text, SourceKind::Text))
}
