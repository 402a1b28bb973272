//! The subcommands, one file each; [`run`] dispatches and maps failures to [`Outcome::Failed`].

pub mod baseline;
pub mod check;
pub mod completions;
pub mod editions;
pub mod explain;
pub mod fixing;
pub mod init;
pub mod man;
pub mod ordered;
pub mod parse;
pub mod progress;
pub mod report_output;
pub mod rules;
pub mod schema;
pub mod server;
pub mod statistics;
pub mod watch;

use crate::cli::{Cli, Command};
use presslint::error::{Error, ErrorKind};

/// How a command ended, which the binary turns into its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the failing severity: exit 0.
    Clean,
    /// At least one diagnostic at or above the failing severity: exit 1.
    Findings,
    /// The run itself failed (bad arguments, unreadable input...): exit 2.
    Failed,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        }
    }
}

/// Runs a parsed command line. An error that stops the command is printed on stderr as one
/// line (`error: ...`).
pub fn run(cli: &Cli) -> Outcome {
    let result = match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Init(args) => init::run(args),
        Command::Server(args) => server::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    };
    match result {
        Ok(outcome) => outcome,
        Err(error) => {
            if error.kind != ErrorKind::ClosedPipe {
                eprintln!("error: {error}");
            }
            Outcome::Failed
        }
    }
}

/// An output error as a run error. A closed pipe (`presslint check | head`) fails the run
/// quietly: the reader left, there is no one to tell.
pub(crate) fn output_error(error: std::io::Error) -> Error {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return Error::closed_pipe();
    }
    Error::of(
        ErrorKind::Io,
        format!(
            "cannot write output: {}",
            presslint::error::io_message(&error)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_a_kind_of_its_own_and_other_output_errors_say_why() {
        let closed = output_error(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(closed.kind, ErrorKind::ClosedPipe);
        let other = output_error(std::io::Error::other("disk full"));
        assert_eq!(other.kind, ErrorKind::Io);
        assert_eq!(other.to_string(), "cannot write output: disk full");
    }
}
