//! Build script: rebuild when the embedded rule packs under `rules/` change.
fn main() {
    // The embedded rule packs (`include_dir!`) must be rebuilt when a rule file changes.
    println!("cargo:rerun-if-changed=rules");
}
