//! A rule as the checks see it: its id, severity, message and fix templates and its
//! compiled check (with the documentation `explain` shows), and the pack data checks read.
//! Loading them from files is the job of [`crate::rules`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::fix::Applicability;

/// What a rule's fix does and when it is safe.
#[derive(Debug, Clone, Serialize)]
pub struct FixSpec {
    /// Imperative title template (`Replace with `{expected}``).
    pub title: String,
    pub applicability: Applicability,
    /// One sentence: why the fix is (or is not) safe to apply without review.
    pub safety: String,
}

/// One example of a rule's documentation; the generic example test runs every one.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Example {
    /// Text that gives exactly one diagnostic of the rule; its fix must yield `good`.
    Bad { bad: String, good: Option<String> },
    /// Text that must give no diagnostic of the rule.
    Ok { ok: String },
}

/// The other edition a `pair/` rule's examples are checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExamplePartner {
    /// A whole release in the other language (`partner = '''...'''`).
    Edition(String),
    /// None among the files checked, in a run that asks for one (`partner = false`:
    /// `--require-pairs`).
    Missing,
}

/// A rule: its documentation and its compiled check.
#[derive(Debug)]
pub struct Rule {
    /// `group/name`, taken from the rule file's path.
    pub id: String,
    pub severity: Severity,
    /// One line, shown in `presslint rules`.
    pub summary: String,
    /// Message template with `{placeholders}` filled by the check kind.
    pub message: String,
    /// Prose: why the house style wants this.
    pub why: String,
    pub fix: Option<FixSpec>,
    pub examples: Vec<Example>,
    /// The other edition of a release that the examples are checked against (`pair/`
    /// rules).
    pub partner: Option<ExamplePartner>,
    /// The kind's name as written in the rule file (`format`, `require`...).
    pub kind: String,
    pub check: Box<dyn super::Check>,
}

impl Rule {
    pub fn group(&self) -> &str {
        self.id
            .split_once('/')
            .map_or(self.id.as_str(), |(group, _)| group)
    }
}

/// Shared data of a pack, read from `data/*.toml` beside the rules.
#[derive(Debug, Default, Clone)]
pub struct PackData {
    /// Known document-symbol series (`SG/SM`, `GA`...), from `data/series.toml`.
    pub series: BTreeSet<String>,
    /// This pack's series that the other language's edition of a release writes otherwise
    /// (`CS` -> `SC`), from `[editions]` in `data/series.toml`: editions are paired by their
    /// symbols in those common series.
    pub edition_series: BTreeMap<String, String>,
    /// Month and weekday names and the long date form, from `data/dates.toml` (English
    /// when the pack has none).
    pub dates: super::date::DateNames,
    /// Named lists of house texts (`disclaimers`, `end-markers`)
    /// from `data/house.toml`; a rule names one as `"@disclaimers"` in a list parameter.
    pub lists: BTreeMap<String, Vec<String>>,
    /// The words of the pack's page layout (`data/layout.toml`, the month and weekday names
    /// of `data/dates.toml`, the disclaimers of `data/house.toml`), compiled for the parser.
    pub layout: crate::layout::Layout,
    /// Every other `data/<name>.toml` as JSON, by file stem (`spelling`, `renamed-countries`):
    /// word lists and tables that rules name in their parameters.
    pub tables: BTreeMap<String, toml::Table>,
}
