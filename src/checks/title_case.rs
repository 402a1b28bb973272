//! `title-case`: headlines in Title Case. Content words start with a capital; the `small`
//! words stay lower-case except first and after a colon or dash; `either` words and name
//! `particles` may be written either way. ALL-CAPS titles (archive page titles), words in
//! quotations, acronyms, figures and the later parts of hyphenated compounds (`Sixty-eighth`,
//! `Ki-moon`) are left alone. One finding per printed copy, at its first offending word; the
//! fix (unsafe) recases every offending word of that copy.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct TitleCase {
    scope: Scope,
    small: HashSet<String>,
    either: HashSet<String>,
}

/// The parameters of a `title-case` rule: the words written in lower case, and those that
/// may be either.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleCaseParams {
    #[serde(deserialize_with = "crate::toml_file::non_empty_items")]
    small: Vec<String>,
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_items")]
    either: Vec<String>,
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_items")]
    particles: Vec<String>,
}

impl TitleCase {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(params, "title-case", scope, &[Scope::Headline, Scope::Deck])?;
        let own: TitleCaseParams = params.take()?;
        let set = |words: Vec<String>| -> HashSet<String> {
            words.into_iter().map(|w| w.to_lowercase()).collect()
        };
        let small = set(own.small);
        if small.is_empty() {
            return Err(params.error("small", "`small` needs the lower-case words"));
        }
        let mut either = set(own.either);
        either.extend(set(own.particles));
        Ok(Self {
            scope,
            small,
            either,
        })
    }
}

impl super::Check for TitleCase {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let release = cx.release;
        // A page that shows the headline in capitals (an ALL CAPS copy) may keep its source
        // in another case: the copies of such a page are not judged.
        if self.scope == Scope::Headline
            && release
                .headlines
                .iter()
                .any(|h| is_all_caps(h.field.match_text().text))
        {
            return;
        }
        for field in super::fields(release, self.scope) {
            let m = field.match_text();
            if is_all_caps(m.text) {
                continue;
            }
            let edits = self.edits(m.text);
            let Some((start, end, wanted)) = edits.first() else {
                continue;
            };
            let found = &m.text[*start..*end];
            let vars = [("found", found), ("expected", wanted.as_str())];
            let fix_edits = edits
                .iter()
                .map(|(s, e, w)| Edit::replace(m.span(*s, *e), m.encoding.encode(w)))
                .collect();
            let fix = cx.fix(&vars, fix_edits, None);
            out.push(cx.diagnostic(m.span(*start, *end), &vars).with_fix(fix));
        }
    }
}

impl TitleCase {
    /// The words of a headline whose case is wrong, as `(start, end, wanted)`; quotations
    /// are left as written.
    fn edits(&self, text: &str) -> Vec<(usize, usize, String)> {
        let quoted = super::quotes::quoted_ranges(text);
        let mut edits = Vec::new();
        let mut clause_start = true;
        for (start, token) in tokens(text) {
            let opens_clause = clause_start;
            clause_start = token.ends_with([':', ';', '?', '!'])
                || matches!(token, "-" | "--" | "—" | "–")
                || token.ends_with('—');
            let lead = token.len()
                - token
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            let core_start = start + lead;
            let word: &str = token[lead..]
                .split(|c: char| !(c.is_alphanumeric()))
                .next()
                .unwrap_or("");
            let in_quotes = quoted
                .iter()
                .any(|&(s, e)| s <= core_start && core_start < e);
            if word.is_empty() || in_quotes {
                continue;
            }
            // `In-Depth`: the first part of a hyphenated compound is a word of its own kind,
            // capitalised like a content word.
            let compound = token[lead + word.len()..].starts_with(['-', '‑']);
            if let Some(wanted) = self.wanted(word, opens_clause, compound) {
                edits.push((core_start, core_start + word.len(), wanted));
            }
        }
        edits
    }

    /// How `word` should be written, when not as it is.
    fn wanted(&self, word: &str, opens_clause: bool, compound: bool) -> Option<String> {
        let mut chars = word.chars();
        let first = chars.next()?;
        // Figures, acronyms and brand-like words (`UNESCO`, `COVID`, `iPhone`) keep their case.
        if !first.is_alphabetic() || chars.any(char::is_uppercase) {
            return None;
        }
        let lower = word.to_lowercase();
        if self.either.contains(&lower) || (self.small.contains(&lower) && compound) {
            None
        } else if self.small.contains(&lower) {
            (!opens_clause && first.is_uppercase()).then_some(lower)
        } else if first.is_lowercase() {
            let mut upper: String = first.to_uppercase().collect();
            upper.push_str(&word[first.len_utf8()..]);
            Some(upper)
        } else {
            None
        }
    }
}

/// An archive page title in capitals: at most one letter in ten is lower-case.
fn is_all_caps(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    letters > 0 && lower * 10 <= letters
}

/// Whitespace-separated tokens with their offsets.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    crate::text::runs(text, |c, _| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};

    #[track_caller]
    fn check(headline: &str) -> Vec<crate::Diagnostic> {
        let text = format!("{headline}\n");
        let built = Builder::new(&text).headline(&[headline]).build();
        run_rule("headline/title-case", &built)
    }

    #[test]
    fn genuine_title_case_headlines_pass() {
        for ok in [
            "Secretary-General Urges Donors to Support Flood Relief",
            "General Assembly Elects President of Sixty-eighth Session",
            "Secretary-General Ban Ki-moon Welcomes Accord on Follow-up to Summit",
            "SECURITY COUNCIL EXTENDS MANDATE OF OBSERVER MISSION UNTIL 15 JUNE 1998",
            "Deputy Secretary-General: The World Must Act Now on Climate",
            "Secretary-General Says ‘we must act’ as Talks Open in al-Fashir",
            "UNESCO Chief Condemns Killing of Journalist in Iraq",
            "Council Hears from Envoy de Mistura on Talks in Geneva",
        ] {
            assert!(check(ok).is_empty(), "{ok}: {:#?}", check(ok));
        }
    }

    #[test]
    fn a_sentence_case_headline_is_reported_once_and_fixed_word_by_word() {
        let text = "Secretary-General urges donors To support relief\n";
        let built = Builder::new(text)
            .headline(&["Secretary-General urges donors To support relief"])
            .build();
        let found = run_rule("headline/title-case", &built);
        assert_at(&built, &found, &[("headline/title-case", 1, 19)]);
        assert_eq!(
            found[0].message,
            "`urges` breaks the headline's Title Case; expected `Urges`"
        );
        assert_fixed(
            &built,
            &found,
            "Secretary-General Urges Donors to Support Relief\n",
        );
    }
}
