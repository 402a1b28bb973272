//! `quotes`: straight (`"`, `'`) and curly (`“ ” ‘ ’`) quotation marks and apostrophes mixed
//! in one release. The release's majority style wins; each mark of the minority is reported
//! with a fix toward the majority. Also home of [`quoted_ranges`], the direct quotations of
//! a text, which the wording rules skip.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::{Applicability, Edit};

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Quotes {
    scope: Scope,
}

/// One quotation mark or apostrophe of the release.
struct Mark {
    field: usize,
    local: usize,
    ch: char,
    curly: bool,
}

impl Quotes {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(
            params,
            "quotes",
            scope,
            &[Scope::Text, Scope::Headline, Scope::Intro, Scope::Body],
        )?;
        Ok(Self { scope })
    }
}

impl super::Check for Quotes {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fields = super::fields(cx.release, self.scope);
        let texts: Vec<_> = fields.iter().map(|f| f.match_text()).collect();
        let mut marks = Vec::new();
        for (field, m) in texts.iter().enumerate() {
            let bytes = m.text.as_bytes();
            // Quote marks are `"`, `'` and the curly ones, whose UTF-8 starts with 0xE2: a
            // SIMD scan for those three bytes finds every candidate (each a char boundary).
            for local in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
                let Some(ch) = m.text[local..].chars().next() else {
                    continue;
                };
                let curly = match ch {
                    '“' | '”' | '‘' | '’' => true,
                    '"' => false,
                    '\'' => {
                        // A prime between figures (`5'10`) is no quotation mark (an ASCII
                        // digit is a byte of its own, so the bytes beside tell).
                        let digit = |at: Option<usize>| {
                            at.and_then(|at| bytes.get(at))
                                .is_some_and(u8::is_ascii_digit)
                        };
                        if digit(local.checked_sub(1)) && digit(Some(local + 1)) {
                            continue;
                        }
                        false
                    }
                    _ => continue,
                };
                marks.push(Mark {
                    field,
                    local,
                    ch,
                    curly,
                });
            }
        }
        let curly = marks.iter().filter(|m| m.curly).count();
        let straight = marks.len() - curly;
        if curly == 0 || straight == 0 {
            return;
        }
        // Ties go to curly marks, the style of current releases.
        let majority_curly = curly >= straight;
        let majority = if majority_curly { "curly" } else { "straight" };
        for mark in marks.iter().filter(|m| m.curly != majority_curly) {
            let m = &texts[mark.field];
            let end = mark.local + mark.ch.len_utf8();
            let before = m.text[..mark.local].chars().next_back();
            let after = m.text[end..].chars().next();
            let (expected, applicability) = if majority_curly {
                toward_curly(mark.ch, before, after)
            } else {
                (toward_straight(mark.ch), None)
            };
            let span = m.span(mark.local, end);
            let found = mark.ch.to_string();
            let expected = expected.to_string();
            let vars = [
                ("found", found.as_str()),
                ("expected", expected.as_str()),
                ("majority", majority),
            ];
            let fix = cx.fix(
                &vars,
                vec![Edit::replace(span, m.encoding.encode(&expected))],
                applicability,
            );
            out.push(cx.diagnostic(span, &vars).with_fix(fix));
        }
    }
}

fn toward_straight(ch: char) -> char {
    match ch {
        '“' | '”' => '"',
        _ => '\'',
    }
}

/// The curly form of a straight mark, judged by its neighbours: an apostrophe between letters
/// is sure (safe); an opening or closing mark is a guess from the spacing (unsafe).
fn toward_curly(
    ch: char,
    before: Option<char>,
    after: Option<char>,
) -> (char, Option<Applicability>) {
    let opens = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    match ch {
        '"' => (if opens { '“' } else { '”' }, Some(Applicability::Unsafe)),
        _ => {
            let inside_word =
                before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphabetic);
            if inside_word {
                ('’', None)
            } else if opens {
                ('‘', Some(Applicability::Unsafe))
            } else {
                ('’', Some(Applicability::Unsafe))
            }
        }
    }
}

/// The byte ranges of `text` inside direct quotations and quoted titles, marks included:
/// `“…”` and French `«…»` (an unclosed `“` or `«` runs to the end: a quotation that goes on
/// to the next paragraph), `"…"` pairs, and `‘…’` or `'…'` opened after a space and closed
/// before a non-letter (so that apostrophes do not count). A quotation nested in a French one
/// (`« … “…” … »`) lies inside the outer range.
pub fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    const OPENERS: [char; 5] = ['"', '“', '«', '‘', '\''];
    if !text.contains(OPENERS) {
        return out;
    }
    let mut k = 0;
    while let Some(offset) = text[k..].find(OPENERS) {
        let start = k + offset;
        let Some(ch) = text[start..].chars().next() else {
            break;
        };
        let after = start + ch.len_utf8();
        let before = text[..start].chars().next_back();
        let closer = match ch {
            '“' => Some('”'),
            '«' => Some('»'),
            '"' => Some('"'),
            _ => {
                let opens = before.is_none_or(|c| c.is_whitespace() || "([—–-".contains(c))
                    && text[after..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                opens.then_some(if ch == '‘' { '’' } else { '\'' })
            }
        };
        let Some(closer) = closer else {
            k = after;
            continue;
        };
        let single = closer == '’' || closer == '\'';
        // The closing mark: for single marks, not one followed by a letter (an apostrophe).
        let end = text[after..]
            .char_indices()
            .filter(|&(_, c)| c == closer)
            .map(|(i, c)| after + i + c.len_utf8())
            .find(|&end| !(single && text[end..].chars().next().is_some_and(char::is_alphabetic)));
        match end {
            Some(end) => {
                out.push((start, end));
                k = end;
            }
            None if !single => {
                out.push((start, text.len()));
                break;
            }
            None => k = after,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};

    #[test]
    fn quotations_are_found_and_apostrophes_are_not() {
        let text =
            "He said “we will organise,” and the Member States’ ‘crisis’ plan \"works\". “Open";
        let got: Vec<&str> = quoted_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            vec!["“we will organise,”", "‘crisis’", "\"works\"", "“Open"]
        );
        assert!(
            quoted_ranges("the States' rights and 'peace dividend' here")
                .iter()
                .any(
                    |&(s, e)| &"the States' rights and 'peace dividend' here"[s..e]
                        == "'peace dividend'"
                )
        );
    }

    #[test]
    fn french_guillemets_are_quotations_with_what_they_nest() {
        let text =
            "Le Conseil « réaffirme qu’il “appuie” la Mission » et l’Union\u{a0}; puis «\u{a0}Fin";
        let got: Vec<&str> = quoted_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            vec!["« réaffirme qu’il “appuie” la Mission »", "«\u{a0}Fin"]
        );
    }

    #[test]
    fn the_minority_style_is_reported_and_fixed_toward_the_majority() {
        let text = "Head\n\nIt’s the Organization’s plan, he said, and \"the Council's\" view.\n";
        let built = Builder::new(text)
            .headline(&["Head"])
            .body(text[6..].trim_end())
            .build();
        let found = run_rule("typography/mixed-quotes", &built);
        assert_at(
            &built,
            &found,
            &[
                ("typography/mixed-quotes", 3, 3),
                ("typography/mixed-quotes", 3, 22),
            ],
        );
        let one = Builder::new("H\n\nIt’s the UN’s and the Council's view.\n")
            .headline(&["H"])
            .body("It’s the UN’s and the Council's view.")
            .build();
        let found = run_rule("typography/mixed-quotes", &one);
        assert_fixed(&one, &found, "H\n\nIt’s the UN’s and the Council’s view.\n");
    }

    #[test]
    fn uniform_straight_quotes_are_fine() {
        let text = "H\n\nThe Council's view is \"clear\", he said.\n";
        let built = Builder::new(text)
            .headline(&["H"])
            .body("The Council's view is \"clear\", he said.")
            .build();
        assert!(run_rule("typography/mixed-quotes", &built).is_empty());
    }

    #[test]
    fn toward_curly_an_apostrophe_in_a_word_is_safe_and_a_quotation_mark_is_a_guess() {
        let body = "It’s the UN’s “plan” and the Council’s \"view\" of the Assembly's work.";
        let text = format!("H\n\n{body}\n");
        let built = Builder::new(&text).headline(&["H"]).body(body).build();
        let found = run_rule("typography/mixed-quotes", &built);
        let got: Vec<(String, String, crate::fix::Applicability)> = found
            .iter()
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                Some((
                    built.0.slice(d.span).to_owned(),
                    fix.edits[0].replacement.clone(),
                    fix.applicability,
                ))
            })
            .collect();
        use crate::fix::Applicability::{Safe, Unsafe};
        let want = |a: &str, b: &str, s| (a.to_owned(), b.to_owned(), s);
        assert_eq!(
            got,
            vec![
                want("\"", "“", Unsafe),
                want("\"", "”", Unsafe),
                want("'", "’", Safe),
            ]
        );
    }
}
