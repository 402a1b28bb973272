//! Running text: the intro (when the first paragraph introduces the text) and the body
//! paragraphs, each a verbatim field over its lines.

use std::sync::LazyLock;

use crate::layout::Layout;
use crate::lazy_regex::LazyRegex;
use crate::model::{Field, Release};
use crate::span::Span;

use super::lines::{LineKind, Seg};

/// `GENEVA, 13 March (UN Information Service) -- `, `NEW YORK, 7 July (UN Headquarters) — `.
/// A non-HQ dateline: `GENEVA, 3 May --`. The place name is at most 40 characters; that
/// bound is checked on the match rather than written as `{1,40}`, because a counted repeat
/// of a Unicode class multiplies the automaton the regex compiles at startup.
static DATELINE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"^\p{Lu}(?P<place>[\p{L} .'’\-]+),\s+[0-9]{1,2}(?:er)?\s+\p{L}+\.?(?:\s+[0-9]{4})?\s*(?:\([^)]{0,80}\)\s*)?(?:--|—|–)")
        .expect("dateline pattern")
});

/// The longest place name a dateline may carry, in characters.
const MAX_PLACE_CHARS: usize = 40;

/// Does this line open the running text (an intro formula of the layout, or a non-HQ
/// dateline)?
pub(crate) fn opens_running_text(line: &str, layout: &Layout) -> bool {
    layout.opens_intro(line) || is_dateline(line)
}

fn is_dateline(line: &str) -> bool {
    // Cheap gate first: a dateline has a dash within its first few dozen characters.
    if !line.contains(['-', '—', '–']) {
        return false;
    }
    DATELINE
        .captures(line)
        .and_then(|c| c.name("place"))
        .is_some_and(|place| place.as_str().chars().count() <= MAX_PLACE_CHARS)
}

/// Does this paragraph introduce the text that follows?
fn introduces(paragraph: &str, layout: &Layout) -> bool {
    layout.opens_intro(paragraph) || paragraph.ends_with(':')
}

/// Groups `segs` (running text, end marker excluded) into paragraphs: blank lines, noise and
/// disclaimers separate them; a star line (section break) is a paragraph of its own.
pub(crate) fn fill<'s>(
    source: &std::sync::Arc<String>,
    segs: impl Iterator<Item = &'s Seg>,
    layout: &Layout,
    release: &mut Release,
) {
    // Paragraphs are built in place in `release.body`: a long release's are not held twice.
    let mut paragraphs = std::mem::take(&mut release.body);
    let kept = paragraphs.len();
    let mut current: Option<Span> = None;
    let close = |current: &mut Option<Span>, paragraphs: &mut Vec<Field>| {
        if let Some(span) = current.take() {
            paragraphs.push(Field::shared(source, span));
        }
    };
    for seg in segs {
        match seg.kind {
            LineKind::Text => {
                current = Some(match current {
                    Some(span) => Span::new(span.start, seg.span.end),
                    None => seg.span,
                });
            }
            LineKind::Stars => {
                close(&mut current, &mut paragraphs);
                paragraphs.push(Field::shared(source, seg.span));
            }
            LineKind::Blank | LineKind::Noise(_) | LineKind::Disclaimer => {
                close(&mut current, &mut paragraphs);
            }
        }
    }
    close(&mut current, &mut paragraphs);
    if paragraphs
        .get(kept)
        .is_some_and(|p| introduces(&p.text, layout))
    {
        release.intro = Some(paragraphs.remove(kept));
    }
    paragraphs.shrink_to_fit();
    release.body = paragraphs;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_text_openers() {
        let layout = crate::parse::test_layout();
        assert!(opens_running_text(
            "Following is the text of the message:",
            layout
        ));
        assert!(opens_running_text(
            "GENEVA, 13 March (UN Information Service) -- The Commission opened",
            layout
        ));
        assert!(opens_running_text(
            "NEW YORK, 7 July (UN Headquarters) — The Secretary-General",
            layout
        ));
        assert!(!opens_running_text(
            "Secretary-General Urges Restraint",
            layout
        ));
    }
}
