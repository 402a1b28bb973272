//! The parser on every genuine fixture: the key facts of each release, exactly.

use std::path::Path;

use presslint::model::{DateForm, Release};
use presslint::parse::parse_text;
use presslint::{SourceFile, SourceKind};

const EN: &str = "For information media. Not an official record.";
const EN_BULLET: &str = "For information media • not an official record";
const FR: &str = "À l’intention des organes d’information. Document non officiel.";
const FR_BULLET: &str = "À l’intention des organes d’information • Document non officiel";

/// What a fixture must parse to.
struct Expected {
    file: &'static str,
    category: Option<&'static str>,
    /// Label lines (`Press Release`, `Press Conference`) and the kind of document.
    labels: &'static [&'static str],
    kind: Option<&'static str>,
    /// `(text, stacked)` of every printed symbol.
    symbols: &'static [(&'static str, bool)],
    date: Option<(&'static str, DateForm, i32, u8, u8)>,
    headline_copies: usize,
    /// The first line of the first headline copy.
    headline: &'static str,
    intro: bool,
    /// The first words of the first body paragraph.
    body_starts: &'static str,
    meeting: &'static [&'static str],
    reissue: &'static [&'static str],
    masthead: bool,
    end_marker: &'static str,
    disclaimers: &'static [&'static str],
}

const FIXTURES: &[Expected] = &[
    Expected {
        file: "1996-geneva-dateline.txt",
        category: None,
        labels: &["Press Release"],
        kind: Some("press-release"),
        symbols: &[("HR/4301", false)],
        date: Some(("19960313", DateForm::Stamp, 1996, 3, 13)),
        headline_copies: 1,
        headline: "COMMISSION ON HUMAN RIGHTS OPENS ANNUAL SESSION IN GENEVA",
        intro: false,
        body_starts: "GENEVA, 13 March (UN Information Service) -- ",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "1997-stamp-glued-allcaps.txt",
        category: None,
        labels: &["Press Release"],
        kind: Some("press-release"),
        symbols: &[("SC/6472", false)],
        date: Some(("19971216", DateForm::Stamp, 1997, 12, 16)),
        headline_copies: 1,
        headline: "SECURITY COUNCIL EXTENDS MANDATE OF OBSERVER MISSION UNTIL 15 JUNE 1998",
        intro: false,
        body_starts: "At its meeting this afternoon",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "1998-allcaps-page-title-two-copies.txt",
        category: None,
        labels: &["Press Release"],
        kind: Some("press-release"),
        symbols: &[("SG/SM/6650", false)],
        date: Some(("19980803", DateForm::Stamp, 1998, 8, 3)),
        headline_copies: 2,
        headline: "SECRETARY-GENERAL URGES DONORS TO SUPPORT FLOOD RELIEF",
        intro: false,
        body_starts: "NEW YORK, 3 August (UN Headquarters) -- ",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2003-numeric-date.txt",
        category: None,
        labels: &["Press Release"],
        kind: Some("press-release"),
        symbols: &[("SG/SM/8745-AFR/612", true)],
        date: Some(("14/06/2003", DateForm::Numeric, 2003, 6, 14)),
        headline_copies: 1,
        headline: "Secretary-General Welcomes Ceasefire Accord Signed by Parties in Regional Talks",
        intro: true,
        body_starts: "The Secretary-General welcomes",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2009-revised-symbol-reissued.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/12455/Rev.1*-ENV/DEV/1074/Rev.1*", true)],
        date: Some(("24 August 2009", DateForm::Long, 2009, 8, 24)),
        headline_copies: 1,
        headline: "Secretary-General Calls on Leaders to Seal Climate Deal, Saying Time for Half-Measures Is Over",
        intro: true,
        body_starts: "I thank the organizers",
        meeting: &[],
        reissue: &["(Reissued as received.)"],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN_BULLET, EN],
    },
    Expected {
        file: "2010-compound-symbol-section-break.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/13245-OBV/912-ENV/DEV/1151", false)],
        date: Some(("3 November 2010", DateForm::Long, 2010, 11, 3)),
        headline_copies: 1,
        headline: "Secretary-General, in Message for World Day, Calls for Urgent Action to Protect Coastal Wetlands",
        intro: true,
        body_starts: "Coastal wetlands shelter",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2011-nbsp-spacers-masthead.txt",
        category: Some("Secretary-General"),
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/13702", false), ("SG/SM/13702", false)],
        date: Some(("22 July 2011", DateForm::Long, 2011, 7, 22)),
        headline_copies: 2,
        headline: "Secretary-General Praises Volunteers Who Helped Flood-Hit Communities, Says Their Work Rebuilt Homes and Schools",
        intro: true,
        body_starts: "I am pleased to send greetings",
        meeting: &[],
        reissue: &[],
        masthead: true,
        end_marker: "* *** *",
        disclaimers: &[EN_BULLET, EN],
    },
    Expected {
        file: "2011-press-conference-no-symbol.txt",
        category: None,
        labels: &["Press Conference"],
        kind: Some("press-conference"),
        symbols: &[],
        date: Some(("17 March 2011", DateForm::Long, 2011, 3, 17)),
        headline_copies: 1,
        headline: "Press Conference on Launch of Decade of Action for Safer Roads",
        intro: false,
        body_starts: "At a Headquarters press conference today",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2015-security-council-meeting.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SC/12095", false)],
        date: Some(("26 October 2015", DateForm::Long, 2015, 10, 26)),
        headline_copies: 1,
        headline: "Security Council Extends Mandate of Expert Panel for One Year, Unanimously Adopting Resolution",
        intro: false,
        body_starts: "The Security Council this morning",
        meeting: &["Security Council", "7562nd Meeting (AM)"],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2016-stacked-symbol-bullet-disclaimer.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/17980-OBV/1581-ORG/1630", true)],
        date: Some(("14 July 2016", DateForm::Long, 2016, 7, 14)),
        headline_copies: 1,
        headline: "Secretary-General, Marking Staff Day, Praises Colleagues Who Serve in Hardship Duty Stations",
        intro: true,
        body_starts: "Every day, colleagues",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN_BULLET],
    },
    Expected {
        file: "2017-assembly-meetings-coverage.txt",
        category: None,
        labels: &["Meetings Coverage"],
        kind: Some("press-release"),
        symbols: &[("GA/11995", false)],
        date: Some(("20 November 2017", DateForm::Long, 2017, 11, 20)),
        headline_copies: 1,
        headline: "General Assembly Adopts Texts on Oceans and Sustainable Fisheries, Concludes Debate on Law of the Sea",
        intro: false,
        body_starts: "The General Assembly today adopted",
        meeting: &[
            "General Assembly",
            "Seventy-second Session,",
            "15th & 16th Meetings (AM & PM)",
        ],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2019-crlf.crlf.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/19822", false)],
        date: Some(("18 October 2019", DateForm::Long, 2019, 10, 18)),
        headline_copies: 1,
        headline: "Secretary-General Welcomes Agreement on Cross-Border Water Management",
        intro: true,
        body_starts: "The Secretary-General welcomes the agreement",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "2020-bom.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/20105", false)],
        date: Some(("5 June 2020", DateForm::Long, 2020, 6, 5)),
        headline_copies: 1,
        headline: "Secretary-General, in Message for World Environment Day, Urges Action to Halt Biodiversity Loss",
        intro: true,
        body_starts: "Nature is sending us",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "* *** *",
        disclaimers: &[EN],
    },
    Expected {
        file: "fr-2012-communique.txt",
        category: None,
        labels: &[],
        kind: None,
        symbols: &[("SG/SM/14356", false)],
        date: Some(("1er juillet 2012", DateForm::Long, 2012, 7, 1)),
        headline_copies: 1,
        headline: "Le Secrétaire général salue l’engagement des jeunes en faveur de la paix",
        intro: true,
        body_starts: "Partout dans le monde",
        meeting: &[],
        reissue: &[],
        masthead: false,
        end_marker: "*   ***   *",
        disclaimers: &[FR_BULLET, FR],
    },
];

fn parse(file: &str) -> (SourceFile, Release) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/genuine")
        .join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let source =
        SourceFile::decode(file, bytes, SourceKind::Text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let layout = presslint::rules::Pack::embedded("un-en")
        .unwrap_or_else(|e| panic!("{e}"))
        .data
        .layout;
    let release = parse_text(&source, &layout);
    (source, release)
}

#[track_caller]
fn check(expected: &Expected) {
    let file = expected.file;
    let (source, r) = parse(file);
    assert_eq!(
        r.category.as_ref().map(|c| c.text.as_str()),
        expected.category,
        "{file}: category"
    );
    let labels: Vec<&str> = r.labels.iter().map(|l| l.field.text.as_str()).collect();
    assert_eq!(labels, expected.labels, "{file}: labels");
    assert_eq!(
        r.kind.as_ref().map(|k| k.name.as_str()),
        expected.kind,
        "{file}: kind"
    );
    let symbols: Vec<_> = r
        .symbols
        .iter()
        .map(|s| (s.field.text.as_str(), s.stacked))
        .collect();
    assert_eq!(symbols, expected.symbols, "{file}: symbols");
    let date = r.date_line.as_ref().map(|d| {
        (
            d.field.text.as_str(),
            d.form,
            d.year.unwrap_or(0),
            d.month.unwrap_or(0),
            d.day.unwrap_or(0),
        )
    });
    assert_eq!(date, expected.date, "{file}: date line");
    assert_eq!(
        r.headlines.len(),
        expected.headline_copies,
        "{file}: headline copies"
    );
    let first_line = r.headlines.first().and_then(|h| h.lines.first());
    assert_eq!(
        first_line.map(|l| l.text.as_str()),
        Some(expected.headline),
        "{file}: headline"
    );
    if let [first, second] = r.headlines.as_slice() {
        assert_eq!(
            presslint::text::fold_for_comparison(&first.field.text),
            presslint::text::fold_for_comparison(&second.field.text),
            "{file}: the two headline copies"
        );
    }
    assert_eq!(r.intro.is_some(), expected.intro, "{file}: intro");
    let body_start = r.body.first().map(|p| p.text.as_str()).unwrap_or("");
    assert!(
        body_start.starts_with(expected.body_starts),
        "{file}: body starts with {body_start:?}"
    );
    let texts = |fields: &[presslint::model::Field]| {
        fields.iter().map(|f| f.text.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        texts(r.meeting.as_ref().map_or(&[][..], |m| m.lines.as_slice())),
        expected.meeting,
        "{file}: meeting"
    );
    assert_eq!(texts(&r.reissue), expected.reissue, "{file}: reissue");
    assert_eq!(r.masthead.is_some(), expected.masthead, "{file}: masthead");
    assert_eq!(
        r.end_marker.as_ref().map(|f| f.text.as_str()),
        Some(expected.end_marker),
        "{file}: end marker"
    );
    assert_eq!(
        texts(&r.disclaimers),
        expected.disclaimers,
        "{file}: disclaimers"
    );
    assert!(r.noise.is_empty(), "{file}: noise {:?}", r.noise);
    assert_eq!(
        r.content_end,
        source.text.trim_end().len(),
        "{file}: content end"
    );
    let last = r.disclaimers.last().map(|d| d.span.end);
    assert_eq!(last, Some(r.content_end), "{file}: disclaimer is last");
}

#[test]
fn every_genuine_fixture_parses_to_its_facts() {
    for expected in FIXTURES {
        check(expected);
    }
}

#[test]
fn every_fixture_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/genuine");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = FIXTURES.iter().map(|e| e.file).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn the_crlf_fixture_keeps_its_carriage_returns() {
    let (source, _) = parse("2019-crlf.crlf.txt");
    assert!(source.text.contains("\r\n"));
    let (source, r) = parse("2020-bom.txt");
    assert!(source.text.starts_with('\u{feff}'));
    assert_eq!(r.symbols.first().map(|s| s.field.span.start), Some(3));
}

#[test]
fn every_parsed_fixture_matches_the_release_schema() {
    let schema = presslint::schema::ReleaseSchema::compile().expect("release schema");
    for expected in FIXTURES {
        let (_, release) = parse(expected.file);
        let value = serde_json::to_value(&release).expect("release as JSON");
        let spans =
            presslint::pointer::PointerSpans::from_model_json(&value, presslint::Span::empty(0));
        let problems: Vec<String> = schema
            .validate(&value, &spans)
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(problems, Vec::<String>::new(), "{}", expected.file);
    }
}
