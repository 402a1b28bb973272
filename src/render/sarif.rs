//! The SARIF 2.1.0 format (code scanning): one run, the pack's rules, one result per
//! diagnostic with its region, related locations for labels and fixes as replacements.
//!
//! What GitHub code scanning reads besides: each rule's `help` (the `presslint explain` page,
//! as text and Markdown) and `helpUri`, and each result's `partialFingerprints`
//! ([`FINGERPRINT_KEY`]: the [`crate::fingerprint`] of the finding), which keeps an alert the
//! same alert across commits that edit other parts of the file.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde_json::{json, Value};

use super::stream::nested;
use super::{clamp, positions, FileResult};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::explain::{LintPackExample, Page};
use crate::rules::{help_uri, Pack};
use crate::source::SourceFile;
use crate::span::Span;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Our key in `partialFingerprints`, versioned as SARIF recommends. (`primaryLocationLineHash`
/// is GitHub's own, computed by its upload action from the line's text; we leave it to it.)
pub const FINGERPRINT_KEY: &str = "presslint/v1";

/// The rule ids a result points at by index, in the order of the log's descriptors: the
/// pack's rules, then one `schema/<keyword>` per keyword of the release schema. Fixed before
/// any file is read, so that files can be rendered apart, on any thread.
pub fn indexed_rule_ids(pack: &Pack) -> Vec<String> {
    let mut ids: Vec<String> = pack.rules.iter().map(|r| r.id.clone()).collect();
    ids.extend(
        crate::schema::release_keywords()
            .into_iter()
            .map(|k| format!("schema/{k}")),
    );
    ids
}

/// The notification for a file that could not be checked.
pub fn notification(result: &FileResult) -> Option<Value> {
    let error = result.error.as_ref()?;
    Some(json!({
        "level": "error",
        "message": { "text": format!("{}: {error}", result.name()) },
        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(result.name()) } } }],
    }))
}

/// The results of one file, as items of `runs[0].results` (nested 8 spaces deep). A rule
/// outside `ids` gets no index; it is noted in `extra` for a descriptor at the end.
pub fn write_results(
    result: &FileResult,
    ids: &[String],
    extra: &mut Vec<(String, Severity)>,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let Some(source) = &result.source else {
        return Ok(());
    };
    let uri = uri(result.name());
    let fingerprints =
        crate::fingerprint::of_file(result.name(), &source.text, &result.diagnostics);
    for (i, (diagnostic, fingerprint)) in result.diagnostics.iter().zip(&fingerprints).enumerate() {
        let index = ids.iter().position(|id| *id == diagnostic.rule);
        if index.is_none() {
            extra.push((diagnostic.rule.clone(), diagnostic.severity));
        }
        let mut item = result_of(source, &uri, diagnostic, index);
        item["partialFingerprints"] = json!({ FINGERPRINT_KEY: fingerprint });
        if let Some(pack) = &result.pack {
            item["properties"] = json!({ "pack": pack });
        }
        let item = serde_json::to_string_pretty(&item)?;
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        write!(out, "        {}", nested(&item, 8))?;
    }
    // Findings a comment silenced are results with an in-source suppression (SARIF §3.35),
    // so that code scanning shows them as dismissed, with the comment's reason.
    for (i, suppressed) in result.suppressed.iter().enumerate() {
        let diagnostic = &suppressed.diagnostic;
        let index = ids.iter().position(|id| *id == diagnostic.rule);
        if index.is_none() {
            extra.push((diagnostic.rule.clone(), diagnostic.severity));
        }
        let mut item = result_of(source, &uri, diagnostic, index);
        let mut suppression = json!({ "kind": "inSource" });
        if let Some(reason) = &suppressed.reason {
            suppression["justification"] = json!(reason);
        }
        item["suppressions"] = json!([suppression]);
        if let Some(pack) = &result.pack {
            item["properties"] = json!({ "pack": pack });
        }
        let item = serde_json::to_string_pretty(&item)?;
        if i > 0 || !result.diagnostics.is_empty() {
            out.extend_from_slice(b",\n");
        }
        write!(out, "        {}", nested(&item, 8))?;
    }
    Ok(())
}

/// `{ "$schema", "version", "runs": [ { "columnKind", "results": [` (results follow).
pub fn write_opening(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"$schema\": \"{SARIF_SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
    )
}

/// The packs a run checked with: the first (its rules are indexed), the others loaded, and
/// the files each checked.
pub struct Packs<'a> {
    pub first: &'a Pack,
    pub others: Vec<&'a Pack>,
    pub used: &'a BTreeMap<String, usize>,
}

/// Closes `results`, then the tool with every rule descriptor and the invocation. Each
/// descriptor's help is the rule's page, its examples linted by `lint`. A rule of another
/// pack that checked a file is described from that pack.
pub fn write_closing(
    packs: &Packs<'_>,
    lint: LintPackExample<'_>,
    extra: &BTreeSet<(String, Severity)>,
    notifications: Vec<Value>,
    wrote_item: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rule_descriptor = |pack: &Pack, rule: &crate::rules::Rule| {
        let mut rule_descriptor = descriptor(
            &rule.id,
            &rule.summary,
            &rule.why,
            rule.severity,
            Some(rule.group()),
        );
        with_help(
            &mut rule_descriptor,
            &Page::of(rule, &|text: &str| lint(pack, rule.partner.as_ref(), text)),
        );
        rule_descriptor
    };
    let pack = packs.first;
    let mut rules: Vec<Value> = pack
        .rules
        .iter()
        .map(|rule| rule_descriptor(pack, rule))
        .collect();
    let mut described: BTreeSet<String> = pack.rules.iter().map(|r| r.id.clone()).collect();
    let others = packs
        .others
        .iter()
        .filter(|other| packs.used.contains_key(&other.name));
    for other in others {
        for rule in &other.rules {
            let reported = extra.iter().any(|(id, _)| *id == rule.id);
            if reported && described.insert(rule.id.clone()) {
                rules.push(rule_descriptor(other, rule));
            }
        }
    }
    let schema_ids = indexed_rule_ids(&Pack::default());
    let extra_ids = extra.iter().map(|(id, severity)| (id.clone(), *severity));
    let schema = schema_ids.into_iter().map(|id| (id, Severity::Error));
    for (id, severity) in schema.chain(extra_ids) {
        if !described.insert(id.clone()) {
            continue;
        }
        let (summary, page) = match id.strip_prefix("schema/") {
            Some(keyword) => (
                format!("the release does not satisfy the release schema (`{keyword}`)"),
                Page::of_schema_keyword(keyword),
            ),
            None => {
                let summary = format!("diagnostics of `{id}`");
                let page = Page {
                    id: id.clone(),
                    severity,
                    summary: format!(
                        "A rule of another pack: `presslint explain {id}` with the configuration that governs the file explains it"
                    ),
                    sections: Vec::new(),
                };
                (summary, page)
            }
        };
        let mut extra_descriptor = descriptor(&id, &summary, &summary, severity, None);
        with_help(&mut extra_descriptor, &page);
        rules.push(extra_descriptor);
    }
    let run_properties = json!({ "packs": packs.used });
    let tool = json!({ "driver": {
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    }});
    let invocations = json!([{
        "executionSuccessful": notifications.is_empty(),
        "toolExecutionNotifications": notifications,
    }]);
    let close = if wrote_item { "\n      ]" } else { "]" };
    writeln!(
        out,
        "{close},\n      \"tool\": {},\n      \"invocations\": {},\n      \"properties\": {}\n    }}\n  ]\n}}",
        nested(&serde_json::to_string_pretty(&tool)?, 6),
        nested(&serde_json::to_string_pretty(&invocations)?, 6),
        nested(&serde_json::to_string_pretty(&run_properties)?, 6)
    )
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

/// A descriptor's `help` (the page as text and Markdown) and `helpUri`.
fn with_help(descriptor: &mut Value, page: &Page) {
    descriptor["help"] = json!({ "text": page.text(), "markdown": page.markdown() });
    descriptor["helpUri"] = json!(help_uri(&page.id));
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
    if !diagnostic.labels.is_empty() || !diagnostic.related.is_empty() {
        let here = diagnostic.labels.iter().map(|label| {
            json!({
                "message": { "text": label.message },
                "physicalLocation": {
                    "artifactLocation": { "uri": uri },
                    "region": region(source, label.span),
                },
            })
        });
        // A place in another file: its region as that file's line, column and bytes.
        let elsewhere = diagnostic.related.iter().map(|related| {
            json!({
                "message": { "text": related.message },
                "physicalLocation": {
                    "artifactLocation": { "uri": super::sarif::uri(&related.path) },
                    "region": {
                        "startLine": related.line,
                        "startColumn": related.column,
                        "byteOffset": related.span.start,
                        "byteLength": related.span.len(),
                    },
                },
            })
        });
        result["relatedLocations"] = here
            .chain(elsewhere)
            .enumerate()
            .map(|(i, mut location)| {
                location["id"] = json!(i);
                location
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
            pack: None,
            suppressed: Vec::new(),
        }];
        let mut out = Vec::new();
        let options = super::super::RenderOptions {
            format: super::super::OutputFormat::Sarif,
            color: false,
            show_suppressed: false,
        };
        super::super::render(
            &results,
            &Pack::default(),
            &options,
            &mut out,
            &mut Vec::new(),
        )
        .unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        let run = &log["runs"][0];
        let result = &run["results"][0];
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "schema/type");
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
