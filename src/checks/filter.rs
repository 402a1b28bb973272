//! Where a text-rewriting rule must stay silent: inside direct quotations (unless the rule
//! says `in-quotes = true`), inside a match of one of its `except` patterns, or on a word of
//! its exception lists (`except-words`, `except-data`). Shared by `forbid`, `substitute`,
//! `dated-name` and `running-date`.

use std::collections::HashSet;

use serde::Deserialize;

use super::params::Params;
use crate::error::Result;
use crate::toml_file::non_empty_items;

/// Where a rule stays silent: in quotations (unless `in-quotes = true`) and in matches of
/// its `except` patterns.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuoteParams {
    #[serde(default)]
    in_quotes: bool,
    #[serde(default, deserialize_with = "non_empty_items")]
    except: Vec<String>,
}

/// Words a rule never reports: listed, from a data table (`table.key`), and their regular
/// inflections when `except-inflected = true`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WordParams {
    #[serde(default, deserialize_with = "non_empty_items")]
    except_words: Vec<String>,
    #[serde(default, deserialize_with = "non_empty_items")]
    except_data: Vec<String>,
    #[serde(default)]
    except_inflected: bool,
}

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

    /// A filter of quotations and `except` patterns (`in-quotes`, `except`).
    pub fn compile(params: &mut Params<'_, '_>) -> Result<Self> {
        let quotes: QuoteParams = params.take()?;
        let except = if quotes.except.is_empty() {
            None
        } else {
            let joined: Vec<String> = quotes.except.iter().map(|p| format!("(?:{p})")).collect();
            Some(params.regex("except", &joined.join("|"))?)
        };
        Ok(Self {
            in_quotes: quotes.in_quotes,
            except,
            words: HashSet::new(),
        })
    }

    /// A filter that also skips listed words (`except-words`, `except-data`,
    /// `except-inflected`).
    pub fn compile_with_words(params: &mut Params<'_, '_>) -> Result<Self> {
        let mut filter = Self::compile(params)?;
        let listed: WordParams = params.take()?;
        let mut base = listed.except_words;
        for reference in &listed.except_data {
            base.extend(data_list(params, reference)?);
        }
        for word in base {
            let word = word.to_lowercase();
            if listed.except_inflected {
                filter.words.extend(inflections(&word));
            }
            filter.words.insert(word);
        }
        Ok(filter)
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
pub fn data_list(params: &Params<'_, '_>, reference: &str) -> Result<Vec<String>> {
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
        .and_then(toml::Value::as_array)
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
