//! What a kind's `compile` gets: the parameters of its rule file, taken as typed groups
//! (serde types), the pack's data, and errors at the line of a parameter.

use serde::de::DeserializeOwned;

use super::PackData;
use crate::error::{Error, ErrorKind, Result};
use crate::lazy_regex::LazyRegex;
use crate::toml_file::{field_names, Document};

/// A rule file's parameters while its kind compiles.
pub struct Params<'d, 't> {
    doc: &'d mut Document<'t>,
    pub data: &'d PackData,
    /// The keys the kind declares (see [`super::Kind`]): what it may take.
    declared: &'d [&'static str],
    /// Compile regexes at load time (packs on disk) or on first use (embedded packs, whose
    /// patterns the test suite compiles): see [`crate::lazy_regex`].
    eager_regexes: bool,
}

impl<'d, 't> Params<'d, 't> {
    pub fn new(
        doc: &'d mut Document<'t>,
        data: &'d PackData,
        declared: &'d [&'static str],
        eager_regexes: bool,
    ) -> Self {
        Self {
            doc,
            data,
            declared,
            eager_regexes,
        }
    }

    /// Takes one group of parameters (a serde type: its fields are the keys it reads).
    pub fn take<T: DeserializeOwned>(&mut self) -> Result<T> {
        if let Some(undeclared) = field_names::<T>()
            .iter()
            .find(|key| !self.declared.contains(key))
        {
            return Err(Error::of(
                ErrorKind::Internal,
                format!(
                    "a check kind reads `{undeclared}`, which its registry entry does not declare"
                ),
            ));
        }
        self.doc.take()
    }

    /// An error at the line of parameter `key` (the top of the file when it is absent).
    pub fn error(&self, key: &str, message: impl Into<String>) -> Error {
        self.doc.error(key, message)
    }

    /// A regex a kind searches with, written as parameter `key` or built from it (an
    /// alternation of listed words, an anchored pattern); a bad one is an error at its line.
    pub fn regex(&self, key: &str, pattern: &str) -> Result<LazyRegex> {
        LazyRegex::new(pattern, self.eager_regexes)
            .map_err(|last| self.error(key, format!("bad regex in `{key}`: {last}")))
    }

    /// List parameter `key` with `"@name"` items replaced by the pack's list `name` from
    /// `data/house.toml`; an unknown list is an error at the parameter's line.
    pub fn list(&self, key: &str, items: Vec<String>) -> Result<Vec<String>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.strip_prefix('@') {
                Some(name) => out.extend(self.house_list(key, name)?.iter().cloned()),
                None => out.push(item),
            }
        }
        Ok(out)
    }

    /// Text parameter `key` with each `{@name}` replaced by the first text of the pack's
    /// list `name` (`insert = "\n\n{@disclaimers}"`).
    pub fn text(&self, key: &str, mut text: String) -> Result<String> {
        while let Some(open) = text.find("{@") {
            let Some(close) = text[open..].find('}').map(|c| open + c) else {
                break;
            };
            let name = text[open + 2..close].to_owned();
            let first = self
                .house_list(key, &name)?
                .first()
                .cloned()
                .unwrap_or_default();
            text.replace_range(open..=close, &first);
        }
        Ok(text)
    }

    fn house_list(&self, key: &str, name: &str) -> Result<&Vec<String>> {
        self.data.lists.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.data.lists.keys().map(String::as_str).collect();
            self.error(
                key,
                format!(
                    "`{key}` names `@{name}`, but `data/house.toml` has no such list (it has: {})",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                ),
            )
        })
    }
}
