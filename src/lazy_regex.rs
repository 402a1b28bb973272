//! Regexes of rule packs, checked when the pack loads but compiled on their first search.
//!
//! Compiling a regex (its automata) costs far more than checking its syntax, and many of a
//! pack's patterns are never searched in a run: `except` patterns are only read when a rule
//! has a finding, a scope may be absent. So the embedded packs, whose patterns the test suite
//! compiles, only check syntax at load time; packs read from disk compile eagerly, so that a
//! pattern too large to compile is an error at its line rather than a surprise mid-run.
//! An embedded pattern is not even parsed at load time: the suite compiles every one
//! (`embedded_rule_files_satisfy_the_rules_schema_and_every_regex_compiles`).
//!
//! Each thread searches with its own clone of the compiled regex. A `Regex` keeps a pool of
//! search caches with a fast path for the one thread that used it first; every other thread
//! takes a lock and shares cache lines with it on every search, which cost a two-thread run
//! about a tenth of its time. A clone shares the compiled automata and brings its own pool.

use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regex::Regex;

/// A pattern that never matches (for an empty word list, or a lazy pattern that failed).
pub(crate) const NOTHING: &str = r"[a&&b]";

/// A regex that compiles itself on first use. Derefs to [`Regex`].
#[derive(Clone)]
pub struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Regex>,
    /// Clones for the threads after the first, made on a thread's first search.
    clones: OnceLock<Box<[OnceLock<Regex>]>>,
}

/// How many threads get a clone of their own; more threads share them (correct, slower).
const THREAD_SLOTS: usize = 16;

/// This thread's slot: threads are numbered in the order they first search.
fn thread_slot() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = NEXT.fetch_add(1, Ordering::Relaxed) % THREAD_SLOTS;
    }
    SLOT.with(|slot| *slot)
}

impl LazyRegex {
    /// When `eager`, compiles `pattern` now; otherwise only keeps it (an embedded pattern,
    /// which the suite compiles). The error is the last line of the regex crate's
    /// explanation.
    pub fn new(pattern: impl Into<String>, eager: bool) -> Result<Self, String> {
        let pattern = pattern.into();
        let compiled = OnceLock::new();
        if eager {
            let regex = Regex::new(&pattern).map_err(|e| last_line(&e.to_string()))?;
            let _ = compiled.set(regex);
        }
        Ok(Self {
            pattern,
            compiled,
            clones: OnceLock::new(),
        })
    }

    /// Compiles `pattern` now: for the program's own patterns, kept in statics.
    pub fn eager(pattern: impl Into<String>) -> Result<Self, String> {
        Self::new(pattern, true)
    }

    /// The compiled regex. A lazy pattern that fails to compile (the suite rules that out
    /// for the embedded packs) matches nothing rather than stopping the run.
    pub fn get(&self) -> &Regex {
        match thread_slot() {
            0 => self.compiled(),
            slot => self
                .clones
                .get_or_init(|| (0..THREAD_SLOTS).map(|_| OnceLock::new()).collect())[slot]
                .get_or_init(|| self.compiled().clone()),
        }
    }

    fn compiled(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.pattern)
                .unwrap_or_else(|_| Regex::new(NOTHING).expect("the empty class compiles"))
        })
    }

    /// Has the regex been compiled (by a search, or eagerly)?
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Does the pattern define a capture group of this name?
    pub fn has_group(&self, name: &str) -> bool {
        self.pattern.contains(&format!("(?P<{name}>"))
            || self.pattern.contains(&format!("(?<{name}>"))
    }
}

impl Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.get()
    }
}

impl fmt::Debug for LazyRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LazyRegex").field(&self.pattern).finish()
    }
}

/// The last non-empty line of an error, without an `error: ` prefix.
fn last_line(detail: &str) -> String {
    detail
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .trim_start_matches("error: ")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lazy_regex_compiles_on_its_first_search_and_an_eager_one_at_once() {
        let lazy = LazyRegex::new(r"\bSecretary General\b", false).unwrap();
        assert!(lazy.compiled.get().is_none());
        assert_eq!(lazy.find("the Secretary General said").unwrap().start(), 4);
        assert!(lazy.compiled.get().is_some());
        assert!(LazyRegex::new("x", true).unwrap().compiled.get().is_some());
        assert_eq!(
            LazyRegex::new("(unclosed", true).unwrap_err(),
            "unclosed group"
        );
        assert_eq!(
            LazyRegex::new(r"\p{Klingon}", true).unwrap_err(),
            "Unicode property not found"
        );
        assert!(!LazyRegex::new("(unclosed", false)
            .unwrap()
            .is_match("(unclosed"));
        assert!(LazyRegex::new("(?P<target>x)y", false)
            .unwrap()
            .has_group("target"));
    }

    #[test]
    fn each_thread_searches_with_its_own_clone() {
        let lazy = LazyRegex::new(r"\bTK\b", false).unwrap();
        let seen: Vec<(usize, usize, Option<usize>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..3)
                .map(|_| {
                    scope.spawn(|| {
                        let regex = lazy.get();
                        let start = regex.find("a TK here").map(|m| m.start());
                        (thread_slot(), regex as *const Regex as usize, start)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for a in &seen {
            assert_eq!(a.2, Some(2));
            for b in &seen {
                assert_eq!(a.0 == b.0, a.1 == b.1, "{seen:?}");
            }
        }
    }

    #[test]
    fn a_pattern_too_large_to_compile_fails_eagerly_and_matches_nothing_lazily() {
        let huge = r"\w{1000}\w{1000}\w{1000}";
        assert!(LazyRegex::new(huge, true).is_err());
        let lazy = LazyRegex::new(huge, false).unwrap();
        assert!(!lazy.is_match(&"a".repeat(3000)));
    }
}
