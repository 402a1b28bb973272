//! Renderers: one file per output format, all fed the same per-file results.
//!
//! Renderers never compute positions themselves: lines and columns come from
//! [`SourceFile::position`], spans are clamped to the file before they are shown.

pub mod concise;
pub mod diff;
pub mod escape;
pub mod fix_list;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod rdjson;
pub mod sarif;
pub mod statistics;
pub mod stream;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use crate::inputs::Input;
use crate::rules::Pack;
use crate::source::SourceFile;
use crate::span::Span;

/// The output formats of `presslint check` (the command line maps its `--format` onto these:
/// rendering does not depend on clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// Rich diagnostics with the source text (codespan-reporting).
    #[default]
    Human,
    /// `file:line:col: severity[rule]: message`, one per line.
    Concise,
    /// The versioned report of `schemas/report.schema.json`.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations), at most as many as GitHub shows.
    Github,
    /// Reviewdog Diagnostic Format (`DiagnosticResult` JSON), with the fixes as suggestions.
    Rdjson,
    /// GitLab Code Quality report (a JSON array of issues with fingerprints).
    Gitlab,
}

/// What a run found in one file: the unit the check command produces and renderers consume.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub input: Input,
    /// The decoded file; `None` when it could not be read.
    pub source: Option<SourceFile>,
    /// Sorted (`diagnostic::sort`).
    pub diagnostics: Vec<Diagnostic>,
    /// Why the file could not be checked: one line, without the file name.
    pub error: Option<String>,
    /// The name of the pack that checked the file (`None`: it was not checked).
    pub pack: Option<String>,
    /// The findings its suppression comments silenced: counted, listed with
    /// `--show-suppressed`, and in SARIF as results with an in-source suppression.
    pub suppressed: Vec<crate::diagnostic::Suppressed>,
}

impl FileResult {
    pub fn name(&self) -> &str {
        self.input.name()
    }

    /// `name: error`, the one-line form printed on stderr.
    pub fn error_line(&self) -> Option<String> {
        self.error.as_ref().map(|error| {
            let line = format!("{}: {error}", self.name());
            escape::one_line(&line).into_owned()
        })
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Diagnostics with a safe fix (applied by `--fix`).
    pub fixable: usize,
    /// Diagnostics with an unsafe fix (applied only with `--unsafe-fixes`).
    pub unsafe_fixable: usize,
    /// Files that could not be checked.
    pub failed: usize,
    /// Findings silenced by suppression comments (not counted above).
    pub suppressed: usize,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Self {
        let mut summary = Summary {
            files: results.len(),
            ..Summary::default()
        };
        for result in results {
            summary.failed += usize::from(result.error.is_some());
            summary.suppressed += result.suppressed.len();
            for diagnostic in &result.diagnostics {
                match diagnostic.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => summary.infos += 1,
                }
                match diagnostic.fix.as_ref().map(|f| f.applicability) {
                    Some(Applicability::Safe) => summary.fixable += 1,
                    Some(Applicability::Unsafe) => summary.unsafe_fixable += 1,
                    None => {}
                }
            }
        }
        summary
    }

    /// The final line of the human format: `Found 3 errors, 1 warning (2 fixable with --fix).`
    /// or `All checks passed.`
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        for (count, singular) in [
            (self.errors, "error"),
            (self.warnings, "warning"),
            (self.infos, "info"),
        ] {
            if count > 0 {
                parts.push(plural(count, singular));
            }
        }
        let failed = match self.failed {
            0 => String::new(),
            1 => "1 file could not be checked.".to_owned(),
            n => format!("{n} files could not be checked."),
        };
        if parts.is_empty() {
            if failed.is_empty() {
                return match self.suppressed {
                    0 => "All checks passed.".to_owned(),
                    1 => "All checks passed (1 finding suppressed).".to_owned(),
                    n => format!("All checks passed ({n} findings suppressed)."),
                };
            }
            return failed;
        }
        let mut line = format!("Found {}", parts.join(", "));
        let mut notes = Vec::new();
        match (self.fixable, self.unsafe_fixable) {
            (0, 0) => {}
            (safe, 0) => notes.push(format!("{safe} fixable with --fix")),
            (0, unsafe_) => notes.push(format!("{unsafe_} fixable with --fix --unsafe-fixes")),
            (safe, unsafe_) => notes.push(format!(
                "{safe} fixable with --fix, {unsafe_} more with --unsafe-fixes"
            )),
        }
        if self.suppressed > 0 {
            notes.push(format!("{} suppressed", self.suppressed));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join("; ")));
        }
        line.push('.');
        if !failed.is_empty() {
            line.push(' ');
            line.push_str(&failed);
        }
        line
    }
}

impl Summary {
    /// Adds another part of the run's counts (one file's, when streaming).
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.fixable += other.fixable;
        self.unsafe_fixable += other.unsafe_fixable;
        self.failed += other.failed;
        self.suppressed += other.suppressed;
    }

    /// After `--fix`: `Fixed 4 problems (2 remaining; 1 fixable with --unsafe-fixes).`
    pub fn fixed_line(&self, fixed: usize, unsafe_applied: bool) -> String {
        let remaining = self.errors + self.warnings + self.infos;
        let mut line = format!("Fixed {}", plural_problems(fixed));
        let mut notes = vec![format!("{remaining} remaining")];
        if !unsafe_applied && self.unsafe_fixable > 0 {
            notes.push(format!(
                "{} fixable with --unsafe-fixes",
                self.unsafe_fixable
            ));
        }
        line.push_str(&format!(" ({}).", notes.join("; ")));
        line
    }

    /// After `--diff`: `Would fix 4 problems (2 would remain).`
    pub fn would_fix_line(&self, fixed: usize) -> String {
        let remaining = self.errors + self.warnings + self.infos;
        format!(
            "Would fix {} ({remaining} would remain).",
            plural_problems(fixed)
        )
    }
}

fn plural_problems(count: usize) -> String {
    plural(count, "problem")
}

fn plural(count: usize, singular: &str) -> String {
    if count == 1 {
        format!("1 {singular}")
    } else {
        format!("{count} {singular}s")
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub format: OutputFormat,
    /// ANSI colours (human format only).
    pub color: bool,
    /// List the findings suppression comments silenced (human and concise formats; JSON
    /// and SARIF always carry them).
    pub show_suppressed: bool,
}

/// Renders a run: the report on `out`, and, for the formats whose stdout is not a document
/// that carries them (every one but json), each unreadable file's one-line error on `err`.
pub fn render(
    results: &[FileResult],
    pack: &Pack,
    options: &RenderOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    let renderer = stream::FileRenderer::new(*options, pack);
    let mut writer = stream::ReportWriter::begin(*options, pack, out)?;
    for result in results {
        writer.write(renderer.render(result), out, err)?;
    }
    writer.finish(out).map(|_| ())
}

/// `span` clamped to the text and to character boundaries, so that no renderer can slice
/// out of bounds whatever a check produced.
pub fn clamp(text: &str, span: Span) -> Span {
    let start = crate::span::floor_char_boundary(text, span.start);
    let end = crate::span::floor_char_boundary(text, span.end).max(start);
    Span::new(start, end)
}

/// Start and end positions of `span` (1-based lines and character columns).
pub fn positions(
    source: &SourceFile,
    span: Span,
) -> (crate::span::LineColumn, crate::span::LineColumn) {
    (source.position(span.start), source.position(span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines() {
        let mut s = Summary {
            files: 2,
            ..Summary::default()
        };
        assert_eq!(s.line(), "All checks passed.");
        s.errors = 3;
        s.warnings = 1;
        s.fixable = 2;
        assert_eq!(
            s.line(),
            "Found 3 errors, 1 warning (2 fixable with --fix)."
        );
        s.unsafe_fixable = 1;
        s.failed = 1;
        assert_eq!(
            s.line(),
            "Found 3 errors, 1 warning (2 fixable with --fix, 1 more with --unsafe-fixes). \
             1 file could not be checked."
        );
        let only_failed = Summary {
            failed: 2,
            ..Summary::default()
        };
        assert_eq!(only_failed.line(), "2 files could not be checked.");
    }

    proptest::proptest! {
        /// Whatever spans a check produces, no renderer panics or fails.
        #[test]
        fn renderers_accept_any_span(
            text in "(\\PC|\r?\n|\u{feff}){0,40}",
            spans in proptest::collection::vec((0usize..60, 0usize..60), 1..4),
        ) {
            use crate::fix::{Edit, Fix};
            let diagnostics = spans
                .iter()
                .map(|&(a, b)| {
                    Diagnostic::new("x/y", Severity::Warning, "m", Span::new(a, b))
                        .with_label(Span::new(b, a), "l")
                        .with_fix(Some(Fix::new("Fix it", Applicability::Safe,
                            vec![Edit::replace(Span::new(a, b), "z")])))
                })
                .collect();
            let results = [FileResult {
                input: Input::stdin("p.txt"),
                source: Some(SourceFile::new("p.txt", text, crate::SourceKind::Text)),
                diagnostics,
                error: None,
                pack: None,
                suppressed: Vec::new(),
            }];
            for format in [OutputFormat::Human, OutputFormat::Concise, OutputFormat::Json, OutputFormat::Sarif, OutputFormat::Github, OutputFormat::Rdjson, OutputFormat::Gitlab] {
                for color in [false, true] {
                    let options = RenderOptions {
                        format,
                        color,
                        show_suppressed: false,
                    };
                    let (mut out, mut err) = (Vec::new(), Vec::new());
                    proptest::prop_assert!(
                        render(&results, &Pack::default(), &options, &mut out, &mut err).is_ok()
                    );
                }
            }
        }
    }

    #[test]
    fn clamping_keeps_spans_inside_the_text_and_on_boundaries() {
        assert_eq!(clamp("é", Span::new(1, 9)), Span::new(0, 2));
        assert_eq!(clamp("abc", Span::new(5, 2)), Span::new(3, 3));
    }
}
