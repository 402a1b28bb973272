//! Rewriting a file in place, for files a replacement would break: a file with several hard
//! links (a new file would leave the other names on the old text) and a file of another user
//! that we may write to but not give away. A copy of the original is kept in a backup file
//! beside it until the new text is written and flushed; if writing fails, the original is
//! written back from memory, and the backup is kept (and named) only if that fails too.

use std::fs::{File, Metadata};
use std::io::Write;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::Path;

use super::swap::{holds, same_file};
use super::{directory_of, temp, CHANGED};
use crate::error::io_message;

pub fn rewrite(
    target: &Path,
    original: &File,
    metadata: &Metadata,
    expected: &[u8],
    new_text: &str,
) -> Result<(), String> {
    use rustix::fs::OFlags;
    let writer = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
        .open(target)
        .map_err(|e| io_message(&e))?;
    let opened = writer.metadata().map_err(|e| io_message(&e))?;
    if opened.dev() != metadata.dev() || opened.ino() != metadata.ino() {
        return Err(CHANGED.to_owned());
    }
    let directory = directory_of(target);
    let mut backup = temp::create(directory, "bak").map_err(|e| {
        format!(
            "cannot create a backup file in `{}`: {}",
            directory.display(),
            io_message(&e)
        )
    })?;
    backup
        .write_all(expected)
        .and_then(|()| backup.as_file().sync_all())
        .map_err(|e| format!("cannot write a backup file: {}", io_message(&e)))?;
    // The last check before the first byte is written.
    let now = writer.metadata().map_err(|e| io_message(&e))?;
    if !same_file(&now, metadata) || !holds(original, expected).unwrap_or(false) {
        return Err(CHANGED.to_owned());
    }
    let write = |bytes: &[u8]| {
        writer
            .write_all_at(bytes, 0)
            .and_then(|()| writer.set_len(bytes.len() as u64))
            .and_then(|()| writer.sync_all())
    };
    if let Err(error) = write(new_text.as_bytes()) {
        if write(expected).is_ok() {
            return Err(format!(
                "{}; the original was written back",
                io_message(&error)
            ));
        }
        let kept = backup
            .into_temp_path()
            .keep()
            .map_err(|e| io_message(&e.error))?;
        return Err(format!(
            "{}, and the original could not be written back: it is kept in `{}`",
            io_message(&error),
            kept.display()
        ));
    }
    // Dropping the backup removes it.
    Ok(())
}
