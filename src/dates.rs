//! Calendar facts shared by the parser and the date checks: month and weekday names, and
//! the calendar itself (through `jiff`), so that no module hand-rolls leap years.

use jiff::civil::{Date, Weekday};

/// English month names, January first.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// French month names (lower case, as French releases write them), janvier first.
pub const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub const ENGLISH_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The month (1-12) named by `word` in English or French, in any case, full or abbreviated
/// (`Jul`, `Jul.`, `Sept`); `None` for anything else.
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if word.chars().count() < 3 {
        return None;
    }
    let lower = word.to_lowercase();
    for names in [&ENGLISH_MONTHS, &FRENCH_MONTHS] {
        for (i, name) in names.iter().enumerate() {
            let name = name.to_lowercase();
            let abbreviation = lower == "sept" && i == 8;
            if name == lower
                || abbreviation
                || (lower.len() >= 3 && name.starts_with(&lower) && lower.len() <= 4)
            {
                return Some(i as u8 + 1);
            }
        }
    }
    None
}

/// The English weekday named by `word` (any case), Monday = 1.
pub fn weekday_number(word: &str) -> Option<u8> {
    ENGLISH_WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|i| i as u8 + 1)
}

/// The calendar date, if the calendar has it (`31 June` and `29 February 2010` do not exist).
pub fn calendar_date(year: i32, month: u8, day: u8) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The date with this month and day nearest to `reference`, in its year or the one before
/// or after: `31 December` in a release of 3 January is the day before, last year.
pub fn nearest_with_month_day(month: u8, day: u8, reference: Date) -> Option<Date> {
    let year = i32::from(reference.year());
    (year - 1..=year + 1)
        .filter_map(|y| calendar_date(y, month, day))
        .min_by_key(|candidate| {
            candidate
                .since(reference)
                .map_or(i32::MAX, |span| span.get_days().abs())
        })
}

/// Monday = 1 ... Sunday = 7.
pub fn weekday_of(date: Date) -> u8 {
    match date.weekday() {
        Weekday::Monday => 1,
        Weekday::Tuesday => 2,
        Weekday::Wednesday => 3,
        Weekday::Thursday => 4,
        Weekday::Friday => 5,
        Weekday::Saturday => 6,
        Weekday::Sunday => 7,
    }
}

/// `19 July 2010`: the English long form of a date line.
pub fn english_long_form(year: i32, month: u8, day: u8) -> Option<String> {
    let name = ENGLISH_MONTHS.get(usize::from(month).checked_sub(1)?)?;
    Some(format!("{day} {name} {year}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_in_both_languages_and_abbreviations() {
        assert_eq!(month_number("July"), Some(7));
        assert_eq!(month_number("july"), Some(7));
        assert_eq!(month_number("Jul."), Some(7));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("juillet"), Some(7));
        assert_eq!(month_number("août"), Some(8));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Marching"), None);
    }

    #[test]
    fn a_date_without_a_year_is_the_nearest_one_to_the_release() {
        let january = calendar_date(2011, 1, 3).unwrap();
        assert_eq!(
            nearest_with_month_day(12, 31, january),
            calendar_date(2010, 12, 31)
        );
        let december = calendar_date(2010, 12, 28).unwrap();
        assert_eq!(
            nearest_with_month_day(1, 14, december),
            calendar_date(2011, 1, 14)
        );
        assert_eq!(
            nearest_with_month_day(7, 16, calendar_date(2010, 7, 19).unwrap()),
            calendar_date(2010, 7, 16)
        );
        assert_eq!(
            nearest_with_month_day(2, 29, calendar_date(2011, 3, 1).unwrap()),
            calendar_date(2012, 2, 29)
        );
    }

    #[test]
    fn the_calendar_knows_leap_years_and_month_lengths() {
        assert!(calendar_date(2010, 6, 31).is_none());
        assert!(calendar_date(2010, 2, 29).is_none());
        assert!(calendar_date(2012, 2, 29).is_some());
        assert_eq!(weekday_of(calendar_date(1998, 7, 31).unwrap()), 5);
        assert_eq!(
            english_long_form(2010, 7, 19).as_deref(),
            Some("19 July 2010")
        );
    }
}
