//! CLI entry: parse arguments, run a command, map the outcome to exit code 0/1/2.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = presslint::cli::Cli::parse();
    std::process::ExitCode::from(presslint::commands::run(&cli).code())
}
