//! `presslint check --fix` and `--diff`: fix each file to a fixpoint, then write it
//! atomically, print it (stdin), or print the diff of what would be written.

use std::io::{self, Write};

use super::check::{
    lint_input, progress, render_options, report_writer, Checked, ReportTo, Status, Verdict,
};
use super::ordered::for_each_in_order;
use super::report_output::{for_people, ReportOutput};
use super::{output_error, Outcome};
use crate::cli::CheckArgs;
use crate::workspace::Workspace;
use presslint::engine::{fix_until_stable_from, FixOutcome};
use presslint::error::{Error, Result};
use presslint::fix::Applicability;
use presslint::inputs::Input;
use presslint::render::diff::unified_diff;
use presslint::render::fix_list::{FileFixes, FixList, FixListKind};
use presslint::render::stream::{FileRenderer, RenderedFile, ReportWriter};
use presslint::render::{FileResult, Summary};

/// One file after fixing: its result (diagnostics of the fixed text) and what changed.
pub struct Fixed {
    pub checked: Checked,
    /// The text as read (`None` when the file could not be read).
    pub original: Option<String>,
    /// The rules of the problems the applied fixes solved, one entry per problem.
    pub fixed: Vec<String>,
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
    // Fixing stdin prints the fixed text on stdout, so the report goes to stderr (or to the
    // output file).
    let stdin_fix = args.fix && inputs.iter().any(|i| i.path().is_none());
    let to = match (&args.reporting.output_file, stdin_fix) {
        (Some(_), _) => ReportTo::File,
        (None, true) => ReportTo::Stderr,
        (None, false) => ReportTo::Stdout,
    };
    let engine = workspace.engine_here()?;
    let options = render_options(args, to);
    // `--diff` shows diffs, not a report: only its counts and errors are kept.
    let renderer = (!args.diff).then(|| FileRenderer::new(options, engine.pack()));
    let progress = progress(args, inputs.len());
    let mut outputs = Outputs {
        out: io::BufWriter::new(io::stdout().lock()),
        report: match &args.reporting.output_file {
            Some(path) => Report::File(ReportOutput::open(Some(path))?),
            None if to == ReportTo::Stderr => Report::Buffer(Vec::new()),
            None => Report::Stdout,
        },
        err: io::stderr(),
    };
    let lint_example =
        |pack: &presslint::rules::Pack,
         partner: Option<&presslint::rules::ExamplePartner>,
         text: &str| { engine.lint_example(pack, partner, text) };
    let mut writer = renderer
        .as_ref()
        .map(|_| report_writer(args, options, &engine, outputs.report()))
        .transpose()?
        .map(|writer| writer.linting_examples_with(&lint_example));
    let mut totals = Totals::default();
    let kind = if args.diff {
        FixListKind::WouldApply
    } else {
        FixListKind::Applied
    };
    let mut fixes = FixList::new(kind);
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
        |mut file: FileDone| -> io::Result<()> {
            progress.inc();
            totals.add(&file, args.diff);
            fixes.add(file.fix_list.take().unwrap_or_default());
            progress.suspend(|| outputs.write(file, writer.as_mut()))
        },
    )
    .map_err(output_error)?;
    progress.finish();
    if args.reporting.show_fixes {
        fixes
            .write(outputs.closing(args, to))
            .map_err(output_error)?;
    }
    if let Some(writer) = writer {
        writer.finish(outputs.report()).map_err(output_error)?;
    }
    if !args.reporting.quiet {
        let line = fixed_line(args, &totals);
        writeln!(outputs.closing(args, to), "{line}").map_err(output_error)?;
    }
    outputs.close()?;
    Ok(totals.outcome(args.diff))
}

/// Where a fixing run writes: stdout (fixed stdin text, diffs, or the report), and the
/// report: on stdout, buffered for stderr when stdout carries the fixed text, or in the
/// output file.
struct Outputs {
    out: io::BufWriter<io::StdoutLock<'static>>,
    report: Report,
    err: io::Stderr,
}

/// Where a fixing run's report goes.
enum Report {
    Stdout,
    Buffer(Vec<u8>),
    File(ReportOutput),
}

impl Outputs {
    /// Where a note that closes the run (the fix list, the count of fixes) goes: after the
    /// report where people read it, or where the report waits for stderr; else straight to
    /// stderr, so that stdout stays one document (and `--diff` keeps stdout for diffs).
    fn closing(&mut self, args: &CheckArgs, to: ReportTo) -> &mut dyn Write {
        if !args.diff && (to == ReportTo::Stderr || for_people(args.format)) {
            self.report()
        } else {
            &mut self.err
        }
    }

    /// Where the report goes.
    fn report(&mut self) -> &mut dyn Write {
        match &mut self.report {
            Report::Stdout => &mut self.out,
            Report::Buffer(buffer) => buffer,
            Report::File(file) => file,
        }
    }

    /// One file's output: its stdout part, then its report part (or, without a report, its
    /// error line on stderr).
    fn write(&mut self, file: FileDone, writer: Option<&mut ReportWriter<'_>>) -> io::Result<()> {
        self.out.write_all(&file.stdout)?;
        match (writer, file.report) {
            (Some(writer), Some(report)) => {
                let out: &mut dyn Write = match &mut self.report {
                    Report::Stdout => &mut self.out,
                    Report::Buffer(buffer) => buffer,
                    Report::File(file) => file,
                };
                writer.write(report, out, &mut self.err)
            }
            _ => match &file.error_line {
                Some(line) => writeln!(self.err, "error: {line}"),
                None => Ok(()),
            },
        }
    }

    /// Flushes stdout, then writes the buffered report to stderr, or renames the output
    /// file into place.
    fn close(self) -> Result<()> {
        let Self {
            mut out,
            report,
            mut err,
        } = self;
        out.flush().map_err(output_error)?;
        drop(out);
        match report {
            Report::Stdout => Ok(()),
            Report::Buffer(buffer) => err.write_all(&buffer).map_err(output_error),
            Report::File(file) => file.finish(),
        }
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
fn fixed_line(args: &CheckArgs, totals: &Totals) -> String {
    if args.diff {
        totals.summary.would_fix_line(totals.fixed)
    } else {
        totals.summary.fixed_line(totals.fixed, args.unsafe_fixes)
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
    /// With `--show-fixes`: this file's fixes by rule.
    fix_list: Option<FileFixes>,
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
            stdout = unified_diff(input.name(), old, new).into_bytes();
        }
    } else if let Some(path) = input.path() {
        if let (Some(new), Some(old)) = (file.changed_text(), &file.original) {
            if let Err(error) = presslint::write::replace_file(path, old.as_bytes(), new) {
                // Nothing was written: report the original's diagnostics with the error.
                let mut unfixed = lint_input(workspace, input, stdin_name);
                unfixed.result.error = Some(error.message);
                file.checked = unfixed;
                file.fixed.clear();
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
        fixed: file.fixed.len(),
        fix_list: args
            .reporting
            .show_fixes
            .then(|| FileFixes::applied(input.name(), file.fixed.iter().map(String::as_str))),
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
            fixed: Vec::new(),
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
            (result, None, Vec::new())
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
) -> (FileResult, Option<String>, Vec<String>) {
    let fixed = outcome.fixed.into_iter().map(|d| d.rule).collect();
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
) -> (FileResult, Option<String>, Vec<String>) {
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
    (result, Some(source.into_text()), Vec::new())
}
