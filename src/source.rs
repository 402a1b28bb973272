//! A file as read: its name, its text (byte-for-byte, BOM included) and its line index.

use std::path::Path;
use std::sync::Arc;

use crate::span::{LineColumn, LineIndex, Span};

/// How the file's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// Plain text, parsed by the release parser.
    Text,
    /// A release exported in the JSON form of `presslint parse`.
    Json,
    /// A published HTML page (`.html`, `.htm`).
    Html,
    /// A Markdown release with front matter (`.md`, `.markdown`).
    Markdown,
}

impl SourceKind {
    /// The kind a file's extension names: `.json`, `.html`/`.htm`, `.md`/`.markdown`;
    /// everything else is text.
    pub fn from_path(path: &Path) -> Self {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        Self::from_name(&ext.to_ascii_lowercase()).unwrap_or(SourceKind::Text)
    }

    /// The kind named by `--input-format` or an extension (lower case).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "json" => SourceKind::Json,
            "html" | "htm" => SourceKind::Html,
            "md" | "markdown" => SourceKind::Markdown,
            "txt" | "text" => SourceKind::Text,
            _ => return None,
        })
    }

    /// The format of a rule's example, as written in a rule file: an HTML page starts with
    /// `<`, a Markdown release with front matter (`---` or `+++`); anything else is text.
    pub fn of_example(text: &str) -> Self {
        let start = text.trim_start();
        if start.starts_with('<') {
            SourceKind::Html
        } else if start.starts_with("---\n") || start.starts_with("+++\n") {
            SourceKind::Markdown
        } else {
            SourceKind::Text
        }
    }

    /// The extension of an example file of this kind (`example.html`).
    pub fn extension(self) -> &'static str {
        match self {
            SourceKind::Text => "txt",
            SourceKind::Json => "json",
            SourceKind::Html => "html",
            SourceKind::Markdown => "md",
        }
    }

    /// The name `--input-format` and the model's `format` use.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Json => "json",
            SourceKind::Html => "html",
            SourceKind::Markdown => "markdown",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown to people and written in reports.
    pub name: String,
    /// The whole file, byte-for-byte (a UTF-8 BOM stays as U+FEFF at offset 0). Shared, so
    /// that the parsed release's paragraphs borrow it rather than copy it.
    pub text: Arc<String>,
    pub kind: SourceKind,
    lines: LineIndex,
}

/// Why a file's bytes cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// UTF-16 text (with or without a byte order mark), named as such rather than "binary".
    Utf16 {
        big_endian: bool,
    },
    Binary {
        offset: usize,
    },
    InvalidUtf8 {
        offset: usize,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("file is empty"),
            DecodeError::Utf16 { big_endian } => {
                let order = if *big_endian { "big" } else { "little" };
                write!(
                    f,
                    "UTF-16 ({order}-endian) text, not UTF-8: save it as UTF-8 to check it"
                )
            }
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset})")
            }
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "not valid UTF-8 (at byte offset {offset})")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// The length of a leading UTF-8 byte order mark (3 bytes, or 0 without one). A file keeps
/// its BOM byte for byte, so spans count it; it is not content, so the parsers start after
/// it and fixes never delete it.
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// `Some(big_endian)` when the bytes are UTF-16: a UTF-16 byte order mark, or (without one)
/// a start where every other byte is NUL, as ASCII text in UTF-16 is.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(false),
        [0xFE, 0xFF, ..] => return Some(true),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_at = |parity: usize| (0..pairs).filter(|i| head[2 * i + parity] == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    // Nearly every code unit of Latin text has a NUL high byte, and never a NUL low byte.
    if odd * 10 >= pairs * 9 && even == 0 {
        Some(false)
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some(true)
    } else {
        None
    }
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>, kind: SourceKind) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Self {
            name: name.into(),
            text: Arc::new(text),
            kind,
            lines,
        }
    }

    /// Decodes raw bytes: refuses empty files (nothing but whitespace), binary files (a NUL
    /// byte) and invalid UTF-8, naming the offset.
    pub fn decode(
        name: impl Into<String>,
        bytes: Vec<u8>,
        kind: SourceKind,
    ) -> Result<Self, DecodeError> {
        if let Some(big_endian) = utf16_order(&bytes) {
            return Err(DecodeError::Utf16 { big_endian });
        }
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(DecodeError::Binary { offset });
        }
        let text = String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })?;
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(DecodeError::Empty);
        }
        Ok(Self::new(name, text, kind))
    }

    /// The text, moved out when nothing else shares it (the parsed release is gone), else
    /// copied.
    pub fn into_text(self) -> String {
        Arc::try_unwrap(self.text).unwrap_or_else(|shared| shared.as_str().to_owned())
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> LineColumn {
        self.lines.position(&self.text, offset)
    }

    /// The text of `span`, clamped to the file.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_invalid_and_empty_input() {
        let d = |b: &[u8]| SourceFile::decode("f", b.to_vec(), SourceKind::Text).map(|_| ());
        assert_eq!(d(b"ab\0c"), Err(DecodeError::Binary { offset: 2 }));
        assert_eq!(d(b"ab\xffc"), Err(DecodeError::InvalidUtf8 { offset: 2 }));
        assert_eq!(d(b" \n\t\n"), Err(DecodeError::Empty));
        assert_eq!(d(b"\xef\xbb\xbf\n"), Err(DecodeError::Empty));
        assert_eq!(d(b"SG/SM/1\n"), Ok(()));
        let utf16 = |text: &str, big: bool| -> Vec<u8> {
            text.encode_utf16()
                .flat_map(|u| {
                    if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect()
        };
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(utf16("SG/SM/1\n", false));
        assert_eq!(d(&with_bom), Err(DecodeError::Utf16 { big_endian: false }));
        assert_eq!(
            d(&utf16("SG/SM/1\n19 July 2010\n", false)),
            Err(DecodeError::Utf16 { big_endian: false })
        );
        assert_eq!(
            d(&utf16("SG/SM/1\n19 July 2010\n", true)),
            Err(DecodeError::Utf16 { big_endian: true })
        );
        assert_eq!(d(b"SG/\0SM/1\n"), Err(DecodeError::Binary { offset: 3 }));
        assert_eq!(
            DecodeError::Utf16 { big_endian: false }.to_string(),
            "UTF-16 (little-endian) text, not UTF-8: save it as UTF-8 to check it"
        );
    }
}
