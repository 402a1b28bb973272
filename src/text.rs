//! Field text as checks see it: normalised for matching, with every offset mapped back to
//! the original bytes of the file.
//!
//! U+00A0 (no-break space) matches as a space and U+2011 (non-breaking hyphen) as `-`, as
//! UN-STYLE.md asks; spans and fixes still point at the original bytes. The same map carries
//! JSON inputs, where a field's text was decoded from an escaped string literal.

use crate::span::Span;

/// Maps offsets in a derived text back to byte offsets in the file.
///
/// Each anchor `(local, source)` says: from `local` on, offsets advance one for one from
/// `source`, until the next anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetMap {
    /// Identity shifted by a base: the text is a verbatim slice of the file. No allocation,
    /// which matters for the hundreds of thousands of paragraphs of an archive.
    Verbatim(usize),
    /// Explicit anchors (stacked symbols, decoded JSON strings).
    Anchors(Box<[(usize, usize)]>),
}

impl Default for OffsetMap {
    fn default() -> Self {
        Self::Verbatim(0)
    }
}

impl OffsetMap {
    /// Identity shifted by `base`: the text is a verbatim slice of the file at `base`.
    pub fn verbatim(base: usize) -> Self {
        Self::Verbatim(base)
    }

    /// A map from explicit anchors, sorted by local offset, the first at local offset 0.
    pub fn from_anchors(anchors: Vec<(usize, usize)>) -> Self {
        debug_assert!(anchors.first().is_some_and(|a| a.0 == 0));
        debug_assert!(anchors
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        match anchors.as_slice() {
            [(0, base)] => Self::Verbatim(*base),
            _ => Self::Anchors(anchors.into_boxed_slice()),
        }
    }

    /// The file offset of local offset `local`.
    pub fn to_source(&self, local: usize) -> usize {
        match self {
            Self::Verbatim(base) => base + local,
            Self::Anchors(anchors) => {
                let i = anchors.partition_point(|a| a.0 <= local);
                match i.checked_sub(1).and_then(|i| anchors.get(i)) {
                    Some(&(l, s)) => s + (local - l),
                    None => local,
                }
            }
        }
    }

    pub fn span(&self, local_start: usize, local_end: usize) -> Span {
        Span::new(self.to_source(local_start), self.to_source(local_end))
    }

    /// Does every local offset map to the same offset in the file plus a constant?
    pub fn is_verbatim(&self) -> bool {
        match self {
            Self::Verbatim(_) => true,
            Self::Anchors(anchors) => anchors.len() <= 1,
        }
    }
}

/// How a replacement must be written back into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// The field is verbatim text of the file.
    #[default]
    Plain,
    /// The field sits inside a JSON string literal: replacements must be escaped.
    JsonString,
}

impl Encoding {
    pub fn encode(self, replacement: &str) -> String {
        match self {
            Encoding::Plain => replacement.to_owned(),
            Encoding::JsonString => {
                let quoted = serde_json::to_string(replacement).unwrap_or_default();
                quoted[1..quoted.len().saturating_sub(1).max(1)].to_owned()
            }
        }
    }
}

/// The offsets of the ASCII digits of `bytes`, eight bytes at a time (SWAR): the date
/// checks' cheap necessary conditions look for digits in every paragraph, and most bytes of
/// running text are not digits.
pub fn ascii_digits(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let whole = bytes.len() / 8 * 8;
    let chunks = bytes
        .chunks_exact(8)
        .enumerate()
        .flat_map(|(index, chunk)| {
            let lanes = [
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ];
            lane_offsets(digit_lanes(u64::from_le_bytes(lanes)), index * 8)
        });
    let rest = (whole..bytes.len()).filter(move |&i| bytes[i].is_ascii_digit());
    chunks.chain(rest)
}

/// The high bit of each lane of `v` that holds an ASCII digit. The sums are taken on the
/// low seven bits, so no carry crosses a lane; bytes from 0x80 are excluded.
fn digit_lanes(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = v & !HIGH;
    low.wrapping_add(ONES * (0x80 - 0x30)) & !low.wrapping_add(ONES * (0x80 - 0x3a)) & !v & HIGH
}

/// `base` plus the lane of each high bit set in `lanes`, in order.
fn lane_offsets(mut lanes: u64, base: usize) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (lanes != 0).then(|| {
            let lane = lanes.trailing_zeros() as usize / 8;
            lanes &= lanes - 1;
            base + lane
        })
    })
}

/// Does `text` hold a letter that Unicode case folding takes to an ASCII one (`ſ` to `s`,
/// the Kelvin sign to `k`)? Where it does not, an ASCII case-insensitive search agrees with
/// a Unicode one (`(?i)`). One SIMD scan for the two lead bytes (`ſ` is C5 BF, the Kelvin
/// sign E2 84 AA).
pub fn has_letter_folding_to_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xC5, 0xE2, bytes).any(|at| {
        let rest = &bytes[at..];
        rest.starts_with(&[0xC5, 0xBF]) || rest.starts_with(&[0xE2, 0x84, 0xAA])
    })
}

/// A text as rules match it: normalised characters (NBSP as a space, U+2011 as `-`), with
/// its offsets mapped to the file. It borrows the field's own text and map when there is
/// nothing to normalise (nearly always), so a large release is not held twice.
#[derive(Debug, Clone, Copy)]
pub struct MatchText<'a> {
    pub text: &'a str,
    pub map: &'a OffsetMap,
    pub encoding: Encoding,
}

/// The normalised copy of a text that needs one, with its own offset map.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    pub map: OffsetMap,
}

impl Normalised {
    /// The normalised form of `original` (whose offsets map to the file through `map`);
    /// `None` when it has no character to normalise.
    pub fn of(original: &str, map: &OffsetMap) -> Option<Self> {
        // NBSP is C2 A0 and U+2011 is E2 80 91: one SIMD scan for the lead bytes.
        let bytes = original.as_bytes();
        let normalisable = memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|at| {
            let rest = &bytes[at..];
            rest.starts_with(&[0xC2, 0xA0]) || rest.starts_with(&[0xE2, 0x80, 0x91])
        });
        if !normalisable {
            return None;
        }
        let mut text = String::with_capacity(original.len());
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        let mut push = |local: usize, source: usize| {
            if anchors
                .last()
                .is_none_or(|&(l, s)| source != s + (local - l))
            {
                anchors.push((local, source));
            }
        };
        for (i, c) in original.char_indices() {
            push(text.len(), map.to_source(i));
            text.push(match c {
                '\u{a0}' => ' ',
                '\u{2011}' => '-',
                c => c,
            });
        }
        push(text.len(), map.to_source(original.len()));
        Some(Self {
            text,
            map: OffsetMap::from_anchors(anchors),
        })
    }
}

impl<'a> MatchText<'a> {
    /// The text to match for `original`: its normalised copy when it has one, else itself.
    pub fn new(
        original: &'a str,
        map: &'a OffsetMap,
        normalised: Option<&'a Normalised>,
        encoding: Encoding,
    ) -> Self {
        match normalised {
            Some(n) => Self {
                text: &n.text,
                map: &n.map,
                encoding,
            },
            None => Self {
                text: original,
                map,
                encoding,
            },
        }
    }

    /// The text with ASCII letters lowered: byte offsets are the same as in `text`.
    pub fn ascii_lowered(&self) -> String {
        self.text.to_ascii_lowercase()
    }

    /// The file span of the local range `start..end` of the normalised text.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.map.span(start, end)
    }
}

/// Folds text for loose comparison: NBSP and all whitespace runs become one space, case is
/// folded, U+2011 becomes `-`.
pub fn fold_for_comparison(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2011}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The unaccented form of an accented Latin letter, lower case (`É` -> `e`): French pages
/// often drop accents on capitals (`JOURNEE` for `Journée`).
pub fn bare_letter(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let bare = match lower {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        _ => return None,
    };
    Some(bare)
}

/// Canonical texts (disclaimers, end markers) and their near misses: equal when case,
/// punctuation, bullets, dashes and spacing are ignored, or within a small edit distance.
/// Each text's squashed form is computed once, not on every line it is compared with.
#[derive(Debug, Clone, Default)]
pub struct NearMisses {
    candidates: Vec<NearCandidate>,
}

#[derive(Debug, Clone)]
struct NearCandidate {
    text: String,
    /// Letters and digits only, lower-cased.
    squashed: String,
    /// `squashed` in characters.
    length: usize,
    /// For a text of symbols only (`* *** *`): its symbols.
    symbols: Vec<char>,
}

impl NearMisses {
    pub fn new(texts: &[String]) -> Self {
        let candidates = texts
            .iter()
            .map(|text| {
                let squashed = squash(text);
                NearCandidate {
                    text: text.clone(),
                    length: squashed.chars().count(),
                    squashed,
                    symbols: text.chars().filter(|c| !c.is_whitespace()).collect(),
                }
            })
            .collect();
        Self { candidates }
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The canonical text that `found` is a near miss of; ties go to the candidate closest
    /// in case-folded text, and symbol-only texts to the first listed.
    pub fn nearest(&self, found: &str) -> Option<&str> {
        // An edit distance is at least the difference of lengths. A squashed text has at
        // most one character per byte, so a short `found` is ruled out without scanning it.
        let possible = |c: &NearCandidate, found_length: usize| {
            c.length == 0 || found_length.abs_diff(c.length) <= Self::budget(c)
        };
        if !self
            .candidates
            .iter()
            .any(|c| c.length == 0 || found.len() + Self::budget(c) >= c.length)
        {
            return None;
        }
        let found_length = squash_chars(found).count();
        if !self.candidates.iter().any(|c| possible(c, found_length)) {
            return None;
        }
        let key = squash(found);
        self.candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| possible(c, found_length))
            .filter_map(|(rank, c)| {
                let near = if c.length == 0 {
                    // A text of symbols only: a near miss uses the same symbols.
                    !found.trim().is_empty()
                        && found
                            .chars()
                            .all(|ch| ch.is_whitespace() || c.symbols.contains(&ch))
                } else {
                    within_edit_distance(&key, &c.squashed, Self::budget(c))
                };
                near.then(|| {
                    let closeness = if c.length == 0 {
                        rank
                    } else {
                        edit_distance(&found.to_lowercase(), &c.text.to_lowercase())
                    };
                    (closeness, c.text.as_str())
                })
            })
            .min_by_key(|(closeness, _)| *closeness)
            .map(|(_, text)| text)
    }

    /// How many edits a near miss may make: one per twelve characters, one to three.
    fn budget(candidate: &NearCandidate) -> usize {
        (candidate.length / 12).clamp(1, 3)
    }
}

fn squash_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Letters and digits only, lower-cased.
fn squash(text: &str) -> String {
    squash_chars(text).collect()
}

/// Levenshtein distance over characters (near-miss disclaimers, rule-id suggestions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    bounded_edit_distance(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// Is the edit distance of `a` and `b` at most `budget`? Stops as soon as it cannot be:
/// most lines are nowhere near a canonical text.
pub fn within_edit_distance(a: &str, b: &str, budget: usize) -> bool {
    bounded_edit_distance(a, b, budget).is_some()
}

/// The edit distance when it is at most `budget`.
pub fn bounded_edit_distance(a: &str, b: &str, budget: usize) -> Option<usize> {
    if a.chars().count().abs_diff(b.chars().count()) > budget {
        return None;
    }
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&least| least > budget) {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= budget)
}

/// The maximal runs of characters that `belongs` accepts, with their byte offsets, in order;
/// `belongs(c, inside)` is told whether a run has started (for inner apostrophes, hyphens).
/// An iterator: a check that looks at neighbouring runs allocates nothing.
pub fn runs<'t, F: Fn(char, bool) -> bool>(text: &'t str, belongs: F) -> Runs<'t, F> {
    Runs {
        text,
        at: 0,
        belongs,
    }
}

/// The iterator of [`runs`].
pub struct Runs<'t, F> {
    text: &'t str,
    /// Where the next search starts.
    at: usize,
    belongs: F,
}

impl<'t, F> Runs<'t, F> {
    /// The character at byte `at` and its length; ASCII without decoding (nearly every byte
    /// of running text).
    fn char_at(&self, at: usize) -> Option<(char, usize)> {
        let &byte = self.text.as_bytes().get(at)?;
        if byte.is_ascii() {
            return Some((char::from(byte), 1));
        }
        let c = self.text[at..].chars().next()?;
        Some((c, c.len_utf8()))
    }
}

impl<'t, F: Fn(char, bool) -> bool> Iterator for Runs<'t, F> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        let start = loop {
            let (c, len) = self.char_at(self.at)?;
            self.at += len;
            if (self.belongs)(c, false) {
                break self.at - len;
            }
        };
        let end = loop {
            let Some((c, len)) = self.char_at(self.at) else {
                break self.text.len();
            };
            // The character that ends a run is not the start of the next one.
            self.at += len;
            if !(self.belongs)(c, true) {
                break self.at - len;
            }
        };
        Some((start, &self.text[start..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`runs`] as it was first written, over `char_indices`: the reference.
    fn runs_by_chars(text: &str, belongs: impl Fn(char, bool) -> bool) -> Vec<(usize, &str)> {
        let mut chars = text.char_indices();
        let mut out = Vec::new();
        while let Some(start) = chars
            .by_ref()
            .find(|&(_, c)| belongs(c, false))
            .map(|(i, _)| i)
        {
            let end = chars
                .by_ref()
                .find(|&(_, c)| !belongs(c, true))
                .map_or(text.len(), |(i, _)| i);
            out.push((start, &text[start..end]));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn runs_agree_with_the_char_by_char_reference(text in "[aZ' \\-’é\u{a0}\u{2460}.A]{0,30}") {
            let word = |c: char, inside: bool| c.is_alphabetic() || (inside && matches!(c, '\'' | '’' | '-'));
            // A rule where the character that ends a run could start the next one.
            let odd = |c: char, inside: bool| if inside { c.is_lowercase() } else { c.is_uppercase() || c == '.' };
            proptest::prop_assert_eq!(runs(&text, word).collect::<Vec<_>>(), runs_by_chars(&text, word));
            proptest::prop_assert_eq!(runs(&text, odd).collect::<Vec<_>>(), runs_by_chars(&text, odd));
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_digits_are_the_digit_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let expected: Vec<usize> =
                (0..bytes.len()).filter(|&i| bytes[i].is_ascii_digit()).collect();
            proptest::prop_assert_eq!(ascii_digits(&bytes).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn ascii_digits_of_every_byte_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..9 {
                let mut bytes = vec![b'x'; 9];
                bytes[lane] = b;
                let expected: Vec<usize> = if b.is_ascii_digit() {
                    vec![lane]
                } else {
                    vec![]
                };
                assert_eq!(
                    ascii_digits(&bytes).collect::<Vec<_>>(),
                    expected,
                    "{b} {lane}"
                );
            }
        }
    }

    #[test]
    fn nbsp_and_nonbreaking_hyphen_match_as_ascii_but_map_to_original_bytes() {
        let original = "Ban\u{a0}Ki\u{2011}moon said";
        let verbatim = OffsetMap::verbatim(100);
        let normalised = Normalised::of(original, &verbatim);
        let m = MatchText::new(original, &verbatim, normalised.as_ref(), Encoding::Plain);
        assert_eq!(m.text, "Ban Ki-moon said");
        let said = m.text.find("said").unwrap();
        assert_eq!(
            m.span(said, said + 4),
            Span::new(100 + original.find("said").unwrap(), 100 + original.len())
        );
        let hyphen = m.text.find('-').unwrap();
        let orig_hyphen = original.find('\u{2011}').unwrap();
        assert_eq!(
            m.span(hyphen, hyphen + 1),
            Span::new(100 + orig_hyphen, 100 + orig_hyphen + 3)
        );
        assert_eq!(m.span(0, 3), Span::new(100, 103));
    }

    #[test]
    fn normalisation_composes_with_a_json_escape_map() {
        // File: `"a\u00a0b"` starting at 10; decoded text `a\u{a0}b`.
        let decoded = "a\u{a0}b";
        let json = OffsetMap::from_anchors(vec![(0, 11), (1, 12), (3, 18)]);
        let normalised = Normalised::of(decoded, &json);
        let m = MatchText::new(decoded, &json, normalised.as_ref(), Encoding::JsonString);
        assert_eq!(m.text, "a b");
        assert_eq!(m.span(2, 3), Span::new(18, 19));
        assert_eq!(m.span(1, 2), Span::new(12, 18));
        assert_eq!(m.span(0, 1), Span::new(11, 12));
    }

    #[test]
    fn json_encoding_escapes_replacements() {
        assert_eq!(Encoding::JsonString.encode("a \"b\"\n"), "a \\\"b\\\"\\n");
        assert_eq!(Encoding::Plain.encode("a \"b\""), "a \"b\"");
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("offical", "official"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
    }

    #[test]
    fn within_edit_distance_agrees_with_the_distance() {
        for (a, b) in [
            ("offical", "official"),
            ("", "abc"),
            ("abcdef", "azcdyf"),
            ("kitten", "sitting"),
        ] {
            for budget in 0..4 {
                assert_eq!(
                    within_edit_distance(a, b, budget),
                    edit_distance(a, b) <= budget,
                    "{a} {b} {budget}"
                );
            }
        }
    }

    #[test]
    fn runs_split_text_where_the_predicate_says() {
        let words = runs("Ban Ki-moon’s  visit", |c, inside| {
            c.is_alphabetic() || (inside && matches!(c, '-' | '’'))
        });
        let words: Vec<_> = words.collect();
        assert_eq!(words, [(0, "Ban"), (4, "Ki-moon’s"), (17, "visit")]);
        let tokens: Vec<_> = runs(" a b ", |c, _| !c.is_whitespace()).collect();
        assert_eq!(tokens, [(1, "a"), (3, "b")]);
        let trailing: Vec<_> =
            runs("a-", |c, inside| c.is_alphabetic() || (inside && c == '-')).collect();
        assert_eq!(trailing, [(0, "a-")]);
    }

    #[test]
    fn folding_ignores_case_breaks_and_spacing() {
        assert_eq!(
            fold_for_comparison("Crisis  Shows,\n\n\u{a0}\nValue"),
            "crisis shows, value"
        );
    }
}

#[cfg(test)]
mod near_miss_tests {
    use super::*;

    fn disclaimers() -> Vec<String> {
        vec![
            "For information media. Not an official record.".to_owned(),
            "For information media • not an official record".to_owned(),
        ]
    }

    #[track_caller]
    fn near(found: &str, expected: Option<&str>) {
        assert_eq!(
            NearMisses::new(&disclaimers()).nearest(found),
            expected,
            "{found}"
        );
    }

    #[test]
    fn near_misses_go_to_the_closest_canonical_text() {
        let period = Some("For information media. Not an official record.");
        let bullet = Some("For information media • not an official record");
        near("For Information Media. Not An Official Record.", period);
        near("For information media. Not an offical record.", period);
        near("For information media. Not an official record", period);
        near("For information media - not an official record", bullet);
        near("FOR INFORMATION MEDIA • NOT AN OFFICIAL RECORD", bullet);
        near("For internal use only", None);
    }

    #[test]
    fn symbol_only_texts_are_near_when_they_use_the_same_symbols() {
        let marker = NearMisses::new(&["* *** *".to_owned()]);
        assert_eq!(marker.nearest("***"), Some("* *** *"));
        assert_eq!(marker.nearest("* * *"), Some("* *** *"));
        assert_eq!(marker.nearest("# # #"), None);
    }
}
