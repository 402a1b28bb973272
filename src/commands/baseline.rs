//! `--baseline FILE` and `--write-baseline FILE` in `presslint check`: what each file's
//! findings do to the baseline (on the thread that linted it), gathered in input order, and
//! the run's closing words. The baseline itself (its file, fingerprints, counts) is the
//! library's [`presslint::baseline`].

use std::path::PathBuf;

use super::Outcome;
use crate::cli::CheckArgs;
use presslint::baseline::{self, Baseline, Entry, Recorder, Tally};
use presslint::error::Result;
use presslint::render::escape::one_line;
use presslint::render::stream::ReportWriter;
use presslint::render::{FileResult, OutputFormat};

/// What the run does with a baseline.
pub enum Baselines {
    Off,
    /// `--baseline`: findings it records are not reported.
    Compare(Baseline),
    /// `--write-baseline`: every finding is recorded in this file.
    Record(PathBuf),
}

/// What one file did to the baseline.
pub struct FileMark {
    path: String,
    /// Compare: the fingerprints the baseline matched.
    matched: Vec<String>,
    /// Compare: the file was read and linted (else its recorded findings are not gone).
    checked: bool,
    /// Record: the file's findings.
    recorded: Vec<Entry>,
}

impl Baselines {
    /// From the arguments; a baseline that cannot be read stops the run (exit 2).
    pub fn from_args(args: &CheckArgs) -> Result<Self> {
        if let Some(file) = &args.write_baseline {
            return Ok(Self::Record(file.clone()));
        }
        match &args.baseline {
            Some(file) => Ok(Self::Compare(Baseline::load(file)?)),
            None => Ok(Self::Off),
        }
    }

    /// Hides the findings the baseline records (compare), or takes them down (record).
    pub fn apply(&self, result: &mut FileResult) -> FileMark {
        let mut mark = FileMark {
            path: result.name().to_owned(),
            matched: Vec::new(),
            checked: result.error.is_none() && result.source.is_some(),
            recorded: Vec::new(),
        };
        let Some(source) = &result.source else {
            return mark;
        };
        match self {
            Self::Off => {}
            Self::Compare(baseline) => {
                mark.matched = baseline.filter(&mark.path, &source.text, &mut result.diagnostics);
            }
            Self::Record(_) => {
                mark.recorded = baseline::entries(&mark.path, &source.text, &result.diagnostics);
            }
        }
        mark
    }

    /// Gathers the files' marks in input order.
    pub fn tracker(&self) -> Tracker<'_> {
        Tracker {
            baselines: self,
            tally: match self {
                Self::Compare(baseline) => Some(baseline.tally()),
                _ => None,
            },
            recorder: Recorder::default(),
        }
    }
}

/// The marks of the files so far.
pub struct Tracker<'b> {
    baselines: &'b Baselines,
    tally: Option<Tally<'b>>,
    recorder: Recorder,
}

impl Tracker<'_> {
    pub fn add(&mut self, mark: FileMark) {
        if let Some(tally) = &mut self.tally {
            tally.add(&mark.path, mark.matched, mark.checked);
        }
        self.recorder.extend(mark.recorded);
    }

    /// Before the report's closing: the counts the human summary and the JSON report show.
    pub fn before_closing(&self, writer: &mut ReportWriter<'_>) {
        if let Some(tally) = &self.tally {
            writer.set_baseline(tally.summary());
        }
    }

    /// After the report: the counts on stderr for the formats whose report does not carry
    /// them, the baseline file written (record). Recording a baseline accepts the findings,
    /// so they do not fail the run; a file that could not be checked still does.
    pub fn finish(self, format: OutputFormat, outcome: Outcome) -> Result<Outcome> {
        if let Some(tally) = &self.tally {
            if !matches!(format, OutputFormat::Human | OutputFormat::Json) {
                eprintln!("{}", one_line(&tally.summary().line()));
            }
        }
        let Baselines::Record(file) = self.baselines else {
            return Ok(outcome);
        };
        let count = self.recorder.write(file)?;
        let findings = if count == 1 { "finding" } else { "findings" };
        eprintln!(
            "Wrote baseline {}: {count} {findings}.",
            one_line(&file.display().to_string())
        );
        Ok(match outcome {
            Outcome::Findings => Outcome::Clean,
            other => other,
        })
    }
}
