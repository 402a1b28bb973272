//! The concise format: `file:line:col: severity[rule]: message`, one diagnostic per line.

use std::io::{self, Write};

use super::FileResult;

pub fn write_file(result: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(source) = &result.source else {
        return Ok(());
    };
    for diagnostic in &result.diagnostics {
        let at = source.position(diagnostic.span.start);
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            super::escape::one_line(result.name()),
            at.line,
            at.column,
            diagnostic.severity,
            diagnostic.rule,
            super::escape::one_line(&diagnostic.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::Input;
    use crate::source::{SourceFile, SourceKind};
    use crate::span::Span;
    use crate::{Diagnostic, Severity};

    #[test]
    fn one_line_per_diagnostic() {
        let text = "SG/SM/1\r\nJán x\r\n";
        let results = [FileResult {
            input: Input::stdin("a.txt"),
            source: Some(SourceFile::new("a.txt", text, SourceKind::Text)),
            diagnostics: vec![Diagnostic::new(
                "repeat/word",
                Severity::Warning,
                "repeated `x`",
                Span::new(text.find('x').unwrap(), text.find('x').unwrap() + 1),
            )],
            error: None,
            pack: None,
            suppressed: Vec::new(),
        }];
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Concise,
            color: false,
            show_suppressed: false,
        };
        let pack = crate::rules::Pack::default();
        super::super::render(&results, &pack, &options, &mut out, &mut Vec::new()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a.txt:2:5: warning[repeat/word]: repeated `x`\n"
        );
    }
}
