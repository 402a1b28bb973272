//! The GitLab format: a Code Quality report (a JSON array of issues), which a GitLab CI job
//! declares as `artifacts: reports: codequality` for merge requests to show.
//!
//! Each issue's `fingerprint` is the finding's [`crate::fingerprint`]: GitLab compares the
//! fingerprints of the merge request's report with the target branch's to tell new findings
//! from old ones, so an edit elsewhere in a file does not make its findings look new.
//! Severities: error -> `major`, warning -> `minor`, info -> `info` (GitLab's `critical` and
//! `blocker` are left for defects worse than a house-style error).

use std::io::{self, Write};

use serde_json::json;

use super::stream::nested;
use super::FileResult;
use crate::diagnostic::Severity;
use crate::fingerprint::{self, normalized_path};

/// `[` (the issues follow, streamed).
pub fn write_opening(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "[")
}

/// One file's issues, as items of the array (nested 2 spaces deep). A file that could not be
/// checked adds none: its error goes to stderr.
pub fn write_file(result: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(source) = &result.source else {
        return Ok(());
    };
    let path = normalized_path(result.name());
    let fingerprints = fingerprint::of_file(result.name(), &source.text, &result.diagnostics);
    for (i, (diagnostic, fingerprint)) in result.diagnostics.iter().zip(fingerprints).enumerate() {
        let span = super::clamp(&source.text, diagnostic.span);
        let (start, end) = super::positions(source, span);
        let issue = json!({
            "description": super::escape::one_line(&diagnostic.message),
            "check_name": diagnostic.rule,
            "fingerprint": fingerprint,
            "severity": severity(diagnostic.severity),
            "location": {
                "path": path,
                "lines": { "begin": start.line, "end": end.line },
            },
        });
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        write!(
            out,
            "  {}",
            nested(&serde_json::to_string_pretty(&issue)?, 2)
        )?;
    }
    Ok(())
}

/// `]`.
pub fn write_closing(wrote_item: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}]", if wrote_item { "\n" } else { "" })
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::Input;
    use crate::source::{SourceFile, SourceKind};
    use crate::span::Span;
    use crate::Diagnostic;
    use serde_json::Value;

    #[test]
    fn one_issue_per_finding_with_its_fingerprint() {
        let text = "to to\n\nJán to to\n";
        let second = text.rfind("to to").unwrap();
        let results = [FileResult {
            input: Input::stdin("./r/a.txt"),
            source: Some(SourceFile::new("./r/a.txt", text, SourceKind::Text)),
            diagnostics: vec![
                Diagnostic::new(
                    "typography/repeated-word",
                    Severity::Warning,
                    "`to to`",
                    Span::new(0, 5),
                ),
                Diagnostic::new(
                    "typography/repeated-word",
                    Severity::Error,
                    "`to to`\n",
                    Span::new(second, second + 5),
                ),
            ],
            error: None,
            pack: None,
            suppressed: Vec::new(),
        }];
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Gitlab,
            color: false,
            show_suppressed: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(&results, &pack, &options, &mut out, &mut Vec::new()).unwrap();
        let report: Value = serde_json::from_slice(&out).unwrap();
        let expected_print =
            |n| fingerprint::fingerprint("typography/repeated-word", "r/a.txt", "to to", n);
        assert_eq!(
            report,
            json!([
                { "description": "`to to`", "check_name": "typography/repeated-word",
                  "fingerprint": expected_print(0), "severity": "minor",
                  "location": { "path": "r/a.txt", "lines": { "begin": 1, "end": 1 } } },
                { "description": "`to to`\\n", "check_name": "typography/repeated-word",
                  "fingerprint": expected_print(1), "severity": "major",
                  "location": { "path": "r/a.txt", "lines": { "begin": 3, "end": 3 } } },
            ])
        );
    }

    #[test]
    fn no_finding_is_an_empty_array() {
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Gitlab,
            color: false,
            show_suppressed: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(&[], &pack, &options, &mut out, &mut Vec::new()).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
