//! Title lines of the header: which of them are printed copies of the headline and which are
//! decks (sub-headlines).
//!
//! Pages print the headline more than once (the page title on one line, then the copy of the
//! release, maybe wrapped over several lines, maybe in ALL CAPS), and may print decks under
//! it. A later group of title lines is a copy when its opening lines read as the first copy
//! (compared without case and spaces, so that wraps and case do not count, with room for a
//! few damaged characters); what follows a copy in its group, and a group that reads as no
//! copy, are decks. With a single copy, a block that follows a complete title line after a
//! blank line, in another case style or after a full line, is a deck.

use crate::layout::Layout;

use super::body;
use super::lines::Seg;

/// Share of differing characters (of the longer text) under which two title texts are
/// copies of one headline: damage such as `ISR"LI` for `ISRAELI` stays a copy (and a
/// `headline/mismatch` finding), a deck with other words does not.
const COPY_DISTANCE: f64 = 0.3;

/// The most lines a printed copy of the headline is read over when copies are aligned.
const MAX_COPY_LINES: usize = 8;

/// Is this block of lines title lines (a headline, part of one, or a deck)? Titles are
/// short and do not end like a sentence; the intro and datelines open the running text.
pub(crate) fn is_title_block(text: &str, layout: &Layout, block: &[Seg]) -> bool {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return false;
    };
    let first = first.text(text);
    if body::opens_running_text(first, layout) {
        return false;
    }
    if last.span.end - block[0].span.start > 600 {
        return false;
    }
    // A hard-wrapped paragraph (cut before its full stop, or ending in a list) reads as
    // prose from its first line: long, neither ALL CAPS nor Title Case.
    if block.len() >= 2 && first.len() >= 60 && !reads_as_title(first, layout) {
        return false;
    }
    // Part of a paragraph broken by a blank line (`... concluded its work for` / `2002
    // by ...`): prose that stops mid-sentence.
    let last_line = block[block.len() - 1].text(text);
    if !reads_as_title(first, layout) && !is_complete(last_line, layout) {
        return false;
    }
    let last = closing_trimmed(last.text(text));
    if last.ends_with([':', ';']) {
        return false;
    }
    !last.ends_with('.') || (block.len() == 1 && is_title_case(first, layout))
}

/// Does the block's last line end with a full stop (closing quotes and brackets aside)?
pub(crate) fn ends_like_a_sentence(text: &str, block: &[Seg]) -> bool {
    block.last().is_some_and(|last| {
        closing_trimmed(last.text(text)).ends_with('.') && !is_all_caps(last.text(text))
    })
}

/// How many lines at the top of a block of running text are title lines: a headline or a
/// deck printed with no blank line before the first paragraph. Zero unless the lines after
/// them read as prose.
pub(crate) fn title_lines_on_top(text: &str, layout: &Layout, block: &[Seg]) -> usize {
    // An ALL CAPS title line may wrap onto a short ALL CAPS line (`OF AFGHANISTAN`).
    let mut count = 0;
    for (i, seg) in block.iter().enumerate() {
        let line = seg.text(text);
        let continues_caps = i > 0
            && is_all_caps(block[i - 1].text(text))
            && is_all_caps(line)
            && !closing_trimmed(line).ends_with(['.', ':', ';']);
        if !(is_title_line(line, layout) || continues_caps) {
            break;
        }
        count += 1;
    }
    if count == 0 || count >= block.len() || count > 3 {
        return 0;
    }
    let next = block[count].text(text);
    if body::opens_running_text(next, layout) || !is_title_line(next, layout) {
        count
    } else {
        0
    }
}

/// At the very top of a page with no symbol or date above it, a block whose first line is a
/// short line with no sentence end and whose next line reads as prose: a headline (in any
/// case: French headlines are in sentence case) printed with no blank line before the text.
pub(crate) fn headline_opens_page(text: &str, layout: &Layout, block: &[Seg]) -> bool {
    let [first, second, ..] = block else {
        return false;
    };
    let (first, second) = (first.text(text), second.text(text));
    let ends_open = !closing_trimmed(first).ends_with(['.', ':', ';', ',']);
    ends_open
        && first.len() <= 250
        && first.split_whitespace().count() >= 3
        && !body::opens_running_text(first, layout)
        && (second.len() >= 80 || closing_trimmed(second).ends_with(['.', ':']))
}

/// One line that reads as a title: short, no sentence end, ALL CAPS or Title Case.
fn is_title_line(line: &str, layout: &Layout) -> bool {
    let trimmed = closing_trimmed(line);
    line.len() <= 250 && !trimmed.ends_with(['.', ':', ';', ',']) && reads_as_title(line, layout)
}

/// ALL CAPS (three words at least) or Title Case, whatever the line ends with.
fn reads_as_title(line: &str, layout: &Layout) -> bool {
    is_all_caps(line) && line.split_whitespace().count() >= 3 || is_title_case(line, layout)
}

/// The line without closing quotes, brackets and trailing spaces.
fn closing_trimmed(line: &str) -> &str {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ', '\u{a0}'])
}

pub(crate) fn is_all_caps(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// Every word but the small ones starts with a capital (or is a number); three words at
/// least. The first word after `:` or `;` may be a capitalised small word.
pub(crate) fn is_title_case(line: &str, layout: &Layout) -> bool {
    if line.len() > 250 {
        return false;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‑')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let breaks_title_case = |w: &&str| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_lowercase() && !layout.is_small_word(w)
    };
    words.len() >= 3 && !words.iter().any(breaks_title_case)
}

/// The roles of the header's title lines (the kicker is a header element of its own).
#[derive(Debug, Default)]
pub(crate) struct Titles {
    /// Each copy's lines.
    pub copies: Vec<Vec<Seg>>,
    pub decks: Vec<Seg>,
}

/// Sorts groups of title lines (runs between header elements) into copies and decks.
pub(crate) fn resolve(text: &str, layout: &Layout, groups: &[Vec<Seg>]) -> Titles {
    let mut out = Titles::default();
    // The first copy, and whether it has been matched (and so trimmed) already.
    let mut reference: Option<(usize, bool)> = None;
    for group in groups {
        let segs: &[Seg] = group;
        if segs.is_empty() {
            continue;
        }
        let Some((index, matched)) = reference else {
            let copy = split_single_copy(text, layout, segs);
            out.copies.push(segs[..copy].to_vec());
            out.decks.extend_from_slice(&segs[copy..]);
            reference = Some((out.copies.len() - 1, false));
            continue;
        };
        let first = out.copies[index].clone();
        match align(text, &first, segs) {
            Some((a, b)) => {
                if !matched && a < first.len() {
                    // The first copy carried decks that this copy does not repeat.
                    out.decks.extend_from_slice(&first[a..]);
                    out.copies[index].truncate(a);
                }
                reference = Some((index, true));
                out.copies.push(segs[..b].to_vec());
                out.decks.extend_from_slice(&segs[b..]);
            }
            None => out.decks.extend_from_slice(segs),
        }
    }
    out
}

/// With no other copy to compare with: how many lines are the headline (the rest are
/// decks). A later line is a deck when it changes case style (an ALL CAPS headline over a
/// Title Case deck), or when the mixed-case headline before it is complete (it does not end
/// with a comma, a hyphen or a small word) and it starts with a capital that is not a small
/// word. ALL CAPS lines under ALL CAPS lines continue a wrapped headline.
fn split_single_copy(text: &str, layout: &Layout, lines: &[Seg]) -> usize {
    for i in 1..lines.len() {
        let (before, line) = (lines[i - 1].text(text), lines[i].text(text));
        let caps_change = is_all_caps(before) != is_all_caps(line);
        // ALL CAPS headlines of old pages wrap; a line under a complete mixed-case title
        // that starts a new phrase is a deck.
        let starts_new = starts_with_capital(line) && !starts_with_small_word(line, layout);
        if caps_change || (!is_all_caps(before) && is_complete(before, layout) && starts_new) {
            return i;
        }
    }
    lines.len()
}

/// Does a title line end where a headline can end (not with a comma, hyphen, or a small
/// word that the next line continues)?
fn is_complete(line: &str, layout: &Layout) -> bool {
    let line = line.trim_end();
    if line.ends_with([',', '-', '‑', '–', '—', '/', '&']) {
        return false;
    }
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    !layout.is_small_word(last)
}

fn starts_with_small_word(line: &str, layout: &Layout) -> bool {
    layout.is_small_word(line.split_whitespace().next().unwrap_or(""))
}

fn starts_with_capital(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// The best pair `(a, b)`: the first `a` lines of `first` and the first `b` lines of `later`
/// read as the same headline. `None` when no pair is close enough.
fn align(text: &str, first: &[Seg], later: &[Seg]) -> Option<(usize, usize)> {
    // A printed copy spans a few lines: only the opening lines of each side are aligned, so
    // that a hostile page of thousands of title lines costs no more than a real one.
    let (first, later) = (
        &first[..first.len().min(MAX_COPY_LINES)],
        &later[..later.len().min(MAX_COPY_LINES)],
    );
    let keys = |lines: &[Seg]| -> Vec<Vec<char>> {
        let mut out = Vec::with_capacity(lines.len());
        let mut key: Vec<char> = Vec::new();
        for line in lines {
            key.extend(squash(line.text(text)));
            out.push(key.clone());
        }
        out
    };
    let (first_keys, later_keys) = (keys(first), keys(later));
    let mut best: Option<(f64, usize, usize)> = None;
    for (a, left) in first_keys.iter().enumerate() {
        for (b, right) in later_keys.iter().enumerate() {
            let longer = left.len().max(right.len());
            if longer == 0 {
                continue;
            }
            // Distances are whole characters: the budget is a count, rounded down.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let budget = (longer as f64 * COPY_DISTANCE) as usize;
            let left: String = left.iter().collect();
            let right: String = right.iter().collect();
            let Some(distance) = crate::text::bounded_edit_distance(&left, &right, budget) else {
                continue;
            };
            #[allow(clippy::cast_precision_loss)]
            let ratio = distance as f64 / longer as f64;
            let better = best.is_none_or(|(r, ba, bb)| {
                ratio < r - 1e-9 || ((ratio - r).abs() < 1e-9 && a + b > ba + bb)
            });
            if better {
                best = Some((ratio, a, b));
            }
        }
    }
    best.map(|(_, a, b)| (a + 1, b + 1))
}

/// A title's letters and digits, lower case, without spaces and punctuation (so that wraps,
/// case and spacing do not count when telling copies from decks).
fn squash(line: &str) -> impl Iterator<Item = char> + '_ {
    line.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split;

    #[track_caller]
    fn title_block(block: &str) -> bool {
        let layout = crate::parse::test_layout();
        let segs = split(block, layout);
        is_title_block(block, layout, &segs)
    }

    #[test]
    fn a_title_case_sentence_with_a_lower_case_verb_is_not_a_headline() {
        assert!(!title_block(
            "The Secretary-General met with the President of Ghana on Monday."
        ));
        assert!(title_block("Secretary-General Says ‘Enough Is Enough.’"));
        assert!(title_block(
            "Council Extends Mandate of Mission in Darfur for One Year."
        ));
    }

    #[test]
    fn headlines_do_not_end_like_sentences() {
        assert!(title_block("Kyrgyzstan Crisis Shows Value of Cooperation,"));
        assert!(title_block("SECRETARY-GENERAL URGES RESTRAINT"));
        assert!(title_block("Is Peace Possible?"));
        assert!(title_block("Speakers Say ‘Time Is Running Out’"));
        assert!(!title_block("The Council adopted the text."));
        assert!(!title_block("The Security Council met today."));
        assert!(!title_block("Thank You."));
        assert!(!title_block(
            "Secretary-General Kofi Annan Today Welcomed the\nAgreement."
        ));
        assert!(!title_block("Following is the message:"));
        assert!(!title_block(
            "Following is the message of the Secretary-General"
        ));
        assert!(!title_block(
            "The meeting heard statements from\nthe following:"
        ));
        assert!(!title_block(
            "GENEVA, 13 March (UN Information Service) -- The Commission met"
        ));
        assert!(!title_block(&"Word ".repeat(130)));
    }

    #[test]
    fn copies_align_across_wraps_case_and_damage_and_decks_do_not() {
        let text = "ISRAELI TALKS RESUME IN CAIRO\nIsr\"li Talks Resume\nin Cairo\nDelegations Meet Again After Two Years";
        let layout = crate::parse::test_layout();
        let segs = split(text, layout);
        assert_eq!(align(text, &segs[..1], &segs[1..]), Some((1, 2)));
        assert_eq!(align(text, &segs[3..], &segs[..1]), None);
        let titles = resolve(text, layout, &[segs[..1].to_vec(), segs[1..].to_vec()]);
        assert_eq!(titles.copies.len(), 2);
        assert_eq!(titles.copies[1].len(), 2);
        assert_eq!(titles.decks, vec![segs[3]]);
    }
}
