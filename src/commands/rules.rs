//! `presslint rules`: every rule of the pack, as an aligned table or as JSON.

use std::io::Write;

use serde::Serialize;

use super::{output_error, Outcome};
use crate::cli::{RulesArgs, RulesFormat};
use presslint::error::{Error, ErrorKind, Result};
use presslint::fix::Applicability;
use presslint::rules::{Pack, Rule};

pub fn run(args: &RulesArgs) -> Result<Outcome> {
    let text = if args.all {
        let packs = Pack::embedded_names()
            .iter()
            .map(|name| Pack::embedded(name))
            .collect::<Result<Vec<Pack>>>()?;
        let refs: Vec<&Pack> = packs.iter().collect();
        render(&refs, args.format)?
    } else {
        let engine = args.settings.workspace()?.engine_here()?;
        render(&[engine.pack()], args.format)?
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(output_error)?;
    Ok(Outcome::Clean)
}

/// The packs as tables (one after another) or as JSON (one object, or an array with `--all`).
fn render(packs: &[&Pack], format: RulesFormat) -> Result<String> {
    match (format, packs) {
        (RulesFormat::Json, [pack]) => pretty(&listing(pack)),
        (RulesFormat::Json, _) => pretty(&packs.iter().map(|p| listing(p)).collect::<Vec<_>>()),
        (RulesFormat::Table, _) => Ok(packs
            .iter()
            .map(|pack| table(pack))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// Pretty JSON and a newline; failing to serialise is reported, not printed as nothing.
fn pretty(value: &impl Serialize) -> Result<String> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| {
        Error::of(
            ErrorKind::Internal,
            format!("cannot serialise the rules: {e}"),
        )
    })?;
    text.push('\n');
    Ok(text)
}

/// `safe`, `unsafe` or `-`.
pub fn fixable(rule: &Rule) -> &'static str {
    match rule.fix.as_ref().map(|f| f.applicability) {
        Some(Applicability::Safe) => "safe",
        Some(Applicability::Unsafe) => "unsafe",
        None => "-",
    }
}

/// One row per rule (pack, id, group, severity, fixable, summary), columns aligned, under a
/// header.
pub fn table(pack: &Pack) -> String {
    let mut rows = vec![[
        "PACK".to_owned(),
        "RULE".to_owned(),
        "GROUP".to_owned(),
        "SEVERITY".to_owned(),
        "FIX".to_owned(),
        "SUMMARY".to_owned(),
    ]];
    rows.extend(pack.rules.iter().map(|rule| {
        [
            pack.name.clone(),
            rule.id.clone(),
            rule.group().to_owned(),
            rule.severity.to_string(),
            fixable(rule).to_owned(),
            rule.summary.clone(),
        ]
    }));
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2), width(3), width(4)];
    let mut out = String::new();
    for row in &rows {
        for (cell, width) in row.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.chars().count() + 2));
        }
        out.push_str(&row[5]);
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct RulesJson<'a> {
    pack: &'a str,
    description: &'a str,
    rules: Vec<RuleJson<'a>>,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    id: &'a str,
    group: &'a str,
    severity: presslint::diagnostic::Severity,
    kind: &'a str,
    fixable: Option<Applicability>,
    summary: &'a str,
}

/// `{"pack", "description", "rules": [{id, group, severity, kind, fixable, summary}]}`.
fn listing(pack: &Pack) -> RulesJson<'_> {
    RulesJson {
        pack: &pack.name,
        description: &pack.description,
        rules: pack
            .rules
            .iter()
            .map(|rule| RuleJson {
                id: &rule.id,
                group: rule.group(),
                severity: rule.severity,
                kind: &rule.kind,
                fixable: rule.fix.as_ref().map(|f| f.applicability),
                summary: &rule.summary,
            })
            .collect(),
    }
}
