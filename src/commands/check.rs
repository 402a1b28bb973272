//! `presslint check`: collect the inputs, lint each (in parallel), render the report.
//!
//! The flow is kept as three steps, each a public function, so that `--fix`/`--diff` can
//! slot in between linting and rendering: [`inputs::collect`] -> [`lint_inputs`] ->
//! [`render::render`].

use std::io::{self, Write};

use rayon::prelude::*;

use super::{fixing, output_error, Outcome};
use crate::cli::CheckArgs;
use crate::diagnostic::{self, Severity};
use crate::error::Result;
use crate::inputs::{self, Input};
use crate::render::{self, FileResult, Format, RenderOptions};
use crate::Engine;

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    let engine = Engine::with_default_pack()?;
    let inputs = inputs::collect(&args.paths, &args.stdin_filename);
    if inputs.is_empty() {
        eprintln!("warning: no files to check (directories are searched for .txt and .json)");
    }
    if args.fix || args.diff {
        return fixing::run(args, &engine, &inputs);
    }
    let results = lint_inputs(&engine, &inputs);
    report(args, &engine, &results, ReportTo::Stdout)?;
    Ok(outcome(&results, args.fail_on.severity()))
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
    engine: &Engine,
    results: &[FileResult],
    to: ReportTo,
) -> Result<()> {
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
pub fn lint_inputs(engine: &Engine, inputs: &[Input]) -> Vec<FileResult> {
    inputs
        .par_iter()
        .map(|input| lint_input(engine, input))
        .collect()
}

/// Reads, decodes and lints one input. A file that cannot be read, decoded or parsed (JSON
/// that is not JSON) keeps its entry with an error and no diagnostics.
pub fn lint_input(engine: &Engine, input: &Input) -> FileResult {
    let source = match input.read() {
        Ok(source) => source,
        Err(error) => {
            return FileResult {
                input: input.clone(),
                source: None,
                diagnostics: Vec::new(),
                error: Some(error),
            };
        }
    };
    match engine.lint(&source) {
        Ok(mut diagnostics) => {
            diagnostic::sort(&mut diagnostics);
            FileResult {
                input: input.clone(),
                source: Some(source),
                diagnostics,
                error: None,
            }
        }
        Err(error) => FileResult {
            input: input.clone(),
            source: Some(source),
            diagnostics: Vec::new(),
            error: Some(error.message),
        },
    }
}

/// Exit status of a check run: a file that could not be checked wins over diagnostics.
pub fn outcome(results: &[FileResult], fail_on: Severity) -> Outcome {
    if results.iter().any(|r| r.error.is_some()) {
        return Outcome::Failed;
    }
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= fail_on);
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

    fn result(severities: &[Severity], error: Option<&str>) -> FileResult {
        FileResult {
            input: Input::stdin("-"),
            source: None,
            diagnostics: severities
                .iter()
                .map(|&s| Diagnostic::new("a/b", s, "m", Span::empty(0)))
                .collect(),
            error: error.map(str::to_owned),
        }
    }

    #[test]
    fn outcomes_follow_the_failing_severity_and_errors_win() {
        let warn = [result(&[Severity::Warning], None)];
        assert_eq!(outcome(&warn, Severity::Error), Outcome::Clean);
        assert_eq!(outcome(&warn, Severity::Warning), Outcome::Findings);
        assert_eq!(outcome(&warn, Severity::Info), Outcome::Findings);
        let failed = [
            result(&[Severity::Error], None),
            result(&[], Some("file is empty")),
        ];
        assert_eq!(outcome(&failed, Severity::Error), Outcome::Failed);
        assert_eq!(outcome(&[], Severity::Error), Outcome::Clean);
    }
}
