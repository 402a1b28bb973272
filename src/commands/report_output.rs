//! Where `check` writes its report: stdout, or the file of `--output-file`, written beside its
//! destination and renamed into place once complete (`presslint::write::output`).

use std::io::{self, Write};
use std::path::Path;

use super::output_error;
use presslint::error::Result;
use presslint::render::OutputFormat;
use presslint::write::output::OutputFile;

pub enum ReportOutput {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    File(OutputFile),
}

impl ReportOutput {
    /// Stdout, or a new report for `path` (an unwritable place fails here, before any work).
    pub fn open(path: Option<&Path>) -> Result<Self> {
        Ok(match path {
            Some(path) => Self::File(OutputFile::create(path)?),
            None => Self::Stdout(io::BufWriter::new(io::stdout().lock())),
        })
    }

    /// Flushes stdout, or renames the finished file into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Self::Stdout(mut out) => out.flush().map_err(output_error),
            Self::File(file) => file.commit(),
        }
    }
}

impl Write for ReportOutput {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(out) => out.write(bytes),
            Self::File(file) => file.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(out) => out.flush(),
            Self::File(file) => file.flush(),
        }
    }
}

/// Whether people read this format: notes that close a report (the fix list, the count of
/// fixes) then follow it; the other formats are documents, so notes go to stderr.
pub fn for_people(format: OutputFormat) -> bool {
    matches!(format, OutputFormat::Human | OutputFormat::Concise)
}
