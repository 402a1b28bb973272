//! Opening the files presslint reads (releases, configuration, rule and data files) so that
//! a run never hangs and never reads without bound: the file type is checked before the file
//! is opened (opening a FIFO for reading waits for a writer that may never come), the file is
//! opened non-blocking and checked again through its descriptor (in case it was swapped in
//! between), and at most `limit + 1` bytes are read.

use std::fmt;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// A FIFO, socket, device or directory: never opened for reading.
    NotRegular(&'static str),
    /// Larger than the limit (in bytes) for its kind of file.
    TooLarge(u64),
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular(kind) => write!(f, "not a regular file: {kind}"),
            ReadError::TooLarge(limit) => write!(f, "file is too large (over {})", size(*limit)),
            ReadError::Io(error) => f.write_str(&crate::error::io_message(error)),
        }
    }
}

/// `1 MiB`, `64 MiB`, or bytes for limits below a mebibyte.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// What a file that is not a regular file is, in words (`a FIFO`, `a socket`...).
pub fn kind_of(file_type: &fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
    }
    Some("a special file")
}

/// Opens `path` (following symbolic links) for reading, provided it is a regular file.
/// Returns the file and its metadata, taken from the open descriptor.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    let before = fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(&before.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Had a FIFO been swapped in since the check, opening it does not wait.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(&metadata.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    Ok((file, metadata))
}

/// Reads a regular file of at most `limit` bytes; a larger one is refused after reading
/// `limit + 1` bytes, never whole.
pub fn read_limited(path: &Path, limit: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let (file, metadata) = open_regular(path)?;
    // Sized from the metadata (one more byte to see the end), not grown by doubling: a
    // large file is read into one allocation of its size.
    let expected = metadata.len().min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok((bytes, metadata))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "12345").unwrap();
        assert_eq!(read_limited(&path, 5).unwrap().0, b"12345");
        let error = read_limited(&path, 4).unwrap_err();
        assert_eq!(error.to_string(), "file is too large (over 4 bytes)");
        assert_eq!(
            ReadError::TooLarge(4 << 20).to_string(),
            "file is too large (over 4 MiB)"
        );
        let error = read_limited(dir.path(), 5).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file: a directory");
        let error = read_limited(&dir.path().join("gone"), 5).unwrap_err();
        assert_eq!(error.to_string(), "no such file");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_sockets_are_refused_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.txt");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
        // Opening this FIFO for reading would wait for a writer forever.
        let error = read_limited(&fifo, 5).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file: a FIFO");
        let socket = dir.path().join("socket.txt");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let error = read_limited(&socket, 5).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file: a socket");
        let error = read_limited(Path::new("/dev/null"), 5).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file: a character device");
    }
}
