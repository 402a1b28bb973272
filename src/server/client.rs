//! What the editor said it can do, read from its `initialize` parameters. Read by JSON
//! pointer rather than through the full `InitializeParams` type, so that an editor whose
//! parameters are unusual elsewhere is still understood here.

use serde_json::Value;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClientSupport {
    /// Versioned edits (`documentChanges`), which the editor refuses on a newer text.
    pub document_changes: bool,
    /// The editor watches files for the server when asked at run time.
    pub watched_files: bool,
    /// Hovers may be Markdown.
    pub hover_markdown: bool,
}

impl ClientSupport {
    pub fn of(params: &Value) -> Self {
        let yes = |pointer: &str| params.pointer(pointer).and_then(Value::as_bool) == Some(true);
        let hover_formats = params
            .pointer("/capabilities/textDocument/hover/contentFormat")
            .and_then(Value::as_array);
        Self {
            document_changes: yes("/capabilities/workspace/workspaceEdit/documentChanges"),
            watched_files: yes("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration"),
            hover_markdown: hover_formats
                .is_some_and(|formats| formats.iter().any(|f| f == "markdown")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_are_read_where_the_protocol_puts_them() {
        let params = serde_json::json!({"capabilities": {
            "workspace": {
                "workspaceEdit": {"documentChanges": true},
                "didChangeWatchedFiles": {"dynamicRegistration": true}
            },
            "textDocument": {"hover": {"contentFormat": ["plaintext", "markdown"]}}
        }});
        let all = ClientSupport {
            document_changes: true,
            watched_files: true,
            hover_markdown: true,
        };
        assert_eq!(ClientSupport::of(&params), all);
        assert_eq!(ClientSupport::of(&Value::Null), ClientSupport::default());
    }
}
