//! The header zone: noise aside, everything before the first paragraph of running text.
//! Symbols, category, date line, masthead, meeting block, reissue markers and every printed
//! copy of the headline are recognised here and only here.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{DateForm, DateLine, Field, Headline, Release, Symbol};
use crate::span::Span;
use crate::text::OffsetMap;

use super::lines::{LineKind, Seg};
use super::{body, date, symbol};

/// `7053rd Meeting (AM)`, `15th & 16th Meetings (AM & PM)`.
const MEETING: &str = r"[0-9]{1,5}(?:st|nd|rd|th)(?:\s*(?:&|and|,)\s*[0-9]{1,5}(?:st|nd|rd|th))*\s+(?:plenary\s+)?meetings?(?:\s*\([^)]{0,40}\))?";

static MEETING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{MEETING}|[0-9]{{1,5}}e(?:\s*(?:et|&)\s*[0-9]{{1,5}}e)?\s+s[ée]ances?(?:\s+pl[ée]ni[èe]res?)?(?:\s*[-–—,]\s*[\p{{L}}-]+(?:\s*(?:&|et)\s*[\p{{L}}-]+)?)?)\s*[,.*]?$"
    ))
    .expect("meeting pattern")
});

/// `Seventy-second Session,`, `2018 Session`, `Resumed Fifth Special Session`, maybe
/// followed by the meeting on the same line.
static SESSION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:resumed|special|emergency)\s+)?(?:\p{{L}}+[-‑])?(?:first|second|third|\p{{L}}+th|\p{{L}}+i[èe]me|[0-9]{{4}}|[0-9]{{1,3}}(?:st|nd|rd|th|e))\s+(?:(?:special|emergency|resumed|substantive|organizational)\s+)?session\s*[,.]?(?:\s*{MEETING}\s*[,.]?)?$"
    ))
    .expect("session pattern")
});

static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)department\s+of\s+public\s+information|news\s+coverage\s+service|news\s+and\s+media\s+division|d[ée]partement\s+de\s+l['’]information")
        .expect("masthead pattern")
});

static REISSUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*\*?\s*(?:reissued(?-u:\b)[^()]{0,80}|publi[ée]\s+tel\s+que\s+re[çc]u[^()]{0,40})\)?$|^(?:advance\s+text|background\s+release)[\s.:*]*$")
        .expect("reissue pattern")
});

fn is_meeting(line: &str) -> bool {
    line.len() <= 100 && (MEETING_LINE.is_match(line) || SESSION_LINE.is_match(line))
}

/// A header element found on one line.
enum Element {
    Symbol(symbol::SymbolLine),
    Date(date::DateMatch),
    Category,
    Masthead,
    Meeting,
    Reissue,
}

/// Walks the header zone of `segs` (which stop before the end marker), filling the header
/// elements of `release`; returns the segments from the first paragraph of running text on.
pub(crate) fn walk(text: &str, segs: &[Seg], release: &mut Release) -> Vec<Seg> {
    let mut walker = Walker {
        text,
        release,
        block: Vec::new(),
        copy: Vec::new(),
        last_symbol_line: None,
    };
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
            if !walker.flush_block() {
                return walker.rest(Some(seg), &segs[i..]);
            }
            if seg.kind == LineKind::Stars {
                walker.close_copy();
                return vec![seg]
                    .into_iter()
                    .chain(segs[i..].iter().copied())
                    .collect();
            }
            continue;
        }
        let line = seg.text(text);
        let next = segs[i..].iter().find(|s| s.kind != LineKind::Blank);
        let Some(element) = walker.element(line, next) else {
            walker.block.push(seg);
            continue;
        };
        if !walker.flush_block() {
            return walker.rest(Some(seg), &segs[i..]);
        }
        walker.close_copy();
        carry = walker.record(seg, element);
    }
    if !walker.flush_block() {
        return walker.rest(None, &[]);
    }
    walker.close_copy();
    Vec::new()
}

struct Walker<'a> {
    text: &'a str,
    release: &'a mut Release,
    /// The text lines of the current block (no blank line between them).
    block: Vec<Seg>,
    /// The headline lines of the current copy.
    copy: Vec<Seg>,
    /// The line of the last symbol when it was one component, for stacking.
    last_symbol_line: Option<usize>,
}

impl Walker<'_> {
    fn element(&self, line: &str, next: Option<&Seg>) -> Option<Element> {
        if let Some(s) = symbol::recognise(line, 0) {
            return Some(Element::Symbol(s));
        }
        if let Some(d) = date::recognise(line) {
            return Some(Element::Date(d));
        }
        // A category line alone, but not inside a wrapped headline (`... Addresses` /
        // `General Assembly`): only after a blank line or another header element.
        if self.block.is_empty() && symbol::is_category(line) {
            let before_meeting = symbol::is_organ(line)
                && next.is_some_and(|n| n.kind == LineKind::Text && is_meeting(n.text(self.text)));
            return Some(if before_meeting {
                Element::Meeting
            } else {
                Element::Category
            });
        }
        if line.len() <= 160 && MASTHEAD.is_match(line) {
            return Some(Element::Masthead);
        }
        if is_meeting(line) {
            return Some(Element::Meeting);
        }
        if line.len() <= 120 && REISSUE.is_match(line) {
            return Some(Element::Reissue);
        }
        None
    }

    /// Records a header element; returns the rest of the line after a glued date stamp.
    fn record(&mut self, seg: Seg, element: Element) -> Option<Seg> {
        let text = self.text;
        let field = Field::verbatim(text, seg.span);
        let release = &mut *self.release;
        let mut carry = None;
        let mut symbol_line = None;
        match element {
            Element::Symbol(s) => {
                let category = s.category.map(|c| c.offset(seg.span.start));
                let span = s.symbol.offset(seg.span.start);
                if let Some(c) = category {
                    release
                        .category
                        .get_or_insert_with(|| Field::verbatim(text, c));
                }
                let stacks = s.single
                    && category.is_none()
                    && self.last_symbol_line.is_some_and(|l| l + 1 == seg.line);
                match release.symbols.last_mut() {
                    Some(last) if stacks => {
                        last.parts.push(Field::verbatim(text, span));
                        *last = stacked(&last.parts);
                    }
                    _ => release.symbols.push(Symbol {
                        field: Field::verbatim(text, span),
                        parts: components(text, span),
                        stacked: false,
                    }),
                }
                if s.single {
                    symbol_line = Some(seg.line);
                }
            }
            Element::Date(d) => {
                let span = Span::new(seg.span.start, seg.span.start + d.len);
                // The first date line wins, except that a long form replaces an earlier
                // numeric or stamp form: old headers print both, and the long one is the
                // release's date line proper.
                let replaces = match &release.date_line {
                    None => true,
                    Some(earlier) => earlier.form != DateForm::Long && d.form == DateForm::Long,
                };
                if replaces {
                    release.date_line = Some(DateLine {
                        field: Field::verbatim(text, span),
                        form: d.form,
                        year: d.year,
                        month: d.month,
                        day: d.day,
                    });
                }
                let rest = Seg::new(text, seg.line, Span::new(span.end, seg.raw.end));
                if rest.kind != LineKind::Blank {
                    carry = Some(rest);
                }
            }
            Element::Category => {
                release.category.get_or_insert(field);
            }
            Element::Masthead => {
                release.masthead.get_or_insert(field);
            }
            Element::Meeting => release.meeting.push(field),
            Element::Reissue => release.reissue.push(field),
        }
        self.last_symbol_line = symbol_line;
        carry
    }

    /// Ends the current block: headline lines join the current copy. False when the block
    /// is running text (the header zone ends there).
    fn flush_block(&mut self) -> bool {
        if self.block.is_empty() {
            return true;
        }
        if !is_headline(self.text, &self.block) {
            return false;
        }
        // A copy already open continues only with lines that do not end a sentence: a
        // Title Case sentence after a headline is the first paragraph, not more headline.
        if !self.copy.is_empty() && ends_like_a_sentence(self.text, &self.block) {
            return false;
        }
        self.copy.append(&mut self.block);
        self.last_symbol_line = None;
        true
    }

    /// Ends the current headline copy.
    fn close_copy(&mut self) {
        let (Some(first), Some(last)) = (self.copy.first(), self.copy.last()) else {
            return;
        };
        let span = Span::new(first.span.start, last.span.end);
        let lines = self
            .copy
            .iter()
            .map(|s| Field::verbatim(self.text, s.span))
            .collect();
        self.release.headlines.push(Headline {
            field: Field::verbatim(self.text, span),
            lines,
        });
        self.copy.clear();
    }

    /// The segments of running text: the pending block, then `seg`, then the rest.
    fn rest(mut self, seg: Option<Seg>, after: &[Seg]) -> Vec<Seg> {
        self.close_copy();
        let mut rest = std::mem::take(&mut self.block);
        rest.extend(seg);
        rest.extend_from_slice(after);
        rest
    }
}

/// Is this block of lines a headline (or part of one)? Headlines are short and do not end
/// like a sentence; the intro and datelines open the running text.
fn is_headline(text: &str, block: &[Seg]) -> bool {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return false;
    };
    let first = first.text(text);
    if body::opens_running_text(first) {
        return false;
    }
    if last.span.end - block[0].span.start > 600 {
        return false;
    }
    let last = last
        .text(text)
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ', '\u{a0}']);
    if last.ends_with([':', ';']) {
        return false;
    }
    !last.ends_with('.') || (block.len() == 1 && is_title_case(first))
}

/// Does the block's last line end with a full stop (closing quotes and brackets aside)?
fn ends_like_a_sentence(text: &str, block: &[Seg]) -> bool {
    block.last().is_some_and(|last| {
        let line = last
            .text(text)
            .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ', '\u{a0}']);
        line.ends_with('.') && !is_all_caps(last.text(text))
    })
}

fn is_all_caps(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// Words a Title Case headline writes in lower case.
const SMALL_WORDS: [&str; 24] = [
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "onto", "or", "over", "per", "than", "the", "to", "upon", "via", "with",
];

/// A one-line title that ends with a full stop (`Secretary-General Says ‘Enough Is
/// Enough.’`): every word but the small ones starts with a capital (or is a number).
fn is_title_case(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‑')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let breaks_title_case = |w: &&str| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_lowercase() && !SMALL_WORDS.contains(&w.to_lowercase().as_str())
    };
    words.len() >= 3 && !words.iter().any(breaks_title_case)
}

/// The components of a one-line symbol as printed, split at their joiners.
fn components(text: &str, span: Span) -> Vec<Field> {
    static JOINER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[-–—‑]\s*").expect("joiner pattern"));
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
    use super::super::lines::split;
    use super::*;

    #[track_caller]
    fn headline(block: &str) -> bool {
        let segs = split(block);
        is_headline(block, &segs)
    }

    #[test]
    fn a_title_case_sentence_with_a_lower_case_verb_is_not_a_headline() {
        assert!(!headline(
            "The Secretary-General met with the President of Ghana on Monday."
        ));
        assert!(headline("Secretary-General Says ‘Enough Is Enough.’"));
        assert!(headline(
            "Council Extends Mandate of Mission in Darfur for One Year."
        ));
    }

    #[test]
    fn headlines_do_not_end_like_sentences() {
        assert!(headline("Kyrgyzstan Crisis Shows Value of Cooperation,"));
        assert!(headline("SECRETARY-GENERAL URGES RESTRAINT"));
        assert!(headline("Is Peace Possible?"));
        assert!(headline("Speakers Say ‘Time Is Running Out’"));
        assert!(!headline("The Council adopted the text."));
        assert!(headline("Secretary-General Says ‘Enough Is Enough.’"));
        assert!(!headline("The Security Council met today."));
        assert!(!headline("Thank You."));
        assert!(!headline(
            "Secretary-General Kofi Annan Today Welcomed the\nAgreement."
        ));
        assert!(!headline("Following is the message:"));
        assert!(!headline(
            "Following is the message of the Secretary-General"
        ));
        assert!(!headline(
            "The meeting heard statements from\nthe following:"
        ));
        assert!(!headline(
            "GENEVA, 13 March (UN Information Service) -- The Commission met"
        ));
        assert!(!headline(&"Word ".repeat(130)));
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
        ] {
            assert!(is_meeting(line), "{line}");
        }
        for line in [
            "General Assembly Opens Seventy-second Session",
            "Meetings Coverage",
            "Council Holds 7053rd Meeting on Syria",
        ] {
            assert!(!is_meeting(line), "{line}");
        }
    }

    #[test]
    fn mastheads_and_reissue_markers() {
        assert!(MASTHEAD
            .is_match("Department of Public Information • News and Media Division • New York"));
        assert!(MASTHEAD.is_match("· News Coverage Service ·"));
        for line in [
            "(Reissued as received.)",
            "ADVANCE TEXT",
            "Background Release",
            "*Reissued as received",
        ] {
            assert!(REISSUE.is_match(line), "{line}");
        }
        assert!(!REISSUE.is_match("Background Release on Disarmament Talks Issued"));
    }
}
