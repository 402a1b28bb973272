//! Rule packs: rule files (one rule per TOML file, id from the path) and pack data,
//! validated against `schemas/rules.schema.json` and compiled once.

pub mod choice;
mod data;
pub mod detect;
pub mod explain;
pub mod help;
pub(crate) mod load;
pub(crate) mod rule_file;

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::Serialize;

pub use crate::checks::Scope;

use crate::error::{ErrorKind, Result};
use crate::trust::Trust;

/// The pack used when nothing else is configured.
pub const DEFAULT_PACK: &str = "un-en";

pub use crate::checks::rule::{Example, ExamplePartner, FixSpec, PackData, Rule};
pub use help::help_uri;

/// How a pack recognises releases in its language, and what it stops checking when a
/// release is in another one (`[detect]` in `pack.toml`).
#[derive(Debug, Default, Clone)]
pub struct Detect {
    /// The language's name in messages (`French`).
    pub language_name: String,
    /// Common words of the language, matched as whole words, case-sensitively (looked up
    /// through `checks::language::WordTable`).
    pub words: rustc_hash::FxHashSet<String>,
    /// Rules and groups that depend on the language; they do not run on a release in
    /// another language.
    pub suppress: Vec<String>,
}

/// A compiled rule pack.
#[derive(Debug, Default)]
pub struct Pack {
    pub name: String,
    /// One line: what house style this pack checks.
    pub description: String,
    /// The language of the releases the pack checks (`en`, `fr`).
    pub language: String,
    /// Shared data the kinds read (the symbol series registry).
    pub data: PackData,
    /// Language detection data (empty: the pack does not detect languages).
    pub detect: Detect,
    /// Sorted by id.
    pub rules: Vec<Rule>,
    /// The words of language detection, gathered on first use (`checks::language`).
    pub detect_table: std::sync::OnceLock<detect::WordTable>,
}

/// What a pack says about itself, for listing packs without compiling them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackInfo {
    pub name: String,
    pub language: String,
    pub description: String,
}

/// The packs compiled into the binary, one directory each.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// A pack's language profile: `(pack name, language, detection data)`.
pub type Profile = (String, String, Detect);

/// The language profiles of the embedded packs, read once from their `pack.toml`: the
/// languages a release may be recognised in.
pub fn embedded_profiles() -> &'static [Profile] {
    static PROFILES: std::sync::LazyLock<Vec<Profile>> = std::sync::LazyLock::new(|| {
        let mut out: Vec<Profile> = EMBEDDED
            .dirs()
            .filter_map(|d| {
                let file = d.get_file(d.path().join("pack.toml"))?;
                let meta: data::PackToml = toml::from_str(file.contents_utf8()?).ok()?;
                Some((meta.name, meta.language, meta.detect?.into_detect()))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    });
    &PROFILES
}

/// The layout words and the month and weekday names of an embedded pack, for a layout that
/// includes it: `None` when there is no such pack.
pub(crate) fn embedded_layout(
    name: &str,
) -> Option<(crate::layout::LayoutToml, Vec<String>, Vec<String>)> {
    let dir = EMBEDDED.get_dir(name)?;
    let read = |file: &str| {
        dir.get_file(dir.path().join(file))
            .and_then(|f| f.contents_utf8())
    };
    let words = read("data/layout.toml")
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or_default();
    let dates: Option<data::DatesToml> =
        read("data/dates.toml").and_then(|t| toml::from_str(t).ok());
    let (months, weekdays) = dates.map(|d| (d.months, d.weekdays)).unwrap_or_default();
    Some((words, months, weekdays))
}

impl Pack {
    /// A pack embedded in the binary (`rules/<name>/` of the source tree).
    pub fn embedded(name: &str) -> Result<Self> {
        let dir = EMBEDDED.get_dir(name).ok_or_else(|| {
            crate::error::Error::of(
                ErrorKind::Pack,
                format!(
                    "no embedded rule pack `{name}` (known: {})",
                    Self::embedded_names().join(", ")
                ),
            )
        })?;
        let files = load::embedded_files(dir, Path::new(name));
        load::build_pack(name, &Path::new("rules").join(name), files)
    }

    /// Name, language and description of every embedded pack, sorted by name, for listing
    /// (`presslint rules --packs`); reads only each `pack.toml`.
    pub fn embedded_infos() -> Vec<PackInfo> {
        let mut out: Vec<PackInfo> = EMBEDDED
            .dirs()
            .filter_map(|d| {
                let file = d.get_file(d.path().join("pack.toml"))?;
                let meta: data::PackToml = toml::from_str(file.contents_utf8()?).ok()?;
                Some(PackInfo {
                    name: meta.name,
                    language: meta.language,
                    description: meta.description,
                })
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// The names of the packs embedded in the binary, sorted.
    pub fn embedded_names() -> Vec<String> {
        let mut names: Vec<String> = EMBEDDED
            .dirs()
            .filter_map(|d| d.path().to_str().map(str::to_owned))
            .collect();
        names.sort();
        names
    }

    /// A pack from a directory on disk, laid out like the embedded ones.
    pub fn from_dir(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_dir_with(path.as_ref(), Trust::Given)
    }

    /// [`Pack::from_dir`], reading only files that `trust` accepts.
    pub fn from_dir_with(path: &Path, trust: Trust) -> Result<Self> {
        let files = load::read_dir_files(path, trust)?;
        let fallback = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("pack")
            .to_owned();
        load::build_pack(&fallback, path, files)
    }

    /// The one entry point for configured packs: an embedded pack by name (`un-fr`), or a
    /// pack directory on disk; a relative path resolves against `base_dir` (the directory of
    /// the configuration file, or the working directory for `--pack`).
    pub fn load(name_or_path: &str, base_dir: &Path) -> Result<Self> {
        Self::load_with(name_or_path, base_dir, Trust::Given)
    }

    /// [`Pack::load`]; a pack directory's files must be accepted by `trust`.
    pub fn load_with(name_or_path: &str, base_dir: &Path, trust: Trust) -> Result<Self> {
        let is_name = !name_or_path.contains(['/', '\\']) && !name_or_path.starts_with('.');
        if is_name && EMBEDDED.get_dir(name_or_path).is_some() {
            return Self::embedded(name_or_path);
        }
        let path = base_dir.join(name_or_path);
        if path.is_dir() {
            return Self::from_dir_with(&path, trust);
        }
        Err(crate::error::Error::of(
            ErrorKind::Pack,
            format!(
                "no rule pack `{name_or_path}`: not an embedded pack ({}) and no directory `{}`",
                Self::embedded_names().join(", "),
                path.display()
            ),
        ))
    }

    /// A configured pack with the rule files of `extend_rules` added, in order.
    pub fn load_extended(
        name_or_path: &str,
        base_dir: &Path,
        extend_rules: &[PathBuf],
    ) -> Result<Self> {
        Self::load_extended_with(
            name_or_path,
            base_dir,
            extend_rules,
            Trust::Given,
            Trust::Given,
        )
    }

    /// [`Pack::load_extended`]; the pack directory's files must be accepted by `pack_trust`,
    /// the `extend_rules` files by `rules_trust`.
    pub fn load_extended_with(
        name_or_path: &str,
        base_dir: &Path,
        extend_rules: &[PathBuf],
        pack_trust: Trust,
        rules_trust: Trust,
    ) -> Result<Self> {
        let mut pack = Self::load_with(name_or_path, base_dir, pack_trust)?;
        for dir in extend_rules {
            let files = load::read_dir_files(dir, rules_trust)?;
            pack.add_rules(files)?;
        }
        Ok(pack)
    }

    /// Adds the rule files of `dir` (`<group>/<name>.toml`, rule files only) to this pack;
    /// they read this pack's data. A rule id the pack already has is an error.
    pub fn extend_from_dir(&mut self, dir: impl AsRef<Path>) -> Result<()> {
        let files = load::read_dir_files(dir.as_ref(), Trust::Given)?;
        self.add_rules(files)
    }

    fn add_rules(&mut self, files: Vec<load::PackFile>) -> Result<()> {
        let rules = load::extra_rules(self, files)?;
        self.rules.extend(rules);
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(())
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    const GOOD: &str = r#"kind = "forbid"
scope = "text"
severity = "warning"
summary = "Say Secretary-General"
message = "`{found}` should be `{expected}`"
why = "The title is hyphenated."
pattern = "Secretary General"
replacement = "Secretary-General"
"#;

    /// Writes a pack with one rule file `group/name.toml` holding `rule`, then loads it.
    fn load(name: &str, rule: &str) -> (tempfile::TempDir, Result<Pack>) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        std::fs::write(
            root.join("pack.toml"),
            "name = \"t\"\ndescription = \"test\"\nlanguage = \"en\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let (group, file) = name.split_once('/').unwrap_or(("g", name));
        std::fs::create_dir_all(root.join(group)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join(group).join(format!("{file}.toml")), rule)
            .unwrap_or_else(|e| panic!("{e}"));
        let pack = Pack::from_dir(root);
        (dir, pack)
    }

    #[track_caller]
    fn load_error(name: &str, rule: &str, expected: &str) {
        let (dir, pack) = load(name, rule);
        let error = pack.err().unwrap_or_else(|| panic!("`{name}` loaded"));
        let shown = error.to_string();
        let prefix = format!("{}/", dir.path().display());
        assert_eq!(shown.strip_prefix(&prefix).unwrap_or(&shown), expected);
    }

    /// The embedded packs skip the rules schema and compile their regexes lazily at run
    /// time: loading them as if read from disk validates every rule file against the schema
    /// and compiles every regex (rules and layout) now.
    #[test]
    fn embedded_rule_files_satisfy_the_rules_schema_and_every_regex_compiles() {
        for name in Pack::embedded_names() {
            let dir = EMBEDDED.get_dir(&name).expect("embedded pack");
            let mut files = load::embedded_files(dir, Path::new(&name));
            for file in &mut files {
                file.embedded = false;
            }
            let pack = load::build_pack(&name, &Path::new("rules").join(&name), files)
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(pack.rules.len() > 10, "{name}");
        }
    }

    #[test]
    fn the_embedded_pack_loads_with_its_metadata_and_series() {
        let pack = Pack::embedded(DEFAULT_PACK).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pack.name, "un-en");
        assert_eq!(pack.language, "en");
        assert!(pack.data.series.contains("SG/SM"));
        assert!(pack.rule("disclaimer/missing").is_some());
        assert_eq!(
            Pack::embedded_names(),
            vec!["un-en".to_owned(), "un-fr".to_owned()]
        );
    }

    #[test]
    fn every_embedded_pack_describes_itself_and_loads() {
        let infos = Pack::embedded_infos();
        let shown: Vec<(&str, &str)> = infos
            .iter()
            .map(|i| (i.name.as_str(), i.language.as_str()))
            .collect();
        assert_eq!(shown, vec![("un-en", "en"), ("un-fr", "fr")]);
        for info in &infos {
            let pack = Pack::embedded(&info.name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(pack.description, info.description);
            assert!(pack.rule("page/wrong-pack").is_some());
        }
        let fr = Pack::embedded("un-fr").unwrap_or_else(|e| panic!("{e}"));
        assert!(fr.data.series.contains("CS") && fr.data.series.contains("AG/DSI"));
        assert_eq!(
            fr.data.dates.long_form(2010, 7, 1).as_deref(),
            Some("1er juillet 2010")
        );
        assert_eq!(
            fr.data.dates.long_form(2012, 5, 3).as_deref(),
            Some("3 mai 2012")
        );
    }

    #[test]
    fn a_suppress_entry_that_names_no_rule_is_an_error_at_its_line() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        std::fs::write(
            root.join("pack.toml"),
            "name = \"t\"\ndescription = \"test\"\nlanguage = \"en\"\n[detect]\nlanguage-name = \"English\"\nsuppress = [\n  \"dateline\",\n]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let shown = Pack::from_dir(root)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let prefix = format!("{}/", root.display());
        assert_eq!(
            shown.strip_prefix(&prefix).unwrap_or(&shown),
            "pack.toml:7: `suppress` names `dateline`, which is no rule or group of the pack"
        );
    }

    #[test]
    fn the_rules_schema_names_exactly_the_kinds_and_scopes_of_the_code() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::schema::RULES_SCHEMA).unwrap_or_default();
        let names = |key: &str| -> Vec<String> {
            schema["properties"][key]["enum"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            names("kind"),
            crate::checks::KINDS
                .iter()
                .map(|kind| kind.name)
                .collect::<Vec<_>>()
        );
        for scope in names("scope") {
            let parsed: std::result::Result<Scope, _> =
                serde_json::from_value(serde_json::Value::String(scope.clone()));
            assert_eq!(parsed.map(Scope::as_str).ok(), Some(scope.as_str()));
        }
    }

    #[test]
    fn a_good_rule_file_loads_with_its_id_from_the_path() {
        let (_dir, pack) = load("wording/secretary-general", GOOD);
        let pack = pack.unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = pack.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["wording/secretary-general"]);
        assert_eq!(pack.rules[0].severity, Severity::Warning);
    }

    #[test]
    fn an_unknown_key_names_file_and_line() {
        let rule = GOOD.replace("pattern =", "patern =");
        load_error(
            "wording/sg",
            &rule,
            "wording/sg.toml:7: unknown key `patern`",
        );
    }

    #[test]
    fn a_bad_regex_names_file_and_line() {
        let rule = GOOD.replace("\"Secretary General\"", "\"Secretary (General\"");
        load_error(
            "wording/sg",
            &rule,
            "wording/sg.toml:7: bad regex in `pattern`: unclosed group",
        );
    }

    #[test]
    fn an_unknown_kind_names_file_and_line() {
        let rule = GOOD.replace("kind = \"forbid\"", "kind = \"forbidden\"");
        load_error(
            "wording/sg",
            &rule,
            "wording/sg.toml:1: unknown kind `forbidden` (expected one of: require, forbid, format, agree, position, symbol, date, substitute, repeat, language, quotes, title-case, dated-name, running-date, pair, suppression)",
        );
    }

    #[test]
    fn a_bad_severity_names_file_and_line() {
        let rule = GOOD.replace("\"warning\"", "\"fatal\"");
        load_error(
            "wording/sg",
            &rule,
            "wording/sg.toml:3: unknown value `fatal` (expected one of: info, warning, error)",
        );
    }

    #[test]
    fn a_parameter_of_another_kind_names_file_and_line() {
        let rule = format!("{GOOD}allowed = [\"x\"]\n");
        load_error(
            "wording/sg",
            &rule,
            "wording/sg.toml:9: `allowed` is not a parameter of kind `forbid` (its parameters: pattern, replacement, requires, in-quotes, except, except-words, except-data, except-inflected)",
        );
    }

    #[test]
    fn an_unknown_placeholder_names_file_and_line() {
        let rule = GOOD.replace("`{expected}`\"", "`{expectd}`\"");
        load_error(
            "wording/sg",
            &rule,
            "wording/sg.toml:5: unknown placeholder `{expectd}` in `message` (kind `forbid` fills: found, expected)",
        );
    }

    #[test]
    fn an_id_that_is_not_kebab_case_is_refused() {
        load_error(
            "Wording/sg_x",
            GOOD,
            "Wording/sg_x.toml: rule id `Wording/sg_x` is not kebab-case (`group/name` in lower-case words joined by `-`)",
        );
    }

    #[test]
    fn a_toml_syntax_error_names_file_and_line() {
        let rule = GOOD.replace("why = \"The title is hyphenated.\"", "why = \"open");
        let (_dir, pack) = load("wording/sg", &rule);
        let shown = pack.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(shown.contains("wording/sg.toml:6: "), "{shown}");
    }
}
