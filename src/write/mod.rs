//! Writing fixes back (`--fix`) without ever losing data. A file is replaced whole by a
//! temporary file in its directory, swapped in atomically, so that a reader never sees half a
//! release and a failure leaves the original; an edit made by another program while the
//! fixes were computed or written is detected and the file refused, not overwritten.
//!
//! - [`swap`]: the replacement and its checks (a `renameat2` exchange where the kernel and
//!   filesystem have it, then a check of what was replaced; check-then-rename elsewhere);
//! - [`in_place`]: files with several hard links, rewritten in place so they stay linked;
//! - [`temp`]: naming, locking and cleaning up temporary files;
//! - [`output`]: `--output-file`, a report renamed into place once complete.

#[cfg(unix)]
mod in_place;
pub mod output;
#[cfg(unix)]
mod swap;
pub mod temp;

use std::path::{Path, PathBuf};

use crate::error::{io_message, Error, ErrorKind, Result};

/// The refusal when the file is no longer what the fixes were computed from.
pub const CHANGED: &str = "the file changed on disk since it was read; nothing written";
/// The refusal when the file changed while the fixes were being written.
pub const CHANGED_WHILE_WRITING: &str =
    "the file changed on disk while fixes were written; nothing written";

/// Replaces the file at `path` with `new_text`, provided it still holds `expected` (the bytes
/// the fixes were computed from). A symbolic link is followed and its target fixed; a file
/// with several hard links is rewritten in place; permissions, owner and group are kept.
/// Refuses read-only, setuid and setgid files, and files that changed on disk. The error
/// names `path` and says why, on one line; nothing is written then.
pub fn replace_file(path: &Path, expected: &[u8], new_text: &str) -> Result<()> {
    let fail = |message: String| {
        Error::file(
            ErrorKind::Io,
            path,
            format!("cannot write fixes: {message}"),
        )
    };
    #[cfg(unix)]
    {
        let target = resolve_links(path).map_err(|e| fail(io_message(&e)))?;
        swap::replace(&target, expected, new_text).map_err(fail)
    }
    #[cfg(not(unix))]
    {
        portable_replace(path, expected, new_text).map_err(fail)
    }
}

/// The file a path names after following symbolic links (relative targets resolve against
/// the link's directory); a path that is no link stays as written, for messages.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    follow_links(path, false)
}

/// The file a path names after following symbolic links, or that a new file at `path` would
/// be (a path that does not exist, or a link to one, names the file to create).
fn link_destination(path: &Path) -> std::io::Result<PathBuf> {
    follow_links(path, true)
}

/// Follows symbolic links from `path`; `missing_ok`: a name that does not exist ends the walk.
fn follow_links(path: &Path, missing_ok: bool) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let metadata = match std::fs::symlink_metadata(&current) {
            Err(error) if missing_ok && error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(current)
            }
            other => other?,
        };
        if !metadata.file_type().is_symlink() {
            return Ok(current);
        }
        let target = std::fs::read_link(&current)?;
        current = match current.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// The directory a file is in (`.` for a bare name).
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Where `renameat2` and ownership are not available: check, then rename.
#[cfg(not(unix))]
fn portable_replace(path: &Path, expected: &[u8], new_text: &str) -> Result<(), String> {
    use std::io::Write;
    let metadata = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if metadata.permissions().readonly() {
        return Err("the file is read-only".into());
    }
    if std::fs::read(path).map_err(|e| io_message(&e))? != expected {
        return Err(CHANGED.into());
    }
    let directory = directory_of(path);
    let mut temporary = temporary_in(directory)?;
    temporary
        .write_all(new_text.as_bytes())
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| io_message(&e))?;
    std::fs::set_permissions(temporary.path(), metadata.permissions())
        .map_err(|e| format!("cannot copy permissions: {}", io_message(&e)))?;
    temporary.persist(path).map_err(|e| io_message(&e.error))?;
    Ok(())
}

/// A new temporary file for a fix in `directory`, or why none could be made.
fn temporary_in(directory: &Path) -> Result<tempfile::NamedTempFile, String> {
    temp::create(directory, "tmp").map_err(|e| {
        format!(
            "cannot create a temporary file in `{}`: {}",
            directory.display(),
            io_message(&e)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn error_of(path: &Path, expected: &[u8], new_text: &str) -> String {
        replace_file(path, expected, new_text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn replaces_atomically_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        replace_file(&path, b"old", "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
        assert_ne!(metadata.ino(), inode, "a new file took the old one's place");
        assert_eq!(names(dir.path()), ["r.txt"]);
    }

    #[test]
    fn refuses_read_only_changed_vanished_and_special_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        let shown = path.display();
        assert_eq!(
            error_of(&path, b"older", "new"),
            format!("{shown}: cannot write fixes: the file changed on disk since it was read; nothing written")
        );
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        assert_eq!(
            error_of(&path, b"old", "new"),
            format!("{shown}: cannot write fixes: the file is read-only")
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let gone = dir.path().join("gone.txt");
        assert_eq!(
            error_of(&gone, b"", "new"),
            format!("{}: cannot write fixes: no such file", gone.display())
        );
        let fifo = dir.path().join("fifo.txt");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
        assert_eq!(
            error_of(&fifo, b"", "new"),
            format!(
                "{}: cannot write fixes: not a regular file: a FIFO",
                fifo.display()
            )
        );
        assert_eq!(names(dir.path()), ["fifo.txt", "r.txt"]);
    }

    #[test]
    fn refuses_setuid_and_setgid_files() {
        let dir = tempfile::tempdir().unwrap();
        for mode in [0o4755, 0o2755] {
            let path = dir.path().join(format!("{mode:o}.txt"));
            fs::write(&path, "old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            assert_eq!(
                error_of(&path, b"old", "new"),
                format!(
                    "{}: cannot write fixes: the file is setuid or setgid; presslint does not rewrite such files",
                    path.display()
                )
            );
            assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        }
    }

    #[test]
    fn an_edit_in_place_during_the_swap_is_detected_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old text").unwrap();
        // An editor holding the file open writes into it (same size) after the last check.
        swap::tests::interfere(|target| {
            use std::os::unix::fs::FileExt;
            let file = fs::OpenOptions::new().write(true).open(target).unwrap();
            file.write_all_at(b"OLD", 0).unwrap();
        });
        assert_eq!(
            error_of(&path, b"old text", "new text"),
            format!(
                "{}: cannot write fixes: the file changed on disk while fixes were written; nothing written",
                path.display()
            )
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "OLD text");
        assert_eq!(names(dir.path()), ["r.txt"]);
    }

    #[test]
    fn a_file_saved_over_during_the_swap_is_detected_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old text").unwrap();
        // An editor saving atomically (write elsewhere, rename over) after the last check.
        swap::tests::interfere(|target| {
            let saved = target.with_file_name("saved");
            fs::write(&saved, "old text").unwrap();
            fs::rename(&saved, target).unwrap();
        });
        assert!(error_of(&path, b"old text", "new text")
            .ends_with("the file changed on disk while fixes were written; nothing written"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "old text");
        assert_eq!(names(dir.path()), ["r.txt"]);
    }

    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_fixed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("store")).unwrap();
        let target = dir.path().join("store/r.txt");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("store/r.txt", &link).unwrap();
        replace_file(&link, b"old", "new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("store/r.txt"));
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(&dir.path().join("store")), ["r.txt"]);
        assert_eq!(names(dir.path()), ["link.txt", "store"]);
    }

    #[test]
    fn hard_links_stay_linked() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        fs::write(&a, "old text").unwrap();
        fs::hard_link(&a, &b).unwrap();
        let inode = fs::metadata(&a).unwrap().ino();
        replace_file(&a, b"old text", "new").unwrap();
        assert_eq!(fs::read_to_string(&b).unwrap(), "new");
        assert_eq!(fs::metadata(&a).unwrap().ino(), inode);
        assert_eq!(fs::metadata(&b).unwrap().nlink(), 2);
        assert_eq!(names(dir.path()), ["a.txt", "b.txt"], "the backup is gone");
    }

    #[test]
    fn owner_and_group_are_kept() {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: only root can give a file to another user");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        std::os::unix::fs::chown(&path, Some(4242), Some(4343)).unwrap();
        replace_file(&path, b"old", "new").unwrap();
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!((metadata.uid(), metadata.gid()), (4242, 4343));
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn stale_temporary_files_of_dead_runs_are_removed_when_fixing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = format!(".presslint-{dead}-a1b2c3d4.tmp");
        fs::write(dir.path().join(&stale), "half").unwrap();
        replace_file(&path, b"old", "new").unwrap();
        assert_eq!(names(dir.path()), ["r.txt"]);
    }
}
