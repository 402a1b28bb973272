//! `--statistics`: how many findings each rule has, in place of the findings, as ruff and
//! flake8 print it: the most frequent rule first (ties by rule id), a count, the rule, `[*]`
//! when `--fix` (or `--fix --unsafe-fixes`, when asked for) can fix some of them, and the
//! rule's summary. As text, or a JSON array for `--format json`. Counts are gathered file by
//! file, so a run keeps one entry per rule whatever its number of files.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::fix::Applicability;
use crate::rules::Pack;
use crate::Diagnostic;

/// Findings per rule id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statistics {
    by_rule: BTreeMap<String, RuleCount>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct RuleCount {
    count: usize,
    /// Some of the findings have a fix at or below the run's threshold.
    fixable: bool,
}

/// One line of the statistics (one element of the JSON array).
#[derive(Debug, Serialize)]
struct Row<'a> {
    rule: &'a str,
    count: usize,
    fixable: bool,
    /// The rule's one-line summary (empty for rules outside the pack: the schema's).
    summary: &'a str,
}

impl Statistics {
    /// The counts of one file's diagnostics; a fix counts when `threshold` allows it.
    pub fn of(diagnostics: &[Diagnostic], threshold: Applicability) -> Self {
        let mut statistics = Self::default();
        for diagnostic in diagnostics {
            let entry = statistics
                .by_rule
                .entry(diagnostic.rule.clone())
                .or_default();
            entry.count += 1;
            entry.fixable |= diagnostic
                .fix
                .as_ref()
                .is_some_and(|fix| fix.applicability <= threshold);
        }
        statistics
    }

    /// Adds another file's counts.
    pub fn add(&mut self, other: Statistics) {
        for (rule, count) in other.by_rule {
            let entry = self.by_rule.entry(rule).or_default();
            entry.count += count.count;
            entry.fixable |= count.fixable;
        }
    }

    /// The rows, most frequent rule first, then by rule id.
    fn rows<'a>(&'a self, pack: &'a Pack) -> Vec<Row<'a>> {
        let mut rows: Vec<Row<'a>> = self
            .by_rule
            .iter()
            .map(|(rule, count)| Row {
                rule,
                count: count.count,
                fixable: count.fixable,
                summary: pack.rule(rule).map_or("", |r| r.summary.as_str()),
            })
            .collect();
        // `by_rule` is sorted by id and the sort is stable: ties stay in id order.
        rows.sort_by_key(|row| std::cmp::Reverse(row.count));
        rows
    }

    /// `count  rule  [*] summary`, aligned; the `[*]`/`[ ]` column only when some rule is
    /// fixable. Nothing when there are no findings.
    pub fn write_text(&self, pack: &Pack, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows(pack);
        let count_width = rows.iter().map(|r| r.count.to_string().len()).max();
        let rule_width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
        let any_fixable = rows.iter().any(|r| r.fixable);
        for row in &rows {
            let marker = match (any_fixable, row.fixable) {
                (false, _) => "",
                (true, true) => "[*] ",
                (true, false) => "[ ] ",
            };
            let line = format!(
                "{:>count_width$}  {:<rule_width$}  {marker}{}",
                row.count,
                row.rule,
                row.summary,
                count_width = count_width.unwrap_or(1),
            );
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    /// A JSON array of `{rule, count, fixable, summary}`, in the order of the text form.
    pub fn write_json(&self, pack: &Pack, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.rows(pack))?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Edit, Fix};
    use crate::{Severity, Span};

    fn finding(rule: &str, fix: Option<Applicability>) -> Diagnostic {
        let fix = fix.map(|a| Fix::new("Fix it", a, vec![Edit::replace(Span::new(0, 1), "x")]));
        Diagnostic::new(rule, Severity::Warning, "m", Span::empty(0)).with_fix(fix)
    }

    fn text(statistics: &Statistics, pack: &Pack) -> String {
        let mut out = Vec::new();
        statistics.write_text(pack, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn most_frequent_first_then_by_id_with_fixable_marks() {
        let pack = Pack::embedded("un-en").unwrap();
        let mut statistics = Statistics::of(
            &[
                finding("typography/repeated-word", Some(Applicability::Unsafe)),
                finding("symbol/missing", None),
                finding("spelling/programme", Some(Applicability::Safe)),
            ],
            Applicability::Safe,
        );
        let second_file = std::iter::repeat_with(|| finding("typography/repeated-word", None))
            .take(10)
            .chain([finding("spelling/programme", None)])
            .collect::<Vec<_>>();
        statistics.add(Statistics::of(&second_file, Applicability::Safe));
        assert_eq!(
            text(&statistics, &pack),
            "11  typography/repeated-word  [ ] A word is written twice in a row (`to to`, `the the`)\n \
             2  spelling/programme        [*] `program` is written for a plan of activities\n \
             1  symbol/missing            [ ] The release has no document symbol\n"
        );
        let unsafe_too = Statistics::of(
            &[finding(
                "typography/repeated-word",
                Some(Applicability::Unsafe),
            )],
            Applicability::Unsafe,
        );
        let mut json = Vec::new();
        unsafe_too.write_json(&pack, &mut json).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(
            json,
            serde_json::json!([{
                "rule": "typography/repeated-word",
                "count": 1,
                "fixable": true,
                "summary": "A word is written twice in a row (`to to`, `the the`)"
            }])
        );
    }

    #[test]
    fn no_marker_column_when_nothing_is_fixable_and_nothing_for_no_findings() {
        let pack = Pack::embedded("un-en").unwrap();
        let statistics = Statistics::of(
            &[
                finding("schema/required", None),
                finding("symbol/missing", None),
            ],
            Applicability::Safe,
        );
        assert_eq!(
            text(&statistics, &pack),
            "1  schema/required\n1  symbol/missing   The release has no document symbol\n"
        );
        assert_eq!(text(&Statistics::default(), &pack), "");
    }
}
