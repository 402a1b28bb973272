//! Throughput benchmark: lints a generated corpus of releases with a release build.
//!
//! `cargo bench --bench corpus [-- FILES]` builds the engine once, generates FILES releases
//! (default 5000, seed 1) with the shared generator of `support/corpus.rs` (the corpus that
//! `examples/corpus.rs` writes and `benches/bench.sh` times through the binary), and reports
//! files per second and MB/s, one thread and all threads, in process: no file reading, no
//! rendering. It measures; it asserts nothing, so it is not part of `cargo test`.

use std::time::Instant;

use presslint::{Engine, SourceFile, SourceKind};
use rayon::prelude::*;

#[path = "support/corpus.rs"]
mod corpus;

fn main() {
    let files: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5000);
    let started = Instant::now();
    let engine = Engine::with_default_pack().expect("the embedded pack loads");
    println!(
        "engine built (schema + {} rules) in {:.1?}",
        engine.pack().rules.len(),
        started.elapsed()
    );
    let corpus: Vec<SourceFile> = (0..files)
        .map(|i| {
            let release = corpus::release(1, i, corpus::Rates::default());
            SourceFile::new(release.file, release.text, SourceKind::Text)
        })
        .collect();
    let bytes: usize = corpus.iter().map(|s| s.text.len()).sum();
    let megabytes = bytes as f64 / 1_000_000.0;

    let started = Instant::now();
    let serial: usize = corpus
        .iter()
        .map(|s| engine.lint(s).map_or(0, |d| d.len()))
        .sum();
    let one = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let parallel: usize = corpus
        .par_iter()
        .map(|s| engine.lint(s).map_or(0, |d| d.len()))
        .sum();
    let all = started.elapsed().as_secs_f64();
    assert_eq!(
        serial, parallel,
        "parallel linting must find what serial linting finds"
    );

    println!("{files} files, {megabytes:.1} MB, {serial} diagnostics");
    println!(
        "1 thread : {:>8.0} files/s {:>7.1} MB/s",
        files as f64 / one,
        megabytes / one
    );
    println!(
        "{} threads: {:>8.0} files/s {:>7.1} MB/s",
        rayon::current_num_threads(),
        files as f64 / all,
        megabytes / all
    );
}
