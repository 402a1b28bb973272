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
    let mut input = if args.file.as_os_str() == "-" {
        Input::stdin(&args.stdin_filename)
    } else {
        Input::file(args.file.clone())
    };
    if let Some(format) = args.input_format {
        input.kind = format.kind();
    }
    let source = input
        .read()
        .map_err(|error| Error::file(error.kind, input.name(), error.message))?;
    let workspace = args.settings.workspace()?;
    let engine = workspace.engine_for(input.path(), &args.stdin_filename)?;
    let (release, mut diagnostics, projected) = engine.parse_projected(&source)?;
    presslint::diagnostic::sort(&mut diagnostics);
    let mut value = serde_json::to_value(&release).map_err(|e| {
        Error::file(
            ErrorKind::Internal,
            input.name(),
            format!("cannot serialise the release: {e}"),
        )
    })?;
    if let Some(projected) = &projected {
        // The model was read from the text the page shows: its spans go back to the file.
        map_spans(&mut value, &projected.projection);
        value["format"] = source.kind.name().into();
    }
    let json = serde_json::to_string_pretty(&value).unwrap_or_default();
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
        suppressed: Vec::new(),
    };
    let mut report = Vec::new();
    render::concise::write_file(&result, &mut report)
        .and_then(|()| io::stderr().lock().write_all(&report))
        .map_err(output_error)?;
    Ok(outcome)
}

/// Maps every `span` of the model's JSON form from the projected text to the file.
fn map_spans(value: &mut serde_json::Value, projection: &presslint::markup::Projection) {
    match value {
        serde_json::Value::Object(object) => {
            if let Some(span) = object.get_mut("span") {
                let (Some(start), Some(end)) = (span["start"].as_u64(), span["end"].as_u64())
                else {
                    return;
                };
                let mapped = projection.span(presslint::Span::new(start as usize, end as usize));
                span["start"] = mapped.start.into();
                span["end"] = mapped.end.into();
            }
            for (key, child) in object.iter_mut() {
                if key != "span" {
                    map_spans(child, projection);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                map_spans(item, projection);
            }
        }
        _ => {}
    }
}
