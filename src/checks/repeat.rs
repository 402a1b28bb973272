//! `repeat`: a word written twice in a row (`the the`), across spaces and line breaks; the
//! fix deletes the second copy. Words in `allow` (`had had`, `that that`) are genuine, and so
//! is a capitalised second copy: a name (`Mohamed Mohamed`, `a united United Nations`);
//! `The the` is still a typo.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Repeat {
    scope: Scope,
    /// Lower-case words that may be doubled.
    allow: Vec<String>,
}

/// The parameters of a `repeat` rule: doubled words that are correct.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatParams {
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_items")]
    allow: Vec<String>,
}

impl Repeat {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        Ok(Self {
            scope,
            allow: params
                .take::<RepeatParams>()?
                .allow
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
        })
    }
}

impl super::Check for Repeat {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for field in super::fields(cx.release, self.scope) {
            let m = field.match_text();
            let mut words = words(m.text).peekable();
            while let (Some((a_start, a)), Some(&(b_start, b))) = (words.next(), words.peek()) {
                // The cheap test first: nearly every pair of words differs.
                if !a.eq_ignore_ascii_case(b) {
                    continue;
                }
                let between = &m.text[a_start + a.len()..b_start];
                if !between.chars().all(char::is_whitespace)
                    || self.allow.iter().any(|w| w.eq_ignore_ascii_case(a))
                    || b.chars().next().is_some_and(char::is_uppercase)
                {
                    continue;
                }
                let span = m.span(a_start, b_start + b.len());
                let found = super::one_line(&m.text[a_start..b_start + b.len()]);
                let vars = [("found", found.as_str()), ("expected", a)];
                let delete = m.span(a_start + a.len(), b_start + b.len());
                let fix = cx.fix(&vars, vec![Edit::delete(delete)], None);
                out.push(cx.diagnostic(span, &vars).with_fix(fix));
            }
        }
    }
}

/// Runs of letters (and inner apostrophes or hyphens) with their offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::text::runs(text, |c, inside| {
        let letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
        letter || (inside && matches!(c, '\'' | '\u{2019}' | '-'))
    })
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, rule_from_toml, run_loaded, Builder};

    const RULE: &str = r#"kind = "repeat"
scope = "body"
severity = "warning"
summary = "A word is written twice"
message = "`{found}`: the word is repeated"
why = "A doubled word is a typo."
allow = ["had", "that"]
[fix]
title = "Remove the second `{expected}`"
applicability = "unsafe"
safety = "A doubled word is sometimes meant."
"#;

    #[test]
    fn a_doubled_word_across_a_line_break_is_found_and_allowed_words_are_not() {
        let rule = rule_from_toml(RULE);
        let text = "He said that that the\nthe talks had had results.\n";
        let built = Builder::new(text).body(text.trim_end()).build();
        let found = run_loaded(&rule, &built);
        assert_at(&built, &found, &[("test/rule", 1, 19)]);
        assert_eq!(found[0].message, "`the the`: the word is repeated");
        assert_fixed(
            &built,
            &found,
            "He said that that the talks had had results.\n",
        );
    }
}
