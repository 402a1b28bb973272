//! The footer: the end marker (`* *** *`) and the disclaimer lines.

use std::sync::LazyLock;

use super::lines::{LineKind, Seg};

use crate::lazy_regex::LazyRegex;

/// English disclaimer and its near misses: any case, any separator (full stop, bullet, dash),
/// missing final period, `offical`, or its second half alone (`Not an official record.`).
static ENGLISH: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(
        r"(?i)^(?:for\s+(?:the\s+)?information\s+(?:of\s+(?:the\s+)?)?media\s*[.,;:•·\-–—]*\s*(?:[.,;:•·\-–—]\s*)?)?not\s+an?\s+of+i?c+i?a+l\s+record\s*[.!]?$",
    )
    .expect("english disclaimer pattern")
});

/// French disclaimer: `À l’intention des organes d’information. Document non officiel.`
static FRENCH: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(
        r"(?i)^(?:[àa]\s+l['’]\s*intention\s+des\s+organes\s+d['’]\s*information|…|\.\.\.)?\s*[.,;:•·\-–—]*\s*document\s+non\s+of+i?c+i?el+e?\s*[.!]?$",
    )
    .expect("french disclaimer pattern")
});

/// Does this (trimmed) line read as a disclaimer, exactly or nearly?
pub(crate) fn is_disclaimer(line: &str) -> bool {
    ENGLISH.is_match(line) || FRENCH.is_match(line)
}

/// The index of the end marker among `segs`: the last star line that nothing but blank
/// lines, noise and disclaimers follows up to the next disclaimer or the end of the file. A
/// star line followed by more text is a section break and stays in the body.
pub(crate) fn end_marker(text: &str, segs: &[Seg]) -> Option<usize> {
    footer_marker(segs).or_else(|| marker_before_a_short_tail(text, segs))
}

/// Failing that, the last star line written exactly as the house end marker (`* *** *`,
/// `*   ***   *`) when all that follows it is a short tail (at most two short lines: a
/// house disclaimer this pack does not know, a stray sign-off). A `* * *` section break is
/// never taken for it.
fn marker_before_a_short_tail(text: &str, segs: &[Seg]) -> Option<usize> {
    let last = segs.iter().rposition(|s| s.kind == LineKind::Stars)?;
    let words: Vec<&str> = segs[last].text(text).split_whitespace().collect();
    if words != ["*", "***", "*"] {
        return None;
    }
    let tail: Vec<&Seg> = segs[last + 1..]
        .iter()
        .filter(|s| s.kind == LineKind::Text)
        .collect();
    (tail.len() <= 2 && tail.iter().all(|s| s.span.len() <= 150)).then_some(last)
}

fn footer_marker(segs: &[Seg]) -> Option<usize> {
    let mut found = None;
    for (i, seg) in segs.iter().enumerate() {
        if seg.kind != LineKind::Stars {
            continue;
        }
        let next = segs[i + 1..].iter().find(|s| {
            matches!(
                s.kind,
                LineKind::Text | LineKind::Stars | LineKind::Disclaimer
            )
        });
        if next.is_none_or(|s| s.kind == LineKind::Disclaimer) {
            found = Some(i);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    #[track_caller]
    fn disclaimer(line: &str, expected: bool) {
        assert_eq!(is_disclaimer(line), expected, "{line}");
    }

    #[test]
    fn disclaimers_and_near_misses() {
        disclaimer("For information media. Not an official record.", true);
        disclaimer("For information media • not an official record", true);
        disclaimer("For Information Media. Not An Official Record.", true);
        disclaimer("for information media - not an official record", true);
        disclaimer("For information media. Not an official record", true);
        disclaimer("For information media. Not an offical record.", true);
        disclaimer(
            "À l’intention des organes d’information. Document non officiel.",
            true,
        );
        disclaimer(
            "À l’intention des organes d’information • Document non officiel",
            true,
        );
        disclaimer("… • Document non officiel", true);
        disclaimer("For information media only, said the spokesman.", false);
        disclaimer("This is not an official record of the meeting.", false);
    }

    #[track_caller]
    fn marker_line(text: &str) -> Option<usize> {
        let segs = split(text, crate::parse::test_layout());
        end_marker(text, &segs).map(|i| segs[i].line + 1)
    }

    #[test]
    fn the_last_star_line_before_the_footer_is_the_end_marker() {
        assert_eq!(
            marker_line(
                "a\n\n* * *\n\nb\n\n* *** *\n\nFor information media. Not an official record."
            ),
            Some(7)
        );
        assert_eq!(marker_line("a\n\n* * *\n\nb"), None);
        assert_eq!(
            marker_line("a\n\n* *** *\n\nFor media use only. Not an official ACME document."),
            Some(3)
        );
        assert_eq!(marker_line("a\n\n* *** *\n\nb\n\nc\n\nd"), None);
        assert_eq!(marker_line("a\n\n***\n \n"), Some(3));
        assert_eq!(
            marker_line("a\n*** *\nFor information media. Not an official record.\nsite footer"),
            Some(2)
        );
    }
}
