//! Which language a release is in, when it is not its pack's: each embedded pack's
//! `[detect]` words (common words of its language) counted over the first
//! [`SAMPLE_BYTES`] of the text, with an early stop once no other language can win. The `language` check kind reports the verdict;
//! the engine runs this once per release, before the rules.

use crate::checks::language::Verdict;
use crate::rules::{Pack, Profile};

/// A release needs this many words of another language, and three times as many as of the
/// pack's own, to be called foreign: a quoted title or a name (`La Paz`) is not enough.
const MIN_FOREIGN_WORDS: usize = 5;

/// The language a release is in when it is not the pack's, judged on the whole text.
pub fn detect(pack: &Pack, text: &str) -> Option<Verdict> {
    let table = pack
        .detect_table
        .get_or_init(|| WordTable::new(pack, super::embedded_profiles()));
    table.verdict(sample(text))
}

/// How much of a release language detection reads: a release is written in one language,
/// and 6 KB (about a thousand words) tells it as surely as the whole; reading all of a long
/// release cost as much as several rules.
pub const SAMPLE_BYTES: usize = 6 * 1024;

/// The first [`SAMPLE_BYTES`] of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    &text[..crate::span::floor_char_boundary(text, SAMPLE_BYTES.min(text.len()))]
}

/// `detect` against an explicit list of language profiles.
pub fn detect_among(pack: &Pack, text: &str, profiles: &[Profile]) -> Option<Verdict> {
    WordTable::new(pack, profiles).verdict(sample(text))
}

/// The detection words of a pack and of the other languages, each with one bit per language
/// that lists it (bit 0: the pack's own, bit `i + 1`: candidate `i`). Built once per pack.
///
/// Words are bucketed by length and first byte, and a word of a release is compared with the
/// few listed words of its bucket: no hashing, and most words of running text fall in an
/// empty bucket.
#[derive(Debug)]
pub struct WordTable {
    /// Bucket `length * 256 + first byte` holds `entries[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// `(word, language bits)`, sorted by bucket.
    entries: Vec<(Box<str>, u32)>,
    longest: usize,
    /// The length of the shortest word listed for another language (at least 1).
    shortest_foreign: usize,
    /// `(pack name, language, language name)` of each candidate.
    candidates: Vec<(String, String, String)>,
}

impl WordTable {
    fn new(pack: &Pack, profiles: &[Profile]) -> Self {
        let mut words: rustc_hash::FxHashMap<String, u32> = rustc_hash::FxHashMap::default();
        let mut add = |listed: &rustc_hash::FxHashSet<String>, bit: u32| {
            for word in listed.iter().filter(|w| !w.is_empty()) {
                *words.entry(word.clone()).or_default() |= 1 << bit;
            }
        };
        add(&pack.detect.words, 0);
        let candidates = profiles
            .iter()
            .filter(|(_, language, detect)| *language != pack.language && !detect.words.is_empty())
            .take(31);
        let mut names = Vec::new();
        for (i, (name, language, detect)) in candidates.enumerate() {
            add(&detect.words, i as u32 + 1);
            names.push((name.clone(), language.clone(), detect.language_name.clone()));
        }
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        let shortest_foreign = words
            .iter()
            .filter(|(_, &bits)| bits & !1 != 0)
            .map(|(w, _)| w.len())
            .min()
            .unwrap_or(1);
        let mut entries: Vec<(Box<str>, u32)> = words
            .into_iter()
            .map(|(w, bits)| (w.into_boxed_str(), bits))
            .collect();
        entries.sort_by(|a, b| (bucket(&a.0), &a.0).cmp(&(bucket(&b.0), &b.0)));
        let buckets = (longest + 1) * 256;
        let mut starts = vec![0u32; buckets + 1];
        for (word, _) in &entries {
            starts[bucket(word) + 1] += 1;
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
        WordTable {
            starts,
            entries,
            longest,
            shortest_foreign,
            candidates: names,
        }
    }

    /// The language bits of `word`, when it is listed.
    fn bits(&self, word: &str) -> Option<u32> {
        if word.len() > self.longest {
            return None;
        }
        let b = bucket(word);
        let (start, end) = (self.starts[b] as usize, self.starts[b + 1] as usize);
        self.entries[start..end]
            .iter()
            .find(|(listed, _)| listed.as_ref() == word)
            .map(|&(_, bits)| bits)
    }

    fn verdict(&self, text: &str) -> Option<Verdict> {
        if self.candidates.is_empty() {
            return None;
        }
        let mut counts = vec![0usize; self.candidates.len() + 1];
        let mut checkpoint = DECIDED_EVERY;
        let mut decided = false;
        for_each_word(text, |word, end| {
            if let Some(bits) = self.bits(word) {
                for (i, count) in counts.iter_mut().enumerate() {
                    *count += usize::from(bits & (1 << i) != 0);
                }
            }
            if end >= checkpoint {
                checkpoint = end + DECIDED_EVERY;
                decided = self.cannot_be_foreign(&counts, text.len() - end);
            }
            !decided
        });
        if decided {
            return None;
        }
        let own = counts[0];
        let (best, (name, language, language_name)) = counts[1..]
            .iter()
            .copied()
            .zip(&self.candidates)
            .max_by_key(|(count, _)| *count)?;
        (best >= MIN_FOREIGN_WORDS && best >= 3 * own.max(1)).then(|| Verdict {
            language: language.clone(),
            language_name: language_name.clone(),
            pack: name.clone(),
        })
    }
}

impl WordTable {
    /// Is the verdict already "not foreign", whatever the `rest` bytes still to read hold?
    /// Each further listed word takes at least its length plus a separator, which bounds
    /// how many more a candidate can gain. Most releases are decided well before their end.
    fn cannot_be_foreign(&self, counts: &[usize], rest: usize) -> bool {
        let own = counts[0];
        let best = counts[1..].iter().copied().max().unwrap_or(0);
        let gain = rest / (self.shortest_foreign + 1);
        best + gain < MIN_FOREIGN_WORDS.max(3 * own.max(1))
    }
}

/// How many bytes detection reads between two looks at whether the verdict is decided.
const DECIDED_EVERY: usize = 512;

/// The bucket of a non-empty word: its length and first byte.
fn bucket(word: &str) -> usize {
    word.len() * 256 + usize::from(word.as_bytes()[0])
}

/// Calls `f` with every maximal run of alphanumeric characters of `text`, as
/// `text.split(|c: char| !c.is_alphanumeric())` gives them without the empty ones. ASCII
/// bytes are classed by a table; only non-ASCII characters are decoded.
/// `f` gets each word and the offset where it ends, and returns false to stop.
fn for_each_word(text: &str, mut f: impl FnMut(&str, usize) -> bool) {
    let bytes = text.as_bytes();
    // The length of the character at `at` when it is alphanumeric, else `Err` with its
    // length.
    let class = |at: usize| -> Result<usize, usize> {
        let b = bytes[at];
        if b.is_ascii() {
            return if b.is_ascii_alphanumeric() {
                Ok(1)
            } else {
                Err(1)
            };
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            Ok(c.len_utf8())
        } else {
            Err(c.len_utf8())
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match class(i) {
            Err(len) => i += len,
            Ok(len) => {
                let start = i;
                i += len;
                while i < bytes.len() {
                    match class(i) {
                        Ok(len) => i += len,
                        Err(_) => break,
                    }
                }
                if !f(&text[start..i], i) {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(pack: &str, text: &str) -> Option<String> {
        let pack = Pack::embedded(pack).unwrap_or_else(|e| panic!("{e}"));
        detect(&pack, text).map(|v| format!("{} {} {}", v.language, v.language_name, v.pack))
    }

    /// The verdict counted over every word, without deciding early.
    fn reference_verdict(pack: &Pack, text: &str) -> Option<String> {
        let foreign = crate::rules::embedded_profiles()
            .iter()
            .find(|(_, language, _)| *language != pack.language)
            .map(|(name, _, detect)| (name, &detect.words))?;
        let (mut own, mut best) = (0, 0);
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            own += usize::from(pack.detect.words.contains(word));
            best += usize::from(foreign.1.contains(word));
        }
        (best >= MIN_FOREIGN_WORDS && best >= 3 * own.max(1)).then(|| foreign.0.clone())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn deciding_early_never_changes_the_verdict(
            // A text that opens in one language and ends in the other: the case where
            // deciding early would go wrong if the bound were.
            first in proptest::collection::vec(
                proptest::sample::select(vec!["the", "of", "and", "to", "Council", "x", "10"]),
                0..400,
            ),
            then in proptest::collection::vec(
                proptest::sample::select(vec!["le", "la", "de", "et", "du", "été", "paix", "x"]),
                0..900,
            ),
            english_first in proptest::bool::ANY,
            pack in proptest::sample::select(vec!["un-en", "un-fr"]),
        ) {
            let (first, then) = if english_first { (first, then) } else { (then, first) };
            let words: Vec<&str> = first.into_iter().chain(then).collect();
            let pack = Pack::embedded(pack).unwrap_or_else(|e| panic!("{e}"));
            let text = words.join(" ");
            proptest::prop_assert_eq!(
                detect(&pack, &text).map(|v| v.pack),
                reference_verdict(&pack, &text)
            );
        }
    }

    /// The words `for_each_word` gives, and those of the `str::split` it stands for.
    fn words_and_split(text: &str) -> (Vec<String>, Vec<String>) {
        let mut words = Vec::new();
        for_each_word(text, |w, _| {
            words.push(w.to_owned());
            true
        });
        let expected = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        (words, expected)
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_str_split(text in "[a-c1 .,\\-’é\u{a0}\u{2460}\n]{0,40}") {
            let (words, expected) = words_and_split(&text);
            proptest::prop_assert_eq!(words, expected);
        }
    }

    #[test]
    fn words_are_the_alphanumeric_runs_of_str_split() {
        for text in [
            "",
            "l’homme, l'État; 10 000 — «Paix» et ﬁn…",
            "  The Secretary-General (SG/SM/13017) said: ",
            "née Ωmega x²y Ⅻ 東京 ok",
        ] {
            let (words, expected) = words_and_split(text);
            assert_eq!(words, expected, "{text:?}");
        }
    }

    #[test]
    fn a_few_foreign_words_do_not_make_a_foreign_release() {
        let english = "The Secretary-General quoted the motto « La paix est le chemin » of the city of La Paz, and thanked the organizers for their work with the media.";
        assert_eq!(verdict("un-en", english), None);
        let french = "Le Secrétaire général a salué les efforts des pays de la région et a rappelé que la paix est le fruit du dialogue.";
        assert_eq!(verdict("un-en", french).as_deref(), Some("fr French un-fr"));
        assert_eq!(verdict("un-fr", french), None);
        let plain = "The Secretary-General thanked the organizers for their work with the media.";
        assert_eq!(verdict("un-fr", plain).as_deref(), Some("en English un-en"));
        // Quoted French weighs against English under the French pack: no verdict.
        assert_eq!(verdict("un-fr", english), None);
        assert_eq!(verdict("un-en", ""), None);
    }
}
