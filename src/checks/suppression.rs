//! `suppression`: what is wrong with a suppression comment of an HTML or Markdown release.
//! The engine reads the comments after the other rules ran (`engine/suppressions.rs`) and
//! hands what it found to the rules of this kind through the context; `check` says which
//! problem a rule reports: `missing-reason` (no text after ` -- `), `unused` (it silenced
//! nothing; the fix removes it) or `unknown-rule` (a rule id the pack does not know).

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;
use crate::span::Span;

use super::{Context, Params, Scope};

/// The problems a suppression comment can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    MissingReason,
    Unused,
    UnknownRule,
}

impl ProblemKind {
    const ALL: [(&'static str, ProblemKind); 3] = [
        ("missing-reason", ProblemKind::MissingReason),
        ("unused", ProblemKind::Unused),
        ("unknown-rule", ProblemKind::UnknownRule),
    ];
}

/// One problem with a suppression, in the file's offsets.
#[derive(Debug, Clone)]
pub struct Problem {
    pub check: ProblemKind,
    /// The comment, or the rule id it names.
    pub span: Span,
    /// What the message quotes: the comment, or the unknown id.
    pub found: String,
    /// The edit that removes the comment (an unused suppression).
    pub removal: Option<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuppressionParams {
    check: String,
}

#[derive(Debug)]
pub struct Suppression {
    check: ProblemKind,
}

impl Suppression {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(params, "suppression", scope, &[Scope::Text])?;
        let SuppressionParams { check } = params.take()?;
        let found = ProblemKind::ALL.iter().find(|(name, _)| *name == check);
        match found {
            Some(&(_, check)) => Ok(Self { check }),
            None => Err(params.error(
                "check",
                format!(
                    "unknown suppression check `{check}` (expected one of: missing-reason, unused, unknown-rule)"
                ),
            )),
        }
    }
}

impl super::Check for Suppression {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(problems) = cx.suppressions else {
            return;
        };
        for problem in problems.iter().filter(|p| p.check == self.check) {
            let found = super::one_line(&problem.found);
            let vars = [("found", found.as_str())];
            let fix = problem
                .removal
                .clone()
                .and_then(|edit| cx.fix(&vars, vec![edit], None));
            out.push(cx.diagnostic(problem.span, &vars).with_fix(fix));
        }
    }
}
