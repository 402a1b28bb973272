//! A generated text release written as an HTML page or a Markdown file, for measuring what the
//! marked-up formats cost against plain text on the same releases.
#![allow(dead_code)] // each including target uses a different part

/// The release as a page of today's layout: head, navigation and footer around the release;
/// a header line per `<div>`, a paragraph per `<p>`; typographic characters as entities.
pub fn to_html(text: &str, language: &str) -> String {
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Press release</title>\n<script>window.dataLayer = [];</script>\n</head>\n<body>\n\
         <nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/press\">Press</a></li></ul></nav>\n\
         <main>\n"
    );
    for block in blocks(text) {
        if block.len() == 1 {
            page.push_str(&format!("<p>{}</p>\n", escape(block[0])));
        } else {
            for line in block {
                page.push_str(&format!("<div>{}</div>\n", escape(line)));
            }
        }
    }
    page.push_str("</main>\n<footer><a href=\"/contact\">Contact</a></footer>\n</body>\n</html>\n");
    page
}

/// The release as Markdown: blocks as paragraphs, the lines of a header block kept apart by
/// hard line breaks (a trailing `\`: CommonMark would join them into one line).
pub fn to_markdown(text: &str) -> String {
    let mut out = String::new();
    for block in blocks(text) {
        out.push_str(&block.join("\\\n"));
        out.push_str("\n\n");
    }
    out
}

/// The blocks of lines between blank lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if !out.last().is_some_and(Vec::is_empty) {
                out.push(Vec::new());
            }
        } else if let Some(last) = out.last_mut() {
            last.push(line);
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '\u{2019}' => out.push_str("&rsquo;"),
            c => out.push(c),
        }
    }
    out
}
