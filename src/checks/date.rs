//! `date`: the date line's form (`check = "form"`), numeric and stamp date lines
//! (`"numeric"`), calendar validity (`"calendar"`) and weekdays next to dates in the running
//! text (`"weekday"`).

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::{Applicability, Edit};
use crate::model::{DateForm, DateLine};

use super::{Context, Params, Scope};

#[derive(Debug)]
pub enum DateCheck {
    Form,
    Numeric,
    Calendar,
    /// The scope, and the weekday-next-to-a-date pattern built from the pack's names.
    Weekday(Scope, crate::lazy_regex::LazyRegex),
}

/// The names a pack's dates are written with (`data/dates.toml`): months, weekdays (Monday
/// first) and how the first of the month is written (`1er` in French). The long form is
/// `{day} {month} {year}`, with the names exactly as listed (their case is the house case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateNames {
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
    pub first_day: Option<String>,
}

impl Default for DateNames {
    /// English, for packs without `data/dates.toml`.
    fn default() -> Self {
        Self::new(
            dates::ENGLISH_MONTHS
                .iter()
                .map(|m| (*m).to_owned())
                .collect(),
            dates::ENGLISH_WEEKDAYS
                .iter()
                .map(|m| (*m).to_owned())
                .collect(),
            None,
        )
    }
}

impl DateNames {
    pub fn new(months: Vec<String>, weekdays: Vec<String>, first_day: Option<String>) -> Self {
        Self {
            months,
            weekdays,
            first_day,
        }
    }

    /// `19 July 2010`, `1er juillet 2010`: the house long form, when the month exists.
    pub fn long_form(&self, year: i32, month: u8, day: u8) -> Option<String> {
        let name = self.months.get(usize::from(month).checked_sub(1)?)?;
        let day = match (&self.first_day, day) {
            (Some(first), 1) => first.clone(),
            _ => day.to_string(),
        };
        Some(format!("{day} {name} {year}"))
    }

    /// `(?:er)?` for `1er`: the optional suffix after the `1` of the first day's form, as a
    /// regex (empty when the language writes the first day as a plain number).
    pub fn first_day_suffix_pattern(&self) -> String {
        self.first_day
            .as_deref()
            .and_then(|f| f.strip_prefix('1'))
            .filter(|s| !s.is_empty())
            .map(|s| format!("(?:{})?", regex::escape(s)))
            .unwrap_or_default()
    }

    pub fn month_name(&self, month: u8) -> Option<&str> {
        self.months
            .get(usize::from(month).checked_sub(1)?)
            .map(String::as_str)
    }

    /// The weekday name, Monday = 1.
    pub fn weekday_name(&self, weekday: u8) -> Option<&str> {
        self.weekdays
            .get(usize::from(weekday).checked_sub(1)?)
            .map(String::as_str)
    }

    /// Does `text` name one of these months, in full or abbreviated, in any case?
    pub fn names_month(&self, text: &str) -> bool {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .any(|w| {
                let w = w.to_lowercase();
                self.months.iter().any(|m| m.to_lowercase().starts_with(&w))
            })
    }

    /// A weekday written next to a date: `Friday, 31 July 1998`, `on Friday 31 July`,
    /// `Friday, July 31, 1998`, `lundi 1er juillet`.
    fn weekday_pattern(&self) -> String {
        let alternation = |names: &[String]| {
            names
                .iter()
                .map(|n| regex::escape(n))
                .collect::<Vec<_>>()
                .join("|")
        };
        let months = alternation(&self.months);
        let weekdays = alternation(&self.weekdays);
        let suffix = self.first_day_suffix_pattern();
        format!(
            r"(?-u:\b)(?P<wd>{weekdays}),?[ ]+(?:(?P<d1>[0-9]{{1,2}}){suffix}[ ]+(?P<m1>{months})|(?P<m2>{months})[ ]+(?P<d2>[0-9]{{1,2}}))(?-u:\b)(?:,?[ ]+(?P<y>[0-9]{{4}})(?-u:\b))?"
        )
    }
}

impl DateCheck {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let own: super::CheckParams = params.take()?;
        let check = match own.check.as_str() {
            "form" => DateCheck::Form,
            "numeric" => DateCheck::Numeric,
            "calendar" => DateCheck::Calendar,
            "weekday" => DateCheck::Weekday(
                scope,
                params
                    .regex("check", &params.data.dates.weekday_pattern())
                    .map_err(|e| {
                        params.error("check", format!("bad month or weekday names: {}", e.message))
                    })?,
            ),
            other => {
                return Err(params.error(
                    "check",
                    format!(
                        "unknown date check `{other}` (expected one of: form, numeric, calendar, weekday)"
                    ),
                ))
            }
        };
        if matches!(check, DateCheck::Weekday(..)) {
            super::require_scope(
                params,
                "date",
                scope,
                &[Scope::Text, Scope::Headline, Scope::Intro, Scope::Body],
            )?;
        } else {
            super::require_scope(params, "date", scope, &[Scope::DateLine])?;
        }
        Ok(check)
    }
}

impl super::Check for DateCheck {
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        match self {
            DateCheck::Weekday(_, pattern) => vec![pattern],
            _ => Vec::new(),
        }
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match self {
            DateCheck::Weekday(scope, pattern) => weekday(cx, *scope, pattern, out),
            _ => {
                let Some(line) = &cx.release.date_line else {
                    return;
                };
                match self {
                    DateCheck::Form => form(cx, line, out),
                    DateCheck::Numeric => numeric(cx, line, out),
                    _ => calendar(cx, line, out),
                }
            }
        }
    }
}

/// True when the date line names a year, month and day that the calendar does not have:
/// `dateline/impossible-date` reports it, and the form rules stay quiet about it.
fn names_an_impossible_date(line: &DateLine) -> bool {
    match (line.year, line.month, line.day) {
        (Some(y), Some(m), Some(d)) => dates::calendar_date(y, m, d).is_none(),
        _ => false,
    }
}

/// The long form of the date line's date, when its month and day are in range.
fn long_form(cx: &Context<'_>, line: &DateLine) -> Option<String> {
    let (year, month, day) = (line.year?, line.month?, line.day?);
    if !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    cx.data.dates.long_form(year, month, day)
}

/// Shown as the expected form when the date line names no usable date: the pattern, with
/// the pack's own example (`day month year, as in 19 July 2010`).
fn sample(cx: &Context<'_>) -> String {
    let example = cx
        .data
        .dates
        .long_form(2010, 7, 19)
        .unwrap_or_else(|| "19 July 2010".to_owned());
    format!("day month year, as in {example}")
}

fn form(cx: &Context<'_>, line: &DateLine, out: &mut Vec<Diagnostic>) {
    if line.form != DateForm::Long || names_an_impossible_date(line) {
        return;
    }
    let m = line.field.match_text();
    let (text, start, end) = super::trimmed(&m);
    let expected = long_form(cx, line);
    if expected.as_deref() == Some(text) {
        return;
    }
    let span = m.span(start, end);
    let shown = expected.clone().unwrap_or_else(|| sample(cx));
    let vars = [("found", text), ("expected", shown.as_str())];
    // Rewriting a month named in another language (`1er juillet 2012` under an English
    // pack) translates it: offered, but only as unsafe.
    let applicability = (!cx.data.dates.names_month(text)).then_some(Applicability::Unsafe);
    let fix = expected.and_then(|e| {
        cx.fix(
            &vars,
            vec![Edit::replace(span, m.encoding.encode(&e))],
            applicability,
        )
    });
    out.push(cx.diagnostic(span, &vars).with_fix(fix));
}

/// A numeric (`08/10/2004`, day first) or stamp (`19990407`) date line. The fix writes the
/// long form; it is unsafe for a numeric date whose day and month could be swapped. A stamp
/// glued to the next word (`19990407At its`) gets a line break after the date.
fn numeric(cx: &Context<'_>, line: &DateLine, out: &mut Vec<Diagnostic>) {
    if line.form == DateForm::Long || names_an_impossible_date(line) {
        return;
    }
    let m = line.field.match_text();
    let (text, start, end) = super::trimmed(&m);
    let span = m.span(start, end);
    let exists = match (line.year, line.month, line.day) {
        (Some(y), Some(mo), Some(d)) => dates::calendar_date(y, mo, d).is_some(),
        _ => false,
    };
    // An impossible date is still shown in the long form (the calendar rule reports it),
    // but gets no fix.
    let shown = long_form(cx, line).unwrap_or_else(|| sample(cx));
    let expected = exists.then(|| shown.clone());
    let vars = [("found", text), ("expected", shown.as_str())];
    let ambiguous = line.form == DateForm::Numeric
        && matches!((line.day, line.month), (Some(d), Some(mo)) if d <= 12 && mo <= 12 && d != mo);
    // Only in a text input can the stamp be glued to the next word of the same line.
    let glued = cx.release.format == crate::model::InputFormat::Text
        && cx
            .source
            .text
            .get(span.end..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !c.is_whitespace());
    let fix = expected.and_then(|e| {
        let line_break = if cx.source.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let replacement = if glued { format!("{e}{line_break}") } else { e };
        let applicability = ambiguous.then_some(Applicability::Unsafe);
        cx.fix(
            &vars,
            vec![Edit::replace(span, m.encoding.encode(&replacement))],
            applicability,
        )
    });
    out.push(cx.diagnostic(span, &vars).with_fix(fix));
}

fn calendar(cx: &Context<'_>, line: &DateLine, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some(month), Some(day)) = (line.year, line.month, line.day) else {
        return;
    };
    if dates::calendar_date(year, month, day).is_some() {
        return;
    }
    let m = line.field.match_text();
    let (text, start, end) = super::trimmed(&m);
    let reason = match cx.data.dates.month_name(month) {
        Some(name) => format!("{name} {year} has no day {day}"),
        None => format!("there is no month {month}"),
    };
    let vars = [("found", text), ("reason", reason.as_str())];
    out.push(cx.diagnostic(m.span(start, end), &vars));
}

fn weekday(cx: &Context<'_>, scope: Scope, pattern: &regex::Regex, out: &mut Vec<Diagnostic>) {
    let names = &cx.data.dates;
    let release_date = cx
        .release
        .date_line
        .as_ref()
        .and_then(|d| dates::calendar_date(d.year?, d.month?, d.day?));
    let default_year = cx.release.date_line.as_ref().and_then(|d| d.year);
    // A weekday repeated in a later headline copy is dropped by `engine::run_pack`.
    for field in super::fields(cx.release, scope) {
        let m = field.match_text();
        for caps in pattern.captures_iter(m.text) {
            let (Some(whole), Some(written)) = (caps.get(0), caps.name("wd")) else {
                continue;
            };
            let day = caps.name("d1").or_else(|| caps.name("d2"));
            let month = caps.name("m1").or_else(|| caps.name("m2"));
            let (Some(day), Some(month)) = (day, month) else {
                continue;
            };
            let year = match caps.name("y") {
                Some(y) => y.as_str().parse::<i32>().ok(),
                None => default_year,
            };
            let month = names
                .months
                .iter()
                .position(|n| n == month.as_str())
                .and_then(|i| u8::try_from(i + 1).ok());
            let (Some(year), Ok(day), Some(month)) = (year, day.as_str().parse::<u8>(), month)
            else {
                continue;
            };
            // A date without a year is the one nearest to the release date (`Friday,
            // 31 December` in a release of 3 January is last year's).
            let nearest = match (caps.name("y"), release_date) {
                (None, Some(reference)) => dates::nearest_with_month_day(month, day, reference),
                _ => dates::calendar_date(year, month, day),
            };
            let Some(date) = nearest else {
                continue;
            };
            // A date without a year may be in the year before or after the release's (a
            // release of December about a session in January): it is wrong only when no
            // year next to the date line's makes the weekday right.
            if let (None, Some(reference)) = (caps.name("y"), release_date) {
                let year = i32::from(reference.year());
                let right_in_some_year = (year - 1..=year + 1)
                    .filter_map(|y| dates::calendar_date(y, month, day))
                    .any(|d| names.weekday_name(dates::weekday_of(d)) == Some(written.as_str()));
                if right_in_some_year {
                    continue;
                }
            }
            let year = i32::from(date.year());
            let actual = dates::weekday_of(date);
            if names.weekday_name(actual) == Some(written.as_str()) {
                continue;
            }
            let expected = names.weekday_name(actual).unwrap_or("");
            let long = names.long_form(year, month, day).unwrap_or_default();
            let found = super::one_line(whole.as_str());
            let vars = [
                ("found", found.as_str()),
                ("weekday", written.as_str()),
                ("expected", expected),
                ("date", long.as_str()),
            ];
            out.push(cx.diagnostic(m.span(whole.start(), whole.end()), &vars));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};
    use crate::fix::Applicability;
    use crate::model::DateForm;

    #[test]
    fn a_malformed_date_line_is_rewritten_in_the_long_form() {
        let built = Builder::new("SG/SM/1\nJuly 19, 2010\n")
            .date("July 19, 2010", DateForm::Long, (2010, 7, 19))
            .build();
        let found = run_rule("dateline/malformed", &built);
        assert_at(&built, &found, &[("dateline/malformed", 2, 1)]);
        assert_fixed(&built, &found, "SG/SM/1\n19 July 2010\n");
    }

    #[test]
    fn a_date_line_in_another_language_is_fixed_only_as_unsafe() {
        let built = Builder::new("1er juillet 2012\n")
            .date("1er juillet 2012", DateForm::Long, (2012, 7, 1))
            .build();
        let found = run_rule("dateline/malformed", &built);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::Unsafe)
        );
        assert_fixed(&built, &found, "1 July 2012\n");
    }

    #[test]
    fn numeric_dates_are_unsafe_to_fix_when_day_and_month_could_swap() {
        let built = Builder::new("08/10/2004\n")
            .date("08/10/2004", DateForm::Numeric, (2004, 10, 8))
            .build();
        let found = run_rule("dateline/numeric", &built);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::Unsafe)
        );
        assert_fixed(&built, &found, "8 October 2004\n");
    }

    #[test]
    fn an_impossible_date_is_left_to_the_calendar_rule() {
        let built = Builder::new("31/06/2004\n")
            .date("31/06/2004", DateForm::Numeric, (2004, 6, 31))
            .build();
        assert!(run_rule("dateline/numeric", &built).is_empty());
        assert_at(
            &built,
            &run_rule("dateline/impossible-date", &built),
            &[("dateline/impossible-date", 1, 1)],
        );
        let built = Builder::new("June 31, 2010\n")
            .date("June 31, 2010", DateForm::Long, (2010, 6, 31))
            .build();
        assert!(run_rule("dateline/malformed", &built).is_empty());
    }

    #[test]
    fn a_weekday_in_a_headline_printed_twice_is_reported_once() {
        // 23 July is a Sunday in none of 2009, 2010 and 2011.
        let text = "Talks on Sunday, 23 July\n\n19 July 2010\n\nTalks on\n\nSunday, 23 July\n";
        let built = Builder::new(text)
            .headline(&["Talks on Sunday, 23 July"])
            .date("19 July 2010", DateForm::Long, (2010, 7, 19))
            .headline(&["Talks on", "Sunday, 23 July"])
            .build();
        let found = run_rule("date/weekday-mismatch", &built);
        assert_at(&built, &found, &[("date/weekday-mismatch", 1, 10)]);
    }

    #[test]
    fn a_glued_stamp_gets_a_line_break_after_the_long_form() {
        let built = Builder::new("19971216At its meeting\n")
            .date("19971216", DateForm::Stamp, (1997, 12, 16))
            .build();
        let found = run_rule("dateline/numeric", &built);
        assert_at(&built, &found, &[("dateline/numeric", 1, 1)]);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::Safe)
        );
        assert_fixed(&built, &found, "16 December 1997\nAt its meeting\n");
    }

    #[test]
    fn impossible_dates_name_the_reason() {
        let built = Builder::new("31 June 2010\n")
            .date("31 June 2010", DateForm::Long, (2010, 6, 31))
            .build();
        let found = run_rule("dateline/impossible-date", &built);
        assert_at(&built, &found, &[("dateline/impossible-date", 1, 1)]);
        assert_eq!(
            found[0].message,
            "date line `31 June 2010` is not a calendar date: June 2010 has no day 31"
        );
    }

    #[test]
    fn weekdays_are_checked_against_the_calendar_with_the_date_line_year() {
        let text = "19 July 2010\n\nThey met on Sunday\u{a0}23 July and on Friday, 31 July 1998 and on Thursday, 31 July 1998.\n";
        let built = Builder::new(text)
            .date("19 July 2010", DateForm::Long, (2010, 7, 19))
            .body("They met")
            .build();
        let mut built = built;
        let start = built.1.body[0].span.start;
        built.1.body[0] = crate::model::Field::verbatim(
            &built.0.text,
            crate::span::Span::new(start, built.0.text.trim_end().len()),
        );
        let found = run_rule("date/weekday-mismatch", &built);
        assert_at(
            &built,
            &found,
            &[
                ("date/weekday-mismatch", 3, 13),
                ("date/weekday-mismatch", 3, 63),
            ],
        );
        assert_eq!(
            found[0].message,
            "`Sunday 23 July` names a Sunday, but 23 July 2010 is a Friday"
        );
    }

    #[test]
    fn a_date_without_a_year_may_be_in_the_year_next_to_the_date_line() {
        // 26 June 2015 was a Friday; 23 July 2009 a Thursday: both are right for a year
        // next to the date line's. 23 July is a Sunday in none of 2009, 2010 and 2011.
        let text = "19 December 2014\n\nThe session opens on Friday, 26 June, and closed on Thursday, 23 July; not Sunday, 23 July.\n";
        let built = Builder::new(text)
            .date("19 December 2014", DateForm::Long, (2014, 12, 19))
            .body(
                "The session opens on Friday, 26 June, and closed on Thursday, 23 July; not Sunday, 23 July.",
            )
            .build();
        let found = run_rule("date/weekday-mismatch", &built);
        assert_at(&built, &found, &[("date/weekday-mismatch", 3, 76)]);
        assert_eq!(
            found[0].message,
            "`Sunday, 23 July` names a Sunday, but 23 July 2014 is a Wednesday"
        );
    }
}
