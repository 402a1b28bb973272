//! `language`: is the release in the pack's language? Detection reads each pack's
//! `[detect]` data (common words of its language); a release that reads as another
//! embedded pack's language gets one diagnostic, and the rules the pack lists in `suppress`
//! do not run on it (`checks::run`), so a French release checked with `un-en` is not
//! drowned in errors about its French date line and disclaimer.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::model::Release;
use crate::rules::{Pack, Params, Scope};
use crate::span::Span;

use super::Context;

/// The other language a release was recognised in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// `fr`.
    pub language: String,
    /// `French`.
    pub language_name: String,
    /// The embedded pack for that language (`un-fr`).
    pub pack: String,
}

/// A release needs this many words of another language, and three times as many as of the
/// pack's own, to be called foreign: a quoted title or a name (`La Paz`) is not enough.
const MIN_FOREIGN_WORDS: usize = 5;

/// The language a release is in when it is not the pack's, judged on the whole text.
pub fn detect(pack: &Pack, text: &str) -> Option<Verdict> {
    let table = pack
        .detect_table
        .get_or_init(|| WordTable::new(pack, crate::rules::embedded_profiles()));
    table.verdict(text)
}

/// `detect` against an explicit list of language profiles.
pub fn detect_among(
    pack: &Pack,
    text: &str,
    profiles: &[crate::rules::Profile],
) -> Option<Verdict> {
    WordTable::new(pack, profiles).verdict(text)
}

/// The detection words of a pack and of the other languages, each with one bit per language
/// that lists it (bit 0: the pack's own, bit `i + 1`: candidate `i`): one hash lookup per
/// word of a release, and none for a word longer than every listed one. Built once per pack.
#[derive(Debug)]
pub struct WordTable {
    words: rustc_hash::FxHashMap<String, u32>,
    longest: usize,
    /// The first bytes of the listed words: a word starting otherwise is not looked up.
    first_bytes: [bool; 256],
    /// `(pack name, language, language name)` of each candidate.
    candidates: Vec<(String, String, String)>,
}

impl WordTable {
    fn new(pack: &Pack, profiles: &[crate::rules::Profile]) -> Self {
        let mut table = WordTable {
            words: rustc_hash::FxHashMap::default(),
            longest: 0,
            first_bytes: [false; 256],
            candidates: Vec::new(),
        };
        let mut add = |words: &rustc_hash::FxHashSet<String>, bit: u32, longest: usize| {
            for word in words {
                *table.words.entry(word.clone()).or_default() |= 1 << bit;
                if let Some(&first) = word.as_bytes().first() {
                    table.first_bytes[usize::from(first)] = true;
                }
            }
            table.longest = table.longest.max(longest);
        };
        add(&pack.detect.words, 0, pack.detect.longest_word);
        let candidates = profiles
            .iter()
            .filter(|(_, language, detect)| *language != pack.language && !detect.words.is_empty())
            .take(31);
        let mut names = Vec::new();
        for (i, (name, language, detect)) in candidates.enumerate() {
            add(&detect.words, i as u32 + 1, detect.longest_word);
            names.push((name.clone(), language.clone(), detect.language_name.clone()));
        }
        table.candidates = names;
        table
    }

    fn verdict(&self, text: &str) -> Option<Verdict> {
        if self.candidates.is_empty() {
            return None;
        }
        let mut counts = vec![0usize; self.candidates.len() + 1];
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let Some(&first) = word.as_bytes().first() else {
                continue;
            };
            if word.len() > self.longest || !self.first_bytes[usize::from(first)] {
                continue;
            }
            let Some(&bits) = self.words.get(word) else {
                continue;
            };
            for (i, count) in counts.iter_mut().enumerate() {
                *count += usize::from(bits & (1 << i) != 0);
            }
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

/// The language check: no parameters; the verdict comes from `checks::run`.
#[derive(Debug)]
pub struct Language;

impl Language {
    pub fn compile(scope: Scope, params: &Params<'_>) -> Result<Self> {
        super::require_scope(params, "language", scope, &[Scope::Text])?;
        Ok(Self)
    }

    pub fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(verdict) = cx.verdict else {
            return;
        };
        let vars = [
            ("language", verdict.language_name.as_str()),
            ("pack", verdict.pack.as_str()),
        ];
        out.push(cx.diagnostic(evidence(cx.release), &vars));
    }
}

/// Where the language shows first: the date line, else the first disclaimer, headline or
/// paragraph.
fn evidence(release: &Release) -> Span {
    release
        .date_line
        .as_ref()
        .map(|d| d.field.span)
        .or_else(|| release.disclaimers.first().map(|f| f.span))
        .or_else(|| release.headlines.first().map(|h| h.field.span))
        .or_else(|| release.paragraphs().next().map(|f| f.span))
        .unwrap_or(Span::empty(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(pack: &str, text: &str) -> Option<String> {
        let pack = Pack::embedded(pack).unwrap_or_else(|e| panic!("{e}"));
        detect(&pack, text).map(|v| format!("{} {} {}", v.language, v.language_name, v.pack))
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
