//! Positions as the Language Server Protocol counts them: 0-based lines (broken at `\n`,
//! `\r\n` or a lone `\r`, as [`LineIndex`] breaks them) and columns in UTF-16 code units.
//! Editors count that way whatever their own encoding, so a column after `é` (one unit),
//! a no-break space (one) or `𝐀` (two: a surrogate pair) must be counted in units, not
//! bytes or characters.

use super::{floor_char_boundary, LineIndex};

/// A 0-based line and a column in UTF-16 code units from the start of that line. Unlike
/// [`super::LineColumn`], a byte order mark counts: an editor that shows one counts it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16Position {
    pub line: u32,
    pub character: u32,
}

impl Utf16Position {
    pub const fn new(line: u32, character: u32) -> Self {
        Self { line, character }
    }
}

/// A count as the protocol's `uinteger`; no text presslint reads is 4 GiB long.
fn to_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

impl LineIndex {
    /// The UTF-16 position of the byte `offset` of `text` (clamped to a character boundary
    /// like [`LineIndex::position`]).
    pub fn utf16_position(&self, text: &str, offset: usize) -> Utf16Position {
        let offset = floor_char_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let character = if self.ascii.get(line).copied().unwrap_or(false) {
            offset - start
        } else {
            text[start..offset].chars().map(char::len_utf16).sum()
        };
        Utf16Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of `position` in `text`, clamped as the protocol asks: a column past
    /// the end of its line is the end of the line (before its line break), a line past the
    /// last is the end of the text, and a column inside a surrogate pair is the start of its
    /// character.
    pub fn offset_of_utf16(&self, text: &str, position: Utf16Position) -> usize {
        let line = position.line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let start = self.line_start(line);
        let end = self.content_end(text, line);
        let wanted = position.character as usize;
        if self.ascii.get(line).copied().unwrap_or(false) {
            return start + wanted.min(end - start);
        }
        let mut units = 0;
        for (index, c) in text[start..end].char_indices() {
            if units + c.len_utf16() > wanted {
                return start + index;
            }
            units += c.len_utf16();
        }
        end
    }

    /// Where the text of the 0-based `line` ends: before its `\n`, `\r\n` or `\r`.
    fn content_end(&self, text: &str, line: usize) -> usize {
        if line + 1 >= self.line_count() {
            return text.len();
        }
        let next = self.line_start(line + 1);
        let bytes = text.as_bytes();
        if bytes[next - 1] == b'\n' && next >= 2 && bytes[next - 2] == b'\r' {
            next - 2
        } else {
            next - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (u32, u32) {
        let p = LineIndex::new(text).utf16_position(text, offset);
        (p.line, p.character)
    }

    fn offset(text: &str, line: u32, character: u32) -> usize {
        LineIndex::new(text).offset_of_utf16(text, Utf16Position::new(line, character))
    }

    #[test]
    fn columns_count_utf16_units() {
        // é and a no-break space are one unit each (two bytes); 𝐀 and 🇺🇳's letters are two
        // units each (four bytes).
        let text = "x\nZoë\u{a0}𝐀 🇺🇳 per";
        let per = text.find("per").unwrap();
        assert_eq!(at(text, per), (1, 12));
        assert_eq!(at(text, text.find('𝐀').unwrap()), (1, 4));
        assert_eq!(at(text, text.find(' ').unwrap()), (1, 6));
        assert_eq!(offset(text, 1, 12), per);
        assert_eq!(offset(text, 1, 4), text.find('𝐀').unwrap());
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_is_the_start_of_its_character() {
        let text = "𝐀b";
        assert_eq!(offset(text, 0, 1), 0);
        assert_eq!(offset(text, 0, 2), 4);
    }

    #[test]
    fn positions_past_a_line_or_the_text_are_clamped() {
        let text = "ab\r\ncd\re";
        assert_eq!(offset(text, 0, 99), 2, "before the CRLF");
        assert_eq!(offset(text, 1, 99), 6, "before the lone CR");
        assert_eq!(offset(text, 2, 99), text.len());
        assert_eq!(offset(text, 9, 0), text.len());
        assert_eq!(at(text, 99), (2, 1));
    }

    #[test]
    fn a_byte_order_mark_is_a_unit_like_any_character() {
        let text = "\u{feff}SG";
        assert_eq!(at(text, text.find('G').unwrap()), (0, 2));
        assert_eq!(offset(text, 0, 1), 3);
    }

    /// The reference: every character boundary's position, counted one character at a time
    /// (a line starts after `\n`, and after a `\r` not followed by `\n`).
    fn reference_positions(text: &str) -> Vec<(usize, (u32, u32))> {
        let mut out = Vec::new();
        let (mut line, mut column) = (0, 0);
        let mut chars = text.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            out.push((offset, (line, column)));
            let breaks = c == '\n' || (c == '\r' && chars.peek().map(|&(_, n)| n) != Some('\n'));
            if breaks {
                line += 1;
                column = 0;
            } else {
                column += c.len_utf16() as u32;
            }
        }
        out.push((text.len(), (line, column)));
        out
    }

    fn character() -> impl proptest::strategy::Strategy<Value = char> {
        proptest::sample::select(vec![
            'a', 'Z', ' ', '\n', '\r', 'é', '\u{a0}', '\u{feff}', '€', '𝐀', '😀', '中',
        ])
    }

    proptest::proptest! {
        #[test]
        fn positions_agree_with_counting_one_character_at_a_time(
            chars in proptest::collection::vec(character(), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            let index = LineIndex::new(&text);
            for (offset, (line, character)) in reference_positions(&text) {
                let position = index.utf16_position(&text, offset);
                proptest::prop_assert_eq!((position.line, position.character), (line, character));
                // The `\n` of a CRLF is inside a line break: no position leads there.
                let inside_crlf = offset > 0
                    && text.as_bytes().get(offset) == Some(&b'\n')
                    && text.as_bytes()[offset - 1] == b'\r';
                if !inside_crlf {
                    proptest::prop_assert_eq!(index.offset_of_utf16(&text, position), offset);
                }
            }
        }
    }
}
