//! `--show-fixes`: the fixes of a run, listed file by file after its report. Fixes applied by
//! `--fix` (or that `--diff` shows) are counted per rule as ruff counts them
//! (`    2 × spelling/programme`); otherwise every available fix is listed with its position,
//! rule, title and safety, so a person can decide on `--fix` and `--unsafe-fixes`.

use std::io::{self, Write};

use super::FileResult;
use crate::fix::Applicability;

/// What the listed fixes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixListKind {
    /// The fixes the findings carry (a plain `check`).
    Available,
    /// The fixes `--fix` applied.
    Applied,
    /// The fixes `--fix` would apply (`--diff`).
    WouldApply,
}

/// One file's lines of the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileFixes {
    name: String,
    lines: Vec<String>,
    count: usize,
}

impl FileFixes {
    /// The fixes available in one file's diagnostics: `line:column  rule  title (safety)`.
    pub fn available(result: &FileResult) -> Self {
        let Some(source) = &result.source else {
            return Self::default();
        };
        let fixes: Vec<(String, &str, String)> = result
            .diagnostics
            .iter()
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                let start = source.position(super::clamp(&source.text, d.span).start);
                let safety = match fix.applicability {
                    Applicability::Safe => "safe",
                    Applicability::Unsafe => "unsafe",
                };
                let title = format!("{} ({safety})", super::escape::one_line(&fix.description));
                Some((
                    format!("{}:{}", start.line, start.column),
                    d.rule.as_str(),
                    title,
                ))
            })
            .collect();
        let at_width = fixes.iter().map(|(at, ..)| at.len()).max().unwrap_or(0);
        let rule_width = fixes
            .iter()
            .map(|(_, rule, _)| rule.len())
            .max()
            .unwrap_or(0);
        let lines = fixes
            .iter()
            .map(|(at, rule, title)| format!("{at:<at_width$}  {rule:<rule_width$}  {title}"))
            .collect();
        Self {
            name: result.name().to_owned(),
            lines,
            count: fixes.len(),
        }
    }

    /// The fixes applied to one file, by the rules of the diagnostics they fixed:
    /// `count × rule`, most frequent first, then by rule id.
    pub fn applied<'a>(name: &str, fixed_rules: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for rule in fixed_rules {
            *counts.entry(rule).or_default() += 1;
        }
        let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let width = counts.first().map_or(1, |(_, n)| n.to_string().len());
        Self {
            name: name.to_owned(),
            lines: counts
                .iter()
                .map(|(rule, n)| format!("{n:>width$} × {rule}"))
                .collect(),
            count: counts.iter().map(|(_, n)| n).sum(),
        }
    }
}

/// The list for a whole run, in the order of its files.
#[derive(Debug, Clone)]
pub struct FixList {
    kind: FixListKind,
    files: Vec<FileFixes>,
}

impl FixList {
    pub fn new(kind: FixListKind) -> Self {
        Self {
            kind,
            files: Vec::new(),
        }
    }

    pub fn add(&mut self, file: FileFixes) {
        if file.count > 0 {
            self.files.push(file);
        }
    }

    /// The heading, then `- file:` and its lines for every file with fixes; nothing when
    /// there is no fix.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let total: usize = self.files.iter().map(|f| f.count).sum();
        if total == 0 {
            return Ok(());
        }
        let problems = if total == 1 { "problem" } else { "problems" };
        match self.kind {
            FixListKind::Available => {
                let fixes = if total == 1 { "fix" } else { "fixes" };
                writeln!(out, "{total} {fixes} available:")?
            }
            FixListKind::Applied => writeln!(out, "Fixed {total} {problems}:")?,
            FixListKind::WouldApply => writeln!(out, "Would fix {total} {problems}:")?,
        }
        for file in &self.files {
            writeln!(out, "- {}:", super::escape::one_line(&file.name))?;
            for line in &file.lines {
                writeln!(out, "    {line}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Edit, Fix};
    use crate::inputs::Input;
    use crate::{Diagnostic, Severity, SourceFile, SourceKind, Span};

    fn written(list: &FixList) -> String {
        let mut out = Vec::new();
        list.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn available_fixes_are_listed_with_position_rule_title_and_safety() {
        let text = "Jalé said\nthe the programme\n";
        let fix = |title: &str, applicability, span: Span| {
            Some(Fix::new(
                title,
                applicability,
                vec![Edit::replace(span, "")],
            ))
        };
        let result = FileResult {
            input: Input::stdin("r.txt"),
            source: Some(SourceFile::new("r.txt", text.to_owned(), SourceKind::Text)),
            diagnostics: vec![
                Diagnostic::new("symbol/missing", Severity::Warning, "m", Span::empty(0)),
                Diagnostic::new(
                    "typography/repeated-word",
                    Severity::Warning,
                    "m",
                    Span::new(11, 18),
                )
                .with_fix(fix(
                    "Remove the second `the`",
                    Applicability::Unsafe,
                    Span::new(14, 18),
                )),
                Diagnostic::new("a/b", Severity::Info, "m", Span::new(6, 10)).with_fix(fix(
                    "Do it",
                    Applicability::Safe,
                    Span::new(6, 10),
                )),
            ],
            error: None,
            pack: None,
            suppressed: Vec::new(),
        };
        let mut list = FixList::new(FixListKind::Available);
        list.add(FileFixes::available(&result));
        assert_eq!(
            written(&list),
            "2 fixes available:\n- r.txt:\n    \
             2:1  typography/repeated-word  Remove the second `the` (unsafe)\n    \
             1:6  a/b                       Do it (safe)\n"
        );
        let mut none = FixList::new(FixListKind::Available);
        none.add(FileFixes::available(&FileResult {
            diagnostics: vec![],
            ..result
        }));
        assert_eq!(written(&none), "");
    }

    #[test]
    fn applied_fixes_are_counted_per_rule() {
        let mut list = FixList::new(FixListKind::Applied);
        let rules = [
            "b/x", "a/y", "b/x", "c/z", "b/x", "a/y", "d/w", "d/w", "d/w", "d/w",
        ];
        list.add(FileFixes::applied("one.txt", rules[..6].iter().copied()));
        list.add(FileFixes::applied("none.txt", []));
        list.add(FileFixes::applied("two.txt", rules[6..].iter().copied()));
        assert_eq!(
            written(&list),
            "Fixed 10 problems:\n- one.txt:\n    3 × b/x\n    2 × a/y\n    1 × c/z\n\
             - two.txt:\n    4 × d/w\n"
        );
        let mut would = FixList::new(FixListKind::WouldApply);
        would.add(FileFixes::applied("one.txt", ["a/y"]));
        assert_eq!(
            written(&would),
            "Would fix 1 problem:\n- one.txt:\n    1 × a/y\n"
        );
    }
}
