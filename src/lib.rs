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
pub mod lazy_regex;
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

/// Everything compiled once per run: the rule pack and the configuration that selects its
/// rules (the release schema is compiled once per process, when a JSON input needs it).
pub struct Engine {
    pack: rules::Pack,
    config: config::Config,
}

impl Engine {
    pub fn new(pack: rules::Pack) -> error::Result<Self> {
        Self::configured(pack, config::Config::default())
    }

    /// An engine whose diagnostics follow `config` (selection, per-file ignores, severities).
    pub fn configured(pack: rules::Pack, config: config::Config) -> error::Result<Self> {
        Ok(Self { pack, config })
    }

    /// Compiles every regex of the pack ahead of use: the rules' from last to first, then the
    /// layout's, so that a thread running this beside the one that lints the first file
    /// (which needs the layout first, then the rules in order) meets it in the middle.
    /// Regexes compile once whoever asks first; this only moves the work to another core.
    pub fn prewarm(&self) {
        for rule in self.pack.rules.iter().rev() {
            for regex in rule.check.regexes() {
                regex.get();
            }
        }
        for regex in self.pack.data.layout.regexes().into_iter().rev() {
            regex.get();
        }
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

    /// Parses a file into a release; a JSON input is also validated against the release
    /// schema. Text never fails to parse, and its typed model always has the schema's shape
    /// (`text_models_satisfy_the_release_schema` holds it to that); a JSON input that is not
    /// JSON at all is an error for the whole file.
    pub fn parse(&self, source: &SourceFile) -> error::Result<(Release, Vec<Diagnostic>)> {
        match source.kind {
            SourceKind::Text => Ok((
                parse::parse_text(source, &self.pack.data.layout),
                Vec::new(),
            )),
            SourceKind::Json => {
                let document = parse::json::JsonDocument::parse(source)?;
                let schema = schema::ReleaseSchema::shared()?;
                let diagnostics = schema.validate(&document.value, &document.spans);
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
