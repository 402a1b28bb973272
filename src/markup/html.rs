//! An HTML page read as the release it shows.
//!
//! lol_html (Cloudflare's streaming HTML rewriter) tokenizes the page as a browser would
//! (script and style content is not text, tags left open are closed where HTML closes them)
//! and gives every text chunk, tag and comment its byte range in the file. We chose it over
//! html5ever, whose tree keeps no source positions, and tl, which does not follow the HTML
//! tokenizer and is no longer maintained: spans into the page are what every diagnostic needs.
//!
//! What the page shows becomes lines: block elements (`p`, `div`, headings, list items,
//! table rows and cells, `br`) end a line, paragraphs and headings end a paragraph, so the
//! old table layout's category and symbol cells side by side become two lines, not the
//! `Secretary-GeneralSG/SM/13017` of scraped text. White space collapses as a browser
//! collapses it (not inside `pre`); entities are decoded, each standing for its source as a
//! whole. The head, scripts, styles, forms, navigation and site footers are not the release,
//! nor is a `<time datetime>` stamp (the page's metadata, as the web layout's date is).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{EndTag, TextType};
use lol_html::{doc_comments, doc_text, element, HtmlRewriter, Settings};

use super::projection::{Markup, Projection};
use super::Comment;

/// What the tokenizer met, in file order.
#[derive(Debug)]
enum Event {
    Start {
        name: String,
        at: Range<usize>,
        skip: bool,
        opens: bool,
    },
    End {
        name: String,
        at: Range<usize>,
    },
    Text {
        at: Range<usize>,
    },
    Comment {
        at: Range<usize>,
    },
}

/// Elements whose content is not the release.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "form", "button", "select",
    "textarea", "iframe", "svg", "object", "aside", "footer",
];

/// `class` or `id` words of site chrome: menus, breadcrumbs, share bars, search boxes.
const CHROME: &[&str] = &[
    "breadcrumb",
    "menu",
    "navbar",
    "navigation",
    "share",
    "social",
    "search",
    "skip-link",
    "visually-hidden",
    "sr-only",
    "language-switcher",
    "sidebar",
    "footer",
];

/// Elements that end a paragraph: a blank line before and after.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "table",
    "article",
    "section",
    "header",
    "main",
    "figure",
    "hr",
    "center",
];

/// Elements that end a line.
const LINES: &[&str] = &[
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "caption",
    "figcaption",
    "address",
    "tbody",
    "thead",
    "tfoot",
    "title",
];

fn is_chrome(attribute: Option<String>) -> bool {
    attribute.is_some_and(|value| {
        let value = value.to_ascii_lowercase();
        value.split(|c: char| c.is_ascii_whitespace()).any(|word| {
            CHROME
                .iter()
                .any(|c| word == *c || word.ends_with(&format!("-{c}")))
        })
    })
}

/// Reads `html` into a projection and its comments; `None` when lol_html refuses the bytes
/// (it does not for UTF-8 text, but its errors are not ours to unwrap).
pub fn project(html: &str, start: usize) -> Option<(Projection, Vec<Comment>)> {
    let events = events(&html[start..], start)?;
    Some(build(html, &events))
}

fn events(html: &str, base: usize) -> Option<Vec<Event>> {
    let log: Rc<RefCell<Vec<Event>>> = Rc::default();
    let (elements, texts, comments) = (log.clone(), log.clone(), log.clone());
    let shifted = move |r: Range<usize>| r.start + base..r.end + base;
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            let name = el.tag_name();
            let skip = SKIPPED.contains(&name.as_str())
                || is_chrome(el.get_attribute("class"))
                || is_chrome(el.get_attribute("id"))
                || el.get_attribute("role").is_some_and(|r| r == "navigation")
                || el.has_attribute("hidden")
                // A machine-readable date (`<time datetime>`) is the page's metadata, as on
                // press.un.org since about 2014, whose text carries no date line.
                || (name == "time" && el.has_attribute("datetime"));
            let opens = el.can_have_content() && !el.is_self_closing();
            elements.borrow_mut().push(Event::Start {
                name: name.clone(),
                at: shifted(el.source_location().bytes()),
                skip,
                opens,
            });
            if let Some(handlers) = el.end_tag_handlers() {
                let ends = elements.clone();
                handlers.push(Box::new(move |end: &mut EndTag<'_>| {
                    ends.borrow_mut().push(Event::End {
                        name,
                        at: shifted(end.source_location().bytes()),
                    });
                    Ok(())
                }) as _);
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |chunk| {
            let at = shifted(chunk.source_location().bytes());
            if chunk.text_type() == TextType::Data && !at.is_empty() {
                texts.borrow_mut().push(Event::Text { at });
            }
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(move |comment| {
            comments.borrow_mut().push(Event::Comment {
                at: shifted(comment.source_location().bytes()),
            });
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).ok()?;
    rewriter.end().ok()?;
    Rc::try_unwrap(log).ok().map(RefCell::into_inner)
}

/// The projection of the events: skipped subtrees left out, line and paragraph breaks for
/// block elements, text with white space collapsed and entities decoded.
fn build(html: &str, events: &[Event]) -> (Projection, Vec<Comment>) {
    let mut out = Projection::new(Markup::Html, html.len());
    let mut comments = Vec::new();
    // Open elements whose content is skipped, and open `pre` elements.
    let (mut skipped, mut pre): (Vec<&str>, usize) = (Vec::new(), 0);
    for event in events {
        match event {
            Event::Start {
                name,
                at,
                skip,
                opens,
            } => {
                if *skip && *opens {
                    skipped.push(name);
                }
                if !skipped.is_empty() {
                    continue;
                }
                block_break(&mut out, name, at.clone());
                if name == "pre" && *opens {
                    pre += 1;
                }
            }
            Event::End { name, at } => {
                if skipped.last() == Some(&name.as_str()) {
                    skipped.pop();
                    continue;
                }
                if !skipped.is_empty() {
                    continue;
                }
                if name == "pre" {
                    pre = pre.saturating_sub(1);
                }
                block_break(&mut out, name, at.clone());
            }
            Event::Text { at } if skipped.is_empty() => text(&mut out, html, at.clone(), pre > 0),
            Event::Text { .. } => {}
            Event::Comment { at } => comments.push(Comment {
                span: crate::span::Span::new(at.start, at.end),
            }),
        }
    }
    let end = html.len();
    out.break_lines(1, end..end);
    (out, comments)
}

fn block_break(out: &mut Projection, name: &str, at: Range<usize>) {
    if PARAGRAPHS.contains(&name) {
        out.break_lines(2, at);
    } else if LINES.contains(&name) {
        out.break_lines(1, at);
    }
}

/// One text chunk: collapsed white space (kept as written inside `pre`), decoded entities.
fn text(out: &mut Projection, html: &str, at: Range<usize>, preformatted: bool) {
    let raw = &html[at.clone()];
    let mut i = 0;
    let mut run_start = 0;
    let flush = |out: &mut Projection, from: usize, to: usize| {
        out.push_verbatim(&raw[from..to], at.start + from);
    };
    while i < raw.len() {
        let b = raw.as_bytes()[i];
        if b == b'&' {
            if let Some((decoded, len)) = entity(&raw[i..]) {
                flush(out, run_start, i);
                out.push_whole(&decoded, at.start + i..at.start + i + len);
                i += len;
                run_start = i;
                continue;
            }
        }
        if !preformatted && matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            flush(out, run_start, i);
            let end = raw[i..]
                .find(|c: char| !matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c'))
                .map_or(raw.len(), |n| i + n);
            let source = at.start + i..at.start + end;
            if out.at_line_start() || out.text.ends_with(' ') {
                // Leading space of a line, or space after space: the page shows nothing.
            } else if &raw[i..end] == " " {
                out.push_verbatim(" ", source.start);
            } else {
                out.push_whole(" ", source);
            }
            i = end;
            run_start = i;
            continue;
        }
        if preformatted && b == b'\r' {
            flush(out, run_start, i);
            let len = if raw[i..].starts_with("\r\n") { 2 } else { 1 };
            out.push_whole("\n", at.start + i..at.start + i + len);
            i += len;
            run_start = i;
            continue;
        }
        i += 1;
    }
    flush(out, run_start, raw.len());
}

/// The character reference at the start of `raw` (`&amp;`, `&#8212;`, `&#x2019;`), decoded,
/// and its length; `None` for an ampersand that starts none.
fn entity(raw: &str) -> Option<(String, usize)> {
    let end = raw.char_indices().take(40).find(|&(_, c)| c == ';')?.0 + 1;
    let reference = &raw[..end];
    if !reference[1..end - 1]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'#')
    {
        return None;
    }
    let decoded = htmlize::unescape(reference);
    (decoded != reference).then(|| (decoded.into_owned(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn projected(html: &str) -> String {
        project(html, 0).unwrap().0.text
    }

    #[test]
    fn table_cells_side_by_side_are_lines_of_their_own() {
        let html = "<table><tr><td>Secretary-General</td><td>SG/SM/13017</td></tr></table>";
        assert_eq!(projected(html), "Secretary-General\nSG/SM/13017\n\n");
    }

    #[test]
    fn paragraphs_are_separated_and_white_space_collapses() {
        let html = "<p>One  line\n   wrapped</p><p>Two</p>";
        assert_eq!(projected(html), "One line wrapped\n\nTwo\n\n");
    }

    #[test]
    fn entities_are_decoded_and_map_back_whole() {
        let html = "<p>world&rsquo;s&nbsp;best &amp; &#8212; x</p>";
        let (p, _) = project(html, 0).unwrap();
        assert_eq!(p.text, "world\u{2019}s\u{a0}best & \u{2014} x\n\n");
        let at = p.text.find('\u{2019}').unwrap();
        let span = p.span(crate::span::Span::new(at, at + 3));
        assert_eq!(&html[span.range()], "&rsquo;");
    }

    #[test]
    fn scripts_styles_head_and_navigation_are_not_text() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav><ul><li>Home</li></ul></nav><div class=\"menu main-menu\">Menu</div>\
            <script>var p = '<p>x</p>';</script><p>Body</p></body></html>";
        assert_eq!(projected(html), "Body\n\n");
    }

    #[test]
    fn preformatted_text_keeps_its_lines_and_spaces() {
        let html = "<pre>SG/SM/6001\r\n19 July 1996\n\nA  B</pre><p>x</p>";
        assert_eq!(projected(html), "SG/SM/6001\n19 July 1996\n\nA  B\n\nx\n\n");
    }

    #[test]
    fn comments_are_collected_with_their_spans() {
        let html = "<p>a</p><!-- presslint-disable x/y -- why --><p>b</p>";
        let (_, comments) = project(html, 0).unwrap();
        assert_eq!(comments.len(), 1);
        assert_eq!(
            &html[comments[0].span.range()],
            "<!-- presslint-disable x/y -- why -->"
        );
    }
}
