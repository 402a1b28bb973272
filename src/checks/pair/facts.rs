//! What one edition of a release says that its other-language edition must say too: its
//! symbols (mapped to the common series), date line, the numbers of its headline (resolution
//! numbers, vote counts) and the dates named in its first paragraph. Small and owned, so that a
//! run can keep them for every file until the other edition turns up.

use std::sync::LazyLock;

use crate::checks::rule::PackData;
use crate::lazy_regex::LazyRegex;
use crate::model::{Field, Release};
use crate::source::SourceFile;
use crate::span::Span;

/// Where a fact was read: its span, and its line and column for pointing at it from the
/// other edition's report (1-based, columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub span: Span,
    pub line: usize,
    pub column: usize,
}

/// A value and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    /// How the edition writes it, for messages.
    pub shown: String,
    pub place: Place,
}

/// A calendar day named in running text; the year when it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub day: u8,
    pub month: u8,
    pub year: Option<i32>,
}

/// A vote tally of a headline: in favour, against, abstentions (each when written).
pub type Tally = [Option<u32>; 3];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairFacts {
    /// The release's first symbol in the common series (`SC/15746` for `CS/15746`): editions
    /// with the same key are the two editions of one release.
    pub key: String,
    /// The pack's language (`en`, `fr`).
    pub language: String,
    /// Every component of every printed symbol, in the common series, sorted, without
    /// repeats; at the first symbol.
    pub symbols: At<Vec<String>>,
    /// `(year, month, day)` of a complete date line.
    pub date: Option<At<(i32, u8, u8)>>,
    /// `(number, year)` of every resolution the headline and decks cite (`2231 (2015)`),
    /// each where it is written.
    pub resolutions: Vec<At<(u32, u32)>>,
    /// The vote tally of the headline and decks, at its first count.
    pub tally: Option<At<Tally>>,
    /// Days named in the first paragraph, each where it is written.
    pub intro_days: Vec<At<Day>>,
    /// Days named in the first two paragraphs (a date the other edition moved to its second
    /// paragraph is not missing).
    pub opening_days: Vec<Day>,
    /// A copy reissued by an information service (`NEW YORK, 24 October (UN Headquarters)
    /// --`): issued a day or two later, so its date line and dateline are its own.
    pub reissued: bool,
}

/// Which release an edition is of, and its language: what two editions are met by. Cheap
/// (the first symbol), so that every file of a run has one; the facts are read only for an
/// edition whose partner is met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionKey {
    /// The release's first symbol in the common series (`SC/15746` for `CS/15746`).
    pub key: String,
    /// The pack's language (`en`, `fr`).
    pub language: String,
}

impl EditionKey {
    /// The key of `release`, read with its pack's `data`; `None` without a symbol.
    pub fn of(release: &Release, data: &PackData, language: &str) -> Option<Self> {
        let first = release.symbols.first()?;
        let part = components(&first.field.text).into_iter().next()?;
        Some(EditionKey {
            key: common_series(&part, data),
            language: language.to_owned(),
        })
    }
}

impl PairFacts {
    /// Moves every place to the file a marked-up edition was read from: `span` maps a span of
    /// the text it shows to the file's bytes, whose lines and columns are then read from `file`.
    pub fn map_places(&mut self, span: impl Fn(Span) -> Span, file: &SourceFile) {
        let mut places: Vec<&mut Place> = vec![&mut self.symbols.place];
        places.extend(self.date.as_mut().map(|d| &mut d.place));
        places.extend(self.resolutions.iter_mut().map(|r| &mut r.place));
        places.extend(self.tally.as_mut().map(|t| &mut t.place));
        places.extend(self.intro_days.iter_mut().map(|d| &mut d.place));
        for place in places {
            place.span = span(place.span);
            let position = file.position(place.span.start);
            (place.line, place.column) = (position.line, position.column);
        }
    }

    /// Which release this edition is of.
    pub fn edition(&self) -> EditionKey {
        EditionKey {
            key: self.key.clone(),
            language: self.language.clone(),
        }
    }

    /// The facts of `release`, read with its pack's `data`; `None` without a symbol.
    pub fn of(
        release: &Release,
        source: &SourceFile,
        data: &PackData,
        language: &str,
    ) -> Option<Self> {
        let first = release.symbols.first()?;
        let mut symbols: Vec<String> = release
            .symbols
            .iter()
            .flat_map(|symbol| components(&symbol.field.text))
            .map(|part| common_series(&part, data))
            .collect();
        let key = symbols.first()?.clone();
        symbols.sort();
        symbols.dedup();
        let place = |span: Span| {
            let position = source.position(span.start);
            Place {
                span,
                line: position.line,
                column: position.column,
            }
        };
        let symbols = At {
            shown: symbols.join(", "),
            value: symbols,
            place: place(first.field.span),
        };
        let date = release.date_line.as_ref().and_then(|line| {
            let value = (line.year?, line.month?, line.day?);
            Some(At {
                value,
                shown: crate::checks::one_line(line.field.text.trim()),
                place: place(line.field.span),
            })
        });
        let titles: Vec<&Field> = release
            .headlines
            .iter()
            .map(|h| &h.field)
            .chain(&release.decks)
            .collect();
        let title_text = titles
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        // A range of the joined titles, as a span of the field it falls in.
        let title_span = |range: std::ops::Range<usize>| {
            let mut start = 0;
            for field in &titles {
                let end = start + field.text.len();
                if range.start <= end {
                    let local = range.start - start..range.end.min(end) - start;
                    return field.subspan(local.start, local.end);
                }
                start = end + 1;
            }
            titles.last().map_or(Span::empty(0), |f| f.span)
        };
        let resolutions = resolutions(&title_text)
            .into_iter()
            .map(|(value, range)| At {
                shown: format!("{} ({})", value.0, value.1),
                value,
                place: place(title_span(range)),
            })
            .collect();
        let tally = tally(&title_text).map(|(found, range)| At {
            shown: show_tally(&found),
            value: found,
            place: place(title_span(range)),
        });
        let names = &data.dates.months;
        // The first paragraph: the intro (`Following is...`), else the first of the body.
        let mut paragraphs = release.intro.iter().chain(&release.body);
        let first_two: Vec<&Field> = paragraphs.by_ref().take(2).collect();
        let intro_days = first_two
            .first()
            .into_iter()
            .flat_map(|first| days(first, names))
            .map(|(value, span, shown)| At {
                value,
                shown,
                place: place(span),
            })
            .collect();
        let opening_days = first_two
            .iter()
            .flat_map(|field| days(field, names))
            .map(|(value, _, _)| value)
            .collect();
        let reissued = first_two.first().is_some_and(|first| reissue(&first.text));
        Some(PairFacts {
            reissued,
            key,
            language: language.to_owned(),
            symbols,
            date,
            resolutions,
            tally,
            intro_days,
            opening_days,
        })
    }
}

/// The components of a printed symbol, upper-cased: `SG/SM/13017-OBV/851` gives
/// `SG/SM/13017` and `OBV/851`; stacked symbols print one per line.
fn components(text: &str) -> Vec<String> {
    text.split(|c: char| c == '-' || c == '–' || c.is_whitespace())
        .map(|part| part.trim().to_uppercase())
        .filter(|part| part.contains('/') && part.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// A symbol in the common series: the longest leading series the pack maps to another
/// edition's series is replaced (`CS/15746` -> `SC/15746`, `AG/SHC/618` -> `GA/SHC/618`).
fn common_series(symbol: &str, data: &PackData) -> String {
    let mut cut = symbol.len();
    loop {
        let series = &symbol[..cut];
        if let Some(common) = data.edition_series.get(series) {
            return format!("{common}{}", &symbol[cut..]);
        }
        match series.rfind('/') {
            Some(slash) => cut = slash,
            None => return symbol.to_owned(),
        }
    }
}

/// The dateline of a copy an information service reissued from Headquarters, at the start of
/// its first paragraph: `NEW YORK, 24 October (UN Headquarters) --`.
static REISSUE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(
        r"^\s*[^\n]{1,60}\((?:UN |United Nations )?Headquarters\) ?(?:--|–|—)|^\s*[^\n]{1,60}\(Siège (?:de l[’']ONU|des Nations Unies)\) ?(?:--|–|—)",
    )
    .expect("reissue")
});

/// Whether a first paragraph opens with a reissue's dateline (the regex is compiled only for
/// a paragraph that names Headquarters).
fn reissue(first: &str) -> bool {
    let names_headquarters = first.contains("Headquarters)") || first.contains("(Siège");
    names_headquarters && REISSUE.get().is_match(first)
}

/// `2231 (2015)`: a resolution number and its year, in any language.
static RESOLUTION: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"(?-u:\b)([0-9]{3,4}) ?\(((?:19|20)[0-9]{2})\)").expect("resolution")
});

/// Every `(number, year)` cited, once, with where it is first written.
fn resolutions(text: &str) -> Vec<((u32, u32), std::ops::Range<usize>)> {
    if !text.contains('(') {
        return Vec::new();
    }
    let mut found: Vec<((u32, u32), std::ops::Range<usize>)> = Vec::new();
    for c in RESOLUTION.get().captures_iter(text) {
        let (Ok(number), Ok(year)) = (c[1].parse(), c[2].parse()) else {
            continue;
        };
        if !found.iter().any(|(v, _)| *v == (number, year)) {
            found.push(((number, year), c.get(0).map_or(0..0, |m| m.range())));
        }
    }
    found
}

/// A vote tally in English (`13 in favour to 2 against, with 1 abstention`) or French
/// (`13 voix pour, 2 voix contre et 1 abstention`).
static TALLY: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(
        r"(?i-u)\b([0-9]{1,3}) (?:(?:votes? )?in favou?r|voix pour)|\b([0-9]{1,3}) (?:votes? |voix )?(?:against|contre)|\b([0-9]{1,3}) abstentions?",
    )
    .expect("tally")
});

/// The counts written, and where the first is.
fn tally(text: &str) -> Option<(Tally, std::ops::Range<usize>)> {
    let lower = text.to_ascii_lowercase();
    let words = ["favo", "voix", "against", "contre", "abstention"];
    if !words.iter().any(|word| lower.contains(word)) {
        return None;
    }
    let mut found: Tally = [None; 3];
    let mut first = None;
    for captures in TALLY.get().captures_iter(text) {
        first.get_or_insert(captures.get(0)?.range());
        for (slot, group) in found.iter_mut().zip(1..=3) {
            if let Some(number) = captures.get(group) {
                slot.get_or_insert(number.as_str().parse().ok()?);
            }
        }
    }
    Some((found, first?))
}

fn show_tally(tally: &Tally) -> String {
    let part = |n: Option<u32>, what: &str| n.map(|n| format!("{n} {what}"));
    [
        part(tally[0], "for"),
        part(tally[1], "against"),
        part(tally[2], "abstaining"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// A word of running text and its byte range in the field's text.
struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// Words (letters and digits) and the range marks `-` and `–`, in order.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                text: &text[s..i],
                start: s,
                end: i,
            });
        }
        if c == '-' || c == '–' {
            let end = i + c.len_utf8();
            out.push(Token {
                text: &text[i..end],
                start: i,
                end,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

/// A day of the month as written before a month name: `19`, `1er`, `1re`, `19th`.
fn day_number(word: &str) -> Option<u8> {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, suffix) = word.split_at(digits);
    let day: u8 = number.parse().ok()?;
    let suffix_ok = matches!(suffix, "" | "er" | "re" | "st" | "nd" | "rd" | "th");
    (suffix_ok && (1..=31).contains(&day)).then_some(day)
}

/// `name` written in any case: `juillet`, `Juillet`, `JUILLET`; `July`, `july`.
fn same_word_any_case(name: &str, word: &str) -> bool {
    let mut letters = word.chars().flat_map(char::to_lowercase);
    name.chars()
        .flat_map(char::to_lowercase)
        .all(|c| letters.next() == Some(c))
        && letters.next().is_none()
}

/// Words that join the days of a list or range before a month: `9-12 March`, `du 9 au 12
/// mars`, `16 and 17 July`, `les 16 et 17 juin`.
fn joins_days(word: &str) -> bool {
    matches!(word, "-" | "–" | "to" | "and" | "au" | "et")
}

/// The days of `field` written `day month [year]` with the pack's month names, each with
/// its span and the text shown for it (`16 et 17 juin` names two days).
fn days(field: &Field, months: &[String]) -> Vec<(Day, Span, String)> {
    let text = field.text.as_str();
    let words = tokens(text);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        // A month comes after a day: most words are passed over without comparing them.
        let after_day = i > 0 && day_number(words[i - 1].text).is_some();
        let Some(month) = months
            .iter()
            .position(|name| after_day && same_word_any_case(name, word.text))
        else {
            continue;
        };
        let year = words
            .get(i + 1)
            .filter(|next| next.text.len() == 4)
            .and_then(|next| next.text.parse::<i32>().ok())
            .filter(|year| (1900..2100).contains(year));
        let end = match year {
            Some(_) => words[i + 1].end,
            None => word.end,
        };
        // The days before the month, walking back over the words that join them.
        let mut first = i;
        let mut found = Vec::new();
        let mut j = i;
        while j > 0 {
            let Some(day) = day_number(words[j - 1].text) else {
                break;
            };
            found.push(day);
            first = j - 1;
            if j >= 2 && joins_days(words[j - 2].text) {
                j -= 2;
            } else {
                break;
            }
        }
        if found.is_empty() {
            continue;
        }
        let start = words[first].start;
        let span = field.subspan(start, end);
        let shown = crate::checks::one_line(&text[start..end]);
        for day in found.into_iter().rev() {
            let value = Day {
                day,
                month: month as u8 + 1,
                year,
            };
            out.push((value, span, shown.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Vec<String> {
        crate::dates::ENGLISH_MONTHS
            .iter()
            .map(|m| (*m).to_owned())
            .collect()
    }

    fn french() -> Vec<String> {
        crate::dates::FRENCH_MONTHS
            .iter()
            .map(|m| (*m).to_owned())
            .collect()
    }

    fn named(text: &str, months: &[String]) -> Vec<(u8, u8, Option<i32>, String)> {
        let field = Field::verbatim(text, Span::new(0, text.len()));
        days(&field, months)
            .into_iter()
            .map(|(d, span, shown)| (d.day, d.month, d.year, format!("{shown}@{}", span.start)))
            .collect()
    }

    #[test]
    fn days_are_read_with_their_ranges_and_years() {
        assert_eq!(
            named(
                "consultations tenues à Genève les 16 et 17 juin, puis le 1er août 2010.",
                &french()
            ),
            [
                (16, 6, None, "16 et 17 juin@36".to_owned()),
                (17, 6, None, "16 et 17 juin@36".to_owned()),
                (1, 8, Some(2010), "1er août 2010@59".to_owned()),
            ]
        );
        assert_eq!(
            named(
                "held in Dushanbe on 16-17 July, and until 31 August 1999.",
                &english()
            ),
            [
                (16, 7, None, "16-17 July@20".to_owned()),
                (17, 7, None, "16-17 July@20".to_owned()),
                (31, 8, Some(1999), "31 August 1999@42".to_owned()),
            ]
        );
        // A month without a day before it, a number that is no day: nothing.
        assert!(named("in May, the 2010 report; Article 19 of March", &english()).is_empty());
        assert!(named("in May, and 45 March", &english()).is_empty());
    }

    #[test]
    fn symbols_map_to_the_common_series_by_their_longest_leading_series() {
        let mut data = PackData::default();
        data.edition_series.insert("CS".into(), "SC".into());
        data.edition_series.insert("AG".into(), "GA".into());
        data.edition_series.insert("AG/J".into(), "GA/L".into());
        assert_eq!(common_series("CS/15746", &data), "SC/15746");
        assert_eq!(common_series("AG/SHC/618", &data), "GA/SHC/618");
        assert_eq!(common_series("AG/J/3564", &data), "GA/L/3564");
        assert_eq!(common_series("SG/SM/13017", &data), "SG/SM/13017");
        assert_eq!(
            components("SG/SM/17246-OBV/1537"),
            ["SG/SM/17246", "OBV/1537"]
        );
        assert_eq!(components("sc/13291 – PKO/724"), ["SC/13291", "PKO/724"]);
    }

    #[test]
    fn an_information_service_reissue_is_known_by_its_dateline() {
        assert!(reissue(
            "NEW YORK, 24 October (UN Headquarters) -- Following are the remarks"
        ));
        assert!(reissue(
            "NEW YORK, 18 October (UN Headquarters) – The message"
        ));
        assert!(!reissue(
            "GENEVA, 27 July -- The Economic and Social Council today"
        ));
        assert!(!reissue(
            "The Security Council this morning (at Headquarters) -- decided"
        ));
    }

    #[test]
    fn headline_numbers_are_resolutions_and_tallies() {
        assert_eq!(
            resolutions(
                "Adopting Resolution 2231 (2015), Council Endorses Deal; 1540(2004), 2231 (2015)"
            ),
            [((2231, 2015), 20..31), ((1540, 2004), 56..66)]
        );
        let counts = |text: &str| tally(text).map(|(found, _)| found);
        assert_eq!(
            tally("Resolution adopted by 13 votes in favour to 2 against, with 0 abstentions"),
            Some(([Some(13), Some(2), Some(0)], 22..40))
        );
        assert_eq!(
            counts("adoptée par 12 voix pour, 2 voix contre et 1 abstention"),
            Some([Some(12), Some(2), Some(1)])
        );
        assert_eq!(
            counts("par 14 voix pour et l’abstention de la Chine"),
            Some([Some(14), None, None])
        );
        assert_eq!(counts("Council Extends Mandate for 12 Months"), None);
    }
}
