//! Replacing a file whole, and proving that what was replaced is what the fixes were computed
//! from. The checks, in order:
//!
//! 1. the file is opened (by descriptor, kept open) and its bytes compared with `expected`;
//! 2. the new text is written to a temporary file beside it, with the original's mode,
//!    owner and group, and flushed to disk;
//! 3. just before the swap, the name still leads to the same file (device, inode, size,
//!    modification and change times) and its bytes, read again, are still `expected`;
//! 4. `renameat2(RENAME_EXCHANGE)` swaps the two names atomically, so that the temporary name
//!    now holds whatever sat at the file's name at that instant; that file must be the one
//!    opened in 1, unchanged (a program that edited the old file in place up to the swap is
//!    caught by reading it again through the descriptor). Otherwise the names are swapped
//!    back and the file refused.
//!
//! Where the filesystem has no exchange, 3 is followed by a plain rename.
//!
//! The new text is flushed to disk before the swap, so that a crash leaves the old or the
//! new text, never an empty file; the directory is not flushed after each file (it costs a
//! few milliseconds a file on an archive of thousands, and a lost rename only leaves the old
//! text).

use std::fs::{File, Metadata};
use std::io::Write;
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::Path;

use rustix::fs::{renameat_with, RenameFlags, CWD};
use rustix::io::Errno;

use super::{directory_of, in_place, temp, CHANGED, CHANGED_WHILE_WRITING};
use crate::error::io_message;

/// Replaces `target` (a path that is no symbolic link) with `new_text`; the error is the
/// reason, without the file name.
pub fn replace(target: &Path, expected: &[u8], new_text: &str) -> Result<(), String> {
    let (original, metadata) = crate::open::open_regular(target).map_err(|e| e.to_string())?;
    refuse_by_mode(metadata.mode())?;
    if !holds(&original, expected).map_err(|e| io_message(&e))? {
        return Err(CHANGED.to_owned());
    }
    let directory = directory_of(target);
    temp::remove_stale_once(directory);
    if metadata.nlink() > 1 {
        return in_place::rewrite(target, &original, &metadata, expected, new_text);
    }
    let Some(temporary) = written_temporary(directory, &metadata, new_text)? else {
        // Another user's file that we may write to: rewriting it in place keeps its owner.
        return in_place::rewrite(target, &original, &metadata, expected, new_text);
    };

    // 3. Still the same file, still the same bytes, just before the swap.
    let now = std::fs::symlink_metadata(target).map_err(|_| CHANGED.to_owned())?;
    if !same_file(&now, &metadata) || !holds(&original, expected).map_err(|e| io_message(&e))? {
        return Err(CHANGED.to_owned());
    }
    #[cfg(test)]
    tests::between_check_and_swap(target);
    swap(temporary, target, &original, &metadata, expected)
}

/// Files presslint does not rewrite: setuid or setgid ones, and read-only ones (judged by
/// the permission bits, so that root, as in CI, is refused too).
fn refuse_by_mode(mode: u32) -> Result<(), String> {
    if mode & 0o6000 != 0 {
        return Err(
            "the file is setuid or setgid; presslint does not rewrite such files".to_owned(),
        );
    }
    if mode & 0o222 == 0 {
        return Err("the file is read-only".to_owned());
    }
    Ok(())
}

/// A temporary file beside the target holding `new_text`, with the target's owner, group
/// and permissions, flushed to disk; `None` when the owner cannot be given to it.
fn written_temporary(
    directory: &Path,
    metadata: &Metadata,
    new_text: &str,
) -> Result<Option<tempfile::NamedTempFile>, String> {
    let mut temporary = super::temporary_in(directory)?;
    let owner = rustix::fs::fchown(
        temporary.as_file(),
        Some(rustix::fs::Uid::from_raw(metadata.uid())),
        Some(rustix::fs::Gid::from_raw(metadata.gid())),
    );
    if owner.is_err() {
        return Ok(None);
    }
    temporary
        .write_all(new_text.as_bytes())
        .and_then(|()| {
            let permissions = rustix::fs::Mode::from_raw_mode(metadata.mode() & 0o777);
            rustix::fs::fchmod(temporary.as_file(), permissions).map_err(Into::into)
        })
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| io_message(&e))?;
    Ok(Some(temporary))
}

/// Exchanges the temporary file with the target, then checks that what it replaced is the
/// original (else exchanges back, or keeps the other version and says where).
fn swap(
    temporary: tempfile::NamedTempFile,
    target: &Path,
    original: &File,
    metadata: &Metadata,
    expected: &[u8],
) -> Result<(), String> {
    let temporary_path = temporary.path().to_owned();
    match renameat_with(CWD, &temporary_path, CWD, target, RenameFlags::EXCHANGE) {
        Ok(()) => {}
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => {
            // No exchange here: the check above is the last one.
            temporary
                .persist(target)
                .map_err(|e| io_message(&e.error))?;
            return Ok(());
        }
        Err(error) => return Err(io_message(&error.into())),
    }
    // 4. The temporary name now holds what was replaced.
    if !replaced_is_original(&temporary_path, original, metadata, expected) {
        return match renameat_with(CWD, &temporary_path, CWD, target, RenameFlags::EXCHANGE) {
            // The temporary name holds the new text again; dropping it removes it.
            Ok(()) => Err(CHANGED_WHILE_WRITING.to_owned()),
            Err(error) => {
                // Keep the other program's version where it is and say where.
                let kept = temporary.into_temp_path().keep().unwrap_or(temporary_path);
                Err(format!(
                    "the file changed on disk while fixes were written, and could not be put back ({}); the other version is in `{}`",
                    io_message(&error.into()),
                    kept.display()
                ))
            }
        };
    }
    // Dropping the temporary file removes the replaced original.
    drop(temporary);
    Ok(())
}

/// Does the file hold exactly `expected`? Read through the descriptor from the start.
pub(super) fn holds(file: &File, expected: &[u8]) -> std::io::Result<bool> {
    // Compared a chunk at a time: a 50 MB release is not read into memory a second time.
    const CHUNK: usize = 64 << 10;
    let mut buffer = vec![0; CHUNK];
    let mut offset = 0;
    loop {
        let want = (expected.len() - offset).min(CHUNK);
        // One byte more than expected is read at the end, to see that the file ends there.
        let window = if want == 0 { 1 } else { want };
        let n = match file.read_at(&mut buffer[..window], offset as u64) {
            Ok(n) => n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if want == 0 {
            return Ok(n == 0);
        }
        if n == 0 || buffer[..n] != expected[offset..offset + n] {
            return Ok(false);
        }
        offset += n;
    }
}

/// The same file, unchanged since `before` was taken: device, inode, size, modification
/// and change times.
pub(super) fn same_file(now: &Metadata, before: &Metadata) -> bool {
    now.dev() == before.dev()
        && now.ino() == before.ino()
        && now.size() == before.size()
        && (now.mtime(), now.mtime_nsec()) == (before.mtime(), before.mtime_nsec())
        && (now.ctime(), now.ctime_nsec()) == (before.ctime(), before.ctime_nsec())
}

/// Is the file now at `path` (what the exchange replaced) the original, unchanged?
fn replaced_is_original(
    path: &Path,
    original: &File,
    metadata: &Metadata,
    expected: &[u8],
) -> bool {
    let Ok(replaced) = std::fs::symlink_metadata(path) else {
        return false;
    };
    let Ok(still) = original.metadata() else {
        return false;
    };
    // The rename itself changes the change time: compare the rest.
    let unmodified = |now: &Metadata| {
        now.dev() == metadata.dev()
            && now.ino() == metadata.ino()
            && now.size() == metadata.size()
            && (now.mtime(), now.mtime_nsec()) == (metadata.mtime(), metadata.mtime_nsec())
    };
    unmodified(&replaced) && unmodified(&still) && holds(original, expected).unwrap_or(false)
}

#[cfg(test)]
pub(super) mod tests {
    use std::cell::RefCell;
    use std::path::Path;

    /// Another program's edit of the file at the given path.
    type Edit = Box<dyn FnOnce(&Path)>;

    thread_local! {
        static INTERLOPER: RefCell<Option<Edit>> = RefCell::new(None);
    }

    /// Runs `edit` (another program's write) in the window between the last check and the
    /// swap, on this thread's next replacement.
    pub fn interfere(edit: impl FnOnce(&Path) + 'static) {
        INTERLOPER.with(|slot| *slot.borrow_mut() = Some(Box::new(edit)));
    }

    pub(super) fn between_check_and_swap(target: &Path) {
        if let Some(edit) = INTERLOPER.with(|slot| slot.borrow_mut().take()) {
            edit(target);
        }
    }
}
