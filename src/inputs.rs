//! Collecting the files a run checks (paths, directory walks, stdin) and reading them.
//!
//! Collecting never fails as a whole: a path that cannot be walked or read becomes an
//! [`Input`] whose reading fails, so the run reports it and goes on with the other files.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::open::ReadError;
use crate::source::{SourceFile, SourceKind};

/// The extensions a directory walk picks up (a file named explicitly is checked whatever
/// its extension).
pub const WALK_EXTENSIONS: [&str; 6] = ["txt", "json", "html", "htm", "md", "markdown"];

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk (named explicitly or found by a directory walk).
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// A path the walk could not enter: the message says why.
    Unreadable(String),
}

/// One file to check. An archive run holds one per file for the whole run, so a file's name
/// is its path itself whenever it can be (a second copy would be most of its weight).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub origin: Origin,
    pub kind: SourceKind,
    /// The name shown, when it is not the file's path as written (stdin, a path given with
    /// `./`, a path that is not UTF-8).
    shown: Option<Box<str>>,
}

impl Input {
    pub fn file(path: PathBuf) -> Self {
        let name = display_name(&path);
        Self {
            shown: (path.to_str() != Some(name.as_str())).then(|| name.into_boxed_str()),
            kind: SourceKind::from_path(&path),
            origin: Origin::File(path),
        }
    }

    /// Standard input, shown as `name` (`--stdin-filename`); its kind follows that name.
    pub fn stdin(name: &str) -> Self {
        Self {
            shown: Some(name.into()),
            kind: SourceKind::from_path(Path::new(name)),
            origin: Origin::Stdin,
        }
    }

    /// A path that cannot be read or walked, shown as `path`, with the reason.
    fn unreadable(path: &Path, message: String) -> Self {
        Self {
            shown: Some(display_name(path).into_boxed_str()),
            kind: SourceKind::Text,
            origin: Origin::Unreadable(message),
        }
    }

    /// The name shown to people and written in reports.
    pub fn name(&self) -> &str {
        match (&self.shown, &self.origin) {
            (Some(shown), _) => shown,
            (None, Origin::File(path)) => path.to_str().unwrap_or_default(),
            (None, _) => "",
        }
    }

    /// The path to write back to (for `--fix`): `None` for stdin and unreadable entries.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            _ => None,
        }
    }

    /// Reads and decodes the input. The error's message is one line; it names no file (the
    /// caller shows the name next to it).
    pub fn read(&self) -> Result<SourceFile, Error> {
        let io = |message: String| Error::of(ErrorKind::Io, message);
        let too_large = || {
            format!(
                "file is too large (over {} MiB); not a press release",
                MAX_FILE_BYTES >> 20
            )
        };
        let bytes = match &self.origin {
            Origin::File(path) => match crate::open::read_limited(path, MAX_FILE_BYTES) {
                Ok((bytes, _)) => bytes,
                Err(ReadError::TooLarge(_)) => return Err(io(too_large())),
                Err(error) => return Err(io(format!("cannot read: {error}"))),
            },
            Origin::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .take(MAX_FILE_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| {
                        io(format!(
                            "cannot read standard input: {}",
                            crate::error::io_message(&e)
                        ))
                    })?;
                if bytes.len() as u64 > MAX_FILE_BYTES {
                    return Err(io(too_large()));
                }
                bytes
            }
            Origin::Unreadable(message) => return Err(io(message.clone())),
        };
        SourceFile::decode(self.name().to_owned(), bytes, self.kind)
            .map_err(|e| Error::of(ErrorKind::Decode, e.to_string()))
    }
}

/// The largest input read (64 MiB): releases are kilobytes; a larger file is a mistake
/// (a log, an archive, a database dump), refused before it is read into memory whole.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The inputs named by `paths`, in order: `-` is stdin (named `stdin_name`), a directory is
/// walked recursively (respecting `.gitignore` and `.ignore`, hidden files skipped, only
/// [`WALK_EXTENSIONS`], sorted by path), anything else is a file checked whatever its name.
pub fn collect(paths: &[PathBuf], stdin_name: &str) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::stdin(stdin_name));
        } else if path.is_dir() {
            walk(path, &mut inputs);
        } else {
            inputs.push(Input::file(path.clone()));
        }
    }
    inputs
}

/// Walks `root` (see [`crate::walk`]: links followed, loops reported, one filesystem).
/// A file reached twice through links is checked once (only a walk that met a link asks
/// every file for its identity: a `stat` per file is half the cost of a walk); presslint's
/// own temporary files are never inputs, and those a killed run left behind are removed on
/// the way.
fn walk(root: &Path, inputs: &mut Vec<Input>) {
    let walker = crate::walk::builder(root)
        .require_git(false)
        .hidden(false)
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            if crate::write::temp::is_temp_name(&name) {
                crate::write::temp::remove_if_stale(entry.path());
            }
            // Hidden files and directories are skipped, as `ignore` would.
            !name.starts_with('.')
        })
        .build();
    let first = inputs.len();
    let mut met_a_link = false;
    for entry in walker {
        match entry {
            Ok(entry) => {
                met_a_link |= entry.path_is_symlink();
                let Some(file_type) = entry.file_type() else {
                    continue;
                };
                if file_type.is_dir() || !has_walk_extension(entry.path()) {
                    continue;
                }
                if let Some(kind) = crate::open::kind_of(&file_type) {
                    // A FIFO, socket or device named like a release: said, never opened.
                    let message = format!("cannot read: not a regular file: {kind}");
                    inputs.push(Input::unreadable(entry.path(), message));
                    continue;
                }
                inputs.push(Input::file(entry.into_path()));
            }
            Err(error) => {
                let (path, message) = crate::walk::describe(&error);
                let message = format!("cannot walk: {message}");
                inputs.push(Input::unreadable(path.as_deref().unwrap_or(root), message));
            }
        }
    }
    if met_a_link {
        let mut seen = std::collections::HashSet::new();
        let walked = inputs.split_off(first);
        inputs.extend(
            walked
                .into_iter()
                .filter(|input| input.path().is_none_or(|path| first_visit(&mut seen, path))),
        );
    }
}

/// Is this the first time the walk reaches the file at `path` (by device and inode)?
fn first_visit(seen: &mut std::collections::HashSet<(u64, u64)>, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match std::fs::metadata(path) {
            Ok(metadata) => seen.insert((metadata.dev(), metadata.ino())),
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (seen, path);
        true
    }
}

fn has_walk_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| WALK_EXTENSIONS.iter().any(|w| ext.eq_ignore_ascii_case(w)))
}

/// `./a/b.txt` -> `a/b.txt`: names as people type them.
fn display_name(path: &Path) -> String {
    let shown = path.strip_prefix(".").unwrap_or(path);
    if shown.as_os_str().is_empty() {
        return path.display().to_string();
    }
    shown.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_drop_a_leading_dot_slash() {
        assert_eq!(display_name(Path::new("./a/b.txt")), "a/b.txt");
        assert_eq!(display_name(Path::new("a/b.txt")), "a/b.txt");
        assert_eq!(display_name(Path::new(".")), ".");
    }

    #[test]
    fn walks_pick_releases_only() {
        assert!(has_walk_extension(Path::new("a/b.TXT")));
        assert!(has_walk_extension(Path::new("b.json")));
        assert!(has_walk_extension(Path::new("b.md")));
        assert!(has_walk_extension(Path::new("b.html")));
        assert!(!has_walk_extension(Path::new("b.rs")));
        assert!(!has_walk_extension(Path::new("txt")));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_through_links_is_walked_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let names = |inputs: &[Input]| -> Vec<String> {
            inputs
                .iter()
                .map(|i| {
                    let path = i.path().unwrap().strip_prefix(dir.path()).unwrap();
                    path.display().to_string()
                })
                .collect()
        };
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/r.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b/s.txt"), "y").unwrap();
        assert_eq!(
            names(&collect(&[dir.path().to_owned()], "-")),
            ["b/r.txt", "b/s.txt"]
        );
        // A link to a file and a link to its directory, both met before the files (the walk
        // is in path order: `a/`, `a.txt`, `b/`): each file is walked once, by its first path.
        symlink("b/r.txt", dir.path().join("a.txt")).unwrap();
        symlink("b", dir.path().join("a")).unwrap();
        assert_eq!(
            names(&collect(&[dir.path().to_owned()], "-")),
            ["a/r.txt", "a/s.txt"]
        );
        std::fs::remove_file(dir.path().join("a")).unwrap();
        assert_eq!(
            names(&collect(&[dir.path().to_owned()], "-")),
            ["a.txt", "b/s.txt"]
        );
    }

    #[test]
    fn stdin_takes_its_kind_from_the_given_name() {
        assert_eq!(Input::stdin("x.json").kind, SourceKind::Json);
        assert_eq!(Input::stdin("-").kind, SourceKind::Text);
        assert_eq!(Input::stdin("-").path(), None);
    }
}
