//! Suppression comments of marked-up files: a writer silences one finding, with a reason.
//!
//! `<!-- presslint-disable-next-line RULE[, RULE] -- reason -->` silences the rules on the
//! line after the comment; `<!-- presslint-disable RULE -- reason -->` silences them up to
//! `<!-- presslint-enable RULE -->` (or the end of the file; an enable naming no rule ends
//! every open disable). The `suppression/` rules of the pack (kind `suppression`) report a
//! suppression without a reason, one that silenced nothing (its fix removes it), and a rule
//! id the pack does not know. Plain-text releases have no comments: they keep
//! `per-file-ignores`.

use crate::checks::suppression::{Problem, ProblemKind};
use crate::diagnostic::{Diagnostic, Suppressed};
use crate::fix::Edit;
use crate::markup::Comment;
use crate::source::SourceFile;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    NextLine,
    Disable,
    Enable,
}

/// One suppression comment, read.
#[derive(Debug, Clone)]
struct Suppression {
    directive: Directive,
    /// The whole comment.
    comment: Span,
    /// The rule ids it names, each with its span in the file.
    rules: Vec<(String, Span)>,
    /// The text after ` -- `, trimmed; `None` when there is none.
    reason: Option<String>,
    /// The bytes whose findings it silences (disable and next-line).
    covers: Span,
    used: bool,
}

/// Reads the suppression comments among `comments` (others are left alone).
fn read(comments: &[Comment], file: &SourceFile) -> Vec<Suppression> {
    let mut out: Vec<Suppression> = Vec::new();
    for comment in comments {
        // Offsets are read from the comment as the file writes it: a parser's text of the
        // comment may differ (HTML turns CR LF into LF), and spans are the file's bytes.
        let Some(raw) = file.text.get(comment.span.range()) else {
            continue;
        };
        let opening = if raw.starts_with("<!--") { 4 } else { 0 };
        let closing = raw
            .strip_suffix("-->")
            .map_or(raw.len(), str::len)
            .max(opening);
        let text = &raw[opening..closing];
        let base = comment.span.start + opening;
        let trimmed = text.trim_start();
        let lead = text.len() - trimmed.len();
        let (directive, keyword) = [
            (Directive::NextLine, "presslint-disable-next-line"),
            (Directive::Disable, "presslint-disable"),
            (Directive::Enable, "presslint-enable"),
        ]
        .into_iter()
        .find(|(_, k)| {
            trimmed.starts_with(k)
                && trimmed[k.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or((None, ""), |(d, k)| (Some(d), k));
        let Some(directive) = directive else {
            continue;
        };
        let after = lead + keyword.len();
        let rest = &text[after..];
        let (names, reason) = match rest.find("--") {
            Some(dashes) => {
                let reason = rest[dashes + 2..].trim();
                (
                    &rest[..dashes],
                    (!reason.is_empty()).then(|| reason.to_owned()),
                )
            }
            None => (rest, None),
        };
        let mut rules = Vec::new();
        let names_at = base + after;
        // Separators may be several bytes long (any Unicode space): each word's offset is
        // where it sits in `names`.
        for word in names.split(|c: char| c == ',' || c.is_whitespace()) {
            if !word.is_empty() {
                let start = names_at + (word.as_ptr() as usize - names.as_ptr() as usize);
                rules.push((word.to_owned(), Span::new(start, start + word.len())));
            }
        }
        let covers = match directive {
            Directive::NextLine => next_line(file, comment.span.end),
            _ => Span::new(comment.span.end, file.text.len()),
        };
        if directive == Directive::Enable {
            close(&mut out, &rules, comment.span.start);
        }
        out.push(Suppression {
            directive,
            comment: comment.span,
            rules,
            reason,
            covers,
            used: false,
        });
    }
    out
}

/// The line after the one holding `offset`.
fn next_line(file: &SourceFile, offset: usize) -> Span {
    let lines = file.lines();
    let next = lines.line_of(offset.saturating_sub(1)) + 1;
    if next >= lines.line_count() {
        return Span::empty(file.text.len());
    }
    let start = lines.line_start(next);
    let end = match next + 1 < lines.line_count() {
        true => lines.line_start(next + 1),
        false => file.text.len(),
    };
    Span::new(start, end)
}

/// Ends the open disables that an enable at `at` names (all of them when it names none).
fn close(open: &mut [Suppression], names: &[(String, Span)], at: usize) {
    for s in open
        .iter_mut()
        .filter(|s| s.directive == Directive::Disable)
    {
        let named = names.is_empty()
            || s.rules
                .iter()
                .any(|(r, _)| names.iter().any(|(n, _)| n == r));
        if named && s.covers.end > at && s.covers.start <= at {
            s.covers = Span::new(s.covers.start, at);
        }
    }
}

/// What the suppressions of a file did: the findings they silenced (each with its reason),
/// and what is wrong with the suppressions themselves (reported by the pack's
/// `suppression/` rules, kind `suppression`).
pub struct Applied {
    pub suppressed: Vec<Suppressed>,
    pub problems: Vec<Problem>,
}

/// Takes the findings the comments silence out of `diagnostics`; `known` tells whether a
/// rule id exists in the pack.
pub fn apply(
    comments: &[Comment],
    file: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
    known: &dyn Fn(&str) -> bool,
) -> Applied {
    let mut suppressions = read(comments, file);
    let mut suppressed = Vec::new();
    if !suppressions.is_empty() {
        diagnostics.retain(|d| {
            let at = d.span.start;
            let by = suppressions.iter_mut().find(|s| {
                s.directive != Directive::Enable
                    && s.covers.start <= at
                    && at < s.covers.end
                    && s.rules.iter().any(|(r, _)| *r == d.rule)
            });
            match by {
                Some(s) => {
                    s.used = true;
                    suppressed.push(Suppressed {
                        diagnostic: d.clone(),
                        reason: s.reason.clone(),
                    });
                    false
                }
                None => true,
            }
        });
    }
    let mut problems = Vec::new();
    let mut report = |check, span, found: &str, removal| {
        problems.push(Problem {
            check,
            span,
            found: found.to_owned(),
            removal,
        })
    };
    for s in &suppressions {
        for (name, span) in s.rules.iter().filter(|(name, _)| !known(name)) {
            report(ProblemKind::UnknownRule, *span, name, None);
        }
        if s.directive == Directive::Enable {
            continue;
        }
        let written = one_line(&file.text[s.comment.range()]);
        if s.rules.is_empty() {
            // It names no rule at all: the message quotes the comment.
            report(ProblemKind::UnknownRule, s.comment, &written, None);
        }
        if s.reason.is_none() {
            report(ProblemKind::MissingReason, s.comment, &written, None);
        }
        let all_known = s.rules.iter().all(|(name, _)| known(name));
        if !s.used && all_known && !s.rules.is_empty() {
            let removal = removal(file, s.comment);
            report(ProblemKind::Unused, s.comment, &written, Some(removal));
        }
    }
    Applied {
        suppressed,
        problems,
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removing a comment: with its line when it is alone on it, else the comment alone.
fn removal(file: &SourceFile, comment: Span) -> Edit {
    let text = file.text.as_str();
    let line_start = text[..comment.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[comment.end..]
        .find('\n')
        .map_or(text.len(), |i| comment.end + i + 1);
    let alone = text[line_start..comment.start].trim().is_empty()
        && text[comment.end..line_end].trim().is_empty();
    match alone {
        true => Edit::delete(Span::new(line_start, line_end)),
        false => Edit::delete(comment),
    }
}
