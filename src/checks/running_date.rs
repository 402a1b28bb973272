//! `running-date`: dates in running text in the house form `19 July 2010`, `27 June`,
//! `16-17 July`. `check = "us-order"` (`July 19, 2010`), `"ordinal"` (`19th July`),
//! `"year-comma"` (`19 July, 2010`) and `"range"` (`1—19 October`, `5 - 30 July`,
//! `from 26-27 March`); `16-17 July`, `16 and 17 July`, `from 5 to 30 July` are genuine.
//! Two checks read the pack's own month names (`data/dates.toml`, English without it) and
//! write the pack's long form: `"month-first"` (`juillet 19, 2010` -> `19 juillet 2010`,
//! `juillet 1` -> `1er juillet`) and `"numeric"` (`19/07/2010` -> `19 juillet 2010`).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::{Applicability, Edit};
use crate::lazy_regex::LazyRegex;

use super::{Context, Params, Scope};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    UsOrder,
    Ordinal,
    YearComma,
    Range,
    MonthFirst,
    Numeric,
}

#[derive(Debug)]
pub struct RunningDate {
    scope: Scope,
    which: Which,
    filter: super::filter::Filter,
    /// `month-first` and `numeric`: the pattern built from the pack's month names.
    own: Option<LazyRegex>,
    /// The pack's month names and first-day form, for the long form the fix writes.
    names: super::date::DateNames,
}

/// The day of the month in figures, and a year of four figures.
const YEAR: &str = "(?:1[89]|20)[0-9]{2}";

/// `juillet 19, 2010`, `juillet 19 2010`, `juillet 1er`; without a year only before a
/// punctuation mark or the end of the text (`en mars 15 pays` is a count, not a date).
fn month_first_pattern(names: &super::date::DateNames) -> String {
    let months = names
        .months
        .iter()
        .map(|m| regex::escape(m))
        .collect::<Vec<_>>()
        .join("|");
    let suffix = names.first_day_suffix_pattern();
    format!(
        r"(?:^|[^\p{{L}}\p{{N}}])(?P<target>(?P<m>{months}) (?P<d>{DAY}){suffix}(?:,? (?P<y>{YEAR}))?)(?P<after>[^\p{{L}}\p{{N}}/:.\-–]|[.](?:[^0-9]|$)|$)"
    )
}

/// `19/07/2010`, `1/7/2010`: day, month and a four-figure year joined by slashes, not part
/// of a document symbol (`A/64/10/2010`) or a longer run of figures.
fn numeric_pattern() -> String {
    format!(
        r"(?:^|[^\p{{L}}\p{{N}}/.])(?P<target>(?P<d>[0-9]{{1,2}})/(?P<mo>[0-9]{{1,2}})/(?P<y>{YEAR}))(?:[^\p{{L}}\p{{N}}/]|$)"
    )
}

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const DAY: &str = "3[01]|[12][0-9]|0?[1-9]";

/// `July 19`, `July 19-20`, `July 19th`, `July 19, 2010`; the character after the day is
/// captured so that `July 19:30` or `July 2010` do not match.
static US_ORDER: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"(?-u:\b)(?P<target>(?P<m>{MONTHS}) (?P<d>{DAY})(?P<r>-(?:{DAY}))?(?:st|nd|rd|th)?(?-u:\b)(?:,? (?P<y>(?:1[89]|20)[0-9]{{2}})(?-u:\b))?)(?:[^0-9:/.\-–]|[.](?:[^0-9]|$)|$)"
    ))
    .expect("us order")
});

static ORDINAL: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"(?-u:\b)(?P<target>(?:[Tt]he )?(?P<d>{DAY})(?:st|nd|rd|th)(?: of)? (?P<m>{MONTHS}))(?-u:\b)"
    ))
    .expect("ordinal")
});

static YEAR_COMMA: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"(?-u:\b)(?P<target>(?P<d>{DAY}) (?P<m>{MONTHS}), (?P<y>(?:1[89]|20)[0-9]{{2}}))(?-u:\b)(?P<count> [a-z])?(?:[^,0-9]|$)"
    ))
    .expect("year comma")
});

static RANGE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::eager(format!(
        r"(?-u:\b)(?P<target>(?:(?P<pre>[Ff]rom|[Bb]etween) )?(?P<d1>{DAY})(?: (?P<m1>(?i:{MONTHS})))?(?P<sep>[ ]*[-–—][ ]*)(?P<d2>{DAY}) (?P<m>(?i:{MONTHS})))(?-u:\b)"
    ))
    .expect("range")
});

impl RunningDate {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(
            params,
            "running-date",
            scope,
            &[Scope::Text, Scope::Headline, Scope::Intro, Scope::Body],
        )?;
        let own: super::CheckParams = params.take()?;
        let which = match own.check.as_str() {
            "us-order" => Which::UsOrder,
            "ordinal" => Which::Ordinal,
            "year-comma" => Which::YearComma,
            "range" => Which::Range,
            "month-first" => Which::MonthFirst,
            "numeric" => Which::Numeric,
            other => {
                return Err(params.error(
                    "check",
                    format!("unknown running-date check `{other}` (expected one of: us-order, ordinal, year-comma, range, month-first, numeric)"),
                ))
            }
        };
        let names = params.data.dates.clone();
        let own = match which {
            Which::MonthFirst => Some(params.regex("check", &month_first_pattern(&names))?),
            Which::Numeric => Some(params.regex("check", &numeric_pattern())?),
            _ => None,
        };
        Ok(Self {
            scope,
            which,
            filter: super::filter::Filter::compile(params)?,
            own,
            names,
        })
    }

    /// A cheap test before the regex, for the patterns with no literal prefix to search for
    /// (they would otherwise run their automaton over every byte of every paragraph): a
    /// necessary condition of a match, never a sufficient one. It reads the field as
    /// written, where a no-break space or hyphen may stand for the space or hyphen the
    /// pattern sees after normalisation.
    fn may_match(&self, text: &str) -> bool {
        match self.which {
            // `July 19`: a month, then a day in figures.
            Which::UsOrder => crate::text::ascii_digits(text.as_bytes()).next().is_some(),
            // `3rd May`: a digit, then the ordinal ending.
            Which::Ordinal => {
                let bytes = text.as_bytes();
                crate::text::ascii_digits(bytes).any(|at| {
                    matches!(
                        bytes.get(at + 1..at + 3),
                        Some(b"st" | b"nd" | b"rd" | b"th")
                    )
                })
            }
            // `3 May, 2010`: a comma, a space and the year's first digit.
            Which::YearComma => {
                static COMMA_YEAR: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
                    aho_corasick::AhoCorasick::new([", 1", ", 2", ",\u{a0}1", ",\u{a0}2"])
                        .expect("four literals")
                });
                COMMA_YEAR.is_match(text)
            }
            Which::Range => Self::may_be_range(text),
            // Both need a figure; `numeric` also a slash.
            Which::MonthFirst => crate::text::ascii_digits(text.as_bytes()).next().is_some(),
            Which::Numeric => {
                text.contains('/') && crate::text::ascii_digits(text.as_bytes()).next().is_some()
            }
        }
    }

    /// A range is only suspicious with an em dash, a spaced joiner, or `from`/`between`; and
    /// the day after its joiner is a digit.
    fn may_be_range(text: &str) -> bool {
        // The dashes are `-` and three characters that open with the byte E2 (`–`, `—`,
        // U+2011): one SIMD scan for both bytes.
        let bytes = text.as_bytes();
        let digit_after_dash = memchr::memchr2_iter(b'-', 0xE2, bytes).any(|at| {
            let dash = match bytes[at] {
                b'-' => 1,
                _ if matches!(
                    bytes.get(at..at + 3),
                    Some([0xE2, 0x80, 0x91 | 0x93 | 0x94])
                ) =>
                {
                    3
                }
                _ => return false,
            };
            text[at + dash..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(|c: char| c.is_ascii_digit())
        });
        digit_after_dash && Self::range_joiner(text)
    }

    fn range_joiner(text: &str) -> bool {
        text.contains(['—', '\u{2011}'])
            || text.contains(" -")
            || text.contains("- ")
            || text.contains(" –")
            || text.contains("– ")
            || text.contains("\u{a0}-")
            || text.contains("-\u{a0}")
            || text.contains("rom ")
            || text.contains("etween ")
    }

    /// The house form of a match, and a lowered applicability where the fix is a guess;
    /// `None` for a genuine form.
    fn expected(&self, caps: &Captures<'_>) -> Option<(String, Option<Applicability>)> {
        let get = |name: &str| caps.name(name).map_or("", |g| g.as_str());
        let day = |name: &str| get(name).trim_start_matches('0').to_owned();
        match self.which {
            Which::UsOrder => {
                let range = get("r");
                let year = get("y");
                let mut out = format!("{}{range} {}", day("d"), get("m"));
                if !year.is_empty() {
                    out.push(' ');
                    out.push_str(year);
                }
                // Without a year, `May 5` may be a verb and a count: review it.
                let applicability = year.is_empty().then_some(Applicability::Unsafe);
                Some((out, applicability))
            }
            Which::Ordinal => Some((format!("{} {}", day("d"), get("m")), None)),
            // `On 3 May, 2000 people marched`: a figure that a word follows may be a count
            // (UN style writes `2,000`, so it is rare): the fix needs a human then.
            Which::YearComma => {
                let count = caps
                    .name("count")
                    .is_some()
                    .then_some(Applicability::Unsafe);
                Some((format!("{} {} {}", day("d"), get("m"), get("y")), count))
            }
            Which::Range => {
                let sep = get("sep");
                let pre = get("pre");
                let (d1, d2, month) = (day("d1"), day("d2"), get("m"));
                // A range across two months (`27 April - 6 May`) keeps the first month.
                let first_month = caps.name("m1").map(|m| m.as_str());
                let d1 = match first_month {
                    Some(m1) => format!("{d1} {m1}"),
                    // `14 - 1 July` runs backwards: a vote tally, not a range of days.
                    None if d1.parse::<u8>().ok() >= d2.parse::<u8>().ok() => return None,
                    None => d1,
                };
                if !pre.is_empty() {
                    let joiner = if pre.eq_ignore_ascii_case("from") {
                        "to"
                    } else {
                        "and"
                    };
                    return Some((format!("{pre} {d1} {joiner} {d2} {month}"), None));
                }
                let suspicious = sep.contains('—') || sep.contains(' ');
                suspicious.then(|| (format!("{d1}-{d2} {month}"), None))
            }
            Which::MonthFirst => {
                let d: u8 = get("d").parse().ok()?;
                let month = get("m");
                let number = self.names.months.iter().position(|m| m == month)?;
                let year = get("y");
                // Without a year, only a punctuation mark or the end may follow.
                let after = get("after");
                if !(1..=31).contains(&d)
                    || (year.is_empty() && !matches!(after, "" | "," | ";" | "." | ")"))
                {
                    return None;
                }
                let out = if year.is_empty() {
                    // The long form without its year: `19 juillet`, `1er juillet`.
                    let long = self
                        .names
                        .long_form(2000, u8::try_from(number + 1).ok()?, d)?;
                    long.strip_suffix(" 2000")?.to_owned()
                } else {
                    self.names
                        .long_form(year.parse().ok()?, u8::try_from(number + 1).ok()?, d)?
                };
                // Without a year, `mars 2.` may be a list or a count: review it.
                Some((out, year.is_empty().then_some(Applicability::Unsafe)))
            }
            Which::Numeric => {
                let (d, mo): (u8, u8) = (get("d").parse().ok()?, get("mo").parse().ok()?);
                let y: i32 = get("y").parse().ok()?;
                // Day first is the house order; a first number above 12 settles it, a
                // second one above 12 means the date was written month first.
                let (day, month, applicability) = match (d, mo) {
                    (13..=31, 1..=12) => (d, mo, None),
                    (1..=12, 13..=31) => (mo, d, Some(Applicability::Unsafe)),
                    (1..=12, 1..=12) if d == mo => (d, mo, None),
                    (1..=12, 1..=12) => (d, mo, Some(Applicability::Unsafe)),
                    _ => return None,
                };
                crate::dates::calendar_date(y, month, day)?;
                Some((self.names.long_form(y, month, day)?, applicability))
            }
        }
    }
}

impl super::Check for RunningDate {
    fn regexes(&self) -> Vec<&crate::lazy_regex::LazyRegex> {
        let mut out: Vec<&LazyRegex> = self.own.iter().collect();
        out.extend(self.filter.regexes());
        out
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for field in super::fields(cx.release, self.scope) {
            if !self.may_match(&field.text) {
                continue;
            }
            // Chosen here, not before the loop: a pattern no field gets to is never compiled.
            let pattern: &Regex = match (self.which, &self.own) {
                (_, Some(own)) => own,
                (Which::UsOrder, _) => &US_ORDER,
                (Which::Ordinal, _) => &ORDINAL,
                (Which::YearComma, _) => &YEAR_COMMA,
                (Which::Range | Which::MonthFirst | Which::Numeric, _) => &RANGE,
            };
            let m = field.match_text();
            let mut skips = self.filter.skips(m.text);
            for caps in pattern.captures_iter(m.text) {
                let Some(target) = caps.name("target") else {
                    continue;
                };
                if skips.covers(target.start(), target.end()) {
                    continue;
                }
                let Some((expected, applicability)) = self.expected(&caps) else {
                    continue;
                };
                let span = m.span(target.start(), target.end());
                let found = super::one_line(target.as_str());
                let vars = [("found", found.as_str()), ("expected", expected.as_str())];
                let fix = cx.fix(
                    &vars,
                    vec![Edit::replace(span, m.encoding.encode(&expected))],
                    applicability,
                );
                out.push(cx.diagnostic(span, &vars).with_fix(fix));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, run_rule, Builder};

    #[track_caller]
    fn found(id: &str, body: &str) -> Vec<(String, String)> {
        let text = format!("{body}\n");
        let built = Builder::new(&text).body(body).build();
        run_rule(id, &built)
            .into_iter()
            .map(|d| {
                let fixed = d
                    .fix
                    .map(|f| f.edits[0].replacement.clone())
                    .unwrap_or_default();
                (built.0.slice(d.span).to_owned(), fixed)
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn us_order_dates_are_turned_round() {
        assert_eq!(
            found(
                "date/us-order",
                "On July 19, 2010 and June 27 and May 5-6, at 10 a.m. July 2010 and July 19:30."
            ),
            pairs(&[
                ("July 19, 2010", "19 July 2010"),
                ("June 27", "27 June"),
                ("May 5-6", "5-6 May")
            ])
        );
    }

    #[test]
    fn suspicious_ranges_are_reported_and_genuine_ones_are_not() {
        assert_eq!(
            found(
                "date/suspicious-range",
                "Held on 1—19 October, 5 - 30 July and from 26-27 March, but also 16-17 July, 16 and 17 July, from 5 to 30 July, from 24 September to 1 October and 1–19 October."
            ),
            pairs(&[
                ("1—19 October", "1-19 October"),
                ("5 - 30 July", "5-30 July"),
                ("from 26-27 March", "from 26 to 27 March")
            ])
        );
        assert_eq!(
            found(
                "date/suspicious-range",
                "Held 27 April - 6 May, then 28 APRIL - 9 MAY; not 30 April-11 May or 30 April to 11 May."
            ),
            pairs(&[
                ("27 April - 6 May", "27 April-6 May"),
                ("28 APRIL - 9 MAY", "28 APRIL-9 MAY")
            ])
        );
    }

    #[test]
    fn counts_and_tallies_are_not_fixed_as_dates() {
        let text = "On 3 May, 2000 people marched.";
        let built = Builder::new(text).body(text).build();
        let found_count = run_rule("date/year-comma", &built);
        let applicability = found_count[0].fix.as_ref().map(|f| f.applicability);
        assert_eq!(applicability, Some(crate::fix::Applicability::Unsafe));
        assert_eq!(
            found("date/suspicious-range", "The vote was 14 - 1 July's draft."),
            pairs(&[])
        );
    }

    #[test]
    fn ordinals_and_a_comma_before_the_year() {
        assert_eq!(
            found(
                "date/ordinal",
                "On the 19th of July and 3rd March, in the 21st century."
            ),
            pairs(&[("the 19th of July", "19 July"), ("3rd March", "3 March")])
        );
        assert_eq!(
            found(
                "date/year-comma",
                "On 19 July, 2010 and 20 July, 1,200 people and 21 July 2010."
            ),
            pairs(&[("19 July, 2010", "19 July 2010")])
        );
        let text = "Held on 1 January, 2020.\n";
        let built = Builder::new(text).body(text.trim_end()).build();
        assert_at(
            &built,
            &run_rule("date/year-comma", &built),
            &[("date/year-comma", 1, 9)],
        );
    }

    /// The findings of rule `id` of the embedded French pack on a body paragraph, with
    /// the text each fix writes and whether it is safe.
    fn found_fr(id: &str, body: &str) -> Vec<(String, String, bool)> {
        use std::sync::LazyLock;
        static FR: LazyLock<crate::rules::Pack> = LazyLock::new(|| {
            crate::rules::Pack::embedded("un-fr").unwrap_or_else(|e| panic!("{e}"))
        });
        let text = format!("{body}\n");
        let built = Builder::new(&text).body(body).build();
        let rule = FR.rule(id).unwrap_or_else(|| panic!("no rule {id}"));
        let cx = crate::checks::Context {
            rule,
            release: &built.1,
            source: &built.0,
            data: &FR.data,
            verdict: None,
            pairing: None,
            suppressions: None,
        };
        let mut out = Vec::new();
        rule.check.run(&cx, &mut out);
        out.into_iter()
            .map(|d| {
                let fix = d.fix.expect("a fix");
                (
                    built.0.slice(d.span).to_owned(),
                    fix.edits[0].replacement.clone(),
                    fix.applicability == crate::fix::Applicability::Safe,
                )
            })
            .collect()
    }

    fn triples(list: &[(&str, &str, bool)]) -> Vec<(String, String, bool)> {
        list.iter()
            .map(|(a, b, safe)| ((*a).to_owned(), (*b).to_owned(), *safe))
            .collect()
    }

    #[test]
    fn french_dates_written_month_first_are_turned_round_with_the_packs_names() {
        assert_eq!(
            found_fr(
                "date/month-first",
                "Réunis le juillet 19, 2010 puis le août 1er 2011, et encore le 3 mars: voir mars 12."
            ),
            triples(&[
                ("juillet 19, 2010", "19 juillet 2010", true),
                ("août 1er 2011", "1er août 2011", true),
                ("mars 12", "12 mars", false),
            ])
        );
        // A count after a month, a year after a month, the house form: not dates to turn.
        assert_eq!(
            found_fr(
                "date/month-first",
                "En mars 15 pays ont signé; en juillet 2010, le 19 juillet 2010 et du 9 au 12 mars 2011, à 10 h 30."
            ),
            triples(&[])
        );
    }

    #[test]
    fn numeric_dates_in_french_running_text_get_the_long_form() {
        assert_eq!(
            found_fr(
                "date/numeric",
                "Adopté le 19/07/2010, prorogé le 01/02/2011 puis le 07/19/2012 et le 1/7/2013."
            ),
            triples(&[
                ("19/07/2010", "19 juillet 2010", true),
                ("01/02/2011", "1er février 2011", false),
                ("07/19/2012", "19 juillet 2012", false),
                ("1/7/2013", "1er juillet 2013", false),
            ])
        );
        // Document symbols, fractions and impossible dates are not dates of the calendar.
        assert_eq!(
            found_fr(
                "date/numeric",
                "Voir A/64/10/2010, la résolution 64/10, le ratio 3/4 et le 31/02/2010 ou 2010/07/19."
            ),
            triples(&[])
        );
    }
}
