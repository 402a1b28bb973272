//! `presslint completions SHELL`: a completion script generated from the command line's own
//! definition (clap_complete), so it never falls behind a new flag.

use clap::CommandFactory;

use super::{output_error, Outcome};
use crate::cli::{Cli, CompletionsArgs};
use presslint::error::Result;

pub fn run(args: &CompletionsArgs) -> Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "presslint", &mut script);
    std::io::Write::write_all(&mut std::io::stdout(), &script).map_err(output_error)?;
    Ok(Outcome::Clean)
}
