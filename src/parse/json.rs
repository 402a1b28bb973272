//! Reads a release exported in the JSON form of `presslint parse` (as a CMS would export it).
//!
//! Every element's span is the span of its string's contents in the JSON file, and its
//! offset map walks the escapes, so diagnostics on a JSON input point into the JSON file.
//! Derived members (`form`, `year`, `parts`, `lines`...) are re-derived from the text where
//! the export leaves them out; spans written in the export (of the file it came from) are
//! not used for locating.

use jsonc_parser::ast::{Array, Object, StringLit, Value as Node};
use jsonc_parser::{CollectOptions, ParseOptions};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::layout::Layout;
use crate::model::{
    DateForm, DateLine, DocumentKind, Field, Headline, InputFormat, Label, MeetingHeader, Noise,
    NoiseKind, Release, Symbol,
};
use crate::pointer::{escape, PointerSpans};
use crate::source::SourceFile;
use crate::span::Span;
use crate::text::{Encoding, OffsetMap};

/// A JSON input: its value and the span of every value in the file.
pub struct JsonDocument<'a> {
    pub value: Value,
    pub spans: PointerSpans,
    root: Option<Node<'a>>,
    text: &'a str,
}

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

impl<'a> JsonDocument<'a> {
    /// Parses the file; JSON that does not parse is an error naming the file and line.
    pub fn parse(source: &'a SourceFile) -> Result<Self> {
        let bom = crate::source::bom_len(&source.text);
        let body = &source.text[bom..];
        let value: Value = serde_json::from_str(body).map_err(|e| {
            // serde_json's message names the line and column: the same text for `check` and
            // `parse`, which show the file name in front of it.
            Error::file(
                ErrorKind::Decode,
                &source.name,
                format!("not valid JSON: {e}"),
            )
        })?;
        // The AST is parsed from the text after the BOM: its ranges are offsets into `body`,
        // and `bom` is added to each to make it a file offset.
        let parsed = jsonc_parser::parse_to_ast(body, &CollectOptions::default(), &strict())
            .map_err(|e| {
                Error::file(
                    ErrorKind::Decode,
                    &source.name,
                    format!("not valid JSON: {e}"),
                )
            })?;
        if let Some(root) = &parsed.value {
            if let Some((key, first, second)) = duplicate_key(root) {
                let line = |at: usize| source.position(at + bom).line;
                return Err(Error::file(ErrorKind::Decode,
                    &source.name,
                    format!(
                        "duplicate key `{key}` at lines {} and {} (JSON tools disagree on which value wins)",
                        line(first),
                        line(second)
                    ),
                )
                .at_line(line(second)));
            }
        }
        let mut spans = PointerSpans::default();
        spans.insert(String::new(), Span::new(bom, source.text.len()));
        if let Some(root) = &parsed.value {
            locate(root, &mut String::new(), &mut spans, bom);
        }
        Ok(Self {
            value,
            spans,
            root: parsed.value,
            text: &source.text[..],
        })
    }

    /// The release the JSON describes; members of the wrong type are left out (the schema
    /// reports them).
    pub fn to_release(&self, source: &SourceFile, layout: &Layout) -> Release {
        let Some(root) = self.root.as_ref().and_then(Node::as_object) else {
            return Release {
                format: InputFormat::Json,
                content_end: source.text.trim_end().len(),
                ..Release::default()
            };
        };
        let bom = crate::source::bom_len(&source.text);
        let reader = Reader {
            text: self.text,
            bom,
        };
        // Every member is named (no `..Default::default()`): an element added to the model
        // does not compile until this reads it.
        Release {
            format: InputFormat::Json,
            noise: reader.objects(root, "noise", noise),
            category: reader.field(root, "category"),
            symbols: reader.objects(root, "symbols", |object, field| {
                reader.symbol(object, field)
            }),
            date_line: root
                .get_object("date_line")
                .and_then(|object| reader.date_line(object, layout)),
            masthead: reader.field(root, "masthead"),
            labels: reader.objects(root, "labels", label),
            kind: root
                .get_object("kind")
                .and_then(|object| reader.document_kind(object)),
            meeting: root
                .get_object("meeting")
                .and_then(|object| reader.meeting(object)),
            reissue: reader.list(root, "reissue"),
            kicker: reader.field(root, "kicker"),
            headlines: reader.objects(root, "headlines", |object, field| {
                reader.headline(object, field)
            }),
            decks: reader.list(root, "decks"),
            notes: reader.list(root, "notes"),
            intro: reader.field(root, "intro"),
            body: reader.list(root, "body"),
            end_marker: reader.field(root, "end_marker"),
            disclaimers: reader.list(root, "disclaimers"),
            // A missing element belongs in the root object: before its closing brace.
            content_end: (root.range.end + bom).saturating_sub(1),
        }
    }
}

/// A noise entry. A `kind` presslint does not know (or none) reads as a site banner rather
/// than dropping the entry: the schema reports the bad value, and the field stays located.
fn noise(object: &Object<'_>, field: Field) -> Noise {
    let kind = match object.get_string("kind").map(|k| k.value.as_ref()) {
        Some("table_debris") => NoiseKind::TableDebris,
        Some("scraper_date") => NoiseKind::ScraperDate,
        Some("running_head") => NoiseKind::RunningHead,
        _ => NoiseKind::SiteBanner,
    };
    Noise { field, kind }
}

/// A label line, with the kind of document the export gives it: unlike the date, a label
/// is not matched against the pack's layout again.
fn label(object: &Object<'_>, field: Field) -> Label {
    Label {
        field,
        kind: object.get_string("kind").map(|k| k.value.to_string()),
    }
}

/// The first key written twice in one object: `(key, first offset, second offset)`.
fn duplicate_key(node: &Node<'_>) -> Option<(String, usize, usize)> {
    match node {
        Node::Object(object) => {
            let mut seen: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            for property in &object.properties {
                let name = property.name.clone().into_string();
                if let Some(&first) = seen.get(&name) {
                    return Some((name, first, property.range.start));
                }
                seen.insert(name, property.range.start);
            }
            object
                .properties
                .iter()
                .find_map(|p| duplicate_key(&p.value))
        }
        Node::Array(array) => array.elements.iter().find_map(duplicate_key),
        _ => None,
    }
}

/// Walks the AST and records the span of every value by its JSON Pointer.
fn locate(node: &Node<'_>, pointer: &mut String, spans: &mut PointerSpans, base: usize) {
    let range = node_range(node);
    spans.insert(pointer.clone(), Span::new(range.0 + base, range.1 + base));
    let len = pointer.len();
    match node {
        Node::Object(object) => {
            for property in &object.properties {
                pointer.push('/');
                pointer.push_str(&escape(&property.name.clone().into_string()));
                let member = Span::new(property.range.start + base, property.range.end + base);
                spans.insert_member(pointer.clone(), member);
                locate(&property.value, pointer, spans, base);
                pointer.truncate(len);
            }
        }
        Node::Array(array) => {
            for (i, element) in array.elements.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                locate(element, pointer, spans, base);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

fn node_range(node: &Node<'_>) -> (usize, usize) {
    let range = match node {
        Node::StringLit(n) => n.range,
        Node::NumberLit(n) => n.range,
        Node::BooleanLit(n) => n.range,
        Node::Object(n) => n.range,
        Node::Array(n) => n.range,
        Node::NullKeyword(n) => n.range,
    };
    (range.start, range.end)
}

/// Builds model fields out of AST nodes, with spans into the file.
struct Reader<'t> {
    text: &'t str,
    bom: usize,
}

impl Reader<'_> {
    /// A symbol copy. Without exported `parts` the whole symbol is its one part: a symbol
    /// has at least one part, as in a text release, for the checks that read the parts.
    fn symbol(&self, object: &Object<'_>, field: Field) -> Symbol {
        let parts = self.parts_or_whole(object, "parts", &field);
        let stacked = object.get_boolean("stacked").is_some_and(|b| b.value);
        Symbol {
            field,
            parts,
            stacked,
        }
    }

    /// The date line. The date is re-derived from the text, as for a text release, so a
    /// JSON input is checked by the same grammar; the exported `form`, `year`, `month` and
    /// `day` are a fallback for text the date grammar does not know.
    fn date_line(&self, object: &Object<'_>, layout: &Layout) -> Option<DateLine> {
        let field = self.field_of_object(object)?;
        if let Some(found) = super::date::recognise(field.text.trim(), layout) {
            let (form, year, month, day) = (found.form, found.year, found.month, found.day);
            return Some(DateLine {
                field,
                form,
                year,
                month,
                day,
            });
        }
        let number = |key: &str| {
            object
                .get_number(key)
                .and_then(|n| n.value.parse::<i64>().ok())
        };
        let form = match object.get_string("form").map(|f| f.value.as_ref()) {
            Some("numeric") => DateForm::Numeric,
            Some("stamp") => DateForm::Stamp,
            _ => DateForm::Long,
        };
        Some(DateLine {
            field,
            form,
            year: number("year").and_then(|n| i32::try_from(n).ok()),
            month: number("month").and_then(|n| u8::try_from(n).ok()),
            day: number("day").and_then(|n| u8::try_from(n).ok()),
        })
    }

    /// The kind of document. It has no text of its own, so its span is the whole `kind`
    /// object; a missing `symbol` (a schema error) reads as `true`, so that a missing
    /// symbol is still reported rather than excused.
    fn document_kind(&self, object: &Object<'_>) -> Option<DocumentKind> {
        let name = object.get_string("name")?.value.to_string();
        let symbol = object.get_boolean("symbol").is_none_or(|b| b.value);
        let span = Span::new(object.range.start + self.bom, object.range.end + self.bom);
        Some(DocumentKind { name, symbol, span })
    }

    /// The meeting header. Without exported `lines` the whole header is its one line: a
    /// header has at least one line, as in a text release, for the code that reads them.
    fn meeting(&self, object: &Object<'_>) -> Option<MeetingHeader> {
        let field = self.field_of_object(object)?;
        Some(MeetingHeader {
            lines: self.parts_or_whole(object, "lines", &field),
            body: self.field(object, "body"),
            session: self.field(object, "session"),
            meeting: self.field(object, "meeting"),
            time: self.field(object, "time"),
            field,
        })
    }

    /// A headline copy. Without exported `lines` the whole headline is its one line, as a
    /// headline printed on a single line has in a text release.
    fn headline(&self, object: &Object<'_>, field: Field) -> Headline {
        let lines = self.parts_or_whole(object, "lines", &field);
        Headline { field, lines }
    }

    /// `{"text": "..."}` under `key`, when it is an object with a string `text`.
    fn field(&self, object: &Object<'_>, key: &str) -> Option<Field> {
        self.field_of_object(object.get_object(key)?)
    }

    fn field_of_object(&self, object: &Object<'_>) -> Option<Field> {
        Some(self.string_field(object.get_string("text")?))
    }

    fn fields(&self, array: &Array<'_>) -> Vec<Field> {
        array
            .elements
            .iter()
            .filter_map(|e| e.as_object())
            .filter_map(|o| self.field_of_object(o))
            .collect()
    }

    /// The sub-fields under `key` (a symbol's `parts`, a headline's `lines`), or the whole
    /// field alone when the export leaves them out.
    fn parts_or_whole(&self, object: &Object<'_>, key: &str, whole: &Field) -> Vec<Field> {
        let parts = self.list(object, key);
        if parts.is_empty() {
            vec![whole.clone()]
        } else {
            parts
        }
    }

    fn list(&self, object: &Object<'_>, key: &str) -> Vec<Field> {
        object
            .get_array(key)
            .map(|a| self.fields(a))
            .unwrap_or_default()
    }

    fn objects<T>(
        &self,
        object: &Object<'_>,
        key: &str,
        build: impl Fn(&Object<'_>, Field) -> T,
    ) -> Vec<T> {
        let Some(array) = object.get_array(key) else {
            return Vec::new();
        };
        array
            .elements
            .iter()
            .filter_map(|e| e.as_object())
            .filter_map(|o| Some(build(o, self.field_of_object(o)?)))
            .collect()
    }

    /// The string's decoded text, its contents' span and a map through its escapes.
    fn string_field(&self, literal: &StringLit<'_>) -> Field {
        let start = literal.range.start + self.bom + 1;
        let end = (literal.range.end + self.bom).saturating_sub(1).max(start);
        let raw = self.text.get(start..end).unwrap_or("");
        let (text, map) = decode_with_map(raw, start);
        Field::mapped(text, Span::new(start, end), map, Encoding::JsonString)
    }
}

/// Decodes the contents of a JSON string literal found at file offset `base`, mapping every
/// offset of the decoded text to the file.
fn decode_with_map(raw: &str, base: usize) -> (String, OffsetMap) {
    let mut text = String::with_capacity(raw.len());
    let mut anchors: Vec<(usize, usize)> = vec![(0, base)];
    let push = |local: usize, source: usize, anchors: &mut Vec<(usize, usize)>| {
        if anchors
            .last()
            .is_none_or(|&(l, s)| source != s + (local - l))
        {
            anchors.push((local, source));
        }
    };
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        push(text.len(), base + i, &mut anchors);
        if bytes[i] != b'\\' {
            let c = raw[i..].chars().next().unwrap_or('\u{fffd}');
            text.push(c);
            i += c.len_utf8();
            continue;
        }
        let (decoded, width) = decode_escape(&raw[i..]);
        text.push(decoded);
        i += width;
        push(text.len(), base + i, &mut anchors);
    }
    push(text.len(), base + raw.len(), &mut anchors);
    anchors.dedup_by_key(|a| a.0);
    (text, OffsetMap::from_anchors(anchors))
}

/// One escape at the start of `s`: the character and the bytes it took.
fn decode_escape(s: &str) -> (char, usize) {
    let simple = |c| (c, 2);
    match s.as_bytes().get(1) {
        Some(b'n') => simple('\n'),
        Some(b't') => simple('\t'),
        Some(b'r') => simple('\r'),
        Some(b'b') => simple('\u{8}'),
        Some(b'f') => simple('\u{c}'),
        Some(b'u') => {
            let unit = |at: usize| {
                s.get(at..at + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            match unit(2) {
                Some(high @ 0xD800..=0xDBFF) if s.get(6..8) == Some("\\u") => match unit(8) {
                    Some(low @ 0xDC00..=0xDFFF) => {
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        (char::from_u32(code).unwrap_or('\u{fffd}'), 12)
                    }
                    _ => ('\u{fffd}', 6),
                },
                Some(code) => (char::from_u32(code).unwrap_or('\u{fffd}'), 6),
                None => ('\u{fffd}', 2),
            }
        }
        Some(&other) => simple(char::from(other)),
        None => ('\\', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceKind;

    fn document(text: &str) -> (SourceFile, Release, PointerSpans) {
        let source = SourceFile::new("r.json", text, SourceKind::Json);
        let (release, spans) = {
            let document = JsonDocument::parse(&source).unwrap();
            (
                document.to_release(&source, crate::parse::test_layout()),
                document.spans.clone(),
            )
        };
        (source, release, spans)
    }

    #[test]
    fn fields_point_at_string_contents_in_the_json_file() {
        let text = r#"{"symbols": [{"text": "SG/SM/1"}], "body": [{"text": "a\"b\u00e9c"}]}"#;
        let (source, release, spans) = document(text);
        let symbol = &release.symbols[0].field;
        assert_eq!(symbol.text, "SG/SM/1");
        assert_eq!(source.slice(symbol.span), "SG/SM/1");
        let body = &release.body[0];
        assert_eq!(body.text, "a\"béc");
        // `c` is the 5th character of the decoded text; it sits after the `\u00e9` escape.
        let c = body.text.find('c').unwrap();
        assert_eq!(source.slice(body.subspan(c, c + 1)), "c");
        let e = body.text.find('é').unwrap();
        assert_eq!(source.slice(body.subspan(e, e + 'é'.len_utf8())), "\\u00e9");
        assert_eq!(
            source.slice(spans.locate("/body/0/text")),
            r#""a\"b\u00e9c""#
        );
    }

    #[test]
    fn surrogate_pairs_and_a_bom_keep_offsets_right() {
        let text = "\u{feff}{\"intro\": {\"text\": \"\\ud83d\\ude00 ok\"}}";
        let (source, release, _) = document(text);
        let intro = release.intro.unwrap();
        assert_eq!(intro.text, "\u{1f600} ok");
        let ok = intro.text.find("ok").unwrap();
        assert_eq!(source.slice(intro.subspan(ok, ok + 2)), "ok");
    }

    #[test]
    fn invalid_json_is_an_error_naming_the_file_and_line() {
        let source = SourceFile::new("bad.json", "{\n\"a\": }", SourceKind::Json);
        let error = JsonDocument::parse(&source).err().unwrap();
        assert_eq!(error.kind, crate::error::ErrorKind::Decode);
        assert_eq!(
            error.to_string(),
            "bad.json: not valid JSON: expected value at line 2 column 6"
        );
    }

    #[test]
    fn a_duplicate_key_is_an_error_naming_the_key_and_both_lines() {
        let text = "{\n\"intro\": {\"text\": \"A\"},\n\"body\": [{\"text\": \"x\",\n  \"text\": \"y\"}]\n}";
        let source = SourceFile::new("dup.json", text, SourceKind::Json);
        let error = JsonDocument::parse(&source).err().unwrap();
        assert_eq!(
            error.to_string(),
            "dup.json:4: duplicate key `text` at lines 3 and 4 (JSON tools disagree on which value wins)"
        );
    }

    #[test]
    fn members_of_the_wrong_type_are_left_out() {
        let (_, release, _) = document(r#"{"headlines": [{"text": 42}], "intro": "plain"}"#);
        assert!(release.headlines.is_empty());
        assert!(release.intro.is_none());
    }
}
