//! Line splitting and the first classification of every line (blank, noise, end-marker
//! candidate, disclaimer, text) that the header, body and footer passes build on.

use std::sync::LazyLock;

use crate::layout::Layout;
use crate::lazy_regex::LazyRegex;
use crate::model::NoiseKind;
use crate::source::bom_len;
use crate::span::Span;

use super::footer;

/// What a line is, judged on the line alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but whitespace (NBSP-only spacer lines included).
    Blank,
    /// Web-page debris.
    Noise(NoiseKind),
    /// Only `*` and spaces, at least three stars: an end marker or a section break.
    Stars,
    /// `For information media. Not an official record.` and its near misses.
    Disclaimer,
    /// Anything else: header elements, headlines, running text.
    Text,
}

/// One line, or (for an 8-digit stamp glued to the next word) the rest of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seg {
    /// 0-based line number.
    pub line: usize,
    /// The line's content without its line break (`\n` or `\r\n`).
    pub raw: Span,
    /// `raw` without surrounding whitespace (empty at `raw.start` for a blank line).
    pub span: Span,
    pub kind: LineKind,
}

impl Seg {
    /// A segment over `raw`, trimmed and classified.
    pub fn new(text: &str, line: usize, raw: Span, layout: &Layout) -> Self {
        let span = trim(text, raw);
        let kind = classify(text, raw, span, layout);
        Self {
            line,
            raw,
            span,
            kind,
        }
    }

    /// The trimmed text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.range()).unwrap_or("")
    }
}

/// Whitespace for layout purposes: Unicode whitespace (NBSP included), zero-width space and
/// a stray byte order mark.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// `span` of `text` without leading and trailing whitespace; empty at its start if blank.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.range()) else {
        return Span::empty(span.start.min(text.len()));
    };
    let start = span.start + (slice.len() - slice.trim_start_matches(is_space).len());
    let trimmed = slice.trim_matches(is_space);
    if trimmed.is_empty() {
        return Span::empty(span.start);
    }
    Span::new(start, start + trimmed.len())
}

/// Every line of `text`, classified. Lines end at `\n`, `\r\n` or a lone `\r` (old
/// Macintosh files); the line break is not part of the line. A leading BOM is not part of
/// the first line.
pub(crate) fn split(text: &str, layout: &Layout) -> Vec<Seg> {
    // Sized by one SIMD count of line feeds: a long release's lines are not reallocated.
    let mut segs = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut start = bom_len(text);
    let bytes = text.as_bytes();
    let mut line = 0;
    loop {
        let brk = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map(|i| start + i);
        let Some(end) = brk else {
            segs.push(Seg::new(text, line, Span::new(start, text.len()), layout));
            break;
        };
        segs.push(Seg::new(text, line, Span::new(start, end), layout));
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        line += 1;
    }
    segs
}

/// The byte offset just after the last non-whitespace character (after the BOM if none).
pub(crate) fn content_end(text: &str) -> usize {
    let bom = bom_len(text);
    bom + text[bom..].trim_end_matches(is_space).len()
}

static SCRAPER_DATE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"(?i)^date\s+[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("scraper date pattern")
});
/// `- 2 - Press Release DH/2008`: page number between dashes, then the page's header.
static RUNNING_HEAD: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"^-\s*[0-9]{1,3}\s*-(?:\s+\S.*)?$").expect("running head pattern")
});

fn classify(text: &str, raw: Span, span: Span, layout: &Layout) -> LineKind {
    if span.is_empty() {
        return LineKind::Blank;
    }
    let raw_text = text.get(raw.range()).unwrap_or("");
    let line = text.get(span.range()).unwrap_or("");
    if raw_text.contains('|') && raw_text.chars().all(|c| c == '|' || is_space(c)) {
        return LineKind::Noise(NoiseKind::TableDebris);
    }
    if line.chars().all(|c| c == '*' || is_space(c)) && line.matches('*').count() >= 3 {
        return LineKind::Stars;
    }
    if line.len() > 200 {
        return LineKind::Text;
    }
    if layout.is_banner(line) {
        return LineKind::Noise(NoiseKind::SiteBanner);
    }
    if SCRAPER_DATE.is_match(line) {
        return LineKind::Noise(NoiseKind::ScraperDate);
    }
    if RUNNING_HEAD.is_match(line) {
        return LineKind::Noise(NoiseKind::RunningHead);
    }
    if footer::is_disclaimer(line)
        || (!layout.disclaimers.is_empty() && layout.disclaimers.nearest(line).is_some())
    {
        return LineKind::Disclaimer;
    }
    LineKind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn kinds(text: &str) -> Vec<(usize, &str, LineKind)> {
        split(text, &Layout::default())
            .iter()
            .map(|s| (s.line + 1, s.text(text), s.kind))
            .collect()
    }

    #[test]
    fn crlf_and_bom_are_not_content() {
        let text = "\u{feff}SG/SM/1\r\n\r\n\u{a0}\r\nBody.";
        assert_eq!(
            kinds(text),
            vec![
                (1, "SG/SM/1", LineKind::Text),
                (2, "", LineKind::Blank),
                (3, "", LineKind::Blank),
                (4, "Body.", LineKind::Text),
            ]
        );
        let segs = split(text, &Layout::default());
        assert_eq!(segs[0].raw, Span::new(3, 10));
        assert_eq!(content_end(text), text.len());
        assert_eq!(content_end("\u{feff}\n \n"), 3);
    }

    #[test]
    fn noise_lines_keep_their_spaces() {
        let text = "In progress at UNHQ\n |\n| |||\n date 2019-12-28 \n- 2 - Press Release DH/2008\nSkip to main content";
        let segs = split(text, crate::parse::test_layout());
        let got: Vec<_> = segs
            .iter()
            .map(|s| (&text[s.raw.range()], s.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "In progress at UNHQ",
                    LineKind::Noise(NoiseKind::SiteBanner)
                ),
                (" |", LineKind::Noise(NoiseKind::TableDebris)),
                ("| |||", LineKind::Noise(NoiseKind::TableDebris)),
                (" date 2019-12-28 ", LineKind::Noise(NoiseKind::ScraperDate)),
                (
                    "- 2 - Press Release DH/2008",
                    LineKind::Noise(NoiseKind::RunningHead)
                ),
                (
                    "Skip to main content",
                    LineKind::Noise(NoiseKind::SiteBanner)
                ),
            ]
        );
    }

    #[test]
    fn star_lines_need_three_stars() {
        assert_eq!(
            kinds("* *** *\n**\n*   ***   *\n* * *"),
            vec![
                (1, "* *** *", LineKind::Stars),
                (2, "**", LineKind::Text),
                (3, "*   ***   *", LineKind::Stars),
                (4, "* * *", LineKind::Stars),
            ]
        );
    }
}
