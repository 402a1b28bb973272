//! `presslint man`: manual pages in roff, generated from the command line's own definition
//! (clap_mangen): `presslint(1)` lists the subcommands, `presslint-check(1)` and the others
//! describe each one's flags, as git's pages do.

use std::path::Path;

use clap::CommandFactory;
use clap_mangen::Man;

use super::{output_error, Outcome};
use crate::cli::{Cli, ManArgs};
use presslint::error::{io_message, Error, ErrorKind, Result};

pub fn run(args: &ManArgs) -> Result<Outcome> {
    let mut presslint = Cli::command().disable_help_subcommand(true);
    // Building names the subcommands `presslint-check`... as their pages are named.
    presslint.build();
    if let Some(dir) = &args.dir {
        return write_all(&presslint, dir);
    }
    let page = match &args.command {
        None => presslint,
        Some(name) => presslint
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| unknown_subcommand(&presslint, name))?,
    };
    let mut roff = Vec::new();
    manual_page(page).render(&mut roff).map_err(output_error)?;
    std::io::Write::write_all(&mut std::io::stdout(), &roff).map_err(output_error)?;
    Ok(Outcome::Clean)
}

/// One page; every page's footer names presslint and its version (a subcommand has none).
fn manual_page(command: clap::Command) -> Man {
    Man::new(command).source(format!("presslint {}", env!("CARGO_PKG_VERSION")))
}

/// Writes `presslint.1` and one page per subcommand into `dir`.
fn write_all(presslint: &clap::Command, dir: &Path) -> Result<Outcome> {
    let pages = std::iter::once(presslint).chain(presslint.get_subcommands());
    for command in pages {
        manual_page(command.clone()).generate_to(dir).map_err(|e| {
            Error::file(
                ErrorKind::Io,
                dir,
                format!("cannot write manual pages: {}", io_message(&e)),
            )
        })?;
    }
    Ok(Outcome::Clean)
}

fn unknown_subcommand(presslint: &clap::Command, name: &str) -> Error {
    let known: Vec<&str> = presslint
        .get_subcommands()
        .map(clap::Command::get_name)
        .collect();
    Error::of(
        ErrorKind::Usage,
        format!("no subcommand `{name}` (one of: {})", known.join(", ")),
    )
}
