//! `presslint.toml`: discovery by walking up from each checked file, validation with
//! file-and-line errors, and what it decides: which rules run on which file, at which
//! severity, and which exit threshold applies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::rules::choice::PackChoice;
use crate::rules::load::selects;
use crate::rules::Pack;
use crate::selection::RuleSelection;
use crate::span::LineIndex;
use crate::trust::Trust;

/// The largest configuration file read (1 MiB): a real one is a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The file names searched for, in order, in each directory from the file's own upwards.
pub const CONFIG_NAMES: [&str; 2] = ["presslint.toml", ".presslint.toml"];

/// The configuration file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    pack: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    #[serde(default)]
    per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    extend_rules: Vec<Spanned<PathBuf>>,
    fail_on: Option<Severity>,
}

/// A loaded configuration. Rule selectors are rule ids (`symbol/missing`) or whole groups
/// (`symbol`); all have been checked against the pack.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from (`None`: the built-in defaults).
    pub path: Option<PathBuf>,
    pub pack: Option<String>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    per_file_ignores: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// Directories of extra rule files, resolved against the config file's directory.
    pub extend_rules: Vec<PathBuf>,
    pub fail_on: Option<Severity>,
    raw_text: Option<String>,
    /// The line of `pack`, for errors about the pack it names.
    pack_line: Option<usize>,
    /// The line of each `extend-rules` entry, for errors about a directory that is not there.
    extend_rules_lines: Vec<usize>,
    unchecked_selectors: Vec<(String, std::ops::Range<usize>)>,
    /// How far the files this configuration names are trusted (see [`crate::trust`]).
    trust: Trust,
    /// The command line's `--select`, `--extend-select` and `--ignore`, layered over this
    /// file's `select` and `ignore` (see [`crate::selection`]).
    pub command_line: RuleSelection,
}

impl Config {
    /// Reads and validates `path`, a file the user named (`--config`). Errors name the
    /// file and the line.
    pub fn load(path: &Path) -> Result<Self> {
        Self::load_with(path, Trust::Given)
    }

    /// Reads and validates `path`, which must be a regular file of at most
    /// [`MAX_CONFIG_BYTES`] that `trust` accepts; the pack directories and `extend-rules`
    /// it names are then held to the same trust.
    pub fn load_with(path: &Path, trust: Trust) -> Result<Self> {
        let fail = |message: String| {
            Error::file(
                ErrorKind::Config,
                path,
                format!("cannot read configuration: {message}"),
            )
        };
        let (bytes, metadata) =
            crate::open::read_limited(path, MAX_CONFIG_BYTES).map_err(|e| fail(e.to_string()))?;
        trust
            .check(&metadata)
            .map_err(|message| Error::file(ErrorKind::Config, path, message))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            fail(format!(
                "not valid UTF-8 (at byte offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let mut config = Self::parse(path, &text)?;
        config.trust = trust;
        Ok(config)
    }

    /// Parses configuration text; `path` names it in errors and anchors relative paths.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let lines = LineIndex::new(text);
        let line_of = |offset: usize| lines.line_of(offset) + 1;
        let raw: RawConfig = crate::toml_file::parse(ErrorKind::Config, path, text)?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut unchecked = Vec::new();
        let mut take = |items: Vec<Spanned<String>>| -> Vec<String> {
            items
                .into_iter()
                .map(|s| {
                    unchecked.push((s.get_ref().clone(), s.span()));
                    s.into_inner()
                })
                .collect()
        };
        let select = raw.select.map(&mut take);
        let ignore = take(raw.ignore);
        let mut per_file_ignores = Vec::new();
        for (pattern, rules) in raw.per_file_ignores {
            let glob = globset::GlobBuilder::new(pattern.get_ref())
                .literal_separator(false)
                .build()
                .map_err(|e| {
                    Error::file(
                        ErrorKind::Config,
                        path,
                        format!(
                            "bad glob `{}` in per-file-ignores: {}",
                            pattern.get_ref(),
                            e.kind()
                        ),
                    )
                    .at_line(line_of(pattern.span().start))
                })?;
            per_file_ignores.push((glob.compile_matcher(), take(rules)));
        }
        let mut severity = BTreeMap::new();
        for (rule, level) in raw.severity {
            unchecked.push((rule.get_ref().clone(), rule.span()));
            severity.insert(rule.into_inner(), level);
        }
        let pack_line = raw.pack.as_ref().map(|p| line_of(p.span().start));
        let extend_rules_lines = raw
            .extend_rules
            .iter()
            .map(|p| line_of(p.span().start))
            .collect();
        Ok(Self {
            path: Some(path.to_owned()),
            pack: raw.pack.map(Spanned::into_inner),
            pack_line,
            extend_rules_lines,
            select,
            ignore,
            severity,
            per_file_ignores,
            extend_rules: raw
                .extend_rules
                .into_iter()
                .map(|p| base.join(p.into_inner()))
                .collect(),
            fail_on: raw.fail_on,
            raw_text: Some(text.to_owned()),
            unchecked_selectors: unchecked,
            trust: Trust::Given,
            command_line: RuleSelection::default(),
        })
    }

    /// The packs this configuration checks with: the pack named by `cli_pack` (`--pack`) or
    /// by the file's `pack`, pinned for every release; with neither, the embedded pack of
    /// each release's language (`un-en` first, the others loaded when a release needs them).
    /// Each has the `extend-rules` directories added, and the file's rule selectors must name
    /// a rule or group of one of them.
    pub fn pack_choice(&self, cli_pack: Option<&str>) -> Result<PackChoice> {
        let choice = if cli_pack.is_some() || self.pack.is_some() {
            PackChoice::Pinned(self.load_named_pack(cli_pack)?)
        } else {
            let default = self.load_named_pack(None)?;
            let extend_rules = self.extend_rules.clone();
            let rules_trust = self.trust;
            PackChoice::by_language(
                default,
                Box::new(move |name| {
                    Pack::load_extended_with(
                        name,
                        Path::new(""),
                        &extend_rules,
                        Trust::Given,
                        rules_trust,
                    )
                }),
            )
        };
        self.check_against(&choice)?;
        Ok(choice)
    }

    /// The one pack this configuration selects, with its `extend-rules` directories added,
    /// and the file's rule selectors checked against it. `pack` is an embedded pack's name or
    /// a pack directory relative to the configuration file; `cli_pack` (`--pack`) wins over
    /// it and resolves against the working directory. No `pack` anywhere: `un-en`.
    pub fn load_pack(&self, cli_pack: Option<&str>) -> Result<Pack> {
        let choice = PackChoice::Pinned(self.load_named_pack(cli_pack)?);
        self.check_against(&choice)?;
        Ok(choice.into_first())
    }

    fn load_named_pack(&self, cli_pack: Option<&str>) -> Result<Pack> {
        let config_dir = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        let (name, base) = match (cli_pack, &self.pack) {
            (Some(name), _) => (name, Path::new("")),
            (None, Some(name)) => (name.as_str(), config_dir),
            (None, None) => (crate::rules::DEFAULT_PACK, config_dir),
        };
        if let Some(path) = &self.path {
            let missing = self
                .extend_rules
                .iter()
                .zip(&self.extend_rules_lines)
                .find(|(dir, _)| !dir.is_dir());
            if let Some((dir, &line)) = missing {
                return Err(Error::file(
                    ErrorKind::Config,
                    path,
                    format!("extend-rules: no directory `{}`", dir.display()),
                )
                .at_line(line));
            }
        }
        // `--pack` was named by the user; a pack named by the file is as trusted as the file.
        let pack_trust = if cli_pack.is_some() {
            Trust::Given
        } else {
            self.trust
        };
        Pack::load_extended_with(name, base, &self.extend_rules, pack_trust, self.trust).map_err(
            |e| {
                // A pack that cannot be found is the configuration's error, at its `pack` line.
                match (&self.path, self.pack_line, cli_pack, &e.path) {
                    (Some(path), Some(line), None, None) => {
                        Error::file(ErrorKind::Config, path, e.message).at_line(line)
                    }
                    _ => e,
                }
            },
        )
    }

    /// Checks every rule id and group named in the file against the packs of `choice`: one
    /// that no pack knows is an error naming the file and line.
    pub fn check_against(&self, choice: &PackChoice) -> Result<()> {
        let (Some(path), Some(text)) = (&self.path, &self.raw_text) else {
            return Ok(());
        };
        let lines = LineIndex::new(text);
        for (selector, span) in &self.unchecked_selectors {
            if !choice.any(|pack| crate::selection::known(pack, selector)) {
                return Err(Error::file(
                    ErrorKind::Config,
                    path,
                    format!(
                        "unknown rule or group `{selector}` for pack {}",
                        choice.names()
                    ),
                )
                .at_line(lines.line_of(span.start) + 1));
            }
        }
        Ok(())
    }

    /// The rules that apply to the file at `path`: globs are matched once per file.
    pub fn for_file(&self, path: &Path) -> FileRules<'_> {
        let ignored = if self.per_file_ignores.is_empty() {
            Vec::new()
        } else {
            let relative = self.relative(path);
            self.per_file_ignores
                .iter()
                .filter(|(glob, _)| glob.is_match(&relative))
                .flat_map(|(_, rules)| rules.iter().map(String::as_str))
                .collect()
        };
        FileRules {
            config: self,
            ignored,
        }
    }

    /// Is `rule` enabled for the file at `path` (relative to the config's directory)?
    pub fn enabled(&self, rule: &str, path: &Path) -> bool {
        self.for_file(path).enabled(rule)
    }

    /// Applies selection and severity overrides to one file's diagnostics.
    pub fn apply(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        self.for_file(path).apply(diagnostics);
    }

    /// `path` relative to the configuration file's directory, for per-file-ignores globs.
    fn relative(&self, path: &Path) -> PathBuf {
        let base = match self.path.as_deref().and_then(Path::parent) {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
        let (base, file) = (absolute(base), absolute(path));
        file.strip_prefix(&base).map(Path::to_owned).unwrap_or(file)
    }
}

/// The configuration as it applies to one file.
pub struct FileRules<'a> {
    config: &'a Config,
    /// Selectors that per-file-ignores globs matching this file name.
    ignored: Vec<&'a str>,
}

impl FileRules<'_> {
    /// Does `rule` run on this file? The file's `select` and `ignore`, then the command
    /// line's over them, then per-file ignores.
    pub fn enabled(&self, rule: &str) -> bool {
        let selected = self
            .config
            .select
            .as_ref()
            .is_none_or(|select| select.iter().any(|s| selects(s, rule)));
        let configured = selected && !self.config.ignore.iter().any(|s| selects(s, rule));
        self.config.command_line.decide(rule, configured)
            && !self.ignored.iter().any(|s| selects(s, rule))
    }

    /// Drops diagnostics of rules that do not run here; applies severity overrides.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain(|d| self.enabled(&d.rule));
        for diagnostic in diagnostics {
            let specific = self.config.severity.get(&diagnostic.rule);
            let group = self
                .config
                .severity
                .get(diagnostic.rule.split('/').next().unwrap_or(""));
            if let Some(&level) = specific.or(group) {
                diagnostic.severity = level;
            }
        }
    }
}

/// The configuration file that governs `file`: the nearest `presslint.toml` or
/// `.presslint.toml` in its directory or above. Anything by that name but a directory counts
/// (a FIFO too, which [`Config::load_with`] then refuses rather than skipping it unsaid).
pub fn discover(file: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(file).ok()?;
    let mut directory = absolute.parent();
    while let Some(dir) = directory {
        for name in CONFIG_NAMES {
            let candidate = dir.join(name);
            if std::fs::metadata(&candidate).is_ok_and(|m| !m.is_dir()) {
                // Shown relative to the working directory when it is below it.
                let cwd = std::env::current_dir().ok();
                let shown =
                    cwd.and_then(|cwd| candidate.strip_prefix(cwd).ok().map(Path::to_owned));
                return Some(shown.unwrap_or(candidate));
            }
        }
        directory = dir.parent();
    }
    None
}

/// The commented starter file that `presslint init` writes.
pub const STARTER: &str = include_str!("../schemas/presslint.starter.toml");

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new("cfg/presslint.toml"), text)
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_file_and_line() {
        let error = parse("pack = \"un-en\"\n\nignroe = [\"page\"]\n").unwrap_err();
        assert_eq!(error.path.as_deref(), Some(Path::new("cfg/presslint.toml")));
        assert_eq!(error.line, Some(3));
        assert_eq!(error.kind, crate::error::ErrorKind::Config);
        assert!(error.message.contains("ignroe"), "{error}");
        let error = parse("fail-on = \"fatal\"\n").unwrap_err();
        assert_eq!(error.line, Some(1));
        let error = parse("[per-file-ignores]\n\"a/[b\" = [\"page\"]\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.starts_with("bad glob `a/[b`"), "{error}");
    }

    #[test]
    fn selection_by_rule_and_group_and_per_file_ignores() {
        let config = parse(
            "select = [\"symbol\", \"disclaimer/missing\"]\nignore = [\"symbol/unknown-series\"]\n\
             [per-file-ignores]\n\"archive/**\" = [\"symbol\"]\n[severity]\n\"disclaimer/missing\" = \"warning\"\n",
        )
        .unwrap();
        let file = Path::new("cfg/new/a.txt");
        assert!(config.enabled("symbol/missing", file));
        assert!(config.enabled("disclaimer/missing", file));
        assert!(!config.enabled("disclaimer/malformed", file));
        assert!(!config.enabled("symbol/unknown-series", file));
        assert!(!config.enabled("symbol/missing", Path::new("cfg/archive/1997/b.txt")));
        assert!(!config.enabled("symbolic/x", file));
        let mut diagnostics = vec![
            Diagnostic::new(
                "disclaimer/missing",
                Severity::Error,
                "m",
                crate::Span::empty(0),
            ),
            Diagnostic::new(
                "page/site-noise",
                Severity::Info,
                "m",
                crate::Span::empty(0),
            ),
        ];
        config.apply(file, &mut diagnostics);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].severity, Severity::Warning);
    }

    #[test]
    fn the_starter_file_parses_and_matches_the_config_schema() {
        parse(STARTER).unwrap();
        let schema = crate::schema::compile("config", crate::schema::CONFIG_SCHEMA).unwrap();
        let as_json = |text: &str| toml::from_str::<serde_json::Value>(text).unwrap();
        assert!(schema.is_valid(&as_json(STARTER)));
        let full = "pack = \"un-fr\"\nselect = [\"symbol\"]\nextend-rules = [\"r\"]\n\
                    [severity]\n\"page/site-noise\" = \"warning\"\n[per-file-ignores]\n\"a/*\" = [\"page\"]\n";
        parse(full).unwrap();
        assert!(schema.is_valid(&as_json(full)));
        // The schema and the loader reject the same mistakes.
        for bad in [
            "ignroe = []\n",
            "fail-on = \"fatal\"\n",
            "select = [\"Symbol\"]\n",
        ] {
            assert!(!schema.is_valid(&as_json(bad)), "{bad}");
        }
        assert!(parse("ignroe = []\n").is_err());
        assert!(parse("fail-on = \"fatal\"\n").is_err());
    }

    #[test]
    fn a_pack_that_does_not_exist_is_an_error_at_the_pack_line() {
        let config = parse("# house\npack = \"no-such-pack\"\n").unwrap();
        let error = config.load_pack(None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cfg/presslint.toml:2: no rule pack `no-such-pack`: not an embedded pack (un-en, un-fr) and no directory `cfg/no-such-pack`"
        );
    }

    #[test]
    fn discovery_walks_up_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(dir.path().join(".presslint.toml"), "").unwrap();
        let found = discover(&nested.join("r.txt")).unwrap();
        assert_eq!(found.file_name().unwrap(), ".presslint.toml");
    }
}
