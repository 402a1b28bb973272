//! The human format: codespan-reporting diagnostics on the source text, then a summary line.

use std::io;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor};

use super::{clamp, FileResult};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use crate::source::SourceFile;

/// Renders every diagnostic of one file (the report ends with [`super::Summary::line`]).
pub fn write_file(result: &FileResult, color: bool, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(source) = &result.source else {
        return Ok(());
    };
    if result.diagnostics.is_empty() {
        return Ok(());
    }
    let config = term::Config::default();
    let file = CodespanFile {
        source,
        name: super::escape::one_line(&source.name).into_owned(),
        shown: super::escape::same_width(&source.text),
    };
    for diagnostic in &result.diagnostics {
        let shown = to_codespan(source, diagnostic);
        let rendered = if color {
            term::emit_to_write_style(&mut termcolor::Ansi::new(&mut *out), &config, &file, &shown)
        } else {
            term::emit_to_io_write(&mut *out, &config, &file, &shown)
        };
        rendered.map_err(|e| io::Error::other(e.to_string()))?;
    }
    Ok(())
}

/// One diagnostic as codespan shows it: the primary span, secondary labels, the help and the
/// fix (with whether it is safe) as notes.
fn to_codespan(source: &SourceFile, diagnostic: &Diagnostic) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    };
    let mut labels = vec![cs::Label::primary((), range(source, diagnostic.span))];
    labels.extend(diagnostic.labels.iter().map(|label| {
        cs::Label::secondary((), range(source, label.span))
            .with_message(super::escape::one_line(&label.message))
    }));
    let mut notes: Vec<String> = diagnostic
        .related
        .iter()
        .map(|related| {
            let place = format!(
                "{}:{}:{}: {}",
                related.path, related.line, related.column, related.message
            );
            format!("note: {}", super::escape::one_line(&place))
        })
        .collect();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    if let Some(fix) = &diagnostic.fix {
        let safety = match fix.applicability {
            Applicability::Safe => "safe fix, applied by --fix",
            Applicability::Unsafe => "unsafe fix, applied by --fix --unsafe-fixes",
        };
        notes.push(format!("help: {} ({safety})", fix.description));
    }
    cs::Diagnostic::new(severity)
        .with_code(&diagnostic.rule)
        .with_message(super::escape::one_line(&diagnostic.message))
        .with_labels(labels)
        .with_notes(notes)
}

fn range(source: &SourceFile, span: crate::span::Span) -> Range<usize> {
    clamp(&source.text, span).range()
}

/// A [`SourceFile`] seen through codespan's `Files`: lines and columns come from its own line
/// index, so CRLF, lone-CR and BOM files show the same positions as everywhere else; the name
/// and the text it shows carry no control characters.
struct CodespanFile<'a> {
    source: &'a SourceFile,
    name: String,
    /// The text, as long as the original, with control characters made visible.
    shown: std::borrow::Cow<'a, str>,
}

impl<'a> Files<'a> for CodespanFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.shown)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .source
            .lines()
            .line_of(byte_index.min(self.source.text.len())))
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        Ok(self.source.position(byte_index).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let lines = self.source.lines();
        if line_index >= lines.line_count() {
            return Err(files::Error::LineTooLarge {
                given: line_index,
                max: lines.line_count().saturating_sub(1),
            });
        }
        let start = lines.line_start(line_index);
        let end = if line_index + 1 < lines.line_count() {
            lines.line_start(line_index + 1)
        } else {
            self.source.text.len()
        };
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Edit, Fix};
    use crate::inputs::Input;
    use crate::source::SourceKind;
    use crate::span::Span;

    fn result(text: &str, diagnostics: Vec<Diagnostic>) -> FileResult {
        FileResult {
            input: Input::stdin("r.txt"),
            source: Some(SourceFile::new("r.txt", text, SourceKind::Text)),
            diagnostics,
            error: None,
            pack: None,
            suppressed: Vec::new(),
        }
    }

    fn rendered(results: &[FileResult], color: bool) -> String {
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Human,
            color,
            show_suppressed: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(results, &pack, &options, &mut out, &mut Vec::new()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn shows_location_labels_help_fix_and_summary() {
        let text = "\u{feff}SG/SM13017\r\n19 July 2010\r\n";
        let symbol = Span::new(3, 13);
        let diagnostic = Diagnostic::new(
            "symbol/format",
            Severity::Error,
            "malformed symbol `SG/SM13017`",
            symbol,
        )
        .with_label(Span::new(15, 27), "date line")
        .with_help("a slash separates the series from the number")
        .with_fix(Some(Fix::new(
            "Replace with `SG/SM/13017`",
            Applicability::Safe,
            vec![Edit::replace(symbol, "SG/SM/13017")],
        )));
        let out = rendered(&[result(text, vec![diagnostic])], false);
        assert!(out.starts_with("error[symbol/format]: malformed symbol `SG/SM13017`\n"));
        assert!(out.contains("┌─ r.txt:1:1\n"), "{out}");
        assert!(out.contains("date line"), "{out}");
        assert!(out.contains("= help: a slash separates the series from the number\n"));
        assert!(out.contains("= help: Replace with `SG/SM/13017` (safe fix, applied by --fix)\n"));
        assert!(
            out.ends_with("Found 1 error (1 fixable with --fix).\n"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'));
        assert!(rendered(&[result(text, vec![])], true) == "All checks passed.\n");
    }

    #[test]
    fn colour_only_when_asked() {
        let d = Diagnostic::new("x/y", Severity::Warning, "m", Span::new(0, 1));
        assert!(rendered(&[result("ab", vec![d.clone()])], true).contains('\u{1b}'));
        assert!(!rendered(&[result("ab", vec![d])], false).contains('\u{1b}'));
    }

    #[test]
    fn spans_past_the_end_do_not_panic() {
        let d = Diagnostic::new("x/y", Severity::Info, "m", Span::new(40, 90))
            .with_label(Span::new(1, 2), "inside é");
        let out = rendered(&[result("é\n", vec![d])], false);
        assert!(out.starts_with("note[x/y]: m\n"), "{out}");
        assert!(out.contains("r.txt:2:1"), "{out}");
    }
}
