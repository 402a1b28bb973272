//! Quick fixes: each finding's fix in the requested range as a code action, titled with its
//! safety. Safe fixes are marked preferred (an editor may apply them with one key); unsafe
//! ones may change meaning and are not.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use presslint::{Applicability, Fix};

use super::convert;
use super::lint::{Findings, Linted};

/// The quick fixes for `params.range` from the newest result, which must describe the text as
/// it is (`None`: the document changed since, so no fix is offered rather than a wrong one).
/// `document_changes`: the client takes versioned edits, which it refuses to apply to a
/// newer text.
pub fn code_actions(
    linted: Option<&Linted>,
    params: &CodeActionParams,
    document_changes: bool,
) -> Vec<CodeActionOrCommand> {
    let wanted = params.context.only.as_ref().is_none_or(|kinds| {
        kinds
            .iter()
            .any(|kind| CodeActionKind::QUICKFIX.as_str().starts_with(kind.as_str()))
    });
    let Some((linted, findings)) = linted.and_then(|l| Some((l, l.findings.as_ref()?))) else {
        return Vec::new();
    };
    if !wanted {
        return Vec::new();
    }
    findings
        .diagnostics
        .iter()
        .zip(&linted.diagnostics)
        .filter(|(_, published)| touches(published.range, params.range))
        .filter_map(|(finding, published)| {
            let fix = finding.fix.as_ref()?;
            let edit = workspace_edit(linted, findings, fix, document_changes);
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: title(fix),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![published.clone()]),
                edit: Some(edit),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..Default::default()
            }))
        })
        .collect()
}

/// The fix's own title and its safety: `Write `per cent` (safe fix)`.
pub fn title(fix: &Fix) -> String {
    let safety = match fix.applicability {
        Applicability::Safe => "safe fix",
        Applicability::Unsafe => "unsafe fix: it may change the meaning, check it",
    };
    format!("{} ({safety})", fix.description)
}

/// Whether two ranges share a position (a cursor at either end of a finding counts).
fn touches(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn workspace_edit(
    linted: &Linted,
    findings: &Findings,
    fix: &Fix,
    document_changes: bool,
) -> WorkspaceEdit {
    let edits: Vec<TextEdit> = fix
        .edits
        .iter()
        .map(|edit| TextEdit {
            range: convert::range(&findings.source, edit.span()),
            new_text: edit.replacement.clone(),
        })
        .collect();
    let uri: Uri = linted.uri.clone();
    if document_changes {
        let edit = TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri,
                version: Some(linted.version),
            },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        };
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![edit])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..Default::default()
        }
    }
}
