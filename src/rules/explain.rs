//! A rule's documentation page, as `presslint explain` prints it and as SARIF's `help` and
//! `docs/rules.md` show it in Markdown: built once ([`Page::of`]), written either way.
//!
//! Examples are often whole releases, so a page shows only what matters: the changed lines
//! of a bad -> good pair (a diff with one line of context), the lines where the rule fires in
//! a bad example without a fix, and the lines by which an ok example differs from the first
//! bad one. Knowing where a rule fires takes linting, which is the engine's job: the page is
//! handed a function that lints an example ([`LintExample`]).

use similar::{ChangeTag, TextDiff};

use crate::checks::rule::{Example, FixSpec, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use crate::source::{SourceFile, SourceKind};

/// Lints an example release with the pack the page documents (no diagnostic when it cannot).
pub type LintExample<'a> = &'a (dyn Fn(&str) -> Vec<Diagnostic> + Sync);

/// Lints an example release of a rule of the given pack (a run may check with several),
/// against the rule's `partner` edition when it has one.
pub type LintPackExample<'a> =
    &'a (dyn Fn(&super::Pack, Option<&super::ExamplePartner>, &str) -> Vec<Diagnostic> + Sync);

/// A rule's page: a title line, a summary, then sections (why, fix, examples).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub sections: Vec<Section>,
}

/// One section: a heading, paragraphs of prose, and shortened examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// `Why`, `Fix (safe: applied by --fix)`, `Examples`.
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub examples: Vec<ExampleLines>,
}

/// One example, shortened: a label (`bad -> good`) and the lines shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleLines {
    pub label: String,
    /// Each with its prefix (`- `, `+ `, `12: `), without its line break.
    pub lines: Vec<String>,
    /// The lines are a diff (`- `/`+ `/`  `).
    pub diff: bool,
}

impl Page {
    /// The page of a rule of a pack; `lint` lints one of its examples.
    pub fn of(rule: &Rule, lint: LintExample<'_>) -> Self {
        let mut sections = Vec::new();
        if !rule.why.trim().is_empty() {
            sections.push(Section::prose("Why", vec![rule.why.trim().to_owned()]));
        }
        if let Some(fix) = &rule.fix {
            sections.push(fix_section(rule, fix, lint));
        }
        if let Some(partner) = &rule.partner {
            sections.push(partner_section(partner));
        }
        if !rule.examples.is_empty() {
            let first_bad = rule.examples.iter().find_map(|e| match e {
                Example::Bad { bad, .. } => Some(bad.as_str()),
                Example::Ok { .. } => None,
            });
            let examples = rule
                .examples
                .iter()
                .map(|example| shorten(rule, example, first_bad, lint))
                .collect();
            sections.push(Section {
                heading: "Examples".to_owned(),
                paragraphs: Vec::new(),
                examples,
            });
        }
        Page {
            id: rule.id.clone(),
            severity: rule.severity,
            summary: rule.summary.clone(),
            sections,
        }
    }

    /// The page of a `schema/<keyword>` diagnostic: the group is the release schema itself,
    /// one id per JSON Schema keyword, so it is documented here rather than in a rule file.
    pub fn of_schema_keyword(keyword: &str) -> Self {
        let lines = |lines: &[&str]| lines.iter().map(|l| (*l).to_owned()).collect();
        Page {
            id: format!("schema/{keyword}"),
            severity: Severity::Error,
            summary: format!(
                "The release's JSON form breaks the `{keyword}` constraint of schemas/release.schema.json"
            ),
            sections: vec![
                Section::prose(
                    "Why",
                    vec!["The schema owns the shape of a release: its members and the type of each one.\n\
                          A text release is parsed into that shape, so it rarely fails; a `.json` release (as a\n\
                          CMS exports it) is checked as written. The diagnostic points at the offending value,\n\
                          found through the error's instance path. `presslint schema release` prints the schema."
                        .to_owned(),
                        "A Markdown release's front matter (YAML between `---` lines, TOML between `+++`\n\
                          lines) is checked against `$defs/front_matter`: a key the schema does not know is shown\n\
                          at the key, a value of the wrong type or shape at the value. Front matter that does not\n\
                          parse at all is reported as `schema/type`, where the parser stopped."
                        .to_owned()],
                ),
                Section::prose(
                    "Fix",
                    vec!["None: only the author knows the intended value.".to_owned()],
                ),
                Section {
                    heading: "Examples".to_owned(),
                    paragraphs: Vec::new(),
                    examples: vec![
                        ExampleLines {
                            label: "bad (schema/type)".to_owned(),
                            lines: lines(&[r#"{"headlines": [{"text": 42}]}"#]),
                            diff: false,
                        },
                        ExampleLines {
                            label: "good".to_owned(),
                            lines: lines(&[
                                r#"{"headlines": [{"text": "Secretary-General Welcomes Talks"}]}"#,
                            ]),
                            diff: false,
                        },
                    ],
                },
            ],
        }
    }

    /// The page as `presslint explain` prints it: sections under plain headings, prose
    /// indented by two spaces, example lines by four.
    pub fn text(&self) -> String {
        let mut out = format!("{} ({})\n{}\n", self.id, self.severity, self.summary);
        for section in &self.sections {
            out.push_str(&format!("\n{}\n", section.heading));
            for paragraph in &section.paragraphs {
                out.push_str(&indent(paragraph));
                out.push('\n');
            }
            for example in &section.examples {
                out.push_str(&format!("  {}:\n", example.label));
                for line in &example.lines {
                    out.push_str(&format!("    {line}\n"));
                }
            }
        }
        out
    }

    /// The page in Markdown (SARIF's `help.markdown`, `docs/rules.md`): the summary, then each
    /// section under a bold heading, examples in fenced blocks. The id is left to the
    /// heading that introduces the page.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "**{}**\n\nDefault severity: {}.\n",
            self.summary, self.severity
        );
        for section in &self.sections {
            out.push_str(&format!("\n**{}**\n", section.heading));
            for paragraph in &section.paragraphs {
                out.push_str(&format!("\n{paragraph}\n"));
            }
            for example in &section.examples {
                let fence = fence_for(&example.lines);
                let language = match (
                    example.diff,
                    SourceKind::of_example(&example.lines.join("\n")),
                ) {
                    (true, _) => "diff",
                    (false, SourceKind::Html) => "html",
                    (false, SourceKind::Markdown) => "markdown",
                    (false, _) => "text",
                };
                out.push_str(&format!("\n{}:\n\n{fence}{language}\n", example.label));
                for line in &example.lines {
                    out.push_str(line);
                    out.push('\n');
                }
                out.push_str(&fence);
                out.push('\n');
            }
        }
        out
    }
}

impl Section {
    fn prose(heading: &str, paragraphs: Vec<String>) -> Self {
        Section {
            heading: heading.to_owned(),
            paragraphs,
            examples: Vec::new(),
        }
    }
}

/// The other edition the examples are compared with, shown whole (it is short).
fn partner_section(partner: &super::ExamplePartner) -> Section {
    match partner {
        super::ExamplePartner::Edition(text) => Section {
            heading: "Other edition".to_owned(),
            paragraphs: vec![
                "The examples are checked together with this edition of the release in the other language, as `presslint check en/ fr/` checks both:".to_owned(),
            ],
            examples: vec![ExampleLines {
                label: "other edition".to_owned(),
                lines: text
                    .trim_end()
                    .lines()
                    .enumerate()
                    .map(|(i, line)| format!("{}: {line}", i + 1))
                    .collect(),
                diff: false,
            }],
        },
        super::ExamplePartner::Missing => Section::prose(
            "Other edition",
            vec!["The examples are checked with `--require-pairs` and no edition in the other language among the files.".to_owned()],
        ),
    }
}

/// The fix section: its title (filled in, as the first bad example shows it), whether it is
/// safe, and why.
fn fix_section(rule: &Rule, fix: &FixSpec, lint: LintExample<'_>) -> Section {
    let safety = match fix.applicability {
        Applicability::Safe => "safe: applied by --fix",
        Applicability::Unsafe => "unsafe: applied only with --unsafe-fixes",
    };
    let example_title = rule.examples.iter().find_map(|e| match e {
        Example::Bad { bad, .. } => lint(bad)
            .into_iter()
            .find(|d| d.rule == rule.id)?
            .fix
            .map(|f| f.description),
        Example::Ok { .. } => None,
    });
    let title = match example_title {
        Some(shown) if shown != fix.title => format!("{} (for example: {shown})", fix.title),
        _ => fix.title.clone(),
    };
    let mut paragraphs = vec![title];
    if !fix.safety.trim().is_empty() {
        paragraphs.push(fix.safety.trim().to_owned());
    }
    Section::prose(&format!("Fix ({safety})"), paragraphs)
}

/// One example, shortened to what matters (see the module's documentation); `first_bad` is
/// what an ok example is compared with.
fn shorten(
    rule: &Rule,
    example: &Example,
    first_bad: Option<&str>,
    lint: LintExample<'_>,
) -> ExampleLines {
    match example {
        Example::Bad {
            bad,
            good: Some(good),
        } => {
            let diff = TextDiff::from_lines(bad.as_str(), good.as_str());
            let mut lines = Vec::new();
            for group in diff.grouped_ops(1) {
                for op in group {
                    for change in diff.iter_changes(&op) {
                        let sign = match change.tag() {
                            ChangeTag::Delete => '-',
                            ChangeTag::Insert => '+',
                            ChangeTag::Equal => ' ',
                        };
                        lines.push(format!("{sign} {}", without_break(change.value())));
                    }
                }
            }
            ExampleLines {
                label: "bad -> good".to_owned(),
                lines,
                diff: true,
            }
        }
        Example::Bad { bad, good: None } => {
            let firing = firing_lines(rule, bad, lint);
            let lines = if firing.is_empty() {
                bad.lines().map(|l| without_break(l).to_owned()).collect()
            } else {
                firing
                    .into_iter()
                    .map(|(number, line)| format!("{number}: {}", without_break(line)))
                    .collect()
            };
            ExampleLines {
                label: "bad (no fix)".to_owned(),
                lines,
                diff: false,
            }
        }
        Example::Ok { ok } => {
            let differing = first_bad.map_or_else(Vec::new, |bad| lines_not_in(bad, ok));
            let lines = if differing.is_empty() {
                ok.lines().map(|l| without_break(l).to_owned()).collect()
            } else {
                differing
                    .iter()
                    .map(|l| without_break(l).to_owned())
                    .collect()
            };
            ExampleLines {
                label: "ok".to_owned(),
                lines,
                diff: false,
            }
        }
    }
}

fn without_break(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// The (1-based number, text) of each line where `rule` fires on `text`.
fn firing_lines<'t>(rule: &Rule, text: &'t str, lint: LintExample<'_>) -> Vec<(usize, &'t str)> {
    let source = SourceFile::new("example.txt", text, SourceKind::Text);
    let mut numbers: Vec<usize> = lint(text)
        .iter()
        .filter(|d| d.rule == rule.id)
        .map(|d| source.position(d.span.start).line)
        .collect();
    numbers.dedup();
    let lines: Vec<&str> = text.lines().collect();
    numbers
        .into_iter()
        .filter_map(|n| lines.get(n - 1).map(|line| (n, *line)))
        .collect()
}

/// The lines of `ok` that `bad` does not have, when the two share most of their text (an
/// ok example written as a variant of the bad one); empty otherwise.
fn lines_not_in(bad: &str, ok: &str) -> Vec<String> {
    let diff = TextDiff::from_lines(bad, ok);
    let mut inserted = Vec::new();
    let mut equal = 0;
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Insert => inserted.push(change.value().to_owned()),
            ChangeTag::Equal => equal += 1,
            ChangeTag::Delete => {}
        }
    }
    if equal == 0 || inserted.is_empty() {
        return Vec::new();
    }
    inserted
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("  {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A code fence longer than any run of backticks in `lines`, so an example cannot close it.
fn fence_for(lines: &[String]) -> String {
    let longest = lines
        .iter()
        .flat_map(|line| line.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_examples_show_the_lines_that_differ_from_the_bad_one() {
        assert_eq!(lines_not_in("a\nb\nc\n", "a\nB\nc\n"), vec!["B\n"]);
        assert!(lines_not_in("a\n", "x\n").is_empty());
        assert!(lines_not_in("a\n", "a\n").is_empty());
    }

    #[test]
    fn fences_outlast_the_backticks_of_the_example() {
        assert_eq!(fence_for(&["plain".to_owned()]), "```");
        assert_eq!(fence_for(&["a ```` b".to_owned()]), "`````");
    }

    #[test]
    fn the_schema_page_reads_the_same_in_text_and_markdown() {
        let page = Page::of_schema_keyword("type");
        let text = page.text();
        assert!(text.starts_with(
            "schema/type (error)\nThe release's JSON form breaks the `type` constraint"
        ));
        assert!(text.contains("\nFix\n  None: only the author knows the intended value.\n"));
        assert!(text.ends_with(
            "  good:\n    {\"headlines\": [{\"text\": \"Secretary-General Welcomes Talks\"}]}\n"
        ));
        let markdown = page.markdown();
        assert!(markdown.contains("\n**Fix**\n\nNone: only the author knows the intended value.\n"));
        assert!(markdown
            .contains("\nbad (schema/type):\n\n```text\n{\"headlines\": [{\"text\": 42}]}\n```\n"));
    }
}
