//! The schemas embedded in the binary, and the release schema compiled once per run: each
//! schema error becomes a `schema/<keyword>` diagnostic located through its instance path.

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::pointer::PointerSpans;

pub const RELEASE_SCHEMA: &str = include_str!("../schemas/release.schema.json");
pub const RULES_SCHEMA: &str = include_str!("../schemas/rules.schema.json");
pub const REPORT_SCHEMA: &str = include_str!("../schemas/report.schema.json");
pub const CONFIG_SCHEMA: &str = include_str!("../schemas/config.schema.json");

/// Every schema this binary embeds, by the name `presslint schema NAME` prints.
pub const SCHEMAS: [(&str, &str); 4] = [
    ("release", RELEASE_SCHEMA),
    ("rules", RULES_SCHEMA),
    ("report", REPORT_SCHEMA),
    ("config", CONFIG_SCHEMA),
];

/// Compiles an embedded schema. No network: `$ref`s resolve inside the document.
pub fn compile(name: &str, text: &str) -> Result<jsonschema::Validator> {
    let schema: Value = serde_json::from_str(text).map_err(|e| {
        Error::of(
            ErrorKind::Internal,
            format!("embedded {name} schema is not JSON: {e}"),
        )
    })?;
    jsonschema::draft202012::new(&schema).map_err(|e| {
        Error::of(
            ErrorKind::Internal,
            format!("embedded {name} schema does not compile: {e}"),
        )
    })
}

/// The validation keywords the release schema uses, kebab-case and sorted: the
/// True for a `schema/<keyword>` id the release schema's diagnostics can carry (a suppression
/// comment may name one).
pub fn is_schema_rule(id: &str) -> bool {
    id.strip_prefix("schema/")
        .is_some_and(|keyword| release_keywords().iter().any(|k| k == keyword))
}

/// `schema/<keyword>` ids its diagnostics can carry.
pub fn release_keywords() -> Vec<String> {
    const VALIDATION: [&str; 24] = [
        "type",
        "enum",
        "const",
        "required",
        "additionalProperties",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minItems",
        "maxItems",
        "uniqueItems",
        "oneOf",
        "anyOf",
        "allOf",
        "not",
        "multipleOf",
        "minProperties",
        "maxProperties",
        "propertyNames",
    ];
    fn walk(value: &Value, found: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    if VALIDATION.contains(&key.as_str()) {
                        found.insert(kebab_case(key));
                    }
                    walk(child, found);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = std::collections::BTreeSet::new();
    if let Ok(schema) = serde_json::from_str::<Value>(RELEASE_SCHEMA) {
        walk(&schema, &mut found);
    }
    found.into_iter().collect()
}

/// The release schema, compiled on first use: only JSON inputs need it (the text parser
/// builds its `Release` through typed code, which a test holds to the schema).
static RELEASE: std::sync::LazyLock<Result<ReleaseSchema>> =
    std::sync::LazyLock::new(ReleaseSchema::compile);

/// The release schema's `front_matter` definition, compiled on first use: only Markdown
/// inputs with front matter need it.
static FRONT_MATTER: std::sync::LazyLock<Result<ReleaseSchema>> =
    std::sync::LazyLock::new(ReleaseSchema::compile_front_matter);

/// The compiled release schema (or one of its definitions).
pub struct ReleaseSchema {
    validator: jsonschema::Validator,
}

impl ReleaseSchema {
    /// The process-wide release schema, compiled on first use.
    pub fn shared() -> Result<&'static Self> {
        RELEASE.as_ref().map_err(Clone::clone)
    }

    pub fn compile() -> Result<Self> {
        Ok(Self {
            validator: compile("release", RELEASE_SCHEMA)?,
        })
    }

    /// The process-wide schema of a Markdown release's front matter (`$defs/front_matter`),
    /// compiled on first use.
    pub fn front_matter() -> Result<&'static Self> {
        FRONT_MATTER.as_ref().map_err(Clone::clone)
    }

    /// Compiles `$defs/front_matter` of the release schema: the schema's definitions under a
    /// root that refers to it, so that the definition is written once, in the schema.
    pub fn compile_front_matter() -> Result<Self> {
        let mut schema: Value = serde_json::from_str(RELEASE_SCHEMA).map_err(|e| {
            Error::of(
                ErrorKind::Internal,
                format!("embedded release schema is not JSON: {e}"),
            )
        })?;
        let root = serde_json::json!({
            "$schema": schema.get("$schema").cloned().unwrap_or(Value::Null),
            "$defs": schema.get_mut("$defs").map(Value::take).unwrap_or_default(),
            "$ref": "#/$defs/front_matter",
        });
        let validator = jsonschema::draft202012::new(&root).map_err(|e| {
            Error::of(
                ErrorKind::Internal,
                format!("the release schema's front_matter does not compile: {e}"),
            )
        })?;
        Ok(Self { validator })
    }

    /// One diagnostic per schema error, at the span of the offending value.
    pub fn validate(&self, value: &Value, spans: &PointerSpans) -> Vec<Diagnostic> {
        self.validator
            .iter_errors(value)
            .map(|error| {
                let pointer = error.instance_path().to_string();
                // An unexpected member is shown where it is written, not on its object.
                let span = match error.kind() {
                    jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } => {
                        unexpected
                            .first()
                            .map(|key| {
                                spans.locate_member(&format!(
                                    "{pointer}/{}",
                                    crate::pointer::escape(key)
                                ))
                            })
                            .unwrap_or_else(|| spans.locate(&pointer))
                    }
                    _ => spans.locate(&pointer),
                };
                let keyword = kebab_case(error.kind().keyword());
                let shown = if pointer.is_empty() {
                    "/".to_owned()
                } else {
                    pointer.clone()
                };
                let detail = crate::error::one_line(&error.to_string());
                Diagnostic::new(
                    format!("schema/{keyword}"),
                    Severity::Error,
                    format!("`{shown}`: {detail}"),
                    span,
                )
            })
            .collect()
    }
}

/// `additionalProperties` -> `additional-properties`: rule ids are kebab-case.
pub fn kebab_case(keyword: &str) -> String {
    let mut out = String::with_capacity(keyword.len() + 4);
    for c in keyword.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn every_embedded_schema_compiles() {
        for (name, text) in SCHEMAS {
            compile(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn schema_errors_become_located_diagnostics() {
        let schema = ReleaseSchema::compile().unwrap();
        let value = serde_json::json!({"headlines": [{"text": 42, "span": {"start": 3, "end": 7}}], "bogus": 1});
        let mut spans = PointerSpans::default();
        spans.insert(String::new(), Span::new(0, 50));
        spans.insert("/headlines/0".into(), Span::new(3, 7));
        spans.insert("/headlines/0/text".into(), Span::new(12, 14));
        let mut found: Vec<(String, Span)> = schema
            .validate(&value, &spans)
            .into_iter()
            .map(|d| (d.rule, d.span))
            .collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                ("schema/additional-properties".to_owned(), Span::new(0, 50)),
                ("schema/type".to_owned(), Span::new(12, 14)),
            ]
        );
    }

    #[test]
    fn the_front_matter_definition_compiles_and_checks_its_keys() {
        let schema = ReleaseSchema::front_matter().unwrap();
        let spans = PointerSpans::default();
        let good = serde_json::json!({"symbol": "SG/SM/13017", "date": "2010-07-19", "title": "T"});
        assert!(schema.validate(&good, &spans).is_empty());
        for (value, rule) in [
            (serde_json::json!({"symbol": "13017"}), "schema/pattern"),
            (serde_json::json!({"date": "soon"}), "schema/pattern"),
            (serde_json::json!({"language": "de"}), "schema/enum"),
            (serde_json::json!({"title": 7}), "schema/type"),
            (
                serde_json::json!({"author": "x"}),
                "schema/additional-properties",
            ),
        ] {
            let found: Vec<String> = schema
                .validate(&value, &spans)
                .into_iter()
                .map(|d| d.rule)
                .collect();
            assert_eq!(found, vec![rule.to_owned()], "{value}");
        }
        // Dates as the date-line rules judge them are the rules' to report, not the schema's.
        for date in [
            "19 July 2010",
            "1er juillet 2010",
            "March 12, 2024",
            "19th July, 2010",
        ] {
            let value = serde_json::json!({ "date": date });
            assert!(schema.validate(&value, &spans).is_empty(), "{date}");
        }
    }

    #[test]
    fn keywords_become_kebab_case() {
        assert_eq!(kebab_case("additionalProperties"), "additional-properties");
        assert_eq!(kebab_case("type"), "type");
    }
}
