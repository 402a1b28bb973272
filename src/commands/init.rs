//! `presslint init`: writes the commented starter configuration, never over an existing file.

use super::Outcome;
use crate::cli::InitArgs;
use presslint::config::STARTER;
use presslint::error::{Error, ErrorKind, Result};

pub fn run(args: &InitArgs) -> Result<Outcome> {
    let path = &args.path;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                Error::file(ErrorKind::Io, path, "already exists; not overwritten")
            }
            _ => Error::file(
                ErrorKind::Io,
                path,
                format!("cannot write: {}", presslint::error::io_message(&e)),
            ),
        })?;
    std::io::Write::write_all(&mut file, STARTER.as_bytes()).map_err(|e| {
        Error::file(
            ErrorKind::Io,
            path,
            format!("cannot write: {}", presslint::error::io_message(&e)),
        )
    })?;
    println!("Wrote {}", path.display());
    Ok(Outcome::Clean)
}
