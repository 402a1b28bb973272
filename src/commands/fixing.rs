//! `presslint check --fix` and `--diff`: fix each file to a fixpoint, then write it
//! atomically, print it (stdin), or print the diff of what would be written.

use std::io::{self, Write};

use rayon::prelude::*;

use super::check::{lint_input, outcome, report, Checked, ReportTo};
use super::{output_error, Outcome};
use crate::cli::CheckArgs;
use crate::error::Result;
use crate::fix::{fix_until_stable_from, Applicability};
use crate::inputs::Input;
use crate::render::diff::unified_diff;
use crate::render::FileResult;
use crate::workspace::Workspace;

/// One file after fixing: its result (diagnostics of the fixed text) and what changed.
pub struct Fixed {
    pub checked: Checked,
    /// The text as read (`None` when the file could not be read).
    pub original: Option<String>,
    /// How many problems the applied fixes solved.
    pub fixed: usize,
}

impl Fixed {
    /// The fixed text, when it differs from the original.
    pub fn changed_text(&self) -> Option<&str> {
        let new = &self.checked.result.source.as_ref()?.text;
        (Some(new) != self.original.as_ref()).then_some(new.as_str())
    }
}

pub fn run(args: &CheckArgs, workspace: &Workspace, inputs: &[Input]) -> Result<Outcome> {
    let threshold = args.fix_threshold();
    let stdin_name = args.stdin_filename.as_str();
    let mut files: Vec<Fixed> = inputs
        .par_iter()
        .map(|input| fix_input(workspace, input, stdin_name, threshold))
        .collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut would_change = false;
    for file in &mut files {
        let input = file.checked.result.input.clone();
        if args.diff {
            if let (Some(new), Some(old)) = (file.changed_text(), &file.original) {
                would_change = true;
                out.write_all(unified_diff(&input.name, old, new).as_bytes())
                    .map_err(output_error)?;
            }
        } else if let Some(path) = input.path() {
            if let (Some(new), Some(old)) = (file.changed_text(), &file.original) {
                if let Err(error) = crate::write::replace_file(path, old.as_bytes(), new) {
                    // Nothing was written: report the original's diagnostics with the error.
                    let mut unfixed = lint_input(workspace, &input, stdin_name);
                    unfixed.result.error = Some(error.message);
                    file.checked = unfixed;
                    file.fixed = 0;
                }
            }
        } else {
            // stdin: the fixed (or untouched) text goes to stdout, for format-on-save.
            let fixed = file.checked.result.source.as_ref().map(|s| s.text.as_str());
            let text = fixed.or(file.original.as_deref()).unwrap_or("");
            out.write_all(text.as_bytes()).map_err(output_error)?;
        }
    }
    out.flush().map_err(output_error)?;
    drop(out);

    let results: Vec<FileResult> = files.iter().map(|f| f.checked.result.clone()).collect();
    let fixed: usize = files.iter().map(|f| f.fixed).sum();
    let stdin_fix = args.fix && inputs.iter().any(|i| i.path().is_none());
    if args.diff {
        let summary = crate::render::Summary::of(&results);
        eprintln!(
            "{}",
            summary.would_fix_line(files.iter().map(|f| f.fixed).sum())
        );
        for line in results.iter().filter_map(FileResult::error_line) {
            eprintln!("error: {line}");
        }
    } else {
        let to = if stdin_fix {
            ReportTo::Stderr
        } else {
            ReportTo::Stdout
        };
        report(args, workspace, &results, to)?;
        let line = crate::render::Summary::of(&results).fixed_line(fixed, args.unsafe_fixes);
        // People read the line under the report; machine formats keep stdout parseable.
        let for_people = matches!(
            args.format,
            crate::render::Format::Human | crate::render::Format::Concise
        );
        if to == ReportTo::Stdout && for_people {
            println!("{line}");
        } else {
            eprintln!("{line}");
        }
    }
    let checked: Vec<Checked> = files.into_iter().map(|f| f.checked).collect();
    let status = outcome(&checked, args.fail_on);
    Ok(match status {
        Outcome::Failed => Outcome::Failed,
        _ if args.diff && would_change => Outcome::Findings,
        _ if args.diff => Outcome::Clean,
        other => other,
    })
}

/// Reads one input and fixes it in memory. A file whose fixes do not settle keeps its
/// original text and gets an error naming the rules involved.
fn fix_input(
    workspace: &Workspace,
    input: &Input,
    stdin_name: &str,
    threshold: Applicability,
) -> Fixed {
    let read = lint_input(workspace, input, stdin_name);
    let (Some(engine), Some(source)) = (read.engine.clone(), read.result.source.clone()) else {
        return Fixed {
            checked: read,
            original: None,
            fixed: 0,
        };
    };
    if read.result.error.is_some() {
        return Fixed {
            checked: read,
            original: None,
            fixed: 0,
        };
    }
    let with_error = |error: String| Checked {
        result: FileResult {
            error: Some(error),
            ..read.result.clone()
        },
        ..read.clone()
    };
    match fix_until_stable_from(&engine, &source, read.result.diagnostics.clone(), threshold) {
        Ok(outcome) if outcome.settled => {
            let fixed = outcome.fixed.len();
            let result = FileResult {
                source: Some(crate::SourceFile::new(
                    source.name.clone(),
                    outcome.text,
                    source.kind,
                )),
                diagnostics: outcome.remaining,
                ..read.result.clone()
            };
            Fixed {
                checked: Checked {
                    result,
                    engine: Some(engine),
                },
                original: Some(source.text),
                fixed,
            }
        }
        Ok(outcome) => {
            let error = format!(
                "fixes do not settle: they keep changing the text (rules: {}); nothing written",
                outcome.unsettled_rules.join(", ")
            );
            Fixed {
                checked: with_error(error),
                original: Some(source.text),
                fixed: 0,
            }
        }
        Err(error) => Fixed {
            checked: with_error(error.message),
            original: None,
            fixed: 0,
        },
    }
}
