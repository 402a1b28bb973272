//! `presslint server`: the language server for editors (see `crate::server`).

use super::Outcome;
use crate::cli::ServerArgs;
use crate::server::{self, Exit, Settings};
use crate::workspace::ConfigSource;
use presslint::error::Result;

/// Serves until the editor says `exit`. A configuration that cannot be read does not stop
/// the server: the documents it governs show the error instead.
pub fn run(args: &ServerArgs) -> Result<Outcome> {
    let flags = &args.settings;
    let source = match (&flags.config, flags.no_config) {
        (Some(path), _) => ConfigSource::File(path.clone()),
        (None, true) => ConfigSource::None,
        (None, false) => ConfigSource::Discover,
    };
    let mut settings = Settings::new(source, flags.pack.clone());
    if let Some(threads) = args.threads {
        settings.workers = usize::from(threads);
    }
    // The protocol's exit codes: 0 after `shutdown`, 1 without; `Outcome` has both.
    Ok(match server::serve(settings) {
        Exit::AfterShutdown => Outcome::Clean,
        Exit::WithoutShutdown => Outcome::Findings,
    })
}
