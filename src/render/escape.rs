//! What a release or a file name contains never reaches a terminal or a patch as control
//! characters (ESC, OSC, CR, BEL...): they could rewrite the screen or forge a second patch
//! header.

use std::borrow::Cow;

/// Text shown on one line (a file name, a message): every control character is written as an
/// escape (`\n`, `\r`, `\t`, `\x1b`, `\u{9b}`).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x80 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Source text shown in a snippet, byte for byte as long as the original so that every span
/// still points at the same text: tabs and line breaks stay (a lone CR becomes a line feed),
/// other one-byte controls become `?` and two-byte controls (C1) become `¿`.
pub fn same_width(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let needs = text.char_indices().any(|(i, c)| {
        c.is_control()
            && !matches!(c, '\t' | '\n')
            && !(c == '\r' && bytes.get(i + 1) == Some(&b'\n'))
    });
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\t' | '\n' => out.push(c),
            '\r' if bytes.get(i + 1) == Some(&b'\n') => out.push(c),
            '\r' => out.push('\n'),
            c if c.is_control() && c.len_utf8() == 1 => out.push('?'),
            c if c.is_control() => out.push('¿'),
            c => out.push(c),
        }
    }
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_escapes_every_control_character() {
        assert_eq!(one_line("r.txt"), "r.txt");
        assert_eq!(
            one_line("a\u{1b}]0;x\u{7}b\nc\u{9b}"),
            "a\\x1b]0;x\\x07b\\nc\\u{9b}"
        );
    }

    #[test]
    fn snippets_keep_their_width_and_lose_their_controls() {
        let text = "Talks \u{1b}[31mOpen\u{7}\r\nNext\rLast\u{9b}x\té";
        let shown = same_width(text);
        assert_eq!(shown, "Talks ?[31mOpen?\r\nNext\nLast¿x\té");
        assert_eq!(shown.len(), text.len());
        assert_eq!(same_width("plain\r\ntext"), "plain\r\ntext");
    }
}
