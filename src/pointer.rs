//! JSON Pointer -> span maps: how a schema error on a JSON value finds the text it is about,
//! both for the JSON form of a parsed text release and for a JSON input file.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::span::Span;

/// The span of every located JSON value, keyed by its JSON Pointer (RFC 6901).
#[derive(Debug, Clone, Default)]
pub struct PointerSpans {
    spans: BTreeMap<String, Span>,
    /// For object members: the span of the whole `"key": value` member.
    members: BTreeMap<String, Span>,
}

impl PointerSpans {
    pub fn insert(&mut self, pointer: String, span: Span) {
        self.spans.insert(pointer, span);
    }

    pub fn insert_member(&mut self, pointer: String, span: Span) {
        self.members.insert(pointer, span);
    }

    /// The span of the member `"key": value` at `pointer` (key included), when known;
    /// else the value's span.
    pub fn locate_member(&self, pointer: &str) -> Span {
        self.members
            .get(pointer)
            .copied()
            .unwrap_or_else(|| self.locate(pointer))
    }

    /// The span of `pointer`, or of its nearest located ancestor (a missing property is
    /// reported on the object that lacks it).
    pub fn locate(&self, pointer: &str) -> Span {
        let mut pointer = pointer;
        loop {
            if let Some(span) = self.spans.get(pointer) {
                return *span;
            }
            match pointer.rfind('/') {
                Some(cut) => pointer = &pointer[..cut],
                None => return Span::empty(0),
            }
        }
    }

    /// Spans of a value produced from the model: every object with a `span` member
    /// (`{"start": .., "end": ..}`) is located there.
    pub fn from_model_json(value: &Value, root: Span) -> Self {
        let mut spans = Self::default();
        spans.insert(String::new(), root);
        collect(value, &mut String::new(), &mut spans);
        spans
    }
}

fn collect(value: &Value, pointer: &mut String, spans: &mut PointerSpans) {
    let len = pointer.len();
    match value {
        Value::Object(map) => {
            if let Some(span) = map.get("span").and_then(span_of) {
                spans.insert(pointer.clone(), span);
            }
            for (key, child) in map {
                pointer.push('/');
                pointer.push_str(&escape(key));
                collect(child, pointer, spans);
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                collect(child, pointer, spans);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

fn span_of(value: &Value) -> Option<Span> {
    let start = value.get("start")?.as_u64()?;
    let end = value.get("end")?.as_u64()?;
    Some(Span::new(
        usize::try_from(start).ok()?,
        usize::try_from(end).ok()?,
    ))
}

/// Escapes one reference token of a JSON Pointer.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_values_and_falls_back_to_the_nearest_ancestor() {
        let value = serde_json::json!({
            "headlines": [{"text": "A", "span": {"start": 4, "end": 5}, "lines": []}],
            "date_line": null
        });
        let spans = PointerSpans::from_model_json(&value, Span::new(0, 9));
        assert_eq!(spans.locate("/headlines/0/text"), Span::new(4, 5));
        assert_eq!(spans.locate("/headlines/0"), Span::new(4, 5));
        assert_eq!(spans.locate("/date_line"), Span::new(0, 9));
        assert_eq!(spans.locate(""), Span::new(0, 9));
    }
}
