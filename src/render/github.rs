//! The GitHub Actions format: one workflow command per diagnostic, so that a CI job shows
//! annotations on the pull request.

use std::io::{self, Write};

use super::{clamp, positions, FileResult};
use crate::diagnostic::Severity;

pub fn write_file(result: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
    let file = escape_property(result.name());
    if let Some(error) = &result.error {
        writeln!(out, "::error file={file}::{}", escape_data(error))?;
    }
    let Some(source) = &result.source else {
        return Ok(());
    };
    for diagnostic in &result.diagnostics {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (start, end) = positions(source, clamp(&source.text, diagnostic.span));
        writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&diagnostic.rule),
            escape_data(&diagnostic.message)
        )?;
    }
    Ok(())
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
            },
            FileResult {
                input: Input::stdin("bad.txt"),
                source: None,
                diagnostics: vec![],
                error: Some("file is empty".into()),
            },
        ];
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Github,
            color: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(&results, &pack, &options, &mut out, &mut Vec::new()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::notice file=dir%2Cx/a%3Ab.txt,line=2,col=1,endLine=2,endColumn=3,title=x/y::100%25 `cd`\n\
             ::warning file=dir%2Cx/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=2,title=x/z::w\n\
             ::error file=bad.txt::file is empty\n"
        );
    }
}
