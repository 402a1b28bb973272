//! Recognising the date line of the header, leniently: the long form and its near misses,
//! the numeric day/month/year form and the 8-digit stamp. Numbers are read as written; the
//! calendar is the date rules' business.

use std::sync::LazyLock;

use crate::layout::Layout;
use crate::lazy_regex::LazyRegex;
use crate::model::DateForm;

/// A weekday before the date (`Friday, 31 July 1998`).
const WEEKDAY: &str = r"(?:(?P<wd>\p{L}+)\.?,?\s+)?";

/// `19 July 2010`, `19th July 2010`, `19 july 2010`, `19 July, 2010`, `1er juillet 2010`,
/// `19e juillet 2010` (an ordinal where French writes the plain number).
static DAY_MONTH_YEAR: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"^{WEEKDAY}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th|er|re|ème|eme|è|e)?\.?\s+(?:of\s+)?(?P<m>\p{{L}}+\.?),?\s+(?P<y>[0-9]{{4}})\.?$"
    ))
    .expect("day month year pattern")
});

/// `July 19, 2010`, `Jul. 19 2010`.
static MONTH_DAY_YEAR: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"^{WEEKDAY}(?P<m>\p{{L}}+\.?)\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}})\.?$"
    ))
    .expect("month day year pattern")
});

/// `08/10/2004`, `3/05/2012`: day/month/year.
static NUMERIC: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(r"^(?P<d>[0-9]{1,2})[/.](?P<m>[0-9]{1,2})[/.](?P<y>[0-9]{4})$")
        .expect("numeric date pattern")
});

/// A recognised date: the local byte range of the date in the line, its form and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    /// Where the date starts in the line (after an opener such as French `Le`).
    pub start: usize,
    /// Bytes of the line the date line covers (the whole line, or the stamp's 8 digits).
    pub len: usize,
    pub form: DateForm,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Recognises a (trimmed) header line as a date line; month and weekday names are the
/// layout's.
pub(crate) fn recognise(line: &str, layout: &Layout) -> Option<DateMatch> {
    if let Some(at) = layout.date_opener(line) {
        let found = recognise_bare(&line[at..], layout)?;
        return Some(DateMatch {
            start: at,
            len: at + found.len,
            ..found
        });
    }
    recognise_bare(line, layout)
}

/// A date line without an opener.
fn recognise_bare(line: &str, layout: &Layout) -> Option<DateMatch> {
    // Every form below has a four-digit year: a line with fewer digits is answered without
    // its regexes (which then need not even be compiled).
    if line.len() > 60 || line.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return stamp(line);
    }
    for re in [&*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR] {
        let Some(caps) = re.captures(line) else {
            continue;
        };
        let month = caps.name("m").and_then(|m| layout.month_number(m.as_str()));
        let weekday_ok = caps
            .name("wd")
            .is_none_or(|w| layout.is_weekday(w.as_str()));
        if month.is_none() || !weekday_ok {
            continue;
        }
        return Some(DateMatch {
            start: 0,
            len: line.len(),
            form: DateForm::Long,
            year: number(caps.name("y")),
            month,
            day: number(caps.name("d")),
        });
    }
    if let Some(caps) = NUMERIC.captures(line) {
        return Some(DateMatch {
            start: 0,
            len: line.len(),
            form: DateForm::Numeric,
            year: number(caps.name("y")),
            month: number(caps.name("m")),
            day: number(caps.name("d")),
        });
    }
    stamp(line)
}

/// `19990407`, maybe glued to the next word (`19971216At its`): a year of 19xx or 20xx.
fn stamp(line: &str) -> Option<DateMatch> {
    let bytes = line.as_bytes();
    let digits = bytes.get(..8)?;
    if !digits.iter().all(u8::is_ascii_digit) || bytes.get(8).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(line.starts_with("19") || line.starts_with("20")) {
        return None;
    }
    Some(DateMatch {
        start: 0,
        len: 8,
        form: DateForm::Stamp,
        year: line.get(0..4).and_then(|s| s.parse().ok()),
        month: line.get(4..6).and_then(|s| s.parse().ok()),
        day: line.get(6..8).and_then(|s| s.parse().ok()),
    })
}

fn number<T: std::str::FromStr>(m: Option<regex::Match<'_>>) -> Option<T> {
    m.and_then(|m| m.as_str().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn date(line: &str) -> Option<(&str, DateForm, i32, u8, u8)> {
        recognise(line, crate::parse::test_layout()).map(|d| {
            (
                &line[..d.len],
                d.form,
                d.year.unwrap_or(0),
                d.month.unwrap_or(0),
                d.day.unwrap_or(0),
            )
        })
    }

    #[test]
    fn long_form_and_near_misses() {
        use DateForm::Long;
        for (line, y, m, d) in [
            ("19 July 2010", 2010, 7, 19),
            ("July 19, 2010", 2010, 7, 19),
            ("19th July 2010", 2010, 7, 19),
            ("19 july 2010", 2010, 7, 19),
            ("19 July, 2010", 2010, 7, 19),
            ("09 July 2010", 2010, 7, 9),
            ("Jul. 19 2010", 2010, 7, 19),
            ("31 June 2010", 2010, 6, 31),
            ("Friday, 31 July 1998", 1998, 7, 31),
            ("19 juillet 2010", 2010, 7, 19),
            ("1er juillet 2010", 2010, 7, 1),
            ("19e juillet 2010", 2010, 7, 19),
            ("19ème juillet 2010", 2010, 7, 19),
        ] {
            assert_eq!(date(line), Some((line, Long, y, m, d)), "{line}");
        }
    }

    #[test]
    fn numeric_and_stamp_forms() {
        assert_eq!(
            date("08/10/2004"),
            Some(("08/10/2004", DateForm::Numeric, 2004, 10, 8))
        );
        assert_eq!(
            date("3/05/2012"),
            Some(("3/05/2012", DateForm::Numeric, 2012, 5, 3))
        );
        assert_eq!(
            date("19990407"),
            Some(("19990407", DateForm::Stamp, 1999, 4, 7))
        );
        assert_eq!(
            date("19971216At its 3845th meeting"),
            Some(("19971216", DateForm::Stamp, 1997, 12, 16))
        );
    }

    #[test]
    fn other_lines_are_not_dates() {
        for line in [
            "Following is the text:",
            "19 Members 2010",
            "199904071",
            "12345678",
            "Security Council 2010",
            "SG/SM/13017",
        ] {
            assert_eq!(date(line), None, "{line}");
        }
    }
}
