//! Test helpers for the kinds: hand-built releases over a text, the embedded pack, and
//! `#[track_caller]` assertions on exact `(rule, line, column)` and fix results.

use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;
use crate::fix::{apply, Fix};
use crate::model::{DateForm, DateLine, Field, Headline, Noise, NoiseKind, Release, Symbol};
use crate::rules::Pack;
use crate::source::{SourceFile, SourceKind};
use crate::span::Span;

pub static PACK: LazyLock<Pack> =
    LazyLock::new(|| Pack::embedded("un-en").unwrap_or_else(|e| panic!("{e}")));

/// Builds a release over `text`: each element is found at or after the previous one.
pub struct Builder {
    text: String,
    cursor: usize,
    pub release: Release,
}

impl Builder {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: 0,
            release: Release {
                content_end: text.trim_end().len(),
                ..Release::default()
            },
        }
    }

    #[track_caller]
    fn take(&mut self, needle: &str) -> Field {
        let at = self.text[self.cursor..]
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in the text after {}", self.cursor))
            + self.cursor;
        self.cursor = at + needle.len();
        Field::verbatim(&self.text, Span::new(at, at + needle.len()))
    }

    #[track_caller]
    pub fn symbol(mut self, s: &str) -> Self {
        let field = self.take(s);
        self.release.symbols.push(Symbol {
            parts: vec![field.clone()],
            field,
            stacked: false,
        });
        self
    }

    #[track_caller]
    pub fn stacked(mut self, parts: &[&str]) -> Self {
        let parts: Vec<Field> = parts.iter().map(|p| self.take(p)).collect();
        let span = Span::new(parts[0].span.start, parts[parts.len() - 1].span.end);
        let mut field = Field::verbatim(&self.text, span);
        field.text = parts
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("-")
            .into();
        self.release.symbols.push(Symbol {
            field,
            parts,
            stacked: true,
        });
        self
    }

    #[track_caller]
    pub fn date(mut self, s: &str, form: DateForm, ymd: (i32, u8, u8)) -> Self {
        let field = self.take(s);
        self.release.date_line = Some(DateLine {
            field,
            form,
            year: Some(ymd.0),
            month: Some(ymd.1),
            day: Some(ymd.2),
        });
        self
    }

    #[track_caller]
    pub fn headline(mut self, lines: &[&str]) -> Self {
        let lines: Vec<Field> = lines.iter().map(|l| self.take(l)).collect();
        let span = Span::new(lines[0].span.start, lines[lines.len() - 1].span.end);
        self.release.headlines.push(Headline {
            field: Field::verbatim(&self.text, span),
            lines,
        });
        self
    }

    #[track_caller]
    pub fn body(mut self, s: &str) -> Self {
        let field = self.take(s);
        self.release.body.push(field);
        self
    }

    #[track_caller]
    pub fn end_marker(mut self, s: &str) -> Self {
        self.release.end_marker = Some(self.take(s));
        self
    }

    #[track_caller]
    pub fn disclaimer(mut self, s: &str) -> Self {
        let field = self.take(s);
        self.release.disclaimers.push(field);
        self
    }

    #[track_caller]
    pub fn noise(mut self, s: &str) -> Self {
        let field = self.take(s);
        self.release.noise.push(Noise {
            field,
            kind: NoiseKind::SiteBanner,
        });
        self
    }

    /// The document kind, told by the label line `s`.
    #[track_caller]
    pub fn kind(mut self, s: &str, name: &str, symbol: bool) -> Self {
        let field = self.take(s);
        self.release.kind = Some(crate::model::DocumentKind {
            name: name.to_owned(),
            symbol,
            span: field.span,
        });
        self.release.labels.push(crate::model::Label {
            field,
            kind: Some(name.to_owned()),
        });
        self
    }

    #[track_caller]
    pub fn category(mut self, s: &str) -> Self {
        self.release.category = Some(self.take(s));
        self
    }

    pub fn build(self) -> (SourceFile, Release) {
        (
            SourceFile::new("test.txt", self.text, SourceKind::Text),
            self.release,
        )
    }
}

/// The diagnostics of rule `id` of the embedded pack on `release`.
#[track_caller]
pub fn run_rule(id: &str, built: &(SourceFile, Release)) -> Vec<Diagnostic> {
    let rule = PACK.rule(id).unwrap_or_else(|| panic!("no rule {id}"));
    let cx = super::Context {
        pairing: None,
        suppressions: None,
        rule,
        release: &built.1,
        source: &built.0,
        data: &PACK.data,
        verdict: None,
    };
    let mut out = Vec::new();
    rule.check.run(&cx, &mut out);
    super::drop_repeats_in_later_copies(&built.1, &built.0, &mut out, 0);
    out
}

/// Asserts the exact `(rule, line, column)` of every diagnostic.
#[track_caller]
pub fn assert_at(
    built: &(SourceFile, Release),
    found: &[Diagnostic],
    expected: &[(&str, usize, usize)],
) {
    let got: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|d| {
            let p = built.0.position(d.span.start);
            (d.rule.as_str(), p.line, p.column)
        })
        .collect();
    assert_eq!(got, expected, "{found:#?}");
}

/// Asserts that applying the one diagnostic's fix yields `expected`.
#[track_caller]
pub fn assert_fixed(built: &(SourceFile, Release), found: &[Diagnostic], expected: &str) {
    let fixes: Vec<&Fix> = found.iter().filter_map(|d| d.fix.as_ref()).collect();
    assert_eq!(fixes.len(), 1, "{found:#?}");
    assert_eq!(apply(&built.0.text, &fixes).0, expected);
}

/// Loads one rule from TOML text (id `test/rule`) with the embedded pack's data.
#[track_caller]
pub fn rule_from_toml(text: &str) -> crate::rules::Rule {
    let file = crate::rules::load::PackFile {
        shown: "test/rule.toml".into(),
        relative: "test/rule.toml".into(),
        text: text.to_owned(),
        embedded: false,
    };
    crate::rules::rule_file::load_rule(&file, &PACK.data).unwrap_or_else(|e| panic!("{e}"))
}

/// The diagnostics of a rule loaded with [`rule_from_toml`].
pub fn run_loaded(rule: &crate::rules::Rule, built: &(SourceFile, Release)) -> Vec<Diagnostic> {
    let cx = super::Context {
        pairing: None,
        suppressions: None,
        rule,
        release: &built.1,
        source: &built.0,
        data: &PACK.data,
        verdict: None,
    };
    let mut out = Vec::new();
    rule.check.run(&cx, &mut out);
    super::drop_repeats_in_later_copies(&built.1, &built.0, &mut out, 0);
    out
}
