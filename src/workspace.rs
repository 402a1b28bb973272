//! The settings of one run: which configuration governs each checked file (discovered by
//! walking up from it, or given by `--config`, or none with `--no-config`), and one engine
//! per configuration, compiled once and shared by every file it governs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use presslint::config::{self, Config};
use presslint::error::{Error, Result};
use presslint::selection::RuleSelection;
use presslint::trust::Trust;
use presslint::Engine;

/// How configuration files are found.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// The nearest `presslint.toml` / `.presslint.toml` above each file.
    Discover,
    /// One file for every input (`--config FILE`).
    File(PathBuf),
    /// Built-in defaults only (`--no-config`).
    None,
}

/// Engines by the configuration file that made them (`None`: no file).
type EngineCache = HashMap<Option<PathBuf>, std::result::Result<Arc<Engine>, Error>>;

pub struct Workspace {
    source: ConfigSource,
    /// `--pack`: overrides the configuration's pack.
    pack: Option<String>,
    engines: Mutex<EngineCache>,
    /// The configuration that governs each directory's files, found once per directory.
    discovered: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Compile each new engine's regexes on another core ([`Engine::prewarm`]).
    prewarm: bool,
    /// The command line's rule selection, layered over every configuration's.
    selection: RuleSelection,
}

impl Workspace {
    pub fn new(source: ConfigSource, pack: Option<String>) -> Self {
        Self {
            source,
            pack,
            engines: Mutex::new(HashMap::new()),
            discovered: Mutex::new(HashMap::new()),
            prewarm: false,
            selection: RuleSelection::default(),
        }
    }

    /// Layers the command line's `--select`, `--extend-select` and `--ignore` over every
    /// configuration; they are checked against each engine's pack when it is built.
    pub fn selecting(mut self, selection: RuleSelection) -> Self {
        self.selection = selection;
        self
    }

    /// Whether each engine, once built, compiles its regexes on another thread while the
    /// first file is read and parsed (worth it when the run has more than one core).
    pub fn prewarming(mut self, prewarm: bool) -> Self {
        self.prewarm = prewarm;
        self
    }

    /// `config::discover` for `file`, remembered per directory: every file of a directory
    /// has the same configuration, and an archive has thousands of files per directory.
    fn discover(&self, file: &Path) -> Option<PathBuf> {
        let Some(directory) = file.parent() else {
            return config::discover(file);
        };
        let mut known = self
            .discovered
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        known
            .entry(directory.to_path_buf())
            .or_insert_with(|| config::discover(file))
            .clone()
    }

    /// The engine for a file at `path` (`None`: stdin, resolved from the working directory
    /// with `stdin_name`). A broken configuration or pack is an error for the files it governs.
    pub fn engine_for(&self, path: Option<&Path>, stdin_name: &str) -> Result<Arc<Engine>> {
        let (config_path, trust) = match &self.source {
            ConfigSource::None => (None, Trust::Given),
            ConfigSource::File(file) => (Some(file.clone()), Trust::Given),
            ConfigSource::Discover => match path {
                Some(path) => (self.discover(path), Trust::Discovered),
                None => (
                    config::discover(&Path::new(".").join(stdin_name)),
                    Trust::Discovered,
                ),
            },
        };
        let mut engines = self.engines.lock().unwrap_or_else(PoisonError::into_inner);
        engines
            .entry(config_path.clone())
            .or_insert_with(|| {
                let engine = self.build(config_path.as_deref(), trust).map(Arc::new)?;
                if self.prewarm {
                    let warming = Arc::clone(&engine);
                    // Best effort: if no thread can be started, regexes compile on first use.
                    let _ = std::thread::Builder::new()
                        .name("prewarm".into())
                        .spawn(move || warming.prewarm());
                }
                Ok(engine)
            })
            .clone()
    }

    /// The engine for the working directory: what `rules` and `explain` describe.
    pub fn engine_here(&self) -> Result<Arc<Engine>> {
        self.engine_for(Some(Path::new("./presslint")), "-")
    }

    /// A discovered configuration (and the packs it names) must pass the owner check of
    /// [`presslint::trust`]; one given with `--config` is trusted.
    fn build(&self, config_path: Option<&Path>, trust: Trust) -> Result<Engine> {
        let mut config = match config_path {
            Some(path) => Config::load_with(path, trust)?,
            None => Config::default(),
        };
        let packs = config.pack_choice(self.pack.as_deref())?;
        self.selection.check_against(&packs)?;
        config.command_line = self.selection.clone();
        Ok(Engine::choosing(packs, config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_engine_per_configuration_and_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let strict = dir.path().join("strict");
        let broken = dir.path().join("broken");
        std::fs::create_dir_all(&strict).unwrap();
        std::fs::create_dir_all(&broken).unwrap();
        std::fs::write(strict.join("presslint.toml"), "ignore = [\"page\"]\n").unwrap();
        std::fs::write(
            broken.join("presslint.toml"),
            "pack = \"un-en\"\nignore = [\"nonsense/rule\"]\n",
        )
        .unwrap();
        let workspace = Workspace::new(ConfigSource::Discover, None);
        let a = workspace
            .engine_for(Some(&strict.join("a.txt")), "-")
            .unwrap();
        let b = workspace
            .engine_for(Some(&strict.join("b.txt")), "-")
            .unwrap();
        assert!(Arc::ptr_eq(&a, &b), "compiled once per configuration");
        assert_eq!(a.config().ignore, ["page"]);
        let error = workspace
            .engine_for(Some(&broken.join("c.txt")), "-")
            .err()
            .unwrap();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("nonsense/rule"), "{error}");
        let none = Workspace::new(ConfigSource::None, Some("un-fr".into()));
        assert_eq!(
            none.engine_for(Some(&strict.join("a.txt")), "-")
                .unwrap()
                .pack()
                .name,
            "un-fr"
        );
    }
}
