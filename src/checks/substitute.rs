//! `substitute`: a table of wrong -> right texts (`swap`), each finding with a fix to the
//! right text. All keys compile into one regex, longest first, with ASCII word boundaries.
//! With `ignore-case = true` a key matches in any case and the fix keeps the case of what
//! was written (`Traveled` -> `Travelled`, `PERCENT` -> `PER CENT`). Findings inside
//! quotations, `except` matches or on excepted words are skipped (see [`super::filter`]).

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Substitute {
    scope: Scope,
    pattern: crate::lazy_regex::LazyRegex,
    /// Keys lower-cased when `ignore_case`.
    swap: BTreeMap<String, String>,
    ignore_case: bool,
    filter: super::filter::Filter,
    /// With `ignore-case` and ASCII keys: the same alternation, case-sensitive and in lower
    /// case, searched in the field's text with ASCII letters lowered (same byte offsets).
    /// A case-insensitive regex has no literal prefilter; this one keeps the regex's fast
    /// literal scan.
    folded: Option<crate::lazy_regex::LazyRegex>,
}

/// The parameters of a `substitute` rule (besides those of [`super::filter`]).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SubstituteParams {
    /// `wrong = right` pairs.
    swap: BTreeMap<String, String>,
    #[serde(default)]
    ignore_case: bool,
}

impl Substitute {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let SubstituteParams { swap, ignore_case } = params.take()?;
        if swap.is_empty() {
            return Err(params.error("swap", "`swap` needs at least one `wrong = right` pair"));
        }
        let swap: BTreeMap<String, String> = if ignore_case {
            swap.into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect()
        } else {
            swap
        };
        let mut keys: Vec<&String> = swap.keys().collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        let alternatives: Vec<String> = keys
            .iter()
            .map(|k| {
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                let before = if word(k.chars().next()) {
                    "(?-u:\\b)"
                } else {
                    ""
                };
                let after = if word(k.chars().last()) {
                    "(?-u:\\b)"
                } else {
                    ""
                };
                format!("{before}{}{after}", regex::escape(k))
            })
            .collect();
        let flags = if ignore_case { "(?i)" } else { "" };
        let alternatives = alternatives.join("|");
        let pattern = params.regex("swap", &format!("{flags}(?:{alternatives})"))?;
        // Keys are lower-cased when `ignore_case`, so the plain alternation is the folded one.
        let folded = if ignore_case && swap.keys().all(|k| k.is_ascii()) {
            Some(params.regex("swap", &format!("(?:{alternatives})"))?)
        } else {
            None
        };
        Ok(Self {
            scope,
            pattern,
            swap,
            ignore_case,
            filter: super::filter::Filter::compile_with_words(params)?,
            folded,
        })
    }

    /// The byte ranges of the matches in `m`: through the folded regex when there is one
    /// and the text has no letter that Unicode case folding takes to ASCII (`ſ`, the Kelvin
    /// sign), where both searches agree; else through the case-insensitive regex.
    fn matches(&self, m: &crate::text::MatchText) -> Vec<std::ops::Range<usize>> {
        let unicode_fold = || crate::text::has_letter_folding_to_ascii(m.text);
        match &self.folded {
            Some(folded) if !unicode_fold() => folded
                .find_iter(&m.ascii_lowered())
                .map(|found| found.range())
                .collect(),
            _ => self
                .pattern
                .find_iter(m.text)
                .map(|found| found.range())
                .collect(),
        }
    }
}

impl super::Check for Substitute {
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        let mut out = vec![&self.pattern];
        out.extend(&self.folded);
        out.extend(self.filter.regexes());
        out
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for field in super::fields(cx.release, self.scope) {
            let m = field.match_text();
            let mut skips = self.filter.skips(m.text);
            for range in self.matches(&m) {
                let found = &m.text[range.clone()];
                if skips.covers(range.start, range.end) || self.filter.excepts_word(found) {
                    continue;
                }
                let right = if self.ignore_case {
                    self.swap
                        .get(&found.to_lowercase())
                        .map(|r| same_case(found, r))
                } else {
                    self.swap.get(found).cloned()
                };
                let Some(right) = right else {
                    continue;
                };
                let span = m.span(range.start, range.end);
                let vars = [("found", found), ("expected", right.as_str())];
                let fix = cx.fix(
                    &vars,
                    vec![Edit::replace(span, m.encoding.encode(&right))],
                    None,
                );
                out.push(cx.diagnostic(span, &vars).with_fix(fix));
            }
        }
    }
}

/// `right` in the case of `found`: all capitals, a capital first letter, or as written.
fn same_case(found: &str, right: &str) -> String {
    let letters = || found.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        return right.to_uppercase();
    }
    match (found.chars().next(), right.chars().next()) {
        (Some(f), Some(r)) if f.is_uppercase() && !r.is_uppercase() => {
            let mut out: String = r.to_uppercase().collect();
            out.push_str(&right[r.len_utf8()..]);
            out
        }
        _ => right.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, rule_from_toml, run_loaded, Builder};

    const RULE: &str = r#"kind = "substitute"
scope = "text"
severity = "warning"
summary = "Use the house spelling"
message = "`{found}` should be `{expected}`"
why = "House style."
swap = { "Secretary General" = "Secretary-General", "percent" = "per cent" }
[fix]
title = "Replace with `{expected}`"
applicability = "safe"
safety = "Spelling only."
"#;

    #[test]
    fn each_wrong_text_is_replaced_by_its_right_text_at_word_boundaries() {
        let rule = rule_from_toml(RULE);
        let text = "The Secretary\u{a0}General said 5 percent, not percentage.\n";
        let built = Builder::new(text).body(text.trim_end()).build();
        let found = run_loaded(&rule, &built);
        assert_at(&built, &found, &[("test/rule", 1, 5), ("test/rule", 1, 30)]);
        let fixes: Vec<&crate::fix::Fix> = found.iter().filter_map(|d| d.fix.as_ref()).collect();
        assert_eq!(
            crate::fix::apply(&built.0.text, &fixes).0,
            "The Secretary-General said 5 per cent, not percentage.\n"
        );
        let one = Builder::new("5 percent\n").body("5 percent").build();
        assert_fixed(&one, &run_loaded(&rule, &one), "5 per cent\n");
    }

    #[test]
    fn ignore_case_keeps_the_written_case_and_except_patterns_are_skipped() {
        let rule = rule_from_toml(
            &RULE.replace(
                "swap = {",
                "ignore-case = true\nexcept = ['computer program']\nswap = { \"program\" = \"programme\", ",
            ),
        );
        let text = "Program and PERCENT, a computer program, a program and “program”.\n";
        let built = Builder::new(text).body(text.trim_end()).build();
        let found = run_loaded(&rule, &built);
        assert_at(
            &built,
            &found,
            &[
                ("test/rule", 1, 1),
                ("test/rule", 1, 13),
                ("test/rule", 1, 44),
            ],
        );
        let fixes: Vec<&crate::fix::Fix> = found.iter().filter_map(|d| d.fix.as_ref()).collect();
        assert_eq!(
            crate::fix::apply(&built.0.text, &fixes).0,
            "Programme and PER CENT, a computer program, a programme and “program”.\n"
        );
    }
}
