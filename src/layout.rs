//! The words of a house's page layout (`data/layout.toml` and `data/dates.toml` of a pack),
//! compiled once per pack into the matchers the parser reads pages with.
//!
//! The parser knows the shapes of a page (blocks of lines, printed copies of the headline,
//! decks, meeting headers, labels glued to the next element); this module knows which words
//! fill them: banners, mastheads, categories, label lines and the kinds of document they
//! name, meeting and session words, kickers, intro openers, month and weekday names. Another
//! organisation's pack describes its own pages by writing its own `layout.toml`.

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::lazy_regex::{LazyRegex, NOTHING};

/// `data/layout.toml` as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LayoutToml {
    /// Embedded packs whose layout words pages of this pack may also show.
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub banners: Vec<String>,
    #[serde(default)]
    pub mastheads: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub intro_openers: Vec<String>,
    #[serde(default)]
    pub reissue: Vec<String>,
    #[serde(default)]
    pub kickers: Vec<String>,
    /// Words a title writes in lower case (`of`, `the`; French `de`, `la`): how the parser
    /// tells a Title Case headline from a sentence, and a wrapped title from a complete one.
    #[serde(default)]
    pub small_words: Vec<String>,
    /// Words that may open a date line (French `Le 6 janvier 2003`).
    #[serde(default)]
    pub date_openers: Vec<String>,
    #[serde(default)]
    pub kinds: Vec<KindToml>,
    #[serde(default)]
    pub meeting: MeetingToml,
}

/// One kind of document (`[[kinds]]`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KindToml {
    pub name: String,
    /// Does this kind carry a document symbol?
    pub symbol: bool,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub headlines: Vec<String>,
}

/// The words of meeting headers (`[meeting]`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MeetingToml {
    #[serde(default)]
    pub organs: Vec<String>,
    #[serde(default)]
    pub meetings: Vec<String>,
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    #[serde(default)]
    pub ordinal_words: Vec<String>,
    #[serde(default)]
    pub sessions: Vec<String>,
    #[serde(default)]
    pub session_qualifiers: Vec<String>,
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub times: Vec<String>,
}

impl LayoutToml {
    /// Adds the words of `other` to these (an included pack's layout).
    pub fn merge(&mut self, other: LayoutToml) {
        self.banners.extend(other.banners);
        self.mastheads.extend(other.mastheads);
        self.categories.extend(other.categories);
        self.intro_openers.extend(other.intro_openers);
        self.reissue.extend(other.reissue);
        self.kickers.extend(other.kickers);
        self.date_openers.extend(other.date_openers);
        self.small_words.extend(other.small_words);
        for kind in other.kinds {
            match self.kinds.iter_mut().find(|k| k.name == kind.name) {
                Some(known) => {
                    known.labels.extend(kind.labels);
                    known.headlines.extend(kind.headlines);
                }
                None => self.kinds.push(kind),
            }
        }
        let (m, o) = (&mut self.meeting, other.meeting);
        m.organs.extend(o.organs);
        m.meetings.extend(o.meetings);
        m.ordinal_suffixes.extend(o.ordinal_suffixes);
        m.ordinal_words.extend(o.ordinal_words);
        m.sessions.extend(o.sessions);
        m.session_qualifiers.extend(o.session_qualifiers);
        m.lines.extend(o.lines);
        m.times.extend(o.times);
    }
}

/// A kind of document: its name and whether it carries a symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kind {
    pub name: String,
    pub symbol: bool,
}

/// A meeting line's parts, as local byte ranges of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingParts {
    /// `61st Meeting`.
    pub meeting: Option<std::ops::Range<usize>>,
    /// `PM`, `soir`.
    pub time: Option<std::ops::Range<usize>>,
    /// Where the text after the meeting (a date on the same line) starts, if any.
    pub rest: Option<usize>,
}

impl MeetingParts {
    /// The meeting and its time (the last bracket, or the word after a dash) of a meeting or
    /// session line's match; no text after them.
    fn of(caps: &regex::Captures<'_>) -> Self {
        Self {
            meeting: caps.name("meeting").map(|m| m.range()),
            time: caps
                .name("t1")
                .or_else(|| caps.name("t2"))
                .map(|m| m.range()),
            rest: None,
        }
    }
}

/// The compiled layout words of a pack.
#[derive(Debug, Clone)]
pub struct Layout {
    banner: Gated,
    masthead: Gated,
    category_line: Gated,
    category_prefix: Gated,
    intro: Gated,
    reissue: Gated,
    kicker: Gated,
    date_opener: Gated,
    small_words: std::collections::HashSet<String>,
    /// One prefix pattern per kind's labels, in the order of `kinds`.
    labels: Vec<Gated>,
    /// One prefix pattern per kind's headline openings.
    kind_headlines: Vec<Gated>,
    kinds: Vec<Kind>,
    organ: Gated,
    meeting_line: Gated,
    session_line: Gated,
    plain_meeting_line: Gated,
    months: Vec<String>,
    weekdays: Vec<String>,
    /// The pack's own disclaimer texts (`data/house.toml`), recognised beside the UN forms,
    /// with their near misses.
    pub disclaimers: crate::text::NearMisses,
}

impl Default for Layout {
    /// A layout with no words: the parser reads shapes only (and English month names).
    /// Compiled once: every default pack shares it (regexes clone cheaply).
    fn default() -> Self {
        static EMPTY: std::sync::LazyLock<Layout> = std::sync::LazyLock::new(|| {
            Layout::compile(
                LayoutToml::default(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                false,
            )
            .expect("an empty layout compiles")
        });
        EMPTY.clone()
    }
}

/// The regex for one layout text: case-insensitive, any run of spaces (NBSP too) for a
/// space, `'` and `’` alike, `-` and U+2011 alike, an accented letter and its bare form alike
/// (`COMMUNIQUE` for `Communiqué`), `{n}` a number, `{year}` a year, `{text}` any short text
/// without brackets.
fn text_pattern(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text.trim();
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("{n}") {
            out.push_str(r"[0-9]{1,6}\*?");
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("{text}") {
            // No counted repetition of a Unicode class: `{0,80}` compiles to 80 copies of
            // it (tens of milliseconds at start-up); callers bound the line's length.
            out.push_str(r"[^()]*");
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("{year}") {
            out.push_str(r"(?:19|20)[0-9]{2}");
            rest = after;
            continue;
        }
        match c {
            c if c.is_whitespace() => {
                out.push_str(r"\s+");
                rest = rest.trim_start();
                continue;
            }
            '\'' | '’' => out.push_str("['’]"),
            '-' | '‑' => out.push_str("[-‑]"),
            '.' => out.push_str(r"\.?"),
            c if crate::text::bare_letter(c).is_some() => {
                let bare = crate::text::bare_letter(c).unwrap_or(c);
                out.push_str(&format!("[{c}{bare}]"));
            }
            c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// An alternation of layout texts, longest first (so that `Press Release` does not stop a
/// longer label that starts the same way).
fn alternation(texts: &[String]) -> String {
    let mut sorted: Vec<&String> = texts.iter().filter(|t| !t.trim().is_empty()).collect();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
    sorted.dedup();
    if sorted.is_empty() {
        return NOTHING.to_owned();
    }
    let parts: Vec<String> = sorted.iter().map(|t| text_pattern(t)).collect();
    format!("(?:{})", parts.join("|"))
}

/// A layout regex behind a gate: the letters every match must contain. Most lines of a page
/// hold none of a matcher's words, so the gate (a few substring scans) answers for them, and
/// a regex no line gets through is never even compiled.
#[derive(Debug, Clone)]
pub struct Gated {
    regex: LazyRegex,
    /// One lower-case ASCII letter run per text of the alternation (every match of that text
    /// contains it, in some case); `None`: no gate (a text without such a run).
    gate: Option<Vec<String>>,
}

impl Gated {
    fn new(regex: LazyRegex, texts: &[String]) -> Self {
        let gate = texts
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| letter_run(t))
            .collect::<Option<Vec<String>>>()
            .filter(|runs| !runs.is_empty());
        Self { regex, gate }
    }

    /// May the regex match `line`? `false` only when it cannot. Once the regex is compiled
    /// its own automaton answers faster than the gate (an anchored pattern fails on the first
    /// characters), so the gate only stands before a regex not yet compiled.
    fn admits(&self, line: &str) -> bool {
        let Some(runs) = &self.gate else {
            return true;
        };
        if self.regex.is_compiled() {
            return true;
        }
        // `(?i)` also folds `ſ` and the Kelvin sign to ASCII letters: let such lines through.
        if crate::text::has_letter_folding_to_ascii(line) {
            return true;
        }
        let lower = line.to_ascii_lowercase();
        runs.iter()
            .any(|run| memchr::memmem::find(lower.as_bytes(), run.as_bytes()).is_some())
    }

    pub fn regex(&self) -> &LazyRegex {
        &self.regex
    }

    fn is_match(&self, line: &str) -> bool {
        self.admits(line) && self.regex.is_match(line)
    }

    fn find<'h>(&self, line: &'h str) -> Option<regex::Match<'h>> {
        self.admits(line).then(|| self.regex.find(line)).flatten()
    }

    fn captures<'h>(&self, line: &'h str) -> Option<regex::Captures<'h>> {
        self.admits(line)
            .then(|| self.regex.captures(line))
            .flatten()
    }
}

/// The longest run of ASCII letters of a layout text (placeholders aside), lower-cased: every
/// match of the text's pattern holds it, in some case. `None` when the text has no run of
/// two letters or more.
fn letter_run(text: &str) -> Option<String> {
    let plain = text
        .replace("{n}", " ")
        .replace("{text}", " ")
        .replace("{year}", " ");
    plain
        .split(|c: char| !c.is_ascii_alphabetic())
        .max_by_key(|run| run.len())
        .filter(|run| run.len() >= 2)
        .map(str::to_ascii_lowercase)
}

/// Compiles now (a pack on disk: its errors show at load time) or on first use (the
/// embedded packs: see [`crate::lazy_regex`]), gated by the words of `texts`.
fn compile(pattern: &str, texts: &[String], what: &str, eager: bool) -> Result<Gated> {
    LazyRegex::new(pattern, eager)
        .map(|regex| Gated::new(regex, texts))
        .map_err(|e| Error::of(ErrorKind::Pack, format!("layout {what}: {e}")))
}

/// Whole line, case-insensitively.
fn whole_line(texts: &[String], tail: &str, what: &str, eager: bool) -> Result<Gated> {
    compile(
        &format!(r"(?i)^{}{tail}$", alternation(texts)),
        texts,
        what,
        eager,
    )
}

/// At the start of the line, case-insensitively: the match is the prefix.
fn prefix(texts: &[String], what: &str, eager: bool) -> Result<Gated> {
    compile(&format!(r"(?i)^{}", alternation(texts)), texts, what, eager)
}

/// The meeting line (`61st Meeting (AM)`) and the session line (`Seventy-second Session,
/// 61st Meeting`) of meeting headers, from the pack's meeting words.
fn meeting_and_session_lines(m: &MeetingToml, eager: bool) -> Result<(Gated, Gated)> {
    let suffixes = if m.ordinal_suffixes.is_empty() {
        NOTHING.to_owned()
    } else {
        format!("(?:{})", escaped(&m.ordinal_suffixes))
    };
    let number = format!(r"[0-9]{{1,5}}{suffixes}");
    // `61st Meeting`, `15th & 16th Meetings`; after a session, `Organizational Meeting`
    // may have no number. Scraped pages lose the space (`13eséance`).
    let meeting = format!(
        r"(?P<meeting>{number}(?:\s*(?:&|and|et|,)\s*{number})*\s*{})",
        alternation(&m.meetings)
    );
    let session_meeting = format!(
        r"(?P<meeting>(?:{number}(?:\s*(?:&|and|et|,)\s*{number})*\s+)?{})",
        alternation(&m.meetings)
    );
    // `(AM)`, `(resumed) (AM)`, `– matin`: the time is the last bracket.
    let time = format!(
        r"(?:(?:\s*\([^)]+\))*\s*\((?P<t1>[^)]+)\)|\s*[-–—,]\s*(?P<t2>{}))?",
        alternation(&m.times)
    );
    let meeting_line = compile(
        &format!(r"(?i)^{meeting}\*?{time}\s*[,.*]?(?P<rest>\s+\S.*)?$"),
        &m.meetings,
        "meeting line",
        eager,
    )?;
    let ordinal_word = if m.ordinal_words.is_empty() {
        NOTHING.to_owned()
    } else {
        format!(
            r"(?:\p{{L}}+[-‑])?\p{{L}}*(?:{})",
            escaped(&m.ordinal_words)
        )
    };
    let qualifier = if m.session_qualifiers.is_empty() {
        String::new()
    } else {
        format!(r"(?:{}\s+)?", alternation(&m.session_qualifiers))
    };
    let session_line = compile(
        &format!(
            r"(?i)^{qualifier}(?:{ordinal_word}|[0-9]{{1,4}}{suffixes}?)\s+{}\s*[,.]?(?:\s*{session_meeting}{time}\s*[,.]?)?$",
            alternation(&m.sessions)
        ),
        &m.sessions,
        "session line",
        eager,
    )?;
    Ok((meeting_line, session_line))
}

/// The kinds of document, with the label regex and the headline regex of each (in the same
/// order).
fn kinds(kinds: &[KindToml], eager: bool) -> Result<(Vec<Kind>, Vec<Gated>, Vec<Gated>)> {
    let names = kinds
        .iter()
        .map(|k| Kind {
            name: k.name.clone(),
            symbol: k.symbol,
        })
        .collect();
    let labels = kinds
        .iter()
        .map(|k| prefix(&k.labels, "label", eager))
        .collect::<Result<_>>()?;
    let headlines = kinds
        .iter()
        .map(|k| prefix(&k.headlines, "kind headline", eager))
        .collect::<Result<_>>()?;
    Ok((names, labels, headlines))
}

/// `names` in lower case, or the English names when the pack gives none.
fn lower_case_or_english(names: Vec<String>, english: &[&str]) -> Vec<String> {
    if names.is_empty() {
        english.iter().map(|s| s.to_lowercase()).collect()
    } else {
        names.iter().map(|s| s.to_lowercase()).collect()
    }
}

impl Layout {
    /// Compiles layout words, the month and weekday names of every language they cover, and
    /// the pack's disclaimers.
    pub fn compile(
        words: LayoutToml,
        months: Vec<String>,
        weekdays: Vec<String>,
        disclaimers: Vec<String>,
        eager: bool,
    ) -> Result<Self> {
        let m = &words.meeting;
        let (meeting_line, session_line) = meeting_and_session_lines(m, eager)?;
        let (kinds, labels, kind_headlines) = kinds(&words.kinds, eager)?;
        Ok(Self {
            banner: whole_line(&words.banners, "", "banner", eager)?,
            masthead: compile(
                &format!("(?i){}", alternation(&words.mastheads)),
                &words.mastheads,
                "masthead",
                eager,
            )?,
            category_line: whole_line(&words.categories, "[.:]?", "category", eager)?,
            category_prefix: prefix(&words.categories, "category", eager)?,
            intro: compile(
                &format!(r"(?i)^{}(?-u:\b)", alternation(&words.intro_openers)),
                &words.intro_openers,
                "intro opener",
                eager,
            )?,
            reissue: compile(
                &format!(
                    r"(?i)^\(?\s*\*?\s*{}[\s.:*]*\)?$",
                    alternation(&words.reissue)
                ),
                &words.reissue,
                "reissue marker",
                eager,
            )?,
            kicker: whole_line(&words.kickers, "", "kicker", eager)?,
            date_opener: compile(
                &format!(r"(?i)^{}\s+", alternation(&words.date_openers)),
                &words.date_openers,
                "date opener",
                eager,
            )?,
            labels,
            kind_headlines,
            small_words: words.small_words.iter().map(|w| w.to_lowercase()).collect(),
            kinds,
            organ: whole_line(&m.organs, "", "organ", eager)?,
            meeting_line,
            session_line,
            plain_meeting_line: whole_line(&m.lines, "", "meeting line", eager)?,
            months: lower_case_or_english(months, &crate::dates::ENGLISH_MONTHS),
            weekdays: lower_case_or_english(weekdays, &crate::dates::ENGLISH_WEEKDAYS),
            disclaimers: crate::text::NearMisses::new(&disclaimers),
        })
    }

    /// Every regex of the layout, for compiling them ahead of use ([`crate::Engine::prewarm`]).
    pub fn regexes(&self) -> Vec<&LazyRegex> {
        let mut gated = vec![
            &self.banner,
            &self.masthead,
            &self.category_line,
            &self.category_prefix,
            &self.intro,
            &self.reissue,
            &self.kicker,
            &self.date_opener,
            &self.organ,
            &self.meeting_line,
            &self.session_line,
            &self.plain_meeting_line,
        ];
        gated.extend(&self.labels);
        gated.extend(&self.kind_headlines);
        gated.into_iter().map(Gated::regex).collect()
    }

    /// `In progress at UNHQ`: a banner line of the web site.
    pub fn is_banner(&self, line: &str) -> bool {
        self.banner.is_match(line)
    }

    pub fn is_masthead(&self, line: &str) -> bool {
        line.len() <= 200 && self.masthead.is_match(line)
    }

    /// A category alone on its line (`Security Council`, `Secretary-General.`).
    pub fn is_category(&self, line: &str) -> bool {
        line.len() <= 80 && self.category_line.is_match(line)
    }

    /// The length of a category at the start of the line (`Secretary-GeneralSG/SM/1`).
    pub fn category_prefix(&self, line: &str) -> Option<usize> {
        self.category_prefix.find(line).map(|m| m.end())
    }

    /// An organ that heads a meeting block (`Security Council`).
    pub fn is_organ(&self, line: &str) -> bool {
        self.organ.is_match(line)
    }

    /// Does the paragraph open with an intro formula (`Following is`)?
    pub fn opens_intro(&self, line: &str) -> bool {
        self.intro.is_match(line)
    }

    pub fn is_reissue(&self, line: &str) -> bool {
        line.len() <= 120 && self.reissue.is_match(line)
    }

    pub fn is_kicker(&self, line: &str) -> bool {
        line.len() <= 60 && self.kicker.is_match(line)
    }

    /// Is `word` (any case, surrounding punctuation aside) a small word of titles?
    pub fn is_small_word(&self, word: &str) -> bool {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        !word.is_empty() && self.small_words.contains(&word.to_lowercase())
    }

    /// The length of a date opener at the start of the line (`Le `), spaces included.
    pub fn date_opener(&self, line: &str) -> Option<usize> {
        self.date_opener.find(line).map(|m| m.end())
    }

    /// A label at the start of the line: its length and the kind it names.
    pub fn label_prefix(&self, line: &str) -> Option<(usize, &Kind)> {
        self.labels
            .iter()
            .zip(&self.kinds)
            .filter_map(|(re, kind)| re.find(line).map(|m| (m.end(), kind)))
            .max_by_key(|(len, _)| *len)
    }

    /// The kind a headline's opening words give away (`Daily Press Briefing ...`).
    pub fn kind_of_headline(&self, line: &str) -> Option<&Kind> {
        self.kind_headlines
            .iter()
            .zip(&self.kinds)
            .find(|(re, _)| re.is_match(line))
            .map(|(_, kind)| kind)
    }

    /// A numbered meeting line (`61st Meeting (PM)`, `4811e séance – soir`), maybe with text
    /// after it (a date).
    pub fn meeting_line(&self, line: &str) -> Option<MeetingParts> {
        if line.len() > 120 {
            return None;
        }
        let caps = self.meeting_line.captures(line)?;
        Some(MeetingParts {
            rest: caps
                .name("rest")
                .map(|m| m.start() + (m.len() - m.as_str().trim_start().len())),
            ..MeetingParts::of(&caps)
        })
    }

    /// A session line (`Seventy-second Session,`, `Sixty-third General Assembly`, `Second
    /// Committee`), maybe with the meeting on the same line.
    pub fn session_line(&self, line: &str) -> Option<MeetingParts> {
        if line.len() > 120 {
            return None;
        }
        let caps = self.session_line.captures(line)?;
        Some(MeetingParts::of(&caps))
    }

    /// A line of its own in a meeting block (`Plenary`).
    pub fn is_plain_meeting_line(&self, line: &str) -> bool {
        self.plain_meeting_line.is_match(line)
    }

    /// The month (1-12) named by `word` in any language of the layout, in any case, full or
    /// abbreviated to three or four letters (`Jul.`, `Sept`).
    pub fn month_number(&self, word: &str) -> Option<u8> {
        let word = word.trim_end_matches('.');
        let count = word.chars().count();
        if count < 3 {
            return None;
        }
        let lower = word.to_lowercase();
        self.months
            .iter()
            .position(|name| *name == lower || (count <= 4 && name.starts_with(&lower)))
            .and_then(|i| u8::try_from(i % 12 + 1).ok())
    }

    /// Is `word` a weekday name in any language of the layout (any case)?
    pub fn is_weekday(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.weekdays.contains(&lower)
    }
}

/// Escaped alternatives (suffixes and word endings), longest first.
fn escaped(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted.dedup();
    sorted
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(toml_text: &str) -> Layout {
        let words: LayoutToml = toml::from_str(toml_text).expect("layout toml");
        Layout::compile(words, Vec::new(), Vec::new(), Vec::new(), true).expect("layout compiles")
    }

    #[test]
    fn texts_match_across_case_spaces_apostrophes_and_numbers() {
        let l = layout(
            r#"
banners = ["In progress at UNHQ"]
[[kinds]]
name = "note"
symbol = false
labels = ["Note No. {n}", "Spokesman's Noon Briefing"]
"#,
        );
        assert!(l.is_banner("IN PROGRESS AT\u{a0}UNHQ"));
        assert!(!l.is_banner("In progress at UNHQ today"));
        assert_eq!(
            l.label_prefix("Note No. 5989*")
                .map(|(n, k)| (n, k.name.as_str())),
            Some((14, "note"))
        );
        assert_eq!(
            l.label_prefix("Spokesman’s Noon Briefing").map(|x| x.0),
            Some(27)
        );
        assert_eq!(l.label_prefix("Notes"), None);
    }

    #[test]
    fn french_meeting_lines_as_scraped_pages_print_them() {
        let pack = crate::rules::Pack::embedded("un-fr").expect("un-fr");
        let l = &pack.data.layout;
        let parts = |line: &str| {
            let p = l.meeting_line(line)?;
            let slice = |r: Option<std::ops::Range<usize>>| r.map(|r| line[r].to_owned());
            Some((slice(p.meeting), slice(p.time)))
        };
        assert_eq!(
            parts("4811e séance – soir"),
            Some((Some("4811e séance".into()), Some("soir".into())))
        );
        assert_eq!(
            parts("13eséance – après-midi"),
            Some((Some("13eséance".into()), Some("après-midi".into())))
        );
        assert_eq!(
            parts("8e séance – après midi"),
            Some((Some("8e séance".into()), Some("après midi".into())))
        );
        assert!(l.is_plain_meeting_line("Matin et après-midi"));
        assert!(l.is_plain_meeting_line("Débat thématique"));
        assert_eq!(parts("Le Conseil a tenu sa séance"), None);
    }

    #[test]
    fn an_empty_layout_matches_nothing_but_english_months() {
        let l = Layout::default();
        assert!(!l.is_banner("In progress at UNHQ"));
        assert!(l.meeting_line("61st Meeting (PM)").is_none());
        assert_eq!(l.month_number("Sept"), Some(9));
        assert_eq!(l.month_number("July"), Some(7));
        assert_eq!(l.month_number("Ma"), None);
        assert_eq!(l.month_number("Mayor"), None);
    }
}
