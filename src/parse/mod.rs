//! Turns a file into a [`Release`]: plain text through the release parser, JSON through
//! the exported form of the model.
//!
//! The text parser knows the shapes of a page; the words that fill them (banners, labels,
//! kinds of document, meeting words, month names) are the pack's [`Layout`]. It works on
//! lines (`lines`: `\n`, `\r\n` or a lone `\r`), then in passes:
//!
//! 1. every line is classified on its own: blank (NBSP-only lines too), site noise, star
//!    line, disclaimer, text. Noise and disclaimers are collected wherever they are.
//! 2. `footer`: the end marker is the last star line (three stars or more) followed by
//!    nothing but blank lines, noise and disclaimers up to a disclaimer or the end of the file.
//!    Any other star line is a section break and stays in the body.
//! 3. `header`: from the top, header elements are recognised line by line: symbols (also
//!    glued to a category, or side by side in a label line), date line, labels (also glued to
//!    the next element), category, masthead, meeting header (the body's name over the lines
//!    above a meeting or session line), reissue markers, kicker, bracketed notes, debris. The
//!    other lines form title blocks; a block that reads as prose (a sentence end, a long
//!    non-title first line, a paragraph broken mid-sentence) ends the header zone, after any
//!    title lines at its top are taken. Symbols and dates are only looked for before it.
//! 4. `titles`: the title lines, in groups between header elements, become the kicker, the
//!    printed copies of the headline (a later group is a copy when it reads as the first,
//!    case, spacing and wraps aside) and decks (what follows a copy, or reads as no copy).
//! 5. `body`: the rest is split into paragraphs at blank lines; the first is the intro when it
//!    opens with an intro formula of the layout or ends with `:`.
//!
//! Symbol lines are recognised leniently (`sg/sm/13017`, `SG/SM13017`, an en dash between
//! components) so that the symbol rules can judge them, but a number followed by another
//! number (`S/2010/507`, `S/PRST/2015/9`) is an official-document symbol and never the
//! release's. One-component symbols on adjacent lines are one stacked symbol.
//!
//! Known limits: a single headline copy followed by a complete Title Case line is read as
//! headline and deck even when the page wrapped one title; a page break (running head) inside
//! a paragraph splits it in two.

mod body;
mod date;
mod footer;
mod header;
pub mod json;
pub(crate) mod lines;
mod symbol;
mod titles;

use crate::layout::Layout;
use crate::model::{Field, Noise, Release};
use crate::source::SourceFile;

use lines::LineKind;

/// Parses a plain-text release with the words of a pack's page layout (its banners, labels,
/// meeting words, month names and disclaimers). Never fails: what is missing is `None`.
pub fn parse_text(source: &SourceFile, layout: &Layout) -> Release {
    let text = source.text.as_str();
    let segs = lines::split(text, layout);
    let mut release = Release {
        content_end: lines::content_end(text),
        ..Release::default()
    };
    for seg in &segs {
        match seg.kind {
            LineKind::Noise(kind) => release.noise.push(Noise {
                field: Field::verbatim(text, seg.raw),
                kind,
            }),
            LineKind::Disclaimer => release.disclaimers.push(Field::verbatim(text, seg.span)),
            _ => {}
        }
    }
    let marker = footer::end_marker(text, &segs);
    let limit = marker.unwrap_or(segs.len());
    let running = header::walk(text, &segs[..limit], layout, &mut release);
    let after_marker = match marker {
        Some(i) => {
            release.end_marker = Some(Field::verbatim(text, segs[i].span));
            &segs[i + 1..]
        }
        None => &[],
    };
    let body = running
        .head
        .iter()
        .chain(&segs[running.from..limit])
        .chain(after_marker);
    body::fill(&source.text, body, layout, &mut release);
    release
}

/// The layout of the default pack, for the parser's unit tests.
#[cfg(test)]
pub(crate) fn test_layout() -> &'static Layout {
    static LAYOUT: std::sync::LazyLock<Layout> = std::sync::LazyLock::new(|| {
        crate::rules::Pack::embedded(crate::rules::DEFAULT_PACK)
            .expect("default pack")
            .data
            .layout
    });
    &LAYOUT
}

#[cfg(test)]
mod tests;
