//! Streaming a report: each file is rendered on its own (on any thread) into bytes, and the
//! writer puts those bytes out in input order between the format's opening and closing, with
//! only counters kept between files. So a run never holds every file's text or findings at
//! once, whatever the number of files, and the output is the same whatever the threads.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde_json::Value;

use super::{
    concise, github, gitlab, human, json, rdjson, sarif, FileResult, OutputFormat, RenderOptions,
    Summary,
};
use crate::baseline::BaselineSummary;
use crate::diagnostic::Severity;
use crate::rules::choice::PackChoice;
use crate::rules::explain::LintPackExample;
use crate::rules::{ExamplePartner, Pack};

/// Renders one file at a time; shared by the threads that lint (it holds no state).
pub struct FileRenderer {
    options: RenderOptions,
    /// SARIF: the rule ids a result may point at by index (the pack's, then the schema's).
    sarif_rules: Vec<String>,
}

/// One file's part of the report, and what the closing of the report needs from it.
pub struct RenderedFile {
    /// The file's part of the report (for JSON and SARIF: its items, without separators
    /// around them; empty when the file adds no item).
    pub bytes: Vec<u8>,
    /// The counts of this file alone.
    pub summary: Summary,
    /// `name: error`, shown on stderr by the formats whose report cannot carry it.
    pub error_line: Option<String>,
    /// SARIF: rule ids without a descriptor index, and the notification of an unreadable file.
    extra_rules: Vec<(String, Severity)>,
    notification: Option<Value>,
    /// GitHub: the annotations, which the writer puts out while GitHub would show them.
    annotations: Vec<github::Annotation>,
    /// The pack that checked the file, counted for the closing.
    pack: Option<String>,
}

impl FileRenderer {
    pub fn new(options: RenderOptions, pack: &Pack) -> Self {
        let sarif_rules = if options.format == OutputFormat::Sarif {
            sarif::indexed_rule_ids(pack)
        } else {
            Vec::new()
        };
        Self {
            options,
            sarif_rules,
        }
    }

    pub fn render(&self, result: &FileResult) -> RenderedFile {
        let mut bytes = Vec::new();
        let mut extra_rules = Vec::new();
        let mut notification = None;
        let mut annotations = Vec::new();
        // Writing to a Vec cannot fail; a renderer's own error leaves the part empty.
        let listed;
        let shown = match self.options.show_suppressed && !result.suppressed.is_empty() {
            true => {
                listed = with_suppressed(result);
                &listed
            }
            false => result,
        };
        let _ = match self.options.format {
            OutputFormat::Human => human::write_file(shown, self.options.color, &mut bytes),
            OutputFormat::Concise => concise::write_file(shown, &mut bytes),
            OutputFormat::Github => {
                annotations = github::annotations(result);
                Ok(())
            }
            OutputFormat::Json => json::write_file(result, &mut bytes),
            OutputFormat::Rdjson => rdjson::write_file(result, &mut bytes),
            OutputFormat::Gitlab => gitlab::write_file(result, &mut bytes),
            OutputFormat::Sarif => {
                notification = sarif::notification(result);
                sarif::write_results(result, &self.sarif_rules, &mut extra_rules, &mut bytes)
            }
        };
        RenderedFile {
            bytes,
            summary: Summary::of(std::slice::from_ref(result)),
            error_line: result.error_line(),
            extra_rules,
            notification,
            annotations,
            pack: result.pack.clone(),
        }
    }
}

/// `--show-suppressed` for the formats people read: the silenced findings among the others,
/// each message saying it was suppressed and why.
fn with_suppressed(result: &FileResult) -> FileResult {
    let mut shown = result.clone();
    shown.diagnostics.extend(result.suppressed.iter().map(|s| {
        let mut diagnostic = s.diagnostic.clone();
        let reason = s.reason.as_deref().unwrap_or("no reason given");
        diagnostic.message = format!("{} (suppressed: {reason})", diagnostic.message);
        diagnostic.fix = None;
        diagnostic
    }));
    crate::diagnostic::sort(&mut shown.diagnostics);
    shown
}

/// Puts rendered files out in order, then the closing of the report.
pub struct ReportWriter<'p> {
    options: RenderOptions,
    pack: &'p Pack,
    /// The packs the run may check with (SARIF describes the rules of those it used).
    choice: Option<&'p PackChoice>,
    /// Files checked by each pack: shown by the closing (human, json, sarif).
    packs: BTreeMap<String, usize>,
    summary: Summary,
    /// An item of a JSON array was written (the next one needs a separator).
    wrote_item: bool,
    extra_rules: BTreeSet<(String, Severity)>,
    notifications: Vec<Value>,
    /// SARIF: lints the examples of the rules' help pages (none given: examples shown whole).
    lint_example: Option<LintPackExample<'p>>,
    /// GitHub: annotations written so far, and those over the limit.
    limiter: github::Limiter,
    /// What `--baseline` did, for the human summary and the JSON report.
    baseline: Option<BaselineSummary>,
    /// The human format's closing line (`Found 3 errors...`); `--quiet` leaves it out.
    summary_line: bool,
}

impl<'p> ReportWriter<'p> {
    /// Writes the opening of the report.
    pub fn begin(options: RenderOptions, pack: &'p Pack, out: &mut dyn Write) -> io::Result<Self> {
        match options.format {
            OutputFormat::Json => json::write_opening(out)?,
            OutputFormat::Sarif => sarif::write_opening(out)?,
            OutputFormat::Rdjson => rdjson::write_opening(out)?,
            OutputFormat::Gitlab => gitlab::write_opening(out)?,
            OutputFormat::Human | OutputFormat::Concise | OutputFormat::Github => {}
        }
        Ok(Self {
            options,
            pack,
            choice: None,
            packs: BTreeMap::new(),
            summary: Summary::default(),
            wrote_item: false,
            extra_rules: BTreeSet::new(),
            notifications: Vec::new(),
            lint_example: None,
            limiter: github::Limiter::default(),
            baseline: None,
            summary_line: true,
        })
    }

    /// Lints the examples of the rules' help pages (SARIF) with `lint`, as `presslint
    /// explain` does, so that the pages read the same.
    pub fn linting_examples_with(mut self, lint: LintPackExample<'p>) -> Self {
        self.lint_example = Some(lint);
        self
    }

    /// The packs the run checks with, when they are chosen by language: SARIF describes the
    /// rules of every pack that checked a file.
    pub fn with_packs(mut self, choice: &'p PackChoice) -> Self {
        self.choice = Some(choice);
        self
    }

    /// What a baseline did over the run: shown by the closing (human, json).
    pub fn set_baseline(&mut self, baseline: BaselineSummary) {
        self.baseline = Some(baseline);
    }

    /// Leaves out the human format's closing line (`--quiet`: the findings only).
    pub fn without_summary_line(mut self) -> Self {
        self.summary_line = false;
        self
    }

    /// Writes one file's part (and its error line on `err`, for the formats whose report does
    /// not carry errors).
    pub fn write(
        &mut self,
        file: RenderedFile,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        self.summary.add(&file.summary);
        if let Some(pack) = file.pack {
            *self.packs.entry(pack).or_default() += 1;
        }
        if self.options.format != OutputFormat::Json {
            if let Some(line) = &file.error_line {
                writeln!(err, "error: {line}")?;
            }
        }
        self.extra_rules.extend(file.extra_rules);
        self.notifications.extend(file.notification);
        for annotation in &file.annotations {
            self.limiter.write(annotation, out)?;
        }
        if file.bytes.is_empty() {
            return Ok(());
        }
        let array = matches!(
            self.options.format,
            OutputFormat::Json | OutputFormat::Sarif | OutputFormat::Rdjson | OutputFormat::Gitlab
        );
        if array {
            out.write_all(if self.wrote_item { b",\n" } else { b"\n" })?;
        }
        self.wrote_item = true;
        out.write_all(&file.bytes)
    }

    /// Writes the closing of the report; the run's counts.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<Summary> {
        match self.options.format {
            OutputFormat::Human if !self.summary_line => {}
            OutputFormat::Human => {
                writeln!(out, "{}", self.summary.line())?;
                let chosen = self.choice.is_some_and(PackChoice::by_language_of_release);
                if let Some(line) = packs_line(&self.packs, chosen) {
                    writeln!(out, "{}", super::escape::one_line(&line))?;
                }
                if let Some(baseline) = &self.baseline {
                    writeln!(out, "{}", super::escape::one_line(&baseline.line()))?;
                }
            }
            OutputFormat::Concise => {}
            OutputFormat::Github => self.limiter.finish(out)?,
            OutputFormat::Json => json::write_closing(
                &json::Closing {
                    summary: &self.summary,
                    packs: &self.packs,
                    baseline: self.baseline.as_ref(),
                    wrote_item: self.wrote_item,
                },
                out,
            )?,
            OutputFormat::Rdjson => rdjson::write_closing(self.wrote_item, out)?,
            OutputFormat::Gitlab => gitlab::write_closing(self.wrote_item, out)?,
            OutputFormat::Sarif => sarif::write_closing(
                &sarif::Packs {
                    first: self.pack,
                    others: self.choice.map(PackChoice::loaded).unwrap_or_default(),
                    used: &self.packs,
                },
                self.lint_example
                    .unwrap_or(&|_: &Pack, _: Option<&ExamplePartner>, _: &str| Vec::new()),
                &self.extra_rules,
                self.notifications,
                self.wrote_item,
                out,
            )?,
        }
        Ok(self.summary)
    }
}

/// The human closing's line naming the packs that checked the files (`Checked with un-en
/// (2 files), un-fr (1 file).`): when they were chosen by language, or (a pack pinned) when
/// it is not the default one.
fn packs_line(packs: &BTreeMap<String, usize>, chosen: bool) -> Option<String> {
    let only_default = packs.keys().all(|name| name == crate::rules::DEFAULT_PACK);
    if packs.is_empty() || (only_default && !chosen) {
        return None;
    }
    let parts: Vec<String> = packs
        .iter()
        .map(|(name, &files)| format!("{name} ({})", super::plural(files, "file")))
        .collect();
    Some(format!("Checked with {}.", parts.join(", ")))
}

/// Pretty-printed JSON nested `indent` spaces deep in a streamed document: every line after
/// the first indented (pretty JSON has no raw newline inside a string, so this is safe).
pub(crate) fn nested(pretty: &str, indent: usize) -> String {
    pretty.replace('\n', &format!("\n{}", " ".repeat(indent)))
}
