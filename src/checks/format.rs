//! `format`: a field must be one of the `allowed` texts or match `pattern`; a near miss
//! (case, punctuation, bullet or dash, a small misspelling) gets a fix to the nearest text.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Format {
    scope: Scope,
    allowed: Vec<String>,
    /// The allowed texts, prepared for recognising near misses of them.
    near: crate::text::NearMisses,
    /// Anchored at both ends at compile time.
    pattern: Option<crate::lazy_regex::LazyRegex>,
    /// Shown as `{expected}` when no allowed text is near.
    describe: String,
}

/// The parameters of a `format` rule: the allowed forms, or a pattern, or both.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatParams {
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_items_option")]
    allowed: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_option")]
    pattern: Option<String>,
}

impl Format {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let own: FormatParams = params.take()?;
        if own.allowed.as_ref().is_some_and(Vec::is_empty) {
            return Err(params.error("allowed", "`allowed` needs at least one form"));
        }
        let allowed = params.list("allowed", own.allowed.unwrap_or_default())?;
        // Validated (and its error located) as written, then anchored at both ends.
        let pattern = match &own.pattern {
            Some(p) => {
                params.regex("pattern", p)?;
                Some(params.regex("pattern", &format!("^(?:{p})$"))?)
            }
            None => None,
        };
        if allowed.is_empty() && pattern.is_none() {
            return Err(params.error("kind", "kind `format` needs `allowed` or `pattern`"));
        }
        let describe = allowed.first().cloned().or(own.pattern).unwrap_or_default();
        Ok(Self {
            scope,
            near: crate::text::NearMisses::new(&allowed),
            allowed,
            pattern,
            describe,
        })
    }
}

impl super::Check for Format {
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        self.pattern.iter().collect()
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for field in super::fields(cx.release, self.scope) {
            let m = field.match_text();
            let (text, start, end) = super::trimmed(&m);
            if self.allowed.iter().any(|a| a == text)
                || self.pattern.as_ref().is_some_and(|p| p.is_match(text))
            {
                continue;
            }
            let span = m.span(start, end);
            let found = super::one_line(text);
            let nearest = self.near.nearest(text);
            let expected = nearest.unwrap_or(&self.describe);
            let vars = [("found", found.as_str()), ("expected", expected)];
            let fix = nearest
                .and_then(|n| cx.fix(&vars, vec![Edit::replace(span, m.encoding.encode(n))], None));
            out.push(cx.diagnostic(span, &vars).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod kind_tests {
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};

    #[test]
    fn a_near_miss_end_marker_is_replaced_and_nbsp_counts_as_a_space() {
        let text = "Text.\n\n  *** \n\nFor information media. Not an official record.\n";
        let built = Builder::new(text).end_marker("  *** ").build();
        let found = run_rule("end-marker/malformed", &built);
        assert_at(&built, &found, &[("end-marker/malformed", 3, 3)]);
        assert_fixed(
            &built,
            &found,
            "Text.\n\n  * *** * \n\nFor information media. Not an official record.\n",
        );
        let nbsp = Builder::new("*\u{a0}*** *\n")
            .end_marker("*\u{a0}*** *")
            .build();
        assert_at(&nbsp, &run_rule("end-marker/malformed", &nbsp), &[]);
    }

    #[test]
    fn each_disclaimer_line_is_checked_on_its_own() {
        let text = "For information media \u{2022} not an official record\nFor Information Media. Not an official record\n";
        let built = Builder::new(text)
            .disclaimer("For information media \u{2022} not an official record")
            .disclaimer("For Information Media. Not an official record")
            .build();
        let found = run_rule("disclaimer/malformed", &built);
        assert_at(&built, &found, &[("disclaimer/malformed", 2, 1)]);
        assert_fixed(
            &built,
            &found,
            "For information media \u{2022} not an official record\nFor information media. Not an official record.\n",
        );
    }
}
