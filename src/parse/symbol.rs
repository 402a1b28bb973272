//! Recognising document-symbol lines in the header, leniently: malformed symbols are still
//! captured as the symbol so that the symbol rules can judge and fix them.

use std::sync::LazyLock;

use crate::layout::Layout;
use crate::lazy_regex::LazyRegex;
use crate::span::Span;

/// One component, leniently: letters, up to three more letter parts after `/` (doubled or
/// missing slashes allowed), a number (a letter O inside it allowed), revision suffixes in any
/// case, a trailing `*`. A number followed by another number (`S/2010/507`) does not match:
/// that is an official-document symbol, not a press release's.
const COMPONENT: &str = r"[A-Za-z]{1,10}(?:/{1,2}[A-Za-z]{1,10}){0,3}/{0,2}[0-9][0-9Oo]{0,7}(?:/?(?i:rev|corr|add)\.?\s?[0-9]{1,2})*\*?";

/// A joiner between components: a hyphen, any dash, U+2011, spaces around it allowed.
const JOINER: &str = r"\s*[-–—‑]\s*";

static SYMBOL_LINE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"^(?P<sym>{COMPONENT}(?:{JOINER}{COMPONENT}){{0,5}}\*?)$"
    ))
    .expect("symbol line pattern")
});

/// Components side by side, separated by spaces only: a table cell that stacked them
/// (`Press Release SG/SM/9234 AFR/874 |`).
static SPACED: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"^{COMPONENT}(?:[ \t\u{{a0}}]+{COMPONENT}){{1,5}}$"
    ))
    .expect("spaced components pattern")
});

static ONE_COMPONENT: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(format!(r"^{COMPONENT}$")).expect("component pattern"));

/// A symbol line: where the symbol is, and the glued category if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SymbolLine {
    pub category: Option<Span>,
    pub symbol: Span,
    /// True when the symbol is one component (so that it may be stacked with its neighbours).
    pub single: bool,
    /// True when its components are separated by spaces only: stacked on one line.
    pub spaced: bool,
}

/// Recognises a (trimmed) header line that is a document symbol, maybe glued to a category
/// of the layout (`Secretary-GeneralSG/SM/13017`). `base` is the line's file offset.
pub(crate) fn recognise(line: &str, base: usize, layout: &Layout) -> Option<SymbolLine> {
    // Every component has a number: a line without a digit is no symbol line.
    if line.len() > 120 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(found) = whole(line, base, 0) {
        return Some(found);
    }
    let category = layout.category_prefix(line)?;
    let rest = &line[category..];
    let gap = rest.len() - rest.trim_start().len();
    let mut found = whole(rest.trim_start(), base, category + gap)?;
    found.category = Some(Span::new(base, base + category));
    Some(found)
}

/// `line[..]` is a symbol and nothing else; `at` is its offset in the trimmed header line.
fn whole(line: &str, base: usize, at: usize) -> Option<SymbolLine> {
    if SPACED.is_match(line) {
        return Some(SymbolLine {
            category: None,
            symbol: Span::new(base + at, base + at + line.len()),
            single: false,
            spaced: true,
        });
    }
    let caps = SYMBOL_LINE.captures(line)?;
    let sym = caps.name("sym")?;
    if !sym.as_str().contains('/') {
        return None;
    }
    Some(SymbolLine {
        category: None,
        symbol: Span::new(base + at + sym.start(), base + at + sym.end()),
        single: ONE_COMPONENT.is_match(sym.as_str()),
        spaced: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn symbol(line: &str) -> Option<(Option<&str>, &str, bool)> {
        recognise(line, 0, crate::parse::test_layout()).map(|s| {
            (
                s.category.map(|c| &line[c.range()]),
                &line[s.symbol.range()],
                s.single,
            )
        })
    }

    #[test]
    fn genuine_symbols() {
        assert_eq!(symbol("SG/SM/13017"), Some((None, "SG/SM/13017", true)));
        assert_eq!(
            symbol("SG/SM/17246-OBV/1537-ORG/1612"),
            Some((None, "SG/SM/17246-OBV/1537-ORG/1612", false))
        );
        assert_eq!(
            symbol("ECOSOC/6625-NGO/795"),
            Some((None, "ECOSOC/6625-NGO/795", false))
        );
        assert_eq!(
            symbol("SG/2015/Rev.4-BIO/2936/Rev.4"),
            Some((None, "SG/2015/Rev.4-BIO/2936/Rev.4", false))
        );
        assert_eq!(
            symbol("SG/SM/12345/Rev.1*"),
            Some((None, "SG/SM/12345/Rev.1*", true))
        );
        assert_eq!(
            symbol("GA/11990/Corr.1"),
            Some((None, "GA/11990/Corr.1", true))
        );
    }

    #[test]
    fn categories_glued_to_the_symbol_are_split_off() {
        assert_eq!(
            symbol("Secretary-GeneralSG/SM/13017"),
            Some((Some("Secretary-General"), "SG/SM/13017", true))
        );
        assert_eq!(
            symbol("Security CouncilSC/9460"),
            Some((Some("Security Council"), "SC/9460", true))
        );
        let layout = crate::parse::test_layout();
        assert!(layout.is_category("Security Council"));
        assert!(layout.is_category("Secretary-General."));
        assert!(!layout.is_category("Security Council Extends Mandate"));
        // Sections of the site are labels of a kind of document, not categories.
        assert!(!layout.is_category("Press Conference"));
        let label = |line| layout.label_prefix(line).map(|(n, k)| (n, k.name.clone()));
        assert_eq!(
            label("Spokesperson’s Noon Briefing"),
            Some((30, "press-briefing".to_owned()))
        );
    }

    #[test]
    fn malformed_symbols_are_still_symbols() {
        for line in [
            "sg/sm/13017",
            "SG/SM13017",
            "SG//13017",
            "SG/SM/13O17",
            "SG/SM/013017",
            "SG/SM/13017–OBV/851",
            "SG/SM/13017 -OBV/851",
            "SG/SM/13017/rev.1",
        ] {
            assert_eq!(symbol(line).map(|s| s.1), Some(line), "{line}");
        }
    }

    #[test]
    fn official_document_symbols_and_words_are_not_symbols() {
        for line in [
            "S/2010/507",
            "A/RES/ES-10/17",
            "S/PRST/2015/9",
            "COVID-19",
            "HIV/AIDS",
            "COVID19",
            "Kyrgyzstan Crisis Shows Value",
        ] {
            assert_eq!(symbol(line), None, "{line}");
        }
    }
}
