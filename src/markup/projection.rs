//! The text a marked-up file reads as, and the way back to the file's bytes.
//!
//! An HTML page or a Markdown release is checked as the plain text it shows: paragraphs on
//! lines of their own, entities decoded, markup left out. The parser and every rule run on
//! that text unchanged; a [`Projection`] then maps their findings back, so that a span points
//! at the exact bytes of the file the user has open and a fix edits the file's source without
//! breaking its markup.
//!
//! The projected text is a row of pieces, each tied to a range of the file:
//! - verbatim: the same bytes as the file (most of the text);
//! - whole: text that stands for its source as a unit (an entity `&rsquo;` read as `’`, a
//!   run of collapsed white space, a Markdown escape, a date written `2010-07-19` in front
//!   matter read as `19 July 2010`): an edit may replace it only whole;
//! - synthetic: line breaks standing for markup (`</p><p>`): no edit may touch it.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::fix::Edit;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Verbatim,
    Whole,
    Synthetic,
}

#[derive(Debug, Clone)]
struct Segment {
    /// Where the piece sits in the projected text.
    text: Range<usize>,
    /// The bytes of the file it stands for.
    source: Range<usize>,
    piece: Piece,
    /// How a replacement is written there.
    markup: Markup,
}

/// Which side of a boundary between two pieces an offset belongs to: a span's start belongs
/// to the piece it opens, its end to the piece it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bias {
    Start,
    End,
}

/// How a replacement is written into the file's markup, where the piece it edits sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// HTML text content: `&`, `<` and `>` become entities.
    Html,
    /// CommonMark inline text: characters that would open markup are escaped with `\`.
    Markdown,
    /// A line that is markup as it reads (a Markdown star line, whose fix is a star line):
    /// written as is.
    Verbatim,
    /// A plain YAML scalar: a replacement YAML would read otherwise (`:`, `#`, an indicator
    /// first) is refused.
    YamlPlain,
    /// Inside double quotes (YAML, a TOML basic string): `\` and `"` escaped.
    DoubleQuoted,
    /// Inside YAML single quotes: `'` doubled.
    SingleQuoted,
    /// A TOML literal string: no `'` can be written.
    Literal,
    /// A value no edit rewrites in place (a block scalar, a TOML date).
    ReadOnly,
}

impl Markup {
    /// The replacement as written in this markup; `None` when it cannot be.
    pub fn escape(self, replacement: &str) -> Option<String> {
        let mut out = String::with_capacity(replacement.len());
        match self {
            Markup::Verbatim => return Some(replacement.to_owned()),
            Markup::ReadOnly => return None,
            Markup::YamlPlain => {
                let first = replacement.chars().next();
                let second = replacement.chars().nth(1);
                let indicator = match first {
                    Some('-' | '?') => second.is_none_or(char::is_whitespace),
                    Some(c) => ",[]{}#&*!|>'\"%@`".contains(c),
                    None => false,
                };
                let comment_or_key = replacement.contains(": ")
                    || replacement.contains(" #")
                    || replacement.ends_with(':');
                return (!indicator && !comment_or_key).then(|| replacement.to_owned());
            }
            Markup::Literal => {
                return (!replacement.contains('\'')).then(|| replacement.to_owned());
            }
            _ => {}
        }
        for c in replacement.chars() {
            match (self, c) {
                (Markup::Html, '&') => out.push_str("&amp;"),
                (Markup::Html, '<') => out.push_str("&lt;"),
                (Markup::Html, '>') => out.push_str("&gt;"),
                (Markup::Markdown, '*' | '_' | '`' | '[' | ']' | '<' | '\\')
                | (Markup::DoubleQuoted, '"' | '\\') => {
                    out.push('\\');
                    out.push(c);
                }
                (Markup::SingleQuoted, '\'') => out.push_str("''"),
                _ => out.push(c),
            }
        }
        Some(out)
    }
}

/// The plain text of a marked-up file and the map from its offsets to the file's.
#[derive(Debug, Clone)]
pub struct Projection {
    pub text: String,
    segments: Vec<Segment>,
    /// The markup of the pieces pushed next.
    markup: Markup,
    /// The file's length: where the end of the projected text maps when nothing follows.
    source_len: usize,
}

impl Projection {
    pub fn new(markup: Markup, source_len: usize) -> Self {
        Self {
            text: String::new(),
            segments: Vec::new(),
            markup,
            source_len,
        }
    }

    /// Pieces pushed from now on sit in `markup` (a Markdown file's front matter is YAML).
    pub fn set_markup(&mut self, markup: Markup) {
        self.markup = markup;
    }

    /// Text that is the file's bytes at `source_start`, byte for byte.
    pub fn push_verbatim(&mut self, text: &str, source_start: usize) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        let source = source_start..source_start + text.len();
        if let Some(last) = self.segments.last_mut() {
            if last.piece == Piece::Verbatim
                && last.markup == self.markup
                && last.text.end == start
                && last.source.end == source.start
            {
                last.text.end = self.text.len();
                last.source.end = source.end;
                return;
            }
        }
        self.push(start, source, Piece::Verbatim);
    }

    /// Text that stands for the file's bytes `source` as a whole (an entity, collapsed space).
    pub fn push_whole(&mut self, text: &str, source: Range<usize>) {
        let start = self.text.len();
        self.text.push_str(text);
        self.push(start, source, Piece::Whole);
    }

    /// Text the file does not hold (line breaks for block markup), placed at `source`.
    pub fn push_synthetic(&mut self, text: &str, source: Range<usize>) {
        let start = self.text.len();
        self.text.push_str(text);
        self.push(start, source, Piece::Synthetic);
    }

    /// Ends the current line with line breaks standing for the markup at `source`, so that
    /// the text ends with `count` newlines (1: a new line; 2: a new paragraph). Nothing is
    /// added at the very start.
    pub fn break_lines(&mut self, count: usize, source: Range<usize>) {
        if self.text.is_empty() {
            return;
        }
        let have = self.text.len() - self.text.trim_end_matches('\n').len();
        if have < count {
            let breaks = "\n\n"[..count - have].to_owned();
            self.push_synthetic(&breaks, source);
        }
    }

    /// True at the start of the text or of a line.
    pub fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn push(&mut self, start: usize, source: Range<usize>, piece: Piece) {
        if start == self.text.len() {
            return;
        }
        self.segments.push(Segment {
            text: start..self.text.len(),
            source,
            piece,
            markup: self.markup,
        });
    }

    /// The file offset of projected offset `at`.
    fn offset(&self, at: usize, bias: Bias) -> usize {
        let Some(i) = self.segment_at(at, bias) else {
            return match self.segments.last() {
                Some(last) if at >= last.text.end => last.source.end,
                Some(first) => first.source.start,
                None => self.source_len.min(at),
            };
        };
        let segment = &self.segments[i];
        match segment.piece {
            Piece::Verbatim => segment.source.start + (at - segment.text.start),
            _ if at == segment.text.start => segment.source.start,
            _ => segment.source.end,
        }
    }

    /// The segment holding `at`: for `Start`, the one `at` opens or lies inside; for `End`,
    /// the one it closes or lies inside.
    fn segment_at(&self, at: usize, bias: Bias) -> Option<usize> {
        let count = self.segments.len();
        match bias {
            Bias::Start => {
                let i = self.segments.partition_point(|s| s.text.end <= at);
                match i < count && self.segments[i].text.start <= at {
                    true => Some(i),
                    false => self.segment_at(at, Bias::End),
                }
            }
            Bias::End => {
                let j = self.segments.partition_point(|s| s.text.end < at);
                (j < count).then_some(j)
            }
        }
    }

    /// A span of the projected text as a span of the file.
    pub fn span(&self, span: Span) -> Span {
        let start = self.offset(span.start, Bias::Start);
        if span.is_empty() {
            return Span::empty(start);
        }
        let end = self.offset(span.end, Bias::End).max(start);
        Span::new(start, end)
    }

    /// An edit of the projected text as an edit of the file, or `None` when it cannot be made
    /// without breaking markup: it touches a synthetic line break, cuts into a whole piece,
    /// spans markup between two pieces, writes a line break (a new block needs markup), or
    /// writes what the markup of its pieces cannot hold.
    pub fn edit(&self, edit: &Edit) -> Option<Edit> {
        if edit.replacement.contains(['\n', '\r']) {
            return None;
        }
        let (a, b) = (edit.start, edit.end);
        if a == b {
            let (at, markup) = self.insertion(a)?;
            return Some(Edit::insert(at, markup.escape(&edit.replacement)?));
        }
        let first = self.segments.partition_point(|s| s.text.end <= a);
        let mut previous: Option<&Segment> = None;
        for segment in self.segments[first..]
            .iter()
            .take_while(|s| s.text.start < b)
        {
            let whole = a <= segment.text.start && segment.text.end <= b;
            match segment.piece {
                Piece::Synthetic => return None,
                Piece::Whole if !whole => return None,
                _ => {}
            }
            if previous
                .is_some_and(|p| p.source.end != segment.source.start || p.markup != segment.markup)
            {
                return None;
            }
            previous = Some(segment);
        }
        let replacement = previous?.markup.escape(&edit.replacement)?;
        let span = Span::new(self.offset(a, Bias::Start), self.offset(b, Bias::End));
        Some(Edit::replace(span, replacement))
    }

    /// Where an insertion at projected offset `at` goes, and in what markup: inside a
    /// verbatim piece, or at the edge of one (the end of the piece before, else the start of
    /// the piece after).
    fn insertion(&self, at: usize) -> Option<(usize, Markup)> {
        let i = self.segments.partition_point(|s| s.text.end < at);
        let segment = self.segments.get(i)?;
        if segment.text.start < at && at < segment.text.end {
            return (segment.piece == Piece::Verbatim).then(|| {
                (
                    segment.source.start + (at - segment.text.start),
                    segment.markup,
                )
            });
        }
        let before = self.segments[..=i]
            .iter()
            .rev()
            .find(|s| s.text.end == at && s.piece == Piece::Verbatim);
        let after = self.segments[i..]
            .iter()
            .find(|s| s.text.start == at && s.piece == Piece::Verbatim);
        before
            .map(|s| (s.source.end, s.markup))
            .or_else(|| after.map(|s| (s.source.start, s.markup)))
    }

    /// A finding on the projected text as a finding on the file: its span and labels mapped,
    /// its fix mapped edit by edit, or withdrawn when one edit cannot be made in the markup.
    pub fn diagnostic(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.span = self.span(diagnostic.span);
        for label in &mut diagnostic.labels {
            label.span = self.span(label.span);
        }
        if let Some(fix) = diagnostic.fix.as_mut() {
            let edits: Option<Vec<Edit>> = fix.edits.iter().map(|e| self.edit(e)).collect();
            match edits {
                Some(edits) => fix.edits = edits,
                None => diagnostic.fix = None,
            }
        }
        diagnostic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<p>Hello&nbsp;<b>world</b></p><p>Next</p>` read as `Hello\u{a0}world\n\nNext`.
    fn sample() -> (&'static str, Projection) {
        let html = "<p>Hello&nbsp;<b>world</b></p><p>Next</p>";
        let mut p = Projection::new(Markup::Html, html.len());
        p.push_verbatim("Hello", 3);
        p.push_whole("\u{a0}", 8..14);
        p.push_verbatim("world", 17);
        p.break_lines(2, 26..33);
        p.push_verbatim("Next", 33);
        (html, p)
    }

    #[test]
    fn spans_map_to_the_bytes_they_read() {
        let (html, p) = sample();
        assert_eq!(p.text, "Hello\u{a0}world\n\nNext");
        let world = p.text.find("world").unwrap();
        let span = p.span(Span::new(world, world + 5));
        assert_eq!(&html[span.range()], "world");
        let next = p.span(Span::new(p.text.len() - 4, p.text.len()));
        assert_eq!(&html[next.range()], "Next");
        // The whole line: from `Hello` to `world`, markup inside included.
        let line = p.span(Span::new(0, world + 5));
        assert_eq!(&html[line.range()], "Hello&nbsp;<b>world");
    }

    #[test]
    fn an_entity_is_replaced_whole_and_replacements_are_escaped() {
        let (html, p) = sample();
        let edit = p.edit(&Edit::replace(Span::new(5, 7), " & ")).unwrap();
        assert_eq!(&html[edit.span().range()], "&nbsp;");
        assert_eq!(edit.replacement, " &amp; ");
    }

    #[test]
    fn edits_that_would_break_markup_are_refused() {
        let (_, p) = sample();
        // Across `<b>`: the two pieces are not next to each other in the file.
        assert!(p.edit(&Edit::replace(Span::new(4, 8), "x")).is_none());
        // Into the paragraph break.
        let end = p.text.find('\n').unwrap();
        assert!(p.edit(&Edit::delete(Span::new(end, end + 2))).is_none());
        // A new line needs markup.
        assert!(p.edit(&Edit::insert(0, "SG/SM/1\n")).is_none());
        // Inside a word: fine.
        let inside = p.edit(&Edit::replace(Span::new(1, 2), "a")).unwrap();
        assert_eq!((inside.start, inside.end), (4, 5));
    }

    #[test]
    fn insertions_at_a_boundary_go_to_the_text_beside_it() {
        let (html, p) = sample();
        let end_of_world = p.text.find('\n').unwrap();
        let edit = p.edit(&Edit::insert(end_of_world, ".")).unwrap();
        assert_eq!(&html[..edit.start], "<p>Hello&nbsp;<b>world");
        let start_of_next = p.text.len() - 4;
        let edit = p.edit(&Edit::insert(start_of_next, "A ")).unwrap();
        assert_eq!(&html[edit.start..], "Next</p>");
    }

    #[test]
    fn each_piece_is_written_in_its_own_markup() {
        let escaped = |markup: Markup, text: &str| markup.escape(text);
        assert_eq!(
            escaped(Markup::DoubleQuoted, r#"a "b" \c"#).as_deref(),
            Some(r#"a \"b\" \\c"#)
        );
        assert_eq!(
            escaped(Markup::SingleQuoted, "it's").as_deref(),
            Some("it''s")
        );
        assert_eq!(escaped(Markup::Literal, "it's"), None);
        assert_eq!(
            escaped(Markup::YamlPlain, "-led Talks").as_deref(),
            Some("-led Talks")
        );
        for refused in ["Note: x", "a #b", "- x", "'quoted", "ends:"] {
            assert_eq!(escaped(Markup::YamlPlain, refused), None, "{refused}");
        }
        assert_eq!(escaped(Markup::ReadOnly, "x"), None);
        assert_eq!(
            escaped(Markup::Verbatim, "* *** *").as_deref(),
            Some("* *** *")
        );
        // `"ab"cd`: the quoted value and the text after it are side by side in the file,
        // but one edit cannot write into both.
        let mut p = Projection::new(Markup::Markdown, 7);
        p.set_markup(Markup::DoubleQuoted);
        p.push_verbatim("ab", 1);
        p.set_markup(Markup::Markdown);
        p.push_verbatim("cd", 3);
        assert!(p.edit(&Edit::replace(Span::new(1, 3), "x")).is_none());
        let edit = p.edit(&Edit::replace(Span::new(0, 1), "\"")).unwrap();
        assert_eq!((edit.start, edit.replacement.as_str()), (1, "\\\""));
        let edit = p.edit(&Edit::insert(2, "*")).unwrap();
        assert_eq!((edit.start, edit.replacement.as_str()), (3, "*"));
    }
}
