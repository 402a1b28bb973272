//! Published HTML pages as input: the release is read out of the page of each era (the old
//! table layout, the 2000s layout, today's press.un.org layout; English and French), every
//! finding points at the bytes of the page, fixes edit the page without breaking its markup,
//! and suppression comments silence findings honestly. The pages are written by us.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html");
const FLAWED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/formats/flawed-release.html"
);

fn json_of(args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = cargo_bin_cmd!("presslint");
    cmd.args(args);
    if let Some(text) = stdin {
        cmd.write_stdin(text);
    }
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The JSON report of a page read from stdin as `name`.
fn check_page(name: &str, page: &str) -> Value {
    json_of(
        &["check", "--format", "json", "--stdin-filename", name, "-"],
        Some(page),
    )
}

/// `(rule, line, column)` of every finding of the first file of a JSON report.
fn findings(report: &Value) -> Vec<(String, u64, u64)> {
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The text of the file at a model element's span.
fn at<'a>(html: &'a str, element: &Value) -> &'a str {
    let (start, end) = (
        element["span"]["start"].as_u64().unwrap() as usize,
        element["span"]["end"].as_u64().unwrap() as usize,
    );
    &html[start..end]
}

#[test]
fn the_pages_of_every_era_read_as_clean_releases() {
    // (page, symbol, date line as printed, headline, disclaimer)
    let pages = [
        (
            "table-1998-en.html",
            "SG/SM/6612",
            Some("18 June 1998"),
            "SECRETARY-GENERAL URGES DONORS TO SUSTAIN MINE CLEARANCE IN RIVER VALLEYS",
            "For information media. Not an official record.",
        ),
        (
            "web-2008-en.html",
            "SC/9417",
            Some("29 July 2008"),
            "Security Council Extends Mission in the Lake Region for Six Months",
            "For information media. Not an official record.",
        ),
        (
            "press-2024-en.html",
            "DSG/SM/1921",
            None,
            "Deputy Secretary-General Calls for Financing That Reaches Small Island States",
            "For information media. Not an official record.",
        ),
        (
            "table-1998-fr.html",
            "SG/SM/6612",
            Some("18 juin 1998"),
            "LE SECR&Eacute;TAIRE G&Eacute;N&Eacute;RAL ENGAGE LES DONATEURS &Agrave; POURSUIVRE LE D&Eacute;MINAGE DES VALL&Eacute;ES",
            "&Agrave; l&rsquo;intention des organes d&rsquo;information. Document non officiel.",
        ),
        (
            "press-2024-fr.html",
            "DSG/SM/1921",
            None,
            "La Vice-Secrétaire générale appelle à un financement qui atteigne les petits États insulaires",
            "À l’intention des organes d’information. Document non officiel.",
        ),
    ];
    for (page, symbol, date, headline, disclaimer) in pages {
        let path = Path::new(FIXTURES).join(page);
        let html = fs::read_to_string(&path).unwrap();
        let report = json_of(&["check", "--format", "json", path.to_str().unwrap()], None);
        assert_eq!(findings(&report), [], "{page}");
        let french = page.ends_with("fr.html");
        let pack = if french { "un-fr" } else { "un-en" };
        assert_eq!(report["files"][0]["pack"], pack, "{page}");

        let model = json_of(&["parse", path.to_str().unwrap()], None);
        assert_eq!(model["format"], "html");
        assert_eq!(at(&html, &model["symbols"][0]), symbol, "{page}");
        match date {
            Some(date) => assert_eq!(at(&html, &model["date_line"]), date, "{page}"),
            // Today's pages carry their date as metadata (`<time datetime>`), not as text.
            None => assert!(model["date_line"].is_null(), "{page}"),
        }
        assert_eq!(at(&html, &model["headlines"][0]), headline, "{page}");
        let last = model["disclaimers"].as_array().unwrap().last().unwrap();
        assert_eq!(at(&html, last), disclaimer, "{page}");
        // Entities are decoded in the model's text.
        assert!(!model["headlines"][0]["text"]
            .as_str()
            .unwrap()
            .contains('&'));
        // Navigation, menus, scripts and footers are not the release.
        let body: Vec<&str> = model["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert!(body
            .iter()
            .all(|p| !p.contains("Contact") && !p.contains("Archives")));
    }
}

#[test]
fn the_table_layout_gives_category_and_symbol_as_two_elements() {
    let path = Path::new(FIXTURES).join("table-1998-en.html");
    let html = fs::read_to_string(&path).unwrap();
    let model = json_of(&["parse", path.to_str().unwrap()], None);
    assert_eq!(at(&html, &model["category"]), "Secretary-General");
    assert_eq!(model["category"]["text"], "Secretary-General");
    assert_eq!(model["symbols"][0]["text"], "SG/SM/6612");
    // `&#146;` is the Windows-1252 apostrophe, decoded as the HTML standard says.
    assert!(model["intro"]["text"]
        .as_str()
        .unwrap()
        .contains("donors\u{2019} meeting"));
}

#[test]
fn findings_point_at_the_bytes_of_the_page() {
    let report = json_of(&["check", "--format", "json", FLAWED], None);
    assert_eq!(
        findings(&report),
        [
            ("symbol/malformed".to_owned(), 16, 51),
            ("dateline/malformed".to_owned(), 17, 50),
            ("date/weekday-mismatch".to_owned(), 20, 138),
            ("end-marker/malformed".to_owned(), 23, 12),
            ("disclaimer/malformed".to_owned(), 25, 58),
        ]
    );
    let html = fs::read_to_string(FLAWED).unwrap();
    let flagged: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| at(&html, d))
        .collect();
    assert_eq!(
        flagged,
        [
            "sg/sm/23117",
            "March 12, 2024",
            "Monday, 12&nbsp;March",
            "***",
            "For Information Media. Not An Official Record",
        ]
    );
}

#[test]
fn fixes_edit_the_page_and_keep_its_markup() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let original = fs::read_to_string(FLAWED).unwrap();
    fs::write(&page, &original).unwrap();
    let out = cargo_bin_cmd!("presslint")
        .args(["check", "--fix", "--format", "concise"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(!out.stdout.is_empty());
    let fixed = fs::read_to_string(&page).unwrap();
    // Exactly the four fixable texts changed, inside their elements; nothing else moved.
    let expected = original
        .replace(">sg/sm/23117<", ">SG/SM/23117<")
        .replace(">March 12, 2024<", ">12 March 2024<")
        .replace("<p>***</p>", "<p>* *** *</p>")
        .replace(
            ">For Information Media. Not An Official Record<",
            ">For information media. Not an official record.<",
        );
    assert_eq!(fixed, expected);
}

#[test]
fn a_fix_over_an_entity_replaces_it_whole() {
    let page = "<html><body><p>SG/SM/23119</p><p>14 March 2024</p>\
        <h1>Secretary-General Opens Fisheries Forum</h1>\
        <p>The Secretary&nbsp;General opened the forum on shared fisheries today.</p>\
        <p>* *** *</p><p>For information media. Not an official record.</p></body></html>";
    let report = check_page("p.html", page);
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    let found = diagnostics
        .iter()
        .find(|d| d["rule"] == "wording/secretary-general")
        .expect("wording/secretary-general");
    assert_eq!(at(page, found), "Secretary&nbsp;General");
    let edit = &found["fix"]["edits"][0];
    let (start, end) = (
        edit["start"].as_u64().unwrap() as usize,
        edit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&page[start..end], "Secretary&nbsp;General");
    assert_eq!(edit["replacement"], "Secretary-General");
}

#[test]
fn input_format_overrides_the_extension() {
    let page = fs::read_to_string(FLAWED).unwrap();
    // Read as text, the page is one long noisy release; read as HTML, it is the release.
    let as_text = json_of(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "p.txt",
            "-",
        ],
        Some(&page),
    );
    let as_html = json_of(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "p.txt",
            "--input-format",
            "html",
            "-",
        ],
        Some(&page),
    );
    assert_ne!(findings(&as_text), findings(&as_html));
    let direct = json_of(&["check", "--format", "json", FLAWED], None);
    assert_eq!(findings(&as_html), findings(&direct));
}

const SUPPRESSED: &str = "<html><body>
<p>SG/SM/23118</p>
<p>13 March 2024</p>
<h1>Secretary-General Welcomes Agreement on Shared Fisheries</h1>
<!-- presslint-disable-next-line typography/repeated-word -- the signed text repeats the word -->
<p>The the agreement, quoted as signed, will guide the fleets for ten years.</p>
<!-- presslint-disable wording/secretary-general -- the quoted agreement writes it so -->
<p>It asks the Secretary General to report each year.</p>
<p>The Secretary General will convene the parties.</p>
<!-- presslint-enable wording/secretary-general -->
<p>The Secretary General thanked the parties.</p>
<!-- presslint-disable-next-line spelling/programme -->
<p>The the fleets will share their catch data.</p>
<!-- presslint-disable-next-line typography/repeated-wrod -- typo -->
<p>* *** *</p>
<p>For information media. Not an official record.</p>
</body></html>
";

#[test]
fn suppression_comments_silence_findings_with_their_reasons() {
    let report = check_page("s.html", SUPPRESSED);
    assert_eq!(
        findings(&report),
        [
            // After the enable: reported again.
            ("wording/secretary-general".to_owned(), 11, 8),
            // No reason, and it silences nothing (the repeated word below is not its rule).
            ("suppression/missing-reason".to_owned(), 12, 1),
            ("suppression/unused".to_owned(), 12, 1),
            ("typography/repeated-word".to_owned(), 13, 4),
            ("suppression/unknown-rule".to_owned(), 14, 34),
        ]
    );
    let file = &report["files"][0];
    let suppressed: Vec<(&str, u64, &str)> = file["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["diagnostic"]["rule"].as_str().unwrap(),
                s["diagnostic"]["span"]["line"].as_u64().unwrap(),
                s["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        suppressed,
        [
            (
                "typography/repeated-word",
                6,
                "the signed text repeats the word"
            ),
            (
                "wording/secretary-general",
                8,
                "the quoted agreement writes it so"
            ),
            (
                "wording/secretary-general",
                9,
                "the quoted agreement writes it so"
            ),
        ]
    );
    assert_eq!(report["summary"]["suppressed"], 3);
    assert_eq!(report["summary"]["warnings"], 4);
    assert_eq!(report["summary"]["errors"], 1);

    // SARIF carries them as results with an in-source suppression and its justification.
    let sarif = json_of(
        &[
            "check",
            "--format",
            "sarif",
            "--stdin-filename",
            "s.html",
            "-",
        ],
        Some(SUPPRESSED),
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let with: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(with.len(), 3);
    assert_eq!(
        with[0]["suppressions"],
        serde_json::json!([{"kind": "inSource", "justification": "the signed text repeats the word"}])
    );

    // People see them only when they ask.
    let human = |extra: &[&str]| {
        let out = cargo_bin_cmd!("presslint")
            .args(["check", "--format", "concise", "--stdin-filename", "s.html"])
            .args(extra)
            .arg("-")
            .write_stdin(SUPPRESSED)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!human(&[]).contains("suppressed:"));
    assert!(human(&["--show-suppressed"]).contains(
        "s.html:6:4: warning[typography/repeated-word]: `The the`: the word is written twice \
         (suppressed: the signed text repeats the word)"
    ));
}

#[test]
fn an_unused_suppression_is_removed_by_fix() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("s.html");
    let text = "<html><body>\n<p>SG/SM/23118</p>\n<p>13 March 2024</p>\n\
        <h1>Secretary-General Welcomes Agreement on Shared Fisheries</h1>\n\
        <!-- presslint-disable-next-line typography/repeated-word -- was quoted -->\n\
        <p>The agreement will guide the fleets for ten years.</p>\n\
        <p>* *** *</p>\n<p>For information media. Not an official record.</p>\n</body></html>\n";
    fs::write(&page, text).unwrap();
    let status = cargo_bin_cmd!("presslint")
        .args(["check", "--fix", "--quiet"])
        .arg(&page)
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(0));
    let fixed = fs::read_to_string(&page).unwrap();
    let expected = text.replace(
        "<!-- presslint-disable-next-line typography/repeated-word -- was quoted -->\n",
        "",
    );
    assert_eq!(fixed, expected);
}

#[test]
fn a_suppression_that_names_no_rule_is_an_error_quoting_it() {
    let page = "<html><body><p>SG/SM/23118</p><p>13 March 2024</p>\n\
        <h1>Secretary-General Welcomes Agreement on Shared Fisheries</h1>\n\
        <!-- presslint-disable-next-line -- why -->\n\
        <p>The agreement will guide the fleets.</p><p>* *** *</p>\n\
        <p>For information media. Not an official record.</p></body></html>";
    let report = check_page("p.html", page);
    let d = &report["files"][0]["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d[0]["rule"], "suppression/unknown-rule");
    assert_eq!(
        d[0]["message"],
        "no rule `<!-- presslint-disable-next-line -- why -->` to suppress"
    );
    assert_eq!(
        (
            d[0]["span"]["line"].as_u64(),
            d[0]["span"]["column"].as_u64()
        ),
        (Some(3), Some(1))
    );
}

#[test]
fn suppression_ids_are_located_in_the_file_whatever_their_separators() {
    let page = "<html><body><p>SG/SM/23118</p><p>13 March 2024</p>\r\n\
        <h1>Secretary-General Welcomes Agreement on Shared Fisheries</h1>\r\n\
        <!-- presslint-disable\r\n\r\n  wording/no-such-rule\u{2003}date/no-such-rule -- é -->\r\n\
        <p>The agreement will guide the fleets.</p><p>* *** *</p>\r\n\
        <p>For information media. Not an official record.</p></body></html>";
    let report = check_page("p.html", page);
    let d = &report["files"][0]["diagnostics"];
    assert_eq!(d[0]["rule"], "suppression/unknown-rule");
    assert_eq!(at(page, &d[0]), "wording/no-such-rule");
    let position = |d: &Value| (d["span"]["line"].as_u64(), d["span"]["column"].as_u64());
    assert_eq!(position(&d[0]), (Some(5), Some(3)));
    // After an em space (three bytes, one column).
    assert_eq!(d[1]["rule"], "suppression/unknown-rule");
    assert_eq!(at(page, &d[1]), "date/no-such-rule");
    assert_eq!(position(&d[1]), (Some(5), Some(24)));
}
