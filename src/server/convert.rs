//! presslint's findings as the protocol's diagnostics: byte spans become UTF-16 ranges, the
//! rule id becomes the code, linked to the rule's explanation.

use std::str::FromStr;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};
use presslint::span::{Span, Utf16Position};
use presslint::{Diagnostic, Severity, SourceFile};

/// What the editor shows as the diagnostics' origin.
pub const SOURCE: &str = "presslint";

pub fn position(position: Utf16Position) -> Position {
    Position::new(position.line, position.character)
}

pub fn utf16(position: Position) -> Utf16Position {
    Utf16Position::new(position.line, position.character)
}

/// The range of a byte span of `source`.
pub fn range(source: &SourceFile, span: Span) -> Range {
    let at = |offset| position(source.lines().utf16_position(&source.text, offset));
    Range::new(at(span.start), at(span.end))
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One finding: its range, severity, rule id (linked to its explanation), message (and
/// help, on a line of its own) and labels (the other copy of a mismatch) as related
/// information.
pub fn diagnostic(uri: &Uri, source: &SourceFile, finding: &Diagnostic) -> lsp_types::Diagnostic {
    let message = match &finding.help {
        Some(help) => format!("{}\nhelp: {help}", finding.message),
        None => finding.message.clone(),
    };
    let related: Vec<DiagnosticRelatedInformation> = finding
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(source, label.span)),
            message: label.message.clone(),
        })
        .collect();
    let href = Uri::from_str(&presslint::rules::help_uri(&finding.rule)).ok();
    lsp_types::Diagnostic {
        range: range(source, finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A problem of the server's own (the document cannot be checked, the configuration is
/// broken): an error without a rule.
pub fn problem(range: Range, message: impl Into<String>) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message: message.into(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use presslint::{Applicability, Edit, Fix, SourceKind};

    #[test]
    fn a_finding_keeps_its_rule_severity_and_utf16_range() {
        let text = "Zoë\u{a0}𝐀 percent\nx";
        let source = SourceFile::new("r.txt", text, SourceKind::Text);
        let start = text.find("percent").unwrap();
        let span = Span::new(start, start + "percent".len());
        let finding = Diagnostic::new("spelling/per-cent", Severity::Warning, "m", span)
            .with_label(Span::new(0, "Zoë".len()), "here")
            .with_fix(Some(Fix::new(
                "Write `per cent`",
                Applicability::Safe,
                vec![Edit::replace(span, "per cent")],
            )));
        let uri = Uri::from_str("file:///r.txt").unwrap();
        let converted = diagnostic(&uri, &source, &finding);
        assert_eq!(
            converted.range,
            Range::new(Position::new(0, 7), Position::new(0, 14))
        );
        assert_eq!(converted.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(
            converted.code,
            Some(NumberOrString::String("spelling/per-cent".into()))
        );
        assert_eq!(
            converted.code_description.unwrap().href.as_str(),
            presslint::rules::help_uri("spelling/per-cent")
        );
        assert_eq!(converted.source.as_deref(), Some("presslint"));
        let related = converted.related_information.unwrap();
        assert_eq!(
            related[0].location.range,
            Range::new(Position::new(0, 0), Position::new(0, 3))
        );
    }
}
