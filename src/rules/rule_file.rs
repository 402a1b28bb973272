//! One rule file: TOML -> the keys every rule has (serde) -> its kind's parameters (serde
//! groups, read by the kind) -> compiled check. Every error names the file and, where one is
//! known, the line. `schemas/rules.schema.json` describes the same files for editors; a test
//! holds it to this loader.

use std::path::Path;

use serde::Deserialize;

use crate::checks::{Kind, Params, Scope, KINDS};
use crate::diagnostic::Severity;
use crate::error::{Error, ErrorKind, Result};
use crate::fix::Applicability;
use crate::toml_file::{field_names, non_empty, non_empty_option, Document};

use super::load::PackFile;
use super::{Example, ExamplePartner, FixSpec, PackData, Rule};

/// The keys every rule file has; the kind reads its own parameters.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RuleHead {
    kind: String,
    scope: Scope,
    severity: Severity,
    #[serde(deserialize_with = "non_empty")]
    summary: String,
    #[serde(deserialize_with = "non_empty")]
    message: String,
    #[serde(deserialize_with = "non_empty")]
    why: String,
    #[serde(default)]
    fix: Option<FixFile>,
    #[serde(default)]
    examples: Vec<ExampleFile>,
    #[serde(default)]
    partner: Option<PartnerFile>,
}

/// `partner = '''...'''` (the other edition) or `partner = false` (none).
#[derive(Deserialize)]
#[serde(untagged)]
enum PartnerFile {
    Edition(#[serde(deserialize_with = "non_empty")] String),
    Absent(bool),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixFile {
    #[serde(deserialize_with = "non_empty")]
    title: String,
    applicability: Applicability,
    #[serde(deserialize_with = "non_empty")]
    safety: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    #[serde(default, deserialize_with = "non_empty_option")]
    bad: Option<String>,
    #[serde(default)]
    good: Option<String>,
    #[serde(default, deserialize_with = "non_empty_option")]
    ok: Option<String>,
}

/// `group/name` from `group/name.toml`, both kebab-case.
fn rule_id(shown: &Path, relative: &Path) -> Result<String> {
    let parts: Vec<&str> = relative.iter().map(|p| p.to_str().unwrap_or("")).collect();
    let [group, file] = parts.as_slice() else {
        return Err(Error::file(
            ErrorKind::Pack,
            shown,
            "a rule file must sit at `<group>/<name>.toml`",
        ));
    };
    let name = file.strip_suffix(".toml").unwrap_or(file);
    let id = format!("{group}/{name}");
    if !is_kebab(group) || !is_kebab(name) {
        return Err(Error::file(
            ErrorKind::Pack,
            shown,
            format!(
                "rule id `{id}` is not kebab-case (`group/name` in lower-case words joined by `-`)"
            ),
        ));
    }
    Ok(id)
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && s.as_bytes()[0].is_ascii_lowercase()
}

/// Loads one rule file.
pub(crate) fn load_rule(file: &PackFile, data: &PackData) -> Result<Rule> {
    let shown = file.shown.as_path();
    let id = rule_id(shown, &file.relative)?;
    let mut doc = Document::parse(ErrorKind::Pack, shown, &file.text)?;
    let kind = kind_of(&doc)?;
    let keys = kind.keys();
    reject_unknown_keys(&doc, kind, &keys)?;
    let head: RuleHead = doc.take()?;
    let mut params = Params::new(&mut doc, data, &keys, !file.embedded);
    let check = kind.compile(head.scope, &mut params)?;
    if let Some(unread) = doc.remaining().first() {
        return Err(Error::of(
            ErrorKind::Internal,
            format!(
                "kind `{}` declares `{unread}` but does not read it",
                kind.name
            ),
        ));
    }
    check_placeholders(&doc, kind, &head)?;
    let examples = examples(&doc, head.examples)?;
    Ok(Rule {
        id,
        severity: head.severity,
        summary: head.summary,
        message: head.message,
        why: head.why.trim().to_owned(),
        fix: head.fix.map(|f| FixSpec {
            title: f.title,
            applicability: f.applicability,
            safety: f.safety,
        }),
        examples,
        partner: match head.partner {
            Some(PartnerFile::Edition(text)) => Some(ExamplePartner::Edition(text)),
            Some(PartnerFile::Absent(false)) => Some(ExamplePartner::Missing),
            Some(PartnerFile::Absent(true)) => {
                return Err(doc.error("partner", "`partner` is a release, or false for none"))
            }
            None => None,
        },
        kind: head.kind,
        check,
    })
}

/// The kind the file names: it decides which other keys the file may hold.
fn kind_of(doc: &Document<'_>) -> Result<&'static Kind> {
    let names = || Kind::names().join(", ");
    match doc.str("kind") {
        Some(name) => Kind::named(name).ok_or_else(|| {
            doc.error(
                "kind",
                format!("unknown kind `{name}` (expected one of: {})", names()),
            )
        }),
        None => Err(doc.error(
            "kind",
            format!("`kind` must name a check kind (one of: {})", names()),
        )),
    }
}

/// A key that is neither common to all rules nor a parameter of the file's kind is an error
/// at its line, before any other (a misspelt key also leaves a required one missing).
fn reject_unknown_keys(doc: &Document<'_>, kind: &Kind, keys: &[&str]) -> Result<()> {
    let common = field_names::<RuleHead>();
    let Some(unknown) = doc
        .remaining()
        .into_iter()
        .find(|key| !common.contains(key) && !keys.contains(key))
    else {
        return Ok(());
    };
    let message = if KINDS.iter().any(|other| other.keys().contains(&unknown)) {
        let takes = if keys.is_empty() {
            "none".to_owned()
        } else {
            keys.join(", ")
        };
        format!(
            "`{unknown}` is not a parameter of kind `{}` (its parameters: {takes})",
            kind.name
        )
    } else {
        format!("unknown key `{unknown}`")
    };
    Err(doc.error(unknown, message))
}

/// The message and fix title may use only the placeholders their kind fills.
fn check_placeholders(doc: &Document<'_>, kind: &Kind, head: &RuleHead) -> Result<()> {
    let templates = std::iter::once(("message", head.message.as_str()))
        .chain(head.fix.as_ref().map(|f| ("fix.title", f.title.as_str())));
    for (key, template) in templates {
        if let Some(unknown) = crate::checks::placeholders_in(template)
            .into_iter()
            .find(|p| !kind.placeholders.contains(p))
        {
            return Err(doc.error(
                key,
                format!(
                    "unknown placeholder `{{{unknown}}}` in `{key}` (kind `{}` fills: {})",
                    kind.name,
                    kind.placeholders.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// The rule's examples: each has either `bad` (with optional `good`) or `ok`.
fn examples(doc: &Document<'_>, written: Vec<ExampleFile>) -> Result<Vec<Example>> {
    let mut examples = Vec::new();
    for (i, example) in written.into_iter().enumerate() {
        examples.push(match (example.bad, example.good, example.ok) {
            (Some(bad), good, None) => Example::Bad { bad, good },
            (None, None, Some(ok)) => Example::Ok { ok },
            _ => {
                return Err(doc.error(
                    &format!("examples.{i}"),
                    "an example has either `bad` (with optional `good`) or `ok`",
                ))
            }
        });
    }
    Ok(examples)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::*;

    /// The rule files of the embedded packs, as if read from disk (regexes compiled).
    fn rule_files() -> Vec<(PackFile, toml::Table)> {
        let mut out = Vec::new();
        for pack in ["un-en", "un-fr"] {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("rules")
                .join(pack);
            for entry in crate::walk::builder(&root).build().flatten() {
                let relative = entry.path().strip_prefix(&root).unwrap().to_path_buf();
                let is_rule = relative.extension().is_some_and(|e| e == "toml")
                    && !relative.starts_with("data")
                    && relative != Path::new("pack.toml");
                if is_rule {
                    let text = std::fs::read_to_string(entry.path()).unwrap();
                    let table = toml::from_str(&text).unwrap();
                    let file = PackFile {
                        shown: relative.clone(),
                        relative,
                        text,
                        embedded: false,
                    };
                    out.push((file, table));
                }
            }
        }
        out
    }

    fn load_without(
        file: &PackFile,
        table: &toml::Table,
        key: &str,
        data: &PackData,
    ) -> Result<Rule> {
        let mut table = table.clone();
        table.remove(key);
        let text = toml::to_string(&table).unwrap();
        let file = PackFile {
            text,
            shown: file.shown.clone(),
            relative: file.relative.clone(),
            embedded: false,
        };
        load_rule(&file, data)
    }

    /// `schemas/rules.schema.json` is for editors; the loader is what runs. They must accept
    /// the same keys for each kind and require the same ones.
    #[test]
    fn the_rules_schema_agrees_with_the_loader() {
        let schema: serde_json::Value = serde_json::from_str(crate::schema::RULES_SCHEMA).unwrap();
        let every: BTreeSet<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let strings = |value: &serde_json::Value| -> BTreeSet<String> {
            value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let common: BTreeSet<&str> = field_names::<RuleHead>().iter().copied().collect();
        let required_by_all = strings(&schema["required"]);
        let data = crate::rules::Pack::embedded("un-en").unwrap().data;
        let files = rule_files();
        let mut kinds_seen = BTreeSet::new();
        for case in schema["allOf"].as_array().unwrap() {
            let name = case["if"]["properties"]["kind"]["const"].as_str().unwrap();
            let kind = Kind::named(name).unwrap_or_else(|| panic!("schema kind `{name}`"));
            kinds_seen.insert(name);
            let forbidden: BTreeSet<&str> = case["then"]["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(_, v)| **v == serde_json::Value::Bool(false))
                .map(|(k, _)| k.as_str())
                .collect();
            let schema_params: BTreeSet<&str> = every
                .difference(&forbidden)
                .filter(|k| !common.contains(*k))
                .copied()
                .collect();
            let loader_params: BTreeSet<&str> = kind.keys().into_iter().collect();
            assert_eq!(schema_params, loader_params, "parameters of kind `{name}`");
            // Required keys: without one, a genuine rule file of the kind no longer loads;
            // without any other key it holds, it still does (format needs one of two).
            let required: BTreeSet<String> = required_by_all
                .iter()
                .cloned()
                .chain(strings(&case["then"]["required"]))
                .collect();
            let (file, table) = files
                .iter()
                .find(|(_, t)| t.get("kind").and_then(toml::Value::as_str) == Some(name))
                .unwrap_or_else(|| panic!("no embedded rule of kind `{name}`"));
            for key in table.keys() {
                let loads = load_without(file, table, key, &data).is_ok();
                let one_of_two = name == "format" && (key == "allowed" || key == "pattern");
                if required.contains(key.as_str()) {
                    assert!(!loads, "{}: `{key}` is required", file.shown.display());
                } else if !one_of_two {
                    assert!(loads, "{}: `{key}` is optional", file.shown.display());
                }
            }
        }
        assert_eq!(kinds_seen, Kind::names().into_iter().collect());
        assert!(common.iter().all(|k| every.contains(k)));
    }
}
