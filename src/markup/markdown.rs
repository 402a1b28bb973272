//! A Markdown release read as the text it shows: its front matter, then its CommonMark body.
//!
//! The front matter ([`front_matter`](super::front_matter)) becomes the header lines the
//! text parser expects (category, symbol, date line, blank line, headline, deck, blank
//! line), each mapped to its value in the file. The body is read with pulldown-cmark, whose
//! events carry their byte ranges: text is mapped piece by piece (markers of emphasis and
//! links between pieces, so that no fix crosses them), blocks end with a paragraph break,
//! and what is not text (code, images, HTML, link destinations) is left out. A star line
//! (`* *** *`), which CommonMark reads as a thematic break, is the release's end marker or a
//! section break: it is kept as written, on a line of its own.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::front_matter::{self, FrontMatter, Scalar};
use super::projection::{Markup, Projection};
use super::Comment;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// What a Markdown file reads as.
#[derive(Debug)]
pub struct Read {
    pub projection: Projection,
    pub comments: Vec<Comment>,
    /// Front-matter findings, in the file's offsets.
    pub diagnostics: Vec<Diagnostic>,
    /// The front matter's `language`.
    pub language: Option<String>,
}

/// Stands for an object in the line (inline code, an image, inline HTML): the words on
/// either side stay apart, and no rule reads it as a word or a space.
const OBJECT: &str = "\u{fffc}";

/// Reads the Markdown file `text` from byte `start` (after a byte order mark).
pub fn project(text: &str, start: usize) -> Read {
    let mut out = Projection::new(Markup::Markdown, text.len());
    let front = front_matter::read(text, start);
    let (diagnostics, language, body_start) = match &front {
        Some(front) => {
            let language = front.get("language").map(|l| l.text.trim().to_owned());
            header(&mut out, front, language.as_deref() == Some("fr"));
            (front.diagnostics(), language, front.body_start)
        }
        None => (Vec::new(), None, start),
    };
    let mut comments = Vec::new();
    body(&mut out, &mut comments, text, body_start);
    Read {
        projection: out,
        comments,
        diagnostics,
        language,
    }
}

/// The header lines the front matter stands for, in the order a release prints them: the
/// category above the symbol, the date line under it, then the headline and its deck.
fn header(out: &mut Projection, front: &FrontMatter, french: bool) {
    let end = front.span.end;
    let line = |out: &mut Projection, key: &str| {
        if let Some(value) = front.get(key).filter(|v| !v.text.trim().is_empty()) {
            push_value(out, value);
            out.break_lines(1, value.inner.end..value.inner.end);
        }
    };
    line(out, "category");
    line(out, "symbol");
    if let Some(date) = front.get("date").filter(|v| !v.text.trim().is_empty()) {
        out.set_markup(date.markup);
        match iso_date(&date.text, french) {
            Some(words) => out.push_whole(&words, date.inner.range()),
            None => push_value(out, date),
        }
        out.break_lines(1, date.inner.end..date.inner.end);
    }
    out.break_lines(2, end..end);
    line(out, "title");
    line(out, "subtitle");
    out.break_lines(2, end..end);
    out.set_markup(Markup::Markdown);
}

/// A front-matter value as a line: the file's bytes when they are its text, else the text
/// standing for the value as a whole (escapes, folded lines: then a line of its own words).
fn push_value(out: &mut Projection, value: &Scalar) {
    out.set_markup(value.markup);
    if value.verbatim && !value.text.contains(['\n', '\r']) {
        out.push_verbatim(&value.text, value.inner.start);
    } else {
        let words = value.text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_whole(&words, value.inner.range());
    }
}

/// `2010-07-19` as a date line: `19 July 2010`, or `19 juillet 2010` (`1er` for the first)
/// in French. `None` for any other text, or a month or day that no calendar has (kept as
/// written, for the date-line rules to judge).
fn iso_date(text: &str, french: bool) -> Option<String> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
    if !shape {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let month: u8 = text[5..7].parse().ok()?;
    let day: u8 = text[8..].parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let index = usize::from(month).checked_sub(1)?;
    Some(if french {
        let day = if day == 1 {
            "1er".to_owned()
        } else {
            day.to_string()
        };
        format!("{day} {} {year}", crate::dates::FRENCH_MONTHS.get(index)?)
    } else {
        crate::dates::english_long_form(year, month, day)?
    })
}

/// The CommonMark body from `from` to the end of the file.
fn body(out: &mut Projection, comments: &mut Vec<Comment>, text: &str, from: usize) {
    let source = &text[from..];
    let shift = |r: Range<usize>| r.start + from..r.end + from;
    // Depth inside what is not text: code blocks, HTML blocks, images, star-line lists.
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        let at = shift(range.clone());
        match event {
            Event::Start(tag) => {
                let star_list = matches!(tag, Tag::List(_)) && is_star_line(&source[range]);
                if hidden > 0 || star_list {
                    if hidden == 0 {
                        star_line(out, text, at);
                    }
                    hidden += 1;
                    continue;
                }
                match tag {
                    Tag::CodeBlock(_) | Tag::HtmlBlock => {
                        out.break_lines(2, at.start..at.start);
                        if matches!(tag, Tag::HtmlBlock) {
                            collect_comments(comments, text, at);
                        }
                        hidden += 1;
                    }
                    Tag::Image { .. } => {
                        out.push_synthetic(OBJECT, at);
                        hidden += 1;
                    }
                    tag if is_block(&tag) => out.break_lines(2, at.start..at.start),
                    _ => {}
                }
            }
            Event::End(tag) => {
                if hidden > 0 {
                    hidden -= 1;
                    if hidden == 0 && matches!(tag, TagEnd::CodeBlock | TagEnd::HtmlBlock) {
                        out.break_lines(2, at.end..at.end);
                    }
                    continue;
                }
                if is_block_end(&tag) {
                    out.break_lines(2, at.end..at.end);
                }
            }
            _ if hidden > 0 => {}
            Event::Text(shown) => push_text(out, source, from, range, &shown),
            Event::Code(_) => out.push_synthetic(OBJECT, at),
            Event::InlineHtml(_) => {
                collect_comments(comments, text, at.clone());
                out.push_synthetic(OBJECT, at);
            }
            Event::Html(_) => collect_comments(comments, text, at),
            Event::SoftBreak => out.push_whole(" ", line_end(source, range, from)),
            Event::HardBreak => out.break_lines(1, at),
            Event::Rule if is_star_line(&source[range]) => star_line(out, text, at),
            Event::Rule => out.break_lines(2, at),
            _ => {}
        }
    }
    let end = text.len();
    out.break_lines(1, end..end);
}

/// A soft line break and the blanks CommonMark drops around it (at the end of the line, at
/// the start of the next), so that the space it reads as stands for all of them: the text on
/// either side stays next to it, and a fix across the break is a fix of one run of bytes.
fn line_end(source: &str, range: Range<usize>, from: usize) -> Range<usize> {
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    let before = source.as_bytes()[..range.start]
        .iter()
        .rev()
        .take_while(|b| blank(b))
        .count();
    let after = source.as_bytes()[range.end..]
        .iter()
        .take_while(|b| blank(b))
        .count();
    from + range.start - before..from + range.end + after
}

/// A text event at `range` of the body `source` (which starts at `from` in the file).
fn push_text(out: &mut Projection, source: &str, from: usize, range: Range<usize>, shown: &str) {
    // pulldown-cmark starts the text after an escape (`\*`) at the escaped character and
    // leaves the backslash out: an odd run of backslashes before it escapes it.
    let backslashes = source[..range.start]
        .bytes()
        .rev()
        .take_while(|&b| b == b'\\')
        .count();
    let escaped = backslashes % 2 == 1
        && shown.starts_with(|c: char| c.is_ascii_punctuation())
        && source[range.clone()].starts_with(&shown[..1]);
    let mut start = range.start;
    let mut shown = shown;
    if escaped {
        // The character stands for its escape as a whole: a fix rewrites `\*`, not `*`.
        out.push_whole(&shown[..1], from + start - 1..from + start + 1);
        start += 1;
        shown = &shown[1..];
    }
    let range = start..range.end;
    if source[range.clone()] == *shown {
        out.push_verbatim(shown, from + range.start);
    } else {
        // An entity (`&amp;`): the text stands for it whole.
        out.push_whole(shown, from + range.start..from + range.end);
    }
}

/// Blocks that stand apart in the text, as paragraphs do.
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::List(_) | Tag::Item
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
    )
}

/// A line of stars and spaces only, three stars or more (`* *** *`, `***`).
fn is_star_line(source: &str) -> bool {
    let line = source.trim();
    !line.contains('\n')
        && line.chars().all(|c| matches!(c, '*' | ' ' | '\t'))
        && line.chars().filter(|&c| c == '*').count() >= 3
}

/// The star line at `at`, as written, on a line of its own between blank lines.
fn star_line(out: &mut Projection, text: &str, at: Range<usize>) {
    let raw = &text[at.clone()];
    let line = raw.trim();
    let offset = at.start + (raw.len() - raw.trim_start().len());
    out.break_lines(2, at.start..at.start);
    out.set_markup(Markup::Verbatim);
    out.push_verbatim(line, offset);
    out.set_markup(Markup::Markdown);
    out.break_lines(2, at.end..at.end);
}

/// The comments (`<!-- ... -->`) of HTML at `at`: where suppressions are written.
fn collect_comments(comments: &mut Vec<Comment>, text: &str, at: Range<usize>) {
    let html = &text[at.clone()];
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--").map(|i| from + i) {
        let Some(close) = html[open + 4..].find("-->").map(|i| open + 4 + i) else {
            break;
        };
        comments.push(Comment {
            span: Span::new(at.start + open, at.start + close + 3),
        });
        from = close + 3;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Edit;

    const YAML: &str = "---\n\
        category: Secretary-General\n\
        symbol: SG/SM/13017\n\
        date: 2010-07-19\n\
        title: \"Secretary-General Welcomes Talks on Shared Rivers\"\n\
        subtitle: Calls Forum a Model for Other Basins\n\
        ---\n\
        \n\
        Following is the **message** of the\n\
        Secretary-General to the [forum](https://example.org/forum \"Forum\"):\n\
        \n\
        * *** *\n\
        \n\
        For information media. Not an official record.\n";

    fn text_of(read: &Read) -> &str {
        &read.projection.text
    }

    /// The bytes of the file a span of the projected text maps to.
    fn mapped<'a>(file: &'a str, read: &Read, needle: &str) -> &'a str {
        let at = read
            .projection
            .text
            .find(needle)
            .expect("in the projection");
        let span = read.projection.span(Span::new(at, at + needle.len()));
        &file[span.range()]
    }

    #[test]
    fn yaml_front_matter_is_the_header_and_the_body_is_its_text() {
        let read = project(YAML, 0);
        assert_eq!(
            text_of(&read),
            "Secretary-General\nSG/SM/13017\n19 July 2010\n\n\
             Secretary-General Welcomes Talks on Shared Rivers\n\
             Calls Forum a Model for Other Basins\n\n\
             Following is the message of the Secretary-General to the forum:\n\n\
             * *** *\n\n\
             For information media. Not an official record.\n\n"
        );
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        assert_eq!(read.language, None);
        // Header lines map to their values: quotes, keys and delimiters are not text.
        assert_eq!(mapped(YAML, &read, "SG/SM/13017"), "SG/SM/13017");
        assert_eq!(mapped(YAML, &read, "19 July 2010"), "2010-07-19");
        let title = "Secretary-General Welcomes Talks on Shared Rivers";
        let at = YAML.find(title).unwrap();
        let span = read.projection.span(Span::new(
            text_of(&read).find(title).unwrap(),
            text_of(&read).find(title).unwrap() + title.len(),
        ));
        assert_eq!((span.start, span.end), (at, at + title.len()));
    }

    #[test]
    fn toml_front_matter_is_the_header() {
        let toml = "+++\n\
            symbol = 'SG/SM/13017'\n\
            title = \"Secretary-General Hails \\\"Historic\\\" Accord\"\n\
            date = 2010-07-19\n\
            language = \"fr\"\n\
            +++\n\
            Le Secrétaire général s’est félicité de l’accord.\n";
        let read = project(toml, 0);
        assert_eq!(
            text_of(&read),
            "SG/SM/13017\n19 juillet 2010\n\n\
             Secretary-General Hails \"Historic\" Accord\n\n\
             Le Secrétaire général s’est félicité de l’accord.\n\n"
        );
        assert_eq!(read.language.as_deref(), Some("fr"));
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        assert_eq!(mapped(toml, &read, "SG/SM/13017"), "SG/SM/13017");
        assert_eq!(mapped(toml, &read, "19 juillet 2010"), "2010-07-19");
        // An escaped title stands for its value between the quotes, as a whole.
        assert_eq!(
            mapped(toml, &read, "Secretary-General Hails \"Historic\" Accord"),
            "Secretary-General Hails \\\"Historic\\\" Accord"
        );
    }

    #[test]
    fn an_iso_date_is_written_as_a_date_line() {
        assert_eq!(
            iso_date("2010-07-19", false).as_deref(),
            Some("19 July 2010")
        );
        assert_eq!(
            iso_date("2010-07-01", true).as_deref(),
            Some("1er juillet 2010")
        );
        assert_eq!(
            iso_date("2010-07-19", true).as_deref(),
            Some("19 juillet 2010")
        );
        // The calendar is the date rules' to judge; no month 13 is written out.
        assert_eq!(
            iso_date("2010-02-30", false).as_deref(),
            Some("30 February 2010")
        );
        assert_eq!(iso_date("2010-13-01", false), None);
        assert_eq!(iso_date("19 July 2010", false), None);
        let file = "---\ndate: 2010-07-19\n---\n";
        let read = project(file, 0);
        assert_eq!(text_of(&read), "19 July 2010\n\n");
        // A date already in words is the file's bytes.
        let file = "---\ndate: 19 July 2010\n---\n";
        let read = project(file, 0);
        assert_eq!(text_of(&read), "19 July 2010\n\n");
        let edit = read.projection.edit(&Edit::replace(Span::new(0, 2), "20"));
        assert_eq!(edit.map(|e| (e.start, e.end)), Some((10, 12)));
    }

    #[test]
    fn a_span_in_the_body_maps_to_its_markdown_bytes() {
        let read = project(YAML, 0);
        // Across emphasis, a soft break and a link: from the first word to the last.
        let mapped = mapped(YAML, &read, "message of the Secretary-General to the forum");
        assert_eq!(mapped, "message** of the\nSecretary-General to the [forum");
        let star = YAML.find("* *** *").unwrap();
        let at = text_of(&read).find("* *** *").unwrap();
        let span = read.projection.span(Span::new(at, at + 7));
        assert_eq!((span.start, span.end), (star, star + 7));
    }

    #[test]
    fn a_soft_break_is_one_space_standing_for_the_line_end() {
        let md = "He spoke to the \n   the Council.\n";
        let read = project(md, 0);
        assert_eq!(text_of(&read), "He spoke to the the Council.\n\n");
        // A repeated word across the line end: its fix deletes the break and the word.
        let at = text_of(&read).find(" the the").unwrap() + 4;
        let edit = read
            .projection
            .edit(&Edit::delete(Span::new(at, at + 4)))
            .expect("the line end is one piece with the text around it");
        assert_eq!(&md[edit.start..edit.end], " \n   the");
    }

    #[test]
    fn links_code_images_html_and_comments_are_not_text() {
        let md = "See [the report](https://example.org/r \"Report title\") and `code span` \
                  or ![chart](chart.png) <b>now</b>.<!-- note -->\n\n\
                  ```\nfenced code\n```\n\n\
                  <div>\nhtml block\n</div>\n\n\
                  <!-- presslint-disable symbol/missing -- a briefing\n   has no symbol -->\n";
        let read = project(md, 0);
        assert_eq!(
            text_of(&read),
            "See the report and \u{fffc} or \u{fffc} \u{fffc}now\u{fffc}.\u{fffc}\n\n"
        );
        let comments: Vec<&str> = read.comments.iter().map(|c| &md[c.span.range()]).collect();
        assert_eq!(
            comments,
            vec![
                "<!-- note -->",
                "<!-- presslint-disable symbol/missing -- a briefing\n   has no symbol -->",
            ]
        );
    }

    #[test]
    fn an_edit_inside_bold_stays_inside_its_markers() {
        let md = "The **Secretary-general** spoke.\n";
        let read = project(md, 0);
        assert_eq!(text_of(&read), "The Secretary-general spoke.\n\n");
        let at = text_of(&read).find("general").unwrap();
        let edit = read
            .projection
            .edit(&Edit::replace(Span::new(at, at + 1), "G"))
            .expect("inside the bold text");
        assert_eq!(&md[edit.start..edit.end], "g");
        assert_eq!(&md[edit.start - 10..edit.start], "Secretary-");
        // Across a marker: refused, the markup between the pieces would be lost.
        let edit = Edit::replace(Span::new(0, 9), "A Secretary");
        assert!(read.projection.edit(&edit).is_none());
        // A replacement is escaped for Markdown.
        let edit = read
            .projection
            .edit(&Edit::replace(Span::new(at, at + 7), "*G*"))
            .unwrap();
        assert_eq!(edit.replacement, "\\*G\\*");
    }

    #[test]
    fn entities_and_escapes_decode_and_map_back_whole() {
        let md = "Fish &amp; chips at 5 \\* 2 &mdash; today\n";
        let read = project(md, 0);
        assert_eq!(text_of(&read), "Fish & chips at 5 * 2 \u{2014} today\n\n");
        assert_eq!(mapped(md, &read, "&"), "&amp;");
        assert_eq!(mapped(md, &read, "\u{2014}"), "&mdash;");
        let star = text_of(&read).find('*').unwrap();
        let whole = read
            .projection
            .edit(&Edit::replace(Span::new(star, star + 1), "x"));
        assert_eq!(whole.map(|e| &md[e.start..e.end]), Some("\\*"));
    }

    #[test]
    fn schema_errors_point_at_the_value_or_the_key() {
        let md = "---\nsymbol: SG/SM/13017\ndate: \"next week\"\nauthor: Desk\n---\nBody\n";
        let read = project(md, 0);
        let found: Vec<(&str, &str)> = read
            .diagnostics
            .iter()
            .map(|d| (d.rule.as_str(), &md[d.span.range()]))
            .collect();
        assert_eq!(
            found,
            vec![
                ("schema/pattern", "\"next week\""),
                ("schema/additional-properties", "author"),
            ]
        );
        assert!(read.diagnostics[0].message.starts_with("`/date`: "));
        // A key without a value is shown at the key; a value of the wrong type at the value.
        let md = "---\ntitle:\nsymbol: 13017\nlanguage: de\n---\n";
        let read = project(md, 0);
        let found: Vec<(&str, &str)> = read
            .diagnostics
            .iter()
            .map(|d| (d.rule.as_str(), &md[d.span.range()]))
            .collect();
        assert_eq!(
            found,
            vec![
                ("schema/type", "title"),
                ("schema/type", "13017"),
                ("schema/enum", "de"),
            ]
        );
        // Front matter that is not a mapping, or not YAML, is the whole block's error.
        let md = "---\njust words\n---\nBody\n";
        let read = project(md, 0);
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(read.diagnostics[0].rule, "schema/type");
        assert_eq!(
            &md[read.diagnostics[0].span.range()],
            "---\njust words\n---"
        );
        let md = "---\ntitle: \"open\n---\nBody\n";
        let read = project(md, 0);
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(read.diagnostics[0].rule, "schema/type");
        assert!(read.diagnostics[0].message.contains("not valid YAML"));
        assert_eq!(text_of(&read), "Body\n\n");
    }

    #[test]
    fn toml_schema_errors_point_at_the_value_or_the_key() {
        let md = "+++\ndate = \"soon\"\nsymbol = 42\nextra = true\n+++\n";
        let read = project(md, 0);
        let mut found: Vec<(&str, &str)> = read
            .diagnostics
            .iter()
            .map(|d| (d.rule.as_str(), &md[d.span.range()]))
            .collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                ("schema/additional-properties", "extra"),
                ("schema/pattern", "\"soon\""),
                ("schema/type", "42"),
            ]
        );
    }

    #[test]
    fn fixes_in_front_matter_are_written_for_its_quotes() {
        let md = "---\ntitle: \"A Fair Deal\"\nsubtitle: 'Talks Go On'\nsymbol: sg/sm/1\n---\n";
        let read = project(md, 0);
        assert_eq!(text_of(&read), "sg/sm/1\n\nA Fair Deal\nTalks Go On\n\n");
        let fix = |needle: &str, replacement: &str| {
            let at = read.projection.text.find(needle).unwrap();
            let edit = Edit::replace(Span::new(at, at + needle.len()), replacement);
            read.projection
                .edit(&edit)
                .map(|e| (md[e.start..e.end].to_owned(), e.replacement))
        };
        assert_eq!(
            fix("Fair", "\"Fair\""),
            Some(("Fair".to_owned(), "\\\"Fair\\\"".to_owned()))
        );
        assert_eq!(
            fix("Go", "Don't"),
            Some(("Go".to_owned(), "Don''t".to_owned()))
        );
        assert_eq!(
            fix("sg/sm/1", "SG/SM/1"),
            Some(("sg/sm/1".to_owned(), "SG/SM/1".to_owned()))
        );
        // `: ` would make the plain value a mapping.
        assert_eq!(fix("sg", "SG: "), None);
    }

    #[test]
    fn a_star_line_is_a_line_of_its_own_and_its_fix_is_not_escaped() {
        let md = "Last paragraph.\n***\nFor information media. Not an official record.\n";
        let read = project(md, 0);
        assert_eq!(
            text_of(&read),
            "Last paragraph.\n\n***\n\nFor information media. Not an official record.\n\n"
        );
        let at = text_of(&read).find("***").unwrap();
        let edit = read
            .projection
            .edit(&Edit::replace(Span::new(at, at + 3), "* *** *"))
            .unwrap();
        assert_eq!(
            (&md[edit.start..edit.end], edit.replacement.as_str()),
            ("***", "* *** *")
        );
    }

    #[test]
    fn yaml_positions_are_bytes_after_non_ascii_text() {
        let md = "\u{feff}---\ncategory: Secrétaire général\nsymbol: \"SG/SM/13017\"\n---\n";
        let read = project(md, 3);
        assert_eq!(text_of(&read), "Secrétaire général\nSG/SM/13017\n\n");
        assert_eq!(mapped(md, &read, "SG/SM/13017"), "SG/SM/13017");
        assert_eq!(mapped(md, &read, "général"), "général");
    }

    #[test]
    fn a_file_without_front_matter_is_its_body() {
        let md = "---\n\nA thematic break, then text.\n";
        let read = project(md, 0);
        assert_eq!(text_of(&read), "A thematic break, then text.\n\n");
        assert!(read.diagnostics.is_empty());
    }
}
