//! The engine: what is compiled once per run, and the steps that lint one file with it.

mod fixing;
pub mod run_pack;

pub use fixing::{fix_until_stable, fix_until_stable_from, FixOutcome, MAX_PASSES};

use crate::model::{self, Release};
use crate::rules::choice::{Chosen, PackChoice};
use crate::source::{SourceFile, SourceKind};
use crate::span::Span;
use crate::{config, diagnostic, error, parse, rules, schema, Diagnostic};

/// Everything compiled once per run: the rule packs and the configuration that selects their
/// rules (the release schema is compiled once per process, when a JSON input needs it).
pub struct Engine {
    packs: PackChoice,
    config: config::Config,
}

/// What linting one file gave: the pack that checked it, and its sorted diagnostics.
pub struct Linted<'a> {
    pub pack: &'a rules::Pack,
    pub diagnostics: Vec<Diagnostic>,
}

impl Engine {
    pub fn new(pack: rules::Pack) -> error::Result<Self> {
        Self::configured(pack, config::Config::default())
    }

    /// An engine whose diagnostics follow `config` (selection, per-file ignores, severities).
    pub fn configured(pack: rules::Pack, config: config::Config) -> error::Result<Self> {
        Ok(Self::choosing(PackChoice::Pinned(pack), config))
    }

    /// An engine that checks each file with the pack `packs` chooses for it.
    pub fn choosing(packs: PackChoice, config: config::Config) -> Self {
        Self { packs, config }
    }

    /// Compiles every regex of the first pack ahead of use: the rules' from last to first,
    /// then the layout's, so that a thread running this beside the one that lints the first
    /// file (which needs the layout first, then the rules in order) meets it in the middle.
    /// Regexes compile once whoever asks first; this only moves the work to another core.
    pub fn prewarm(&self) {
        let pack = self.packs.first();
        for rule in pack.rules.iter().rev() {
            for regex in rule.check.regexes() {
                regex.get();
            }
        }
        for regex in pack.data.layout.regexes().into_iter().rev() {
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

    /// The pinned pack, or the default one when packs are chosen by language: what
    /// describes the run when no file is at hand.
    pub fn pack(&self) -> &rules::Pack {
        self.packs.first()
    }

    /// The packs this engine checks with.
    pub fn packs(&self) -> &PackChoice {
        &self.packs
    }

    /// Parses a file into a release with the layout of the pack chosen for it; a JSON input
    /// is also validated against the release schema.
    pub fn parse(&self, source: &SourceFile) -> error::Result<(Release, Vec<Diagnostic>)> {
        let chosen = self.packs.choose(&source.text)?;
        Self::parse_with(chosen.pack, source)
    }

    /// Text never fails to parse, and its typed model always has the schema's shape
    /// (`text_models_satisfy_the_release_schema` holds it to that); a JSON input that is not
    /// JSON at all is an error for the whole file.
    fn parse_with(
        pack: &rules::Pack,
        source: &SourceFile,
    ) -> error::Result<(Release, Vec<Diagnostic>)> {
        match source.kind {
            SourceKind::Text => Ok((parse::parse_text(source, &pack.data.layout), Vec::new())),
            SourceKind::Json => {
                let document = parse::json::JsonDocument::parse(source)?;
                let schema = schema::ReleaseSchema::shared()?;
                let diagnostics = schema.validate(&document.value, &document.spans);
                Ok((document.to_release(source, &pack.data.layout), diagnostics))
            }
        }
    }

    /// Parses, validates against the schema, runs every rule: sorted diagnostics.
    pub fn lint(&self, source: &SourceFile) -> error::Result<Vec<Diagnostic>> {
        Ok(self.lint_file(source)?.diagnostics)
    }

    /// [`Engine::lint`], naming the pack that checked the file.
    pub fn lint_file(&self, source: &SourceFile) -> error::Result<Linted<'_>> {
        let chosen = self.packs.choose(&source.text)?;
        self.lint_with(chosen, source)
    }

    fn lint_with<'a>(&self, chosen: Chosen<'a>, source: &SourceFile) -> error::Result<Linted<'a>> {
        let (release, mut diagnostics) = Self::parse_with(chosen.pack, source)?;
        let rules = self.config.for_file(std::path::Path::new(&source.name));
        run_pack::run(
            chosen.pack,
            chosen.verdict.as_ref(),
            source,
            &release,
            &|rule| rules.enabled(rule),
            &mut diagnostics,
        );
        rules.apply(&mut diagnostics);
        if release.format == model::InputFormat::Json {
            withdraw_unsafe_json_fixes(&release, &mut diagnostics);
        }
        diagnostic::sort(&mut diagnostics);
        Ok(Linted {
            pack: chosen.pack,
            diagnostics,
        })
    }

    /// The diagnostics of an example release of a rule's documentation (none when it cannot
    /// be linted): what a rule's page ([`rules::explain::Page::of`]) needs to show where the
    /// rule fires and how its fix reads.
    /// The example is linted with the rule's own `pack`, whatever its language: an example
    /// of `page/wrong-pack` is a release in another language.
    pub fn lint_example(&self, pack: &rules::Pack, text: &str) -> Vec<Diagnostic> {
        let source = SourceFile::new("example.txt", text, SourceKind::Text);
        let chosen = Chosen {
            pack,
            verdict: rules::detect::detect(pack, text),
        };
        self.lint_with(chosen, &source)
            .map(|linted| linted.diagnostics)
            .unwrap_or_default()
    }
}

/// Keeps fixes safe to write into a JSON file. Checks escape what they write inside a field
/// (`MatchText::encoding`); a fix with an edit outside string contents (an insertion after
/// the last element, a deleted line) would break the JSON, so it is withdrawn.
fn withdraw_unsafe_json_fixes(release: &Release, diagnostics: &mut [Diagnostic]) {
    let strings: Vec<Span> = release.fields().map(|f| f.span).collect();
    for diagnostic in diagnostics {
        let outside = diagnostic.fix.as_ref().is_some_and(|fix| {
            fix.edits
                .iter()
                .any(|e| !strings.iter().any(|s| s.contains(e.span())))
        });
        if outside {
            diagnostic.fix = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_outside_strings_are_withdrawn() {
        use crate::diagnostic::{Diagnostic, Severity};
        use crate::fix::{Applicability, Edit, Fix};
        let source = SourceFile::new(
            "r.json",
            r#"{"end_marker": {"text": "***"}}"#,
            SourceKind::Json,
        );
        let release = parse::json::JsonDocument::parse(&source)
            .unwrap()
            .to_release(&source, parse::test_layout());
        let marker = release.end_marker.as_ref().unwrap().span;
        let fix = |edit| Some(Fix::new("t", Applicability::Safe, vec![edit]));
        let mut diagnostics = vec![
            Diagnostic::new("a/b", Severity::Warning, "m", marker)
                .with_fix(fix(Edit::replace(marker, "\"x\""))),
            Diagnostic::new("a/c", Severity::Warning, "m", marker)
                .with_fix(fix(Edit::insert(0, "x"))),
        ];
        withdraw_unsafe_json_fixes(&release, &mut diagnostics);
        assert_eq!(
            diagnostics[0].fix.as_ref().unwrap().edits[0].replacement,
            "\"x\"",
            "left as the check wrote it"
        );
        assert_eq!(diagnostics[1].fix, None);
    }
}
