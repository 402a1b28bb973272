//! Documents are named by URIs; configuration is found from file paths. The `file:` URIs
//! editors send become paths here, and nothing else does (an unsaved buffer has none).

use std::path::PathBuf;

use lsp_types::Uri;
use presslint::config::CONFIG_NAMES;

/// The local path of a `file:` URI (percent-decoded; the host empty or `localhost`).
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme()?.as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    if let Some(authority) = uri.authority() {
        let host = authority.host().as_str();
        if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
            return None;
        }
    }
    let bytes = uri.path().as_estr().decode().into_bytes().into_owned();
    if bytes.is_empty() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        let path = String::from_utf8(bytes).ok()?;
        // `/C:/dir/file` on Windows.
        Some(PathBuf::from(path.strip_prefix('/').unwrap_or(&path)))
    }
}

/// The name a document is reported and configured by: its path, else its URI.
pub fn document_name(uri: &Uri) -> String {
    match file_path(uri) {
        Some(path) => path.display().to_string(),
        None => uri.as_str().to_owned(),
    }
}

/// Whether the URI names a TOML file: a configuration (`presslint.toml`), a pack's rule or
/// data file. It is never checked as a release, and saving one reloads the configuration.
pub fn is_configuration(uri: &Uri) -> bool {
    let name = uri.path().as_str().rsplit('/').next().unwrap_or("");
    let extension = name.rsplit_once('.').map_or("", |(_, extension)| extension);
    CONFIG_NAMES.contains(&name) || extension.eq_ignore_ascii_case("toml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn uri(text: &str) -> Uri {
        Uri::from_str(text).unwrap()
    }

    #[test]
    fn file_uris_become_decoded_paths() {
        assert_eq!(
            file_path(&uri(
                "file:///home/ana/Press%20releases/r%C3%A9sum%C3%A9.txt"
            )),
            Some(PathBuf::from("/home/ana/Press releases/résumé.txt"))
        );
        assert_eq!(
            file_path(&uri("file://localhost/press/a.txt")),
            Some(PathBuf::from("/press/a.txt"))
        );
        assert_eq!(file_path(&uri("file://server/share/a.txt")), None);
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(
            document_name(&uri("untitled:Untitled-1")),
            "untitled:Untitled-1"
        );
    }

    #[test]
    fn configuration_files_are_known_by_name() {
        assert!(is_configuration(&uri("file:///w/presslint.toml")));
        assert!(is_configuration(&uri("file:///w/.presslint.toml")));
        assert!(is_configuration(&uri(
            "file:///w/packs/acme/spelling/x.TOML"
        )));
        assert!(!is_configuration(&uri("file:///w/presslint.toml.txt")));
        assert!(!is_configuration(&uri("file:///w/release.txt")));
    }
}
