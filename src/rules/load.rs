//! Loading a pack: TOML with spans -> JSON -> `schemas/rules.schema.json` -> typed rule ->
//! compiled check. Every error names the file and, where one is known, the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::{Map, Value};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::checks::Check;
use crate::diagnostic::Severity;
use crate::error::{Error, Result};
use crate::fix::Applicability;
use crate::lazy_regex::LazyRegex;
use crate::pointer::PointerSpans;
use crate::span::{LineIndex, Span};
use crate::trust::Trust;

use super::{Detect, Example, FixSpec, Pack, PackData, Rule};

/// One file of a pack as read: the path shown in errors, its path inside the pack, its text.
pub(crate) struct PackFile {
    pub shown: PathBuf,
    pub relative: PathBuf,
    pub text: String,
    /// Part of a pack embedded in the binary (whose regexes the test suite compiles).
    pub embedded: bool,
}

/// The rules schema, compiled once per process.
static RULES_VALIDATOR: LazyLock<std::result::Result<jsonschema::Validator, Error>> =
    LazyLock::new(|| crate::schema::compile("rules", crate::schema::RULES_SCHEMA));

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

/// The common keys of a rule file; kind parameters stay in `params`.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RuleFile {
    kind: String,
    scope: Scope,
    severity: Severity,
    summary: String,
    message: String,
    why: String,
    #[serde(default)]
    fix: Option<FixFile>,
    #[serde(default)]
    examples: Vec<ExampleFile>,
    #[serde(flatten)]
    params: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct FixFile {
    title: String,
    applicability: Applicability,
    safety: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    bad: Option<String>,
    good: Option<String>,
    ok: Option<String>,
}

/// Which element of the release a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Symbol,
    DateLine,
    Headline,
    /// Sub-headlines under the headline.
    Deck,
    Intro,
    Body,
    EndMarker,
    Disclaimer,
    Noise,
    Category,
    Masthead,
    /// All running text: headlines, intro and body.
    Text,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Symbol => "symbol",
            Scope::DateLine => "date-line",
            Scope::Headline => "headline",
            Scope::Deck => "deck",
            Scope::Intro => "intro",
            Scope::Body => "body",
            Scope::EndMarker => "end-marker",
            Scope::Disclaimer => "disclaimer",
            Scope::Noise => "noise",
            Scope::Category => "category",
            Scope::Masthead => "masthead",
            Scope::Text => "text",
        }
    }
}

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

/// `group/name` from `group/name.toml`, both kebab-case.
fn rule_id(shown: &Path, relative: &Path) -> Result<String> {
    let parts: Vec<&str> = relative.iter().map(|p| p.to_str().unwrap_or("")).collect();
    let [group, file] = parts.as_slice() else {
        return Err(Error::in_file(
            shown,
            "a rule file must sit at `<group>/<name>.toml`",
        ));
    };
    let name = file.strip_suffix(".toml").unwrap_or(file);
    let id = format!("{group}/{name}");
    if !is_kebab(group) || !is_kebab(name) {
        return Err(Error::in_file(
            shown,
            format!(
                "rule id `{id}` is not kebab-case (`group/name` in lower-case words joined by `-`)"
            ),
        ));
    }
    Ok(id)
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && s.as_bytes()[0].is_ascii_lowercase()
}

/// Loads one rule file.
pub(crate) fn load_rule(file: &PackFile, data: &PackData) -> Result<Rule> {
    let shown = file.shown.as_path();
    let id = rule_id(shown, &file.relative)?;
    let located = Located::parse(shown, &file.text)?;
    // The embedded rule files are validated by the test suite (`embedded_rule_files_satisfy_
    // the_rules_schema`); a run validates only the rule files it reads from disk.
    let validator = if file.embedded {
        None
    } else {
        Some(RULES_VALIDATOR.as_ref().map_err(Clone::clone)?)
    };
    // Unknown keys and values first (a misspelt key also makes a required key missing),
    // then by line.
    let mut errors: Vec<(bool, usize, String)> = validator
        .into_iter()
        .flat_map(|v| v.iter_errors(&located.value))
        .map(|e| {
            use jsonschema::error::ValidationErrorKind as K;
            let secondary = matches!(
                e.kind(),
                K::Required { .. }
                    | K::AnyOf { .. }
                    | K::OneOfNotValid { .. }
                    | K::OneOfMultipleValid { .. }
            );
            let (line, message) = schema_error(&e, &located);
            (secondary, line, message)
        })
        .collect();
    errors.sort();
    if let Some((_, line, message)) = errors.into_iter().next() {
        return Err(Error::in_file(shown, message).at_line(line));
    }
    let parsed: RuleFile = serde_json::from_value(located.value.clone())
        .map_err(|e| Error::in_file(shown, crate::error::one_line(&e.to_string())))?;
    let params = Params {
        map: &parsed.params,
        located: &located,
        shown,
        data,
        eager_regexes: !file.embedded,
    };
    let check = Check::compile(&parsed.kind, parsed.scope, &params)?;
    let known = Check::placeholders(&parsed.kind);
    let templates = std::iter::once(("message", "/message", parsed.message.as_str())).chain(
        parsed
            .fix
            .as_ref()
            .map(|f| ("fix.title", "/fix/title", f.title.as_str())),
    );
    for (name, pointer, template) in templates {
        if let Some(unknown) = crate::checks::placeholders_in(template)
            .into_iter()
            .find(|p| !known.contains(p))
        {
            return Err(Error::in_file(
                shown,
                format!(
                    "unknown placeholder `{{{unknown}}}` in `{name}` (kind `{}` fills: {})",
                    parsed.kind,
                    known.join(", ")
                ),
            )
            .at_line(located.line(pointer)));
        }
    }
    let mut examples = Vec::new();
    for (i, example) in parsed.examples.into_iter().enumerate() {
        let line = located.line(&format!("/examples/{i}"));
        examples.push(match (example.bad, example.good, example.ok) {
            (Some(bad), good, None) => Example::Bad { bad, good },
            (None, None, Some(ok)) => Example::Ok { ok },
            _ => {
                return Err(Error::in_file(
                    shown,
                    "an example has either `bad` (with optional `good`) or `ok`",
                )
                .at_line(line))
            }
        });
    }
    Ok(Rule {
        id,
        severity: parsed.severity,
        summary: parsed.summary,
        message: parsed.message,
        why: parsed.why.trim().to_owned(),
        fix: parsed.fix.map(|f| FixSpec {
            title: f.title,
            applicability: f.applicability,
            safety: f.safety,
        }),
        examples,
        kind: parsed.kind,
        check,
    })
}

/// A schema error as `(line, message)`, worded for people writing rule files.
fn schema_error(error: &jsonschema::ValidationError<'_>, located: &Located) -> (usize, String) {
    use jsonschema::error::ValidationErrorKind as K;
    let pointer = error.instance_path().to_string();
    let key = pointer.rsplit('/').next().unwrap_or("").to_owned();
    match error.kind() {
        K::AdditionalProperties { unexpected } => {
            let first = unexpected.first().cloned().unwrap_or_default();
            let at = format!("{pointer}/{first}");
            (located.line(&at), format!("unknown key `{first}`"))
        }
        K::Enum { options } => {
            let shown = match error.instance().as_ref() {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let list: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|o| o.as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            (
                located.line(&pointer),
                format!(
                    "unknown {key} `{shown}` (expected one of: {})",
                    list.join(", ")
                ),
            )
        }
        K::FalseSchema => {
            let kind = located
                .value
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("");
            (
                located.line(&pointer),
                format!("`{key}` is not a parameter of kind `{kind}`"),
            )
        }
        _ => {
            let at = if pointer.is_empty() {
                String::new()
            } else {
                format!("`{}`: ", pointer.trim_start_matches('/'))
            };
            (
                located.line(&pointer),
                format!("{at}{}", crate::error::one_line(&error.to_string())),
            )
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackToml {
    pub name: String,
    pub description: String,
    pub language: String,
    #[serde(default)]
    pub detect: Option<DetectToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct DetectToml {
    language_name: String,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    suppress: Vec<String>,
}

impl DetectToml {
    pub(crate) fn into_detect(self) -> Detect {
        Detect {
            language_name: self.language_name,
            longest_word: self.words.iter().map(String::len).max().unwrap_or(0),
            words: self.words.into_iter().collect(),
            suppress: self.suppress,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct DatesToml {
    pub(crate) months: Vec<String>,
    pub(crate) weekdays: Vec<String>,
    #[serde(default)]
    first_day: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesToml {
    series: Vec<String>,
}

pub(crate) fn read_toml<T: for<'de> Deserialize<'de>>(file: &PackFile) -> Result<T> {
    toml::from_str(&file.text).map_err(|e| Error::from_toml(&file.shown, &file.text, &e))
}

/// Builds a pack from its files (any order): `pack.toml`, `data/*.toml`, `<group>/<name>.toml`.
pub(crate) fn build_pack(
    fallback_name: &str,
    root: &Path,
    mut files: Vec<PackFile>,
) -> Result<Pack> {
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    let mut pack = Pack {
        name: fallback_name.to_owned(),
        ..Pack::default()
    };
    let is = |f: &PackFile, p: &str| f.relative == Path::new(p);
    match files.iter().find(|f| is(f, "pack.toml")) {
        Some(file) => {
            let meta: PackToml = read_toml(file)?;
            pack.name = meta.name;
            pack.description = meta.description;
            pack.language = meta.language;
            pack.detect = meta.detect.map(DetectToml::into_detect).unwrap_or_default();
        }
        None => {
            return Err(Error::in_file(
                root.join("pack.toml"),
                "the pack has no `pack.toml` (name, description, language)",
            ))
        }
    }
    if let Some(file) = files.iter().find(|f| is(f, "data/series.toml")) {
        let series: SeriesToml = read_toml(file)?;
        pack.data.series = series.series.into_iter().collect();
    }
    if let Some(file) = files.iter().find(|f| is(f, "data/dates.toml")) {
        let dates: DatesToml = read_toml(file)?;
        if dates.months.len() != 12 || dates.weekdays.len() != 7 {
            return Err(Error::in_file(
                &file.shown,
                format!(
                    "`months` needs 12 names and `weekdays` 7 (Monday first); found {} and {}",
                    dates.months.len(),
                    dates.weekdays.len()
                ),
            ));
        }
        pack.data.dates =
            crate::checks::date::DateNames::new(dates.months, dates.weekdays, dates.first_day);
    }
    if let Some(file) = files.iter().find(|f| is(f, "data/house.toml")) {
        pack.data.lists = read_toml(file)?;
    }
    pack.data.layout = build_layout(&files, &pack.data)?;
    for file in &files {
        let Some(stem) = data_table_stem(&file.relative) else {
            continue;
        };
        let located = Located::parse(&file.shown, &file.text)?;
        pack.data.tables.insert(stem, located.value);
    }
    let rule_files: Vec<&PackFile> = files
        .iter()
        .filter(|file| {
            let in_data = file.relative.starts_with("data");
            let is_toml = file.relative.extension().is_some_and(|e| e == "toml");
            !in_data && !is(file, "pack.toml") && is_toml
        })
        .collect();
    // Rule files are read on the thread pool (start-up is most of a one-release run); the
    // first error in file order is the one reported, whatever the threads.
    use rayon::prelude::*;
    let loaded: Vec<Result<Rule>> = rule_files
        .par_iter()
        .map(|file| load_rule(file, &pack.data))
        .collect();
    for rule in loaded {
        pack.rules.push(rule?);
    }
    pack.rules.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(unknown) = pack
        .detect
        .suppress
        .iter()
        .find(|s| !pack.rules.iter().any(|r| selects(s, &r.id)))
    {
        if let Some(file) = files.iter().find(|f| is(f, "pack.toml")) {
            let line = file
                .text
                .find(&format!("\"{unknown}\""))
                .map_or(1, |at| LineIndex::new(&file.text).line_of(at) + 1);
            return Err(Error::in_file(
                &file.shown,
                format!("`suppress` names `{unknown}`, which is no rule or group of the pack"),
            )
            .at_line(line));
        }
    }
    Ok(pack)
}

/// The pack's page layout: `data/layout.toml` (if any) with the layouts it includes, the
/// month and weekday names of every language they cover, and the pack's disclaimers.
fn build_layout(files: &[PackFile], data: &PackData) -> Result<crate::layout::Layout> {
    let file = files
        .iter()
        .find(|f| f.relative == Path::new("data/layout.toml"));
    let mut words: crate::layout::LayoutToml = match file {
        Some(file) => read_toml(file)?,
        None => crate::layout::LayoutToml::default(),
    };
    let shown = file.map_or_else(
        || Path::new("data/layout.toml").to_path_buf(),
        |f| f.shown.clone(),
    );
    let mut months = data.dates.months.clone();
    let mut weekdays = data.dates.weekdays.clone();
    for name in std::mem::take(&mut words.include) {
        let Some((included, more_months, more_weekdays)) = super::embedded_layout(&name) else {
            let line = file.map_or(1, |f| {
                f.text
                    .find(&format!("\"{name}\""))
                    .map_or(1, |at| LineIndex::new(&f.text).line_of(at) + 1)
            });
            return Err(Error::in_file(
                &shown,
                format!("`include` names `{name}`, which is no embedded pack"),
            )
            .at_line(line));
        };
        words.merge(included);
        months.extend(more_months);
        weekdays.extend(more_weekdays);
    }
    let disclaimers = data.lists.get("disclaimers").cloned().unwrap_or_default();
    let eager = file.is_some_and(|f| !f.embedded);
    crate::layout::Layout::compile(words, months, weekdays, disclaimers, eager)
        .map_err(|e| Error::in_file(&shown, e.message))
}

/// Does the selector (`group` or `group/name`) name rule `id`? The one reading of rule
/// selectors: `presslint.toml`, a pack's `suppress` and the engine all go through it.
pub(crate) fn selects(selector: &str, id: &str) -> bool {
    selector == id
        || id
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The rules of an `extend-rules` directory, compiled against `pack`'s data.
pub(crate) fn extra_rules(pack: &Pack, mut files: Vec<PackFile>) -> Result<Vec<Rule>> {
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    let mut rules: Vec<Rule> = Vec::new();
    for file in &files {
        if file.relative == Path::new("pack.toml") || file.relative.starts_with("data") {
            return Err(Error::in_file(
                &file.shown,
                "an `extend-rules` directory holds rule files only (`<group>/<name>.toml`); pack metadata and data belong to a pack directory",
            ));
        }
        let rule = load_rule(file, &pack.data)?;
        if pack.rule(&rule.id).is_some() || rules.iter().any(|r| r.id == rule.id) {
            return Err(Error::in_file(
                &file.shown,
                format!(
                    "rule `{}` is already in pack `{}`; to change a rule, copy the pack",
                    rule.id, pack.name
                ),
            ));
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// `data/<stem>.toml` other than the series registry: a data table named `<stem>`.
fn data_table_stem(relative: &Path) -> Option<String> {
    let mut parts = relative.iter();
    let (Some(dir), Some(file), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let stem = file.to_str()?.strip_suffix(".toml")?;
    (dir == "data" && stem != "series" && stem != "layout").then(|| stem.to_owned())
}

/// The largest rule or data file read (4 MiB): rule files are a few kilobytes and data
/// tables a few hundred; a larger file is a mistake, refused before it is read whole.
pub const MAX_PACK_FILE_BYTES: u64 = 4 << 20;

/// Every `.toml` file under `dir`, recursively, with paths relative to `dir`. The walk
/// follows links but ends (see [`crate::walk`]); a FIFO, socket or device, a file over
/// [`MAX_PACK_FILE_BYTES`] or a file `trust` refuses is an error naming it.
pub(crate) fn read_dir_files(dir: &Path, trust: Trust) -> Result<Vec<PackFile>> {
    let mut out = Vec::new();
    let walker = crate::walk::builder(dir).standard_filters(false).build();
    for entry in walker {
        let entry = entry.map_err(|e| {
            let (path, message) = crate::walk::describe(&e);
            Error::in_file(
                path.unwrap_or_else(|| dir.to_path_buf()),
                format!("cannot read rule directory: {message}"),
            )
        })?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_dir()) {
            continue;
        }
        let relative = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
        if relative.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let fail =
            |message: String| Error::in_file(path, format!("cannot read rule file: {message}"));
        let (bytes, metadata) = crate::open::read_limited(path, MAX_PACK_FILE_BYTES)
            .map_err(|e| fail(e.to_string()))?;
        trust
            .check(&metadata)
            .map_err(|m| Error::in_file(path, m))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            fail(format!(
                "not valid UTF-8 (at byte offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        out.push(PackFile {
            shown: path.to_path_buf(),
            relative,
            text,
            embedded: false,
        });
    }
    Ok(out)
}

/// Every file of an embedded directory, with paths relative to it.
pub(crate) fn embedded_files(dir: &include_dir::Dir<'_>, base: &Path) -> Vec<PackFile> {
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(current) = stack.pop() {
        for file in current.files() {
            let Some(text) = file.contents_utf8() else {
                continue;
            };
            let relative = file.path().strip_prefix(base).unwrap_or(file.path());
            out.push(PackFile {
                shown: Path::new("rules").join(file.path()),
                relative: relative.to_path_buf(),
                text: text.to_owned(),
                embedded: true,
            });
        }
        stack.extend(current.dirs());
    }
    out
}
