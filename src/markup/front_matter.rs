//! The front matter of a Markdown release: YAML between `---` lines or TOML between `+++`
//! lines at the top of the file.
//!
//! It is read with real parsers (yaml-rust2's event parser, toml's spanned tables), never by
//! hand, and every key and value keeps its bytes in the file: the projection writes the values
//! as the release's header lines, and a schema error points at the key or value it is about.
//! Only the delimiter lines are found here, as the Markdown tools that write front matter
//! find them (Jekyll, Hugo, pulldown-cmark's metadata blocks).

use serde_json::{Map, Value};
use toml::de::{DeTable, DeValue};
use toml::Spanned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};
use yaml_rust2::Yaml;

use super::projection::Markup;
use crate::diagnostic::{Diagnostic, Severity};
use crate::pointer::{escape, PointerSpans};
use crate::schema::ReleaseSchema;
use crate::span::Span;

/// The language the front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Between `---` lines (closed by `---` or `...`).
    Yaml,
    /// Between `+++` lines.
    Toml,
}

/// A string value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// What the value reads as: escapes decoded, folded lines joined.
    pub text: String,
    /// The value in the file, quotes included: where a schema error points.
    pub span: Span,
    /// The value without its quotes: what a header line maps to.
    pub inner: Span,
    /// `inner` holds `text` byte for byte (no escape, no folded line).
    pub verbatim: bool,
    /// How a fix writes into the value (escaped for its quotes; none across lines).
    pub markup: Markup,
}

/// A top-level key and its value, when the value is a string.
#[derive(Debug, Clone)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Option<Scalar>,
}

/// A front matter block and what it holds.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub syntax: Syntax,
    /// The whole block, delimiter lines included.
    pub span: Span,
    /// Where the Markdown body starts: after the closing delimiter's line.
    pub body_start: usize,
    /// The top-level members, in file order.
    pub members: Vec<Member>,
    /// The front matter as JSON, for the schema: the shape a JSON release would have.
    pub value: Value,
    /// The span of every value and, for object members, of every key.
    pub spans: PointerSpans,
    /// Why the block does not read as YAML or TOML, and where.
    pub error: Option<(String, Span)>,
}

impl FrontMatter {
    /// The string value of `key`.
    pub fn get(&self, key: &str) -> Option<&Scalar> {
        self.members
            .iter()
            .find(|m| m.key == key)
            .and_then(|m| m.value.as_ref())
    }

    /// The block's findings, in the file's offsets: a block that does not parse, else every
    /// error of the release schema's `front_matter` definition.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        if let Some((message, span)) = &self.error {
            // Not an object at all: the `type` the schema asks of the front matter.
            let syntax = match self.syntax {
                Syntax::Yaml => "YAML",
                Syntax::Toml => "TOML",
            };
            return vec![Diagnostic::new(
                "schema/type",
                Severity::Error,
                format!("`/`: the front matter is not valid {syntax}: {message}"),
                *span,
            )];
        }
        match ReleaseSchema::front_matter() {
            Ok(schema) => schema.validate(&self.value, &self.spans),
            Err(_) => Vec::new(),
        }
    }
}

/// The front matter at `start` (after a byte order mark), if the file opens with one: a
/// `---` or `+++` line, closed by the same line (`...` also closes YAML). Without a closing
/// line there is none: the `---` is a Markdown thematic break.
pub fn read(text: &str, start: usize) -> Option<FrontMatter> {
    let block = delimit(text, start)?;
    let content = &text[block.content.clone()];
    let base = block.content.start;
    let mut read = match block.syntax {
        Syntax::Yaml => Reader::yaml(content, base),
        Syntax::Toml => Reader::toml(content, base),
    };
    let span = Span::new(start, block.end);
    // The block is where errors on the whole front matter point (`required`, `type`).
    read.spans.insert(String::new(), span);
    Some(FrontMatter {
        syntax: block.syntax,
        span,
        body_start: block.body_start,
        members: read.members,
        value: read.value,
        spans: read.spans,
        error: read.error,
    })
}

struct Block {
    syntax: Syntax,
    content: std::ops::Range<usize>,
    /// The end of the closing delimiter line, line break excluded.
    end: usize,
    body_start: usize,
}

/// The delimiter lines of a front matter block at `start`.
fn delimit(text: &str, start: usize) -> Option<Block> {
    let mut lines = text[start..].split_inclusive('\n').scan(start, |at, line| {
        let from = *at;
        *at += line.len();
        Some((from, line))
    });
    let (_, first) = lines.next()?;
    let syntax = match bare(first) {
        "---" if first.ends_with('\n') => Syntax::Yaml,
        "+++" if first.ends_with('\n') => Syntax::Toml,
        _ => return None,
    };
    let content_start = start + first.len();
    for (at, line) in lines {
        let closes = matches!(
            (syntax, bare(line)),
            (Syntax::Yaml, "---" | "...") | (Syntax::Toml, "+++")
        );
        if closes {
            let end = at + line.trim_end_matches(['\n', '\r']).len();
            return Some(Block {
                syntax,
                content: content_start..at,
                end,
                body_start: at + line.len(),
            });
        }
    }
    None
}

/// A line without its line break and trailing blanks.
fn bare(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r', ' ', '\t'])
}

/// What a front matter block reads as.
#[derive(Default)]
struct Reader {
    members: Vec<Member>,
    value: Value,
    spans: PointerSpans,
    error: Option<(String, Span)>,
}

impl Reader {
    /// A block whose parser failed: no members; its error is its only finding.
    fn failed(message: String, span: Span) -> Self {
        Self {
            value: Value::Object(Map::new()),
            error: Some((message, span)),
            ..Self::default()
        }
    }

    fn yaml(content: &str, base: usize) -> Self {
        let mut events = Events::default();
        let mut parser = Parser::new_from_str(content);
        let bytes = CharBytes::new(content);
        if let Err(error) = parser.load(&mut events, false) {
            let at = base + bytes.of(error.marker());
            return Self::failed(error.info().to_owned(), Span::empty(at));
        }
        let mut tree = YamlTree {
            content,
            base,
            bytes,
            events: events.0,
            next: 0,
            spans: PointerSpans::default(),
            members: Vec::new(),
            duplicate: None,
            recording: true,
        };
        // StreamStart, DocumentStart, then the root node (none for an empty block).
        while matches!(tree.peek(), Some(Event::StreamStart | Event::DocumentStart)) {
            tree.next += 1;
        }
        let value = match tree.peek() {
            None | Some(Event::StreamEnd | Event::DocumentEnd) => Value::Object(Map::new()),
            Some(_) => tree.node(&mut String::new()).0,
        };
        if let Some((key, span)) = tree.duplicate {
            return Self::failed(format!("the key `{key}` is written twice"), span);
        }
        Self {
            members: tree.members,
            value,
            spans: tree.spans,
            error: None,
        }
    }

    fn toml(content: &str, base: usize) -> Self {
        let table = match DeTable::parse(content) {
            Ok(table) => table,
            Err(error) => {
                let span = error.span().map_or(Span::empty(base), |r| {
                    Span::new(base + r.start, base + r.end)
                });
                let message = crate::error::one_line(error.message());
                return Self::failed(message, span);
            }
        };
        let mut tree = TomlTree {
            content,
            base,
            spans: PointerSpans::default(),
        };
        let mut members = Vec::new();
        let mut map = Map::new();
        let mut entries: Vec<_> = table.get_ref().iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in entries {
            let key_span = tree.span(key.span());
            let pointer = format!("/{}", escape(key.get_ref()));
            tree.spans.insert_member(pointer.clone(), key_span);
            let (json, scalar) = tree.value(value, &pointer);
            members.push(Member {
                key: key.get_ref().to_string(),
                key_span,
                value: scalar,
            });
            map.insert(key.get_ref().to_string(), json);
        }
        Self {
            members,
            value: Value::Object(map),
            spans: tree.spans,
            error: None,
        }
    }
}

/// The YAML parser's events and where each starts (in characters).
#[derive(Default)]
struct Events(Vec<(Event, Marker)>);

impl MarkedEventReceiver for Events {
    fn on_event(&mut self, event: Event, mark: Marker) {
        self.0.push((event, mark));
    }
}

/// Byte offsets of a text's characters: yaml-rust2's markers count characters (its scanner
/// reads a `char` iterator), whatever its documentation says of bytes.
struct CharBytes(Vec<usize>);

impl CharBytes {
    fn new(text: &str) -> Self {
        let mut offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        offsets.push(text.len());
        Self(offsets)
    }

    fn of(&self, mark: &Marker) -> usize {
        let last = self.0.last().copied().unwrap_or(0);
        self.0.get(mark.index()).copied().unwrap_or(last)
    }
}

/// Builds the JSON value of a YAML document from its events, locating every node.
struct YamlTree<'a> {
    content: &'a str,
    base: usize,
    bytes: CharBytes,
    events: Vec<(Event, Marker)>,
    next: usize,
    spans: PointerSpans,
    members: Vec<Member>,
    duplicate: Option<(String, Span)>,
    /// False while a key is read: a key is located as its member, not as a value.
    recording: bool,
}

impl YamlTree<'_> {
    fn peek(&self) -> Option<&Event> {
        self.events.get(self.next).map(|(event, _)| event)
    }

    /// Where the event at `i` starts, as a byte offset into the block's content.
    fn at(&self, i: usize) -> usize {
        self.events
            .get(i)
            .map_or(self.content.len(), |(_, mark)| self.bytes.of(mark))
    }

    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.base + range.start, self.base + range.end)
    }

    /// The node at the cursor, its value and its span; its spans (and, at the top, its
    /// members) are recorded under `pointer`.
    fn node(&mut self, pointer: &mut String) -> (Value, Span, Option<Scalar>) {
        let i = self.next;
        self.next += 1;
        let start = self.at(i);
        let Some((event, _)) = self.events.get(i).cloned() else {
            return (Value::Null, self.span(start..start), None);
        };
        let (value, span, scalar) = match event {
            Event::Scalar(text, style, _, tag) => {
                let scalar = self.scalar(text, style, start);
                let plain_str = tag
                    .as_ref()
                    .is_some_and(|t| t.handle == "tag:yaml.org,2002:" && t.suffix == "str");
                let value = match style {
                    TScalarStyle::Plain if !plain_str => json_of(Yaml::from_str(&scalar.text)),
                    _ => Value::String(scalar.text.clone()),
                };
                let string = value.is_string().then(|| scalar.clone());
                (value, scalar.span, string)
            }
            Event::SequenceStart(..) => {
                let mut items = Vec::new();
                while !matches!(self.peek(), None | Some(Event::SequenceEnd)) {
                    let len = pointer.len();
                    pointer.push_str(&format!("/{}", items.len()));
                    items.push(self.node(pointer).0);
                    pointer.truncate(len);
                }
                self.next += 1;
                let end = self.content_end_before(self.next - 1);
                (Value::Array(items), self.span(start..end.max(start)), None)
            }
            Event::MappingStart(..) => {
                let top = pointer.is_empty() && self.recording;
                let mut map = Map::new();
                while !matches!(self.peek(), None | Some(Event::MappingEnd)) {
                    let recording = std::mem::replace(&mut self.recording, false);
                    let (key, key_span, _) = self.node(&mut String::new());
                    self.recording = recording;
                    let key = match key {
                        Value::String(key) => key,
                        Value::Null => String::new(),
                        other => other.to_string(),
                    };
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape(&key));
                    if self.recording {
                        self.spans.insert_member(pointer.clone(), key_span);
                    }
                    let (value, value_span, scalar) = self.node(pointer);
                    if value_span.is_empty() && self.recording {
                        // `title:` with nothing after it: the key is what can be shown.
                        self.spans.insert(pointer.clone(), key_span);
                    }
                    pointer.truncate(len);
                    if map.contains_key(&key) && self.duplicate.is_none() {
                        self.duplicate = Some((key.clone(), key_span));
                    }
                    if top {
                        self.members.push(Member {
                            key: key.clone(),
                            key_span,
                            value: scalar,
                        });
                    }
                    map.insert(key, value);
                }
                self.next += 1;
                let end = self.content_end_before(self.next - 1);
                (Value::Object(map), self.span(start..end.max(start)), None)
            }
            // An alias repeats an anchored node: the front matter's keys take no such thing.
            _ => (Value::Null, self.span(start..start), None),
        };
        if self.recording {
            self.spans.insert(pointer.clone(), span);
        }
        (value, span, scalar)
    }

    /// The end of the text before the event at `i` (a collection ends where its last node
    /// does, white space and comments aside as far as they trail the block).
    fn content_end_before(&self, i: usize) -> usize {
        let at = self.at(i);
        self.content[..at].trim_end().len()
    }

    /// A scalar's text and its extent, from where it starts: the scanner gives no end, so it
    /// is found from the scalar's style (closing quote) or by reading its text back.
    fn scalar(&self, text: String, style: TScalarStyle, start: usize) -> Scalar {
        let bound = self.at(self.next);
        let source = &self.content[start..bound.max(start)];
        let (whole, inner) = match style {
            TScalarStyle::DoubleQuoted | TScalarStyle::SingleQuoted => {
                match closing_quote(source, style) {
                    Some(end) => (end + 1, 1..end),
                    None => (source.trim_end().len(), 0..source.trim_end().len()),
                }
            }
            TScalarStyle::Plain => {
                let len = read_back(source, &text).unwrap_or_else(|| source.trim_end().len());
                (len, 0..len)
            }
            TScalarStyle::Literal | TScalarStyle::Folded => {
                let len = source.trim_end().len();
                (len, 0..len)
            }
        };
        let verbatim = source.get(inner.clone()) == Some(text.as_str());
        let markup = match style {
            _ if source[..whole].contains('\n') => Markup::ReadOnly,
            TScalarStyle::Plain => Markup::YamlPlain,
            TScalarStyle::DoubleQuoted => Markup::DoubleQuoted,
            TScalarStyle::SingleQuoted => Markup::SingleQuoted,
            TScalarStyle::Literal | TScalarStyle::Folded => Markup::ReadOnly,
        };
        Scalar {
            span: self.span(start..start + whole),
            inner: self.span(start + inner.start..start + inner.end),
            verbatim,
            markup,
            text,
        }
    }
}

/// The offset of the quote that closes the quoted scalar opening `source`.
fn closing_quote(source: &str, style: TScalarStyle) -> Option<usize> {
    let quote = if style == TScalarStyle::DoubleQuoted {
        '"'
    } else {
        '\''
    };
    let mut chars = source.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            // `''` is a quote inside single quotes.
            '\'' if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(at),
            _ => {}
        }
    }
    None
}

/// The length of `source` that a plain scalar reading `text` takes: the same characters, a
/// run of white space for each (folded lines read as one space or one line break).
fn read_back(source: &str, text: &str) -> Option<usize> {
    let mut src = source.char_indices().peekable();
    let mut end = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            if !src.peek().is_some_and(|&(_, s)| s.is_whitespace()) {
                return None;
            }
            while src.peek().is_some_and(|&(_, s)| s.is_whitespace()) {
                src.next();
            }
            continue;
        }
        match src.next() {
            Some((at, s)) if s == c => end = at + s.len_utf8(),
            _ => return None,
        }
    }
    Some(end)
}

/// A YAML scalar's value as JSON (YAML's core schema: null, booleans, numbers, strings).
fn json_of(yaml: Yaml) -> Value {
    match yaml {
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(r) => r
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(r), Value::Number),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::String(s) => Value::String(s),
        _ => Value::Null,
    }
}

/// Builds the JSON value of a TOML table, locating every value.
struct TomlTree<'a> {
    content: &'a str,
    base: usize,
    spans: PointerSpans,
}

impl TomlTree<'_> {
    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.base + range.start, self.base + range.end)
    }

    fn value(&mut self, value: &Spanned<DeValue<'_>>, pointer: &str) -> (Value, Option<Scalar>) {
        let range = value.span();
        let span = self.span(range.clone());
        self.spans.insert(pointer.to_owned(), span);
        match value.get_ref() {
            DeValue::String(text) => {
                let scalar = self.string(text, range);
                (Value::String(scalar.text.clone()), Some(scalar))
            }
            // A TOML date (`date = 2010-07-19`) is the date as written.
            DeValue::Datetime(date) => {
                let text = date.to_string();
                let verbatim = self.content.get(range.clone()) == Some(text.as_str());
                // A replacement would have to be a TOML date again.
                let scalar = Scalar {
                    text: text.clone(),
                    span,
                    inner: span,
                    verbatim,
                    markup: Markup::ReadOnly,
                };
                (Value::String(text), Some(scalar))
            }
            DeValue::Integer(i) => {
                let number =
                    i64::from_str_radix(i.as_str(), i.radix()).map_or(Value::Null, Value::from);
                (number, None)
            }
            DeValue::Float(f) => {
                let number = f
                    .as_str()
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number);
                (number, None)
            }
            DeValue::Boolean(b) => (Value::Bool(*b), None),
            DeValue::Array(items) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.value(item, &format!("{pointer}/{i}")).0)
                    .collect();
                (Value::Array(items), None)
            }
            DeValue::Table(table) => {
                let mut map = Map::new();
                for (key, item) in table.iter() {
                    let child = format!("{pointer}/{}", escape(key.get_ref()));
                    self.spans
                        .insert_member(child.clone(), self.span(key.span()));
                    map.insert(key.get_ref().to_string(), self.value(item, &child).0);
                }
                (Value::Object(map), None)
            }
        }
    }

    /// A string and its extent: inside its quotes (three for a multi-line string, whose
    /// first line break is not part of it).
    fn string(&self, text: &str, range: std::ops::Range<usize>) -> Scalar {
        let raw = &self.content[range.clone()];
        let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            3
        } else {
            1
        };
        let markup = match raw.starts_with('"') {
            _ if raw.contains('\n') => Markup::ReadOnly,
            true => Markup::DoubleQuoted,
            false => Markup::Literal,
        };
        let end = range.end.saturating_sub(quotes).max(range.start);
        let mut inner = (range.start + quotes).min(end)..end;
        if quotes == 3 {
            // The line break right after the opening quotes is not part of the string.
            let after = &self.content[inner.clone()];
            let newline = ["\r\n", "\n"].iter().find(|n| after.starts_with(**n));
            inner.start += newline.map_or(0, |n| n.len());
        }
        let inner_span = self.span(inner.clone());
        Scalar {
            text: text.to_owned(),
            span: self.span(range),
            inner: inner_span,
            verbatim: self.content.get(inner) == Some(text),
            markup,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    #[test]
    fn a_block_is_delimited_by_its_lines() {
        let yaml = "---\r\ntitle: A\r\n...\r\nBody\r\n";
        let front = read(yaml, 0).unwrap();
        assert_eq!(front.syntax, Syntax::Yaml);
        assert_eq!(at(yaml, front.span), "---\r\ntitle: A\r\n...");
        assert_eq!(&yaml[front.body_start..], "Body\r\n");
        let toml = "+++ \ntitle = 'A'\n+++";
        let front = read(toml, 0).unwrap();
        assert_eq!((front.syntax, front.body_start), (Syntax::Toml, toml.len()));
        // No closing line, a mismatched one, or a rule not on the first line: no front matter.
        for text in [
            "---\ntitle: A\n",
            "---\ntitle: A\n+++\n",
            "Text\n---\ntitle: A\n---\n",
            "----\ntitle: A\n----\n",
        ] {
            assert!(read(text, 0).is_none(), "{text:?}");
        }
    }

    #[test]
    fn yaml_values_keep_their_bytes() {
        let text = "---\n\
            symbol: sg/sm/1 # as printed\n\
            title: \"Caf\u{e9} \\\"Talks\\\"\"\n\
            subtitle: 'It''s On'\n\
            category: Secretary-\n  General\n\
            date: >\n  19 July\n  2010\n\
            ---\n";
        let front = read(text, 0).unwrap();
        let found: Vec<(&str, &str, &str, bool, Markup)> = front
            .members
            .iter()
            .map(|m| {
                let v = m.value.as_ref().unwrap();
                (
                    at(text, m.key_span),
                    v.text.as_str(),
                    at(text, v.inner),
                    v.verbatim,
                    v.markup,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("symbol", "sg/sm/1", "sg/sm/1", true, Markup::YamlPlain),
                (
                    "title",
                    "Caf\u{e9} \"Talks\"",
                    "Caf\u{e9} \\\"Talks\\\"",
                    false,
                    Markup::DoubleQuoted
                ),
                (
                    "subtitle",
                    "It's On",
                    "It''s On",
                    false,
                    Markup::SingleQuoted
                ),
                (
                    "category",
                    "Secretary- General",
                    "Secretary-\n  General",
                    false,
                    Markup::ReadOnly
                ),
                (
                    "date",
                    "19 July 2010\n",
                    // A block scalar starts where its text does, under its indicator.
                    "19 July\n  2010",
                    false,
                    Markup::ReadOnly
                ),
            ]
        );
        assert_eq!(
            at(text, front.spans.locate("/title")),
            "\"Caf\u{e9} \\\"Talks\\\"\""
        );
        assert_eq!(at(text, front.spans.locate_member("/subtitle")), "subtitle");
    }

    #[test]
    fn a_key_written_twice_is_an_error_at_the_second() {
        let text = "---\ntitle: A\ntitle: B\n---\n";
        let front = read(text, 0).unwrap();
        let (message, span) = front.error.clone().unwrap();
        assert_eq!(message, "the key `title` is written twice");
        assert_eq!(span.start, text.rfind("title").unwrap());
        let diagnostics = front.diagnostics();
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0]
            .message
            .starts_with("`/`: the front matter is not valid YAML"));
        let toml = "+++\ntitle = 'A'\ntitle = 'B'\n+++\n";
        let front = read(toml, 0).unwrap();
        assert!(front.error.is_some());
        assert!(front.members.is_empty());
    }

    #[test]
    fn toml_strings_are_read_inside_their_quotes() {
        let text = "+++\n\
            title = '''\nOne Line'''\n\
            subtitle = \"\"\"\nTwo\nLines\"\"\"\n\
            date = 2010-07-19\n\
            +++\n";
        let front = read(text, 0).unwrap();
        let title = front.get("title").unwrap();
        assert_eq!((at(text, title.inner), title.verbatim), ("One Line", true));
        assert_eq!(title.markup, Markup::ReadOnly);
        let subtitle = front.get("subtitle").unwrap();
        assert_eq!(at(text, subtitle.inner), "Two\nLines");
        let date = front.get("date").unwrap();
        assert_eq!((date.text.as_str(), date.verbatim), ("2010-07-19", true));
        assert_eq!(front.value["date"], "2010-07-19");
    }
}
