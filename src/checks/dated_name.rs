//! `dated-name`: names that changed on a known date (country short names), judged by the
//! release's own date line. The table is pack data (`data = "<table>"`, a file
//! `data/<table>.toml` with `[[names]]` entries `old`, `new`, `from = YYYY-MM-DD`). A release
//! without a dated date line is not judged. Quotations are skipped unless `in-quotes = true`.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;
use serde::Deserialize;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct DatedName {
    scope: Scope,
    pattern: crate::lazy_regex::LazyRegex,
    /// Lower-cased old name -> (new name, first day of the new name).
    names: HashMap<String, (String, Date)>,
    filter: super::filter::Filter,
}

/// The parameters of a `dated-name` rule (besides `in-quotes` and `except`).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedNameParams {
    /// The data table of names: `data/<table>.toml`.
    #[serde(deserialize_with = "crate::toml_file::non_empty")]
    data: String,
}

/// A data table of renamed names.
#[derive(serde::Deserialize)]
struct NamesTable {
    names: Vec<Renamed>,
}

/// One renamed name: `old` (one name or several), `new`, and the first day of `new`.
#[derive(serde::Deserialize)]
struct Renamed {
    old: OneOrMany,
    new: String,
    /// A TOML date (`2022-06-01`) or the same as a string.
    from: toml::Value,
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(name) => vec![name],
            OneOrMany::Many(names) => names,
        }
    }
}

impl DatedName {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let DatedNameParams { data: table } = params.take()?;
        let bad = |what: String| params.error("data", what);
        let written = params
            .data
            .tables
            .get(&table)
            .filter(|t| t.contains_key("names"))
            .ok_or_else(|| bad(format!("no `[[names]]` table in `data/{table}.toml`")))?;
        let entries = NamesTable::deserialize(toml::Value::Table(written.clone()))
            .map_err(|e| {
                bad(format!(
                    "`data/{table}.toml`: every entry needs `old`, `new` and `from` ({})",
                    crate::error::one_line(e.message())
                ))
            })?
            .names;
        // Lower-cased old name -> (the old name as written, new name, first day).
        let mut names = HashMap::new();
        let mut written_as = HashMap::new();
        for entry in entries {
            let from = match &entry.from {
                toml::Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            let from: Date = from.parse().map_err(|e| {
                bad(format!(
                    "`from = {from}` in `data/{table}.toml` is not a date: {e}"
                ))
            })?;
            let olds = entry.old.into_vec();
            if olds.is_empty() {
                return Err(bad(format!(
                    "an entry of `data/{table}.toml` has no `old` name"
                )));
            }
            for old in olds {
                let lower = old.to_lowercase();
                written_as.entry(lower.clone()).or_insert(old);
                names.insert(lower, (entry.new.clone(), from));
            }
        }
        let mut keys: Vec<&String> = names.keys().collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        // A name matches as written, except that a leading `the` may be `The`.
        let alternatives: Vec<String> = keys
            .iter()
            .map(|k| {
                let article = if k.starts_with("the ") { "[Tt]he " } else { "" };
                let original = &written_as[k.as_str()];
                let rest = original.strip_prefix("the ").unwrap_or(original);
                format!("(?-u:\\b){article}{}(?-u:\\b)", regex::escape(rest))
            })
            .collect();
        let pattern = params
            .regex("data", &alternatives.join("|"))
            .map_err(|e| bad(format!("the names do not compile: {}", e.message)))?;
        Ok(Self {
            scope,
            pattern,
            names,
            filter: super::filter::Filter::compile(params)?,
        })
    }
}

impl super::Check for DatedName {
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        let mut out = vec![&self.pattern];
        out.extend(self.filter.regexes());
        out
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(line) = &cx.release.date_line else {
            return;
        };
        let (Some(y), Some(mo), Some(d)) = (line.year, line.month, line.day) else {
            return;
        };
        let Some(date) = dates::calendar_date(y, mo, d) else {
            return;
        };
        for field in super::fields(cx.release, self.scope) {
            let m = field.match_text();
            let mut skips = self.filter.skips(m.text);
            for found in self.pattern.find_iter(m.text) {
                if skips.covers(found.start(), found.end()) {
                    continue;
                }
                let Some((new, from)) = self.names.get(&found.as_str().to_lowercase()) else {
                    continue;
                };
                if date < *from {
                    continue;
                }
                let since = dates::english_long_form(
                    i32::from(from.year()),
                    from.month() as u8,
                    from.day() as u8,
                )
                .unwrap_or_default();
                let span = m.span(found.start(), found.end());
                let vars = [
                    ("found", found.as_str()),
                    ("expected", new.as_str()),
                    ("since", since.as_str()),
                ];
                let fix = cx.fix(
                    &vars,
                    vec![Edit::replace(span, m.encoding.encode(new))],
                    None,
                );
                out.push(cx.diagnostic(span, &vars).with_fix(fix));
            }
        }
    }
}

/// The old name as the table writes it (keeps its capitals), found by its lower-cased form.
#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};
    use crate::model::DateForm;

    #[track_caller]
    fn release(
        date: Option<(&str, (i32, u8, u8))>,
        body: &str,
    ) -> (crate::source::SourceFile, crate::model::Release) {
        let text = match date {
            Some((line, _)) => format!("SG/SM/1\n{line}\n\n{body}\n"),
            None => format!("SG/SM/1\n\n{body}\n"),
        };
        let mut builder = Builder::new(&text).symbol("SG/SM/1");
        if let Some((line, ymd)) = date {
            builder = builder.date(line, DateForm::Long, ymd);
        }
        builder.body(body).build()
    }

    #[test]
    fn a_name_is_judged_by_the_release_date_from_the_day_of_the_change() {
        let body = "Talks in Turkey and the former Yugoslav Republic of Macedonia.";
        let before = release(Some(("31 May 2022", (2022, 5, 31))), body);
        assert_at(
            &before,
            &run_rule("names/country-renamed", &before),
            &[("names/country-renamed", 4, 21)],
        );
        let on = release(Some(("1 June 2022", (2022, 6, 1))), body);
        let found = run_rule("names/country-renamed", &on);
        assert_at(
            &on,
            &found,
            &[
                ("names/country-renamed", 4, 10),
                ("names/country-renamed", 4, 21),
            ],
        );
        assert_eq!(
            found[0].message,
            "`Turkey` has been `Türkiye` in UN usage since 1 June 2022"
        );
        let turkey = release(Some(("1 June 2022", (2022, 6, 1))), "Talks in Turkey.");
        assert_fixed(
            &turkey,
            &run_rule("names/country-renamed", &turkey),
            "SG/SM/1\n1 June 2022\n\nTalks in Türkiye.\n",
        );
    }

    #[test]
    fn a_release_without_a_date_line_is_not_judged() {
        let none = release(None, "Talks in Turkey.");
        assert!(run_rule("names/country-renamed", &none).is_empty());
    }
}
