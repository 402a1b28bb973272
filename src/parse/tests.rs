//! Whole-release tests of the text parser: each element with its exact text and line.

use crate::model::{DateForm, Field, NoiseKind, Release};
use crate::source::{SourceFile, SourceKind};
use crate::text::fold_for_comparison;

use super::parse_text;

/// The `../shared` helper of the integration tests, so that every test needing it skips or
/// fails the same way.
#[path = "../../tests/support/shared.rs"]
mod shared;

fn parse(text: &str) -> (SourceFile, Release) {
    let source = SourceFile::new("test.txt", text, SourceKind::Text);
    let release = parse_text(&source, super::test_layout());
    (source, release)
}

/// The lines of the meeting header (none without one).
fn meeting_lines(r: &Release) -> &[Field] {
    r.meeting.as_ref().map_or(&[][..], |m| m.lines.as_slice())
}

/// `(first line, text)` of a field.
#[track_caller]
fn at(source: &SourceFile, field: &Field) -> (usize, String) {
    (
        source.position(field.span.start).line,
        field.text.to_string(),
    )
}

#[track_caller]
fn all_at(source: &SourceFile, fields: &[Field]) -> Vec<(usize, String)> {
    fields.iter().map(|f| at(source, f)).collect()
}

/// Every field of the release is the verbatim slice of the file its span covers (stacked
/// symbols, whose text joins lines, aside).
#[track_caller]
fn assert_verbatim(source: &SourceFile, release: &Release) {
    for f in release.fields().filter(|f| f.map.is_verbatim()) {
        assert_eq!(source.slice(f.span), f.text, "field {f:?}");
    }
}

#[test]
fn a_release_authored_today() {
    let text = "SG/SM/13017\n19 July 2010\n\nCrisis Shows Value of Cooperation\n\nFollowing is the message of the Secretary-General:\n\nI am pleased to convey greetings.\nThe meeting is timely.\n\nThank you.\n\n* *** *\n\nFor information media. Not an official record.\n";
    let (source, r) = parse(text);
    assert_verbatim(&source, &r);
    assert_eq!(
        all_at(
            &source,
            &r.symbols
                .iter()
                .map(|s| s.field.clone())
                .collect::<Vec<_>>()
        ),
        vec![(1, "SG/SM/13017".to_owned())]
    );
    let date = r.date_line.as_ref().expect("date line");
    assert_eq!(at(&source, &date.field), (2, "19 July 2010".to_owned()));
    assert_eq!(
        (date.form, date.year, date.month, date.day),
        (DateForm::Long, Some(2010), Some(7), Some(19))
    );
    assert_eq!(
        all_at(
            &source,
            &r.headlines
                .iter()
                .map(|h| h.field.clone())
                .collect::<Vec<_>>()
        ),
        vec![(4, "Crisis Shows Value of Cooperation".to_owned())]
    );
    assert_eq!(
        r.intro.as_ref().map(|f| at(&source, f)),
        Some((
            6,
            "Following is the message of the Secretary-General:".to_owned()
        ))
    );
    assert_eq!(
        all_at(&source, &r.body),
        vec![
            (
                8,
                "I am pleased to convey greetings.\nThe meeting is timely.".to_owned()
            ),
            (11, "Thank you.".to_owned()),
        ]
    );
    assert_eq!(
        r.end_marker.as_ref().map(|f| at(&source, f)),
        Some((13, "* *** *".to_owned()))
    );
    assert_eq!(
        all_at(&source, &r.disclaimers),
        vec![(
            15,
            "For information media. Not an official record.".to_owned()
        )]
    );
    assert_eq!(r.content_end, text.len() - 1);
    assert!(r.noise.is_empty() && r.category.is_none() && r.masthead.is_none());
}

#[test]
fn stacked_symbols_are_rebuilt_and_mapped_to_each_line() {
    let text = "Press Release\nSG/SM/17246\nOBV/1537\nORG/1612\n12 May 2016\n\nHeadline Words\n\nThe Secretary-General said this.";
    let (source, r) = parse(text);
    assert_verbatim(&source, &r);
    assert_eq!(
        r.labels.first().map(|l| l.field.text.as_str()),
        Some("Press Release")
    );
    assert_eq!(r.symbols.len(), 1);
    let s = &r.symbols[0];
    assert!(s.stacked);
    assert_eq!(s.field.text, "SG/SM/17246-OBV/1537-ORG/1612");
    assert_eq!(
        source.slice(s.field.span),
        "SG/SM/17246\nOBV/1537\nORG/1612"
    );
    assert_eq!(
        all_at(&source, &s.parts),
        vec![
            (2, "SG/SM/17246".to_owned()),
            (3, "OBV/1537".to_owned()),
            (4, "ORG/1612".to_owned())
        ]
    );
    let obv = s.field.text.find("OBV").expect("OBV");
    assert_eq!(s.field.subspan(obv, obv + 8), s.parts[1].span);
    let org = s.field.text.find("ORG").expect("ORG");
    assert_eq!(s.field.subspan(org, org + 8), s.parts[2].span);
    assert_eq!(r.body.len(), 1);
}

#[test]
fn compound_symbols_keep_their_components() {
    let (source, r) = parse("SG/SM/17246 -OBV/1537\n");
    let s = &r.symbols[0];
    assert!(!s.stacked);
    assert_eq!(s.field.text, "SG/SM/17246 -OBV/1537");
    assert_eq!(
        all_at(&source, &s.parts),
        vec![(1, "SG/SM/17246".to_owned()), (1, "OBV/1537".to_owned())]
    );
}

#[test]
fn symbols_in_running_text_are_not_symbols() {
    let text = "SC/9460\n\nCouncil Extends Mission\n\nThe Council adopted the resolution.\n\nS/2010/507\n\nSC/9999\n";
    let (_, r) = parse(text);
    let symbols: Vec<_> = r.symbols.iter().map(|s| s.field.text.as_str()).collect();
    assert_eq!(symbols, vec!["SC/9460"]);
    assert_eq!(r.body.len(), 3);
}

#[test]
fn a_stamp_glued_to_the_first_paragraph() {
    let text = "Press Release\nSC/6473\n\nSECURITY COUNCIL EXTENDS MISSION\n\n19971216At its meeting this afternoon, the Council acted.\n\nMore text.";
    let (source, r) = parse(text);
    assert_verbatim(&source, &r);
    let date = r.date_line.as_ref().expect("date");
    assert_eq!(at(&source, &date.field), (6, "19971216".to_owned()));
    assert_eq!(
        (date.form, date.year, date.month, date.day),
        (DateForm::Stamp, Some(1997), Some(12), Some(16))
    );
    assert_eq!(r.headlines.len(), 1);
    assert_eq!(
        r.headlines[0].field.text,
        "SECURITY COUNCIL EXTENDS MISSION"
    );
    assert_eq!(
        all_at(&source, &r.body),
        vec![
            (
                6,
                "At its meeting this afternoon, the Council acted.".to_owned()
            ),
            (8, "More text.".to_owned())
        ]
    );
}

#[test]
fn meeting_block_and_category_before_the_symbol() {
    let text = "Security Council\n7053rd Meeting (AM)\nSC/11480\n18 March 2014\n\nCouncil Hears Briefing\n\nThe Security Council heard a briefing today.";
    let (source, r) = parse(text);
    assert_eq!(
        all_at(&source, meeting_lines(&r)),
        vec![
            (1, "Security Council".to_owned()),
            (2, "7053rd Meeting (AM)".to_owned())
        ]
    );
    assert!(r.category.is_none());
    let text =
        "Meetings Coverage\nSeventy-second Session,\n15th & 16th Meetings (AM & PM)\nGA/11990\n";
    let (source, r) = parse(text);
    assert!(r.category.is_none());
    assert_eq!(
        r.labels
            .iter()
            .map(|l| (at(&source, &l.field), l.kind.as_deref()))
            .collect::<Vec<_>>(),
        vec![((1, "Meetings Coverage".to_owned()), Some("press-release"))]
    );
    assert_eq!(
        all_at(&source, meeting_lines(&r)),
        vec![
            (2, "Seventy-second Session,".to_owned()),
            (3, "15th & 16th Meetings (AM & PM)".to_owned())
        ]
    );
}

#[test]
fn reissue_markers_and_dateline_paragraphs() {
    let text = "SG/SM/5999/Rev.1*\n(Reissued as received.)\n\nSECRETARY-GENERAL WELCOMES ACCORD\n\nGENEVA, 13 March (UN Information Service) -- The Secretary-General today welcomed the accord\n\n* *** *";
    let (source, r) = parse(text);
    assert_eq!(r.symbols[0].field.text, "SG/SM/5999/Rev.1*");
    assert_eq!(
        all_at(&source, &r.reissue),
        vec![(2, "(Reissued as received.)".to_owned())]
    );
    assert_eq!(r.headlines.len(), 1);
    assert!(r.intro.is_none());
    assert_eq!(r.body.len(), 1);
    assert_eq!(r.body[0].text.get(..6), Some("GENEVA"));
    assert_eq!(
        r.end_marker.as_ref().map(|f| f.text.as_str()),
        Some("* *** *")
    );
}

#[test]
fn section_breaks_stay_in_the_body() {
    let text = "SG/SM/1\n\nTitle\n\nOne.\n\n* * *\n\nTwo.\n\n***\n\nFor information media. Not an official record.";
    let (source, r) = parse(text);
    assert_eq!(
        all_at(&source, &r.body),
        vec![
            (5, "One.".to_owned()),
            (7, "* * *".to_owned()),
            (9, "Two.".to_owned())
        ]
    );
    assert_eq!(
        r.end_marker.as_ref().map(|f| at(&source, f)),
        Some((11, "***".to_owned()))
    );
}

#[test]
fn noise_never_breaks_parsing() {
    let text = " date 2019-12-28 \nSkip to main content\nSG/SM/13017\n |\n19 July 2010\n\nTitle Line\n| |||\nSecond Title Line\n\nText of the body.\n\n- 2 - Press Release SG/SM/13017\n\nMore text.\n\n* *** *";
    let (source, r) = parse(text);
    assert_verbatim(&source, &r);
    let noise: Vec<_> = r
        .noise
        .iter()
        .map(|n| {
            (
                source.position(n.field.span.start).line,
                n.field.text.as_str(),
                n.kind,
            )
        })
        .collect();
    assert_eq!(
        noise,
        vec![
            (1, " date 2019-12-28 ", NoiseKind::ScraperDate),
            (2, "Skip to main content", NoiseKind::SiteBanner),
            (4, " |", NoiseKind::TableDebris),
            (8, "| |||", NoiseKind::TableDebris),
            (
                13,
                "- 2 - Press Release SG/SM/13017",
                NoiseKind::RunningHead
            ),
        ]
    );
    assert_eq!(r.symbols.len(), 1);
    assert_eq!(
        r.date_line.as_ref().map(|d| d.field.text.as_str()),
        Some("19 July 2010")
    );
    assert_eq!(r.headlines.len(), 1);
    // A complete mixed-case title line over another is headline and deck, debris between
    // them or not.
    assert_eq!(
        all_at(&source, &r.headlines[0].lines),
        vec![(7, "Title Line".to_owned())]
    );
    assert_eq!(
        all_at(&source, &r.decks),
        vec![(9, "Second Title Line".to_owned())]
    );
    assert_eq!(
        all_at(&source, &r.body),
        vec![
            (11, "Text of the body.".to_owned()),
            (15, "More text.".to_owned())
        ]
    );
}

#[test]
fn crlf_and_bom_give_the_same_elements() {
    let lf = "SG/SM/1\n19 July 2010\n\nTitle\n\nFollowing is the text:\n\nBody.\n\n* *** *\n\nFor information media. Not an official record.\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let (_, a) = parse(lf);
    let (source, b) = parse(&crlf);
    assert_verbatim(&source, &b);
    let texts = |r: &Release| {
        (
            r.symbols
                .iter()
                .map(|s| s.field.text.clone())
                .collect::<Vec<_>>(),
            r.date_line.as_ref().map(|d| d.field.text.clone()),
            r.headlines
                .iter()
                .map(|h| h.field.text.clone())
                .collect::<Vec<_>>(),
            r.intro.as_ref().map(|f| f.text.clone()),
            r.body.iter().map(|f| f.text.clone()).collect::<Vec<_>>(),
            r.end_marker.as_ref().map(|f| f.text.clone()),
            r.disclaimers
                .iter()
                .map(|f| f.text.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(texts(&a), texts(&b));
    assert_eq!(b.symbols[0].field.span.start, 3);
    assert_eq!(b.content_end, crlf.len() - 2);
}

#[test]
fn a_file_without_structure_gives_empty_elements() {
    for text in ["", "\u{feff}", "\n\n", "just a word", "***", "|"] {
        let (source, r) = parse(text);
        assert_verbatim(&source, &r);
        assert!(r.symbols.is_empty() && r.date_line.is_none(), "{text:?}");
    }
}

/// The real release in `../shared/seeds/` (not part of the repository).
#[test]
fn the_seed_release() {
    let Some(path) = shared::shared_file("seeds/000_09fa6fb60c717af9.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("the seed reads");
    let (source, r) = parse(&text);
    assert_verbatim(&source, &r);
    let noise: Vec<_> = r
        .noise
        .iter()
        .map(|n| (at(&source, &n.field), n.kind))
        .collect();
    assert_eq!(
        noise,
        vec![((1, "In progress at UNHQ".to_owned()), NoiseKind::SiteBanner)]
    );
    let symbols: Vec<_> = r
        .symbols
        .iter()
        .map(|s| (at(&source, &s.field), s.stacked))
        .collect();
    assert_eq!(
        symbols,
        vec![
            ((3, "SG/SM/13017".to_owned()), false),
            ((8, "SG/SM/13017".to_owned()), false)
        ]
    );
    assert_eq!(
        r.category.as_ref().map(|c| at(&source, c)),
        Some((8, "Secretary-General".to_owned()))
    );
    let date = r.date_line.as_ref().expect("date line");
    assert_eq!(at(&source, &date.field), (7, "19 July 2010".to_owned()));
    assert_eq!(
        (date.form, date.year, date.month, date.day),
        (DateForm::Long, Some(2010), Some(7), Some(19))
    );
    assert_eq!(
        r.masthead
            .as_ref()
            .map(|m| source.position(m.span.start).line),
        Some(9)
    );
    let headlines: Vec<_> = r
        .headlines
        .iter()
        .map(|h| {
            (
                source.position(h.field.span.start).line,
                source.position(h.field.span.end).line,
                h.lines.len(),
            )
        })
        .collect();
    assert_eq!(headlines, vec![(5, 5, 1), (11, 15, 2)]);
    assert_eq!(
        fold_for_comparison(&r.headlines[0].field.text),
        fold_for_comparison(&r.headlines[1].field.text)
    );
    let intro = r.intro.as_ref().expect("intro");
    assert_eq!(source.position(intro.span.start).line, 20);
    assert!(intro.text.starts_with("Following is UN Secretary-General"));
    let body_lines: Vec<_> = r
        .body
        .iter()
        .map(|p| source.position(p.span.start).line)
        .collect();
    assert_eq!(body_lines, vec![23, 26, 29, 32, 35, 38, 41, 44, 47]);
    assert_eq!(
        r.end_marker.as_ref().map(|f| at(&source, f)),
        Some((50, "* *** *".to_owned()))
    );
    assert_eq!(
        all_at(&source, &r.disclaimers),
        vec![
            (
                52,
                "For information media • not an official record".to_owned()
            ),
            (
                53,
                "For information media. Not an official record.".to_owned()
            )
        ]
    );
    assert!(r.meeting.is_none() && r.reissue.is_empty());
    assert_eq!(r.content_end, text.len());
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Lines of invented releases, in every shape the parser knows, to shuffle.
    const POOL: &[&str] = &[
        "In progress at UNHQ",
        " |",
        "| |||",
        " date 2019-12-28 ",
        "- 2 - Press Release SG/SM/4410",
        "SG/SM/4410",
        "SG/SM/4410-OBV/77",
        "OBV/77",
        "Secretary-GeneralSG/SM/4410",
        "Security Council",
        "7053rd Meeting (AM)",
        "Seventy-second Session,",
        "Press Conference",
        "19 July 2010",
        "July 19, 2010",
        "08/10/2004",
        "19971216At its meeting, the Council acted.",
        "Department of Public Information \u{2022} News and Media Division \u{2022} New York",
        "(Reissued as received.)",
        "Council Extends Mission in Region",
        "CREATING A BETTER WORLD",
        "\u{a0}",
        "",
        "",
        "Following is the text of the message:",
        "GENEVA, 13 March (UN Information Service) -- The Commission met.",
        "The Secretary\u{2011}General said this, on 16-17 July.",
        "* * *",
        "* *** *",
        "*   ***   *",
        "For information media. Not an official record.",
        "For information media \u{2022} not an official record",
        "\u{c0} l\u{2019}intention des organes d\u{2019}information. Document non officiel.",
    ];

    fn release_text() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(prop::sample::select(POOL), 0..40),
            prop::sample::select(&["\n", "\r\n", "\n\n"][..]),
            any::<bool>(),
        )
            .prop_map(|(lines, sep, bom)| {
                let body = lines.join(sep);
                if bom {
                    format!("\u{feff}{body}")
                } else {
                    body
                }
            })
    }

    #[track_caller]
    fn check_spans(text: &str) {
        let (source, r) = parse(text);
        let in_bounds = |span: crate::span::Span| {
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        assert!(r.content_end <= text.len() && text.is_char_boundary(r.content_end));
        for s in &r.symbols {
            assert!(in_bounds(s.field.span), "{s:?}");
            assert!(!s.parts.is_empty());
            for part in &s.parts {
                assert!(in_bounds(part.span) && s.field.span.contains(part.span));
            }
        }
        let fields: Vec<&Field> = r.fields().collect();
        for f in fields {
            assert!(in_bounds(f.span), "{f:?}");
        }
        assert_verbatim(&source, &r);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_strings_never_break_the_parser(text in any::<String>()) {
            check_spans(&text);
        }

        #[test]
        fn release_like_strings_never_break_the_parser(
            text in "[\\*\\| /\n\r\u{a0}\u{2011}\u{feff}\u{2022}SGMAOa-c0-9:.,\\-\u{2013}]{0,200}"
        ) {
            check_spans(&text);
        }

        #[test]
        fn shuffled_release_lines_never_break_the_parser(text in release_text()) {
            check_spans(&text);
        }
    }
}

#[test]
fn a_noon_briefing_without_symbol() {
    let text = "Spokesperson’s Noon Briefing\n\nDaily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\nThe following is a near-verbatim transcript of today’s noon briefing:\n\nGood afternoon.\n";
    let (source, r) = parse(text);
    assert_eq!(
        r.labels
            .iter()
            .map(|l| (at(&source, &l.field), l.kind.as_deref()))
            .collect::<Vec<_>>(),
        vec![(
            (1, "Spokesperson’s Noon Briefing".to_owned()),
            Some("press-briefing")
        )]
    );
    assert_eq!(
        r.kind.as_ref().map(|k| (k.name.as_str(), k.symbol)),
        Some(("press-briefing", false))
    );
    assert!(r.symbols.is_empty());
    assert_eq!(
        all_at(
            &source,
            &r.headlines
                .iter()
                .map(|h| h.field.clone())
                .collect::<Vec<_>>()
        ),
        vec![(
            3,
            "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
                .to_owned()
        )]
    );
    assert_eq!(r.intro.as_ref().map(|f| at(&source, f).0), Some(5));
    assert_eq!(
        all_at(&source, &r.body),
        vec![(7, "Good afternoon.".to_owned())]
    );
}

#[test]
fn malformed_header_symbols_and_dates_are_captured_for_the_rules() {
    let text = "sg/sm/13017 –OBV/851\n31 June 2010\n\nTitle\n\nText.";
    let (_, r) = parse(text);
    assert_eq!(r.symbols[0].field.text, "sg/sm/13017 –OBV/851");
    let parts: Vec<_> = r.symbols[0].parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(parts, vec!["sg/sm/13017", "OBV/851"]);
    let date = r.date_line.as_ref().expect("date");
    assert_eq!(
        (date.year, date.month, date.day),
        (Some(2010), Some(6), Some(31))
    );
    let (_, r) = parse("SG/SM/1\n3/05/2012\n\nTitre\n\nTexte.");
    let date = r.date_line.as_ref().expect("date");
    assert_eq!(
        (date.form, date.year, date.month, date.day),
        (DateForm::Numeric, Some(2012), Some(5), Some(3))
    );
}

#[test]
fn official_document_symbols_in_the_header_are_headline_text() {
    // `S/PRST/2015/9` alone is a Council document, not the release's symbol.
    let (_, r) = parse("SC/11800\nS/PRST/2015/9\n\nText of the statement.");
    let symbols: Vec<_> = r.symbols.iter().map(|s| s.field.text.as_str()).collect();
    assert_eq!(symbols, vec!["SC/11800"]);
    assert_eq!(r.headlines.len(), 1);
    assert_eq!(r.headlines[0].field.text, "S/PRST/2015/9");
}

#[test]
fn the_first_date_line_wins() {
    let (_, r) = parse("SG/SM/1\n19 July 2010\n\nTitle\n\n20 July 2010\n\nText.");
    assert_eq!(
        r.date_line.as_ref().map(|d| d.field.text.as_str()),
        Some("19 July 2010")
    );
    assert_eq!(r.headlines.len(), 1);
}

#[test]
fn a_date_on_the_meeting_line_is_the_date_line() {
    let text = "Security Council\n7053rd Meeting (AM) 18 March 2014\nSC/11480\n\nCouncil Hears Briefing\n\nThe Security Council heard a briefing today.";
    let (source, r) = parse(text);
    assert_verbatim(&source, &r);
    assert_eq!(
        all_at(&source, meeting_lines(&r)),
        vec![
            (1, "Security Council".to_owned()),
            (2, "7053rd Meeting (AM)".to_owned())
        ]
    );
    let date = r
        .date_line
        .as_ref()
        .map(|d| (at(&source, &d.field), d.day, d.month));
    assert_eq!(
        date,
        Some(((2, "18 March 2014".to_owned()), Some(18), Some(3)))
    );
    let time = r.meeting.as_ref().and_then(|m| m.time.as_ref());
    assert_eq!(time.map(|t| t.text.as_str()), Some("AM"));
}
