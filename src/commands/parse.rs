//! `presslint parse FILE`: the release as parsed, as pretty JSON on stdout (the serde form of
//! `Release`, with spans); schema diagnostics in the concise form on stderr.

use std::io::{self, Write};

use super::{output_error, Outcome};
use crate::cli::ParseArgs;
use presslint::error::{Error, ErrorKind, Result};
use presslint::inputs::Input;
use presslint::render::{self, FileResult};

/// Exit 0 when the release parsed and matches the release schema, 1 when it has schema
/// diagnostics, 2 when it cannot be read or parsed at all.
pub fn run(args: &ParseArgs) -> Result<Outcome> {
    let input = if args.file.as_os_str() == "-" {
        Input::stdin(&args.stdin_filename)
    } else {
        Input::file(args.file.clone())
    };
    let source = input
        .read()
        .map_err(|error| Error::file(error.kind, input.name(), error.message))?;
    let workspace = args.settings.workspace()?;
    let engine = workspace.engine_for(input.path(), &args.stdin_filename)?;
    let (release, mut diagnostics) = engine.parse(&source)?;
    presslint::diagnostic::sort(&mut diagnostics);
    let json = serde_json::to_string_pretty(&release).map_err(|e| {
        Error::file(
            ErrorKind::Internal,
            input.name(),
            format!("cannot serialise the release: {e}"),
        )
    })?;
    let mut out = io::stdout().lock();
    writeln!(out, "{json}").map_err(output_error)?;
    let outcome = if diagnostics.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    };
    let result = FileResult {
        input,
        source: Some(source),
        diagnostics,
        error: None,
        pack: None,
    };
    let mut report = Vec::new();
    render::concise::write_file(&result, &mut report)
        .and_then(|()| io::stderr().lock().write_all(&report))
        .map_err(output_error)?;
    Ok(outcome)
}
