//! `presslint schema NAME`: prints one of the JSON Schemas embedded in the binary.

use std::io::Write;

use super::{output_error, Outcome};
use crate::cli::SchemaArgs;
use presslint::error::{Error, ErrorKind, Result};
use presslint::schema::SCHEMAS;

pub fn run(args: &SchemaArgs) -> Result<Outcome> {
    let text = SCHEMAS
        .iter()
        .find(|(name, _)| *name == args.name)
        .map(|(_, text)| *text)
        .ok_or_else(|| Error::of(ErrorKind::Usage, format!("unknown schema `{}`", args.name)))?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(output_error)?;
    if !text.ends_with('\n') {
        writeln!(out).map_err(output_error)?;
    }
    Ok(Outcome::Clean)
}
