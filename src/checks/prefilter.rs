//! A necessary condition checked before a rule's regex: the field must contain one of a set
//! of literal texts. One Aho-Corasick scan (at memory speed) spares the regex automaton the
//! many paragraphs where a rule cannot match. Kinds whose pattern is a list of words build it
//! from the list; `forbid` rules may declare one (`requires`) for patterns with no literal
//! prefix of their own.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::error::Result;
use crate::rules::Params;

#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Literals of one byte (`%`, brackets) are found with `memchr`, three at a time: a SIMD
    /// scan much faster than an automaton.
    bytes: Vec<u8>,
    literals: Option<AhoCorasick>,
    /// Case-insensitive: a regex `(?i)` also folds `ſ` to `s` and the Kelvin sign to `k`,
    /// which an ASCII-insensitive scan does not; a field holding either is always searched.
    ignore_case: bool,
}

impl Prefilter {
    /// A prefilter over `literals`; `None` when there are none (every field is searched).
    pub fn new<I, S>(literals: I, ignore_case: bool) -> Option<Self>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let literals: Vec<S> = literals.into_iter().collect();
        if literals.is_empty() || literals.iter().any(|l| l.as_ref().is_empty()) {
            return None;
        }
        let (single, longer): (Vec<S>, Vec<S>) = literals
            .into_iter()
            .partition(|l| l.as_ref().len() == 1 && !ignore_case);
        let bytes = single.iter().map(|l| l.as_ref()[0]).collect();
        // A DFA: the fastest scan, and a rule's literal list is small enough to afford it.
        let literals = if longer.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .ascii_case_insensitive(ignore_case)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(longer)
                    .ok()?,
            )
        };
        Some(Self {
            bytes,
            literals,
            ignore_case,
        })
    }

    /// The `requires` parameter of a rule (texts, case-sensitive), if any.
    pub fn from_params(params: &Params<'_>) -> Result<Option<Self>> {
        let texts = params.strings("requires");
        if texts.iter().any(String::is_empty) {
            return Err(params.error("requires", "`requires` holds an empty text"));
        }
        Ok(Self::new(texts, false))
    }

    /// May a match lie in `text`? `false` only when none can.
    pub fn may_match(&self, text: &str) -> bool {
        let folds_to_ascii = || crate::text::has_letter_folding_to_ascii(text);
        let haystack = text.as_bytes();
        let has_byte = self.bytes.chunks(3).any(|set| match *set {
            [a] => memchr::memchr(a, haystack).is_some(),
            [a, b] => memchr::memchr2(a, b, haystack).is_some(),
            [a, b, c] => memchr::memchr3(a, b, c, haystack).is_some(),
            _ => false,
        });
        has_byte
            || self.literals.as_ref().is_some_and(|l| l.is_match(text))
            || (self.ignore_case && folds_to_ascii())
    }
}

/// Does `prefilter` (if any) let `text` through?
pub fn passes(prefilter: Option<&Prefilter>, text: &str) -> bool {
    prefilter.is_none_or(|p| p.may_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_texts_holding_a_literal_pass() {
        let p = Prefilter::new(["( ", " )"], false).unwrap();
        assert!(p.may_match("a ( b"));
        assert!(!p.may_match("a (b) c"));
        assert!(Prefilter::new(Vec::<&str>::new(), false).is_none());
        let ci = Prefilter::new(["program"], true).unwrap();
        assert!(ci.may_match("PROGRAMS"));
        assert!(!ci.may_match("plan"));
        // `(?i)program` matches a long s; the prefilter lets such a text through.
        assert!(ci.may_match("ſome text"));
        assert!(passes(None, "anything"));
        let brackets = Prefilter::new(["(", "[", ")", "]", "%"], false).unwrap();
        assert!(brackets.may_match("a ] b"));
        assert!(brackets.may_match("5 %"));
        assert!(!brackets.may_match("a b"));
    }
}
