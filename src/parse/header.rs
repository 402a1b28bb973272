//! The header zone: noise aside, everything before the first paragraph of running text.
//! Symbols, category, labels, date line, masthead, meeting header, reissue markers, notes,
//! the kicker, every printed copy of the headline and the decks are recognised here and only
//! here. The shapes are this module's; the words come from the pack's [`Layout`].

use std::sync::LazyLock;

use crate::layout::{Layout, MeetingParts};
use crate::lazy_regex::LazyRegex;
use crate::model::{
    DateForm, DateLine, DocumentKind, Field, Headline, Label, MeetingHeader, Noise, NoiseKind,
    Release, Symbol,
};
use crate::span::Span;
use crate::text::OffsetMap;

use super::lines::{LineKind, Seg};
use super::{date, symbol, titles};

/// A bracketed note of the header: `(La version française ... paraîtra ...)`. (No counted
/// repetition of a Unicode class: callers bound the line's length.)
static NOTE: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(r"^\([^()]{3}[^()]*\)\.?$").expect("note pattern"));

/// A scraper's date stamp glued to the start of a header line (` date 2020-11-06 Chair ...`).
static SCRAPER_DATE_PREFIX: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"(?i)^date\s+[0-9]{4}-[0-9]{2}-[0-9]{2}\s+").expect("scraper date prefix")
});

/// Table debris at the end of a header line: `Press Release HR/CT/628 |`.
static TRAILING_DEBRIS: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::eager(r"\s+\|[\s|]*$").expect("debris pattern"));

/// A header element found on one line (or at the start of one).
enum Element {
    /// A header line with no letter or digit (`..`): an empty table cell's remains.
    Debris,
    /// A scraper's date stamp of `len` bytes before the rest of the line.
    ScraperDate(usize),
    Symbol(symbol::SymbolLine),
    Date(date::DateMatch),
    /// A label of `len` bytes naming `kind`; the rest of the line is carried on.
    Label(usize, Option<(String, bool)>),
    Category,
    Masthead,
    /// An organ heading a meeting block (`Security Council` above `7053rd Meeting (AM)`).
    MeetingBody,
    Meeting(MeetingParts),
    Session(MeetingParts),
    MeetingLine,
    Reissue,
    Kicker,
    Note,
}

/// Where running text starts: the lines `head` (header lines that turned out to be running
/// text), then `segs[from..]`. Kept as an index so a long release's lines are not copied.
pub(crate) struct Running {
    pub head: Vec<Seg>,
    pub from: usize,
}

/// Walks the header zone of `segs` (which stop before the end marker), filling the header
/// elements of `release`; returns where the running text starts.
pub(crate) fn walk(text: &str, segs: &[Seg], layout: &Layout, release: &mut Release) -> Running {
    let mut walker = Walker {
        text,
        layout,
        release,
        block: Vec::new(),
        group: Vec::new(),
        groups: Vec::new(),
        meeting: Vec::new(),
        last_symbol_line: None,
    };
    let rest = walker.walk(segs);
    walker.finish();
    rest
}

/// A line of the meeting header and what it says.
enum MeetingRole {
    Body,
    Session(MeetingParts),
    Meeting(MeetingParts),
    Line,
}

struct Walker<'a> {
    text: &'a str,
    layout: &'a Layout,
    release: &'a mut Release,
    /// The text lines of the current block (no blank line between them).
    block: Vec<Seg>,
    /// The title lines since the last header element (blank lines between them allowed).
    group: Vec<Seg>,
    /// Closed groups of title lines, each a run between header elements.
    groups: Vec<Vec<Seg>>,
    /// The lines of the meeting header.
    meeting: Vec<(Seg, MeetingRole)>,
    /// The line of the last symbol when it was one component, for stacking.
    last_symbol_line: Option<usize>,
}

impl Walker<'_> {
    fn walk(&mut self, segs: &[Seg]) -> Running {
        let text = self.text;
        let mut carry: Option<Seg> = None;
        let mut i = 0;
        loop {
            let seg = match carry.take() {
                Some(seg) => seg,
                None => match segs.get(i) {
                    Some(&seg) => {
                        i += 1;
                        seg
                    }
                    None => break,
                },
            };
            if seg.kind != LineKind::Text {
                if let Some(rest) = self.flush_block() {
                    return self.rest(rest, Some(seg), i);
                }
                if seg.kind == LineKind::Stars {
                    self.close_group();
                    return Running {
                        head: vec![seg],
                        from: i,
                    };
                }
                continue;
            }
            let seg = without_trailing_debris(text, seg);
            let line = seg.text(text);
            let next = segs[i..].iter().find(|s| s.kind != LineKind::Blank);
            let Some(element) = self.element(line, next) else {
                self.block.push(seg);
                continue;
            };
            // Lines right above a meeting or session line name the body that meets, in the
            // block before it or, on old pages that space every line out, in the group.
            let heads_meeting = matches!(element, Element::Meeting(_) | Element::Session(_));
            if heads_meeting && self.meeting.is_empty() {
                if names_a_body(text, &self.block) {
                    for line in std::mem::take(&mut self.block) {
                        self.meeting.push((line, MeetingRole::Body));
                    }
                } else if self.block.is_empty() && names_a_body(text, &self.group) {
                    for line in std::mem::take(&mut self.group) {
                        self.meeting.push((line, MeetingRole::Body));
                    }
                }
            }
            if let Some(rest) = self.flush_block() {
                return self.rest(rest, Some(seg), i);
            }
            self.close_group();
            carry = self.record(seg, element);
        }
        if let Some(rest) = self.flush_block() {
            return self.rest(rest, None, segs.len());
        }
        self.close_group();
        Running {
            head: Vec::new(),
            from: segs.len(),
        }
    }

    fn element(&self, line: &str, next: Option<&Seg>) -> Option<Element> {
        let layout = self.layout;
        if let Some(m) = SCRAPER_DATE_PREFIX.find(line) {
            return Some(Element::ScraperDate(m.end()));
        }
        // `..`, `|`: what is left of an empty table cell.
        if !line.chars().any(char::is_alphanumeric) {
            return Some(Element::Debris);
        }
        if let Some(s) = symbol::recognise(line, 0, layout) {
            return Some(Element::Symbol(s));
        }
        if let Some(d) = date::recognise(line, layout) {
            return Some(Element::Date(d));
        }
        if let Some(label) = self.label(line) {
            return Some(label);
        }
        let next_heads_meeting = || {
            next.is_some_and(|n| {
                n.kind == LineKind::Text && {
                    let next = n.text(self.text);
                    layout.meeting_line(next).is_some() || layout.session_line(next).is_some()
                }
            })
        };
        // A category line alone, but not inside a wrapped headline (`... Addresses` /
        // `General Assembly`): only after a blank line or another header element.
        if self.block.is_empty() && layout.is_category(line) {
            return Some(if layout.is_organ(line) && next_heads_meeting() {
                Element::MeetingBody
            } else {
                Element::Category
            });
        }
        if self.block.is_empty() && layout.is_organ(line) && next_heads_meeting() {
            return Some(Element::MeetingBody);
        }
        if layout.is_masthead(line) {
            return Some(Element::Masthead);
        }
        if let Some(parts) = layout.meeting_line(line) {
            let rest_is_date = parts
                .rest
                .is_none_or(|at| date::recognise(&line[at..], layout).is_some());
            if rest_is_date {
                return Some(Element::Meeting(parts));
            }
        }
        if let Some(parts) = layout.session_line(line) {
            return Some(Element::Session(parts));
        }
        if layout.is_plain_meeting_line(line) {
            return Some(Element::MeetingLine);
        }
        if layout.is_reissue(line) {
            return Some(Element::Reissue);
        }
        if layout.is_kicker(line) {
            return Some(Element::Kicker);
        }
        if line.len() <= 300 && NOTE.is_match(line) {
            return Some(Element::Note);
        }
        None
    }

    /// A label line, or a label glued to the next element (`Press ReleaseNote No. 5989*`,
    /// `COMMUNIQUE DE BASE ECOSOC/285`). A label followed by ordinary words (`Press Conference
    /// on Road Safety`) is a headline, not a label.
    fn label(&self, line: &str) -> Option<Element> {
        let (len, kind) = self.layout.label_prefix(line)?;
        let kind = Some((kind.name.clone(), kind.symbol));
        let rest = &line[len..];
        if rest.trim().is_empty() {
            return Some(Element::Label(line.len(), kind));
        }
        let glued = !rest.starts_with(char::is_whitespace)
            && rest.chars().next().is_some_and(char::is_uppercase);
        let rest = rest.trim_start();
        let layout = self.layout;
        let element_follows = symbol::recognise(rest, 0, layout).is_some()
            || date::recognise(rest, layout).is_some()
            || layout
                .label_prefix(rest)
                .is_some_and(|(n, _)| n == rest.len());
        (glued || element_follows).then_some(Element::Label(len, kind))
    }

    /// Records a header element; returns the rest of the line after a glued element.
    fn record(&mut self, seg: Seg, element: Element) -> Option<Seg> {
        let field = Field::verbatim(self.text, seg.span);
        let mut carry = None;
        let mut symbol_line = None;
        match element {
            Element::Debris => self.record_noise(seg.span, NoiseKind::TableDebris),
            Element::ScraperDate(len) => {
                let span = Span::new(seg.raw.start, seg.span.start + len);
                self.record_noise(span, NoiseKind::ScraperDate);
                carry = self.rest_after(seg, len);
            }
            Element::Symbol(s) => symbol_line = self.record_symbol(seg, s),
            Element::Date(d) => {
                let span = Span::new(seg.span.start + d.start, seg.span.start + d.len);
                carry = self.rest_after(seg, d.len);
                self.record_date(span, d);
            }
            Element::Label(len, kind) => {
                self.record_label(Span::new(seg.span.start, seg.span.start + len), kind);
                carry = self.rest_after(seg, len);
            }
            Element::Category => {
                self.release.category.get_or_insert(field);
            }
            Element::Masthead => {
                self.release.masthead.get_or_insert(field);
            }
            Element::MeetingBody => self.meeting.push((seg, MeetingRole::Body)),
            Element::Meeting(parts) => carry = self.record_meeting(seg, parts),
            Element::Session(parts) => self.meeting.push((seg, MeetingRole::Session(parts))),
            Element::MeetingLine => self.meeting.push((seg, MeetingRole::Line)),
            Element::Reissue => self.release.reissue.push(field),
            // A second kicker-like line is kept as a note.
            Element::Kicker => match self.release.kicker {
                None => self.release.kicker = Some(field),
                Some(_) => self.release.notes.push(field),
            },
            Element::Note => self.release.notes.push(field),
        }
        self.last_symbol_line = symbol_line;
        carry
    }

    /// The rest of `seg` after its first `len` bytes, unless blank: what a glued element
    /// leaves for the next one.
    fn rest_after(&self, seg: Seg, len: usize) -> Option<Seg> {
        let span = Span::new(seg.span.start + len, seg.raw.end);
        let rest = Seg::new(self.text, seg.line, span, self.layout);
        (rest.kind != LineKind::Blank).then_some(rest)
    }

    /// Site debris in the header, kept in file order with the other noise.
    fn record_noise(&mut self, span: Span, kind: NoiseKind) {
        self.release.noise.push(Noise {
            field: Field::verbatim(self.text, span),
            kind,
        });
        self.release.noise.sort_by_key(|n| n.field.span.start);
    }

    /// A label (`Press Release`), and the kind of document it names, if any.
    fn record_label(&mut self, span: Span, kind: Option<(String, bool)>) {
        let field = Field::verbatim(self.text, trimmed(self.text, span));
        if let Some((name, symbol)) = &kind {
            self.note_kind(name, *symbol, field.span);
        }
        self.release.labels.push(Label {
            field,
            kind: kind.map(|(name, _)| name),
        });
    }

    /// A meeting line. A date on the same line (`61st Meeting (PM) 19 July 2010`) is carried
    /// on: the meeting line ends before it.
    fn record_meeting(&mut self, seg: Seg, parts: MeetingParts) -> Option<Seg> {
        let Some(at) = parts.rest else {
            self.meeting.push((seg, MeetingRole::Meeting(parts)));
            return None;
        };
        let carry = self.rest_after(seg, at);
        let span = Span::new(seg.span.start, seg.span.start + at);
        let line = Seg::new(self.text, seg.line, span, self.layout);
        self.meeting.push((line, MeetingRole::Meeting(parts)));
        carry
    }

    fn record_symbol(&mut self, seg: Seg, s: symbol::SymbolLine) -> Option<usize> {
        let text = self.text;
        let release = &mut *self.release;
        let category = s.category.map(|c| c.offset(seg.span.start));
        let span = s.symbol.offset(seg.span.start);
        if let Some(c) = category {
            release
                .category
                .get_or_insert_with(|| Field::verbatim(text, c));
        }
        if s.spaced {
            let parts: Vec<Field> =
                crate::text::runs(&text[span.range()], |c, _| !c.is_whitespace())
                    .map(|(at, part)| {
                        Field::verbatim(
                            text,
                            Span::new(span.start + at, span.start + at + part.len()),
                        )
                    })
                    .collect();
            release.symbols.push(stacked(&parts));
            return None;
        }
        let stacks = s.single
            && category.is_none()
            && self.last_symbol_line.is_some_and(|l| l + 1 == seg.line);
        match release.symbols.last_mut() {
            // A stack is rebuilt with each line it gains, so it is bounded: a compound symbol
            // has a few components, and a page of symbol lines must not cost n² time.
            Some(last) if stacks && last.parts.len() < MAX_STACKED_PARTS => {
                last.parts.push(Field::verbatim(text, span));
                *last = stacked(&last.parts);
            }
            _ => release.symbols.push(Symbol {
                field: Field::verbatim(text, span),
                parts: components(text, span),
                stacked: false,
            }),
        }
        s.single.then_some(seg.line)
    }

    fn record_date(&mut self, span: Span, d: date::DateMatch) {
        // The first date line wins, except that a long form replaces an earlier numeric or
        // stamp form: old headers print both, and the long one is the release's date line.
        let replaces = match &self.release.date_line {
            None => true,
            Some(earlier) => earlier.form != DateForm::Long && d.form == DateForm::Long,
        };
        if replaces {
            self.release.date_line = Some(DateLine {
                field: Field::verbatim(self.text, span),
                form: d.form,
                year: d.year,
                month: d.month,
                day: d.day,
            });
        }
    }

    /// The document kind: a kind that carries no symbol (a briefing, a note) is more telling
    /// than the generic `Press Release` label beside it.
    fn note_kind(&mut self, name: &str, symbol: bool, span: Span) {
        let replace = match &self.release.kind {
            None => true,
            Some(known) => known.symbol && !symbol,
        };
        if replace {
            self.release.kind = Some(DocumentKind {
                name: name.to_owned(),
                symbol,
                span,
            });
        }
    }

    /// Ends the current block: title lines join the current group. `Some(rest)` when the
    /// block is running text (the header zone ends there): the running text segments of the
    /// block, after any title lines at its top were taken into the group.
    fn flush_block(&mut self) -> Option<Vec<Seg>> {
        if self.block.is_empty() {
            return None;
        }
        let block = std::mem::take(&mut self.block);
        if titles::is_title_block(self.text, self.layout, &block) {
            // A group already open continues only with lines that do not end a sentence: a
            // Title Case sentence after a headline is the first paragraph, not more headline.
            if self.group.is_empty() || !titles::ends_like_a_sentence(self.text, &block) {
                self.group.extend_from_slice(&block);
                self.last_symbol_line = None;
                return None;
            }
            return Some(block);
        }
        // A headline or deck printed with no blank line before the first paragraph.
        let mut split = titles::title_lines_on_top(self.text, self.layout, &block);
        let page_top = self.groups.is_empty()
            && self.group.is_empty()
            && self.release.symbols.is_empty()
            && self.release.date_line.is_none();
        if split == 0 && page_top && titles::headline_opens_page(self.text, self.layout, &block) {
            split = 1;
        }
        if split > 0 && split < block.len() {
            self.group.extend_from_slice(&block[..split]);
            return Some(block[split..].to_vec());
        }
        Some(block)
    }

    fn close_group(&mut self) {
        if !self.group.is_empty() {
            self.groups.push(std::mem::take(&mut self.group));
        }
    }

    /// The segments of running text: what is left of the pending block, then `seg`, then
    /// the rest.
    fn rest(&mut self, mut block: Vec<Seg>, seg: Option<Seg>, from: usize) -> Running {
        self.close_group();
        block.extend(seg);
        Running { head: block, from }
    }

    /// Builds the elements that need the whole header: the meeting header, the headline
    /// copies and decks, and the kind a headline gives away.
    fn finish(&mut self) {
        let text = self.text;
        self.release.meeting = meeting_header(text, &self.meeting);
        let resolved = titles::resolve(text, self.layout, &self.groups);
        for copy in &resolved.copies {
            let (Some(first), Some(last)) = (copy.first(), copy.last()) else {
                continue;
            };
            self.release.headlines.push(Headline {
                field: Field::verbatim(text, Span::new(first.span.start, last.span.end)),
                lines: copy.iter().map(|s| Field::verbatim(text, s.span)).collect(),
            });
        }
        self.release.headlines.sort_by_key(|h| h.field.span.start);
        self.release.decks = resolved
            .decks
            .iter()
            .map(|s| Field::verbatim(text, s.span))
            .collect();
        self.release.decks.sort_by_key(|d| d.span.start);
        let first_line = self
            .release
            .headlines
            .first()
            .and_then(|h| h.lines.first())
            .map(|l| (l.text.clone(), l.span));
        if let Some((line, span)) = first_line {
            if let Some(kind) = self.layout.kind_of_headline(&line) {
                let (name, symbol) = (kind.name.clone(), kind.symbol);
                self.note_kind(&name, symbol, span);
            }
        }
    }
}

/// The lines above a meeting line name the body that meets: at most three short lines that
/// do not end like a sentence and are not an ALL CAPS headline (`Committee on the Exercise
/// of the Inalienable Rights` / `of the Palestinian People`).
fn names_a_body(text: &str, lines: &[Seg]) -> bool {
    !lines.is_empty()
        && lines.len() <= 3
        && lines.iter().all(|s| {
            let line = s.text(text);
            line.len() <= 100
                && !line.ends_with(['.', ':', ';'])
                && !(titles::is_all_caps(line) && line.split_whitespace().count() >= 6)
        })
}

/// The meeting header from its lines: body, session, meeting and time, each with its span.
fn meeting_header(text: &str, lines: &[(Seg, MeetingRole)]) -> Option<MeetingHeader> {
    let (first, last) = (lines.first()?, lines.last()?);
    let span = Span::new(first.0.span.start, last.0.span.end);
    let mut header = MeetingHeader {
        field: Field::verbatim(text, span),
        lines: lines
            .iter()
            .map(|(s, _)| Field::verbatim(text, s.span))
            .collect(),
        body: None,
        session: None,
        meeting: None,
        time: None,
    };
    let body: Vec<&Seg> = lines
        .iter()
        .filter(|(_, role)| matches!(role, MeetingRole::Body))
        .map(|(s, _)| s)
        .collect();
    if let (Some(first), Some(last)) = (body.first(), body.last()) {
        header.body = Some(Field::verbatim(
            text,
            Span::new(first.span.start, last.span.end),
        ));
    }
    let part = |seg: &Seg, range: &std::ops::Range<usize>| {
        Field::verbatim(
            text,
            Span::new(seg.span.start + range.start, seg.span.start + range.end),
        )
    };
    for (seg, role) in lines {
        match role {
            MeetingRole::Session(parts) => {
                let session_end = parts.meeting.as_ref().map_or(seg.span.len(), |m| m.start);
                let session = trimmed(
                    text,
                    Span::new(seg.span.start, seg.span.start + session_end),
                );
                let session = Span::new(
                    session.start,
                    session.start
                        + text[session.range()]
                            .trim_end_matches([',', '.', ' '])
                            .len(),
                );
                header.session.get_or_insert(Field::verbatim(text, session));
                if let Some(m) = &parts.meeting {
                    header.meeting.get_or_insert(part(seg, m));
                }
                if let Some(t) = &parts.time {
                    header.time.get_or_insert(part(seg, t));
                }
            }
            MeetingRole::Meeting(parts) => {
                if let Some(m) = &parts.meeting {
                    header.meeting.get_or_insert(part(seg, m));
                }
                if let Some(t) = &parts.time {
                    header.time.get_or_insert(part(seg, t));
                }
            }
            MeetingRole::Body | MeetingRole::Line => {}
        }
    }
    Some(header)
}

/// `span` without surrounding whitespace.
fn trimmed(text: &str, span: Span) -> Span {
    super::lines::trim(text, span)
}

/// The segment without table debris at its end (`HR/CT/628 |`).
fn without_trailing_debris(text: &str, seg: Seg) -> Seg {
    let line = seg.text(text);
    match TRAILING_DEBRIS.find(line) {
        Some(m) if m.start() > 0 => Seg {
            span: Span::new(seg.span.start, seg.span.start + m.start()),
            ..seg
        },
        _ => seg,
    }
}

/// The components of a one-line symbol as printed, split at their joiners.
fn components(text: &str, span: Span) -> Vec<Field> {
    static JOINER: LazyLock<LazyRegex> =
        LazyLock::new(|| LazyRegex::eager(r"\s*[-–—‑]\s*").expect("joiner pattern"));
    let symbol = text.get(span.range()).unwrap_or("");
    let mut parts = Vec::new();
    let mut start = 0;
    for joiner in JOINER.find_iter(symbol) {
        parts.push(Field::verbatim(
            text,
            Span::new(span.start + start, span.start + joiner.start()),
        ));
        start = joiner.end();
    }
    parts.push(Field::verbatim(
        text,
        Span::new(span.start + start, span.end),
    ));
    parts
}

/// The most components one stacked symbol gathers (`SG/SM/17246-OBV/1537` has two; the
/// symbol grammar allows six).
const MAX_STACKED_PARTS: usize = 6;

/// A symbol stacked one component per line: the components joined with `-`, mapped back to
/// each line.
fn stacked(parts: &[Field]) -> Symbol {
    let mut joined = String::new();
    let mut anchors = Vec::with_capacity(parts.len());
    for part in parts {
        if !joined.is_empty() {
            joined.push('-');
        }
        anchors.push((joined.len(), part.span.start));
        joined.push_str(&part.text);
    }
    let start = parts.first().map_or(0, |p| p.span.start);
    let end = parts.last().map_or(start, |p| p.span.end);
    Symbol {
        field: Field::mapped(
            joined,
            Span::new(start, end),
            OffsetMap::from_anchors(anchors),
            crate::text::Encoding::Plain,
        ),
        parts: parts.to_vec(),
        stacked: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> &'static Layout {
        crate::parse::test_layout()
    }

    fn meeting(line: &str) -> bool {
        line.len() <= 100
            && (layout().meeting_line(line).is_some() || layout().session_line(line).is_some())
    }

    #[test]
    fn meeting_lines() {
        for line in [
            "7053rd Meeting (AM)",
            "15th & 16th Meetings (AM & PM)",
            "Seventy-second Session,",
            "Seventy-second Session, 23rd Meeting (AM)",
            "2018 Session",
            "Soixante-douzième session",
            "8129e séance – matin",
            "115e séance plénière – après-midi",
            "115th plenary meeting (AM)",
            "Fifty-sixth General Assembly",
            "Second Committee",
            "4811e séance – soir",
        ] {
            assert!(meeting(line), "{line}");
        }
        for line in [
            "General Assembly Opens Seventy-second Session",
            "Meetings Coverage",
            "Council Holds 7053rd Meeting on Syria",
        ] {
            assert!(!meeting(line), "{line}");
        }
    }

    #[test]
    fn mastheads_and_reissue_markers() {
        let l = layout();
        assert!(
            l.is_masthead("Department of Public Information • News and Media Division • New York")
        );
        assert!(l.is_masthead("· News Coverage Service ·"));
        for line in [
            "(Reissued as received.)",
            "ADVANCE TEXT",
            "Background Release",
            "*Reissued as received",
        ] {
            assert!(l.is_reissue(line), "{line}");
        }
        assert!(!l.is_reissue("Background Release on Disarmament Talks Issued"));
    }
}
