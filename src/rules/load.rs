//! Loading a pack: its files read from disk or from the binary, then its metadata and data
//! (see [`super::data`]) and its rule files (see [`super::rule_file`]), with every error
//! naming the file and, where one is known, the line.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::span::LineIndex;
use crate::trust::Trust;

use super::rule_file::load_rule;
use super::{Pack, Rule};

/// One file of a pack as read: the path shown in errors, its path inside the pack, its text.
pub(crate) struct PackFile {
    pub shown: PathBuf,
    pub relative: PathBuf,
    pub text: String,
    /// Part of a pack embedded in the binary (whose regexes the test suite compiles).
    pub embedded: bool,
}

/// Builds a pack from its files (any order): `pack.toml`, `data/*.toml`, `<group>/<name>.toml`.
pub(crate) fn build_pack(
    fallback_name: &str,
    root: &Path,
    mut files: Vec<PackFile>,
) -> Result<Pack> {
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    let Some(meta) = find(&files, "pack.toml") else {
        return Err(Error::file(
            ErrorKind::Pack,
            root.join("pack.toml"),
            "the pack has no `pack.toml` (name, description, language)",
        ));
    };
    let mut pack = Pack {
        name: fallback_name.to_owned(),
        ..Pack::default()
    };
    super::data::read_meta(meta, &mut pack)?;
    pack.data = super::data::read_data(&files)?;
    pack.rules = load_rules(&files, &pack.data)?;
    check_suppress(&pack, meta)?;
    Ok(pack)
}

/// The file at `relative` in the pack, if it has one.
pub(super) fn find<'a>(files: &'a [PackFile], relative: &str) -> Option<&'a PackFile> {
    files.iter().find(|f| f.relative == Path::new(relative))
}

/// The 1-based line where `"name"` is first written in `file` (1 if nowhere): for errors
/// about an entry of a TOML list, whose span the typed reading does not keep.
pub(super) fn quoted_line(file: &PackFile, name: &str) -> usize {
    file.text
        .find(&format!("\"{name}\""))
        .map_or(1, |at| LineIndex::new(&file.text).line_of(at) + 1)
}

/// The rules of the pack's rule files (every `.toml` outside `data/` but `pack.toml`),
/// sorted by id. They are read on the thread pool (start-up is most of a one-release run);
/// the first error in file order is the one reported, whatever the threads.
fn load_rules(files: &[PackFile], data: &super::PackData) -> Result<Vec<Rule>> {
    use rayon::prelude::*;
    let rule_files: Vec<&PackFile> = files
        .iter()
        .filter(|file| {
            let in_data = file.relative.starts_with("data");
            let is_toml = file.relative.extension().is_some_and(|e| e == "toml");
            !in_data && file.relative != Path::new("pack.toml") && is_toml
        })
        .collect();
    let loaded: Vec<Result<Rule>> = rule_files
        .par_iter()
        .map(|file| load_rule(file, data))
        .collect();
    let mut rules = loaded.into_iter().collect::<Result<Vec<Rule>>>()?;
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(rules)
}

/// Every `suppress` entry of `pack.toml` (`meta`) must name a rule or group of the pack.
fn check_suppress(pack: &Pack, meta: &PackFile) -> Result<()> {
    let unknown = pack
        .detect
        .suppress
        .iter()
        .find(|s| !pack.rules.iter().any(|r| selects(s, &r.id)));
    match unknown {
        Some(unknown) => Err(Error::file(
            ErrorKind::Pack,
            &meta.shown,
            format!("`suppress` names `{unknown}`, which is no rule or group of the pack"),
        )
        .at_line(quoted_line(meta, unknown))),
        None => Ok(()),
    }
}

/// Does the selector (`group` or `group/name`) name rule `id`? The one reading of rule
/// selectors: `presslint.toml`, a pack's `suppress` and the engine all go through it.
pub(crate) fn selects(selector: &str, id: &str) -> bool {
    selector == id
        || id
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The rules of an `extend-rules` directory, compiled against `pack`'s data.
pub(crate) fn extra_rules(pack: &Pack, mut files: Vec<PackFile>) -> Result<Vec<Rule>> {
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    let mut rules: Vec<Rule> = Vec::new();
    for file in &files {
        if file.relative == Path::new("pack.toml") || file.relative.starts_with("data") {
            return Err(Error::file(ErrorKind::Pack,
                &file.shown,
                "an `extend-rules` directory holds rule files only (`<group>/<name>.toml`); pack metadata and data belong to a pack directory",
            ));
        }
        let rule = load_rule(file, &pack.data)?;
        if pack.rule(&rule.id).is_some() || rules.iter().any(|r| r.id == rule.id) {
            return Err(Error::file(
                ErrorKind::Pack,
                &file.shown,
                format!(
                    "rule `{}` is already in pack `{}`; to change a rule, copy the pack",
                    rule.id, pack.name
                ),
            ));
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// The largest rule or data file read (4 MiB): rule files are a few kilobytes and data
/// tables a few hundred; a larger file is a mistake, refused before it is read whole.
pub const MAX_PACK_FILE_BYTES: u64 = 4 << 20;

/// Every `.toml` file under `dir`, recursively, with paths relative to `dir`. The walk
/// follows links but ends (see [`crate::walk`]); a FIFO, socket or device, a file over
/// [`MAX_PACK_FILE_BYTES`] or a file `trust` refuses is an error naming it.
pub(crate) fn read_dir_files(dir: &Path, trust: Trust) -> Result<Vec<PackFile>> {
    let mut out = Vec::new();
    let walker = crate::walk::builder(dir).standard_filters(false).build();
    for entry in walker {
        let entry = entry.map_err(|e| {
            let (path, message) = crate::walk::describe(&e);
            Error::file(
                ErrorKind::Pack,
                path.unwrap_or_else(|| dir.to_path_buf()),
                format!("cannot read rule directory: {message}"),
            )
        })?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_dir()) {
            continue;
        }
        let relative = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
        if relative.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let fail = |message: String| {
            Error::file(
                ErrorKind::Pack,
                path,
                format!("cannot read rule file: {message}"),
            )
        };
        let (bytes, metadata) = crate::open::read_limited(path, MAX_PACK_FILE_BYTES)
            .map_err(|e| fail(e.to_string()))?;
        trust
            .check(&metadata)
            .map_err(|m| Error::file(ErrorKind::Pack, path, m))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            fail(format!(
                "not valid UTF-8 (at byte offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        out.push(PackFile {
            shown: path.to_path_buf(),
            relative,
            text,
            embedded: false,
        });
    }
    Ok(out)
}

/// Every file of an embedded directory, with paths relative to it.
pub(crate) fn embedded_files(dir: &include_dir::Dir<'_>, base: &Path) -> Vec<PackFile> {
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(current) = stack.pop() {
        for file in current.files() {
            let Some(text) = file.contents_utf8() else {
                continue;
            };
            let relative = file.path().strip_prefix(base).unwrap_or(file.path());
            out.push(PackFile {
                shown: Path::new("rules").join(file.path()),
                relative: relative.to_path_buf(),
                text: text.to_owned(),
                embedded: true,
            });
        }
        stack.extend(current.dirs());
    }
    out
}
