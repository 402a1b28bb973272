//! A pack's metadata and data files: `pack.toml`, `data/series.toml`, `data/dates.toml`,
//! `data/house.toml` (named lists), `data/layout.toml` and the other data tables.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};

use super::load::{find, quoted_line, PackFile};
use super::{Detect, Pack, PackData};

/// `pack.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackToml {
    pub name: String,
    pub description: String,
    pub language: String,
    #[serde(default)]
    pub detect: Option<DetectToml>,
}

/// `[detect]` of `pack.toml` as written.
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
            words: self.words.into_iter().collect(),
            suppress: self.suppress,
        }
    }
}

/// `data/dates.toml` as written.
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
    /// The series of the other-language edition, by this pack's series.
    #[serde(default)]
    editions: BTreeMap<String, String>,
}

/// A pack file read as `T`, its TOML errors at their line.
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(file: &PackFile) -> Result<T> {
    crate::toml_file::parse(ErrorKind::Pack, &file.shown, &file.text)
}

/// The pack's metadata from `pack.toml`: name, description, language and language detection.
pub(super) fn read_meta(file: &PackFile, pack: &mut Pack) -> Result<()> {
    let meta: PackToml = read_toml(file)?;
    pack.name = meta.name;
    pack.description = meta.description;
    pack.language = meta.language;
    pack.detect = meta.detect.map(DetectToml::into_detect).unwrap_or_default();
    Ok(())
}

/// The pack's data: its series registry, month and weekday names, named lists, page layout
/// (which needs the names and lists) and other data tables, in that order.
pub(super) fn read_data(files: &[PackFile]) -> Result<PackData> {
    let mut data = PackData::default();
    if let Some(file) = find(files, "data/series.toml") {
        let series: SeriesToml = read_toml(file)?;
        data.series = series.series.into_iter().collect();
        data.edition_series = series.editions;
    }
    if let Some(file) = find(files, "data/dates.toml") {
        data.dates = read_dates(file)?;
    }
    if let Some(file) = find(files, "data/house.toml") {
        data.lists = read_toml(file)?;
    }
    data.layout = build_layout(files, &data)?;
    for file in files {
        let Some(stem) = data_table_stem(&file.relative) else {
            continue;
        };
        data.tables.insert(stem, read_toml(file)?);
    }
    Ok(data)
}

/// `data/dates.toml`: twelve month names and seven weekday names, Monday first.
fn read_dates(file: &PackFile) -> Result<crate::checks::date::DateNames> {
    let dates: DatesToml = read_toml(file)?;
    if dates.months.len() != 12 || dates.weekdays.len() != 7 {
        return Err(Error::file(
            ErrorKind::Pack,
            &file.shown,
            format!(
                "`months` needs 12 names and `weekdays` 7 (Monday first); found {} and {}",
                dates.months.len(),
                dates.weekdays.len()
            ),
        ));
    }
    Ok(crate::checks::date::DateNames::new(
        dates.months,
        dates.weekdays,
        dates.first_day,
    ))
}

/// The pack's page layout: `data/layout.toml` (if any) with the layouts it includes, the
/// month and weekday names of every language they cover, and the pack's disclaimers.
fn build_layout(files: &[PackFile], data: &PackData) -> Result<crate::layout::Layout> {
    let file = find(files, "data/layout.toml");
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
            let line = file.map_or(1, |f| quoted_line(f, &name));
            return Err(Error::file(
                ErrorKind::Pack,
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
        .map_err(|e| Error::file(ErrorKind::Pack, &shown, e.message))
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
