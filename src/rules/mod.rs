//! Rule packs: rule files (one rule per TOML file, id from the path) and pack data,
//! validated against `schemas/rules.schema.json` and compiled once.

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::error::Result;
use crate::fix::Applicability;

/// The pack used when nothing else is configured.
pub const DEFAULT_PACK: &str = "un-en";

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
    /// The kind's name as written in the rule file (`format`, `require`...).
    pub kind: String,
    pub check: crate::checks::Check,
}

impl Rule {
    pub fn group(&self) -> &str {
        self.id
            .split_once('/')
            .map_or(self.id.as_str(), |(group, _)| group)
    }
}

/// A compiled rule pack.
#[derive(Debug, Default)]
pub struct Pack {
    pub name: String,
    /// One line: what house style this pack checks.
    pub description: String,
    /// Sorted by id.
    pub rules: Vec<Rule>,
}

impl Pack {
    /// A pack embedded in the binary.
    pub fn embedded(name: &str) -> Result<Self> {
        Ok(Self {
            name: name.to_owned(),
            ..Self::default()
        })
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
