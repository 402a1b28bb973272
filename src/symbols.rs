//! The document-symbol grammar (UN-STYLE.md section 2): components, series, corrections.
//!
//! A component is a series of one to three upper-case parts, a number of one to five digits
//! without a leading zero (a year-like `SG/2015` counts), revision parts and an optional `*`.
//! Up to four components join with `-` and no spaces.

use std::sync::LazyLock;

use crate::lazy_regex::LazyRegex;

const COMPONENT: &str =
    r"[A-Z]{1,7}(?:/[A-Z]{1,4}){0,2}/[1-9][0-9]{0,4}(?:/(?:Rev|Corr|Add)\.[1-9][0-9]?)*\*?";

static COMPONENT_RE: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(format!("^{COMPONENT}$")).expect("component grammar"));
static SYMBOL_RE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!("^{COMPONENT}(?:-{COMPONENT}){{0,3}}$")).expect("symbol grammar")
});
static DASHES: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"\s*[-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}]\s*").expect("dashes")
});
static REVISION: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(r"(?i)/(rev|corr|add)\.").expect("revision"));
static LETTER_O_IN_NUMBER: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(r"/([0-9O]*[0-9][0-9O]*)(/|-|\*|$)").expect("letter o"));
static LEADING_ZERO: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(r"/0+([1-9])").expect("leading zero"));
static MISSING_SLASH: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(r"([A-Z])([1-9])").expect("missing slash"));

/// Is `symbol` a well-formed press-release symbol (one to four components)?
pub fn is_valid(symbol: &str) -> bool {
    SYMBOL_RE.is_match(symbol)
}

/// Is `component` one well-formed component (`SG/SM/13017/Rev.1*`)?
pub fn is_valid_component(component: &str) -> bool {
    COMPONENT_RE.is_match(component)
}

/// The components of a well-formed symbol with their byte ranges in it.
pub fn components(symbol: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in symbol.split('-') {
        out.push((start, part));
        start += part.len() + 1;
    }
    out
}

/// The series of a well-formed component: the parts before its number
/// (`SG/SM/13017` -> `SG/SM`; `SG/2015/Rev.4` -> `SG`).
pub fn series(component: &str) -> &str {
    let cut = component
        .match_indices('/')
        .find(|(i, _)| {
            component[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
        .map_or(component.len(), |(i, _)| i);
    &component[..cut]
}

/// A corrected symbol and whether the correction is certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub text: String,
    /// True when only case, dash characters and spaces around `-` changed: the same symbol.
    pub safe: bool,
}

/// The correction of a malformed symbol, when one is evident.
///
/// Safe: upper-casing (revision words as `Rev.`, `Corr.`, `Add.`), any dash as `-`, spaces
/// around `-` removed. Unsafe (the number might be another document's): a letter `O` in a
/// number read as zero, a missing `/` between series and number. No fix: a leading zero
/// (`013017` may hide a lost digit), an empty part (`SG//13017`).
pub fn correct(symbol: &str) -> Option<Correction> {
    let trimmed = symbol.trim();
    let dashes = DASHES.replace_all(trimmed, "-");
    let upper = dashes.to_uppercase();
    let safe = REVISION
        .replace_all(&upper, |c: &regex::Captures<'_>| {
            let word = match c[1].to_ascii_lowercase().as_str() {
                "rev" => "Rev",
                "corr" => "Corr",
                _ => "Add",
            };
            format!("/{word}.")
        })
        .into_owned();
    if is_valid(&safe) {
        return (safe != trimmed).then_some(Correction {
            text: safe,
            safe: true,
        });
    }
    let zeroed = LETTER_O_IN_NUMBER.replace_all(&safe, |c: &regex::Captures<'_>| {
        format!("/{}{}", c[1].replace('O', "0"), &c[2])
    });
    let slashed = MISSING_SLASH.replace_all(&zeroed, "$1/$2").into_owned();
    // `SG/SM/013017`: numbers have no leading zero; dropping it is likely right, but a
    // digit may be missing instead, so it needs a human.
    let unpadded = LEADING_ZERO.replace_all(&slashed, "/$1").into_owned();
    is_valid(&unpadded).then_some(Correction {
        text: unpadded,
        safe: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genuine_symbols_are_valid() {
        for s in [
            "SG/SM/13017",
            "SG/SM/17246-OBV/1537-ORG/1612",
            "ECOSOC/6625-NGO/795",
            "SG/2015/Rev.4-BIO/2936/Rev.4",
            "GA/SHC/4000/Rev.1*",
            "SC/9460",
            "DSG/SM/1",
        ] {
            assert!(is_valid(s), "{s}");
        }
    }

    #[test]
    fn malformed_symbols_are_invalid() {
        for s in [
            "sg/sm/13017",
            "SG/SM13017",
            "SG//13017",
            "SG/SM/013017",
            "SG/SM/13017 -OBV/1",
            "SG/SM/13017\u{2013}OBV/1",
            "SG/SM/13017/rev.1",
            "SG/SM/13O17",
            "A-B-C-D-E",
            "COVID-19",
        ] {
            assert!(!is_valid(s), "{s}");
        }
    }

    #[track_caller]
    fn corrected(s: &str, expected: Option<(&str, bool)>) {
        assert_eq!(
            correct(s).map(|c| (c.text, c.safe)),
            expected.map(|(t, safe)| (t.to_owned(), safe)),
            "{s}"
        );
    }

    #[test]
    fn corrections_are_safe_only_when_the_symbol_is_the_same() {
        corrected("sg/sm/13017", Some(("SG/SM/13017", true)));
        corrected("SG/SM/13017/rev.1", Some(("SG/SM/13017/Rev.1", true)));
        corrected(
            "SG/SM/13017\u{2013}OBV/851",
            Some(("SG/SM/13017-OBV/851", true)),
        );
        corrected("SG/SM/13017 -OBV/851", Some(("SG/SM/13017-OBV/851", true)));
        corrected("SG/SM/13O17", Some(("SG/SM/13017", false)));
        corrected("SG/SM13017", Some(("SG/SM/13017", false)));
        corrected("SG/SM/013017", Some(("SG/SM/13017", false)));
        corrected("SG//13017", None);
        corrected("SG/SM/13017", None);
    }

    #[test]
    fn series_are_the_parts_before_the_number() {
        assert_eq!(series("SG/SM/13017"), "SG/SM");
        assert_eq!(series("SG/2015/Rev.4"), "SG");
        assert_eq!(series("ENV/DEV/1200"), "ENV/DEV");
        assert_eq!(
            components("SG/SM/1-OBV/2"),
            vec![(0, "SG/SM/1"), (8, "OBV/2")]
        );
    }
}
