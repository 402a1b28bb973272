//! Rule packs: rule files (one rule per TOML file, id from the path) and pack data,
//! validated against `schemas/rules.schema.json` and compiled once.

use crate::error::Result;

/// The pack used when nothing else is configured.
pub const DEFAULT_PACK: &str = "un-en";

/// A compiled rule pack.
#[derive(Debug, Default)]
pub struct Pack {
    pub name: String,
}

impl Pack {
    /// A pack embedded in the binary.
    pub fn embedded(name: &str) -> Result<Self> {
        Ok(Self {
            name: name.to_owned(),
        })
    }
}
