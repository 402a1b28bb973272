//! `--output-file`: a report streamed into a temporary file beside its destination and renamed
//! over it once complete, so that whoever reads it (a CI step uploading it, an editor, a
//! second run) sees the old report or the new one, never half of one. A run that fails before
//! [`OutputFile::commit`] leaves the old file as it was.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{directory_of, temp};
use crate::error::{io_message, Error, ErrorKind, Result};

/// A report being written to `destination`.
pub struct OutputFile {
    temporary: BufWriter<NamedTempFile>,
    /// The file renamed over (a symbolic link's target: the link stays a link).
    destination: PathBuf,
    /// The path as the user wrote it, for messages.
    shown: PathBuf,
}

impl OutputFile {
    /// Starts a report for `path`: fails at once (before any work) when its directory does
    /// not exist or cannot take a new file, or when `path` is a directory.
    pub fn create(path: &Path) -> Result<Self> {
        let fail = |message: String| output_error(path, message);
        let destination = super::link_destination(path).map_err(|e| fail(io_message(&e)))?;
        if destination.is_dir() {
            return Err(fail("is a directory".to_owned()));
        }
        let directory = directory_of(&destination);
        temp::remove_stale_once(directory);
        let temporary = temp::create_readable(directory, "tmp").map_err(|e| {
            fail(format!(
                "cannot create a temporary file in `{}`: {}",
                directory.display(),
                io_message(&e)
            ))
        })?;
        Ok(Self {
            temporary: BufWriter::new(temporary),
            destination,
            shown: path.to_owned(),
        })
    }

    /// Flushes the report to disk and renames it over the destination, which keeps the
    /// permissions it had.
    pub fn commit(self) -> Result<()> {
        let fail = |error: io::Error| output_error(&self.shown, io_message(&error));
        let temporary = self
            .temporary
            .into_inner()
            .map_err(|e| fail(e.into_error()))?;
        temporary.as_file().sync_all().map_err(fail)?;
        if let Ok(existing) = std::fs::metadata(&self.destination) {
            std::fs::set_permissions(temporary.path(), existing.permissions()).map_err(fail)?;
        }
        temporary
            .persist(&self.destination)
            .map_err(|e| fail(e.error))?;
        Ok(())
    }
}

impl Write for OutputFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.temporary.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temporary.flush()
    }
}

fn output_error(path: &Path, message: String) -> Error {
    Error::file(
        ErrorKind::Io,
        path,
        format!("cannot write the report: {message}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_old_report_stays_until_the_new_one_is_complete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let mut output = OutputFile::create(&path).unwrap();
        output.write_all(b"new report").unwrap();
        output.flush().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        output.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new report");
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the old file's permissions");
        assert_eq!(names(dir.path()), ["report.json"]);
    }

    #[test]
    fn an_abandoned_report_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        let mut output = OutputFile::create(&path).unwrap();
        output.write_all(b"half").unwrap();
        drop(output);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_new_report_is_readable_by_others_and_a_link_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.sarif");
        let link = dir.path().join("link.sarif");
        std::os::unix::fs::symlink("real.sarif", &link).unwrap();
        let mut output = OutputFile::create(&link).unwrap();
        output.write_all(b"{}").unwrap();
        output.commit().unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "{}");
        // The mode of any new file (0666 less the umask), not a temporary file's 0600.
        let plain = dir.path().join("plain");
        fs::File::create(&plain).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&target), mode(&plain));
    }

    #[test]
    fn a_directory_or_a_missing_directory_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let error = OutputFile::create(dir.path()).err().unwrap();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: cannot write the report: is a directory",
                dir.path().display()
            )
        );
        let missing = dir.path().join("no/report.json");
        let error = OutputFile::create(&missing).err().unwrap();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: cannot write the report: cannot create a temporary file in `{}`: no such file",
                missing.display(),
                dir.path().join("no").display()
            )
        );
    }
}
