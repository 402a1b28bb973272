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

/// An I/O error as shown to people, whatever presslint was doing (reading an input, a
/// configuration or a pack file, walking a directory, writing fixes or output): one short
/// lower-case phrase that a message of ours reads well around (`cannot read: no such file`).
/// The common kinds are worded here, the same on every system; any other error is worded
/// as the system words it, without Rust's ` (os error N)` suffix, on one lower-case line:
/// `Read-only file system (os error 30)` -> `read-only file system`.
pub fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind as Kind;
    match error.kind() {
        Kind::NotFound => "no such file".to_owned(),
        Kind::PermissionDenied => "permission denied".to_owned(),
        Kind::IsADirectory => "is a directory".to_owned(),
        Kind::NotADirectory => "not a directory".to_owned(),
        _ => {
            let text = error.to_string();
            one_line(
                text.find(" (os error")
                    .map_or(&text[..], |cut| &text[..cut]),
            )
        }
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

    #[test]
    fn io_errors_are_short_lower_case_phrases_without_the_os_error_number() {
        use std::io::{Error, ErrorKind};
        for (kind, phrase) in [
            (ErrorKind::NotFound, "no such file"),
            (ErrorKind::PermissionDenied, "permission denied"),
            (ErrorKind::IsADirectory, "is a directory"),
            (ErrorKind::NotADirectory, "not a directory"),
        ] {
            assert_eq!(io_message(&Error::from(kind)), phrase);
            assert_eq!(
                io_message(&Error::new(kind, "Whatever (os error 1)")),
                phrase
            );
        }
        // Linux's EROFS: worded as the system words it, lower-case, without the number.
        #[cfg(target_os = "linux")]
        assert_eq!(
            io_message(&Error::from_raw_os_error(30)),
            "read-only file system"
        );
        assert_eq!(io_message(&Error::other("disk full")), "disk full");
        assert_eq!(
            io_message(&Error::other("Too many links (os error 31) at path x")),
            "too many links"
        );
    }
}
