//! Byte spans into the original file, and the one place where they become lines and columns.

use serde::{Deserialize, Serialize};

mod utf16;
pub use utf16::Utf16Position;

/// A half-open byte range `[start, end)` into the original bytes of a file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// An empty span at `offset`: where a missing element belongs.
    pub const fn empty(offset: usize) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// This span moved right by `base` bytes: turns a field-local span into a file span.
    pub const fn offset(self, base: usize) -> Self {
        Self {
            start: self.start + base,
            end: self.end + base,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// `offset` clamped to `text` and moved back to the nearest character boundary, so that no
/// span a check produced can slice out of bounds or inside a character. (`str`'s own
/// `floor_char_boundary` is newer than the crate's minimum Rust.)
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Start offsets of every line, so that offsets turn into positions in O(log n).
///
/// A line ends at `\n` or at a lone `\r`; a `\r` before a `\n` belongs to the line break,
/// so CRLF and old Macintosh files give the same lines and columns as LF files. A UTF-8
/// byte order mark is not a column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Per line: true when it is pure ASCII, so a column is a byte difference (O(1) even on
    /// a 2 MB line with thousands of findings).
    ascii: Vec<bool>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(line_breaks(text).map(|i| i + 1));
        let ascii = starts
            .iter()
            .enumerate()
            .map(|(i, &start)| {
                let end = starts.get(i + 1).copied().unwrap_or(text.len());
                text.as_bytes()[start..end].is_ascii()
            })
            .collect();
        Self { starts, ascii }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 0-based line `index` starts.
    pub fn line_start(&self, index: usize) -> usize {
        self.starts[index.min(self.starts.len() - 1)]
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The 1-based position of `offset` in `text`. Offsets inside a character or past the end
    /// are clamped to the nearest character boundary before it. An offset on the `\r` of a
    /// CRLF is the end of its line, like the `\n` of LF.
    pub fn position(&self, text: &str, offset: usize) -> LineColumn {
        let offset = floor_char_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.starts[line];
        if self.ascii.get(line).copied().unwrap_or(false) {
            return LineColumn {
                line: line + 1,
                column: offset - start + 1,
            };
        }
        let prefix = &text[start..offset];
        let mut column = prefix.chars().count() + 1;
        if line == 0 && prefix.starts_with('\u{feff}') {
            column -= 1;
        }
        LineColumn {
            line: line + 1,
            column,
        }
    }
}

/// The offset of the last byte of every line break, in one `memchr2` scan for `\n` and
/// `\r`: each `\n`, and each `\r` not followed by `\n` (old Macintosh files); the `\r` of
/// a CRLF is skipped, as its break ends at the `\n`.
fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn pos(text: &str, offset: usize) -> (usize, usize) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "Ján Kubiš\nsecond";
        assert_eq!(pos(text, 0), (1, 1));
        assert_eq!(pos(text, "Ján Kubi".len()), (1, 9));
        assert_eq!(pos(text, text.find("second").unwrap()), (2, 1));
        assert_eq!(pos(text, text.len()), (2, 7));
    }

    #[test]
    fn crlf_and_bom_give_the_same_positions_as_plain_lf() {
        let cr = "SG/SM/1\rabc def";
        assert_eq!(
            LineIndex::new(cr).position(cr, 12),
            LineColumn { line: 2, column: 5 }
        );
        let lf = "SG/SM/1\nabc def";
        let crlf = "\u{feff}SG/SM/1\r\nabc def";
        assert_eq!(
            pos(lf, lf.find("def").unwrap()),
            pos(crlf, crlf.find("def").unwrap())
        );
        assert_eq!(
            pos(lf, lf.find("SM").unwrap()),
            pos(crlf, crlf.find("SM").unwrap())
        );
        assert_eq!(pos(crlf, crlf.find('\r').unwrap()), (1, 8));
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let text = "é";
        assert_eq!(pos(text, 1), (1, 1));
        assert_eq!(pos(text, 99), (1, 2));
    }
}
