//! Which configuration files and packs a run may follow. A configuration found by walking up
//! from a checked file could have been planted by anyone who can write to a directory above
//! it, and it chooses the rule files (and so the regexes) that run; like git's
//! `safe.directory`, such files are only used when owned by the current user or by root.
//! A file named on the command line (`--config`, `--pack`) is trusted.

use std::fs::Metadata;

/// Whether a file's owner is checked before it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Trust {
    /// Named explicitly by the user (or built in): used whoever owns it.
    #[default]
    Given,
    /// Found by discovery: used only when owned by the current user or by root.
    Discovered,
}

impl Trust {
    /// `Err` with a one-line reason (without the file name) when the file may not be used.
    pub fn check(self, metadata: &Metadata) -> Result<(), String> {
        if self == Trust::Given {
            return Ok(());
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let me = rustix::process::geteuid().as_raw();
            let owner = metadata.uid();
            if owner != me && owner != 0 {
                return Err(format!(
                    "not trusted: owned by uid {owner}, not by you (uid {me}) or root; \
                     pass it with --config to use it anyway"
                ));
            }
        }
        #[cfg(not(unix))]
        let _ = metadata;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_files_are_trusted_and_given_files_always() {
        let file = tempfile::NamedTempFile::new().unwrap();
        let metadata = file.as_file().metadata().unwrap();
        assert_eq!(Trust::Discovered.check(&metadata), Ok(()));
        assert_eq!(Trust::Given.check(&metadata), Ok(()));
    }

    #[cfg(unix)]
    #[test]
    fn a_discovered_file_of_another_user_is_refused() {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: only root can give a file to another user");
            return;
        }
        let file = tempfile::NamedTempFile::new().unwrap();
        rustix::fs::fchown(
            file.as_file(),
            Some(rustix::process::Uid::from_raw(4242)),
            None,
        )
        .unwrap();
        let metadata = file.as_file().metadata().unwrap();
        assert_eq!(
            Trust::Discovered.check(&metadata),
            Err(
                "not trusted: owned by uid 4242, not by you (uid 0) or root; \
                 pass it with --config to use it anyway"
                    .to_owned()
            )
        );
        assert_eq!(Trust::Given.check(&metadata), Ok(()));
    }
}
