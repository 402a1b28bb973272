//! The engine: what is compiled once per run, and the steps that lint one file with it.

pub mod editions;
mod fixing;
pub mod run_pack;
pub mod suppressions;

pub use fixing::{fix_until_stable, fix_until_stable_from, FixOutcome, MAX_PASSES};

use crate::checks::pair::facts::{EditionKey, PairFacts};
use crate::checks::pair::Pairing;
use crate::model::{self, Release};
use crate::rules::choice::{Chosen, PackChoice};
use crate::source::{SourceFile, SourceKind};
use crate::span::Span;
use crate::{config, diagnostic, error, markup, parse, rules, schema, Diagnostic};

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
    /// The findings its suppression comments silenced (HTML and Markdown files).
    pub suppressed: Vec<diagnostic::Suppressed>,
    /// Which release the file is an edition of ([`Engine::lint_edition`]).
    pub edition: Option<EditionKey>,
    /// What the other-language edition of the release must agree with, when asked for.
    pub facts: Option<PairFacts>,
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

    /// A file as the parser reads it: the projection of a marked-up file (none for text and
    /// JSON), and the pack chosen for it, by the language the file declares (a Markdown
    /// release's front matter), else by the language of its text.
    fn read(&self, source: &SourceFile) -> error::Result<(Option<markup::Projected>, Chosen<'_>)> {
        let projected = markup::project(source);
        let readable = projected.as_ref().map_or(source, |p| &p.source);
        let declared = projected.as_ref().and_then(|p| p.language.as_deref());
        let chosen = self.packs.choose_declared(&readable.text, declared)?;
        Ok((projected, chosen))
    }

    /// The packs this engine checks with.
    pub fn packs(&self) -> &PackChoice {
        &self.packs
    }

    /// Parses a file into a release with the layout of the pack chosen for it; a JSON input
    /// is also validated against the release schema.
    pub fn parse(&self, source: &SourceFile) -> error::Result<(Release, Vec<Diagnostic>)> {
        let (release, diagnostics, _) = self.parse_projected(source)?;
        Ok((release, diagnostics))
    }

    /// [`Engine::parse`], with the projection of a marked-up file (HTML, Markdown): the
    /// release's spans are offsets into the projected text, which the projection maps to the
    /// file; the diagnostics are already in the file's offsets.
    pub fn parse_projected(
        &self,
        source: &SourceFile,
    ) -> error::Result<(Release, Vec<Diagnostic>, Option<markup::Projected>)> {
        let (projected, chosen) = self.read(source)?;
        let readable = projected.as_ref().map_or(source, |p| &p.source);
        let (release, mut diagnostics) = Self::parse_with(chosen.pack, readable)?;
        if let Some(projected) = &projected {
            diagnostics.extend(projected.diagnostics.iter().cloned());
        }
        Ok((release, diagnostics, projected))
    }

    /// Text never fails to parse, and its typed model always has the schema's shape
    /// (`text_models_satisfy_the_release_schema` holds it to that); a JSON input that is not
    /// JSON at all is an error for the whole file.
    fn parse_with(
        pack: &rules::Pack,
        source: &SourceFile,
    ) -> error::Result<(Release, Vec<Diagnostic>)> {
        match source.kind {
            // A marked-up file is parsed as the text it shows ([`markup::project`]).
            SourceKind::Text | SourceKind::Html | SourceKind::Markdown => {
                Ok((parse::parse_text(source, &pack.data.layout), Vec::new()))
            }
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
        let (projected, chosen) = self.read(source)?;
        self.lint_with(chosen, source, projected.as_ref(), Editions::Ignored)
    }

    /// [`Engine::lint_file`] for a run that checks the two editions of a release against
    /// each other: the `pair/` rules compare it with `pairing` (its other edition, or the
    /// note that there is none), and the result names the release it is an edition of, with
    /// its facts when `wants_facts` asks for them (its partner is waiting). Editions are
    /// paired only when packs are chosen by language.
    pub fn lint_edition(
        &self,
        source: &SourceFile,
        pairing: Option<&Pairing>,
        wants_facts: &dyn Fn(&EditionKey) -> bool,
    ) -> error::Result<Linted<'_>> {
        let (projected, chosen) = self.read(source)?;
        let editions = match self.packs.by_language_of_release() {
            true => Editions::Paired(pairing, wants_facts),
            false => Editions::Ignored,
        };
        self.lint_with(chosen, source, projected.as_ref(), editions)
    }

    /// The facts of the release in `source` that its other edition is compared with (the
    /// first pass of `--require-pairs`, an edition read again when its partner comes);
    /// `None` without a symbol, or with a pinned pack.
    pub fn edition_facts(&self, source: &SourceFile) -> error::Result<Option<PairFacts>> {
        if !self.packs.by_language_of_release() {
            return Ok(None);
        }
        let (projected, chosen) = self.read(source)?;
        let readable = projected.as_ref().map_or(source, |p| &p.source);
        let (release, _) = Self::parse_with(chosen.pack, readable)?;
        let data = &chosen.pack.data;
        let mut facts = PairFacts::of(&release, readable, data, &chosen.pack.language);
        if let (Some(facts), Some(projected)) = (facts.as_mut(), &projected) {
            facts.map_places(|span| projected.projection.span(span), source);
        }
        Ok(facts)
    }

    /// Lints `source`, or the text of a marked-up file (`projected`), whose findings are then
    /// mapped back to the file's bytes.
    fn lint_with<'a>(
        &self,
        chosen: Chosen<'a>,
        file: &SourceFile,
        projected: Option<&markup::Projected>,
        editions: Editions<'_>,
    ) -> error::Result<Linted<'a>> {
        let source = projected.map_or(file, |p| &p.source);
        let (release, mut diagnostics) = Self::parse_with(chosen.pack, source)?;
        let rules = self.config.for_file(std::path::Path::new(&source.name));
        let pairing = match editions {
            Editions::Paired(pairing, _) => pairing,
            Editions::Ignored => None,
        };
        run_pack::run(
            chosen.pack,
            chosen.verdict.as_ref(),
            pairing,
            source,
            &release,
            &|rule| rules.enabled(rule),
            &mut diagnostics,
        );
        if let Some(projected) = projected {
            diagnostics = diagnostics
                .into_iter()
                .map(|d| projected.projection.diagnostic(d))
                .chain(projected.diagnostics.iter().cloned())
                .collect();
        }
        rules.apply(&mut diagnostics);
        let mut suppressed = Vec::new();
        if let Some(projected) = projected {
            let pack = chosen.pack;
            let known =
                |id: &str| pack.rules.iter().any(|r| r.id == id) || schema::is_schema_rule(id);
            let applied = suppressions::apply(&projected.comments, file, &mut diagnostics, &known);
            suppressed = applied.suppressed;
            if !applied.problems.is_empty() {
                let mut found = Vec::new();
                let reporters = pack.rules.iter().filter(|r| r.kind == "suppression");
                for rule in reporters.filter(|r| rules.enabled(&r.id)) {
                    let cx = crate::checks::Context {
                        rule,
                        release: &release,
                        source: file,
                        data: &pack.data,
                        verdict: None,
                        pairing: None,
                        suppressions: Some(&applied.problems),
                    };
                    rule.check.run(&cx, &mut found);
                }
                rules.apply(&mut found);
                diagnostics.extend(found);
            }
        }
        if release.format == model::InputFormat::Json {
            withdraw_unsafe_json_fixes(&release, &mut diagnostics);
        }
        diagnostic::sort(&mut diagnostics);
        let (edition, facts) = match editions {
            Editions::Paired(_, wants_facts) => {
                let (data, language) = (&chosen.pack.data, &chosen.pack.language);
                let edition = EditionKey::of(&release, data, language);
                let facts = edition
                    .as_ref()
                    .filter(|edition| wants_facts(edition))
                    .and_then(|_| PairFacts::of(&release, source, data, language))
                    .map(|mut facts| {
                        if let Some(projected) = projected {
                            facts.map_places(|span| projected.projection.span(span), file);
                        }
                        facts
                    });
                (edition, facts)
            }
            Editions::Ignored => (None, None),
        };
        Ok(Linted {
            pack: chosen.pack,
            diagnostics,
            suppressed,
            edition,
            facts,
        })
    }

    /// The diagnostics of an example release of a rule's documentation (none when it cannot
    /// be linted): what a rule's page ([`rules::explain::Page::of`]) needs to show where the
    /// rule fires and how its fix reads.
    /// The example is linted with the rule's own `pack`, whatever its language: an example
    /// of `page/wrong-pack` is a release in another language. A `pair/` rule's examples are
    /// editions compared with its `partner` (read with the embedded pack of its language).
    /// An example written as an HTML page or a Markdown release is read as one
    /// ([`SourceKind::of_example`]).
    pub fn lint_example(
        &self,
        pack: &rules::Pack,
        partner: Option<&rules::ExamplePartner>,
        text: &str,
    ) -> Vec<Diagnostic> {
        let kind = SourceKind::of_example(text);
        let source = SourceFile::new(format!("example.{}", kind.extension()), text, kind);
        let projected = markup::project(&source);
        let readable = projected.as_ref().map_or(text, |p| p.source.text.as_str());
        let chosen = Chosen {
            pack,
            verdict: rules::detect::detect(pack, readable),
        };
        let pairing = match partner {
            Some(rules::ExamplePartner::Edition(partner)) => Self::example_partner(pack, partner),
            Some(rules::ExamplePartner::Missing) => Some(Pairing::Missing),
            None => None,
        };
        let editions = match &pairing {
            Some(pairing) => Editions::Paired(Some(pairing), &|_| false),
            None => Editions::Ignored,
        };
        self.lint_with(chosen, &source, projected.as_ref(), editions)
            .map(|linted| linted.diagnostics)
            .unwrap_or_default()
    }

    /// A rule example's other edition, as a run would have met it (`partner.txt`).
    fn example_partner(pack: &rules::Pack, partner: &str) -> Option<Pairing> {
        let source = SourceFile::new("partner.txt", partner, SourceKind::Text);
        let language = rules::detect::detect(pack, partner).map(|verdict| verdict.pack);
        let own = language
            .as_deref()
            .and_then(|name| rules::Pack::embedded(name).ok());
        let pack = own.as_ref().unwrap_or(pack);
        let (release, _) = Self::parse_with(pack, &source).ok()?;
        let facts = PairFacts::of(&release, &source, &pack.data, &pack.language)?;
        Some(Pairing::Found {
            facts: Box::new(facts),
            name: source.name,
        })
    }
}

/// Whether a lint takes part in comparing the editions of a release.
#[derive(Clone, Copy)]
enum Editions<'p> {
    Ignored,
    /// Compared with the other edition, when there is one; the edition's facts are read
    /// when the function says they are wanted.
    Paired(Option<&'p Pairing>, &'p dyn Fn(&EditionKey) -> bool),
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
