//! A finding: rule id, severity, message, span, extra labels and an optional fix.

use serde::{Deserialize, Serialize};

use crate::fix::Fix;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary span with its own short message (the other copy in a mismatch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A place in another file that a finding points at too: the other edition of a release,
/// for a `pair/` finding. Its line and column are kept, since that file is not at hand when
/// the finding is rendered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The other file as the run names it.
    pub path: String,
    pub span: Span,
    /// 1-based; the column in characters.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// `group/name`, kebab-case.
    pub rule: String,
    pub severity: Severity,
    /// One line, lower-case start, offending text in backticks, no trailing period.
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    /// Places in other files (none but for `pair/` findings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        rule: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Self {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}

/// A finding a suppression comment silenced, with the comment's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    /// The text after ` -- ` in the comment; `None` when it gives none.
    pub reason: Option<String>,
}

/// Sorts diagnostics by start offset, then rule id, then end offset: deterministic output.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, &a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            &b.rule,
            b.span.end,
            &b.message,
        ))
    });
}
