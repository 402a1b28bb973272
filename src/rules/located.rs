//! A TOML file turned into JSON for the rules schema, with the span of every value kept, so
//! that an error found in the JSON still names the line of the TOML it came from.

use std::path::Path;

use serde_json::{Map, Value};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::pointer::PointerSpans;
use crate::span::{LineIndex, Span};

/// A TOML file turned into JSON, with the span of every value by JSON Pointer.
pub(crate) struct Located {
    pub value: Value,
    pub spans: PointerSpans,
    lines: LineIndex,
    text: String,
}

impl Located {
    pub fn parse(shown: &Path, text: &str) -> Result<Self> {
        let lines = LineIndex::new(text);
        let table = DeTable::parse(text).map_err(|e| Error::from_toml(shown, text, &e))?;
        let mut spans = PointerSpans::default();
        let mut pointer = String::new();
        let value = table_to_json(table.get_ref(), &mut pointer, &mut spans);
        spans.insert(String::new(), Span::new(0, 0));
        Ok(Self {
            value,
            spans,
            lines,
            text: text.to_owned(),
        })
    }

    /// The 1-based line of the value at `pointer` (or of its nearest located ancestor).
    pub fn line(&self, pointer: &str) -> usize {
        let span = self.spans.locate(pointer);
        self.lines.line_of(span.start.min(self.text.len())) + 1
    }
}

fn table_to_json(table: &DeTable<'_>, pointer: &mut String, spans: &mut PointerSpans) -> Value {
    let mut map = Map::new();
    for (key, value) in table {
        let len = pointer.len();
        pointer.push('/');
        pointer.push_str(&key.get_ref().replace('~', "~0").replace('/', "~1"));
        // A key's line is where people look: locate the value at its key.
        let span = Span::new(key.span().start, value.span().end);
        spans.insert(pointer.clone(), span);
        map.insert(
            key.get_ref().to_string(),
            value_to_json(value, pointer, spans),
        );
        pointer.truncate(len);
    }
    Value::Object(map)
}

fn value_to_json(
    value: &Spanned<DeValue<'_>>,
    pointer: &mut String,
    spans: &mut PointerSpans,
) -> Value {
    match value.get_ref() {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(Value::from)
            .unwrap_or(Value::Null),
        DeValue::Float(f) => f
            .as_str()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    spans.insert(
                        pointer.clone(),
                        Span::new(item.span().start, item.span().end),
                    );
                    let v = value_to_json(item, pointer, spans);
                    pointer.truncate(len);
                    v
                })
                .collect(),
        ),
        DeValue::Table(table) => table_to_json(table, pointer, spans),
    }
}
