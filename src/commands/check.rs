//! `presslint check`: collect the inputs, lint each on the thread pool, stream the report.
//!
//! The flow: [`inputs::collect`] -> [`lint_input`] (on any thread) -> render that file's part
//! ([`FileRenderer`]) -> write the parts in input order ([`ReportWriter`]). No file's text or
//! findings outlive its part of the report. `--fix`/`--diff` slot in between linting and
//! rendering ([`super::fixing`]).

use std::io;
use std::sync::Arc;

use super::baseline::Baselines;
use super::editions::{Edition, Editions};
use super::ordered::{self, for_each_index_in_order};
use super::progress::Progress;
use super::report_output::{for_people, ReportOutput};
use super::{fixing, output_error, statistics, watch, Outcome};
use crate::cli::{CheckArgs, ColorChoice, FailOn};
use crate::workspace::Workspace;
use presslint::checks::pair::{facts::EditionKey, Pairing};
use presslint::diagnostic::Severity;
use presslint::error::Result;
use presslint::inputs::{self, Input};
use presslint::render::fix_list::{FileFixes, FixList, FixListKind};
use presslint::render::stream::{FileRenderer, ReportWriter};
use presslint::render::{FileResult, OutputFormat, RenderOptions};
use presslint::Engine;

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    if args.reporting.watch {
        return watch::run(args);
    }
    let threads = ordered::threads(args.threads);
    ordered::configure_pool(threads);
    let workspace = workspace(args, threads)?;
    let inputs = inputs::collect_as(
        &args.paths,
        &args.stdin_filename,
        args.input_format.map(|f| f.kind()),
    );
    if inputs.is_empty() && !args.reporting.quiet {
        eprintln!("warning: no files to check (directories are searched for .txt and .json)");
    }
    let outcome = check_inputs(args, &workspace, &inputs, threads)?;
    Ok(exit_outcome(args, outcome))
}

/// The run's settings: the configuration, `--pack`, and the command line's rule selection.
pub fn workspace(args: &CheckArgs, threads: usize) -> Result<Workspace> {
    Ok(args
        .settings
        .workspace()?
        .prewarming(threads > 1)
        .selecting(args.selection.rule_selection()))
}

/// `--exit-zero` turns findings into success; a failed run stays failed.
pub fn exit_outcome(args: &CheckArgs, outcome: Outcome) -> Outcome {
    match outcome {
        Outcome::Findings if args.reporting.exit_zero => Outcome::Clean,
        other => other,
    }
}

/// Checks `inputs` and writes their report: the findings, their statistics, or (with
/// `--fix`/`--diff`) the fixes.
pub fn check_inputs(
    args: &CheckArgs,
    workspace: &Workspace,
    inputs: &[Input],
    threads: usize,
) -> Result<Outcome> {
    if args.fix || args.diff {
        return fixing::run(args, workspace, inputs, threads);
    }
    if args.reporting.statistics {
        return statistics::run(args, workspace, inputs, threads);
    }
    // The report names the rules of the pack that governs the working directory (SARIF).
    let engine = workspace.engine_here()?;
    let baselines = Baselines::from_args(args)?;
    let mut tracker = baselines.tracker();
    let options = render_options(args, report_to(args));
    let renderer = FileRenderer::new(options, engine.pack());
    let progress = progress(args, inputs.len());
    let mut out = ReportOutput::open(args.reporting.output_file.as_deref())?;
    let mut err = io::stderr();
    let lint_example =
        |pack: &presslint::rules::Pack,
         partner: Option<&presslint::rules::ExamplePartner>,
         text: &str| { engine.lint_example(pack, partner, text) };
    let mut writer =
        report_writer(args, options, &engine, &mut out)?.linting_examples_with(&lint_example);
    let mut status = Status::default();
    let show_fixes = args.reporting.show_fixes;
    let mut fixes = FixList::new(FixListKind::Available);
    let stdin_name = args.stdin_filename.as_str();
    let editions = Editions::new(workspace, inputs, stdin_name, threads, args.require_pairs);
    // One file linted (against its other edition, when the run met it) and rendered.
    let lint_and_render = |input: &Input, pairing: Option<&Pairing>| {
        let (mut checked, facts) = match editions.compared() {
            true => {
                let wants_facts = |key: &EditionKey| editions.wants_facts(key);
                lint_edition_input(workspace, input, stdin_name, pairing, &wants_facts)
            }
            false => (lint_input(workspace, input, stdin_name), None),
        };
        let mark = baselines.apply(&mut checked.result);
        let verdict = checked.verdict(args.fail_on);
        let file_fixes = show_fixes.then(|| FileFixes::available(&checked.result));
        let rendered = renderer.render(&checked.result);
        ((rendered, verdict, mark, file_fixes), facts)
    };
    for_each_index_in_order(
        inputs.len(),
        threads,
        |i| {
            let (part, facts) = lint_and_render(&inputs[i], None);
            let relint = |pairing: Option<&Pairing>| lint_and_render(&inputs[i], pairing).0;
            editions.after_lint(i, facts, part, relint)
        },
        |(mut file_part, met)| {
            if let Some(met) = met {
                let relint =
                    |input: &Input, pairing: Option<&Pairing>| lint_and_render(input, pairing).0;
                file_part = editions.meet(met, file_part, relint);
            }
            let (rendered, verdict, mark, file_fixes) = file_part;
            status.add(verdict);
            tracker.add(mark);
            fixes.add(file_fixes.unwrap_or_default());
            progress.inc();
            progress.suspend(|| writer.write(rendered, &mut out, &mut err))
        },
    )
    .map_err(output_error)?;
    progress.finish();
    write_closing_note(args, &mut out, |note| fixes.write(note))?;
    tracker.before_closing(&mut writer);
    writer.finish(&mut out).map_err(output_error)?;
    out.finish()?;
    tracker.finish(args.format, status.outcome())
}

/// The progress bar, unless `--quiet`.
pub fn progress(args: &CheckArgs, files: usize) -> Progress {
    if args.reporting.quiet {
        Progress::none()
    } else {
        Progress::new(files, args.format)
    }
}

/// The report's opening, for the run whose working directory `engine` governs; with
/// `--quiet` the human format's closing line is left out.
pub fn report_writer<'p>(
    args: &CheckArgs,
    options: RenderOptions,
    engine: &'p Engine,
    out: &mut dyn io::Write,
) -> Result<ReportWriter<'p>> {
    let writer = ReportWriter::begin(options, engine.pack(), out)
        .map_err(output_error)?
        .with_packs(engine.packs());
    Ok(if args.reporting.quiet {
        writer.without_summary_line()
    } else {
        writer
    })
}

/// Writes a note that closes the report (the fix list, the count of fixes): after the report
/// in the formats people read, on stderr after the others, so that stdout (or the output
/// file) stays one document.
pub fn write_closing_note(
    args: &CheckArgs,
    report: &mut dyn io::Write,
    note: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> Result<()> {
    if for_people(args.format) {
        note(report)
    } else {
        note(&mut io::stderr())
    }
    .map_err(output_error)
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

    /// What this file does to the run's exit status.
    pub fn verdict(&self, flag: Option<FailOn>) -> Verdict {
        if self.result.error.is_some() {
            return Verdict::Failed;
        }
        let threshold = self.fail_on(flag);
        if self
            .result
            .diagnostics
            .iter()
            .any(|d| d.severity >= threshold)
        {
            Verdict::Findings
        } else {
            Verdict::Clean
        }
    }
}

/// What one file does to the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    Findings,
    /// The file could not be checked.
    Failed,
}

/// The exit status of a run, gathered file by file: a file that could not be checked wins
/// over diagnostics.
#[derive(Debug, Default, Clone, Copy)]
pub struct Status {
    failed: bool,
    findings: bool,
}

impl Status {
    pub fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Clean => {}
            Verdict::Findings => self.findings = true,
            Verdict::Failed => self.failed = true,
        }
    }

    pub fn outcome(self) -> Outcome {
        if self.failed {
            Outcome::Failed
        } else if self.findings {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

/// Where the report goes: stdout, stderr when stdout carries fixed text or diffs, or the
/// file of `--output-file`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportTo {
    Stdout,
    Stderr,
    File,
}

/// Where the report of a plain check goes.
pub fn report_to(args: &CheckArgs) -> ReportTo {
    if args.reporting.output_file.is_some() {
        ReportTo::File
    } else {
        ReportTo::Stdout
    }
}

/// The format and colours the arguments ask for, for a report written `to` (a file gets
/// colours only with `--color always`).
pub fn render_options(args: &CheckArgs, to: ReportTo) -> RenderOptions {
    let color = match to {
        ReportTo::Stdout => args.color.enabled(),
        ReportTo::File => args.color == ColorChoice::Always,
        ReportTo::Stderr => false,
    };
    RenderOptions {
        format: args.format,
        color: args.format == OutputFormat::Human && color,
        show_suppressed: args.reporting.show_suppressed,
    }
}

/// Reads, decodes and lints one input with the engine its configuration selects. A file
/// that cannot be read, decoded or parsed (JSON that is not JSON), or whose configuration is
/// broken, keeps its entry with an error and no diagnostics.
pub fn lint_input(workspace: &Workspace, input: &Input, stdin_name: &str) -> Checked {
    lint_checked(workspace, input, stdin_name, None).0
}

/// [`lint_input`] as one edition of a release ([`Engine::lint_edition`]): compared with
/// `pairing`, and with the facts its other edition will be compared with.
pub fn lint_edition_input(
    workspace: &Workspace,
    input: &Input,
    stdin_name: &str,
    pairing: Option<&Pairing>,
    wants_facts: &dyn Fn(&EditionKey) -> bool,
) -> (Checked, Option<Edition>) {
    lint_checked(workspace, input, stdin_name, Some((pairing, wants_facts)))
}

/// How a file is linted as an edition: against its partner (or the note that it has none),
/// its facts read when the function asks for them.
type EditionLint<'a> = (Option<&'a Pairing>, &'a dyn Fn(&EditionKey) -> bool);

/// `editions`: `None` when the editions of a release are not compared in this run.
fn lint_checked(
    workspace: &Workspace,
    input: &Input,
    stdin_name: &str,
    editions: Option<EditionLint<'_>>,
) -> (Checked, Option<Edition>) {
    let failed = |source, error: String| FileResult {
        input: input.clone(),
        source,
        diagnostics: Vec::new(),
        error: Some(error),
        pack: None,
        suppressed: Vec::new(),
    };
    let engine = match workspace.engine_for(input.path(), stdin_name) {
        Ok(engine) => engine,
        Err(error) => {
            let result = failed(None, error.to_string());
            return (
                Checked {
                    result,
                    engine: None,
                },
                None,
            );
        }
    };
    let source = match input.read() {
        Ok(source) => source,
        Err(error) => {
            let result = failed(None, error.message);
            let engine = Some(engine);
            return (Checked { result, engine }, None);
        }
    };
    let linted = match editions {
        Some((pairing, wants_facts)) => engine.lint_edition(&source, pairing, wants_facts),
        None => engine.lint_file(&source),
    };
    let (result, facts) = match linted {
        // The engine returns them sorted.
        Ok(linted) => (
            FileResult {
                input: input.clone(),
                pack: Some(linted.pack.name.clone()),
                suppressed: linted.suppressed,
                source: Some(source),
                diagnostics: linted.diagnostics,
                error: None,
            },
            linted.edition.map(|key| Edition {
                key,
                facts: linted.facts,
            }),
        ),
        Err(error) => (failed(Some(source), error.message), None),
    };
    let engine = Some(engine);
    (Checked { result, engine }, facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use presslint::span::Span;
    use presslint::Diagnostic;

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
            pack: None,
            suppressed: Vec::new(),
        };
        Checked { result, engine }
    }

    /// The exit status of files checked one after another.
    fn outcome(files: &[Checked], flag: Option<FailOn>) -> Outcome {
        let mut status = Status::default();
        for file in files {
            status.add(file.verdict(flag));
        }
        status.outcome()
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
        let config = presslint::config::Config::parse(
            &dir.join("presslint.toml"),
            "fail-on = \"warning\"\n",
        )
        .unwrap();
        let pack = presslint::rules::Pack::embedded("un-en").unwrap();
        let engine = Arc::new(Engine::configured(pack, config).unwrap());
        let warn = [checked(&[Severity::Warning], None, Some(engine))];
        assert_eq!(outcome(&warn, None), Outcome::Findings);
        assert_eq!(outcome(&warn, Some(FailOn::Error)), Outcome::Clean);
    }
}
