//! The rdjson format for reviewdog: the Reviewdog Diagnostic Format's `DiagnosticResult` as
//! JSON, with one diagnostic per finding and the fix's edits as suggestions, so that
//! reviewdog can post them as review comments with suggested changes.
//!
//! Positions are 1-based lines and 1-based columns counted in UTF-8 bytes, as the format's
//! proto defines them (`a𐐀b`: `b` is column 6), with exclusive ends; the other formats count
//! characters.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::stream::nested;
use super::{clamp, FileResult};
use crate::diagnostic::Severity;
use crate::fingerprint::normalized_path;
use crate::rules::help_uri;
use crate::source::SourceFile;
use crate::span::Span;

/// `{ "source": {...}, "diagnostics": [` (the diagnostics follow, streamed).
pub fn write_opening(out: &mut dyn Write) -> io::Result<()> {
    let source = json!({
        "name": env!("CARGO_PKG_NAME"),
        "url": "https://github.com/presslint/presslint",
    });
    write!(
        out,
        "{{\n  \"source\": {},\n  \"diagnostics\": [",
        nested(&serde_json::to_string_pretty(&source)?, 2)
    )
}

/// One file's diagnostics, as items of `diagnostics` (nested 4 spaces deep). A file that
/// could not be checked adds none: its error goes to stderr.
pub fn write_file(result: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(source) = &result.source else {
        return Ok(());
    };
    let path = normalized_path(result.name());
    for (i, diagnostic) in result.diagnostics.iter().enumerate() {
        let mut item = json!({
            "message": super::escape::one_line(&diagnostic.message),
            "location": { "path": path, "range": range(source, diagnostic.span) },
            "severity": severity(diagnostic.severity),
            "code": { "value": diagnostic.rule, "url": help_uri(&diagnostic.rule) },
        });
        if let Some(fix) = &diagnostic.fix {
            let suggestions: Vec<Value> = fix
                .edits
                .iter()
                .map(
                    |edit| json!({ "range": range(source, edit.span()), "text": edit.replacement }),
                )
                .collect();
            item["suggestions"] = Value::Array(suggestions);
        }
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        write!(
            out,
            "    {}",
            nested(&serde_json::to_string_pretty(&item)?, 4)
        )?;
    }
    Ok(())
}

/// `] }`.
pub fn write_closing(wrote_item: bool, out: &mut dyn Write) -> io::Result<()> {
    let close = if wrote_item { "\n  ]" } else { "]" };
    writeln!(out, "{close}\n}}")
}

/// A range with byte columns (the span clamped to the file).
fn range(source: &SourceFile, span: Span) -> Value {
    let span = clamp(&source.text, span);
    json!({
        "start": position(source, span.start),
        "end": position(source, span.end),
    })
}

/// The 1-based line and 1-based UTF-8 byte column of a byte offset on a character boundary.
fn position(source: &SourceFile, offset: usize) -> Value {
    let lines = source.lines();
    let line = lines.line_of(offset);
    json!({ "line": line + 1, "column": offset - lines.line_start(line) + 1 })
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Applicability, Edit, Fix};
    use crate::inputs::Input;
    use crate::source::SourceKind;
    use crate::Diagnostic;

    fn rdjson(results: &[FileResult]) -> Value {
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Rdjson,
            color: false,
            show_suppressed: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(results, &pack, &options, &mut out, &mut Vec::new()).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn columns_count_utf8_bytes_and_fixes_become_suggestions() {
        // `a𐐀b` from the proto's documentation, then a symbol after a multi-byte name.
        let text = "a𐐀b\nJán sg/sm/1\u{1b}\n";
        let b = text.find('b').unwrap();
        let symbol = text.find("sg").unwrap();
        let results = [FileResult {
            input: Input::stdin("./dir/a.txt"),
            source: Some(SourceFile::new("./dir/a.txt", text, SourceKind::Text)),
            diagnostics: vec![
                Diagnostic::new(
                    "x/b",
                    Severity::Info,
                    "the letter\u{1b}[31m",
                    Span::new(b, b + 1),
                ),
                Diagnostic::new(
                    "symbol/malformed",
                    Severity::Error,
                    "m",
                    Span::new(symbol, symbol + 7),
                )
                .with_fix(Some(Fix::new(
                    "Replace with `SG/SM/1`",
                    Applicability::Safe,
                    vec![Edit::replace(Span::new(symbol, symbol + 7), "SG/SM/1")],
                ))),
            ],
            error: None,
            pack: None,
            suppressed: Vec::new(),
        }];
        let report = rdjson(&results);
        assert_eq!(report["source"]["name"], "presslint");
        let diagnostics = report["diagnostics"].as_array().unwrap();
        assert_eq!(
            diagnostics[0],
            json!({
                "message": "the letter\\x1b[31m",
                "location": { "path": "dir/a.txt", "range": {
                    "start": { "line": 1, "column": 6 }, "end": { "line": 1, "column": 7 } } },
                "severity": "INFO",
                "code": { "value": "x/b", "url": help_uri("x/b") },
            })
        );
        let range =
            json!({ "start": { "line": 2, "column": 6 }, "end": { "line": 2, "column": 13 } });
        assert_eq!(diagnostics[1]["location"]["range"], range);
        assert_eq!(diagnostics[1]["severity"], "ERROR");
        assert_eq!(
            diagnostics[1]["suggestions"],
            json!([{ "range": range, "text": "SG/SM/1" }])
        );
    }

    #[test]
    fn a_run_without_findings_is_an_empty_list() {
        let results = [FileResult {
            input: Input::stdin("bad.txt"),
            source: None,
            diagnostics: Vec::new(),
            error: Some("file is empty".into()),
            pack: None,
            suppressed: Vec::new(),
        }];
        assert_eq!(rdjson(&results)["diagnostics"], json!([]));
    }
}
