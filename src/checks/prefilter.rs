//! A necessary condition checked before a rule's regex: the field must contain one of a set
//! of literal texts (`requires` in a `forbid` rule, for a pattern with no literal prefix of
//! its own). One scan at memory speed spares the regex automaton the many paragraphs where
//! the rule cannot match, and spares compiling a regex no paragraph reaches.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Literals of one byte (`%`, brackets) are found with `memchr`, three at a time: a SIMD
    /// scan much faster than an automaton.
    bytes: Vec<u8>,
    /// The longer literals (a DFA: the fastest scan, affordable for a rule's short list).
    literals: Option<AhoCorasick>,
}

impl Prefilter {
    /// A prefilter over `literals` (case-sensitive); `None` when there are none (every field
    /// is searched).
    pub fn new<I, S>(literals: I) -> Option<Self>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let literals: Vec<S> = literals.into_iter().collect();
        if literals.is_empty() || literals.iter().any(|l| l.as_ref().is_empty()) {
            return None;
        }
        let (single, longer): (Vec<S>, Vec<S>) =
            literals.into_iter().partition(|l| l.as_ref().len() == 1);
        let bytes = single.iter().map(|l| l.as_ref()[0]).collect();
        let literals = if longer.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(longer)
                    .ok()?,
            )
        };
        Some(Self { bytes, literals })
    }

    /// May a match lie in `text`? `false` only when none can.
    pub fn may_match(&self, text: &str) -> bool {
        let haystack = text.as_bytes();
        let has_byte = self.bytes.chunks(3).any(|set| match *set {
            [a] => memchr::memchr(a, haystack).is_some(),
            [a, b] => memchr::memchr2(a, b, haystack).is_some(),
            [a, b, c] => memchr::memchr3(a, b, c, haystack).is_some(),
            _ => false,
        });
        has_byte || self.literals.as_ref().is_some_and(|l| l.is_match(text))
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
        let p = Prefilter::new(["( ", " )"]).unwrap();
        assert!(p.may_match("a ( b"));
        assert!(!p.may_match("a (b) c"));
        assert!(!p.may_match("a [ b"));
        assert!(Prefilter::new(Vec::<&str>::new()).is_none());
        assert!(passes(None, "anything"));
        let brackets = Prefilter::new(["(", "[", ")", "]", "%"]).unwrap();
        assert!(brackets.may_match("a ] b"));
        assert!(brackets.may_match("5 %"));
        assert!(!brackets.may_match("a b"));
        let mixed = Prefilter::new(["%", "- "]).unwrap();
        assert!(mixed.may_match("well- known"));
        assert!(!mixed.may_match("well-known"));
    }
}
