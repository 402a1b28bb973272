//! `format`: a field must be one of the `allowed` texts or match `pattern`; a near miss
//! (case, punctuation, bullet or dash, a small misspelling) gets a fix to the nearest text.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;
use crate::rules::{Params, Scope};

use super::Context;

#[derive(Debug)]
pub struct Format {
    scope: Scope,
    allowed: Vec<String>,
    /// Anchored at both ends at compile time.
    pattern: Option<crate::lazy_regex::LazyRegex>,
    /// Shown as `{expected}` when no allowed text is near.
    describe: String,
}

impl Format {
    pub fn compile(scope: Scope, params: &Params<'_>) -> Result<Self> {
        let allowed = params.list("allowed")?;
        // Validated (and its error located) as written, then anchored at both ends.
        let pattern = match params.regex("pattern")? {
            Some(p) => Some(params.compile_regex("pattern", &format!("^(?:{})$", p.as_str()))?),
            None => None,
        };
        if allowed.is_empty() && pattern.is_none() {
            return Err(params.error("kind", "kind `format` needs `allowed` or `pattern`"));
        }
        let describe = allowed
            .first()
            .cloned()
            .or_else(|| params.str("pattern").map(str::to_owned))
            .unwrap_or_default();
        Ok(Self {
            scope,
            allowed,
            pattern,
            describe,
        })
    }

    pub fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        self.pattern.iter().collect()
    }

    pub fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
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
            let nearest = nearest(text, &self.allowed);
            let expected = nearest.unwrap_or(&self.describe);
            let vars = [("found", found.as_str()), ("expected", expected)];
            let fix = nearest
                .and_then(|n| cx.fix(&vars, vec![Edit::replace(span, m.encoding.encode(n))], None));
            out.push(cx.diagnostic(span, &vars).with_fix(fix));
        }
    }
}

/// The allowed text that `found` is a near miss of: equal when case, punctuation, bullets,
/// dashes and spacing are ignored, or within a small edit distance of it; ties go to the
/// candidate closest in case-folded text.
pub fn nearest<'a>(found: &str, allowed: &'a [String]) -> Option<&'a str> {
    if !may_be_near(found, allowed) {
        return None;
    }
    let key = squash(found);
    allowed
        .iter()
        .enumerate()
        .filter_map(|(rank, candidate)| {
            let target = squash(candidate);
            let near = if target.is_empty() {
                // A text of symbols only (`* *** *`): a near miss uses the same symbols.
                let symbols: Vec<char> = candidate.chars().filter(|c| !c.is_whitespace()).collect();
                !found.trim().is_empty()
                    && found
                        .chars()
                        .all(|c| c.is_whitespace() || symbols.contains(&c))
            } else {
                let budget = (target.chars().count() / 12).clamp(1, 3);
                crate::text::within_edit_distance(&key, &target, budget)
            };
            near.then(|| {
                // Symbol-only texts (`***` for `* *** *` or `*   ***   *`) are all equally
                // near: the pack's first form, its canonical one, wins.
                let closeness = if target.is_empty() {
                    rank
                } else {
                    crate::text::edit_distance(&found.to_lowercase(), &candidate.to_lowercase())
                };
                (closeness, candidate.as_str())
            })
        })
        .min_by_key(|(closeness, _)| *closeness)
        .map(|(_, c)| c)
}

/// Letters and digits only, lower-cased.
/// A necessary condition of [`nearest`], without allocating: an edit distance is at least
/// the difference of lengths, so a text whose squashed length is further than the budget
/// from every candidate's is near none (symbol-only candidates are always possible).
fn may_be_near(found: &str, allowed: &[String]) -> bool {
    let squashed_len = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .count()
    };
    let found_len = squashed_len(found);
    allowed.iter().any(|candidate| {
        let target_len = squashed_len(candidate);
        let budget = (target_len / 12).clamp(1, 3);
        target_len == 0 || found_len.abs_diff(target_len) <= budget
    })
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disclaimers() -> Vec<String> {
        vec![
            "For information media. Not an official record.".to_owned(),
            "For information media • not an official record".to_owned(),
        ]
    }

    #[track_caller]
    fn near(found: &str, expected: Option<&str>) {
        assert_eq!(nearest(found, &disclaimers()), expected, "{found}");
    }

    #[test]
    fn near_misses_go_to_the_closest_canonical_text() {
        let period = Some("For information media. Not an official record.");
        let bullet = Some("For information media • not an official record");
        near("For Information Media. Not An Official Record.", period);
        near("For information media. Not an offical record.", period);
        near("For information media. Not an official record", period);
        near("For information media - not an official record", bullet);
        near("FOR INFORMATION MEDIA • NOT AN OFFICIAL RECORD", bullet);
        near("For internal use only", None);
    }

    #[test]
    fn symbol_only_texts_are_near_when_they_use_the_same_symbols() {
        let marker = vec!["* *** *".to_owned()];
        assert_eq!(nearest("***", &marker), Some("* *** *"));
        assert_eq!(nearest("* * *", &marker), Some("* *** *"));
        assert_eq!(nearest("# # #", &marker), None);
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
