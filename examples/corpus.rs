//! Writes a deterministic corpus of invented UN-style releases with planted defects, and its
//! manifest, for benchmarks and recall tests (the generator is `benches/support/corpus.rs`).
//!
//! ```sh
//! cargo run --release --example corpus -- --out target/bench-corpus --files 6000 --seed 1 \
//!     [--big target/bench-corpus/big.txt --big-mb 50]
//! ```
//!
//! Writes `OUT/en/NNNNNN.txt`, `OUT/fr/NNNNNN.txt` and `OUT/manifest.jsonl` (one JSON object
//! per release: file, language, pack, year, era, series, layout, bytes, planted defects with
//! the rule presslint should report and their line, and findings the era rightly gets).
//! `--big FILE` also writes one giant English release of about `--big-mb` MB with body defects
//! at the corpus density, and its manifest line to `FILE.manifest.jsonl`.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::Parser;

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/formats.rs"]
mod formats;

/// How the releases are written.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Html,
    Markdown,
}

#[derive(Parser)]
#[command(about = "Generate a deterministic corpus of invented press releases")]
struct Args {
    /// Directory to write the corpus into (its `en/`, `fr/` and manifest are replaced)
    #[arg(long)]
    out: PathBuf,
    /// Number of releases
    #[arg(long, default_value_t = 6000)]
    files: usize,
    /// Seed: the same seed writes the same bytes
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Probability that a body paragraph carries a planted defect
    #[arg(long, default_value_t = corpus::Rates::default().paragraph)]
    paragraph_defects: f64,
    /// Probability that a release carries a planted header or footer defect
    #[arg(long, default_value_t = corpus::Rates::default().release)]
    release_defects: f64,
    /// Also write one giant release to this file
    #[arg(long)]
    big: Option<PathBuf>,
    /// Size of the giant release in MB (10^6 bytes)
    #[arg(long, default_value_t = 50)]
    big_mb: usize,
    /// Write each release as a text file, an HTML page or a Markdown file (the manifest's
    /// lines count in the text form)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let rates = corpus::Rates {
        paragraph: args.paragraph_defects,
        release: args.release_defects,
    };
    for dir in ["en", "fr"] {
        let dir = args.out.join(dir);
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
    }
    let mut manifest = BufWriter::new(fs::File::create(args.out.join("manifest.jsonl"))?);
    let (mut bytes, mut defects) = (0usize, 0usize);
    for i in 0..args.files {
        let mut release = corpus::release(args.seed, i, rates);
        match args.format {
            Format::Text => {}
            Format::Html => {
                release.text = formats::to_html(&release.text, release.language);
                release.file = release.file.replace(".txt", ".html");
            }
            Format::Markdown => {
                release.text = formats::to_markdown(&release.text);
                release.file = release.file.replace(".txt", ".md");
            }
        }
        release.bytes = release.text.len();
        fs::write(args.out.join(&release.file), &release.text)?;
        serde_json::to_writer(&mut manifest, &release)?;
        manifest.write_all(b"\n")?;
        bytes += release.bytes;
        defects += release.defects.len();
    }
    manifest.flush()?;
    println!(
        "{} releases, {:.1} MB, {defects} planted defects -> {}",
        args.files,
        bytes as f64 / 1e6,
        args.out.display()
    );
    if let Some(big) = args.big {
        let release = corpus::big_release(args.seed, args.big_mb * 1_000_000, rates);
        if let Some(parent) = big.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&big, &release.text)?;
        let mut line = serde_json::to_vec(&release)?;
        line.push(b'\n');
        let mut name = big.clone().into_os_string();
        name.push(".manifest.jsonl");
        fs::write(name, line)?;
        println!(
            "big release: {:.1} MB, {} planted defects -> {}",
            release.bytes as f64 / 1e6,
            release.defects.len(),
            big.display()
        );
    }
    Ok(())
}
