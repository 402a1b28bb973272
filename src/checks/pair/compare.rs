//! Where two editions of one release disagree. Each comparison is made only where both
//! editions state the thing compared: the French edition of a headline often drops the
//! resolution number, and pages since 2015 print no date line; silence is not disagreement.

use super::facts::{At, Day, PairFacts, Place};

/// What is compared (each is one rule of the `pair/` group, by its scope).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compared {
    /// The full symbol lists.
    Symbols,
    DateLine,
    /// Resolution numbers and vote counts of the headline and decks.
    HeadlineNumbers,
    /// The days named in the first paragraph.
    IntroDates,
}

/// One disagreement: what this edition says, where, and what the other says, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub compared: Compared,
    pub found: String,
    pub place: Place,
    pub expected: String,
    pub other_place: Place,
}

/// Every disagreement of `this` edition with `other`, in the order of [`Compared`].
pub fn disagreements(this: &PairFacts, other: &PairFacts) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let mut differ = |compared, this: &At<()>, other: &At<()>, same: bool| {
        if !same {
            out.push(Disagreement {
                compared,
                found: shown(this),
                place: this.place,
                expected: shown(other),
                other_place: other.place,
            });
        }
    };
    differ(
        Compared::Symbols,
        &erase(&this.symbols),
        &erase(&other.symbols),
        this.symbols.value == other.symbols.value,
    );
    // A reissued copy carries its own date line and dateline.
    let reissue = this.reissued || other.reissued;
    if let (Some(a), Some(b), false) = (&this.date, &other.date, reissue) {
        differ(Compared::DateLine, &erase(a), &erase(b), a.value == b.value);
    }
    if let (Some(first), Some(theirs_first)) = (this.resolutions.first(), other.resolutions.first())
    {
        let values = |facts: &PairFacts| -> Vec<(u32, u32)> {
            facts.resolutions.iter().map(|r| r.value).collect()
        };
        let (ours, theirs) = (values(this), values(other));
        let same =
            ours.iter().all(|r| theirs.contains(r)) && theirs.iter().all(|r| ours.contains(r));
        // At the first number the other edition does not cite.
        let odd = this.resolutions.iter().find(|r| !theirs.contains(&r.value));
        let expected = At {
            value: (),
            shown: other
                .resolutions
                .iter()
                .map(|r| r.shown.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            place: theirs_first.place,
        };
        differ(
            Compared::HeadlineNumbers,
            &erase(odd.unwrap_or(first)),
            &expected,
            same,
        );
    }
    if let (Some(a), Some(b)) = (&this.tally, &other.tally) {
        let same = a.value.iter().zip(&b.value).all(|pair| match pair {
            (Some(x), Some(y)) => x == y,
            _ => true,
        });
        differ(Compared::HeadlineNumbers, &erase(a), &erase(b), same);
    }
    for day in this.intro_days.iter().filter(|_| !reissue) {
        if let Some(conflict) = conflicting_day(day, other) {
            out.push(Disagreement {
                compared: Compared::IntroDates,
                found: day.shown.clone(),
                place: day.place,
                expected: conflict.shown.clone(),
                other_place: conflict.place,
            });
        }
    }
    out
}

/// The day of `other`'s first paragraph that contradicts `day`: same month (and year, when
/// both are written), another day, while `other` names `day` nowhere in its first two
/// paragraphs. A day only one edition names (background, a cross-reference) is no conflict.
fn conflicting_day<'o>(day: &At<Day>, other: &'o PairFacts) -> Option<&'o At<Day>> {
    let same_day = |d: &Day| d.day == day.value.day && d.month == day.value.month;
    if other.opening_days.iter().any(same_day) {
        return None;
    }
    other.intro_days.iter().find(|theirs| {
        let years_agree = match (theirs.value.year, day.value.year) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        theirs.value.month == day.value.month && years_agree
    })
}

fn shown(at: &At<()>) -> String {
    at.shown.clone()
}

/// The value left out: `differ` is told whether the values agree and only needs what is
/// shown and where.
fn erase<T>(at: &At<T>) -> At<()> {
    At {
        value: (),
        shown: at.shown.clone(),
        place: at.place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn place(line: usize) -> Place {
        Place {
            span: Span::new(line * 10, line * 10 + 5),
            line,
            column: 1,
        }
    }

    fn at<T>(value: T, shown: &str, line: usize) -> At<T> {
        At {
            value,
            shown: shown.into(),
            place: place(line),
        }
    }

    fn day(d: u8, m: u8, shown: &str) -> At<Day> {
        at(
            Day {
                day: d,
                month: m,
                year: None,
            },
            shown,
            5,
        )
    }

    fn facts(symbols: &[&str]) -> PairFacts {
        let symbols: Vec<String> = symbols.iter().map(|s| (*s).to_owned()).collect();
        PairFacts {
            key: symbols[0].clone(),
            language: "en".into(),
            symbols: at(symbols.clone(), &symbols.join(", "), 1),
            date: None,
            resolutions: Vec::new(),
            tally: None,
            intro_days: Vec::new(),
            opening_days: Vec::new(),
            reissued: false,
        }
    }

    #[test]
    fn only_what_both_editions_state_is_compared() {
        let mut english = facts(&["SC/15746"]);
        let mut french = facts(&["SC/15746"]);
        english.date = Some(at((2010, 7, 19), "19 July 2010", 2));
        english.resolutions = vec![at((1935, 2010), "1935 (2010)", 4)];
        assert!(disagreements(&french, &english).is_empty());
        french.date = Some(at((2010, 7, 20), "20 juillet 2010", 2));
        english.reissued = true;
        assert!(
            disagreements(&french, &english).is_empty(),
            "a reissue's own date"
        );
        english.reissued = false;
        french.resolutions = vec![at((1953, 2010), "1953 (2010)", 4)];
        french.symbols = at(
            vec!["OBV/1".into(), "SC/15746".into()],
            "OBV/1, SC/15746",
            1,
        );
        let found: Vec<(Compared, String, String)> = disagreements(&french, &english)
            .into_iter()
            .map(|d| (d.compared, d.found, d.expected))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Compared::Symbols,
                    "OBV/1, SC/15746".into(),
                    "SC/15746".into()
                ),
                (
                    Compared::DateLine,
                    "20 juillet 2010".into(),
                    "19 July 2010".into()
                ),
                (
                    Compared::HeadlineNumbers,
                    "1953 (2010)".into(),
                    "1935 (2010)".into()
                ),
            ]
        );
    }

    #[test]
    fn tallies_compare_the_counts_both_write() {
        let mut english = facts(&["SC/1"]);
        let mut french = facts(&["SC/1"]);
        english.tally = Some(at([Some(13), Some(2), None], "13 for, 2 against", 3));
        french.tally = Some(at([Some(13), None, Some(2)], "13 for, 2 abstaining", 3));
        assert!(disagreements(&french, &english).is_empty());
        french.tally = Some(at([Some(12), None, None], "12 for", 3));
        assert_eq!(disagreements(&french, &english)[0].found, "12 for");
    }

    #[test]
    fn a_first_paragraph_day_conflicts_only_with_another_day_of_its_month() {
        let mut english = facts(&["SC/1"]);
        let mut french = facts(&["SC/1"]);
        english.intro_days = vec![day(31, 8, "31 August")];
        english.opening_days = vec![english.intro_days[0].value];
        // A background date of another month on one side only: no conflict.
        french.intro_days = vec![day(12, 3, "12 mars")];
        french.opening_days = vec![french.intro_days[0].value];
        assert!(disagreements(&french, &english).is_empty());
        // The same day in the second paragraph: no conflict.
        french.intro_days.push(day(30, 8, "30 août"));
        french.opening_days = vec![Day {
            day: 30,
            month: 8,
            year: None,
        }];
        english.opening_days.push(Day {
            day: 30,
            month: 8,
            year: None,
        });
        assert!(disagreements(&french, &english).is_empty());
        english.opening_days.pop();
        let found = disagreements(&french, &english);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].found.as_str(), found[0].expected.as_str()),
            ("30 août", "31 August")
        );
    }
}
