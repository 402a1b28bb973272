//! `presslint check --fix` and `--diff`: fix each file to a fixpoint, then write it
//! atomically, print it (stdin), or print the diff of what would be written.

use std::io::{self, Write};

use super::check::{lint_input, render_options, Checked, ReportTo, Status, Verdict};
use super::ordered::for_each_in_order;
use super::progress::Progress;
use super::{output_error, Outcome};
use crate::cli::CheckArgs;
use crate::workspace::Workspace;
use presslint::engine::{fix_until_stable_from, FixOutcome};
use presslint::error::{Error, Result};
use presslint::fix::Applicability;
use presslint::inputs::Input;
use presslint::render::diff::unified_diff;
use presslint::render::stream::{FileRenderer, RenderedFile, ReportWriter};
use presslint::render::{FileResult, OutputFormat, Summary};

/// One file after fixing: its result (diagnostics of the fixed text) and what changed.
pub struct Fixed {
    pub checked: Checked,
    /// The text as read (`None` when the file could not be read).
    pub original: Option<String>,
    /// How many problems the applied fixes solved.
    pub fixed: usize,
}

impl Fixed {
    /// The fixed text, when it differs from the original.
    pub fn changed_text(&self) -> Option<&str> {
        let new = self.checked.result.source.as_ref()?.text.as_str();
        (Some(new) != self.original.as_deref()).then_some(new)
    }
}

/// Fixes (or diffs) every input in order on `threads` threads, streaming each file's
/// output, then prints the line that counts what was fixed.
pub fn run(
    args: &CheckArgs,
    workspace: &Workspace,
    inputs: &[Input],
    threads: usize,
) -> Result<Outcome> {
    if args.fix {
        refuse_broken_configuration(workspace, inputs, &args.stdin_filename)?;
    }
    let threshold = args.fix_threshold();
    let stdin_name = args.stdin_filename.as_str();
    // Fixing stdin prints the fixed text on stdout, so the report goes to stderr.
    let stdin_fix = args.fix && inputs.iter().any(|i| i.path().is_none());
    let to = if stdin_fix {
        ReportTo::Stderr
    } else {
        ReportTo::Stdout
    };
    let engine = workspace.engine_here()?;
    let options = render_options(args, to);
    // `--diff` shows diffs, not a report: only its counts and errors are kept.
    let renderer = (!args.diff).then(|| FileRenderer::new(options, engine.pack()));
    let progress = Progress::new(inputs.len(), args.format);
    let stdout = io::stdout();
    let mut outputs = Outputs {
        out: io::BufWriter::new(stdout.lock()),
        report_buffer: Vec::new(),
        err: io::stderr(),
        to,
    };
    let lint_example = |text: &str| engine.lint_example(text);
    let mut writer = renderer
        .as_ref()
        .map(|_| ReportWriter::begin(options, engine.pack(), outputs.report()))
        .transpose()
        .map_err(output_error)?
        .map(|writer| writer.linting_examples_with(&lint_example));
    let mut totals = Totals::default();
    for_each_in_order(
        inputs,
        threads,
        |input| {
            fix_and_render(
                args,
                workspace,
                input,
                stdin_name,
                threshold,
                renderer.as_ref(),
            )
        },
        |file: FileDone| -> io::Result<()> {
            progress.inc();
            totals.add(&file, args.diff);
            progress.suspend(|| outputs.write(file, writer.as_mut()))
        },
    )
    .map_err(output_error)?;
    progress.finish();
    if let Some(writer) = writer {
        writer.finish(outputs.report()).map_err(output_error)?;
    }
    outputs.close().map_err(output_error)?;
    print_fixed_line(args, to, &totals);
    Ok(totals.outcome(args.diff))
}

/// Where a fixing run writes: stdout (fixed stdin text, diffs, or the report), and the
/// report buffered for stderr when stdout carries the fixed text.
struct Outputs<'a> {
    out: io::BufWriter<io::StdoutLock<'a>>,
    report_buffer: Vec<u8>,
    err: io::Stderr,
    to: ReportTo,
}

impl Outputs<'_> {
    /// Where the report goes.
    fn report(&mut self) -> &mut dyn Write {
        match self.to {
            ReportTo::Stdout => &mut self.out,
            ReportTo::Stderr => &mut self.report_buffer,
        }
    }

    /// One file's output: its stdout part, then its report part (or, without a report, its
    /// error line on stderr).
    fn write(&mut self, file: FileDone, writer: Option<&mut ReportWriter<'_>>) -> io::Result<()> {
        self.out.write_all(&file.stdout)?;
        match (writer, file.report) {
            (Some(writer), Some(report)) => {
                let out: &mut dyn Write = match self.to {
                    ReportTo::Stdout => &mut self.out,
                    ReportTo::Stderr => &mut self.report_buffer,
                };
                writer.write(report, out, &mut self.err)
            }
            _ => match &file.error_line {
                Some(line) => writeln!(self.err, "error: {line}"),
                None => Ok(()),
            },
        }
    }

    /// Flushes stdout, then writes the buffered report to stderr.
    fn close(self) -> io::Result<()> {
        let Self {
            mut out,
            report_buffer,
            mut err,
            ..
        } = self;
        out.flush()?;
        drop(out);
        err.write_all(&report_buffer)
    }
}

/// What the files of a fixing run add up to.
#[derive(Default)]
struct Totals {
    status: Status,
    summary: Summary,
    fixed: usize,
    /// With `--diff`: some file would change.
    would_change: bool,
}

impl Totals {
    fn add(&mut self, file: &FileDone, diff: bool) {
        self.status.add(file.verdict);
        self.summary.add(&file.summary);
        self.fixed += file.fixed;
        self.would_change |= diff && !file.stdout.is_empty();
    }

    /// `--diff` exits 1 when a file would change; `--fix` as `check` would on what is left.
    fn outcome(&self, diff: bool) -> Outcome {
        match self.status.outcome() {
            Outcome::Failed => Outcome::Failed,
            _ if diff && self.would_change => Outcome::Findings,
            _ if diff => Outcome::Clean,
            other => other,
        }
    }
}

/// The closing line that counts what was (or would be) fixed.
fn print_fixed_line(args: &CheckArgs, to: ReportTo, totals: &Totals) {
    if args.diff {
        eprintln!("{}", totals.summary.would_fix_line(totals.fixed));
        return;
    }
    let line = totals.summary.fixed_line(totals.fixed, args.unsafe_fixes);
    // People read the line under the report; machine formats keep stdout parseable.
    let for_people = matches!(args.format, OutputFormat::Human | OutputFormat::Concise);
    if to == ReportTo::Stdout && for_people {
        println!("{line}");
    } else {
        eprintln!("{line}");
    }
}

/// A broken configuration (or pack) never lets a run touch files: before anything is
/// written, every configuration the inputs and the working directory use must load.
fn refuse_broken_configuration(
    workspace: &Workspace,
    inputs: &[Input],
    stdin_name: &str,
) -> Result<()> {
    let broken = std::iter::once(workspace.engine_here())
        .chain(
            inputs
                .iter()
                .map(|i| workspace.engine_for(i.path(), stdin_name)),
        )
        .find_map(std::result::Result::err);
    match broken {
        Some(error) => Err(Error {
            message: format!("{}; no file was fixed", error.message),
            ..error
        }),
        None => Ok(()),
    }
}

/// One input done: what goes to stdout (its diff, or stdin's fixed text), its part of the
/// report, and its counts.
struct FileDone {
    stdout: Vec<u8>,
    report: Option<RenderedFile>,
    error_line: Option<String>,
    summary: Summary,
    verdict: Verdict,
    fixed: usize,
}

/// Fixes one input, writes it (or its diff, or stdin's text) and renders its report part.
fn fix_and_render(
    args: &CheckArgs,
    workspace: &Workspace,
    input: &Input,
    stdin_name: &str,
    threshold: Applicability,
    renderer: Option<&FileRenderer>,
) -> FileDone {
    let mut file = fix_input(workspace, input, stdin_name, threshold);
    let mut stdout = Vec::new();
    if args.diff {
        if let (Some(new), Some(old)) = (file.changed_text(), &file.original) {
            stdout = unified_diff(&input.name, old, new).into_bytes();
        }
    } else if let Some(path) = input.path() {
        if let (Some(new), Some(old)) = (file.changed_text(), &file.original) {
            if let Err(error) = presslint::write::replace_file(path, old.as_bytes(), new) {
                // Nothing was written: report the original's diagnostics with the error.
                let mut unfixed = lint_input(workspace, input, stdin_name);
                unfixed.result.error = Some(error.message);
                file.checked = unfixed;
                file.fixed = 0;
            }
        }
    } else {
        // stdin: the fixed (or untouched) text goes to stdout, for format-on-save.
        let fixed = file.checked.result.source.as_ref().map(|s| s.text.as_str());
        stdout = fixed
            .or(file.original.as_deref())
            .unwrap_or("")
            .as_bytes()
            .to_vec();
    }
    let result = &file.checked.result;
    FileDone {
        stdout,
        report: renderer.map(|r| r.render(result)),
        error_line: result.error_line(),
        summary: Summary::of(std::slice::from_ref(result)),
        verdict: file.checked.verdict(args.fail_on),
        fixed: file.fixed,
    }
}

/// Reads one input and fixes it in memory. A file whose fixes do not settle keeps its
/// original text and gets an error naming the rules involved.
fn fix_input(
    workspace: &Workspace,
    input: &Input,
    stdin_name: &str,
    threshold: Applicability,
) -> Fixed {
    let mut read = lint_input(workspace, input, stdin_name);
    let engine = read.engine.clone();
    // The source moves out of the first lint's result: a large release is not copied.
    let (Some(engine), Some(source), None) =
        (engine, read.result.source.take(), &read.result.error)
    else {
        return Fixed {
            checked: read,
            original: None,
            fixed: 0,
        };
    };
    let first = std::mem::take(&mut read.result.diagnostics);
    let base = read.result;
    let (result, original, fixed) = match fix_until_stable_from(&engine, &source, first, threshold)
    {
        Ok(outcome) if outcome.settled => settled(base, source, outcome),
        Ok(outcome) => unsettled(base, source, outcome),
        Err(error) => {
            let result = FileResult {
                source: Some(source),
                error: Some(error.message),
                ..base
            };
            (result, None, 0)
        }
    };
    Fixed {
        checked: Checked {
            result,
            engine: Some(engine),
        },
        original,
        fixed,
    }
}

/// Fixes that settled: the result is the fixed text's, and the original is kept to write
/// against (the file must still hold it).
fn settled(
    base: FileResult,
    source: presslint::SourceFile,
    outcome: FixOutcome,
) -> (FileResult, Option<String>, usize) {
    let fixed = outcome.fixed.len();
    let result = FileResult {
        source: Some(presslint::SourceFile::new(
            source.name.clone(),
            outcome.text,
            source.kind,
        )),
        diagnostics: outcome.remaining,
        ..base
    };
    (result, Some(source.into_text()), fixed)
}

/// Fixes that keep changing the text: nothing is written, and the file says which rules.
fn unsettled(
    base: FileResult,
    source: presslint::SourceFile,
    outcome: FixOutcome,
) -> (FileResult, Option<String>, usize) {
    let error = format!(
        "fixes do not settle: they keep changing the text (rules: {}); nothing written",
        outcome.unsettled_rules.join(", ")
    );
    let result = FileResult {
        source: Some(source.clone()),
        diagnostics: outcome.remaining,
        error: Some(error),
        ..base
    };
    (result, Some(source.into_text()), 0)
}
