//! A deterministic corpus of invented UN-style press releases with planted defects.
//!
//! Included by `#[path]` from `examples/corpus.rs` (writes a corpus to disk), `benches/corpus.rs`
//! (lints it in memory) and `tests/corpus_manifest.rs` (checks presslint finds every planted
//! defect), so all three see the same texts. Every text is invented in the house format of
//! `../shared/design/UN-STYLE.md`: real conventions (symbols, date lines, meeting headers, end
//! marker, disclaimer) across eras 1995-2025 and both languages, invented words.
//!
//! Determinism: one `fastrand::Rng` seeded from `(seed, index)` per release, so release `i` is
//! the same whatever `N` is, and the same seed gives identical bytes (fastrand is pinned by
//! Cargo.lock).

#![allow(dead_code)] // each including target uses a different part

use std::fmt::Write as _;

use fastrand::Rng;
use jiff::civil::Date;
use presslint::dates::{
    ENGLISH_MONTHS as MONTHS, ENGLISH_WEEKDAYS as WEEKDAYS, FRENCH_MONTHS as MOIS,
};
use serde::Serialize;

/// How often defects are planted: the same densities for the corpus and the big file.
#[derive(Clone, Copy, Debug)]
pub struct Rates {
    /// Probability that a body paragraph carries one planted defect sentence.
    pub paragraph: f64,
    /// Probability that a release carries one planted header or footer defect.
    pub release: f64,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            paragraph: 0.08,
            release: 0.3,
        }
    }
}

/// A defect written into a release on purpose, with the rule presslint should report for it
/// (`None`: no presslint rule covers it yet; kept so the gap stays visible).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Defect {
    pub kind: &'static str,
    pub rule: Option<&'static str>,
    pub line: usize,
}

/// A finding a genuine release of its era rightly gets (an old numeric date line): not a
/// planted defect, but not a false alarm either.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Expected {
    pub rule: &'static str,
    pub line: usize,
}

/// One generated release and its manifest entry.
#[derive(Clone, Debug, Serialize)]
pub struct Release {
    /// Path relative to the corpus directory: `en/00042.txt` or `fr/00042.txt`.
    pub file: String,
    pub language: &'static str,
    /// The pack to check it with.
    pub pack: &'static str,
    pub year: i16,
    pub era: &'static str,
    pub series: String,
    pub layout: &'static str,
    pub bytes: usize,
    pub defects: Vec<Defect>,
    pub expected: Vec<Expected>,
    #[serde(skip)]
    pub text: String,
}

/// Release `index` of the corpus for `seed`.
pub fn release(seed: u64, index: usize, rates: Rates) -> Release {
    let mut rng = Rng::with_seed(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let french = rng.f64() < 0.15;
    let year = rng.i16(1995..=2025);
    let target = target_size(&mut rng);
    let mut page = Page::default();
    let meta = if french {
        french_release(&mut rng, &mut page, year, target, rates)
    } else {
        english_release(&mut rng, &mut page, year, target, rates)
    };
    let dir = if french { "fr" } else { "en" };
    let text = page.text();
    Release {
        file: format!("{dir}/{index:06}.txt"),
        language: if french { "fr" } else { "en" },
        pack: if french { "un-fr" } else { "un-en" },
        year,
        era: era(year),
        series: meta.series,
        layout: meta.layout,
        bytes: text.len(),
        defects: page.defects,
        expected: page.expected,
        text,
    }
}

/// One English release of about `target_bytes` (a giant body of plausible paragraphs), with body
/// defects at the same per-paragraph density as the corpus; for the big-file benchmark.
pub fn big_release(seed: u64, target_bytes: usize, rates: Rates) -> Release {
    let mut rng = Rng::with_seed(seed ^ 0xB16_F11E);
    let mut page = Page::default();
    let year = 2012;
    let day = Day::random(&mut rng, year);
    page.push("SG/SM/14999".to_owned());
    page.push(day.english());
    page.blank();
    page.push(
        "Secretary-General, Opening Archive Review, Lists Decades of Work on Water and Peace"
            .to_owned(),
    );
    page.blank();
    page.push(format!("Following is UN Secretary-General Ban Ki-moon's report to the review, delivered in New York on {}:", day.english_short()));
    page.blank();
    english_body(&mut rng, &mut page, day, target_bytes, rates);
    footer_english(&mut page, false);
    let text = page.text();
    Release {
        file: "big.txt".to_owned(),
        language: "en",
        pack: "un-en",
        year,
        era: era(year),
        series: "SG/SM".to_owned(),
        layout: "statement",
        bytes: text.len(),
        defects: page.defects,
        expected: page.expected,
        text,
    }
}

/// Release sizes: 2-30 KB, median about 8 KB (a log-normal shape, like real releases: many
/// short statements, a long tail of meeting coverage).
fn target_size(rng: &mut Rng) -> usize {
    let normal = (0..4).map(|_| rng.f64()).sum::<f64>() - 2.0; // mean 0, sd ~0.58
    let kb = 8.0 * (normal * 1.1).exp();
    (kb.clamp(2.0, 30.0) * 1000.0) as usize
}

fn era(year: i16) -> &'static str {
    match year {
        ..=2000 => "1995-2000",
        2001..=2005 => "2001-2005",
        2006..=2013 => "2006-2013",
        _ => "2014-2025",
    }
}

/// The lines of a release being written, with the defects planted on them.
#[derive(Default)]
struct Page {
    lines: Vec<String>,
    defects: Vec<Defect>,
    expected: Vec<Expected>,
}

impl Page {
    /// Appends a line; returns its 1-based number.
    fn push(&mut self, line: String) -> usize {
        self.lines.push(line);
        self.lines.len()
    }
    fn blank(&mut self) {
        self.lines.push(String::new());
    }
    fn plant(&mut self, kind: &'static str, rule: Option<&'static str>, line: usize) {
        self.defects.push(Defect { kind, rule, line });
    }
    fn expect(&mut self, rule: &'static str, line: usize) {
        self.expected.push(Expected { rule, line });
    }
    fn bytes(&self) -> usize {
        self.lines.iter().map(|l| l.len() + 1).sum()
    }
    fn text(&self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// What the manifest says about a release's shape.
struct Meta {
    series: String,
    layout: &'static str,
}

/// A calendar day with its names.
#[derive(Clone, Copy)]
struct Day(Date);

const JOURS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

impl Day {
    fn random(rng: &mut Rng, year: i16) -> Day {
        let month = rng.i8(1..=12);
        let first = Date::new(year, month, 1).expect("valid month");
        let day = rng.i8(1..=first.days_in_month());
        Day(Date::new(year, month, day).expect("valid day"))
    }
    /// A later day of the same year, for events in the body.
    fn later(self, rng: &mut Rng) -> Day {
        let span = jiff::Span::new().days(rng.i64(1..=40));
        let d = self.0.checked_add(span).unwrap_or(self.0);
        Day(if d.year() == self.0.year() { d } else { self.0 })
    }
    fn month(self) -> usize {
        self.0.month() as usize - 1
    }
    fn weekday(self) -> usize {
        self.0.weekday().to_monday_zero_offset() as usize
    }
    fn english(self) -> String {
        format!(
            "{} {} {}",
            self.0.day(),
            MONTHS[self.month()],
            self.0.year()
        )
    }
    fn english_short(self) -> String {
        format!("{} {}", self.0.day(), MONTHS[self.month()])
    }
    fn us(self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month()],
            self.0.day(),
            self.0.year()
        )
    }
    fn stamp(self) -> String {
        format!(
            "{:04}{:02}{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
    fn numeric(self) -> String {
        format!(
            "{:02}/{:02}/{:04}",
            self.0.day(),
            self.0.month(),
            self.0.year()
        )
    }
    fn french(self) -> String {
        format!(
            "{} {} {}",
            self.french_day(),
            MOIS[self.month()],
            self.0.year()
        )
    }
    fn french_day(self) -> String {
        if self.0.day() == 1 {
            "1er".to_owned()
        } else {
            self.0.day().to_string()
        }
    }
}

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

/// A series number that grows with the years, as real ones do (SG/SM was 5766 in 1995 and
/// 22593 in 2025).
fn number(rng: &mut Rng, year: i16, from: u32, to: u32) -> u32 {
    let t = f64::from(year - 1995) / 30.0;
    let base = f64::from(from) + t * f64::from(to - from);
    (base as u32 + rng.u32(0..150)).max(1)
}

/// A document number of an English (even) or French (odd) release: the two languages of the
/// corpus are separate releases, and an English and a French release with the same symbol
/// would be two editions of one release (which `pair/` compares).
fn symbol_number(rng: &mut Rng, year: i16, from: u32, to: u32, french: bool) -> u32 {
    let n = number(rng, year, from, to);
    if french {
        n | 1
    } else {
        (n & !1).max(2)
    }
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `Fiftieth`, `Sixty-third`: the General Assembly session of a year.
fn session_words(year: i16) -> String {
    let n = (year - 1945).clamp(50, 80) as usize;
    let tens = ["Fifty", "Sixty", "Seventy", "Eighty"];
    let tenths = ["Fiftieth", "Sixtieth", "Seventieth", "Eightieth"];
    let units = [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    if n % 10 == 0 {
        tenths[n / 10 - 5].to_owned()
    } else {
        format!("{}-{}", tens[n / 10 - 5], units[n % 10])
    }
}

/// The Secretary-General in office in a year.
fn secretary_general(year: i16) -> &'static str {
    match year {
        ..=1996 => "Boutros Boutros-Ghali",
        1997..=2006 => "Kofi Annan",
        2007..=2016 => "Ban Ki-moon",
        _ => "António Guterres",
    }
}

// ---------------------------------------------------------------------------------------------
// English

const COUNTRIES: &[&str] = &[
    "Chad", "Nigeria", "Peru", "Fiji", "Norway", "Kenya", "Chile", "Nepal", "Ghana", "Mongolia",
    "Bolivia", "Jordan", "Senegal", "Viet Nam", "Canada", "Samoa", "Iceland", "Malawi", "Tunisia",
    "Uruguay", "Bhutan", "Namibia", "Ecuador", "Finland", "Zambia", "Mali", "Lebanon", "Cameroon",
];
const CITIES: &[&str] = &[
    "Geneva",
    "Nairobi",
    "Vienna",
    "Bangkok",
    "Addis Ababa",
    "Santiago",
    "Beirut",
    "Dakar",
    "New York",
    "Almaty",
    "Suva",
    "Panama City",
];
const TOPICS: &[&str] = &[
    "water cooperation",
    "road safety",
    "the protection of civilians",
    "food security",
    "maternal health",
    "disaster risk reduction",
    "mine action",
    "refugee protection",
    "sustainable energy",
    "rural broadband access",
    "the rule of law",
    "coastal wetlands",
    "youth employment",
    "desertification",
    "financing for development",
    "the rights of the child",
];
const SURNAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreno",
    "Tanaka",
    "Mensah",
    "Kovalenko",
    "Ferreira",
    "Nkosi",
    "Rahimi",
    "Castillo",
    "Brennan",
    "Sato",
    "Abdi",
];
const HEAD_SUBJECTS: &[&str] = &[
    "Secretary-General",
    "Security Council",
    "General Assembly",
    "Second Committee",
    "Economic and Social Council",
    "Human Rights Commission",
    "Deputy Secretary-General",
];
const HEAD_VERBS: &[&str] = &[
    "Welcomes",
    "Urges",
    "Calls for",
    "Commends",
    "Extends",
    "Adopts",
    "Hears",
    "Condemns",
    "Opens",
    "Reviews",
];
const HEAD_OBJECTS: &[&str] = &[
    "Agreement on Water Sharing",
    "Stronger Action on Road Safety",
    "Mandate of Observer Mission",
    "Resolution on Food Security",
    "Debate on Mine Action",
    "Partnership for Rural Broadband",
    "Plan to Protect Coastal Wetlands",
    "Report on Refugee Protection",
    "Ceasefire Accord",
    "Annual Session",
    "Progress on Maternal Health",
];

/// Sentences of running text; `{c}` a country, `{t}` a topic, `{p}` a place, `{s}` a surname,
/// `{n}` a figure, `{d}` a day and month.
const SENTENCES: &[&str] = &[
    "The representative of {c} said that progress on {t} depended on the political will of all Member States.",
    "Speakers stressed that {t} could not be separated from the broader agenda of peace and development.",
    "The Secretary-General commends the Governments of the region for their commitment to dialogue on {t}.",
    "He reiterates that the United Nations stands ready to assist, including through its regional office in {p}.",
    "The delegate of {c} welcomed the report and asked how its recommendations would be financed.",
    "Some {n} delegations took the floor during the debate, which continued into the afternoon.",
    "Mr. {s}, speaking on behalf of the regional group, said that the draft text reflected a careful balance.",
    "Ms. {s} told the Committee that her country had doubled its contribution to the trust fund on {t}.",
    "The Council also requested a report on the implementation of the resolution by {d}.",
    "The forum, held in {p} on {d}, brought together ministers, experts and representatives of civil society.",
    "According to the report, more than {n} million people in the region lacked reliable access to clean water.",
    "The speaker from {c} called for a stronger focus on {t} in the work of the Organization.",
    "Delegates noted that the programme of work for the session would be adopted at the next meeting.",
    "The representative of {c} recognized the efforts of the Secretariat and of the host Government.",
    "In the ensuing discussion, several speakers asked for more detail on the costs of the proposal.",
    "She said that the Organization must set an example, and that partnerships with the private sector were essential.",
    "Under the terms of the resolution, the mission will continue to support the national authorities.",
    "The Committee will meet again at 10 a.m. on {d} to continue its consideration of {t}.",
    "The text was adopted by a recorded vote of {n} in favour to 3 against, with 12 abstentions.",
    "Also speaking were the representatives of {c}, {c2} and {c3}.",
];

/// An English release: era-appropriate header, body of `target` bytes, footer.
fn english_release(rng: &mut Rng, page: &mut Page, year: i16, target: usize, rates: Rates) -> Meta {
    let day = Day::random(rng, year);
    let layout = pick(
        rng,
        &[
            "statement",
            "statement",
            "statement",
            "meeting",
            "meeting",
            "geneva",
            "note",
        ],
    );
    let old = year <= 2000;
    // The header defect (at most one per release) is drawn once, then placed where it fits.
    let header_defect = if rng.f64() < rates.release {
        Some(pick(
            rng,
            &[
                "symbol-lowercase",
                "symbol-en-dash",
                "dateline-us-order",
                "end-marker-stars",
                "disclaimer-missing",
                "disclaimer-case",
            ],
        ))
    } else {
        None
    };
    let (series, symbol) = match layout {
        "meeting" => meeting_series(rng, year),
        "geneva" => (
            "HR".to_owned(),
            format!("HR/{}", symbol_number(rng, year, 4200, 5500, false)),
        ),
        "note" => (String::new(), String::new()),
        _ => {
            let n = symbol_number(rng, year, 5766, 22593, false);
            if year >= 2001 && rng.f64() < 0.35 {
                let obv = number(rng, year, 500, 2300);
                ("SG/SM".to_owned(), format!("SG/SM/{n}-OBV/{obv}"))
            } else {
                ("SG/SM".to_owned(), format!("SG/SM/{n}"))
            }
        }
    };

    // Header: label, meeting block, symbol, date line, in the order of the era.
    if layout == "note" {
        page.push("Note to Correspondents".to_owned());
        page.push(format!("Note No. {}", number(rng, year, 5000, 6500)));
    } else {
        if layout == "meeting" && year >= 2014 {
            meeting_block(rng, page, year, &series);
        }
        if old && header_defect.is_none() && rng.bool() {
            // The label glued to the symbol on one line, as on 1990s pages.
            page.push(format!("Press Release {symbol}"));
        } else {
            if old || (year <= 2005 && rng.bool()) {
                page.push("Press Release".to_owned());
            }
            push_symbol(rng, page, &symbol, header_defect, year);
        }
    }
    // Date line: 8-digit stamp (1995-2000), day/month/year (2001-2005), long form after.
    let mut glued_stamp = None;
    if header_defect == Some("dateline-us-order") {
        let line = page.push(day.us());
        page.plant("dateline-us-order", Some("dateline/malformed"), line);
    } else if old {
        if rng.f64() < 0.3 {
            glued_stamp = Some(day.stamp());
        } else {
            let line = page.push(day.stamp());
            page.expect("dateline/numeric", line);
        }
    } else if year <= 2005 {
        let line = page.push(day.numeric());
        page.expect("dateline/numeric", line);
    } else {
        page.push(day.english());
    }
    if layout == "meeting" && year < 2014 && year > 2005 {
        page.blank();
        meeting_block(rng, page, year, &series);
    }
    page.blank();
    if old {
        page.blank();
    }
    let headline = english_headline(rng, layout);
    page.push(if old {
        headline.to_uppercase()
    } else {
        headline
    });
    page.blank();

    // Intro.
    let intro = match layout {
        "geneva" => format!(
            "GENEVA, {} (UN Information Service) -- The Commission on Human Rights this morning continued its debate on {}, hearing statements from {} speakers.",
            day.english_short(),
            pick(rng, TOPICS),
            rng.u32(8..40)
        ),
        "meeting" => format!(
            "The {} this morning took up {}, hearing a briefing by the Under-Secretary-General and statements by {} delegations.",
            match series.as_str() {
                "SC" => "Security Council",
                "ECOSOC" => "Economic and Social Council",
                "GA" => "General Assembly",
                _ => "Second Committee",
            },
            pick(rng, TOPICS),
            rng.u32(8..40)
        ),
        "note" => {
            // A weekday next to a date: it must match the calendar.
            let when = day.later(rng);
            format!(
                "Media wishing to cover the forum on {} must be accredited by {}, {}.",
                pick(rng, TOPICS),
                WEEKDAYS[when.weekday()],
                when.english_short()
            )
        }
        _ => format!(
            "Following is UN Secretary-General {}'s message to the forum on {}, held in {} on {}:",
            secretary_general(year),
            pick(rng, TOPICS),
            pick(rng, CITIES),
            day.english_short()
        ),
    };
    match glued_stamp {
        Some(stamp) => {
            let line = page.push(format!("{stamp}{intro}"));
            page.expect("dateline/numeric", line);
        }
        None => {
            page.push(intro);
        }
    }
    page.blank();
    let remaining = target.saturating_sub(page.bytes() + 80);
    english_body(rng, page, day, remaining, rates);
    let bullet = year >= 2014 && rng.f64() < 0.2;
    footer_english(page, bullet);
    apply_footer_defect(page, header_defect, false);
    Meta { series, layout }
}

/// Series and symbol of a meeting-coverage release.
fn meeting_series(rng: &mut Rng, year: i16) -> (String, String) {
    match rng.u8(0..5) {
        0 | 1 => (
            "SC".to_owned(),
            format!("SC/{}", symbol_number(rng, year, 6000, 16000, false)),
        ),
        2 => (
            "GA/EF".to_owned(),
            format!("GA/EF/{}", symbol_number(rng, year, 2700, 3650, false)),
        ),
        3 => (
            "GA".to_owned(),
            format!("GA/{}", symbol_number(rng, year, 8900, 12700, false)),
        ),
        _ => (
            "ECOSOC".to_owned(),
            format!("ECOSOC/{}", symbol_number(rng, year, 5600, 7200, false)),
        ),
    }
}

/// `Security Council` / `8123rd Meeting (AM)`, or the session, committee and meeting lines.
fn meeting_block(rng: &mut Rng, page: &mut Page, year: i16, series: &str) {
    let time = pick(rng, &["AM", "PM", "AM & PM"]);
    match series {
        "SC" => {
            let n = number(rng, year, 3500, 10000);
            page.push("Security Council".to_owned());
            page.push(format!("{n}{} Meeting ({time})", ordinal_suffix(n)));
        }
        "GA/EF" => {
            let n = rng.u32(1..40);
            page.push(format!("{} General Assembly", session_words(year)));
            page.push("Second Committee".to_owned());
            page.push(format!("{n}{} Meeting ({time})", ordinal_suffix(n)));
        }
        "GA" => {
            let n = rng.u32(1..110);
            page.push("General Assembly".to_owned());
            page.push(format!("{n}{} Plenary Meeting ({time})", ordinal_suffix(n)));
        }
        _ => {
            let n = rng.u32(1..60);
            page.push("Economic and Social Council".to_owned());
            page.push(format!("{n}{} Meeting ({time})", ordinal_suffix(n)));
        }
    }
}

/// The symbol line, stacked (one component per line) on some 2001-2016 pages, or damaged.
fn push_symbol(rng: &mut Rng, page: &mut Page, symbol: &str, defect: Option<&str>, year: i16) {
    match defect {
        Some("symbol-lowercase") => {
            let line = page.push(symbol.to_lowercase());
            page.plant("symbol-lowercase", Some("symbol/malformed"), line);
        }
        Some("symbol-en-dash") if symbol.contains('-') => {
            let line = page.push(symbol.replace('-', "\u{2013}"));
            page.plant("symbol-en-dash", Some("symbol/malformed"), line);
        }
        Some("symbol-en-dash") => {
            let line = page.push(format!("{symbol}\u{2013}OBV/{}", rng.u32(500..2300)));
            page.plant("symbol-en-dash", Some("symbol/malformed"), line);
        }
        _ if symbol.contains('-') && (2001..=2016).contains(&year) && rng.bool() => {
            for part in symbol.split('-') {
                page.push(part.to_owned());
            }
        }
        _ => {
            page.push(symbol.to_owned());
        }
    }
}

fn english_headline(rng: &mut Rng, layout: &str) -> String {
    match layout {
        "note" => format!(
            "Accreditation Open for Forum on {}",
            pick(
                rng,
                &[
                    "Water Cooperation",
                    "Road Safety",
                    "Food Security",
                    "Mine Action"
                ]
            )
        ),
        "geneva" => format!(
            "Commission on Human Rights Continues Debate on {}",
            pick(
                rng,
                &[
                    "Refugee Protection",
                    "the Rights of the Child",
                    "the Rule of Law"
                ]
            )
        ),
        _ => {
            let subject = pick(rng, HEAD_SUBJECTS);
            let verb = pick(rng, HEAD_VERBS);
            let object = pick(rng, HEAD_OBJECTS);
            let place = pick(
                rng,
                &[
                    "Lake Chad Basin",
                    "Sahel",
                    "Pacific",
                    "Andean Region",
                    "Great Lakes Region",
                ],
            );
            format!("{subject} {verb} {object} in {place}")
        }
    }
}

/// Body paragraphs until `target` bytes, each carrying a defect sentence with probability
/// `rates.paragraph`.
fn english_body(rng: &mut Rng, page: &mut Page, day: Day, target: usize, rates: Rates) {
    let start = page.bytes();
    let mut paragraphs = 0;
    // At least two paragraphs: the shortest releases are a few sentences.
    while paragraphs < 2 || page.bytes() - start < target {
        let mut paragraph = String::new();
        for _ in 0..rng.usize(2..6) {
            if !paragraph.is_empty() {
                paragraph.push_str(if rng.bool() { "  " } else { " " });
            }
            let sentence = pick(rng, SENTENCES);
            paragraph.push_str(&fill(rng, sentence, day));
        }
        let line = page.lines.len() + 1;
        if rng.f64() < rates.paragraph {
            let (kind, rule, sentence) = english_defect(rng, day);
            paragraph.push(' ');
            paragraph.push_str(&sentence);
            page.plant(kind, rule, line);
        } else if rng.f64() < 0.05 {
            // A correct weekday and date: the weekday rule must stay quiet on it.
            let when = day.later(rng);
            let _ = write!(
                paragraph,
                " The next meeting is scheduled for {}, {}.",
                WEEKDAYS[when.weekday()],
                when.english_short()
            );
        }
        page.push(paragraph);
        page.blank();
        paragraphs += 1;
    }
}

fn fill(rng: &mut Rng, sentence: &str, day: Day) -> String {
    let mut out = sentence.to_owned();
    for (slot, list) in [
        ("{c3}", COUNTRIES),
        ("{c2}", COUNTRIES),
        ("{c}", COUNTRIES),
        ("{t}", TOPICS),
        ("{p}", CITIES),
        ("{s}", SURNAMES),
    ] {
        while out.contains(slot) {
            out = out.replacen(slot, pick(rng, list), 1);
        }
    }
    if out.contains("{n}") {
        out = out.replace("{n}", &rng.u32(20..150).to_string());
    }
    if out.contains("{d}") {
        out = out.replace("{d}", &day.later(rng).english_short());
    }
    out
}

/// A sentence carrying one planted defect, with its kind and the rule that should report it.
fn english_defect(rng: &mut Rng, day: Day) -> (&'static str, Option<&'static str>, String) {
    let when = day.later(rng);
    match rng.u8(0..6) {
        0 => (
            "us-order-date",
            Some("date/us-order"),
            format!(
                "The talks are expected to resume on {} in {}.",
                when.us(),
                pick(rng, CITIES)
            ),
        ),
        1 => (
            "secretary-general-hyphen",
            Some("wording/secretary-general"),
            format!(
                "The Secretary General {} the efforts of {}.",
                pick(rng, &["welcomed", "praised", "noted"]),
                pick(rng, COUNTRIES)
            ),
        ),
        2 => (
            "repeated-word",
            Some("typography/repeated-word"),
            format!(
                "Delegates welcomed the the report on {}.",
                pick(rng, TOPICS)
            ),
        ),
        3 => {
            let wrong = (when.weekday() + rng.usize(1..7)) % 7;
            (
                "weekday-mismatch",
                Some("date/weekday-mismatch"),
                format!(
                    "The Council will meet again on {}, {}, to take up the report.",
                    WEEKDAYS[wrong],
                    when.english()
                ),
            )
        }
        4 => (
            "courtesy-title",
            Some("wording/courtesy-title"),
            format!(
                "Mr {} said that his delegation would vote in favour.",
                pick(rng, SURNAMES)
            ),
        ),
        _ => (
            "draft-marker",
            None,
            pick(
                rng,
                &[
                    "[DRAFT] Figures to be confirmed by the Department.",
                    "The number of participants is TK.",
                ],
            )
            .to_owned(),
        ),
    }
}

/// End marker and disclaimer(s); `bullet` adds the bullet form before the sentence form.
fn footer_english(page: &mut Page, bullet: bool) {
    page.push("* *** *".to_owned());
    page.blank();
    if bullet {
        page.push("For information media \u{2022} not an official record".to_owned());
    }
    page.push("For information media. Not an official record.".to_owned());
}

/// Damages the footer just written, for the footer defects.
fn apply_footer_defect(page: &mut Page, defect: Option<&'static str>, french: bool) {
    let Some(defect) = defect else { return };
    let marker = page
        .lines
        .iter()
        .rposition(|l| l.trim() == "* *** *" || l.trim() == "*   ***   *")
        .expect("footer written");
    match defect {
        "end-marker-stars" => {
            page.lines[marker] = "***".to_owned();
            page.plant(defect, Some("end-marker/malformed"), marker + 1);
        }
        "disclaimer-missing" => {
            page.lines.truncate(marker + 1);
            page.plant(defect, Some("disclaimer/missing"), marker + 1);
        }
        "disclaimer-case" => {
            // One disclaimer after the marker and its blank line, a near miss of the house text.
            page.lines.truncate(marker + 2);
            let line = page.push(if french {
                "À l’intention des organes d’information. document non officiel".to_owned()
            } else {
                "For Information Media. Not an official record".to_owned()
            });
            page.plant(defect, Some("disclaimer/malformed"), line);
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// French

const PHRASES: &[&str] = &[
    "Le représentant du {c} a déclaré que les progrès en matière de {t} dépendaient de la volonté politique de tous les États Membres.",
    "Les intervenants ont souligné que la question de la {t} ne pouvait être séparée du programme de paix et de développement.",
    "Le Secrétaire général salue l’engagement des gouvernements de la région en faveur du dialogue.",
    "Il réaffirme que l’Organisation des Nations Unies est prête à apporter son aide, notamment par l’intermédiaire de son bureau de {p}.",
    "La délégation du {c} s’est félicitée du rapport et a demandé comment ses recommandations seraient financées.",
    "Quelque {n} délégations ont pris la parole au cours du débat, qui s’est poursuivi dans l’après-midi.",
    "Le forum, tenu à {p} le {d}, a réuni des ministres, des experts et des représentants de la société civile.",
    "Selon le rapport, plus de {n} millions de personnes dans la région n’ont pas un accès fiable à l’eau potable.",
    "La Commission se réunira de nouveau le {d} pour poursuivre l’examen de la question.",
    "Le texte a été adopté par {n} voix pour, 3 voix contre et 12 abstentions.",
];
const PAYS: &[&str] = &[
    "Tchad",
    "Pérou",
    "Kenya",
    "Chili",
    "Népal",
    "Ghana",
    "Sénégal",
    "Canada",
    "Mali",
    "Cameroun",
];
const THEMES: &[&str] = &[
    "sécurité alimentaire",
    "sécurité routière",
    "protection des civils",
    "coopération dans le domaine de l’eau",
    "réduction des risques de catastrophe",
];
const VILLES: &[&str] = &[
    "Genève", "Nairobi", "Vienne", "Dakar", "Beyrouth", "Bangkok",
];

fn french_release(rng: &mut Rng, page: &mut Page, year: i16, target: usize, rates: Rates) -> Meta {
    let day = Day::random(rng, year);
    let meeting = rng.f64() < 0.3;
    let header_defect = if rng.f64() < rates.release {
        Some(pick(
            rng,
            &[
                "symbol-lowercase",
                "dateline-capital-month",
                "end-marker-stars",
                "disclaimer-missing",
                "disclaimer-case",
            ],
        ))
    } else {
        None
    };
    let (series, symbol) = if meeting {
        let series = if year >= 2019 { "SC" } else { "CS" };
        (
            series.to_owned(),
            format!("{series}/{}", symbol_number(rng, year, 6000, 16000, true)),
        )
    } else {
        (
            "SG/SM".to_owned(),
            format!("SG/SM/{}", symbol_number(rng, year, 5766, 22593, true)),
        )
    };
    if !meeting && rng.bool() {
        page.push("Communiqué de presse".to_owned());
    }
    if meeting {
        let n = number(rng, year, 3500, 10000);
        page.push("Conseil de sécurité".to_owned());
        page.push(format!(
            "{n}e séance – {}",
            pick(rng, &["matin", "après-midi"])
        ));
    }
    push_symbol(rng, page, &symbol, header_defect, year);
    if header_defect == Some("dateline-capital-month") {
        let french = day.french();
        let month = MOIS[day.month()];
        let mut capital = month.chars();
        let first = capital
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default();
        let line = page.push(french.replace(month, &format!("{first}{}", capital.as_str())));
        page.plant("dateline-capital-month", Some("dateline/malformed"), line);
    } else {
        page.push(day.french());
    }
    page.blank();
    page.push(if meeting {
        format!(
            "Le Conseil de sécurité examine la question de la {}",
            pick(rng, THEMES)
        )
    } else {
        format!(
            "Le Secrétaire général salue les efforts en faveur de la {}",
            pick(rng, THEMES)
        )
    });
    page.blank();
    if !meeting {
        page.push(format!(
            "On trouvera ci-après le message du Secrétaire général de l’ONU, M. {}, au forum régional réuni à {} :",
            secretary_general(year),
            pick(rng, VILLES)
        ));
        page.blank();
    }
    let mut paragraphs = 0;
    while paragraphs < 2 || page.bytes() + 120 < target {
        let mut paragraph = String::new();
        for _ in 0..rng.usize(2..6) {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            let mut s = pick(rng, PHRASES).to_owned();
            for (slot, list) in [("{c}", PAYS), ("{t}", THEMES), ("{p}", VILLES)] {
                s = s.replace(slot, pick(rng, list));
            }
            s = s.replace("{n}", &rng.u32(20..150).to_string());
            let when = day.later(rng);
            s = s.replace(
                "{d}",
                &format!("{} {}", when.french_day(), MOIS[when.month()]),
            );
            paragraph.push_str(&s);
        }
        let line = page.lines.len() + 1;
        if rng.f64() < rates.paragraph {
            let when = day.later(rng);
            if rng.bool() {
                let wrong = (when.weekday() + rng.usize(1..7)) % 7;
                let _ = write!(
                    paragraph,
                    " Le Conseil se réunira de nouveau le {} {} pour examiner le rapport.",
                    JOURS[wrong],
                    when.french()
                );
                page.plant("weekday-mismatch", Some("date/weekday-mismatch"), line);
            } else {
                paragraph.push_str(" [PROJET] Chiffres à confirmer.");
                page.plant("draft-marker", None, line);
            }
        }
        page.push(paragraph);
        page.blank();
        paragraphs += 1;
    }
    page.push(
        if rng.f64() < 0.8 {
            "*   ***   *"
        } else {
            "* *** *"
        }
        .to_owned(),
    );
    page.blank();
    page.push("À l’intention des organes d’information. Document non officiel.".to_owned());
    apply_footer_defect(page, header_defect, true);
    Meta {
        series,
        layout: if meeting { "meeting" } else { "statement" },
    }
}
