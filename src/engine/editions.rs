//! Meeting the two editions of a release among the files of one run. Files are met in input
//! order; an edition waits until the other-language edition with the same key turns up,
//! which is then checked against it. A waiting edition is kept as a hash of its key, its
//! language and its input's index (a few bytes, whatever the number of files): its facts
//! are read again from its file when its partner comes. With `--require-pairs`, a first pass
//! lists the keys that have editions in two languages.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::checks::pair::facts::EditionKey;

/// The editions met so far that wait for their partner; shared by the threads that lint
/// (which look) and the one that meets files in order (which decides).
#[derive(Default)]
pub struct EditionIndex {
    inner: Mutex<Waiting>,
    /// The language of the first edition that waited, and whether one of another language
    /// has waited since: a thread of a one-language run looks without taking the lock (the
    /// threads contending for it cost more than the rest of the pairing).
    first_language: OnceLock<String>,
    mixed: AtomicBool,
}

#[derive(Default)]
struct Waiting {
    /// The languages met, by their number in the keys below.
    languages: Vec<String>,
    /// The first waiting edition of each (key hash, language), packed by [`slot`]: its
    /// input's index (16 bytes an entry).
    first: HashMap<u64, u32>,
    /// Further waiting editions of a (key hash, language), in order (duplicates: rare).
    more: HashMap<u64, Vec<u32>>,
}

impl Waiting {
    fn language(&mut self, language: &str) -> u8 {
        match self.languages.iter().position(|l| l == language) {
            Some(i) => i as u8,
            None => {
                self.languages.push(language.to_owned());
                (self.languages.len() - 1) as u8
            }
        }
    }

    /// The first waiting edition of `key` in another language than `own`.
    fn partner_of(&self, key: u64, own: u8) -> Option<(u8, u32)> {
        (0..self.languages.len() as u8)
            .filter(|&language| language != own)
            .find_map(|language| Some((language, *self.first.get(&slot(key, language))?)))
    }
}

/// A key's hash and a language in one number: the hash's top byte gives way to the
/// language.
fn slot(key: u64, language: u8) -> u64 {
    key << 8 | u64::from(language)
}

fn hash_key(key: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

impl EditionIndex {
    /// The input index of the waiting partner of `facts`, if one waits now; nothing changes
    /// (a thread looks ahead of the files' order; [`EditionIndex::meet`] decides).
    pub fn peek(&self, facts: &EditionKey) -> Option<usize> {
        if !self.mixed.load(Ordering::Acquire) {
            match self.first_language.get() {
                Some(language) if *language != facts.language => {}
                // Nothing waits, or only editions in this one's language.
                _ => return None,
            }
        }
        let mut waiting = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let own = waiting.language(&facts.language);
        let (_, index) = waiting.partner_of(hash_key(&facts.key), own)?;
        Some(index as usize)
    }

    /// Meets the edition `facts` of input `index`, in input order: the input index of its
    /// partner when one waits (which then stops waiting); otherwise it waits itself. (Keys
    /// are compared by hash: the caller checks the partner's key when it reads it.)
    pub fn meet(&self, index: usize, facts: &EditionKey) -> Option<usize> {
        let mut waiting = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let key = hash_key(&facts.key);
        let own = waiting.language(&facts.language);
        if let Some((language, partner)) = waiting.partner_of(key, own) {
            // The next duplicate of the partner, if any, waits in its place.
            let next = waiting
                .more
                .get_mut(&slot(key, language))
                .map(|more| (more.remove(0), more.is_empty()));
            match next {
                Some((next, emptied)) => {
                    waiting.first.insert(slot(key, language), next);
                    if emptied {
                        waiting.more.remove(&slot(key, language));
                    }
                }
                None => {
                    waiting.first.remove(&slot(key, language));
                }
            }
            return Some(partner as usize);
        }
        let first = self.first_language.get_or_init(|| facts.language.clone());
        if *first != facts.language {
            self.mixed.store(true, Ordering::Release);
        }
        let index = index as u32;
        match waiting.first.get(&slot(key, own)) {
            Some(_) => waiting.more.entry(slot(key, own)).or_default().push(index),
            None => {
                waiting.first.insert(slot(key, own), index);
            }
        }
        None
    }
}

/// The keys of the releases a run holds in two languages (`--require-pairs`).
#[derive(Default)]
pub struct PairedKeys {
    languages: HashMap<String, String>,
    paired: HashSet<String>,
}

impl PairedKeys {
    pub fn add(&mut self, facts: &EditionKey) {
        match self.languages.get(&facts.key) {
            Some(language) if *language != facts.language => {
                self.paired.insert(facts.key.clone());
            }
            Some(_) => {}
            None => {
                self.languages
                    .insert(facts.key.clone(), facts.language.clone());
            }
        }
    }

    /// Whether the release of `facts` has an edition in another language in the run.
    pub fn has_partner(&self, facts: &EditionKey) -> bool {
        self.paired.contains(&facts.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(key: &str, language: &str) -> EditionKey {
        EditionKey {
            key: key.into(),
            language: language.into(),
        }
    }

    #[test]
    fn an_edition_meets_the_waiting_edition_of_the_other_language_once() {
        let index = EditionIndex::default();
        assert_eq!(index.meet(0, &facts("SC/1", "en")), None);
        assert_eq!(index.meet(1, &facts("SC/1", "en")), None);
        assert_eq!(index.meet(2, &facts("SC/2", "en")), None);
        assert_eq!(index.peek(&facts("SC/1", "fr")), Some(0));
        assert_eq!(index.peek(&facts("SC/1", "en")), None, "same language");
        assert_eq!(index.meet(3, &facts("SC/1", "fr")), Some(0));
        assert_eq!(
            index.peek(&facts("SC/1", "fr")),
            Some(1),
            "the duplicate waits next"
        );
        assert_eq!(index.meet(4, &facts("SC/1", "fr")), Some(1));
        assert_eq!(index.meet(5, &facts("SC/1", "fr")), None);
        assert_eq!(index.meet(6, &facts("SC/1", "en")), Some(5));
        assert_eq!(index.meet(7, &facts("SC/3", "fr")), None);
    }

    #[test]
    fn paired_keys_need_two_languages() {
        let mut keys = PairedKeys::default();
        keys.add(&facts("SC/1", "en"));
        keys.add(&facts("SC/1", "en"));
        keys.add(&facts("SC/2", "en"));
        keys.add(&facts("SC/2", "fr"));
        assert!(!keys.has_partner(&facts("SC/1", "en")));
        assert!(keys.has_partner(&facts("SC/2", "fr")));
    }
}
