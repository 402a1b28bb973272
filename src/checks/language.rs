//! `language`: is the release in the pack's language? The verdict comes from
//! [`crate::rules::detect`], run once per release before the rules: a release that reads as
//! another embedded pack's language gets one diagnostic from this kind, and the rules the
//! pack lists in `suppress` do not run on it, so a French release checked with `un-en` is not
//! drowned in errors about its French date line and disclaimer.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::model::Release;
use crate::span::Span;

use super::{Context, Params, Scope};

/// The other language a release was recognised in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// `fr`.
    pub language: String,
    /// `French`.
    pub language_name: String,
    /// The embedded pack for that language (`un-fr`).
    pub pack: String,
}

/// The language check: no parameters; the verdict comes from `rules::detect`.
#[derive(Debug)]
pub struct Language;

impl Language {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(params, "language", scope, &[Scope::Text])?;
        Ok(Self)
    }
}

impl super::Check for Language {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(verdict) = cx.verdict else {
            return;
        };
        let vars = [
            ("language", verdict.language_name.as_str()),
            ("pack", verdict.pack.as_str()),
        ];
        out.push(cx.diagnostic(evidence(cx.release), &vars));
    }
}

/// Where the language shows first: the date line, else the first disclaimer, headline or
/// paragraph.
fn evidence(release: &Release) -> Span {
    release
        .date_line
        .as_ref()
        .map(|d| d.field.span)
        .or_else(|| release.disclaimers.first().map(|f| f.span))
        .or_else(|| release.headlines.first().map(|h| h.field.span))
        .or_else(|| release.paragraphs().next().map(|f| f.span))
        .unwrap_or(Span::empty(0))
}
