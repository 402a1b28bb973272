//! Files from `../shared` beside the repository (the seed release, third-party schemas): a
//! developer's and CI's machines have them, a user's checkout does not.

use std::path::PathBuf;

/// The path of `relative` under `../shared`, or `None` when it is absent, said on stderr so
/// that a skipped test is seen. With `CI` set an absent file fails the test instead: there
/// the folder is always laid, so its absence would otherwise hide every test that needs it.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is absent and CI is set: a test that needs it must not pass by skipping",
        path.display()
    );
    eprintln!("skipped: {} is absent", path.display());
    None
}
