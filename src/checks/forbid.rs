//! `forbid`: a pattern must not match in the scope; an optional replacement fix. In scope
//! `noise` the fix deletes the whole line with its line break (when the line holds nothing else).
//! A group named `target` narrows the finding (span, `{found}`, replaced text) to that group:
//! the rest of the match is context, which stands in for the look-arounds `regex` lacks.
//! Findings inside quotations, `except` matches or on excepted words are skipped
//! (see [`super::filter`]).

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;
use crate::model::InputFormat;
use crate::span::Span;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Forbid {
    scope: Scope,
    pattern: crate::lazy_regex::LazyRegex,
    /// Replacement with `$1`-style group references; `None`: no replacement fix.
    replacement: Option<String>,
    /// Does the pattern have a group named `target`?
    targeted: bool,
    filter: super::filter::Filter,
    /// `requires`: texts one of which a field must hold to be searched.
    prefilter: Option<super::prefilter::Prefilter>,
}

/// The parameters of a `forbid` rule (besides those of [`super::filter`]).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForbidParams {
    #[serde(deserialize_with = "crate::toml_file::non_empty")]
    pattern: String,
    #[serde(default)]
    replacement: Option<String>,
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_items")]
    requires: Vec<String>,
}

impl Forbid {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let own: ForbidParams = params.take()?;
        let pattern = params.regex("pattern", &own.pattern)?;
        let targeted = pattern.has_group("target");
        let filter = super::filter::Filter::compile_with_words(params)?;
        Ok(Self {
            scope,
            pattern,
            replacement: own.replacement,
            targeted,
            prefilter: super::prefilter::Prefilter::new(own.requires),
            // Noise lines are debris, not running text: no quotation is skipped there.
            filter: if scope == Scope::Noise {
                super::filter::Filter::none()
            } else {
                filter
            },
        })
    }
}

impl super::Check for Forbid {
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        let mut out = vec![&self.pattern];
        out.extend(self.filter.regexes());
        out
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for field in super::fields(cx.release, self.scope) {
            let m = field.match_text();
            if !super::prefilter::passes(self.prefilter.as_ref(), m.text) {
                continue;
            }
            let mut skips = self.filter.skips(m.text);
            for caps in self.pattern.captures_iter(m.text) {
                let whole = match (self.targeted, caps.name("target"), caps.get(0)) {
                    (true, Some(target), _) => target,
                    (false, _, Some(whole)) => whole,
                    _ => continue,
                };
                if whole.is_empty()
                    || skips.covers(whole.start(), whole.end())
                    || self.filter.excepts_word(whole.as_str())
                {
                    continue;
                }
                let span = m.span(whole.start(), whole.end());
                let found = super::one_line(whole.as_str());
                let expected = self
                    .replacement
                    .as_ref()
                    .map(|replacement| {
                        expand_original(replacement, &caps, m.text, field.text.as_str())
                    })
                    .unwrap_or_default();
                let vars = [("found", found.as_str()), ("expected", expected.as_str())];
                let edits = if self.scope == Scope::Noise {
                    if cx.release.format != InputFormat::Text {
                        continue_without_fix(cx, span, &vars, out);
                        continue;
                    }
                    Some(vec![Edit::delete(noise_removal(cx, field.span))])
                } else {
                    self.replacement
                        .as_ref()
                        .map(|_| vec![Edit::replace(span, m.encoding.encode(&expected))])
                };
                let fix = edits.and_then(|edits| cx.fix(&vars, edits, None));
                out.push(cx.diagnostic(span, &vars).with_fix(fix));
            }
        }
    }
}

/// `template` (`$1`, `$name`, `${name}`, `$$`, as `regex` expands them) with each group
/// taken from the field's own text: rules match a copy whose no-break spaces read as spaces
/// (see [`crate::text::MatchText`]), but a fix must give back the characters it copies.
fn expand_original(
    template: &str,
    caps: &regex::Captures<'_>,
    matched: &str,
    original: &str,
) -> String {
    let group = |name: &str| {
        let found = match name.parse::<usize>() {
            Ok(index) => caps.get(index),
            Err(_) => caps.name(name),
        };
        found.map_or("", |g| {
            let start = original_offset(matched, original, g.start());
            let end = original_offset(matched, original, g.end());
            original.get(start..end).unwrap_or_else(|| g.as_str())
        })
    };
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
        } else if let Some((name, after)) = rest
            .strip_prefix('{')
            .and_then(|braced| braced.split_once('}'))
        {
            out.push_str(group(name));
            rest = after;
        } else {
            let len = rest
                .find(|c: char| c != '_' && !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            if len == 0 {
                out.push('$');
            } else {
                out.push_str(group(&rest[..len]));
                rest = &rest[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The offset in `original` of byte `offset` of `matched`, its normalised copy: the
/// normalisation replaces characters one for one, so the n-th characters correspond.
fn original_offset(matched: &str, original: &str, offset: usize) -> usize {
    if matched.len() == original.len() {
        // Normalising always shortens a text (NBSP and U+2011 become one byte): same text.
        return offset;
    }
    let nth = matched[..offset].chars().count();
    original
        .char_indices()
        .nth(nth)
        .map_or(original.len(), |(i, _)| i)
}

/// A noise finding in a JSON input: deleting lines there would break the JSON.
fn continue_without_fix(
    cx: &Context<'_>,
    span: Span,
    vars: &[(&str, &str)],
    out: &mut Vec<Diagnostic>,
) {
    out.push(cx.diagnostic(span, vars));
}

/// What to delete for a noise element: its whole line and line break when the line holds
/// only the noise (and whitespace), else just the noise itself. A blank line that would be
/// left at the top of the file or doubled with the blank line before goes too, so removing
/// debris never leaves a gap. A byte order mark at the start of the file is kept.
fn noise_removal(cx: &Context<'_>, span: Span) -> Span {
    let text = &cx.source.text;
    let lines = cx.source.lines();
    let line_span = |line: usize| {
        let start = lines.line_start(line);
        let start = if start == 0 {
            crate::source::bom_len(text)
        } else {
            start
        };
        let end = if line + 1 < lines.line_count() {
            lines.line_start(line + 1)
        } else {
            text.len()
        };
        Span::new(start, end)
    };
    let is_blank = |line: usize| {
        text.get(line_span(line).range())
            .is_some_and(|t| t.trim().is_empty())
    };
    let line = lines.line_of(span.start);
    let whole = line_span(line);
    let rest_blank = text
        .get(whole.start.min(span.start)..span.start)
        .zip(text.get(span.end.min(whole.end)..whole.end))
        .is_some_and(|(a, b)| a.trim().is_empty() && b.trim().is_empty());
    if span.end > whole.end || !rest_blank {
        return span;
    }
    let gap_before = line == 0 || is_blank(line - 1);
    let next = line + 1;
    if gap_before
        && next < lines.line_count()
        && is_blank(next)
        && line_span(next).end > line_span(next).start
    {
        return Span::new(whole.start, line_span(next).end);
    }
    whole
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{
        assert_at, assert_fixed, rule_from_toml, run_loaded, run_rule, Builder,
    };

    #[test]
    fn a_noise_line_is_removed_with_its_line_break() {
        let text = "SG/SM/1\nIn progress at UNHQ \n19 July 2010\n";
        let built = Builder::new(text)
            .symbol("SG/SM/1")
            .noise("In progress at UNHQ ")
            .build();
        let found = run_rule("page/site-noise", &built);
        assert_at(&built, &found, &[("page/site-noise", 2, 1)]);
        assert_eq!(
            found[0].message,
            "`In progress at UNHQ` is web-page debris, not part of the release"
        );
        assert_fixed(&built, &found, "SG/SM/1\n19 July 2010\n");
    }

    #[test]
    fn removing_noise_leaves_no_gap_and_keeps_the_bom() {
        let text = "\u{feff}In progress at UNHQ\r\n\r\nSG/SM/1\r\n";
        let built = Builder::new(text)
            .noise("In progress at UNHQ")
            .symbol("SG/SM/1")
            .build();
        let found = run_rule("page/site-noise", &built);
        assert_at(&built, &found, &[("page/site-noise", 1, 1)]);
        assert_fixed(&built, &found, "\u{feff}SG/SM/1\r\n");
        let text = "SG/SM/1\n\nSkip to main content\n\nHeadline\n";
        let built = Builder::new(text)
            .symbol("SG/SM/1")
            .noise("Skip to main content")
            .build();
        let found = run_rule("page/site-noise", &built);
        assert_fixed(&built, &found, "SG/SM/1\n\nHeadline\n");
    }

    #[test]
    fn noise_sharing_its_line_with_content_removes_only_itself() {
        let text = " date 2019-12-28 SG/SM/1\n";
        let built = Builder::new(text).noise(" date 2019-12-28 ").build();
        let found = run_rule("page/site-noise", &built);
        assert_at(&built, &found, &[("page/site-noise", 1, 2)]);
        assert_fixed(&built, &found, "SG/SM/1\n");
    }

    const TARGETED: &str = r#"kind = "forbid"
scope = "body"
severity = "warning"
summary = "Titles take a full stop"
message = "`{found}` should be `{expected}`"
why = "House style."
pattern = '(?-u:\b)(?P<target>Mr|Dr)[ ]\p{Lu}'
replacement = "${target}."
except = ['Dr Congo']
except-words = ["mr"]
[fix]
title = "Write `{expected}`"
applicability = "safe"
safety = "A full stop only."
"#;

    #[test]
    fn a_replacement_copies_no_break_spaces_from_the_text_not_from_its_matching_copy() {
        let rule = rule_from_toml(
            r#"kind = "forbid"
scope = "body"
severity = "warning"
summary = "Straight quotes"
message = "`{found}` should be `{expected}`"
why = "House style."
in-quotes = true
pattern = '"(?P<q>[^"]+)"'
replacement = "«\u00A0${q}\u00A0» $$1"
[fix]
title = "Write `{expected}`"
applicability = "safe"
safety = "Marks only."
"#,
        );
        let text = "Il a cité \"10\u{a0}000 Casques\u{2011}bleus\" hier.\n";
        let built = Builder::new(text).body(text.trim_end()).build();
        let found = run_loaded(&rule, &built);
        assert_at(&built, &found, &[("test/rule", 1, 11)]);
        assert_fixed(
            &built,
            &found,
            "Il a cité «\u{a0}10\u{a0}000 Casques\u{2011}bleus\u{a0}» $1 hier.\n",
        );
    }

    #[test]
    fn the_target_group_narrows_the_finding_and_exceptions_and_quotes_are_skipped() {
        let rule = rule_from_toml(TARGETED);
        let text = "Dr Tedros met Dr Congo and Mr Ban; “Dr Who,” he said.\n";
        let built = Builder::new(text).body(text.trim_end()).build();
        let found = run_loaded(&rule, &built);
        assert_at(&built, &found, &[("test/rule", 1, 1)]);
        assert_eq!(found[0].message, "`Dr` should be `Dr.`");
        assert_fixed(
            &built,
            &found,
            "Dr. Tedros met Dr Congo and Mr Ban; “Dr Who,” he said.\n",
        );
        let french = "Dr Tedros a cité « Dr Who » et «\u{a0}Dr No\u{a0}».\n";
        let built_fr = Builder::new(french).body(french.trim_end()).build();
        assert_at(
            &built_fr,
            &run_loaded(&rule, &built_fr),
            &[("test/rule", 1, 1)],
        );
        let quoted =
            rule_from_toml(&TARGETED.replace("except-words", "in-quotes = true\nexcept-words"));
        assert_at(
            &built,
            &run_loaded(&quoted, &built),
            &[("test/rule", 1, 1), ("test/rule", 1, 37)],
        );
    }
}
