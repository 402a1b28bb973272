//! `presslint check --statistics`: the findings counted per rule in place of the report
//! (`presslint::render::statistics`), with the run's closing line in the formats people read.
//! With `--baseline`, only the findings it does not record are counted.

use std::io::{self, Write};

use super::baseline::Baselines;
use super::check::{lint_input, progress, Status};
use super::ordered::for_each_in_order;
use super::report_output::ReportOutput;
use super::{output_error, Outcome};
use crate::cli::CheckArgs;
use crate::workspace::Workspace;
use presslint::error::{Error, ErrorKind, Result};
use presslint::inputs::Input;
use presslint::render::statistics::Statistics;
use presslint::render::{OutputFormat, Summary};

pub fn run(
    args: &CheckArgs,
    workspace: &Workspace,
    inputs: &[Input],
    threads: usize,
) -> Result<Outcome> {
    let as_json = match args.format {
        OutputFormat::Human | OutputFormat::Concise => false,
        OutputFormat::Json => true,
        _ => {
            return Err(Error::of(
                ErrorKind::Usage,
                "--statistics is written as text (--format human or concise) or as JSON (--format json)",
            ))
        }
    };
    let engine = workspace.engine_here()?;
    let baselines = Baselines::from_args(args)?;
    let mut tracker = baselines.tracker();
    let threshold = args.fix_threshold();
    let progress = progress(args, inputs.len());
    let mut out = ReportOutput::open(args.reporting.output_file.as_deref())?;
    let mut err = io::stderr();
    let mut statistics = Statistics::default();
    let mut summary = Summary::default();
    let mut status = Status::default();
    let stdin_name = args.stdin_filename.as_str();
    for_each_in_order(
        inputs,
        threads,
        |input| {
            let mut checked = lint_input(workspace, input, stdin_name);
            let mark = baselines.apply(&mut checked.result);
            let result = &checked.result;
            let counts = Statistics::of(&result.diagnostics, threshold);
            let file_summary = Summary::of(std::slice::from_ref(result));
            let verdict = checked.verdict(args.fail_on);
            (counts, file_summary, result.error_line(), verdict, mark)
        },
        |(counts, file_summary, error_line, verdict, mark)| -> io::Result<()> {
            tracker.add(mark);
            statistics.add(counts);
            summary.add(&file_summary);
            status.add(verdict);
            progress.inc();
            match error_line {
                Some(line) => progress.suspend(|| writeln!(err, "error: {line}")),
                None => Ok(()),
            }
        },
    )
    .map_err(output_error)?;
    progress.finish();
    let written = if as_json {
        statistics.write_json(engine.pack(), &mut out)
    } else {
        statistics
            .write_text(engine.pack(), &mut out)
            .and_then(|()| {
                if args.reporting.quiet {
                    Ok(())
                } else {
                    writeln!(out, "{}", summary.line())
                }
            })
    };
    written.map_err(output_error)?;
    out.finish()?;
    // A baseline's counts go to stderr: the statistics are not the human report.
    tracker.finish(OutputFormat::Concise, status.outcome())
}
