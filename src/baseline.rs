//! Baselines, for adopting presslint on an existing archive: `--write-baseline FILE` records
//! today's findings by [fingerprint](crate::fingerprint); `--baseline FILE` then hides the
//! findings it records, so a run reports and fails only on new ones, and counts the recorded
//! findings that no longer occur.
//!
//! The file is JSON, versioned, one finding a line, sorted by path, rule and fingerprint (not
//! by position, which moves when text is added above), so that it diffs well under review.
//! Recording keeps one short entry per finding until the run ends, to sort them; the report
//! itself is still streamed file by file.

use std::fs;
use std::path::Path;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::error::{io_message, one_line, Error, ErrorKind, Result};
use crate::fingerprint::{self, normalized_path, FINGERPRINT_LEN};
use crate::open::{kind_of, read_limited};

/// The baseline format's version: bumped on any incompatible change.
pub const BASELINE_VERSION: u64 = 1;

/// A baseline larger than this is refused unread (a million findings take about 200 MB).
const SIZE_LIMIT: u64 = 256 << 20;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, as [`normalized_path`] writes it.
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// The message when it was recorded: for people reviewing the file; never matched.
    #[serde(default)]
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    #[allow(dead_code)]
    version: u64,
    findings: Vec<Entry>,
}

/// A baseline read from its file.
#[derive(Debug)]
pub struct Baseline {
    /// The file as named on the command line.
    file: String,
    entries: Vec<Entry>,
    known: FxHashSet<String>,
}

impl Baseline {
    /// Reads and checks a baseline file. Any problem is one error naming the file.
    pub fn load(path: &Path) -> Result<Self> {
        let failed = |message: String| Error::file(ErrorKind::Config, path, message);
        let (bytes, _) = read_limited(path, SIZE_LIMIT)
            .map_err(|e| failed(format!("cannot read the baseline: {e}")))?;
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
            failed(format!(
                "not a presslint baseline: {}",
                one_line(&e.to_string())
            ))
        })?;
        match value.get("version").and_then(Value::as_u64) {
            Some(BASELINE_VERSION) => {}
            Some(other) => {
                return Err(failed(format!(
                    "baseline version {other} is not supported (this presslint reads version {BASELINE_VERSION})"
                )))
            }
            None => {
                return Err(failed(
                    "not a presslint baseline: no `version` number".to_owned(),
                ))
            }
        }
        let parsed: BaselineFile = serde_json::from_value(value).map_err(|e| {
            failed(format!(
                "not a presslint baseline: {}",
                one_line(&e.to_string())
            ))
        })?;
        let mut entries = parsed.findings;
        for (index, entry) in entries.iter_mut().enumerate() {
            let well_formed = entry.fingerprint.len() == FINGERPRINT_LEN
                && entry
                    .fingerprint
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if !well_formed {
                return Err(failed(format!(
                    "finding {}: `fingerprint` is not a presslint fingerprint ({FINGERPRINT_LEN} lower-case hex digits)",
                    index + 1
                )));
            }
            entry.path = normalized_path(&entry.path);
        }
        let known = entries.iter().map(|e| e.fingerprint.clone()).collect();
        Ok(Self {
            file: path.display().to_string(),
            entries,
            known,
        })
    }

    /// Removes from `diagnostics` (one file's, sorted) those the baseline records, and returns
    /// the fingerprints that matched.
    pub fn filter(&self, path: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
        let fingerprints = fingerprint::of_file(path, text, diagnostics);
        let mut matched = Vec::new();
        let mut keep = fingerprints.into_iter().map(|fingerprint| {
            if self.known.contains(&fingerprint) {
                matched.push(fingerprint);
                false
            } else {
                true
            }
        });
        diagnostics.retain(|_| keep.next().unwrap_or(true));
        matched
    }

    /// A tally of what this baseline did over a run.
    pub fn tally(&self) -> Tally<'_> {
        Tally {
            baseline: self,
            matched: FxHashSet::default(),
            checked: FxHashSet::default(),
            hidden: 0,
        }
    }
}

/// What a baseline did over a run, gathered file by file.
#[derive(Debug)]
pub struct Tally<'b> {
    baseline: &'b Baseline,
    matched: FxHashSet<String>,
    /// Files checked (read and linted), normalized.
    checked: FxHashSet<String>,
    hidden: usize,
}

impl Tally<'_> {
    /// One file's part: the fingerprints [`Baseline::filter`] matched; `checked` is false for
    /// a file that could not be checked (its recorded findings are not counted as gone).
    pub fn add(&mut self, path: &str, matched: Vec<String>, checked: bool) {
        if checked {
            self.checked.insert(normalized_path(path));
        }
        self.hidden += matched.len();
        self.matched.extend(matched);
    }

    /// The counts: recorded findings of the files this run checked that did not occur are
    /// gone (a file left out of the run says nothing about its findings).
    pub fn summary(&self) -> BaselineSummary {
        let gone = self
            .baseline
            .entries
            .iter()
            .filter(|e| self.checked.contains(&e.path) && !self.matched.contains(&e.fingerprint))
            .count();
        BaselineSummary {
            file: self.baseline.file.clone(),
            recorded: self.baseline.entries.len(),
            hidden: self.hidden,
            gone,
        }
    }
}

/// What a baseline did over a run, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineSummary {
    /// The baseline file as named on the command line.
    pub file: String,
    /// Findings the file records.
    pub recorded: usize,
    /// Findings of this run that the baseline records, so not reported.
    pub hidden: usize,
    /// Recorded findings of the checked files that no longer occur.
    pub gone: usize,
}

impl BaselineSummary {
    /// `Baseline b.json: 5 known findings not shown; 1 recorded finding no longer occurs ...`
    /// (the file name as given: whoever shows the line escapes it).
    pub fn line(&self) -> String {
        let hidden = match self.hidden {
            1 => "1 known finding not shown".to_owned(),
            n => format!("{n} known findings not shown"),
        };
        let gone = match self.gone {
            0 => "0 recorded findings no longer occur".to_owned(),
            1 => "1 recorded finding no longer occurs (--write-baseline records the findings as they are now)".to_owned(),
            n => format!("{n} recorded findings no longer occur (--write-baseline records the findings as they are now)"),
        };
        format!("Baseline {}: {hidden}; {gone}.", self.file)
    }
}

/// The findings of a run, gathered to be written as a baseline.
#[derive(Debug, Default)]
pub struct Recorder {
    entries: Vec<Entry>,
}

/// The entries that record one file's diagnostics.
pub fn entries(path: &str, text: &str, diagnostics: &[Diagnostic]) -> Vec<Entry> {
    let fingerprints = fingerprint::of_file(path, text, diagnostics);
    let path = normalized_path(path);
    diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(diagnostic, fingerprint)| Entry {
            path: path.clone(),
            rule: diagnostic.rule.clone(),
            fingerprint,
            message: diagnostic.message.clone(),
        })
        .collect()
}

impl Recorder {
    /// Records one file's diagnostics.
    pub fn add(&mut self, path: &str, text: &str, diagnostics: &[Diagnostic]) {
        self.extend(entries(path, text, diagnostics));
    }

    /// Records entries made by [`entries`] (on the thread that linted the file).
    pub fn extend(&mut self, entries: Vec<Entry>) {
        self.entries.extend(entries);
    }

    /// Writes the baseline file (sorted, one finding a line) and returns how many findings it
    /// records.
    pub fn write(mut self, path: &Path) -> Result<usize> {
        let failed = |message: String| Error::file(ErrorKind::Io, path, message);
        // A FIFO would block the write until a reader comes.
        if let Ok(metadata) = fs::metadata(path) {
            if let Some(kind) = kind_of(&metadata.file_type()) {
                return Err(failed(format!(
                    "cannot write the baseline: not a regular file: {kind}"
                )));
            }
        }
        self.entries.sort();
        self.entries.dedup();
        let text = self.text().map_err(|e| failed(e.to_string()))?;
        fs::write(path, text)
            .map_err(|e| failed(format!("cannot write the baseline: {}", io_message(&e))))?;
        Ok(self.entries.len())
    }

    /// The file's text: the findings one a line, between a short header and the closing.
    fn text(&self) -> serde_json::Result<String> {
        let mut text = format!("{{\n  \"version\": {BASELINE_VERSION},\n  \"findings\": [");
        for (index, entry) in self.entries.iter().enumerate() {
            text.push_str(if index == 0 { "\n    " } else { ",\n    " });
            text.push_str(&serde_json::to_string(entry)?);
        }
        text.push_str(if self.entries.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    fn finding(rule: &str, text: &str, flagged: &str) -> Diagnostic {
        let at = text.find(flagged).unwrap_or(0);
        Diagnostic::new(
            rule,
            Severity::Warning,
            format!("`{flagged}`"),
            Span::new(at, at + flagged.len()),
        )
    }

    #[test]
    fn a_written_baseline_reads_back_and_hides_exactly_what_it_records() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("baseline.json");
        let text = "The Secretary General and the the Member States.\n";
        let old = vec![
            finding("wording/secretary-general", text, "Secretary General"),
            finding("typography/repeated-word", text, "the the"),
        ];
        let mut recorder = Recorder::default();
        recorder.add("./r/b.txt", text, &old);
        recorder.add("r/a.txt", "x", &[]);
        assert_eq!(recorder.write(&file).unwrap(), 2);
        let written = fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = written.lines().collect();
        assert_eq!(lines.len(), 7, "{written}");
        assert_eq!(lines[..3], ["{", "  \"version\": 1,", "  \"findings\": ["]);
        assert_eq!(lines[5..], ["  ]", "}"]);
        // Sorted by path, then rule.
        assert!(
            lines[3].starts_with("    {\"path\":\"r/b.txt\",\"rule\":\"typography/repeated-word\"")
        );
        assert!(lines[4]
            .starts_with("    {\"path\":\"r/b.txt\",\"rule\":\"wording/secretary-general\""));

        let baseline = Baseline::load(&file).unwrap();
        let new_text = "Intro.\n\nThe Secretary General and the the Member States, Ms Ruiz.\n";
        let mut diagnostics = vec![
            finding("wording/secretary-general", new_text, "Secretary General"),
            finding("typography/repeated-word", new_text, "the the"),
            finding("wording/courtesy-title", new_text, "Ms"),
        ];
        let matched = baseline.filter("r/b.txt", new_text, &mut diagnostics);
        assert_eq!(matched.len(), 2);
        let left: Vec<&str> = diagnostics.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(left, ["wording/courtesy-title"]);
        let mut tally = baseline.tally();
        tally.add("r/b.txt", matched, true);
        let summary = tally.summary();
        assert_eq!((summary.recorded, summary.hidden, summary.gone), (2, 2, 0));
        assert_eq!(
            summary.line(),
            format!(
                "Baseline {}: 2 known findings not shown; 0 recorded findings no longer occur.",
                file.display()
            )
        );
    }

    #[test]
    fn recorded_findings_of_checked_files_that_did_not_occur_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.json");
        let text = "the the\n";
        let mut recorder = Recorder::default();
        recorder.add(
            "a.txt",
            text,
            &[finding("typography/repeated-word", text, "the the")],
        );
        recorder.add(
            "b.txt",
            text,
            &[finding("typography/repeated-word", text, "the the")],
        );
        recorder.write(&file).unwrap();
        let baseline = Baseline::load(&file).unwrap();
        let mut tally = baseline.tally();
        // a.txt was fixed; b.txt was not checked this time.
        tally.add("./a.txt", Vec::new(), true);
        tally.add("b.txt", Vec::new(), false);
        let summary = tally.summary();
        assert_eq!((summary.hidden, summary.gone), (0, 1));
        assert!(summary.line().ends_with(
            "0 known findings not shown; 1 recorded finding no longer occurs (--write-baseline records the findings as they are now)."
        ));
    }

    #[test]
    fn an_empty_baseline_is_valid_json() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.json");
        assert_eq!(Recorder::default().write(&file).unwrap(), 0);
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            "{\n  \"version\": 1,\n  \"findings\": []\n}\n"
        );
        assert_eq!(Baseline::load(&file).unwrap().entries.len(), 0);
    }

    #[test]
    fn a_broken_baseline_is_one_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.json");
        let error_of = |text: &str| {
            fs::write(&file, text).unwrap();
            let error = Baseline::load(&file).unwrap_err();
            let shown = error.to_string();
            let prefix = format!("{}: ", file.display());
            assert!(shown.starts_with(&prefix), "{shown}");
            shown[prefix.len()..].to_owned()
        };
        assert_eq!(
            error_of("{\"version\": 1, \"findings\": ["),
            "not a presslint baseline: EOF while parsing a list at line 1 column 28"
        );
        assert_eq!(
            error_of("{\"version\": 2, \"findings\": []}"),
            "baseline version 2 is not supported (this presslint reads version 1)"
        );
        assert_eq!(
            error_of("[]"),
            "not a presslint baseline: no `version` number"
        );
        assert_eq!(
            error_of("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"x/y\"}]}"),
            "not a presslint baseline: missing field `fingerprint`"
        );
        assert_eq!(
            error_of("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"x/y\", \"fingerprint\": \"zz\"}]}"),
            "finding 1: `fingerprint` is not a presslint fingerprint (32 lower-case hex digits)"
        );
        fs::remove_file(&file).unwrap();
        let error = Baseline::load(&file).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{}: cannot read the baseline: no such file", file.display())
        );
        assert_eq!(error.kind, ErrorKind::Config);
    }
}
