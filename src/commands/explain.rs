//! `presslint explain RULE`: a rule's documentation, with its fix and its examples.

use std::fmt::Write as _;
use std::io::Write;

use similar::{ChangeTag, TextDiff};

use super::{output_error, Outcome};
use crate::cli::ExplainArgs;
use presslint::error::{Error, ErrorKind, Result};
use presslint::fix::Applicability;
use presslint::rules::{Example, FixSpec, Pack, Rule};
use presslint::source::{SourceFile, SourceKind};
use presslint::Engine;

pub fn run(args: &ExplainArgs) -> Result<Outcome> {
    let engine = args.settings.workspace()?.engine_here()?;
    let page = page(&engine, &args.rule)?;
    std::io::stdout()
        .lock()
        .write_all(page.as_bytes())
        .map_err(output_error)?;
    Ok(Outcome::Clean)
}

/// The page of the rule `id` (a `schema/<keyword>` id has one too), or an error suggesting
/// the closest id.
pub fn page(engine: &Engine, id: &str) -> Result<String> {
    Ok(match id.strip_prefix("schema/") {
        Some(keyword) if is_kebab(keyword) => schema_page(keyword),
        _ => explain(engine, find(engine.pack(), id)?),
    })
}

fn is_kebab(word: &str) -> bool {
    !word.is_empty()
        && word
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()))
}

/// The page of a `schema/<keyword>` diagnostic: the group is the release schema itself, one
/// id per JSON Schema keyword, so it is documented here rather than in a rule file.
fn schema_page(keyword: &str) -> String {
    format!(
        "schema/{keyword} (error)\n\
         The release's JSON form breaks the `{keyword}` constraint of schemas/release.schema.json\n\
         \nWhy\n  \
         The schema owns the shape of a release: its members and the type of each one.\n  \
         A text release is parsed into that shape, so it rarely fails; a `.json` release (as a\n  \
         CMS exports it) is checked as written. The diagnostic points at the offending value,\n  \
         found through the error's instance path. `presslint schema release` prints the schema.\n\
         \nFix\n  None: only the author knows the intended value.\n\
         \nExamples\n  bad (schema/type):\n    {{\"headlines\": [{{\"text\": 42}}]}}\n  \
         good:\n    {{\"headlines\": [{{\"text\": \"Secretary-General Welcomes Talks\"}}]}}\n"
    )
}

/// The rule named `id`, or an error suggesting the closest id.
pub fn find<'p>(pack: &'p Pack, id: &str) -> Result<&'p Rule> {
    if let Some(rule) = pack.rule(id) {
        return Ok(rule);
    }
    let ids = pack.rules.iter().map(|r| r.id.as_str());
    let message = match closest(id, ids) {
        Some(suggestion) => format!("unknown rule `{id}`; did you mean `{suggestion}`?"),
        None => format!("unknown rule `{id}`; `presslint rules` lists them"),
    };
    Err(Error::of(ErrorKind::Usage, message))
}

/// The candidate nearest to `query` by edit distance (ties: the first), if it is near enough
/// to be a plausible typo, or if the query is its name without the group.
pub fn closest<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let query_lower = query.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let name = candidate.rsplit('/').next().unwrap_or(candidate);
        let distance = if name == query_lower {
            0
        } else {
            presslint::text::edit_distance(&query_lower, candidate)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let limit = (query.chars().count() / 3).max(2);
    best.filter(|&(d, _)| d <= limit).map(|(_, c)| c)
}

/// The rule's page: id and severity, summary, why, fix, examples. Examples are often whole
/// releases, so only what matters is shown: the changed lines of a bad -> good pair (a diff
/// with one line of context), the lines where the rule fires in a bad example without a fix,
/// and the lines by which an ok example differs from the first bad one.
pub fn explain(engine: &Engine, rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", rule.id, rule.severity);
    let _ = writeln!(out, "{}", rule.summary);
    if !rule.why.trim().is_empty() {
        let _ = writeln!(out, "\nWhy\n{}", indent(rule.why.trim()));
    }
    if let Some(fix) = &rule.fix {
        push_fix(&mut out, engine, rule, fix);
    }
    if !rule.examples.is_empty() {
        let _ = writeln!(out, "\nExamples");
    }
    let first_bad = rule.examples.iter().find_map(|e| match e {
        Example::Bad { bad, .. } => Some(bad.as_str()),
        Example::Ok { .. } => None,
    });
    for example in &rule.examples {
        push_example(&mut out, engine, rule, example, first_bad);
    }
    out
}

/// The fix section: its title (filled in, as the first bad example shows it), whether it is
/// safe, and why.
fn push_fix(out: &mut String, engine: &Engine, rule: &Rule, fix: &FixSpec) {
    let safety = match fix.applicability {
        Applicability::Safe => "safe: applied by --fix",
        Applicability::Unsafe => "unsafe: applied only with --unsafe-fixes",
    };
    let example_title = rule.examples.iter().find_map(|e| match e {
        Example::Bad { bad, .. } => {
            let source =
                presslint::SourceFile::new("example.txt", bad.clone(), presslint::SourceKind::Text);
            let found = engine.lint(&source).ok()?;
            found
                .into_iter()
                .find(|d| d.rule == rule.id)?
                .fix
                .map(|f| f.description)
        }
        Example::Ok { .. } => None,
    });
    let title = match example_title {
        Some(shown) if shown != fix.title => format!("{} (for example: {shown})", fix.title),
        _ => fix.title.clone(),
    };
    let _ = writeln!(out, "\nFix ({safety})\n{}", indent(&title));
    if !fix.safety.trim().is_empty() {
        let _ = writeln!(out, "{}", indent(fix.safety.trim()));
    }
}

/// One example, shortened to what matters (see [`explain`]); `first_bad` is what an ok
/// example is compared with.
fn push_example(
    out: &mut String,
    engine: &Engine,
    rule: &Rule,
    example: &Example,
    first_bad: Option<&str>,
) {
    match example {
        Example::Bad {
            bad,
            good: Some(good),
        } => {
            let _ = writeln!(out, "  bad -> good:");
            let diff = TextDiff::from_lines(bad.as_str(), good.as_str());
            for group in diff.grouped_ops(1) {
                for op in group {
                    for change in diff.iter_changes(&op) {
                        let sign = match change.tag() {
                            ChangeTag::Delete => '-',
                            ChangeTag::Insert => '+',
                            ChangeTag::Equal => ' ',
                        };
                        push_line(out, &format!("{sign} "), change.value());
                    }
                }
            }
        }
        Example::Bad { bad, good: None } => {
            let _ = writeln!(out, "  bad (no fix):");
            let lines = firing_lines(engine, rule, bad);
            if lines.is_empty() {
                bad.lines().for_each(|line| push_line(out, "", line));
            }
            for (number, line) in lines {
                push_line(out, &format!("{number}: "), line);
            }
        }
        Example::Ok { ok } => {
            let _ = writeln!(out, "  ok:");
            let lines = match first_bad {
                Some(bad) => lines_not_in(bad, ok),
                None => Vec::new(),
            };
            if lines.is_empty() {
                ok.lines().for_each(|line| push_line(out, "", line));
            }
            for line in lines {
                push_line(out, "", &line);
            }
        }
    }
}

fn push_line(out: &mut String, prefix: &str, line: &str) {
    let _ = writeln!(out, "    {prefix}{}", line.trim_end_matches(['\n', '\r']));
}

/// The (1-based number, text) of each line where `rule` fires on `text`.
fn firing_lines<'t>(engine: &Engine, rule: &Rule, text: &'t str) -> Vec<(usize, &'t str)> {
    let source = SourceFile::new("example", text, SourceKind::Text);
    let Ok(diagnostics) = engine.lint(&source) else {
        return Vec::new();
    };
    let mut numbers: Vec<usize> = diagnostics
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        let ids = ["symbol/format", "symbol/missing", "date/format"];
        assert_eq!(
            closest("symbol/fromat", ids.into_iter()),
            Some("symbol/format")
        );
        assert_eq!(closest("missing", ids.into_iter()), Some("symbol/missing"));
        assert_eq!(closest("Date/Format", ids.into_iter()), Some("date/format"));
        assert_eq!(closest("zzz", ids.into_iter()), None);
        assert_eq!(closest("x", std::iter::empty()), None);
    }

    #[test]
    fn ok_examples_show_the_lines_that_differ_from_the_bad_one() {
        assert_eq!(lines_not_in("a\nb\nc\n", "a\nB\nc\n"), vec!["B\n"]);
        assert!(lines_not_in("a\n", "x\n").is_empty());
        assert!(lines_not_in("a\n", "a\n").is_empty());
    }

    #[test]
    fn unknown_rules_are_one_line_errors() {
        let pack = Pack::default();
        let error = find(&pack, "nope/x").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown rule `nope/x`; `presslint rules` lists them"
        );
    }
}
