//! `presslint check --watch`: check the paths, then check again whatever changes below them
//! until stopped (Ctrl-C). Changes are gathered by the notify crate's debouncer, so an editor's
//! save (often several writes and a rename) makes one new check. A changed release is checked
//! alone; a changed `.toml` (a configuration, a rule file of a pack or of `extend-rules`)
//! re-reads the configuration and checks everything again. Only files the check would pick
//! up count (the walk's extensions and `.gitignore`), and never the output file itself.
//! Opening or reading a file is no change. Before each new report the screen is cleared, when
//! stdout is a terminal; a round's error is printed and the watching goes on, so that fixing
//! a broken configuration is enough to go on.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::{self, EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult};

use super::check;
use super::{ordered, Outcome};
use crate::cli::CheckArgs;
use presslint::error::{Error, ErrorKind, Result};
use presslint::inputs::{self, Input};
use presslint::write::output::OutputFile;

/// How long the files must be quiet before a change is checked: an editor's save is over.
const DEBOUNCE: Duration = Duration::from_millis(150);

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    if args.paths.iter().any(|p| p == Path::new("-")) {
        return Err(Error::of(
            ErrorKind::Usage,
            "--watch watches files and directories, not stdin (`-`)",
        ));
    }
    // A report that can never be written is a mistake to fix now, not at every round.
    if let Some(path) = &args.reporting.output_file {
        drop(OutputFile::create(path)?);
    }
    let threads = ordered::threads(args.threads);
    ordered::configure_pool(threads);
    let (sender, changes) = mpsc::channel();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender).map_err(watch_error)?;
    for path in &args.paths {
        let cannot_watch =
            |why: String| Error::file(ErrorKind::Io, path, format!("cannot watch: {why}"));
        // A file's directory is what is watched: the file itself must be there.
        std::fs::metadata(path).map_err(|e| cannot_watch(presslint::error::io_message(&e)))?;
        let (watched, mode) = watched_path(path);
        debouncer
            .watch(&watched, mode)
            .map_err(|e| cannot_watch(message(&e)))?;
    }
    let mut workspace = check::workspace(args, threads)?;
    let mut round: Vec<Input> = inputs_to_check(args).collect();
    loop {
        if let Err(error) = check::check_inputs(args, &workspace, &round, threads) {
            eprintln!("error: {error}");
        }
        note(args, "Watching for changes (Ctrl-C stops).");
        let reload = loop {
            let (reload, next) = next_round(args, &changes)?;
            if reload {
                // `--config FILE` that no longer loads: say so, and wait for the next change.
                match check::workspace(args, threads) {
                    Ok(reloaded) => workspace = reloaded,
                    Err(error) => {
                        eprintln!("error: {error}");
                        continue;
                    }
                }
            }
            round = next;
            break reload;
        };
        clear_screen(args);
        if reload {
            note(
                args,
                "A configuration or rule file changed: checking everything again.",
            );
        } else {
            let names: Vec<&str> = round.iter().map(|i| i.name()).collect();
            note(args, &format!("Changed: {}", names.join(", ")));
        }
    }
}

/// The inputs of a round: what `check` would check, less the report of the previous round.
fn inputs_to_check(args: &CheckArgs) -> impl Iterator<Item = Input> {
    let output_file = args.reporting.output_file.as_deref().map(absolute);
    inputs::collect_as(
        &args.paths,
        &args.stdin_filename,
        args.input_format.map(|f| f.kind()),
    )
    .into_iter()
    .filter(move |input| input.path().map(absolute) != output_file)
}

/// Waits until something the check reads changes: whether the configuration must be read
/// again (then every input is checked), and the inputs to check.
fn next_round(
    args: &CheckArgs,
    changes: &mpsc::Receiver<DebounceEventResult>,
) -> Result<(bool, Vec<Input>)> {
    loop {
        let changed = next_changes(changes)?;
        let reload = changed.iter().any(|p| is_configuration(p));
        let all = inputs_to_check(args);
        if reload {
            return Ok((true, all.collect()));
        }
        let next: Vec<Input> = all
            .filter(|input| input.path().is_some_and(|p| changed.contains(&absolute(p))))
            .collect();
        if !next.is_empty() {
            return Ok((false, next));
        }
    }
}

/// What to watch for `path`: a directory and everything below it, or a file's directory
/// (an editor that saves by renaming a new file over the old one would end a watch on the
/// file itself).
fn watched_path(path: &Path) -> (PathBuf, RecursiveMode) {
    let path = absolute(path);
    if path.is_dir() {
        return (path, RecursiveMode::Recursive);
    }
    match path.parent() {
        Some(parent) => (parent.to_owned(), RecursiveMode::NonRecursive),
        None => (path, RecursiveMode::NonRecursive),
    }
}

/// Waits for the next batch of changes: the paths written, created, removed or renamed
/// (reading a file, which the watcher also reports, is no change).
fn next_changes(changes: &mpsc::Receiver<DebounceEventResult>) -> Result<HashSet<PathBuf>> {
    loop {
        let batch = changes
            .recv()
            .map_err(|_| Error::of(ErrorKind::Io, "--watch: the file watcher stopped"))?;
        let events = match batch {
            Ok(events) => events,
            Err(errors) => {
                for error in errors {
                    eprintln!("warning: --watch: {}", message(&error));
                }
                continue;
            }
        };
        let paths: HashSet<PathBuf> = events
            .iter()
            .filter(|event| !matches!(event.kind, EventKind::Access(_)))
            .flat_map(|event| event.paths.iter().map(|p| absolute(p)))
            .collect();
        if !paths.is_empty() {
            return Ok(paths);
        }
    }
}

/// A configuration or rule file: the engines must be built again.
fn is_configuration(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Clears the terminal before a new report, only when the report goes to a terminal.
fn clear_screen(args: &CheckArgs) {
    let terminal = console::Term::stdout();
    if args.reporting.output_file.is_none() && terminal.is_term() {
        let _ = terminal.clear_screen();
    }
}

/// A line on stderr about the watching itself (none with `--quiet`).
fn note(args: &CheckArgs, line: &str) {
    if !args.reporting.quiet {
        eprintln!("{line}");
    }
}

fn watch_error(error: notify::Error) -> Error {
    Error::of(
        ErrorKind::Io,
        format!("--watch: cannot watch files: {}", message(&error)),
    )
}

/// A watcher's error in presslint's words (`no such file`, as for any I/O error).
fn message(error: &notify::Error) -> String {
    match &error.kind {
        notify::ErrorKind::PathNotFound => "no such file".to_owned(),
        notify::ErrorKind::Io(io) => presslint::error::io_message(io),
        _ => presslint::error::one_line(&error.to_string()),
    }
}
