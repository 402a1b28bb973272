//! The one way presslint reads TOML: `presslint.toml`, a pack's `pack.toml` and data tables,
//! and rule files. Values deserialize with serde straight from the parsed document, which
//! keeps the span of every key and value, so every mistake (syntax, unknown key, wrong type,
//! missing key, or a value a check rejects later) is reported as `file:line: message`.
//!
//! A rule file is read in groups of keys (the keys every rule has, then the parameters its
//! kind takes, each group a serde type of its own): [`Document::take`] moves one group's keys
//! out of the document and deserializes them, still with their spans.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::error::{Error, ErrorKind, Result};
use crate::span::LineIndex;

/// Reads a whole TOML file as `T` (whose own serde attributes say which keys it accepts).
pub fn parse<T: DeserializeOwned>(kind: ErrorKind, path: &Path, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| error(kind, path, &LineIndex::new(text), &e))
}

/// A TOML or serde error in `path`, at the line where its span starts, in our words.
fn error(kind: ErrorKind, path: &Path, lines: &LineIndex, error: &toml::de::Error) -> Error {
    let located = Error::file(kind, path, reworded(error.message()));
    match error.span() {
        Some(span) => located.at_line(lines.line_of(span.start) + 1),
        None => located,
    }
}

/// serde's words for a key or value it does not know, in ours: "unknown field `x`, expected
/// one of `a`, `b`" -> "unknown key `x` (expected one of: a, b)"; likewise "unknown variant"
/// -> "unknown value". Other messages are only cut to one line.
fn reworded(message: &str) -> String {
    let message = crate::error::one_line(message);
    for (theirs, ours) in [
        ("unknown field ", "unknown key "),
        ("unknown variant ", "unknown value "),
    ] {
        let Some(rest) = message.strip_prefix(theirs) else {
            continue;
        };
        let (name, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        // The options are the back-quoted words after the name.
        let options: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return if options.is_empty() {
            format!("{ours}{name}")
        } else {
            format!("{ours}{name} (expected one of: {})", options.join(", "))
        };
    }
    message
}

/// A parsed TOML document whose top-level keys are taken in groups.
pub struct Document<'t> {
    kind: ErrorKind,
    path: PathBuf,
    lines: LineIndex,
    /// The keys not taken yet.
    table: DeTable<'t>,
    /// The byte offset of each key (`fix.title`, `examples.0` for nested ones), kept after
    /// the key is taken, for errors a check finds in a value.
    keys: BTreeMap<String, usize>,
}

impl<'t> Document<'t> {
    /// Parses `text`; a syntax error is an error at its line.
    pub fn parse(kind: ErrorKind, path: &Path, text: &'t str) -> Result<Self> {
        let lines = LineIndex::new(text);
        let table = DeTable::parse(text).map_err(|e| error(kind, path, &lines, &e))?;
        let mut keys = BTreeMap::new();
        record_keys(table.get_ref(), "", &mut keys);
        Ok(Self {
            kind,
            path: path.to_owned(),
            lines,
            table: table.into_inner(),
            keys,
        })
    }

    /// The keys not taken yet, in the order written.
    pub fn remaining(&self) -> Vec<&str> {
        let mut keys: Vec<(&str, usize)> = self
            .table
            .iter()
            .map(|(k, _)| (k.get_ref().as_ref(), k.span().start))
            .collect();
        keys.sort_by_key(|&(_, at)| at);
        keys.into_iter().map(|(k, _)| k).collect()
    }

    /// The string value of `key`, when it is one (to choose how to read the rest).
    pub fn str(&self, key: &str) -> Option<&str> {
        match self.table.get(key)?.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    /// Takes the keys `T` reads (its field names) and deserializes them as `T`.
    pub fn take<T: DeserializeOwned>(&mut self) -> Result<T> {
        let fields = field_names::<T>();
        let (taken, kept): (DeTable<'t>, DeTable<'t>) = std::mem::take(&mut self.table)
            .into_iter()
            .partition(|(key, _)| fields.contains(&key.get_ref().as_ref()));
        self.table = kept;
        // A missing key is reported at the top of the file (span 0..0: line 1).
        T::deserialize(toml::de::Deserializer::from(Spanned::new(0..0, taken)))
            .map_err(|e| error(self.kind, &self.path, &self.lines, &e))
    }

    /// An error at the line of `key` (`fix.title` for a nested key; the top of the file for
    /// a key that was not written).
    pub fn error(&self, key: &str, message: impl Into<String>) -> Error {
        let line = self
            .keys
            .get(key)
            .map_or(1, |&at| self.lines.line_of(at) + 1);
        Error::file(self.kind, &self.path, message).at_line(line)
    }
}

/// Records where every key of `table` (and of nested tables and array items) starts.
fn record_keys(table: &DeTable<'_>, prefix: &str, keys: &mut BTreeMap<String, usize>) {
    for (key, value) in table {
        let path = format!("{prefix}{}", key.get_ref());
        keys.insert(path.clone(), key.span().start);
        record_value(value, &path, keys);
    }
}

fn record_value(value: &Spanned<DeValue<'_>>, path: &str, keys: &mut BTreeMap<String, usize>) {
    match value.get_ref() {
        DeValue::Table(table) => record_keys(table, &format!("{path}."), keys),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}.{i}");
                keys.insert(item_path.clone(), item.span().start);
                record_value(item, &item_path, keys);
            }
        }
        _ => {}
    }
}

/// The field names a serde type reads (as written in the file: after renaming). Types whose
/// fields are flattened or that read a map have none.
pub fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut names = None;
    let _ = T::deserialize(FieldNames(&mut names));
    names.unwrap_or(&[])
}

/// A deserializer that only learns a struct's field names and then stops.
struct FieldNames<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> std::result::Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(de::Error::custom("field names taken"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A string that must not be empty (`summary`, `pattern`, ...).
pub fn non_empty<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.is_empty() {
        return Err(de::Error::invalid_value(
            de::Unexpected::Str(""),
            &"a non-empty string",
        ));
    }
    Ok(text)
}

/// An optional string that must not be empty when given.
pub fn non_empty_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<String>, D::Error> {
    non_empty(deserializer).map(Some)
}

/// A list of strings none of which is empty.
pub fn non_empty_items<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Item(#[serde(deserialize_with = "non_empty")] String);
    Ok(Vec::<Item>::deserialize(deserializer)?
        .into_iter()
        .map(|Item(text)| text)
        .collect())
}

/// An optional list of strings none of which is empty.
pub fn non_empty_items_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<Vec<String>>, D::Error> {
    non_empty_items(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "kebab-case")]
    struct Head {
        kind: String,
        #[serde(default)]
        in_quotes: bool,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pattern {
        #[serde(deserialize_with = "non_empty")]
        pattern: String,
    }

    fn document(text: &str) -> Document<'_> {
        Document::parse(ErrorKind::Pack, Path::new("r.toml"), text).unwrap()
    }

    #[test]
    fn field_names_are_the_names_as_written() {
        assert_eq!(field_names::<Head>(), ["kind", "in-quotes"]);
        assert!(field_names::<BTreeMap<String, String>>().is_empty());
    }

    #[test]
    fn groups_are_taken_with_errors_at_their_lines() {
        let mut doc = document("kind = \"forbid\"\n\npattern = \"x\"\nin-quotes = true\n");
        assert_eq!(doc.remaining(), ["kind", "pattern", "in-quotes"]);
        assert_eq!(doc.str("kind"), Some("forbid"));
        let head: Head = doc.take().unwrap();
        assert_eq!((head.kind.as_str(), head.in_quotes), ("forbid", true));
        assert_eq!(doc.remaining(), ["pattern"]);
        assert_eq!(doc.take::<Pattern>().unwrap().pattern, "x");
        assert!(doc.remaining().is_empty());
        assert_eq!(doc.error("in-quotes", "no").to_string(), "r.toml:4: no");

        let mut doc = document("kind = \"forbid\"\nin-quotes = 3\n");
        assert_eq!(
            doc.take::<Head>().unwrap_err().to_string(),
            "r.toml:2: invalid type: integer `3`, expected a boolean"
        );
        let mut doc = document("kind = \"x\"\n\npattern = \"\"\n");
        assert_eq!(
            doc.take::<Pattern>().unwrap_err().to_string(),
            "r.toml:3: invalid value: string \"\", expected a non-empty string"
        );
        let mut doc = document("kind = \"x\"\n");
        assert_eq!(
            doc.take::<Pattern>().unwrap_err().to_string(),
            "r.toml:1: missing field `pattern`"
        );
    }

    #[test]
    fn serde_words_become_ours() {
        assert_eq!(
            reworded("unknown field `ignroe`, expected one of `pack`, `select`"),
            "unknown key `ignroe` (expected one of: pack, select)"
        );
        assert_eq!(
            reworded("unknown variant `fatal`, expected `info` or `error`"),
            "unknown value `fatal` (expected one of: info, error)"
        );
        assert_eq!(
            reworded("unknown field `x`, there are no fields"),
            "unknown key `x`"
        );
        assert_eq!(reworded("Missing field `a`.\nmore"), "missing field `a`");
    }

    #[test]
    fn nested_keys_and_list_items_have_lines() {
        let doc = document("a = 1\n[fix]\ntitle = \"t\"\n[[examples]]\nbad = \"b\"\n");
        assert_eq!(doc.error("fix.title", "m").to_string(), "r.toml:3: m");
        assert_eq!(doc.error("examples.0", "m").to_string(), "r.toml:4: m");
        assert_eq!(doc.error("nowhere", "m").to_string(), "r.toml:1: m");
    }
}
