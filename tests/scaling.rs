//! No cost grows faster than the input: each hostile shape is checked at a size n and at
//! 10n, and the work must grow about 10 times. Timing ratios, not limits: each size is the
//! best of three runs, and the allowed ratio (30 for 10 times the input) is generous enough
//! for a loaded machine while a quadratic cost (100 times) cannot pass.

use std::time::{Duration, Instant};

use presslint::engine::fix_until_stable;
use presslint::fix::Applicability;
use presslint::{Engine, SourceFile, SourceKind};

/// The largest growth allowed for ten times the input.
const MAX_RATIO: f64 = 30.0;

fn best_of_three(mut work: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .min()
        .expect("three runs")
}

/// Times `lint` (or `--fix`) on `shape(n)` and `shape(10 n)`; fails if the work grows by
/// more than [`MAX_RATIO`].
#[track_caller]
fn grows_linearly(name: &str, n: usize, fix: bool, shape: impl Fn(usize) -> String) {
    let engine = Engine::with_default_pack().expect("the embedded pack loads");
    let run = |text: &str| {
        let source = SourceFile::new("hostile.txt", text, SourceKind::Text);
        if fix {
            let outcome = fix_until_stable(&engine, &source, Applicability::Safe).unwrap();
            assert!(outcome.settled, "{name}: fixes settle");
        } else {
            engine.lint(&source).unwrap();
        }
    };
    let (small, large) = (shape(n), shape(10 * n));
    run(&small); // warm: regexes compile on first use
    let small_time = best_of_three(|| run(&small));
    let large_time = best_of_three(|| run(&large));
    let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-6);
    eprintln!("{name}: {small_time:?} -> {large_time:?} for 10x the input (x{ratio:.1})");
    assert!(
        ratio < MAX_RATIO,
        "{name}: 10x the input took {ratio:.1}x the time ({small_time:?} -> {large_time:?})"
    );
}

const HEAD: &str = "SG/SM/13017\n19 July 2010\n\nSecretary-General Opens Forum on Water\n\n";
const TAIL: &str = "\n* *** *\n\nFor information media. Not an official record.\n";

#[test]
fn many_symbol_lines() {
    grows_linearly("symbol lines", 1_000, false, |n| {
        (0..n).map(|i| format!("SG/SM/{}\n", 10_000 + i)).collect()
    });
}

#[test]
fn many_short_lines() {
    grows_linearly("short lines", 2_000, false, |n| {
        let lines: String = (0..n).map(|i| format!("Line {i} of the text\n")).collect();
        format!("{HEAD}{lines}{TAIL}")
    });
}

#[test]
fn many_findings_in_one_paragraph() {
    // One paragraph dense with findings: the doubled word, the unhyphenated title, a
    // US-order date.
    grows_linearly("findings", 300, false, |n| {
        let body: String = (0..n)
            .map(|_| "the the Secretary General spoke on July 19, 2010 ( here ). ")
            .collect();
        format!("{HEAD}{body}\n{TAIL}")
    });
}

#[test]
fn many_paragraphs() {
    grows_linearly("paragraphs", 300, false, |n| {
        let body: String = (0..n)
            .map(|i| format!("Paragraph {i} says what the Secretary-General said.\n\n"))
            .collect();
        format!("{HEAD}{body}{TAIL}")
    });
}

#[test]
fn many_fixes() {
    grows_linearly("fixes", 200, true, |n| {
        let body: String = (0..n)
            .map(|_| "The Secretary General met the Under Secretary General. ")
            .collect();
        format!("{HEAD}{body}\n{TAIL}")
    });
}
