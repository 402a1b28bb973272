//! Every form that issue #2 names for the core rules, run through the real engine: the
//! exact rule, its position, and the text its fix gives (or that it has none).

use presslint::fix::apply;
use presslint::{Applicability, Diagnostic, Engine, SourceFile, SourceKind};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::with_default_pack().expect("default pack"));

const CLEAN: &str = "SG/SM/13017\n19 July 2010\n\nSecretary-General Welcomes Regional Talks\n\n\
Following is UN Secretary-General Ban Ki-moon’s message, delivered on 16-17 July:\n\n\
Our organizations have worked closely together.\n\n* *** *\n\nFor information media. Not an official record.\n";

fn lint(text: &str) -> Vec<Diagnostic> {
    ENGINE
        .lint(&SourceFile::new("t.txt", text, SourceKind::Text))
        .expect("lints")
}

fn position(text: &str, offset: usize) -> (usize, usize) {
    let p = SourceFile::new("t.txt", text, SourceKind::Text).position(offset);
    (p.line, p.column)
}

/// Asserts that `text` gives exactly one diagnostic of `rule` (and nothing else but `also`)
/// at `at`, and that its fix (if `fixed` is given) yields `fixed`.
#[track_caller]
fn assert_one(text: &str, rule: &str, at: (usize, usize), fixed: Option<(&str, Applicability)>) {
    let found = lint(text);
    let of_rule: Vec<&Diagnostic> = found.iter().filter(|d| d.rule == rule).collect();
    assert_eq!(of_rule.len(), 1, "{rule} on {text:?}: {found:#?}");
    let diagnostic = of_rule[0];
    assert_eq!(
        position(text, diagnostic.span.start),
        at,
        "{rule} position in {text:?}"
    );
    match (fixed, &diagnostic.fix) {
        (Some((good, applicability)), Some(fix)) => {
            assert_eq!(fix.applicability, applicability, "{rule} fix applicability");
            assert_eq!(apply(text, &[fix]).0, good, "{rule} fix result");
        }
        (None, None) => {}
        (expected, actual) => panic!("{rule}: expected fix {expected:?}, got {actual:?}"),
    }
}

#[track_caller]
fn assert_none(text: &str, rule: &str) {
    let found: Vec<Diagnostic> = lint(text).into_iter().filter(|d| d.rule == rule).collect();
    assert!(found.is_empty(), "{rule} fired on {text:?}: {found:#?}");
}

#[test]
fn the_clean_template_is_clean() {
    assert_eq!(lint(CLEAN), vec![]);
}

#[test]
fn malformed_symbols_are_errors_with_safe_fixes_where_unambiguous() {
    use Applicability::{Safe, Unsafe};
    let cases: [(&str, Option<(&str, Applicability)>); 8] = [
        ("sg/sm/13017", Some(("SG/SM/13017", Safe))),
        ("SG/SM13017", Some(("SG/SM/13017", Unsafe))),
        ("SG/SM/13O17", Some(("SG/SM/13017", Unsafe))),
        ("SG/SM/013017", Some(("SG/SM/13017", Unsafe))),
        ("SG/SM/13017–OBV/851", Some(("SG/SM/13017-OBV/851", Safe))),
        ("SG/SM/13017 -OBV/851", Some(("SG/SM/13017-OBV/851", Safe))),
        ("SG/SM/13017/rev.1", Some(("SG/SM/13017/Rev.1", Safe))),
        ("SG//13017", None),
    ];
    for (bad, fix) in cases {
        let text = CLEAN.replacen("SG/SM/13017", bad, 1);
        let fixed = fix.map(|(good, a)| (CLEAN.replacen("SG/SM/13017", good, 1), a));
        assert_one(
            &text,
            "symbol/malformed",
            (1, 1),
            fixed.as_ref().map(|(t, a)| (t.as_str(), *a)),
        );
    }
}

#[test]
fn genuine_symbols_are_not_flagged() {
    for good in [
        "SG/SM/17246-OBV/1537",
        "SG/SM/17246-OBV/1537-ORG/1612",
        "SG/SM/13017/Rev.1*",
        "ECOSOC/6625-NGO/795",
        "SG/2015/Rev.4-BIO/2936/Rev.4",
    ] {
        let text = CLEAN.replacen("SG/SM/13017", good, 1);
        assert_eq!(lint(&text), vec![], "{good}");
    }
    let stacked = CLEAN.replacen("SG/SM/13017", "SG/SM/17246\nOBV/1537", 1);
    assert_eq!(lint(&stacked), vec![]);
}

#[test]
fn unknown_series_warn_and_two_copies_that_disagree_are_flagged_with_a_label() {
    assert_one(
        &CLEAN.replacen("SG/SM/13017", "XQ/13017", 1),
        "symbol/unknown-series",
        (1, 1),
        None,
    );
    let two = CLEAN.replacen(
        "19 July 2010\n",
        "19 July 2010\nSecretary-GeneralSG/SM/13018\n",
        1,
    );
    assert_one(&two, "symbol/mismatch", (3, 18), None);
    let mismatch = lint(&two)
        .into_iter()
        .find(|d| d.rule == "symbol/mismatch")
        .unwrap();
    assert_eq!(mismatch.labels.len(), 1);
    assert_eq!(position(&two, mismatch.labels[0].span.start), (1, 1));
}

#[test]
fn missing_symbol_is_an_error_except_for_press_conferences() {
    let text = CLEAN.replacen("SG/SM/13017\n", "", 1);
    assert_one(&text, "symbol/missing", (1, 1), None);
    let conference = CLEAN.replacen("SG/SM/13017\n", "Press Conference\n", 1);
    assert_none(&conference, "symbol/missing");
}

#[test]
fn malformed_date_lines_get_a_safe_fix_to_the_long_form() {
    for bad in [
        "July 19, 2010",
        "19th July 2010",
        "19 july 2010",
        "19 July, 2010",
        "Jul. 19 2010",
    ] {
        let text = CLEAN.replacen("19 July 2010", bad, 1);
        assert_one(
            &text,
            "dateline/malformed",
            (2, 1),
            Some((CLEAN, Applicability::Safe)),
        );
    }
    let zero = CLEAN.replacen("19 July 2010", "09 July 2010", 1);
    let nine = CLEAN.replacen("19 July 2010", "9 July 2010", 1);
    assert_one(
        &zero,
        "dateline/malformed",
        (2, 1),
        Some((nine.as_str(), Applicability::Safe)),
    );
}

#[test]
fn numeric_date_lines_warn_and_ambiguous_ones_get_an_unsafe_fix() {
    let numeric = CLEAN.replacen("19 July 2010", "08/10/2004", 1);
    let long = CLEAN.replacen("19 July 2010", "8 October 2004", 1);
    assert_one(
        &numeric,
        "dateline/numeric",
        (2, 1),
        Some((long.as_str(), Applicability::Unsafe)),
    );
    let unambiguous = CLEAN.replacen("19 July 2010", "19/07/2010", 1);
    assert_one(
        &unambiguous,
        "dateline/numeric",
        (2, 1),
        Some((CLEAN, Applicability::Safe)),
    );
    let stamp = CLEAN.replacen("19 July 2010", "19990407", 1);
    let long = CLEAN.replacen("19 July 2010", "7 April 1999", 1);
    assert_one(
        &stamp,
        "dateline/numeric",
        (2, 1),
        Some((long.as_str(), Applicability::Safe)),
    );
    // A long-form date line elsewhere in the header: no warning for the numeric form.
    assert_none(CLEAN, "dateline/numeric");
    let both = CLEAN.replacen("19 July 2010", "19/07/2010\n19 July 2010", 1);
    assert_eq!(lint(&both), vec![]);
    let stamp_then_long = CLEAN.replacen("19 July 2010", "20100719\n19 July 2010", 1);
    assert_eq!(lint(&stamp_then_long), vec![]);
}

#[test]
fn impossible_dates_and_missing_date_lines_are_errors() {
    for bad in ["31 June 2010", "29 February 2010"] {
        assert_one(
            &CLEAN.replacen("19 July 2010", bad, 1),
            "dateline/impossible-date",
            (2, 1),
            None,
        );
    }
    assert_none(
        &CLEAN.replacen("19 July 2010", "29 February 2012", 1),
        "dateline/impossible-date",
    );
    assert_one(
        &CLEAN.replacen("19 July 2010\n", "", 1),
        "dateline/missing",
        (1, 12),
        None,
    );
}

#[test]
fn a_weekday_the_calendar_contradicts_is_an_error() {
    let body = |s: &str| CLEAN.replacen("Our organizations", s, 1);
    assert_none(
        &body("On Monday, 19 July, our organizations"),
        "date/weekday-mismatch",
    );
    let wrong = body("On Friday, 19 July, our organizations");
    assert_one(&wrong, "date/weekday-mismatch", (8, 4), None);
    assert_none(
        &body("On Friday, 31 July 1998, our organizations"),
        "date/weekday-mismatch",
    );
    assert_one(
        &body("On Thursday, 31 July 1998, our organizations"),
        "date/weekday-mismatch",
        (8, 4),
        None,
    );
    // Without a year, the date nearest to the release: across New Year too.
    let january = CLEAN
        .replacen("19 July 2010", "3 January 2011", 1)
        .replacen(
            "Our organizations",
            "The ceasefire of Friday, 31 December, held; our organizations",
            1,
        );
    assert_none(&january, "date/weekday-mismatch");
    let december = CLEAN
        .replacen("19 July 2010", "28 December 2010", 1)
        .replacen(
            "Our organizations",
            "He travels on Monday, 3 January, and Friday, 14 January; our organizations",
            1,
        );
    assert_none(&december, "date/weekday-mismatch");
    // 3 January is a Tuesday in none of 2009, 2010 and 2011.
    let wrong = december.replacen("Monday, 3 January", "Tuesday, 3 January", 1);
    assert_one(&wrong, "date/weekday-mismatch", (8, 15), None);
}

#[test]
fn headline_copies_must_agree_in_words_not_in_case_or_breaks() {
    let copies = |second: &str| {
        CLEAN.replacen(
            "19 July 2010\n",
            &format!("19 July 2010\n\n{second}\n\n\u{a0}\n"),
            1,
        )
    };
    let same = CLEAN.replacen(
        "SG/SM/13017\n",
        "SECRETARY-GENERAL WELCOMES REGIONAL TALKS\n\nSG/SM/13017\n",
        1,
    );
    assert_none(&same, "headline/mismatch");
    let split = copies("Secretary-General Welcomes\n\n\u{a0}\n\nRegional Talks");
    assert_none(&split, "headline/mismatch");
    let different = CLEAN.replacen(
        "SG/SM/13017\n",
        "Secretary-General Welcomes Global Talks\n\nSG/SM/13017\n",
        1,
    );
    assert_one(&different, "headline/mismatch", (6, 1), None);
    let no_headline = CLEAN.replacen("Secretary-General Welcomes Regional Talks\n\n", "", 1);
    assert_one(&no_headline, "headline/missing", (4, 1), None);
}

#[test]
fn end_marker_variants_get_a_safe_fix() {
    for bad in ["***", "* * *", "*** *"] {
        let text = CLEAN.replacen("* *** *", bad, 1);
        assert_one(
            &text,
            "end-marker/malformed",
            (10, 1),
            Some((CLEAN, Applicability::Safe)),
        );
    }
    let missing = CLEAN.replacen("* *** *\n\n", "", 1);
    assert_one(&missing, "end-marker/missing", (10, 1), None);
}

#[test]
fn disclaimer_missing_near_miss_and_misplaced() {
    let missing = CLEAN.replacen("\n\nFor information media. Not an official record.", "", 1);
    assert_one(
        &missing,
        "disclaimer/missing",
        (10, 8),
        Some((CLEAN, Applicability::Safe)),
    );
    for bad in [
        "For Information Media. Not An Official Record.",
        "For information media. Not an offical record.",
        "For information media. Not an official record",
        "for information media - not an official record.",
    ] {
        let text = CLEAN.replacen("For information media. Not an official record.", bad, 1);
        assert_one(
            &text,
            "disclaimer/malformed",
            (12, 1),
            Some((CLEAN, Applicability::Safe)),
        );
    }
    let bullet = CLEAN.replacen(
        "For information media. Not an official record.",
        "For information media • not an official record",
        1,
    );
    assert_eq!(lint(&bullet), vec![]);
    let both = CLEAN.replacen(
        "For information media.",
        "For information media • not an official record\nFor information media.",
        1,
    );
    assert_eq!(lint(&both), vec![]);
    let misplaced = CLEAN.replacen(
        "* *** *\n\nFor information media. Not an official record.\n",
        "For information media. Not an official record.\n\n* *** *\n",
        1,
    );
    assert_one(&misplaced, "disclaimer/misplaced", (10, 1), None);
}

#[test]
fn site_noise_is_info_with_a_fix_removing_the_line() {
    let text = format!("In progress at UNHQ\n{CLEAN}");
    assert_one(
        &text,
        "page/site-noise",
        (1, 1),
        Some((CLEAN, Applicability::Safe)),
    );
}

#[test]
fn a_first_paragraph_in_title_case_is_not_taken_for_more_headline() {
    for first in [
        "The Secretary-General met with the President of Ghana on Monday.",
        "Mr. Guterres Arrived in Bamako on Monday, 12 July.",
    ] {
        let text = CLEAN.replacen(
            "Following is UN Secretary-General Ban Ki-moon’s message, delivered on 16-17 July:",
            first,
            1,
        );
        assert_eq!(lint(&text), vec![], "{first}");
        let source = SourceFile::new("t.txt", text.as_str(), SourceKind::Text);
        let layout = presslint::rules::Pack::embedded("un-en")
            .unwrap_or_else(|e| panic!("{e}"))
            .data
            .layout;
        let release = presslint::parse::parse_text(&source, &layout);
        assert_eq!(release.headlines.len(), 1);
        assert_eq!(
            release.headlines[0].field.text,
            "Secretary-General Welcomes Regional Talks"
        );
    }
}
