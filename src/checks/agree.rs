//! `agree`: every printed copy of a multi-copy element says the same thing. Symbols compare
//! as rebuilt text (stacked parts joined by `-`), headlines after folding case and spacing.
//! The diagnostic sits on the later copy, with a label on the first.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::span::Span;
use crate::text::fold_for_comparison;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Agree {
    scope: Scope,
}

impl Agree {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(params, "agree", scope, &[Scope::Symbol, Scope::Headline])?;
        Ok(Self { scope })
    }

    /// `(comparison key, text shown in messages, span)` of every copy, in file order.
    fn copies(&self, cx: &Context<'_>) -> Vec<(String, String, Span)> {
        match self.scope {
            Scope::Symbol => cx
                .release
                .symbols
                .iter()
                .map(|s| {
                    let m = s.field.match_text();
                    let rebuilt = if s.stacked && !s.parts.is_empty() {
                        s.parts
                            .iter()
                            .map(|p| p.match_text().text.trim().to_owned())
                            .collect::<Vec<_>>()
                            .join("-")
                    } else {
                        m.text.trim().to_owned()
                    };
                    (symbol_key(&rebuilt), rebuilt, s.field.span)
                })
                .collect(),
            _ => cx
                .release
                .headlines
                .iter()
                .map(|h| {
                    let text = if h.lines.is_empty() {
                        h.field.text.to_string()
                    } else {
                        h.lines
                            .iter()
                            .map(|l| l.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    (headline_key(&text), super::one_line(&text), h.field.span)
                })
                .collect(),
        }
    }
}

impl super::Check for Agree {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let copies = self.copies(cx);
        let Some((first_key, first_shown, first_span)) = copies.first() else {
            return;
        };
        for (key, shown, span) in copies.iter().skip(1) {
            if key == first_key {
                continue;
            }
            let vars = [
                ("found", shown.as_str()),
                ("expected", first_shown.as_str()),
            ];
            out.push(
                cx.diagnostic(*span, &vars)
                    .with_label(*first_span, format!("first copy: `{first_shown}`")),
            );
        }
    }
}

/// A symbol copy's comparison key: without revision parts and reissue stars (a reissued
/// release prints `SG/SM/11958/Rev.1*` in its header and `SG/SM/11958` as its page title:
/// one release, not two).
fn symbol_key(symbol: &str) -> String {
    static REVISION: std::sync::LazyLock<crate::lazy_regex::LazyRegex> =
        std::sync::LazyLock::new(|| {
            crate::lazy_regex::LazyRegex::eager(r"(?i)/(?:rev|corr|add)\.\s?[0-9]{1,2}|\*")
                .expect("revision pattern")
        });
    REVISION.replace_all(symbol, "").into_owned()
}

/// A headline copy's comparison key: case, accents and spacing folded (French capitals often
/// drop accents: `JOURNEE` for `Journée`), and no space around a dash (`30 APRIL-11 MAY` and
/// `30 APRIL - 11 MAY` are one wording, wrapped differently).
fn headline_key(text: &str) -> String {
    let folded: String = fold_for_comparison(text)
        .chars()
        .map(|c| crate::text::bare_letter(c).unwrap_or(c))
        .collect();
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next_is_dash = chars.peek().is_some_and(|n| is_dash(*n));
            let prev_is_dash = out.chars().last().is_some_and(is_dash);
            if next_is_dash || prev_is_dash {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, run_rule, Builder};
    use crate::span::Span;

    #[test]
    fn a_reissued_copy_of_the_symbol_is_the_same_release() {
        assert_eq!(
            super::symbol_key("SG/SM/11958/Rev.1*-HR/4971/Rev.1*"),
            super::symbol_key("SG/SM/11958-HR/4971")
        );
        assert_ne!(
            super::symbol_key("SG/SM/11958"),
            super::symbol_key("SG/SM/11959")
        );
    }

    #[test]
    fn headline_copies_differing_only_in_spaces_around_a_dash_agree() {
        assert_eq!(
            super::headline_key("Meeting 30 APRIL - 11 MAY"),
            super::headline_key("meeting 30 april-11 may")
        );
        assert_ne!(
            super::headline_key("ISR\"LI TALKS"),
            super::headline_key("ISRAELI TALKS")
        );
        assert_ne!(
            super::headline_key("SECR É TAIRE"),
            super::headline_key("SECRÉTAIRE")
        );
        assert_eq!(
            super::headline_key("JOURNEE DES NATIONS UNIES, DECLARE"),
            super::headline_key("Journée des Nations Unies, déclare")
        );
        assert_ne!(super::headline_key("ISRA-L"), super::headline_key("ISRAËL"));
    }

    #[test]
    fn the_later_copy_of_a_symbol_is_reported_with_the_first_as_a_label() {
        let text = "SG/SM/13017\n\nTitle\n\n19 July 2010\nSecretary-GeneralSG/SM/13018\n";
        let built = Builder::new(text)
            .symbol("SG/SM/13017")
            .symbol("SG/SM/13018")
            .build();
        let found = run_rule("symbol/mismatch", &built);
        assert_at(&built, &found, &[("symbol/mismatch", 6, 18)]);
        assert_eq!(found[0].labels[0].span, Span::new(0, 11));
        assert_eq!(
            found[0].message,
            "this copy of the symbol reads `SG/SM/13018`, the first reads `SG/SM/13017`"
        );
    }

    #[test]
    fn stacked_symbols_compare_as_joined_text() {
        let text = "SG/SM/1-OBV/2\n\nSG/SM/1\nOBV/2\n";
        let built = Builder::new(text)
            .symbol("SG/SM/1-OBV/2")
            .stacked(&["SG/SM/1", "OBV/2"])
            .build();
        assert_at(&built, &run_rule("symbol/mismatch", &built), &[]);
    }

    #[test]
    fn headlines_differ_only_in_words() {
        let text = "TALKS SHOW VALUE OF COOPERATION\n\nTalks Show Value\n\n\u{a0}\n\nof  Cooperation\n\nTalks Show Worth of Cooperation\n";
        let built = Builder::new(text)
            .headline(&["TALKS SHOW VALUE OF COOPERATION"])
            .headline(&["Talks Show Value", "of  Cooperation"])
            .headline(&["Talks Show Worth of Cooperation"])
            .build();
        let found = run_rule("headline/mismatch", &built);
        assert_at(&built, &found, &[("headline/mismatch", 9, 1)]);
    }
}
