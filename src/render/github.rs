//! The GitHub Actions format: one workflow command per diagnostic, so that a CI job shows
//! annotations on the pull request.
//!
//! GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
//! job), and drops the rest without a word. So the writer stops at the limit instead of
//! printing commands GitHub would drop: past 10 errors, 10 warnings or 9 notices (the tenth
//! notice is kept for the last line), a finding is written as a plain log line
//! (`file:line:col: severity[rule]: message`), and a last `::notice` says how many were not
//! shown as annotations and where to see them all. Every finding stays in the step's log, and
//! that last notice is always shown.

use std::io::{self, Write};

use super::{clamp, positions, FileResult};
use crate::diagnostic::Severity;

/// Annotations of each kind GitHub shows per step.
pub const ANNOTATIONS_PER_KIND: usize = 10;

/// One finding (or a file's error) as a workflow command, and as a plain line for when its
/// kind is over the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub severity: Severity,
    pub command: String,
    pub plain: String,
}

/// One file's annotations, in order: its error, else one per diagnostic.
pub fn annotations(result: &FileResult) -> Vec<Annotation> {
    let file = escape_property(result.name());
    let shown_name = super::escape::one_line(result.name());
    let mut out = Vec::new();
    if let Some(error) = &result.error {
        out.push(Annotation {
            severity: Severity::Error,
            command: format!("::error file={file}::{}", escape_data(error)),
            plain: format!("{shown_name}: error: {}", super::escape::one_line(error)),
        });
    }
    let Some(source) = &result.source else {
        return out;
    };
    for diagnostic in &result.diagnostics {
        let (start, end) = positions(source, clamp(&source.text, diagnostic.span));
        out.push(Annotation {
            severity: diagnostic.severity,
            command: format!(
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(diagnostic.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&diagnostic.rule),
                escape_data(&diagnostic.message)
            ),
            plain: format!(
                "{shown_name}:{}:{}: {}[{}]: {}",
                start.line,
                start.column,
                diagnostic.severity,
                diagnostic.rule,
                super::escape::one_line(&diagnostic.message)
            ),
        });
    }
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Writes annotations in order while GitHub would show them, plain lines after; counts what
/// was not shown.
#[derive(Debug, Default)]
pub struct Limiter {
    /// Per severity (info, warning, error): written as commands, written as plain lines.
    shown: [usize; 3],
    hidden: [usize; 3],
}

impl Limiter {
    pub fn write(&mut self, annotation: &Annotation, out: &mut dyn Write) -> io::Result<()> {
        let kind = annotation.severity as usize;
        // One notice is kept for the closing one.
        let limit = match annotation.severity {
            Severity::Info => ANNOTATIONS_PER_KIND - 1,
            Severity::Warning | Severity::Error => ANNOTATIONS_PER_KIND,
        };
        if self.shown[kind] < limit {
            self.shown[kind] += 1;
            writeln!(out, "{}", annotation.command)
        } else {
            self.hidden[kind] += 1;
            writeln!(out, "{}", annotation.plain)
        }
    }

    /// The closing notice, when findings were not shown as annotations.
    pub fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let total: usize = self.hidden.iter().sum();
        if total == 0 {
            return Ok(());
        }
        let [infos, warnings, errors] = self.hidden;
        let parts: Vec<String> = [(errors, "error"), (warnings, "warning"), (infos, "info")]
            .into_iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, word)| super::plural(count, word))
            .collect();
        let message = format!(
            "{} ({}) not shown as annotations: GitHub shows {ANNOTATIONS_PER_KIND} of each kind per step. \
             They are in this step's log; `presslint check --format concise` lists them all, \
             and a SARIF upload (`--format sarif`) shows them all in code scanning.",
            match total {
                1 => "1 more finding".to_owned(),
                n => format!("{n} more findings"),
            },
            parts.join(", ")
        );
        writeln!(out, "::notice title=presslint::{}", escape_data(&message))
    }
}

/// Escaping of a workflow command's message. Other control characters (ESC, BEL) would
/// reach the log raw: they are written as escapes.
pub fn escape_data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::escape::one_line(&escaped).into_owned()
}

/// Escaping of a workflow command's property value: the message escapes plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::Input;
    use crate::source::{SourceFile, SourceKind};
    use crate::span::Span;
    use crate::Diagnostic;

    /// A file with `errors` errors, `warnings` warnings and `infos` infos.
    fn many(errors: usize, warnings: usize, infos: usize) -> FileResult {
        let text = "x\n".repeat(errors + warnings + infos);
        let severities = std::iter::repeat_n(Severity::Error, errors)
            .chain(std::iter::repeat_n(Severity::Warning, warnings))
            .chain(std::iter::repeat_n(Severity::Info, infos));
        FileResult {
            input: Input::stdin("r.txt"),
            source: Some(SourceFile::new("r.txt", text, SourceKind::Text)),
            diagnostics: severities
                .enumerate()
                .map(|(i, s)| Diagnostic::new("a/b", s, "m", Span::new(2 * i, 2 * i + 1)))
                .collect(),
            error: None,
            pack: None,
            suppressed: Vec::new(),
        }
    }

    fn github(results: &[FileResult]) -> String {
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Github,
            color: false,
            show_suppressed: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(results, &pack, &options, &mut out, &mut Vec::new()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn annotations_stop_at_the_limit_and_a_last_notice_counts_the_rest() {
        // Over two files: 12 errors, 10 warnings, 11 infos.
        let out = github(&[many(7, 4, 6), many(5, 6, 5)]);
        let lines: Vec<&str> = out.lines().collect();
        let count = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
        assert_eq!(count("::error "), 10);
        assert_eq!(count("::warning "), 10);
        assert_eq!(count("::notice "), 10, "9 findings and the closing notice");
        assert_eq!(count("r.txt:"), 4, "2 errors and 2 infos as plain lines");
        assert_eq!(lines.len(), 12 + 10 + 11 + 1);
        // The 11th error is the second file's 4th: line 4.
        assert_eq!(
            lines.iter().find(|l| l.starts_with("r.txt:")).copied(),
            Some("r.txt:4:1: error[a/b]: m")
        );
        assert_eq!(
            lines.last().copied(),
            Some(
                "::notice title=presslint::4 more findings (2 errors, 2 infos) not shown as \
                 annotations: GitHub shows 10 of each kind per step. They are in this step's \
                 log; `presslint check --format concise` lists them all, and a SARIF upload \
                 (`--format sarif`) shows them all in code scanning."
            )
        );
    }

    #[test]
    fn within_the_limit_every_finding_is_an_annotation_and_no_notice_is_added() {
        let out = github(&[many(10, 10, 9)]);
        assert_eq!(out.lines().count(), 29);
        assert!(out.lines().all(|l| l.starts_with("::")));
        assert!(!out.contains("title=presslint"));
    }

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn one_command_per_diagnostic_and_error() {
        let text = "ab\ncd";
        let results = [
            FileResult {
                input: Input::stdin("dir,x/a:b.txt"),
                source: Some(SourceFile::new("dir,x/a:b.txt", text, SourceKind::Text)),
                diagnostics: vec![
                    Diagnostic::new("x/y", Severity::Info, "100% `cd`", Span::new(3, 5)),
                    Diagnostic::new("x/z", Severity::Warning, "w", Span::new(0, 1)),
                ],
                error: None,
                pack: None,
                suppressed: Vec::new(),
            },
            FileResult {
                input: Input::stdin("bad.txt"),
                source: None,
                diagnostics: vec![],
                error: Some("file is empty".into()),
                pack: None,
                suppressed: Vec::new(),
            },
        ];
        assert_eq!(
            github(&results),
            "::notice file=dir%2Cx/a%3Ab.txt,line=2,col=1,endLine=2,endColumn=3,title=x/y::100%25 `cd`\n\
             ::warning file=dir%2Cx/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=2,title=x/z::w\n\
             ::error file=bad.txt::file is empty\n"
        );
    }
}
