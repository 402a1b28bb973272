//! One rule file: TOML -> JSON -> `schemas/rules.schema.json` -> typed rule -> compiled
//! check. Every error names the file and, where one is known, the line.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::Value;

use crate::checks::Kind;
use crate::diagnostic::Severity;
use crate::error::{Error, Result};
use crate::fix::Applicability;

use super::load::PackFile;
use super::located::Located;
use super::params::Params;
use super::{Example, FixSpec, PackData, Rule};

/// The rules schema, compiled once per process.
static RULES_VALIDATOR: LazyLock<std::result::Result<jsonschema::Validator, Error>> =
    LazyLock::new(|| crate::schema::compile("rules", crate::schema::RULES_SCHEMA));

/// The common keys of a rule file; kind parameters stay in `params`.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RuleFile {
    kind: String,
    scope: Scope,
    severity: Severity,
    summary: String,
    message: String,
    why: String,
    #[serde(default)]
    fix: Option<FixFile>,
    #[serde(default)]
    examples: Vec<ExampleFile>,
    #[serde(flatten)]
    params: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct FixFile {
    title: String,
    applicability: Applicability,
    safety: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    bad: Option<String>,
    good: Option<String>,
    ok: Option<String>,
}

/// Which element of the release a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Symbol,
    DateLine,
    Headline,
    /// Sub-headlines under the headline.
    Deck,
    Intro,
    Body,
    EndMarker,
    Disclaimer,
    Noise,
    Category,
    Masthead,
    /// All running text: headlines, intro and body.
    Text,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Symbol => "symbol",
            Scope::DateLine => "date-line",
            Scope::Headline => "headline",
            Scope::Deck => "deck",
            Scope::Intro => "intro",
            Scope::Body => "body",
            Scope::EndMarker => "end-marker",
            Scope::Disclaimer => "disclaimer",
            Scope::Noise => "noise",
            Scope::Category => "category",
            Scope::Masthead => "masthead",
            Scope::Text => "text",
        }
    }
}

/// `group/name` from `group/name.toml`, both kebab-case.
fn rule_id(shown: &Path, relative: &Path) -> Result<String> {
    let parts: Vec<&str> = relative.iter().map(|p| p.to_str().unwrap_or("")).collect();
    let [group, file] = parts.as_slice() else {
        return Err(Error::in_file(
            shown,
            "a rule file must sit at `<group>/<name>.toml`",
        ));
    };
    let name = file.strip_suffix(".toml").unwrap_or(file);
    let id = format!("{group}/{name}");
    if !is_kebab(group) || !is_kebab(name) {
        return Err(Error::in_file(
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
    let located = Located::parse(shown, &file.text)?;
    // The embedded rule files are validated by the test suite (`embedded_rule_files_satisfy_
    // the_rules_schema`); a run validates only the rule files it reads from disk.
    if !file.embedded {
        validate(shown, &located)?;
    }
    let parsed: RuleFile = serde_json::from_value(located.value.clone())
        .map_err(|e| Error::in_file(shown, crate::error::one_line(&e.to_string())))?;
    let params = Params {
        map: &parsed.params,
        located: &located,
        shown,
        data,
        eager_regexes: !file.embedded,
    };
    let check = Kind::compile(&parsed.kind, parsed.scope, &params)?;
    check_placeholders(shown, &located, &parsed)?;
    let examples = examples(shown, &located, parsed.examples)?;
    Ok(Rule {
        id,
        severity: parsed.severity,
        summary: parsed.summary,
        message: parsed.message,
        why: parsed.why.trim().to_owned(),
        fix: parsed.fix.map(|f| FixSpec {
            title: f.title,
            applicability: f.applicability,
            safety: f.safety,
        }),
        examples,
        kind: parsed.kind,
        check,
    })
}

/// Holds a rule file to the rules schema; of its errors, the one reported is an unknown key
/// or value first (a misspelt key also makes a required key missing), then the first by line.
fn validate(shown: &Path, located: &Located) -> Result<()> {
    let validator = RULES_VALIDATOR.as_ref().map_err(Clone::clone)?;
    let mut errors: Vec<(bool, usize, String)> = validator
        .iter_errors(&located.value)
        .map(|e| {
            use jsonschema::error::ValidationErrorKind as K;
            let secondary = matches!(
                e.kind(),
                K::Required { .. }
                    | K::AnyOf { .. }
                    | K::OneOfNotValid { .. }
                    | K::OneOfMultipleValid { .. }
            );
            let (line, message) = schema_error(&e, located);
            (secondary, line, message)
        })
        .collect();
    errors.sort();
    match errors.into_iter().next() {
        Some((_, line, message)) => Err(Error::in_file(shown, message).at_line(line)),
        None => Ok(()),
    }
}

/// The message and fix title may use only the placeholders their kind fills.
fn check_placeholders(shown: &Path, located: &Located, parsed: &RuleFile) -> Result<()> {
    let known = Kind::placeholders_of(&parsed.kind);
    let templates = std::iter::once(("message", "/message", parsed.message.as_str())).chain(
        parsed
            .fix
            .as_ref()
            .map(|f| ("fix.title", "/fix/title", f.title.as_str())),
    );
    for (name, pointer, template) in templates {
        if let Some(unknown) = crate::checks::placeholders_in(template)
            .into_iter()
            .find(|p| !known.contains(p))
        {
            return Err(Error::in_file(
                shown,
                format!(
                    "unknown placeholder `{{{unknown}}}` in `{name}` (kind `{}` fills: {})",
                    parsed.kind,
                    known.join(", ")
                ),
            )
            .at_line(located.line(pointer)));
        }
    }
    Ok(())
}

/// The rule's examples: each has either `bad` (with optional `good`) or `ok`.
fn examples(shown: &Path, located: &Located, written: Vec<ExampleFile>) -> Result<Vec<Example>> {
    let mut examples = Vec::new();
    for (i, example) in written.into_iter().enumerate() {
        examples.push(match (example.bad, example.good, example.ok) {
            (Some(bad), good, None) => Example::Bad { bad, good },
            (None, None, Some(ok)) => Example::Ok { ok },
            _ => {
                return Err(Error::in_file(
                    shown,
                    "an example has either `bad` (with optional `good`) or `ok`",
                )
                .at_line(located.line(&format!("/examples/{i}"))))
            }
        });
    }
    Ok(examples)
}

/// A schema error as `(line, message)`, worded for people writing rule files.
fn schema_error(error: &jsonschema::ValidationError<'_>, located: &Located) -> (usize, String) {
    use jsonschema::error::ValidationErrorKind as K;
    let pointer = error.instance_path().to_string();
    let key = pointer.rsplit('/').next().unwrap_or("").to_owned();
    match error.kind() {
        K::AdditionalProperties { unexpected } => {
            let first = unexpected.first().cloned().unwrap_or_default();
            let at = format!("{pointer}/{first}");
            (located.line(&at), format!("unknown key `{first}`"))
        }
        K::Enum { options } => {
            let shown = match error.instance().as_ref() {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let list: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|o| o.as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            (
                located.line(&pointer),
                format!(
                    "unknown {key} `{shown}` (expected one of: {})",
                    list.join(", ")
                ),
            )
        }
        K::FalseSchema => {
            let kind = located
                .value
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("");
            (
                located.line(&pointer),
                format!("`{key}` is not a parameter of kind `{kind}`"),
            )
        }
        _ => {
            let at = if pointer.is_empty() {
                String::new()
            } else {
                format!("`{}`: ", pointer.trim_start_matches('/'))
            };
            (
                located.line(&pointer),
                format!("{at}{}", crate::error::one_line(&error.to_string())),
            )
        }
    }
}
