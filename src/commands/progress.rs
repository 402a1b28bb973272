//! A progress bar on stderr for long runs that people watch: only when stderr is a terminal,
//! the format is one people read, and there are enough files for it to matter. Never in
//! machine formats or piped output.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use presslint::render::OutputFormat;

/// Fewer files than this finish before a bar would be worth drawing.
const MIN_FILES: usize = 500;

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(files: usize, format: OutputFormat) -> Self {
        let for_people = matches!(format, OutputFormat::Human | OutputFormat::Concise);
        let show = for_people && files >= MIN_FILES && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(files as u64),
                ProgressDrawTarget::stderr_with_hz(10),
            );
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files  {per_sec}  {eta}")
            {
                bar.set_style(style);
            }
            bar
        });
        Self { bar }
    }

    /// No bar at all (`--quiet`).
    pub fn none() -> Self {
        Self { bar: None }
    }

    /// One more file done.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Runs `write` with the bar hidden, so that output to the same terminal is not torn.
    pub fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
