//! The layout model on invented pages, one per layout class of real UN press pages (meeting
//! headers, kickers, decks, labels, wrapped and damaged headline copies, kinds of document
//! without a symbol, symbols inside a label line, old Macintosh line endings), in English
//! and French: every element's kind, line, column and text, and the findings each page gives.

use std::path::Path;

use presslint::model::{Field, Release};
use presslint::rules::Pack;
use presslint::{Engine, Severity, SourceFile, SourceKind};

/// `(element, line, column, text)` of every element of the header and the first paragraph,
/// in file order.
type Outline = Vec<(&'static str, usize, usize, String)>;

/// The outline of `r`: the elements [`Release::elements`] lists, by the names it gives
/// them, but for three things. The meeting header is shown by its parts (`meeting-body`,
/// `session`, `meeting`, `time`), which place its lines more finely than its one span; only
/// the first paragraph is kept; the footer (end marker, disclaimers) is left out: the pages
/// are about the layout of the header.
fn outline(source: &SourceFile, r: &Release) -> Outline {
    let mut out: Vec<(&'static str, presslint::Span, String)> = Vec::new();
    let mut push = |name: &'static str, field: &Field| {
        out.push((
            name,
            field.span,
            field.text.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
    };
    let mut paragraphs = 0;
    for (name, field) in r.elements() {
        match name {
            "meeting header" => {
                let m = r
                    .meeting
                    .as_ref()
                    .expect("a meeting header element has a header");
                for (name, part) in [
                    ("meeting-body", &m.body),
                    ("session", &m.session),
                    ("meeting", &m.meeting),
                    ("time", &m.time),
                ] {
                    if let Some(part) = part {
                        push(name, part);
                    }
                }
            }
            "paragraph" => {
                paragraphs += 1;
                if paragraphs == 1 {
                    push(name, field);
                }
            }
            "end marker" | "disclaimer" => {}
            _ => push(name, field),
        }
    }
    out.sort_by_key(|(_, span, _)| span.start);
    out.into_iter()
        .map(|(name, span, text)| {
            let p = source.position(span.start);
            let short: String = text.chars().take(40).collect();
            (name, p.line, p.column, short)
        })
        .collect()
}

struct Page {
    file: &'static str,
    pack: &'static str,
    outline: &'static [(&'static str, usize, usize, &'static str)],
    /// `(name, carries a symbol)` of the document kind.
    kind: Option<(&'static str, bool)>,
    /// `(rule, line, column)` of every warning and error.
    findings: &'static [(&'static str, usize, usize)],
}

fn read(file: &str) -> SourceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layout")
        .join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    SourceFile::decode(file, bytes, SourceKind::Text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[track_caller]
fn check(page: &Page) {
    let pack = Pack::embedded(page.pack).unwrap_or_else(|e| panic!("{e}"));
    let source = read(page.file);
    let release = presslint::parse::parse_text(&source, &pack.data.layout);
    let got = outline(&source, &release);
    let expected: Outline = page
        .outline
        .iter()
        .map(|&(n, l, c, t)| (n, l, c, t.to_owned()))
        .collect();
    assert_eq!(got, expected, "{}: outline", page.file);
    let kind = release.kind.as_ref().map(|k| (k.name.as_str(), k.symbol));
    assert_eq!(kind, page.kind, "{}: kind", page.file);
    let engine = Engine::new(pack).unwrap_or_else(|e| panic!("{e}"));
    let findings: Vec<(String, usize, usize)> = engine
        .lint(&source)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        // Notes about site debris and a foreign pack are the parser's business, tested above;
        // the notes of the era's genuine forms (`dateline/numeric`) are findings like others.
        .filter(|d| d.severity != Severity::Info || !d.rule.starts_with("page/"))
        .map(|d| {
            let p = source.position(d.span.start);
            (d.rule, p.line, p.column)
        })
        .collect();
    let expected: Vec<(String, usize, usize)> = page
        .findings
        .iter()
        .map(|&(r, l, c)| (r.to_owned(), l, c))
        .collect();
    assert_eq!(findings, expected, "{}: findings", page.file);
}

const PAGES: &[Page] = &[
    // French capitals without their accents (`JOURNEE`, `DECLARE`): one headline, no mismatch.
    Page {
        file: "fr-copie-sans-accents.txt",
        pack: "un-fr",
        outline: &[
            ("symbol", 1, 1, "SG/SM/12999-OBV/899"),
            ("headline", 3, 1, "Journée de l’eau : « C’est ensemble que "),
            ("date line", 5, 1, "08/10/2009"),
            ("category", 6, 1, "Secrétaire général"),
            ("symbol", 6, 19, "SG/SM/12999-OBV/899"),
            ("masthead", 8, 1, "Département de l’information • Service d"),
            (
                "headline",
                10,
                1,
                "JOURNEE DE L’EAU : « C’EST ENSEMBLE QUE ",
            ),
            ("intro", 12, 1, "On trouvera ci-après le message du Secré"),
            ("paragraph", 14, 1, "L’eau relie nos pays et nos peuples."),
        ],
        kind: None,
        findings: &[("dateline/numeric", 5, 1)],
    },
    // A meeting line marked as reissued (`37th Meeting* (AM)`) between spaced-out session
    // lines; the second headline copy wraps over a blank line.
    Page {
        file: "en-meeting-asterisk.txt",
        pack: "un-en",
        outline: &[
            ("symbol", 1, 1, "GA/AB/3999"),
            ("headline", 3, 1, "Fifth Committee Recommends Budget for Ri"),
            ("date line", 5, 1, "18 June 2010"),
            ("category", 6, 1, "General Assembly"),
            ("symbol", 6, 17, "GA/AB/3999"),
            ("masthead", 7, 1, "Department of Public Information • News "),
            ("session", 9, 1, "Sixty-fourth General Assembly"),
            ("meeting", 13, 1, "37th Meeting"),
            ("time", 13, 16, "AM"),
            (
                "headline",
                16,
                1,
                "Fifth Committee Recommends Budget for Ri",
            ),
            (
                "paragraph",
                21,
                1,
                "Taking two weeks longer than planned, th",
            ),
        ],
        kind: None,
        findings: &[],
    },
    // A sentence-case headline on the first line, the text on the next: no symbol or date
    // above it (the page gives no kind either, so its missing symbol is reported).
    Page {
        file: "fr-titre-en-tete.txt",
        pack: "un-fr",
        outline: &[
            ("headline", 1, 1, "En juillet, la présidence du Conseil de "),
            (
                "paragraph",
                2,
                1,
                "Le Représentant permanent auprès des Nat",
            ),
        ],
        kind: None,
        findings: &[("symbol/missing", 1, 1)],
    },
    Page {
        file: "en-copies-caps-and-damage.txt",
        pack: "un-en",
        outline: &[
            ("symbol", 1, 1, "GA/SPD/140"),
            (
                "headline",
                3,
                1,
                "FOURTH COMMITTEE CALLS FOR END TO ISR\"LI",
            ),
            ("date line", 5, 1, "12 December 1997"),
            ("label", 8, 1, "Press Release"),
            ("symbol", 9, 1, "GA/SPD/140"),
            (
                "headline",
                12,
                1,
                "FOURTH COMMITTEE CALLS FOR END TO ISRAEL",
            ),
            ("deck", 14, 10, "Committee Texts Adopted by Assembly Also"),
            (
                "paragraph",
                16,
                1,
                "The General Assembly took action today o",
            ),
        ],
        kind: Some(("press-release", true)),
        findings: &[("headline/mismatch", 12, 1)],
    },
    Page {
        file: "en-deck-glued-to-paragraph.txt",
        pack: "un-en",
        outline: &[
            ("session", 1, 1, "Seventy-fifth Session"),
            ("meeting", 2, 1, "52nd Meeting"),
            ("time", 2, 15, "AM"),
            ("symbol", 3, 1, "GA/12999"),
            ("headline", 5, 1, "General Assembly Proclaims International"),
            ("deck", 6, 1, "Zone of Peace Text Adopted; In Other Act"),
            (
                "paragraph",
                7,
                1,
                "The General Assembly today proclaimed 22",
            ),
        ],
        kind: None,
        findings: &[],
    },
    Page {
        file: "en-kicker-round-up.txt",
        pack: "un-en",
        outline: &[
            ("kicker", 3, 1, "2019 Round-Up"),
            ("symbol", 4, 1, "SC/14999"),
            ("headline", 6, 1, "Security Council Meets in Record Number "),
            (
                "paragraph",
                8,
                1,
                "The Security Council held 260 public mee",
            ),
        ],
        kind: None,
        findings: &[],
    },
    Page {
        file: "en-labels-glued.txt",
        pack: "un-en",
        outline: &[
            ("label", 1, 1, "NOTE 6123"),
            ("date line", 2, 1, "19 July 2010"),
            ("label", 5, 1, "Press Release"),
            ("label", 5, 14, "Note No. 6123*"),
            ("label", 7, 1, "Note to Correspondents"),
            ("headline", 9, 1, "ACCREDITATION FOR HIGH-LEVEL WATER FORUM"),
            (
                "paragraph",
                11,
                1,
                "Media wishing to cover the forum must be",
            ),
        ],
        kind: Some(("note-to-correspondents", false)),
        findings: &[],
    },
    Page {
        file: "en-lone-cr.txt",
        pack: "un-en",
        outline: &[
            ("symbol", 1, 1, "SG/SM/13999"),
            ("date line", 2, 1, "19 July 2010"),
            ("headline", 4, 1, "Secretary-General Welcomes Water Accord"),
            (
                "paragraph",
                6,
                1,
                "The Secretary-General welcomes the accor",
            ),
        ],
        kind: None,
        findings: &[],
    },
    Page {
        file: "en-meeting-header-body.txt",
        pack: "un-en",
        outline: &[
            ("symbol", 3, 1, "GA/PAL/1402"),
            ("headline", 5, 1, "COMMITTEE ON PALESTINIAN RIGHTS APPROVES"),
            ("date line", 7, 1, "14 March 2016"),
            ("category", 8, 1, "General Assembly"),
            ("symbol", 8, 17, "GA/PAL/1402"),
            ("masthead", 9, 1, "Department of Public Information • News "),
            (
                "meeting-body",
                11,
                1,
                "Committee on the Exercise of the Inalien",
            ),
            ("meeting", 13, 1, "377th Meeting"),
            ("time", 13, 16, "AM"),
            (
                "headline",
                15,
                1,
                "COMMITTEE ON PALESTINIAN RIGHTS APPROVES",
            ),
            ("deck", 18, 1, "Bureau Also Reports on Mission to Amman"),
            (
                "paragraph",
                20,
                1,
                "The Committee on the Exercise of the Ina",
            ),
        ],
        kind: None,
        findings: &[],
    },
    Page {
        file: "en-noon-briefing.txt",
        pack: "un-en",
        outline: &[
            ("headline", 3, 1, "Daily Press Briefing by the Office of th"),
            ("intro", 4, 1, "The following is a near-verbatim transcr"),
            (
                "paragraph",
                6,
                1,
                "Good afternoon. The Secretary-General is",
            ),
        ],
        kind: Some(("press-briefing", false)),
        findings: &[],
    },
    Page {
        file: "en-press-conference.txt",
        pack: "un-en",
        outline: &[
            ("date line", 1, 1, "29 June 2012"),
            ("headline", 3, 1, "Press Conference by Economic and Social "),
            ("label", 5, 1, "Press Conference"),
            ("masthead", 6, 1, "Department of Public Information • News "),
            ("headline", 8, 1, "Press Conference by Economic and Social "),
            (
                "paragraph",
                10,
                1,
                "The President of the Economic and Social",
            ),
        ],
        kind: Some(("press-conference", false)),
        findings: &[],
    },
    Page {
        file: "en-session-committee-meeting.txt",
        pack: "un-en",
        outline: &[
            ("session", 1, 1, "Sixty-third General Assembly"),
            ("meeting", 3, 1, "21st Meeting"),
            ("time", 3, 15, "PM"),
            ("symbol", 4, 1, "GA/EF/3999"),
            ("date line", 5, 1, "20 October 2008"),
            ("headline", 7, 1, "Second Committee Hears Call to Close Gap"),
            ("deck", 9, 1, "Speakers Urge Partnerships with Private "),
            (
                "paragraph",
                11,
                1,
                "The Second Committee (Economic and Finan",
            ),
        ],
        kind: None,
        findings: &[],
    },
    Page {
        file: "en-symbol-inside-label-line.txt",
        pack: "un-en",
        outline: &[
            ("symbol", 1, 1, "HR/CT/7028-AFG/412"),
            ("headline", 2, 1, "HUMAN RIGHTS COMMITTEE REVIEWS REPORT OF"),
            ("date line", 3, 1, "16/07/2004"),
            ("label", 4, 1, "Press Release"),
            ("symbol", 4, 15, "HR/CT/7028-AFG/412"),
            ("headline", 5, 1, "HUMAN RIGHTS COMMITTEE REVIEWS REPORT OF"),
            (
                "paragraph",
                7,
                1,
                "The Human Rights Committee this morning ",
            ),
        ],
        kind: Some(("press-release", true)),
        findings: &[("dateline/numeric", 3, 1)],
    },
    Page {
        file: "en-wrap-over-blank-line.txt",
        pack: "un-en",
        outline: &[
            ("symbol", 1, 1, "SG/SM/6444"),
            ("headline", 3, 1, "SECRETARY-GENERAL CALLS FOR RESTRAINT IN"),
            ("date line", 5, 1, "19980112"),
            ("label", 8, 1, "Press Release"),
            ("symbol", 9, 1, "SG/SM/6444"),
            (
                "headline",
                12,
                1,
                "SECRETARY-GENERAL CALLS FOR RESTRAINT IN",
            ),
            ("intro", 16, 1, "The following statement was issued today"),
            (
                "paragraph",
                18,
                1,
                "The Secretary-General is following close",
            ),
        ],
        kind: Some(("press-release", true)),
        findings: &[("dateline/numeric", 5, 1)],
    },
    Page {
        file: "fr-communique-de-base.txt",
        pack: "un-fr",
        outline: &[
            ("label", 1, 1, "COMMUNIQUE DE BASE"),
            ("symbol", 1, 20, "ECOSOC/2885"),
            ("headline", 3, 1, "LE CONSEIL ÉCONOMIQUE ET SOCIAL OUVRE SA"),
            ("date line", 5, 1, "20 juin 1996"),
            ("headline", 7, 1, "LE CONSEIL ÉCONOMIQUE ET SOCIAL OUVRE SA"),
            (
                "paragraph",
                11,
                1,
                "Le Conseil économique et social ouvrira ",
            ),
        ],
        kind: Some(("press-release", true)),
        findings: &[],
    },
    Page {
        file: "fr-conference-de-presse.txt",
        pack: "un-fr",
        outline: &[
            ("headline", 3, 1, "CONFÉRENCE DE PRESSE DU PRÉSIDENT DU CON"),
            ("date line", 5, 4, "6 janvier 2003"),
            ("label", 7, 1, "Conférence de presse"),
            ("headline", 9, 1, "CONFÉRENCE DE PRESSE DU PRÉSIDENT DU CON"),
            (
                "paragraph",
                13,
                1,
                "Le Président du Conseil de sécurité a pr",
            ),
        ],
        kind: Some(("press-conference", false)),
        findings: &[],
    },
    Page {
        file: "fr-deck-and-body-lines.txt",
        pack: "un-fr",
        outline: &[
            ("symbol", 1, 1, "AG/PAL/1099"),
            ("headline", 3, 1, "LE COMITÉ DES DROITS DU PEUPLE PALESTINI"),
            ("date line", 5, 1, "07/12/2005"),
            ("category", 6, 1, "Assemblée générale"),
            ("symbol", 6, 19, "AG/PAL/1099"),
            ("masthead", 7, 1, "Département de l’information • Service d"),
            (
                "meeting-body",
                9,
                1,
                "Comité pour l’exercice des droits inalié",
            ),
            ("meeting", 13, 1, "291e séance"),
            ("time", 13, 15, "après-midi"),
            (
                "headline",
                16,
                1,
                "LE COMITÉ DES DROITS DU PEUPLE PALESTINI",
            ),
            ("deck", 18, 1, "Le Bureau rend compte de sa mission à Am"),
            (
                "paragraph",
                20,
                1,
                "Le Comité pour l’exercice des droits ina",
            ),
        ],
        kind: None,
        findings: &[("dateline/numeric", 5, 1)],
    },
    Page {
        file: "fr-labels-glued.txt",
        pack: "un-fr",
        outline: &[
            ("label", 1, 1, "Communiqué de presse"),
            ("label", 1, 21, "Point de presse"),
            ("headline", 3, 1, "POINT DE PRESSE QUOTIDIEN DU BUREAU DU P"),
            ("date line", 5, 1, "26/08/2010"),
            ("note", 7, 1, "(La version française du Point de presse"),
            (
                "paragraph",
                9,
                1,
                "Le Secrétaire général se trouve aujourd’",
            ),
        ],
        kind: Some(("press-briefing", false)),
        findings: &[("dateline/numeric", 5, 1)],
    },
    Page {
        file: "fr-meeting-seance.txt",
        pack: "un-fr",
        outline: &[
            ("meeting-body", 3, 1, "Conseil de sécurité"),
            ("meeting", 4, 1, "4811e séance"),
            ("time", 4, 16, "soir"),
            ("symbol", 5, 1, "CS/8999"),
            ("headline", 7, 1, "Le Conseil de sécurité proroge d’un an l"),
            (
                "paragraph",
                9,
                1,
                "Le Conseil de sécurité a prorogé ce soir",
            ),
        ],
        kind: None,
        findings: &[],
    },
    Page {
        file: "fr-2009-debat-thematique.txt",
        pack: "un-fr",
        // The event's name and the time of day on lines of their own belong to the meeting
        // header (2009 pages), not to the headline copy below it.
        outline: &[
            ("symbol", 1, 1, "AG/10999"),
            ("headline", 3, 1, "L’Assemblée générale débat de l’accès à "),
            ("date line", 5, 1, "18/03/2009"),
            ("category", 6, 1, "Assemblée générale"),
            ("symbol", 6, 19, "AG/10999"),
            ("masthead", 7, 1, "Département de l’information • Service d"),
            ("meeting-body", 9, 1, "Assemblée générale"),
            ("session", 11, 1, "Soixante-troisième session"),
            (
                "headline",
                18,
                1,
                "L’ASSEMBLÉE GÉNÉRALE DÉBAT DE L’ACCÈS À ",
            ),
            (
                "paragraph",
                21,
                1,
                "L’Assemblée générale a tenu aujourd’hui ",
            ),
        ],
        kind: None,
        findings: &[("dateline/numeric", 5, 1)],
    },
    Page {
        file: "fr-2009-seance-collee.txt",
        pack: "un-fr",
        // The scrape glued the meeting number to `séance`.
        outline: &[
            ("symbol", 1, 1, "CPSD/999"),
            ("headline", 3, 1, "La Quatrième Commission examine les ques"),
            ("date line", 5, 1, "21/10/2009"),
            ("category", 6, 1, "Assemblée générale"),
            ("symbol", 6, 19, "CPSD/999"),
            ("masthead", 7, 1, "Département de l’information • Service d"),
            ("session", 9, 1, "Quatrième Commission"),
            ("meeting", 13, 1, "13eséance"),
            ("time", 13, 13, "après-midi"),
            (
                "headline",
                16,
                1,
                "LA QUATRIÈME COMMISSION EXAMINE LES QUES",
            ),
            (
                "paragraph",
                19,
                1,
                "La Quatrième Commission a entamé cet apr",
            ),
        ],
        kind: None,
        findings: &[("dateline/numeric", 5, 1)],
    },
];

#[test]
fn every_layout_class_reads_right() {
    for page in PAGES {
        check(page);
    }
}

#[test]
fn parse_prints_the_layout_elements_with_their_spans() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layout/en-meeting-header-body.txt");
    let out = assert_cmd::Command::cargo_bin("presslint")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["parse"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let release: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let slice = |v: &serde_json::Value| {
        let (start, end) = (v["span"]["start"].as_u64(), v["span"]["end"].as_u64());
        match (start, end) {
            (Some(s), Some(e)) => text[s as usize..e as usize].to_owned(),
            _ => panic!("no span in {v}"),
        }
    };
    let meeting = &release["meeting"];
    assert_eq!(
        slice(&meeting["body"]),
        "Committee on the Exercise of the Inalienable Rights\nof the Palestinian People"
    );
    assert_eq!(slice(&meeting["meeting"]), "377th Meeting");
    assert_eq!(slice(&meeting["time"]), "AM");
    assert_eq!(meeting["lines"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        slice(&release["decks"][0]),
        "Bureau Also Reports on Mission to Amman"
    );
    assert_eq!(release["headlines"].as_array().map(Vec::len), Some(2));
    assert_eq!(release["kind"], serde_json::Value::Null);
}

#[test]
fn the_french_banner_is_site_noise_like_the_english_one() {
    for pack in ["un-fr", "un-en"] {
        let pack = Pack::embedded(pack).unwrap_or_else(|e| panic!("{e}"));
        let source = read("fr-meeting-seance.txt");
        let engine = Engine::new(pack).unwrap_or_else(|e| panic!("{e}"));
        let noise: Vec<(String, usize, usize, String)> = engine
            .lint(&source)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .filter(|d| d.rule == "page/site-noise")
            .map(|d| {
                let p = source.position(d.span.start);
                (d.rule, p.line, p.column, source.slice(d.span).to_owned())
            })
            .collect();
        assert_eq!(
            noise,
            vec![(
                "page/site-noise".to_owned(),
                1,
                1,
                "En cours au Siège de l'ONU".to_owned()
            )]
        );
    }
}
