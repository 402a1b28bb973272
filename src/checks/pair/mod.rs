//! `pair`: the English and French editions of one release agree. When the files of one run
//! hold both editions (the same symbol once the series are mapped as the packs define them:
//! `CS/15746` is `SC/15746`), the edition met second is checked against the first; a finding
//! sits on its text, with a place in the other file. The scope says what is compared:
//! `symbol` (the full symbol lists), `date-line`, `headline` (resolution numbers and vote
//! counts) or `intro` (the days named in the first paragraph). `check = "partner"` (scope
//! `symbol`) reports an edition without its partner, when the run asks for pairs.

pub mod compare;
pub mod facts;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Related};
use crate::error::Result;

use self::compare::{disagreements, Compared};
use self::facts::PairFacts;
use super::{Context, Params, Scope};

/// What the run knows of a release's other edition.
#[derive(Debug, Clone)]
pub enum Pairing {
    /// The other edition: its facts and its file's name.
    Found { facts: Box<PairFacts>, name: String },
    /// The run asked for pairs (`--require-pairs`) and holds no other edition.
    Missing,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PairParams {
    /// `agree` (the default) or `partner`.
    #[serde(default)]
    check: Option<String>,
}

#[derive(Debug)]
pub struct Pair {
    /// `None`: the partner check.
    compared: Option<Compared>,
}

impl Pair {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let readable = [
            Scope::Symbol,
            Scope::DateLine,
            Scope::Headline,
            Scope::Intro,
        ];
        super::require_scope(params, "pair", scope, &readable)?;
        let PairParams { check } = params.take()?;
        let partner = match check.as_deref() {
            None | Some("agree") => false,
            Some("partner") => true,
            Some(other) => {
                return Err(params.error(
                    "check",
                    format!("unknown pair check `{other}` (expected one of: agree, partner)"),
                ))
            }
        };
        let compared = match scope {
            Scope::Symbol if partner => None,
            _ if partner => {
                return Err(params.error("check", "the partner check takes scope `symbol`"))
            }
            Scope::DateLine => Some(Compared::DateLine),
            Scope::Headline => Some(Compared::HeadlineNumbers),
            Scope::Intro => Some(Compared::IntroDates),
            _ => Some(Compared::Symbols),
        };
        Ok(Self { compared })
    }
}

impl super::Check for Pair {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(pairing), Some(first)) = (cx.pairing, cx.release.symbols.first()) else {
            return;
        };
        let (facts, name) = match (pairing, self.compared) {
            (Pairing::Missing, None) => {
                let found = super::one_line(first.field.text.trim());
                out.push(cx.diagnostic(first.field.span, &[("found", &found)]));
                return;
            }
            (Pairing::Found { facts, name }, Some(compared)) => (facts, (name, compared)),
            _ => return,
        };
        let (name, compared) = name;
        let Some(this) = PairFacts::of(cx.release, cx.source, cx.data, "") else {
            return;
        };
        for found in disagreements(&this, facts) {
            if found.compared != compared {
                continue;
            }
            let other = format!(
                "{name}:{}:{}",
                found.other_place.line, found.other_place.column
            );
            let vars = [
                ("found", found.found.as_str()),
                ("expected", found.expected.as_str()),
                ("other", other.as_str()),
            ];
            let related = Related {
                path: name.clone(),
                span: found.other_place.span,
                line: found.other_place.line,
                column: found.other_place.column,
                message: format!("the other edition says `{}`", found.expected),
            };
            out.push(cx.diagnostic(found.place.span, &vars).with_related(related));
        }
    }
}
