//! presslint: a schema validator and style linter for official press releases.
//!
//! The pipeline reads straight down:
//!
//! ```text
//! bytes -> source (decode, line index) -> parse (text or JSON) -> model::Release
//!       -> schema (Release as JSON + pointer->span map, validated by schemas/release.schema.json)
//!       -> checks (the rule pack from rules/, compiled once)       -> Vec<Diagnostic>
//!       -> render (human | concise | json | ...)  or  fix (apply edits, re-lint, write)
//! ```
//!
//! [`Engine`] holds everything compiled once per run (schema, rules, regexes) and lints one
//! [`SourceFile`] at a time; it is `Sync`, so files can be checked in parallel.

pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod error;
pub mod fix;
pub mod inputs;
pub mod layout;
pub mod model;
pub mod open;
pub mod parse;
pub mod pointer;
pub mod render;
pub mod rules;
pub mod schema;
pub mod source;
pub mod span;
pub mod symbols;
pub mod text;
pub mod trust;
pub mod walk;
pub mod workspace;
pub mod write;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use error::Error;
pub use fix::{Applicability, Edit, Fix};
pub use model::Release;
pub use source::{SourceFile, SourceKind};
pub use span::Span;

/// Everything compiled once per run: the release schema, the rule pack and the
/// configuration that selects its rules.
pub struct Engine {
    schema: schema::ReleaseSchema,
    pack: rules::Pack,
    config: config::Config,
}

impl Engine {
    pub fn new(pack: rules::Pack) -> error::Result<Self> {
        Self::configured(pack, config::Config::default())
    }

    /// An engine whose diagnostics follow `config` (selection, per-file ignores, severities).
    pub fn configured(pack: rules::Pack, config: config::Config) -> error::Result<Self> {
        Ok(Self {
            schema: schema::ReleaseSchema::compile()?,
            pack,
            config,
        })
    }

    pub fn config(&self) -> &config::Config {
        &self.config
    }

    /// An engine with the default pack (`un-en`) embedded in the binary.
    pub fn with_default_pack() -> error::Result<Self> {
        Self::new(rules::Pack::embedded(rules::DEFAULT_PACK)?)
    }

    pub fn pack(&self) -> &rules::Pack {
        &self.pack
    }

    /// Parses a file into a release and validates its JSON form against the release schema.
    /// Text never fails to parse; a JSON input that is not JSON at all is an error for the
    /// whole file.
    pub fn parse(&self, source: &SourceFile) -> error::Result<(Release, Vec<Diagnostic>)> {
        match source.kind {
            SourceKind::Text => {
                let release = parse::parse_text(source, &self.pack.data.layout);
                let value = serde_json::to_value(&release).unwrap_or_default();
                let spans = pointer::PointerSpans::from_model_json(&value, Span::empty(0));
                let diagnostics = self.schema.validate(&value, &spans);
                Ok((release, diagnostics))
            }
            SourceKind::Json => {
                let document = parse::json::JsonDocument::parse(source)?;
                let diagnostics = self.schema.validate(&document.value, &document.spans);
                Ok((
                    document.to_release(source, &self.pack.data.layout),
                    diagnostics,
                ))
            }
        }
    }

    /// Parses, validates against the schema, runs every rule: sorted diagnostics.
    pub fn lint(&self, source: &SourceFile) -> error::Result<Vec<Diagnostic>> {
        let (release, mut diagnostics) = self.parse(source)?;
        let rules = self.config.for_file(std::path::Path::new(&source.name));
        checks::run(
            &self.pack,
            source,
            &release,
            &|rule| rules.enabled(rule),
            &mut diagnostics,
        );
        rules.apply(&mut diagnostics);
        if release.format == model::InputFormat::Json {
            parse::json::withdraw_unsafe_json_fixes(&release, &mut diagnostics);
        }
        diagnostic::sort(&mut diagnostics);
        Ok(diagnostics)
    }
}

/// Lints text with the default pack: the shortest way in for tests and embedders.
pub fn lint_text(name: &str, text: &str) -> error::Result<Vec<Diagnostic>> {
    let engine = Engine::with_default_pack()?;
    engine.lint(&SourceFile::new(name, text, SourceKind::Text))
}
