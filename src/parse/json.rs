//! Reads a release exported in the JSON form of `presslint parse` (as a CMS would export it).

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::Release;
use crate::pointer::PointerSpans;
use crate::source::SourceFile;

/// A JSON input: its value and the span of every value in the file.
pub struct JsonDocument {
    pub value: Value,
    pub spans: PointerSpans,
}

impl JsonDocument {
    pub fn parse(source: &SourceFile) -> Result<Self> {
        let value: Value = serde_json::from_str(source.text.trim_start_matches('\u{feff}'))
            .map_err(|e| Error::in_file(&source.name, format!("not valid JSON: {e}")))?;
        Ok(Self {
            value,
            spans: PointerSpans::default(),
        })
    }

    pub fn to_release(&self, source: &SourceFile) -> Release {
        Release {
            format: crate::model::InputFormat::Json,
            content_end: source.text.len(),
            ..Release::default()
        }
    }
}
