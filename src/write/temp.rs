//! Temporary files of `--fix`: named `.presslint-<pid>-<random>.tmp` (backups of files
//! rewritten in place: `.bak`) in the directory of the file they replace, and locked while
//! their run uses them. A run that is killed leaves its temporary file behind; the next run
//! that fixes files in that directory, or walks it, removes those whose process is gone and
//! whose lock is free, and never a live run's.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use tempfile::NamedTempFile;

const PREFIX: &str = ".presslint-";

/// Creates a locked temporary file in `directory`, for a replacement (`tmp`) or a backup
/// (`bak`).
pub fn create(directory: &Path, extension: &str) -> std::io::Result<NamedTempFile> {
    create_with_mode(directory, extension, None)
}

/// [`create`] for a new file that people and other programs read (a report): made with the
/// mode any new file gets (0666 less the umask) instead of a temporary file's 0600.
pub fn create_readable(directory: &Path, extension: &str) -> std::io::Result<NamedTempFile> {
    create_with_mode(directory, extension, Some(0o666))
}

/// A locked temporary file named for this run, created with `mode` (less the umask), or
/// tempfile's private 0600.
fn create_with_mode(
    directory: &Path,
    extension: &str,
    mode: Option<u32>,
) -> std::io::Result<NamedTempFile> {
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let suffix = format!(".{extension}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(&suffix).rand_bytes(8);
    #[cfg(unix)]
    if let Some(mode) = mode {
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    let file = builder.tempfile_in(directory)?;
    #[cfg(unix)]
    rustix::fs::flock(
        file.as_file(),
        rustix::fs::FlockOperation::NonBlockingLockExclusive,
    )?;
    Ok(file)
}

/// The process id in a temporary file's name (`.presslint-<pid>-<random>.tmp`).
pub fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Is `name` the name of one of presslint's temporary files? Such files are never inputs.
pub fn is_temp_name(name: &str) -> bool {
    temp_pid(name).is_some()
}

/// Removes the temporary file at `path` when the run that made it is gone: its process is
/// not alive and nobody holds its lock. Returns whether it was removed.
pub fn remove_if_stale(path: &Path) -> bool {
    let Some(pid) = path.file_name().and_then(|n| n.to_str()).and_then(temp_pid) else {
        return false;
    };
    if pid == std::process::id() || process_is_alive(pid) {
        return false;
    }
    // Only a regular file, opened without following a link or waiting on a FIFO.
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !metadata.file_type().is_file() {
        return false;
    }
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
            .open(path);
        let Ok(file) = opened else {
            return false;
        };
        if rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_err() {
            return false;
        }
    }
    std::fs::remove_file(path).is_ok()
}

/// Removes the stale temporary files of `directory`; returns how many.
pub fn remove_stale(directory: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return 0;
    };
    entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_str().is_some_and(is_temp_name))
        .filter(|entry| remove_if_stale(&entry.path()))
        .count()
}

/// [`remove_stale`], once per directory per run: a run fixing 2,000 files of one directory
/// reads it once.
pub fn remove_stale_once(directory: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let key = std::path::absolute(directory).unwrap_or_else(|_| directory.to_owned());
    let first = CLEANED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashSet::new)
        .insert(key);
    if first {
        remove_stale(directory);
    }
}

/// Is there a process with this id? (A process of another user counts as alive.)
fn process_is_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_the_process_id() {
        assert_eq!(temp_pid(".presslint-123-aB9x.tmp"), Some(123));
        assert_eq!(temp_pid(".presslint-123-.tmp"), None);
        assert_eq!(temp_pid(".presslint-12a-x.tmp"), None);
        assert_eq!(temp_pid(".presslint-123-x.bak"), None);
        assert_eq!(temp_pid("presslint-123-x.tmp"), None);
        let dir = tempfile::tempdir().unwrap();
        let file = create(dir.path(), "tmp").unwrap();
        let name = file.path().file_name().unwrap().to_str().unwrap();
        assert_eq!(temp_pid(name), Some(std::process::id()), "{name}");
    }

    #[cfg(unix)]
    #[test]
    fn only_the_temporary_files_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".presslint-{dead}-abcdefgh.tmp"));
        std::fs::write(&stale, "half").unwrap();
        // A live process (this one), and a file whose lock is held, are left alone.
        let own = dir
            .path()
            .join(format!(".presslint-{}-abcdefgh.tmp", std::process::id()));
        std::fs::write(&own, "mine").unwrap();
        let locked = dir.path().join(format!(".presslint-{dead}-locked00.tmp"));
        std::fs::write(&locked, "in use").unwrap();
        let holder = std::fs::File::open(&locked).unwrap();
        rustix::fs::flock(&holder, rustix::fs::FlockOperation::LockExclusive).unwrap();
        let other = dir.path().join(format!(".presslint-{dead}-abcdefgh.bak"));
        std::fs::write(&other, "backup").unwrap();
        assert_eq!(remove_stale(dir.path()), 1);
        assert!(!stale.exists());
        assert!(own.exists() && locked.exists() && other.exists());
    }
}
