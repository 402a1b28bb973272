//! `presslint check`: collect the inputs, lint each (in parallel), render the report.
//!
//! The flow is kept as three steps, each a public function, so that `--fix`/`--diff` can
//! slot in between linting and rendering: [`inputs::collect`] -> [`lint_inputs`] ->
//! [`render::render`].

use std::io::{self, Write};

use rayon::prelude::*;

use super::{fixing, output_error, Outcome};
use std::sync::Arc;

use crate::cli::{CheckArgs, FailOn};
use crate::diagnostic::{self, Severity};
use crate::error::Result;
use crate::inputs::{self, Input};
use crate::render::{self, FileResult, Format, RenderOptions};
use crate::workspace::Workspace;
use crate::Engine;

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    let workspace = args.settings.workspace()?;
    let inputs = inputs::collect(&args.paths, &args.stdin_filename);
    if inputs.is_empty() {
        eprintln!("warning: no files to check (directories are searched for .txt and .json)");
    }
    if args.fix || args.diff {
        return fixing::run(args, &workspace, &inputs);
    }
    let checked = lint_inputs(&workspace, &inputs, &args.stdin_filename);
    let results: Vec<FileResult> = checked.iter().map(|c| c.result.clone()).collect();
    report(args, &workspace, &results, ReportTo::Stdout)?;
    Ok(outcome(&checked, args.fail_on))
}

/// One input after linting: its result, and the engine (pack + configuration) that
/// governs it, when its configuration loaded.
#[derive(Clone)]
pub struct Checked {
    pub result: FileResult,
    pub engine: Option<Arc<Engine>>,
}

impl Checked {
    /// The severity that fails the run for this file: `--fail-on`, else its configuration's
    /// `fail-on`, else `error`.
    pub fn fail_on(&self, flag: Option<FailOn>) -> Severity {
        flag.map(FailOn::severity)
            .or_else(|| self.engine.as_ref().and_then(|e| e.config().fail_on))
            .unwrap_or(Severity::Error)
    }
}

/// Where the report goes: stdout, or stderr when stdout carries fixed text or diffs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportTo {
    Stdout,
    Stderr,
}

/// Renders the report of `results` in the format the arguments ask for.
pub fn report(
    args: &CheckArgs,
    workspace: &Workspace,
    results: &[FileResult],
    to: ReportTo,
) -> Result<()> {
    // The report names the rules of the pack that governs the working directory (SARIF).
    let engine = workspace.engine_here()?;
    let options = RenderOptions {
        format: args.format,
        color: args.format == Format::Human && to == ReportTo::Stdout && args.color.enabled(),
    };
    let stderr = io::stderr();
    let mut err = stderr.lock();
    match to {
        ReportTo::Stdout => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            render::render(results, engine.pack(), &options, &mut out, &mut err)
                .and_then(|()| out.flush())
                .map_err(output_error)
        }
        ReportTo::Stderr => {
            let mut report = Vec::new();
            render::render(results, engine.pack(), &options, &mut report, &mut err)
                .and_then(|()| err.write_all(&report))
                .map_err(output_error)
        }
    }
}

/// Lints every input in parallel; the results keep the inputs' order.
pub fn lint_inputs(workspace: &Workspace, inputs: &[Input], stdin_name: &str) -> Vec<Checked> {
    inputs
        .par_iter()
        .map(|input| lint_input(workspace, input, stdin_name))
        .collect()
}

/// Reads, decodes and lints one input with the engine its configuration selects. A file
/// that cannot be read, decoded or parsed (JSON that is not JSON), or whose configuration is
/// broken, keeps its entry with an error and no diagnostics.
pub fn lint_input(workspace: &Workspace, input: &Input, stdin_name: &str) -> Checked {
    let failed = |source, error: String| FileResult {
        input: input.clone(),
        source,
        diagnostics: Vec::new(),
        error: Some(error),
    };
    let engine = match workspace.engine_for(input.path(), stdin_name) {
        Ok(engine) => engine,
        Err(error) => {
            return Checked {
                result: failed(None, error.to_string()),
                engine: None,
            }
        }
    };
    let source = match input.read() {
        Ok(source) => source,
        Err(error) => {
            return Checked {
                result: failed(None, error),
                engine: Some(engine),
            }
        }
    };
    let result = match engine.lint(&source) {
        Ok(mut diagnostics) => {
            diagnostic::sort(&mut diagnostics);
            FileResult {
                input: input.clone(),
                source: Some(source),
                diagnostics,
                error: None,
            }
        }
        Err(error) => failed(Some(source), error.message),
    };
    Checked {
        result,
        engine: Some(engine),
    }
}

/// Exit status of a check run: a file that could not be checked wins over diagnostics.
pub fn outcome(checked: &[Checked], fail_on: Option<FailOn>) -> Outcome {
    if checked.iter().any(|c| c.result.error.is_some()) {
        return Outcome::Failed;
    }
    let failing = checked.iter().any(|c| {
        let threshold = c.fail_on(fail_on);
        c.result.diagnostics.iter().any(|d| d.severity >= threshold)
    });
    if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::Diagnostic;

    fn checked(
        severities: &[Severity],
        error: Option<&str>,
        engine: Option<Arc<Engine>>,
    ) -> Checked {
        let result = FileResult {
            input: Input::stdin("-"),
            source: None,
            diagnostics: severities
                .iter()
                .map(|&s| Diagnostic::new("a/b", s, "m", Span::empty(0)))
                .collect(),
            error: error.map(str::to_owned),
        };
        Checked { result, engine }
    }

    #[test]
    fn outcomes_follow_the_failing_severity_and_errors_win() {
        let warn = [checked(&[Severity::Warning], None, None)];
        assert_eq!(outcome(&warn, None), Outcome::Clean);
        assert_eq!(outcome(&warn, Some(FailOn::Warning)), Outcome::Findings);
        assert_eq!(outcome(&warn, Some(FailOn::Info)), Outcome::Findings);
        let failed = [
            checked(&[Severity::Error], None, None),
            checked(&[], Some("file is empty"), None),
        ];
        assert_eq!(outcome(&failed, None), Outcome::Failed);
        assert_eq!(outcome(&[], None), Outcome::Clean);
    }

    #[test]
    fn a_configuration_fail_on_applies_unless_the_flag_overrides_it() {
        let dir = std::env::temp_dir();
        let config =
            crate::config::Config::parse(&dir.join("presslint.toml"), "fail-on = \"warning\"\n")
                .unwrap();
        let pack = crate::rules::Pack::embedded("un-en").unwrap();
        let engine = Arc::new(Engine::configured(pack, config).unwrap());
        let warn = [checked(&[Severity::Warning], None, Some(engine))];
        assert_eq!(outcome(&warn, None), Outcome::Findings);
        assert_eq!(outcome(&warn, Some(FailOn::Error)), Outcome::Clean);
    }
}
