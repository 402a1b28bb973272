//! Hover on a finding: the page `presslint explain` prints for its rule, as Markdown. The
//! page is built on a worker, as building it lints the rule's examples.

use std::sync::Arc;

use lsp_server::{RequestId, Response};
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position, Range};
use presslint::Engine;

use super::lint::Linted;
use super::workers::{Done, Job};
use crate::commands::explain;

/// The rules of the findings at `position` (each once, in order) and the range of the first.
pub fn rules_at(linted: &Linted, position: Position) -> Option<(Vec<String>, Range)> {
    let findings = linted.findings.as_ref()?;
    let mut rules: Vec<String> = Vec::new();
    let mut first = None;
    for (finding, published) in findings.diagnostics.iter().zip(&linted.diagnostics) {
        let range = published.range;
        if range.start <= position && position <= range.end {
            first.get_or_insert(range);
            if !rules.contains(&finding.rule) {
                rules.push(finding.rule.clone());
            }
        }
    }
    Some((rules, first?))
}

/// The job that answers the hover request `id` with the pages of `rules`.
pub fn job(
    id: RequestId,
    engine: Arc<Engine>,
    pack: &str,
    rules: Vec<String>,
    range: Range,
    markdown: bool,
) -> Job {
    let pack = pack.to_owned();
    Box::new(move || {
        let pages: Vec<String> = rules
            .iter()
            .filter_map(|rule| explain::page_in(&engine, Some(&pack), rule).ok())
            .map(|page| if markdown { to_markdown(&page) } else { page })
            .collect();
        let hover = (!pages.is_empty()).then(|| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: if markdown {
                    MarkupKind::Markdown
                } else {
                    MarkupKind::PlainText
                },
                value: pages.join(if markdown { "\n---\n\n" } else { "\n" }),
            }),
            range: Some(range),
        });
        Some(Done::Reply(Response::new_ok(id, hover)))
    })
}

/// An explain page in Markdown. The page's layout is read as it is printed: the id and
/// severity, the summary, then headings at the margin, prose indented by two spaces and
/// examples by four (which become fenced code).
pub fn to_markdown(page: &str) -> String {
    let mut out = String::new();
    let mut code: Vec<&str> = Vec::new();
    for (index, line) in page.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent >= 4 && index > 1 {
            code.push(line[4..].trim_end());
            continue;
        }
        push_code(&mut out, &mut code);
        if index == 0 {
            match line.split_once(" (") {
                Some((id, rest)) => out.push_str(&format!("**{id}** ({rest}\n\n")),
                None => out.push_str(&format!("**{line}**\n\n")),
            }
        } else if line.trim().is_empty() {
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
        } else if indent == 0 && index > 1 {
            out.push_str(&format!("**{line}**\n\n"));
        } else {
            out.push_str(line.trim());
            out.push('\n');
        }
    }
    push_code(&mut out, &mut code);
    out
}

/// Writes the example lines gathered so far as one fenced block, without the blank lines
/// that frame a diff on the page.
fn push_code(out: &mut String, code: &mut Vec<&str>) {
    let first = code.iter().position(|line| !line.is_empty());
    let last = code.iter().rposition(|line| !line.is_empty());
    if let (Some(first), Some(last)) = (first, last) {
        out.push_str("```text\n");
        for line in &code[first..=last] {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("```\n\n");
    }
    code.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_headings_prose_and_fenced_examples() {
        let page = "spelling/per-cent (warning)\n\
                    `percent` is written as one word\n\
                    \n\
                    Why\n  UN English writes `per cent`.\n  Quotations are left.\n\
                    \n\
                    Examples\n  bad -> good:\n      \n    - 5 percent\n    + 5 per cent\n  ok:\n    5 per cent\n";
        assert_eq!(
            to_markdown(page),
            "**spelling/per-cent** (warning)\n\n\
             `percent` is written as one word\n\n\
             **Why**\n\nUN English writes `per cent`.\nQuotations are left.\n\n\
             **Examples**\n\nbad -> good:\n```text\n- 5 percent\n+ 5 per cent\n```\n\n\
             ok:\n```text\n5 per cent\n```\n\n"
        );
    }
}
