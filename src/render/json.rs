//! The json format: the versioned report described by `schemas/report.schema.json`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::stream::nested;
use super::{FileResult, Summary};
use crate::baseline::BaselineSummary;
use crate::diagnostic::Diagnostic;
use crate::fix::Fix;
use crate::source::SourceFile;
use crate::span::Span;

/// The report's format version: bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Serialize)]
pub struct FileEntry<'a> {
    pub path: &'a str,
    /// The pack that checked the file (`null`: it could not be checked).
    pub pack: Option<&'a str>,
    pub diagnostics: Vec<DiagnosticEntry<'a>>,
    pub error: Option<&'a str>,
    /// Findings that suppression comments silenced; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<SuppressedEntry<'a>>,
}

/// A silenced finding, with the reason its comment gives (`null`: none).
#[derive(Serialize)]
pub struct SuppressedEntry<'a> {
    pub diagnostic: DiagnosticEntry<'a>,
    pub reason: Option<&'a str>,
}

#[derive(Serialize)]
pub struct DiagnosticEntry<'a> {
    pub rule: &'a str,
    pub severity: crate::diagnostic::Severity,
    pub message: &'a str,
    pub span: SpanEntry,
    pub labels: Vec<LabelEntry<'a>>,
    /// Places in other files (the other edition of a release); left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedEntry<'a>>,
    pub help: Option<&'a str>,
    pub fix: Option<&'a Fix>,
}

#[derive(Serialize)]
pub struct SpanEntry {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A place in another file: its path and where (byte offsets into that file, 1-based line
/// and column).
#[derive(Serialize)]
pub struct RelatedEntry<'a> {
    pub path: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub message: &'a str,
}

#[derive(Serialize)]
pub struct LabelEntry<'a> {
    pub span: SpanEntry,
    pub message: &'a str,
}

#[derive(Serialize)]
pub struct SummaryEntry<'a> {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Diagnostics with a safe fix.
    pub fixable: usize,
    /// Files checked by each pack.
    pub packs: &'a BTreeMap<String, usize>,
    /// Findings silenced by suppression comments.
    pub suppressed: usize,
    /// What `--baseline` did; left out without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineEntry>,
}

#[derive(Serialize)]
pub struct BaselineEntry {
    pub file: String,
    /// Findings the baseline file records.
    pub recorded: usize,
    /// Findings of this run that the baseline records (not reported).
    pub known: usize,
    /// Recorded findings of the checked files that no longer occur.
    pub gone: usize,
}

impl SpanEntry {
    /// Byte offsets as the check gave them; lines and columns from the source's line index.
    pub fn new(source: &SourceFile, span: Span) -> Self {
        let start = source.position(span.start);
        let end = source.position(span.end);
        Self {
            start: span.start,
            end: span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

impl<'a> DiagnosticEntry<'a> {
    pub fn new(source: &SourceFile, diagnostic: &'a Diagnostic) -> Self {
        Self {
            rule: &diagnostic.rule,
            severity: diagnostic.severity,
            message: &diagnostic.message,
            span: SpanEntry::new(source, diagnostic.span),
            labels: diagnostic
                .labels
                .iter()
                .map(|label| LabelEntry {
                    span: SpanEntry::new(source, label.span),
                    message: &label.message,
                })
                .collect(),
            related: diagnostic
                .related
                .iter()
                .map(|related| RelatedEntry {
                    path: &related.path,
                    start: related.span.start,
                    end: related.span.end,
                    line: related.line,
                    column: related.column,
                    message: &related.message,
                })
                .collect(),
            help: diagnostic.help.as_deref(),
            fix: diagnostic.fix.as_ref(),
        }
    }
}

impl<'a> FileEntry<'a> {
    pub fn new(result: &'a FileResult) -> Self {
        FileEntry {
            path: result.name(),
            pack: result.pack.as_deref(),
            diagnostics: match &result.source {
                Some(source) => result
                    .diagnostics
                    .iter()
                    .map(|d| DiagnosticEntry::new(source, d))
                    .collect(),
                None => Vec::new(),
            },
            error: result.error.as_deref(),
            suppressed: match &result.source {
                Some(source) => result
                    .suppressed
                    .iter()
                    .map(|s| SuppressedEntry {
                        diagnostic: DiagnosticEntry::new(source, &s.diagnostic),
                        reason: s.reason.as_deref(),
                    })
                    .collect(),
                None => Vec::new(),
            },
        }
    }
}

/// `{ "version": 1, "tool": {...}, "files": [` (the files follow, streamed).
pub fn write_opening(out: &mut dyn Write) -> io::Result<()> {
    let tool = Tool {
        name: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
    };
    let tool = serde_json::to_string_pretty(&tool)?;
    write!(
        out,
        "{{\n  \"version\": {REPORT_VERSION},\n  \"tool\": {},\n  \"files\": [",
        nested(&tool, 2)
    )
}

/// One file's entry, as an item of `files`.
pub fn write_file(result: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
    let entry = serde_json::to_string_pretty(&FileEntry::new(result))?;
    write!(out, "    {}", nested(&entry, 4))
}

/// What the closing of the report needs from the whole run.
pub struct Closing<'a> {
    pub summary: &'a Summary,
    /// Files checked by each pack.
    pub packs: &'a BTreeMap<String, usize>,
    pub baseline: Option<&'a BaselineSummary>,
    /// Whether a file entry was written (the array needs closing on its own line).
    pub wrote_item: bool,
}

/// `], "summary": {...} }`.
pub fn write_closing(closing: &Closing<'_>, out: &mut dyn Write) -> io::Result<()> {
    let Closing {
        summary,
        packs,
        baseline,
        wrote_item,
    } = *closing;
    let summary = SummaryEntry {
        files: summary.files,
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        fixable: summary.fixable,
        packs,
        suppressed: summary.suppressed,
        baseline: baseline.map(|b| BaselineEntry {
            file: b.file.clone(),
            recorded: b.recorded,
            known: b.hidden,
            gone: b.gone,
        }),
    };
    let summary = serde_json::to_string_pretty(&summary)?;
    let close = if wrote_item { "\n  ]" } else { "]" };
    writeln!(out, "{close},\n  \"summary\": {}\n}}", nested(&summary, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Applicability, Edit};
    use crate::inputs::Input;
    use crate::source::SourceKind;
    use crate::Severity;

    #[test]
    fn the_report_has_the_contract_shape() {
        let text = "SG/SM/1\nJán";
        let d = Diagnostic::new("disclaimer/missing", Severity::Error, "m", Span::empty(12))
            .with_label(Span::new(0, 7), "symbol")
            .with_fix(Some(Fix::new(
                "Append the disclaimer",
                Applicability::Safe,
                vec![Edit::insert(12, "\n")],
            )));
        let results = [
            FileResult {
                input: Input::stdin("a.txt"),
                source: Some(SourceFile::new("a.txt", text, SourceKind::Text)),
                diagnostics: vec![d],
                error: None,
                pack: Some("un-fr".into()),
                suppressed: vec![crate::diagnostic::Suppressed {
                    diagnostic: Diagnostic::new("a/b", Severity::Warning, "w", Span::new(0, 2)),
                    reason: Some("quoted as signed".into()),
                }],
            },
            FileResult {
                input: Input::stdin("b.txt"),
                source: None,
                diagnostics: vec![],
                error: Some("file is empty".into()),
                pack: None,
                suppressed: Vec::new(),
            },
        ];
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Json,
            color: false,
            show_suppressed: false,
        };
        super::super::render(
            &results,
            &crate::rules::Pack::default(),
            &options,
            &mut out,
            &mut Vec::new(),
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let expected = serde_json::json!({
            "version": 1,
            "tool": {"name": "presslint", "version": env!("CARGO_PKG_VERSION")},
            "files": [
                {"path": "a.txt", "pack": "un-fr", "diagnostics": [{
                    "rule": "disclaimer/missing", "severity": "error", "message": "m",
                    "span": {"start": 12, "end": 12, "line": 2, "column": 4, "end_line": 2, "end_column": 4},
                    "labels": [{"span": {"start": 0, "end": 7, "line": 1, "column": 1, "end_line": 1, "end_column": 8}, "message": "symbol"}],
                    "help": null,
                    "fix": {"description": "Append the disclaimer", "applicability": "safe",
                            "edits": [{"start": 12, "end": 12, "replacement": "\n"}]}
                }], "error": null, "suppressed": [{"diagnostic": {
                    "rule": "a/b", "severity": "warning", "message": "w",
                    "span": {"start": 0, "end": 2, "line": 1, "column": 1, "end_line": 1, "end_column": 3},
                    "labels": [], "help": null, "fix": null
                }, "reason": "quoted as signed"}]},
                {"path": "b.txt", "pack": null, "diagnostics": [], "error": "file is empty"}
            ],
            "summary": {"files": 2, "errors": 1, "warnings": 0, "infos": 0, "fixable": 1,
                        "packs": {"un-fr": 1}, "suppressed": 1}
        });
        assert_eq!(value, expected);
    }
}
