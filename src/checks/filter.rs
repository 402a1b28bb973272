//! Where a text-rewriting rule must stay silent: inside direct quotations (unless the rule
//! says `in-quotes = true`), inside a match of one of its `except` patterns, or on a word of
//! its exception lists (`except-words`, `except-data`). Shared by `forbid`, `substitute`,
//! `dated-name` and `running-date`.

use std::collections::HashSet;

use crate::error::Result;
use crate::rules::Params;

#[derive(Debug, Default)]
pub struct Filter {
    /// Also report inside direct quotations and quoted titles.
    in_quotes: bool,
    /// Context patterns: a finding inside one of their matches is not reported.
    except: Option<crate::lazy_regex::LazyRegex>,
    /// Lower-case words (the whole finding) that are never reported.
    words: HashSet<String>,
}

/// The ranges of one field's text that a rule must skip, found only when a first finding
/// asks (most paragraphs have no finding, and then cost no quotation or `except` scan).
pub struct Skips<'a> {
    filter: &'a Filter,
    text: &'a str,
    ranges: Option<Vec<(usize, usize)>>,
}

impl Skips<'_> {
    /// Does the local range `start..end` fall inside a skipped range?
    pub fn covers(&mut self, start: usize, end: usize) -> bool {
        let (filter, text) = (self.filter, self.text);
        self.ranges
            .get_or_insert_with(|| filter.ranges(text))
            .iter()
            .any(|&(s, e)| s <= start && end <= e)
    }
}

impl Filter {
    /// A filter that skips nothing (for scopes that hold no running text, such as noise).
    pub fn none() -> Self {
        Self {
            in_quotes: true,
            ..Self::default()
        }
    }

    pub fn compile(params: &Params<'_>) -> Result<Self> {
        let in_quotes = params
            .map
            .get("in-quotes")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        let patterns = params.strings("except");
        let except = if patterns.is_empty() {
            None
        } else {
            let joined: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
            Some(params.compile_regex("except", &joined.join("|"))?)
        };
        let inflect = params
            .map
            .get("except-inflected")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        let mut base: Vec<String> = params.strings("except-words");
        for reference in params.strings("except-data") {
            base.extend(data_list(params, &reference)?);
        }
        let mut words = HashSet::new();
        for word in base {
            let word = word.to_lowercase();
            if inflect {
                words.extend(inflections(&word));
            }
            words.insert(word);
        }
        Ok(Self {
            in_quotes,
            except,
            words,
        })
    }

    /// The ranges of `text` to skip (quotations, `except` matches), computed on first use.
    pub fn skips<'a>(&'a self, text: &'a str) -> Skips<'a> {
        Skips {
            filter: self,
            text,
            ranges: None,
        }
    }

    fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let mut ranges = Vec::new();
        if !self.in_quotes {
            ranges.extend(super::quotes::quoted_ranges(text));
        }
        if let Some(except) = &self.except {
            ranges.extend(except.find_iter(text).map(|m| (m.start(), m.end())));
        }
        ranges
    }

    pub fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        self.except.iter().collect()
    }

    /// Is the finding `word` on an exception list?
    pub fn excepts_word(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(&word.to_lowercase())
    }
}

/// The list `key` of data table `table`, named `table.key` (`spelling.ise-exceptions`).
pub fn data_list(params: &Params<'_>, reference: &str) -> Result<Vec<String>> {
    let missing = || {
        params.error(
            "except-data",
            format!("no list `{reference}` in the pack's data (expected `data/<table>.toml` with a key)"),
        )
    };
    let (table, key) = reference.split_once('.').ok_or_else(missing)?;
    let list = params
        .data
        .tables
        .get(table)
        .and_then(|t| t.get(key))
        .and_then(serde_json::Value::as_array)
        .ok_or_else(missing)?;
    Ok(list
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect())
}

/// Regular English inflections of a base word: `advise` -> `advises`, `advised`, `adviser`,
/// `advisers`, `advising`, `advisation(s)`; `expertise` -> `expertises`.
fn inflections(word: &str) -> Vec<String> {
    let stem = word.strip_suffix('e').unwrap_or(word);
    let mut out = vec![format!("{word}s")];
    for ending in ["ed", "er", "ers", "ing", "ation", "ations", "ational"] {
        out.push(format!("{stem}{ending}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_the_regular_forms() {
        let forms = inflections("advise");
        for form in ["advises", "advised", "adviser", "advisers", "advising"] {
            assert!(forms.iter().any(|f| f == form), "{form}");
        }
    }
}
