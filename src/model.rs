//! The parsed release: every element keeps the exact bytes it came from.
//!
//! Parsing never fails: a missing element is `None` (or an empty list) and the checks report
//! it. The JSON form of this model (`presslint parse`) is described by
//! `schemas/release.schema.json`, and the same form is accepted as input.

use serde::Serialize;

use crate::span::Span;
use crate::text::{Encoding, MatchText, OffsetMap};

/// A field's text: its own copy (header elements, decoded JSON strings), or a range of the
/// shared source text (body paragraphs), so that a long release is not held twice.
#[derive(Clone)]
pub enum FieldText {
    Owned(Box<str>),
    Shared {
        source: std::sync::Arc<String>,
        range: std::ops::Range<usize>,
    },
}

impl FieldText {
    /// `range` of `source`, borrowed (panics unless `range` is a slice of `source` on
    /// character boundaries, as a parser's spans are).
    pub fn shared(source: &std::sync::Arc<String>, range: std::ops::Range<usize>) -> Self {
        assert!(
            source.get(range.clone()).is_some(),
            "field range off the source"
        );
        Self::Shared {
            source: source.clone(),
            range,
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Self::Owned(text) => text,
            Self::Shared { source, range } => &source[range.clone()],
        }
    }
}

impl std::ops::Deref for FieldText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for FieldText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for FieldText {
    fn from(text: String) -> Self {
        Self::Owned(text.into_boxed_str())
    }
}

impl From<&str> for FieldText {
    fn from(text: &str) -> Self {
        Self::Owned(text.into())
    }
}

impl PartialEq for FieldText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FieldText {}

impl PartialEq<str> for FieldText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for FieldText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<FieldText> for str {
    fn eq(&self, other: &FieldText) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<FieldText> for &str {
    fn eq(&self, other: &FieldText) -> bool {
        *self == other.as_str()
    }
}

impl std::fmt::Debug for FieldText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for FieldText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FieldText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One element of the release: its original text and where it sits in the file.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The element's text exactly as written (for JSON inputs: the decoded string).
    pub text: FieldText,
    /// The bytes of the file this element covers.
    pub span: Span,
    /// Where each offset of `text` sits in the file (verbatim for text inputs).
    #[serde(skip)]
    pub map: OffsetMap,
    #[serde(skip)]
    pub encoding: Encoding,
    /// `text` normalised for matching, computed once and shared by every rule. Boxed: it is
    /// rarely needed, and a field is kept small for releases of many paragraphs.
    #[serde(skip)]
    normalised: std::sync::OnceLock<Option<Box<crate::text::Normalised>>>,
}

impl Field {
    /// A field whose text is the verbatim slice `span` of `source`.
    pub fn verbatim(source: &str, span: Span) -> Self {
        Self {
            text: source[span.range()].into(),
            span,
            map: OffsetMap::verbatim(span.start),
            encoding: Encoding::Plain,
            normalised: std::sync::OnceLock::new(),
        }
    }

    /// A field whose text is the slice `span` of the shared `source`, not copied (the body
    /// paragraphs: nearly all of a long release).
    pub fn shared(source: &std::sync::Arc<String>, span: Span) -> Self {
        Self {
            text: FieldText::shared(source, span.range()),
            span,
            map: OffsetMap::verbatim(span.start),
            encoding: Encoding::Plain,
            normalised: std::sync::OnceLock::new(),
        }
    }

    /// A field with explicit text, span and offset map (stacked symbols, JSON strings).
    pub fn mapped(text: String, span: Span, map: OffsetMap, encoding: Encoding) -> Self {
        Self {
            text: text.into(),
            span,
            map,
            encoding,
            normalised: std::sync::OnceLock::new(),
        }
    }

    /// The text normalised for matching (NBSP as space, U+2011 as `-`), offsets mapped to the file.
    pub fn match_text(&self) -> MatchText<'_> {
        let normalised = self
            .normalised
            .get_or_init(|| crate::text::Normalised::of(&self.text, &self.map).map(Box::new));
        MatchText::new(&self.text, &self.map, normalised.as_deref(), self.encoding)
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

/// A label line: what the page says it is (`Press Release`, `Note No. 5989*`, `Point de
/// presse`), alone on a line or glued to the next element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    #[serde(flatten)]
    pub field: Field,
    /// The kind of document the label names (`press-release`, `press-briefing`), from the
    /// pack's layout.
    pub kind: Option<String>,
}

/// The kind of document, as a label or the headline's opening words give it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentKind {
    /// The kind's name in the pack's layout (`press-conference`).
    pub name: String,
    /// Does this kind carry a document symbol? (Press conferences and briefings do not.)
    pub symbol: bool,
    /// The label or headline that tells the kind.
    pub span: Span,
}

/// The meeting header of meeting coverage: `Security Council` / `7053rd Meeting (AM)`;
/// `Committee on ... Rights` / `of the Palestinian People` / `255th Meeting (PM)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingHeader {
    /// From the first line of the header to the end of the last.
    #[serde(flatten)]
    pub field: Field,
    /// Every line of the header, in file order.
    pub lines: Vec<Field>,
    /// The organ or body that meets (maybe over several lines).
    pub body: Option<Field>,
    /// `Seventy-second Session`, `Sixty-third General Assembly`, `Second Committee`.
    pub session: Option<Field>,
    /// `61st Meeting`, `4811e séance`.
    pub meeting: Option<Field>,
    /// `PM`, `AM & PM`, `soir`.
    pub time: Option<Field>,
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
    /// `Press Release`, `Note to Correspondents`, `Point de presse`: label lines, in file order.
    pub labels: Vec<Label>,
    /// The kind of document, when a label or the headline names it.
    pub kind: Option<DocumentKind>,
    /// `Security Council` / `7053rd Meeting (AM)`, `Seventy-second Session,`.
    pub meeting: Option<MeetingHeader>,
    /// `(Reissued as received.)`, `ADVANCE TEXT`, `Background Release`.
    pub reissue: Vec<Field>,
    /// A short line above the headline that files it in a series (`2019 Round-Up`).
    pub kicker: Option<Field>,
    /// Every printed copy of the headline, in file order.
    pub headlines: Vec<Headline>,
    /// Sub-headlines (decks) printed under the headline, in file order.
    pub decks: Vec<Field>,
    /// Bracketed notes of the header (`(La version française ... paraîtra ...)`).
    pub notes: Vec<Field>,
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
    /// True for a page of the web layout of press.un.org since about 2014: neither a date
    /// line nor an end marker in the text (the page carries its date in its metadata, and
    /// its footer is the disclaimer alone).
    pub fn is_web_page(&self) -> bool {
        self.date_line.is_none() && self.end_marker.is_none()
    }

    /// True when the release's kind is known to carry no document symbol.
    pub fn kind_has_no_symbol(&self) -> bool {
        self.kind.as_ref().is_some_and(|k| !k.symbol)
    }

    /// True when the whole category line, or a whole label line, equals one of `names` once
    /// both are folded by [`crate::text::fold_for_comparison`] (case, whitespace runs,
    /// non-breaking hyphens): `unless-category` of the `require` kind, for packs that name
    /// such pages without declaring a kind of document.
    pub fn category_is(&self, names: &[String]) -> bool {
        let wanted: Vec<String> = names
            .iter()
            .map(|n| crate::text::fold_for_comparison(n))
            .collect();
        self.category
            .iter()
            .chain(self.labels.iter().map(|l| &l.field))
            .any(|f| wanted.contains(&crate::text::fold_for_comparison(&f.text)))
    }

    /// Every element of the content (noise is not content), by the name messages give it
    /// (`date line`, `paragraph`), in the order of the model's fields. The one list of the
    /// release's elements: a new element added here reaches [`Release::fields`] and the
    /// `position` check.
    pub fn elements(&self) -> Vec<(&'static str, &Field)> {
        let mut out: Vec<(&'static str, &Field)> = Vec::new();
        out.extend(self.category.iter().map(|f| ("category", f)));
        out.extend(self.symbols.iter().map(|s| ("symbol", &s.field)));
        out.extend(self.date_line.iter().map(|d| ("date line", &d.field)));
        out.extend(self.masthead.iter().map(|f| ("masthead", f)));
        out.extend(self.labels.iter().map(|l| ("label", &l.field)));
        out.extend(self.meeting.iter().map(|m| ("meeting header", &m.field)));
        out.extend(self.reissue.iter().map(|f| ("reissue marker", f)));
        out.extend(self.kicker.iter().map(|f| ("kicker", f)));
        out.extend(self.headlines.iter().map(|h| ("headline", &h.field)));
        out.extend(self.decks.iter().map(|f| ("deck", f)));
        out.extend(self.notes.iter().map(|f| ("note", f)));
        out.extend(self.intro.iter().map(|f| ("intro", f)));
        out.extend(self.body.iter().map(|f| ("paragraph", f)));
        out.extend(self.end_marker.iter().map(|f| ("end marker", f)));
        out.extend(self.disclaimers.iter().map(|f| ("disclaimer", f)));
        out
    }

    /// Every field of the release, in no particular order: noise, the [`elements`], and the
    /// fields inside them (symbol parts, headline and meeting-header lines and parts).
    ///
    /// [`elements`]: Release::elements
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        let noise = self.noise.iter().map(|n| &n.field);
        let parts = self.symbols.iter().flat_map(|s| &s.parts);
        let lines = self.headlines.iter().flat_map(|h| &h.lines);
        let meeting = self.meeting.iter().flat_map(|m| {
            m.lines
                .iter()
                .chain(m.body.iter())
                .chain(m.session.iter())
                .chain(m.meeting.iter())
                .chain(m.time.iter())
        });
        let elements = self.elements().into_iter().map(|(_, field)| field);
        noise
            .chain(elements)
            .chain(parts)
            .chain(lines)
            .chain(meeting)
    }

    /// All paragraphs of running text: intro then body.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Field> {
        self.intro.iter().chain(&self.body)
    }
}
