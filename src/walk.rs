//! Directory walks that always end: the input walk and `extend-rules`/pack directories.
//! Symbolic links are followed (an archive may link releases in from elsewhere), a link back
//! to a directory being walked is reported once as an error instead of looped, and a walk
//! stays on the filesystem of the directory it was given (a mount point below it, such as a
//! network share or `/proc` under a bind mount, is not entered).

use std::path::{Path, PathBuf};

/// A walker over `root` with the settings above; callers add their own filters.
pub fn builder(root: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .follow_links(true)
        .same_file_system(true)
        .sort_by_file_path(|a, b| a.cmp(b));
    builder
}

/// A walk error as the path it is about (when known) and a one-line reason.
pub fn describe(error: &ignore::Error) -> (Option<PathBuf>, String) {
    match error {
        ignore::Error::Loop { ancestor, child } => (
            Some(child.clone()),
            format!(
                "symbolic link loop: leads back to `{}`; not followed",
                ancestor.display()
            ),
        ),
        ignore::Error::WithPath { path, err } => {
            let (inner, message) = describe(err);
            (inner.or_else(|| Some(path.clone())), message)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            describe(err)
        }
        ignore::Error::Io(io) => (None, crate::error::io_message(io)),
        other => (
            None,
            other.to_string().lines().next().unwrap_or("").to_owned(),
        ),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_symbolic_link_loop_is_reported_once_and_the_walk_ends() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/r.txt"), "x").unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("a/up")).unwrap();
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for entry in builder(dir.path()).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    files.push(entry.path().strip_prefix(dir.path()).unwrap().to_path_buf())
                }
                Ok(_) => {}
                Err(error) => errors.push(describe(&error)),
            }
        }
        assert_eq!(files, [Path::new("a/r.txt")]);
        assert_eq!(
            errors,
            [(
                Some(dir.path().join("a/up")),
                format!(
                    "symbolic link loop: leads back to `{}`; not followed",
                    dir.path().display()
                )
            )]
        );
    }
}
