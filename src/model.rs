//! The parsed release: every element keeps the exact bytes it came from.
//!
//! Parsing never fails: a missing element is `None` (or an empty list) and the checks report
//! it. The JSON form of this model (`presslint parse`) is described by
//! `schemas/release.schema.json`, and the same form is accepted as input.

use serde::Serialize;

use crate::span::Span;
use crate::text::{Encoding, MatchText, OffsetMap};

/// One element of the release: its original text and where it sits in the file.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The element's text exactly as written (for JSON inputs: the decoded string).
    pub text: String,
    /// The bytes of the file this element covers.
    pub span: Span,
    /// Where each offset of `text` sits in the file (verbatim for text inputs).
    #[serde(skip)]
    pub map: OffsetMap,
    #[serde(skip)]
    pub encoding: Encoding,
    /// `text` normalised for matching, computed once and shared by every rule.
    #[serde(skip)]
    normalised: std::sync::OnceLock<MatchText>,
}

impl Field {
    /// A field whose text is the verbatim slice `span` of `source`.
    pub fn verbatim(source: &str, span: Span) -> Self {
        Self {
            text: source[span.range()].to_owned(),
            span,
            map: OffsetMap::verbatim(span.start),
            encoding: Encoding::Plain,
            normalised: std::sync::OnceLock::new(),
        }
    }

    /// A field with explicit text, span and offset map (stacked symbols, JSON strings).
    pub fn mapped(text: String, span: Span, map: OffsetMap, encoding: Encoding) -> Self {
        Self {
            text,
            span,
            map,
            encoding,
            normalised: std::sync::OnceLock::new(),
        }
    }

    /// The text normalised for matching (NBSP as space, U+2011 as `-`), offsets mapped to the file.
    pub fn match_text(&self) -> &MatchText {
        self.normalised
            .get_or_init(|| MatchText::new(&self.text, &self.map, self.encoding))
    }

    /// The file span of `text[start..end]`.
    pub fn subspan(&self, start: usize, end: usize) -> Span {
        self.map.span(start, end)
    }
}

/// Fields are equal when their text, span and map are: the cached normalisation is derived.
impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        (&self.text, self.span, &self.map, self.encoding)
            == (&other.text, other.span, &other.map, other.encoding)
    }
}

impl Eq for Field {}

/// Where the release came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    #[default]
    Text,
    Json,
}

/// A kind of web-page debris that scrapers leave around a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// `In progress at UNHQ`, `Skip to main content`.
    SiteBanner,
    /// ` |`, `| |||`: table debris.
    TableDebris,
    /// ` date 2019-12-28 `: a scraper's date stamp.
    ScraperDate,
    /// `- 2 - Press Release DH/2008`: a print running head.
    RunningHead,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Noise {
    #[serde(flatten)]
    pub field: Field,
    pub kind: NoiseKind,
}

/// One printed copy of the document symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Symbol {
    /// The whole symbol; for a symbol stacked one component per line, `text` joins the
    /// components with `-` and `span` covers all their lines.
    #[serde(flatten)]
    pub field: Field,
    /// The components as printed (`SG/SM/17246`, `OBV/1537`), each with its own span.
    pub parts: Vec<Field>,
    /// True when the components were stacked one per line.
    pub stacked: bool,
}

/// How the date line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateForm {
    /// `19 July 2010` and its near misses (`July 19, 2010`, `19th July 2010`...).
    Long,
    /// `08/10/2004`: day/month/year of 2001-2005 headers.
    Numeric,
    /// `19990407`: an 8-digit stamp, often glued to the next word.
    Stamp,
}

/// The date line: its text, its form and the date it names (when it names one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateLine {
    #[serde(flatten)]
    pub field: Field,
    pub form: DateForm,
    /// The year, month and day as written, even when the calendar has no such day.
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// One printed copy of the headline, possibly over several lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// From the first headline line to the end of the last one.
    #[serde(flatten)]
    pub field: Field,
    /// The lines that carry words (spacer lines excluded).
    pub lines: Vec<Field>,
}

/// A press release, element by element, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Release {
    pub format: InputFormat,
    /// Web-page debris, in file order.
    pub noise: Vec<Noise>,
    /// The category (`Secretary-General`, `Security Council`, `Press Conference`...).
    pub category: Option<Field>,
    /// Every printed copy of the document symbol, in file order.
    pub symbols: Vec<Symbol>,
    pub date_line: Option<DateLine>,
    /// `Department of Public Information • News and Media Division • New York`.
    pub masthead: Option<Field>,
    /// `Security Council`, `7053rd Meeting (AM)`, `Seventy-second Session,`.
    pub meeting: Vec<Field>,
    /// `(Reissued as received.)`, `ADVANCE TEXT`, `Background Release`.
    pub reissue: Vec<Field>,
    /// Every printed copy of the headline, in file order.
    pub headlines: Vec<Headline>,
    /// The first paragraph when it introduces the text (`Following is ...:`).
    pub intro: Option<Field>,
    /// Body paragraphs after the intro, up to the end marker.
    pub body: Vec<Field>,
    pub end_marker: Option<Field>,
    /// Disclaimer lines, in file order.
    pub disclaimers: Vec<Field>,
    /// Where the content of the file ends (after trailing blank lines are removed): the
    /// place where a missing footer element belongs.
    pub content_end: usize,
}

impl Release {
    /// True for categories that carry no document symbol (press conferences, noon briefings).
    pub fn category_is(&self, names: &[String]) -> bool {
        let Some(category) = &self.category else {
            return false;
        };
        let folded = crate::text::fold_for_comparison(&category.text);
        names
            .iter()
            .any(|n| crate::text::fold_for_comparison(n) == folded)
    }

    /// Every field of the release, in no particular order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        let noise = self.noise.iter().map(|n| &n.field);
        let symbols = self
            .symbols
            .iter()
            .flat_map(|s| std::iter::once(&s.field).chain(&s.parts));
        let headlines = self
            .headlines
            .iter()
            .flat_map(|h| std::iter::once(&h.field).chain(&h.lines));
        noise
            .chain(self.category.iter())
            .chain(symbols)
            .chain(self.date_line.iter().map(|d| &d.field))
            .chain(self.masthead.iter())
            .chain(&self.meeting)
            .chain(&self.reissue)
            .chain(headlines)
            .chain(self.paragraphs())
            .chain(self.end_marker.iter())
            .chain(&self.disclaimers)
    }

    /// All paragraphs of running text: intro then body.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Field> {
        self.intro.iter().chain(&self.body)
    }
}
