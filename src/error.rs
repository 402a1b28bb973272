//! One-line errors that name the file (and the line, for configuration and rule files).

use std::fmt;
use std::path::PathBuf;

/// An error that stops a file (or the whole run) from being checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file the error is about, as shown to people.
    pub path: Option<PathBuf>,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            path: None,
            line: None,
            message: message.into(),
        }
    }

    pub fn in_file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            path: Some(path.into()),
            line: None,
            message: message.into(),
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{}: {}", path.display(), line, self.message),
            (Some(path), None) => write!(f, "{}: {}", path.display(), self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A third-party message (TOML parser, JSON Schema validator) shaped like ours: its first
/// line, lower-case start (unless the first word is an acronym), no trailing period.
pub fn one_line(text: &str) -> String {
    let line = text
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.');
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second)
            if first.is_uppercase() && !second.is_some_and(char::is_uppercase) =>
        {
            first
                .to_lowercase()
                .chain(line[first.len_utf8()..].chars())
                .collect()
        }
        _ => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_become_one_lower_case_line_without_a_period() {
        assert_eq!(one_line("Unknown field `x`.\nmore"), "unknown field `x`");
        assert_eq!(one_line("TOML parse error"), "TOML parse error");
        assert_eq!(one_line(""), "");
    }
}
