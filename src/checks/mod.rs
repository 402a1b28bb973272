//! The check kinds: each rule of a pack names one, with its own parameters. A kind reads the
//! fields of its scope through `match_text()` and builds spans and edits from those maps.

pub mod agree;
pub mod date;
pub mod dated_name;
pub mod filter;
pub mod forbid;
pub mod format;
pub mod language;
pub mod pair;
pub mod params;
pub mod position;
pub mod prefilter;
pub mod quotes;
pub mod repeat;
pub mod require;
pub mod rule;
pub mod running_date;
pub mod scope;
pub mod substitute;
pub mod suppression;
pub mod symbol;
pub mod title_case;

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::{Applicability, Edit, Fix};
use crate::model::Release;
use crate::toml_file::field_names;

use crate::source::SourceFile;
use crate::span::Span;
use crate::text::MatchText;
pub use params::Params;
pub use rule::{PackData, Rule};
pub use scope::{fields, Scope};

/// A rule's compiled check: what a rule of its kind does to a release.
pub trait Check: std::fmt::Debug + Send + Sync {
    /// Appends the check's findings on `cx.release` to `out`.
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);

    /// The regexes it searches with, for compiling them ahead of use
    /// ([`crate::Engine::prewarm`]).
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        Vec::new()
    }
}

/// The parameters of a rule of a kind with several checks: which one it runs.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckParams {
    pub check: String,
}

/// One check kind: the name rule files give it, the placeholders it fills in `message` and
/// in the fix title, the groups of parameters its rule files may hold, and how they compile
/// into its check.
pub struct Kind {
    pub name: &'static str,
    pub placeholders: &'static [&'static str],
    /// The parameter groups (serde types, known by their field names) `compile` takes.
    params: &'static [ParamGroup],
    compile: fn(Scope, &mut Params<'_, '_>) -> Result<Box<dyn Check>>,
}

/// A group of parameters, as the keys it reads.
type ParamGroup = fn() -> &'static [&'static str];

/// The groups of the text-rewriting kinds' exceptions (see [`filter`]).
const QUOTES: ParamGroup = field_names::<filter::QuoteParams>;
const WORDS: ParamGroup = field_names::<filter::WordParams>;
const CHECK: ParamGroup = field_names::<CheckParams>;

/// Boxes a kind's compiled check for the registry.
fn boxed<C: Check + 'static>(check: Result<C>) -> Result<Box<dyn Check>> {
    Ok(Box::new(check?))
}

const FOUND: &[&str] = &["found", "expected"];

/// Every check kind, in the order of `schemas/rules.schema.json`. A new kind is its module
/// (a type implementing [`Check`] and a `compile`), one entry here, and its parameters in
/// the rules schema.
pub static KINDS: &[Kind] = &[
    Kind {
        name: "require",
        placeholders: &["element", "expected"],
        params: &[field_names::<require::RequireParams>],
        compile: |scope, params| boxed(require::Require::compile(scope, params)),
    },
    Kind {
        name: "forbid",
        placeholders: FOUND,
        params: &[field_names::<forbid::ForbidParams>, QUOTES, WORDS],
        compile: |scope, params| boxed(forbid::Forbid::compile(scope, params)),
    },
    Kind {
        name: "format",
        placeholders: FOUND,
        params: &[field_names::<format::FormatParams>],
        compile: |scope, params| boxed(format::Format::compile(scope, params)),
    },
    Kind {
        name: "agree",
        placeholders: FOUND,
        params: &[],
        compile: |scope, params| boxed(agree::Agree::compile(scope, params)),
    },
    Kind {
        name: "position",
        placeholders: &["found", "after"],
        params: &[],
        compile: |scope, params| boxed(position::Position::compile(scope, params)),
    },
    Kind {
        name: "symbol",
        placeholders: &["found", "expected", "symbol"],
        params: &[CHECK],
        compile: |scope, params| boxed(symbol::SymbolCheck::compile(scope, params)),
    },
    Kind {
        name: "date",
        placeholders: &["found", "expected", "reason", "weekday", "date"],
        params: &[CHECK],
        compile: |scope, params| boxed(date::DateCheck::compile(scope, params)),
    },
    Kind {
        name: "substitute",
        placeholders: FOUND,
        params: &[field_names::<substitute::SubstituteParams>, QUOTES, WORDS],
        compile: |scope, params| boxed(substitute::Substitute::compile(scope, params)),
    },
    Kind {
        name: "repeat",
        placeholders: FOUND,
        params: &[field_names::<repeat::RepeatParams>],
        compile: |scope, params| boxed(repeat::Repeat::compile(scope, params)),
    },
    Kind {
        name: "language",
        placeholders: &["language", "pack"],
        params: &[],
        compile: |scope, params| boxed(language::Language::compile(scope, params)),
    },
    Kind {
        name: "quotes",
        placeholders: &["found", "expected", "majority"],
        params: &[],
        compile: |scope, params| boxed(quotes::Quotes::compile(scope, params)),
    },
    Kind {
        name: "title-case",
        placeholders: FOUND,
        params: &[field_names::<title_case::TitleCaseParams>],
        compile: |scope, params| boxed(title_case::TitleCase::compile(scope, params)),
    },
    Kind {
        name: "dated-name",
        placeholders: &["found", "expected", "since"],
        params: &[field_names::<dated_name::DatedNameParams>, QUOTES],
        compile: |scope, params| boxed(dated_name::DatedName::compile(scope, params)),
    },
    Kind {
        name: "running-date",
        placeholders: FOUND,
        params: &[CHECK, QUOTES],
        compile: |scope, params| boxed(running_date::RunningDate::compile(scope, params)),
    },
    Kind {
        name: "pair",
        placeholders: &["found", "expected", "other"],
        params: &[field_names::<pair::PairParams>],
        compile: |scope, params| boxed(pair::Pair::compile(scope, params)),
    },
    Kind {
        name: "suppression",
        placeholders: &["found"],
        params: &[field_names::<suppression::SuppressionParams>],
        compile: |scope, params| boxed(suppression::Suppression::compile(scope, params)),
    },
];

impl Kind {
    /// The kind named `name`.
    pub fn named(name: &str) -> Option<&'static Kind> {
        KINDS.iter().find(|kind| kind.name == name)
    }

    /// The names of every kind, for messages.
    pub fn names() -> Vec<&'static str> {
        KINDS.iter().map(|kind| kind.name).collect()
    }

    /// The parameter keys its rule files may hold, in the order of its groups.
    pub fn keys(&self) -> Vec<&'static str> {
        self.params
            .iter()
            .flat_map(|group| group())
            .copied()
            .collect()
    }

    /// Compiles the check of a rule file of this kind from its parameters (regexes
    /// compiled here, once, or on first use for embedded packs).
    pub fn compile(&self, scope: Scope, params: &mut Params<'_, '_>) -> Result<Box<dyn Check>> {
        (self.compile)(scope, params)
    }

    /// The placeholders the kind named `name` fills (none for an unknown kind).
    pub fn placeholders_of(name: &str) -> &'static [&'static str] {
        Self::named(name).map_or(&[], |kind| kind.placeholders)
    }
}

/// What a check sees: its rule (for severity, message and fix templates) and the release.
pub struct Context<'a> {
    pub rule: &'a Rule,
    pub release: &'a Release,
    pub source: &'a SourceFile,
    pub data: &'a PackData,
    /// Set when the release reads as another pack's language (`rules::detect`).
    pub verdict: Option<&'a language::Verdict>,
    /// The release's other edition, when the run checks editions against each other.
    pub pairing: Option<&'a pair::Pairing>,
    /// The problems of the file's suppression comments, once they were applied (the
    /// `suppression` kind reports them; `None` while the other rules run).
    pub suppressions: Option<&'a [suppression::Problem]>,
}

impl Context<'_> {
    /// A diagnostic of this rule at `span`, its message filled from `vars`.
    pub fn diagnostic(&self, span: Span, vars: &[(&str, &str)]) -> Diagnostic {
        Diagnostic::new(
            self.rule.id.clone(),
            self.rule.severity,
            fill(&self.rule.message, vars),
            span,
        )
    }

    /// This rule's fix with `edits`, or `None` when the rule declares no fix. A kind may
    /// lower the declared applicability (`Some(Unsafe)`) where its correction is a guess.
    pub fn fix(
        &self,
        vars: &[(&str, &str)],
        edits: Vec<Edit>,
        applicability: Option<Applicability>,
    ) -> Option<Fix> {
        let spec = self.rule.fix.as_ref()?;
        let applicability = applicability.map_or(spec.applicability, |a| a.max(spec.applicability));
        Some(Fix::new(fill(&spec.title, vars), applicability, edits))
    }
}

/// Fills `{name}` placeholders from `vars`; unknown placeholders stay as written.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, in order.
pub fn placeholders_in(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// Text shown inside backticks in a message: one line as written; several lines joined with
/// whitespace runs (line breaks, NBSP spacers) folded to one space.
pub fn one_line(text: &str) -> String {
    if text.contains('\n') {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text.to_owned()
    }
}

/// The matching text of a field with surrounding whitespace cut off: `(text, start, end)`
/// where `start..end` are local offsets into `m.text`.
pub fn trimmed<'a>(m: &MatchText<'a>) -> (&'a str, usize, usize) {
    let start = m.text.len() - m.text.trim_start().len();
    let end = m.text.trim_end().len().max(start);
    (&m.text[start..end], start, end)
}

/// A finding in a later printed copy of the headline that repeats one in an earlier copy
/// (the same flagged text) is the same defect printed twice: it is reported once, on the
/// earlier copy. `out[first..]` are one rule's findings.
pub fn drop_repeats_in_later_copies(
    release: &Release,
    source: &SourceFile,
    out: &mut Vec<Diagnostic>,
    first: usize,
) {
    if release.headlines.len() < 2 || out.len() - first < 2 {
        return;
    }
    let copy_of = |span: Span| {
        release
            .headlines
            .iter()
            .position(|h| h.field.span.contains(span))
    };
    let flagged = |d: &Diagnostic| crate::text::fold_for_comparison(source.slice(d.span));
    // The earliest copy each flagged text was kept in (hashed: a hostile page may print
    // thousands of copies).
    let mut kept: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut index = first;
    out.retain(|d| {
        let i = index;
        index += 1;
        if i < first {
            return true;
        }
        let Some(copy) = copy_of(d.span) else {
            return true;
        };
        let earliest = kept.entry(flagged(d)).or_insert(copy);
        copy <= *earliest
    });
}

/// A scope error at the line of `scope`, for kinds that read only some scopes.
pub(crate) fn require_scope(
    params: &mut Params<'_, '_>,
    kind: &str,
    scope: Scope,
    allowed: &[Scope],
) -> Result<()> {
    if allowed.contains(&scope) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
    Err(params.error(
        "scope",
        format!(
            "kind `{kind}` cannot read scope `{}` (it reads: {})",
            scope.as_str(),
            names.join(", ")
        ),
    ))
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill(
                "`{found}` should be `{expected}` {x}",
                &[("found", "a"), ("expected", "b")]
            ),
            "`a` should be `b` {x}"
        );
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }
}
