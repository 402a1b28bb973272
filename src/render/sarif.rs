//! The SARIF 2.1.0 format (code scanning): one run, the pack's rules, one result per
//! diagnostic with its region, related locations for labels and fixes as replacements.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde_json::{json, Value};

use super::{clamp, positions, FileResult};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Pack;
use crate::source::SourceFile;
use crate::span::Span;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(results: &[FileResult], pack: &Pack, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(results, pack))?;
    writeln!(out)
}

/// The whole SARIF log as a JSON value.
pub fn log(results: &[FileResult], pack: &Pack) -> Value {
    let mut rules: Vec<Value> = pack
        .rules
        .iter()
        .map(|rule| {
            descriptor(
                &rule.id,
                &rule.summary,
                &rule.why,
                rule.severity,
                Some(rule.group()),
            )
        })
        .collect();
    let mut ids: Vec<String> = pack.rules.iter().map(|r| r.id.clone()).collect();
    // Diagnostics from outside the pack (schema errors) still need a rule descriptor.
    let extra: BTreeSet<(&str, Severity)> = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| pack.rule(&d.rule).is_none())
        .map(|d| (d.rule.as_str(), d.severity))
        .collect();
    for (id, severity) in extra {
        if ids.iter().any(|known| known == id) {
            continue;
        }
        let summary = match id.strip_prefix("schema/") {
            Some(keyword) => {
                format!("the release does not satisfy the release schema (`{keyword}`)")
            }
            None => format!("diagnostics of `{id}`"),
        };
        rules.push(descriptor(id, &summary, &summary, severity, None));
        ids.push(id.to_owned());
    }

    let mut sarif_results = Vec::new();
    let mut notifications = Vec::new();
    for result in results {
        let uri = uri(result.name());
        if let Some(error) = &result.error {
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {error}", result.name()) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri } } }],
            }));
        }
        let Some(source) = &result.source else {
            continue;
        };
        for diagnostic in &result.diagnostics {
            let index = ids.iter().position(|id| *id == diagnostic.rule);
            sarif_results.push(result_of(source, &uri, diagnostic, index));
        }
    }

    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": env!("CARGO_PKG_NAME"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    })
}

fn descriptor(
    id: &str,
    summary: &str,
    why: &str,
    severity: Severity,
    group: Option<&str>,
) -> Value {
    let mut rule = json!({
        "id": id,
        "shortDescription": { "text": summary },
        "fullDescription": { "text": if why.trim().is_empty() { summary } else { why.trim() } },
        "defaultConfiguration": { "level": level(severity) },
    });
    if let Some(group) = group {
        rule["properties"] = json!({ "tags": [group] });
    }
    rule
}

fn result_of(
    source: &SourceFile,
    uri: &str,
    diagnostic: &Diagnostic,
    index: Option<usize>,
) -> Value {
    let mut result = json!({
        "ruleId": diagnostic.rule,
        "level": level(diagnostic.severity),
        "message": { "text": diagnostic.message },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region(source, diagnostic.span),
        }}],
    });
    if let Some(index) = index {
        result["ruleIndex"] = json!(index);
    }
    if !diagnostic.labels.is_empty() {
        result["relatedLocations"] = diagnostic
            .labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                json!({
                    "id": i,
                    "message": { "text": label.message },
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(source, label.span),
                    },
                })
            })
            .collect();
    }
    if let Some(fix) = &diagnostic.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                let span = clamp(&source.text, edit.span());
                json!({
                    "deletedRegion": { "byteOffset": span.start, "byteLength": span.len() },
                    "insertedContent": { "text": edit.replacement },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.description },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": replacements,
            }],
        }]);
    }
    result
}

/// A region with 1-based lines and character columns, and the byte range it covers.
fn region(source: &SourceFile, span: Span) -> Value {
    let span = clamp(&source.text, span);
    let (start, end) = positions(source, span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "byteOffset": span.start,
        "byteLength": span.len(),
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: `/` separators, everything outside the unreserved
/// set and `/` percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Applicability, Edit, Fix};
    use crate::inputs::Input;
    use crate::source::SourceKind;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("a b/ç.txt"), "a%20b/%C3%A7.txt");
        assert_eq!(uri("dir\\x.txt"), "dir/x.txt");
    }

    #[test]
    fn results_carry_regions_related_locations_and_fixes() {
        let text = "Ján sg/sm/1\n";
        let start = text.find("sg").unwrap();
        let d = Diagnostic::new(
            "schema/type",
            Severity::Warning,
            "m",
            Span::new(start, start + 7),
        )
        .with_label(Span::new(0, 4), "name")
        .with_fix(Some(Fix::new(
            "Replace with `SG/SM/1`",
            Applicability::Unsafe,
            vec![Edit::replace(Span::new(start, start + 7), "SG/SM/1")],
        )));
        let results = [FileResult {
            input: Input::stdin("a.txt"),
            source: Some(SourceFile::new("a.txt", text, SourceKind::Text)),
            diagnostics: vec![d],
            error: None,
        }];
        let log = log(&results, &Pack::default());
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "schema/type");
        let result = &run["results"][0];
        assert_eq!(result["ruleIndex"], 0);
        assert_eq!(result["level"], "warning");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 12,
                   "byteOffset": 5, "byteLength": 7})
        );
        assert_eq!(
            result["relatedLocations"][0]["physicalLocation"]["region"]["endColumn"],
            4
        );
        assert_eq!(
            result["fixes"][0]["artifactChanges"][0]["replacements"][0],
            json!({"deletedRegion": {"byteOffset": 5, "byteLength": 7},
                   "insertedContent": {"text": "SG/SM/1"}})
        );
        assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    }
}
