//! A kind's parameters as its rule file gives them: typed look-ups, the pack's `@lists`, and
//! errors at the parameter's line.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::lazy_regex::LazyRegex;

use super::located::Located;
use super::PackData;

/// A kind's parameters, with the file and line of each for errors.
pub struct Params<'a> {
    pub(crate) map: &'a BTreeMap<String, Value>,
    pub(crate) located: &'a Located,
    pub(crate) shown: &'a Path,
    pub data: &'a PackData,
    /// Compile regexes at load time (packs on disk) or on first use (embedded packs, whose
    /// patterns the test suite compiles): see [`crate::lazy_regex`].
    pub(crate) eager_regexes: bool,
}

impl Params<'_> {
    /// An error at the line of parameter `key`.
    pub fn error(&self, key: &str, message: impl Into<String>) -> Error {
        Error::in_file(self.shown, message).at_line(self.located.line(&format!("/{key}")))
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.map.get(key).and_then(Value::as_str)
    }

    pub fn strings(&self, key: &str) -> Vec<String> {
        self.map
            .get(key)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The regex of parameter `key`; a bad regex is an error at its line.
    pub fn regex(&self, key: &str) -> Result<Option<LazyRegex>> {
        let Some(pattern) = self.str(key) else {
            return Ok(None);
        };
        self.compile_regex(key, pattern).map(Some)
    }

    /// A regex a kind builds from parameter `key` (an alternation of listed words, an
    /// anchored pattern); a bad one is an error at that parameter's line.
    pub fn compile_regex(&self, key: &str, pattern: &str) -> Result<LazyRegex> {
        LazyRegex::new(pattern, self.eager_regexes)
            .map_err(|last| self.error(key, format!("bad regex in `{key}`: {last}")))
    }

    /// A list parameter with `"@name"` items replaced by the pack's list `name` from
    /// `data/house.toml`; an unknown list is an error at the parameter's line.
    pub fn list(&self, key: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for item in self.strings(key) {
            match item.strip_prefix('@') {
                Some(name) => out.extend(self.house_list(key, name)?.iter().cloned()),
                None => out.push(item),
            }
        }
        Ok(out)
    }

    /// A text parameter with each `{@name}` replaced by the first text of the pack's list
    /// `name` (`insert = "\n\n{@disclaimers}"`).
    pub fn text(&self, key: &str) -> Result<Option<String>> {
        let Some(mut text) = self.str(key).map(str::to_owned) else {
            return Ok(None);
        };
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
        Ok(Some(text))
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

    pub fn required_str(&self, key: &str) -> Result<&str> {
        self.str(key)
            .ok_or_else(|| self.error("", format!("missing parameter `{key}`")))
    }
}
