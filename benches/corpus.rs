//! Throughput benchmark: lints a generated corpus of releases with a release build.
//!
//! `cargo bench --bench corpus [-- FILES]` builds the engine once, generates FILES releases
//! (default 5000) of varied shape and size, and reports files per second and MB/s, one thread
//! and all threads. It measures; it asserts nothing, so it is not part of `cargo test`.

use std::time::Instant;

use presslint::{Engine, SourceFile, SourceKind};
use rayon::prelude::*;

const PARAGRAPH: &str = "The Secretary-General commends the Governments of the region for their commitment \
to dialogue, and encourages all partners to support the process launched in Almaty on 16-17 July.  \
He reiterates that the United Nations stands ready to assist, including through its regional office.";

/// One release of the corpus; `i` varies its size, era and defects.
fn release(i: usize) -> String {
    let symbol = match i % 4 {
        0 => format!("SG/SM/{}", 10000 + i % 9000),
        1 => format!("SG/SM/{}-OBV/{}", 10000 + i % 9000, 1000 + i % 900),
        2 => format!("sg/sm/{}", 10000 + i % 9000),
        _ => format!("GA/EF/{}", 3000 + i % 900),
    };
    let date = if i % 5 == 0 {
        "July 19, 2010".to_owned()
    } else {
        format!("{} July 2010", 1 + i % 28)
    };
    let mut text =
        format!("{symbol}\n{date}\n\nSecretary-General Calls for Cooperation on Item {i}\n\n");
    text.push_str("Following is UN Secretary-General Ban Ki-moon's message:\n\n");
    for _ in 0..(2 + i % 12) {
        text.push_str(PARAGRAPH);
        text.push_str("\n\n");
    }
    text.push_str(if i % 7 == 0 { "***\n\n" } else { "* *** *\n\n" });
    text.push_str(if i % 3 == 0 {
        "For Information Media. Not an official record\n"
    } else {
        "For information media. Not an official record.\n"
    });
    text
}

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
        .map(|i| SourceFile::new(format!("r{i}.txt"), release(i), SourceKind::Text))
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
