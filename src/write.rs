//! Atomic file replacement for `--fix`: a temporary file in the same directory, then a
//! rename, so that a reader never sees half a release and a failure leaves the original.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Replaces `path` with `new_text`, provided the file still holds `expected` (the bytes the
/// fix was computed from). Keeps the file's permissions. Refuses read-only files by their
/// permission bits, so that a root user (as in CI and containers) is refused too.
pub fn replace_file(path: &Path, expected: &[u8], new_text: &str) -> Result<()> {
    let fail = |message: String| Error::in_file(path, message);
    let metadata =
        fs::metadata(path).map_err(|e| fail(format!("cannot write fixes: {}", describe(&e))))?;
    if is_read_only(&metadata) {
        return Err(fail("cannot write fixes: the file is read-only".into()));
    }
    let current =
        fs::read(path).map_err(|e| fail(format!("cannot write fixes: {}", describe(&e))))?;
    if current != expected {
        return Err(fail(
            "cannot write fixes: the file changed on disk since it was read".into(),
        ));
    }
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".presslint-")
        .suffix(".tmp")
        .tempfile_in(directory)
        .map_err(|e| {
            fail(format!(
                "cannot write fixes: cannot create a temporary file in `{}`: {}",
                directory.display(),
                describe(&e)
            ))
        })?;
    temporary
        .write_all(new_text.as_bytes())
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| fail(format!("cannot write fixes: {}", describe(&e))))?;
    fs::set_permissions(temporary.path(), metadata.permissions()).map_err(|e| {
        fail(format!(
            "cannot write fixes: cannot copy permissions: {}",
            describe(&e)
        ))
    })?;
    temporary
        .persist(path)
        .map_err(|e| fail(format!("cannot write fixes: {}", describe(&e.error))))?;
    Ok(())
}

#[cfg(unix)]
fn is_read_only(metadata: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o222 == 0
}

#[cfg(not(unix))]
fn is_read_only(metadata: &fs::Metadata) -> bool {
    metadata.permissions().readonly()
}

/// An I/O error as a short phrase, without Rust's `(os error N)` suffix.
pub fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = error.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_atomically_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        replace_file(&path, b"old", "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn refuses_read_only_changed_and_vanished_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        fs::write(&path, "old").unwrap();
        let error = replace_file(&path, b"older", "new").unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("the file changed on disk since it was read"),
            "{error}"
        );
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let error = replace_file(&path, b"old", "new").unwrap_err();
        assert!(
            error.to_string().ends_with("the file is read-only"),
            "{error}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let error = replace_file(&dir.path().join("gone.txt"), b"", "new").unwrap_err();
        assert!(error.to_string().ends_with("no such file"), "{error}");
    }
}
