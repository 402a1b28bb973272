//! One-line errors that name the file (and the line, for configuration and rule files).

use std::fmt;
use std::path::PathBuf;

/// What failed. The message is what people read; the kind is for code that acts on it (a
/// closed pipe ends the run quietly) and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Reading an input, writing a fix, writing output.
    Io,
    /// An input that is not a release presslint can read (its encoding, JSON that does not
    /// parse).
    Decode,
    /// A configuration file: unreadable, untrusted or wrong.
    Config,
    /// A rule pack: its rules, data or layout; unreadable or wrong.
    Pack,
    /// The command line names something that does not exist (a rule, a schema).
    Usage,
    /// Whoever read the output left (`presslint check | head`): no one to tell.
    ClosedPipe,
    /// presslint's own fault: an embedded schema, serialising its own values.
    Internal,
}

/// An error that stops a file (or the whole run) from being checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// The file the error is about, as shown to people.
    pub path: Option<PathBuf>,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    /// One line, without the file name.
    pub message: String,
}

impl Error {
    pub fn of(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            path: None,
            line: None,
            message: message.into(),
        }
    }

    /// An error about the file `path`.
    pub fn file(kind: ErrorKind, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            path: Some(path.into()),
            ..Self::of(kind, message)
        }
    }

    /// The output's reader has gone: the run stops without a message.
    pub fn closed_pipe() -> Self {
        Self::of(ErrorKind::ClosedPipe, "the output was closed")
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

/// An I/O error as the system words it, without Rust's ` (os error N)` suffix:
/// `No such file or directory (os error 2)` -> `No such file or directory`.
pub fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
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
