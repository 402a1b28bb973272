//! Fixing is provably safe: a property test over generated releases with planted defects,
//! in English (`un-en`) and in French (`un-fr`).
//!
//! For every generated release, `--fix` (safe fixes, to a fixpoint) must: settle; be
//! idempotent; leave no diagnostic with a safe fix; add no new error; change no byte outside
//! the edits of each pass; keep the BOM, the line endings and the final newline; and leave
//! text that decodes as a release again.

use presslint::engine::fix_until_stable;
use presslint::fix::{apply, Fix};
use presslint::{Applicability, Engine, Severity, SourceFile, SourceKind};
use proptest::prelude::*;
use std::sync::LazyLock;

static ENGLISH_ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::with_default_pack().expect("default pack"));
static FRENCH_ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(presslint::rules::Pack::embedded("un-fr").expect("un-fr")).expect("engine")
});

/// The texts a language's releases are generated from: the first of each list is the house
/// form, the second a defect whose safe fix gives the first.
struct Style {
    engine: &'static LazyLock<Engine>,
    symbols: &'static [&'static str],
    dates: &'static [&'static str],
    end_markers: &'static [&'static str],
    disclaimers: &'static [&'static str],
    names: &'static [&'static str],
    banner: &'static str,
    headline: &'static str,
    /// The intro; `{name}` is replaced by a name.
    intro: &'static str,
    body: &'static str,
}

static ENGLISH: Style = Style {
    engine: &ENGLISH_ENGINE,
    symbols: &SYMBOLS,
    dates: &DATES,
    end_markers: &END_MARKERS,
    disclaimers: &DISCLAIMERS,
    names: &NAMES,
    banner: "In progress at UNHQ",
    headline: "Secretary-General Praises Regional Cooperation in Message to Almaty Meeting",
    intro: "Following is UN Secretary-General Ban Ki-moon’s message to the meeting held on 16-17 July, delivered by {name}:",
    body: "I am pleased to convey greetings to this meeting.\u{a0} Our organizations have worked closely together.",
};

static FRENCH: Style = Style {
    engine: &FRENCH_ENGINE,
    symbols: &[
        "CS/15746",
        "cs/15746",
        "CS/15746–AFR/851",
        "CS/15746 -AFR/851",
        "SG/SM/17246-OBV/1537",
    ],
    dates: &[
        "19 juillet 2010",
        "19 Juillet 2010",
        "juillet 19, 2010",
        "19 juillet, 2010",
        "19 JUILLET 2010",
        "1 juillet 2010",
        "19e juillet 2010",
    ],
    end_markers: &["*   ***   *", "***", "* * *", "*  ***  *", "*** *"],
    disclaimers: &[
        "À l’intention des organes d’information. Document non officiel.",
        "A l'intention des organes d'information. Document non officiel.",
        "À l’intention des organes d’information. Document non officiel",
        "À l’Intention Des Organes D’information. Document Non Officiel.",
        "À l’intention des organes d’information • Document non officiel",
        "",
    ],
    names: &[
        "Rosa Otunbaïeva",
        "Ban Ki\u{2011}moon",
        "Recep Tayyip Erdoğan",
        "Zhang Jun (张军)",
    ],
    banner: "En cours au Siège de l'ONU",
    headline: "Le Secrétaire général salue la coopération régionale dans un message à la réunion d’Almaty",
    intro: "On trouvera ci-après le message du Secrétaire général de l’ONU, M. Ban Ki-moon, à la réunion tenue les 16 et 17 juillet, transmis par {name}:",
    body: "Je suis heureux de saluer cette réunion.\u{a0} Nos organisations ont travaillé en étroite collaboration.",
};

const SYMBOLS: [&str; 6] = [
    "SG/SM/13017",
    "sg/sm/13017",
    "SG/SM/13017–OBV/851",
    "SG/SM/13017 -OBV/851",
    "SG/SM/13017/rev.1",
    "SG/SM/17246-OBV/1537",
];
const DATES: [&str; 7] = [
    "19 July 2010",
    "July 19, 2010",
    "19th July 2010",
    "19 july 2010",
    "19 July, 2010",
    "09 July 2010",
    "Jul. 19 2010",
];
const END_MARKERS: [&str; 4] = ["* *** *", "***", "* * *", "*** *"];
const DISCLAIMERS: [&str; 6] = [
    "For information media. Not an official record.",
    "For Information Media. Not An Official Record.",
    "For information media. Not an offical record.",
    "For information media. Not an official record",
    "For information media • not an official record",
    "",
];
const NAMES: [&str; 4] = [
    "Ján Kubiš",
    "Ban Ki\u{2011}moon",
    "Recep Tayyip Erdoğan",
    "Zhang Jun (张军)",
];

#[derive(Debug, Clone)]
struct Planted {
    symbol: usize,
    date: usize,
    end_marker: usize,
    disclaimer: usize,
    name: usize,
    noise: bool,
    nbsp_spacer: bool,
    crlf: bool,
    bom: bool,
    final_newline: bool,
}

fn planted() -> impl Strategy<Value = Planted> {
    (
        0..SYMBOLS.len(),
        0..DATES.len(),
        0..END_MARKERS.len(),
        0..DISCLAIMERS.len(),
        0..NAMES.len(),
        any::<[bool; 5]>(),
    )
        .prop_map(
            |(symbol, date, end_marker, disclaimer, name, flags)| Planted {
                symbol,
                date,
                end_marker,
                disclaimer,
                name,
                noise: flags[0],
                nbsp_spacer: flags[1],
                crlf: flags[2],
                bom: flags[3],
                final_newline: flags[4],
            },
        )
}

fn release(style: &Style, p: &Planted) -> String {
    let mut lines: Vec<String> = Vec::new();
    if p.noise {
        lines.extend([style.banner.to_owned(), String::new()]);
    }
    lines.extend([
        style.symbols[p.symbol % style.symbols.len()].to_owned(),
        style.dates[p.date % style.dates.len()].to_owned(),
        String::new(),
    ]);
    lines.push(style.headline.to_owned());
    lines.push(String::new());
    if p.nbsp_spacer {
        lines.extend(["\u{a0}".to_owned(), String::new()]);
    }
    let name = style.names[p.name % style.names.len()];
    lines.push(style.intro.replace("{name}", name));
    lines.push(String::new());
    lines.push(style.body.to_owned());
    lines.push(String::new());
    let end_marker = style.end_markers[p.end_marker % style.end_markers.len()];
    lines.extend([end_marker.to_owned(), String::new()]);
    let disclaimer = style.disclaimers[p.disclaimer % style.disclaimers.len()];
    if !disclaimer.is_empty() {
        lines.push(disclaimer.to_owned());
    }
    let newline = if p.crlf { "\r\n" } else { "\n" };
    let mut text = lines.join(newline).trim_end().to_owned();
    if p.final_newline {
        text.push_str(newline);
    }
    if p.bom {
        text.insert(0, '\u{feff}');
    }
    text
}

fn source(text: &str) -> SourceFile {
    SourceFile::new("planted.txt", text, SourceKind::Text)
}

/// One pass by hand, asserting that no byte outside the applied edits changes.
fn check_pass_keeps_bytes_outside_edits(engine: &Engine, text: &str) {
    let diagnostics = engine.lint(&source(text)).expect("lints");
    let fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe)
        .collect();
    let (fixed, taken) = apply(text, &fixes);
    let mut edits: Vec<_> = taken.iter().flat_map(|&i| fixes[i].edits.iter()).collect();
    edits.sort_by_key(|e| e.start);
    let (mut old_at, mut new_at) = (0, 0);
    for edit in edits {
        let kept = &text[old_at..edit.start];
        assert_eq!(
            &fixed[new_at..new_at + kept.len()],
            kept,
            "bytes before an edit changed"
        );
        new_at += kept.len();
        assert_eq!(
            &fixed[new_at..new_at + edit.replacement.len()],
            edit.replacement
        );
        new_at += edit.replacement.len();
        old_at = edit.end;
    }
    assert_eq!(
        &fixed[new_at..],
        &text[old_at..],
        "bytes after the last edit changed"
    );
}

fn errors(engine: &Engine, text: &str) -> Vec<String> {
    let mut rules: Vec<String> = engine
        .lint(&source(text))
        .expect("lints")
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.rule)
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fixing_planted_defects_is_safe(p in planted()) {
        fixing_is_safe(&ENGLISH, &p)?;
    }

    #[test]
    fn fixing_planted_defects_in_french_is_safe(p in planted()) {
        fixing_is_safe(&FRENCH, &p)?;
    }
}

/// The properties of the module's doc for one generated release.
fn fixing_is_safe(style: &Style, p: &Planted) -> Result<(), TestCaseError> {
    let engine: &Engine = style.engine;
    let original = release(style, p);
    check_pass_keeps_bytes_outside_edits(engine, &original);
    let outcome = fix_until_stable(engine, &source(&original), Applicability::Safe).expect("fixes");
    prop_assert!(
        outcome.settled,
        "did not settle: {:?}",
        outcome.unsettled_rules
    );
    let fixed = outcome.text.clone();

    // Idempotent: a second run changes nothing.
    let again = fix_until_stable(engine, &source(&fixed), Applicability::Safe).expect("fixes");
    prop_assert_eq!(&again.text, &fixed);

    // No safe fix left, no new error.
    let remaining_safe: Vec<_> = outcome
        .remaining
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .map(|d| d.rule.clone())
        .collect();
    prop_assert!(
        remaining_safe.is_empty(),
        "safe fixes left: {:?}",
        remaining_safe
    );
    let before = errors(engine, &original);
    for rule in errors(engine, &fixed) {
        prop_assert!(before.contains(&rule), "fixing introduced {rule}");
    }

    // The file's conventions survive.
    prop_assert_eq!(fixed.starts_with('\u{feff}'), p.bom);
    prop_assert_eq!(fixed.ends_with('\n'), p.final_newline);
    if p.crlf {
        prop_assert!(
            !fixed.replace("\r\n", "").contains('\n'),
            "a bare LF in a CRLF file: {fixed:?}"
        );
    } else {
        prop_assert!(!fixed.contains('\r'));
    }
    prop_assert!(
        SourceFile::decode("fixed.txt", fixed.clone().into_bytes(), SourceKind::Text).is_ok()
    );
    check_pass_keeps_bytes_outside_edits(engine, &fixed);
    Ok(())
}

#[test]
fn a_clean_release_is_left_byte_for_byte() {
    for style in [&ENGLISH, &FRENCH] {
        a_clean_release_is_left(style);
    }
}

fn a_clean_release_is_left(style: &Style) {
    let clean = Planted {
        symbol: 0,
        date: 0,
        end_marker: 0,
        disclaimer: 0,
        name: 0,
        noise: false,
        nbsp_spacer: true,
        crlf: false,
        bom: false,
        final_newline: true,
    };
    let text = release(style, &clean);
    let outcome = fix_until_stable(style.engine, &source(&text), Applicability::Safe).unwrap();
    assert!(outcome.settled);
    assert!(outcome.fixed.is_empty(), "{:?}", outcome.fixed);
    assert_eq!(outcome.text, text);
}

#[test]
fn every_planted_defect_is_fixed_to_the_canonical_text() {
    for style in [&ENGLISH, &FRENCH] {
        every_planted_defect_is_fixed(style);
    }
}

fn every_planted_defect_is_fixed(style: &Style) {
    let broken = Planted {
        symbol: 1,
        date: 1,
        end_marker: 1,
        disclaimer: 1,
        name: 0,
        noise: true,
        nbsp_spacer: false,
        crlf: true,
        bom: true,
        final_newline: false,
    };
    let planted = release(style, &broken);
    let outcome = fix_until_stable(style.engine, &source(&planted), Applicability::Safe).unwrap();
    let expected = release(
        style,
        &Planted {
            symbol: 0,
            date: 0,
            end_marker: 0,
            disclaimer: 0,
            noise: false,
            ..broken
        },
    );
    assert_eq!(outcome.text, expected);
    let mut fixed: Vec<&str> = outcome.fixed.iter().map(|d| d.rule.as_str()).collect();
    fixed.sort();
    assert_eq!(
        fixed,
        [
            "dateline/malformed",
            "disclaimer/malformed",
            "end-marker/malformed",
            "page/site-noise",
            "symbol/malformed"
        ]
    );
}
