//! CLI entry: parse arguments, run a command, map the outcome to exit code 0/1/2.

use clap::Parser;

mod cli;
mod commands;
mod server;
mod workspace;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    std::process::ExitCode::from(commands::run(&cli).code())
}
