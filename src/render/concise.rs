//! The concise format: `file:line:col: severity[rule]: message`, one diagnostic per line.

use std::io::{self, Write};

use super::FileResult;

pub fn render(results: &[FileResult], out: &mut dyn Write) -> io::Result<()> {
    for result in results {
        let Some(source) = &result.source else {
            continue;
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
        }];
        let mut out = Vec::new();
        render(&results, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a.txt:2:5: warning[repeat/word]: repeated `x`\n"
        );
    }
}
