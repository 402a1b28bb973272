//! Turns a file into a [`Release`]: plain text through the release parser, JSON through
//! the exported form of the model.
//!
//! The text parser works on lines (`lines`), then in three passes:
//!
//! 1. every line is classified on its own: blank (NBSP-only lines too), site noise, star
//!    line, disclaimer, text. Noise and disclaimers are collected wherever they are.
//! 2. `footer`: the end marker is the last star line (three stars or more) followed by
//!    nothing but blank lines, noise and disclaimers up to a disclaimer or the end of the file.
//!    Any other star line is a section break and stays in the body.
//! 3. `header`: from the top, header elements are recognised line by line (symbols, date
//!    line, category, masthead, meeting block, reissue markers). The other lines form blocks
//!    (no blank line between them); a block is a headline line when it is short (600 bytes at
//!    most), does not end like a sentence (`.`, `:` or `;`, closing quotes aside) and does not
//!    open the running text (`Following is`, a `GENEVA, 13 March (...) --` dateline). Headline
//!    blocks separated only by blank lines or noise are one printed copy; a header element
//!    between them starts a new copy. The first block that is not a headline ends the header
//!    zone: symbols and dates are only looked for before it.
//! 4. `body`: the rest is split into paragraphs at blank lines; the first is the intro when it
//!    starts with `Following is` (or similar) or ends with `:`.
//!
//! Symbol lines are recognised leniently (`sg/sm/13017`, `SG/SM13017`, an en dash between
//! components) so that the symbol rules can judge them, but a number followed by another
//! number (`S/2010/507`, `S/PRST/2015/9`) is an official-document symbol and never the
//! release's: alone on a header line it is read as headline text. One-component symbols on
//! adjacent lines are one stacked symbol.
//!
//! Known limits: a headline of several lines that ends with a full stop, or a headline
//! printed with no blank line before the first paragraph, is read as running text; a short
//! first paragraph that does not end like a sentence is read as a headline line; a page
//! break (running head) inside a paragraph splits it in two.

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
    let mut running = header::walk(text, &segs[..limit], layout, &mut release);
    if let Some(i) = marker {
        release.end_marker = Some(Field::verbatim(text, segs[i].span));
        running.extend_from_slice(&segs[i + 1..]);
    }
    body::fill(text, &running, layout, &mut release);
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
