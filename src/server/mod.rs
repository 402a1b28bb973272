//! `presslint server`: the Language Server Protocol over stdin and stdout.
//!
//! ```text
//! stdin -> transport (reader thread: frames, decoding) -> session (main loop: documents,
//!          requests) -> workers (lint, hover pages) -> session (newest results only)
//!       -> transport (writer thread) -> stdout
//! ```
//!
//! Built on lsp-server's message types and lsp-types' protocol types: synchronous,
//! channels and threads, no async runtime (see ARCHITECTURE.md for why).

mod actions;
mod client;
mod convert;
mod documents;
mod frame;
mod hover;
mod lint;
mod session;
mod transport;
mod uri;
mod workers;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, HoverProviderCapability,
    InitializeResult, PositionEncodingKind, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

use crate::workspace::{ConfigSource, Workspace};
use client::ClientSupport;
use frame::Decoded;
use transport::Outgoing;

/// How the configuration is found, as `check` finds it (`--config`, `--no-config`,
/// `--pack`), and how many workers lint.
#[derive(Debug, Clone)]
pub struct Settings {
    pub source: ConfigSource,
    pub pack: Option<String>,
    pub workers: usize,
}

impl Settings {
    pub fn new(source: ConfigSource, pack: Option<String>) -> Self {
        Self {
            source,
            pack,
            workers: workers::default_count(),
        }
    }

    /// A fresh workspace: configurations are read again when first needed.
    fn workspace(&self) -> Workspace {
        Workspace::new(self.source.clone(), self.pack.clone())
    }
}

/// How the session ended, which the protocol turns into the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `exit` after `shutdown`: exit code 0.
    AfterShutdown,
    /// `exit` (or the end of the input) without `shutdown`: exit code 1.
    WithoutShutdown,
}

/// Serves one editor on stdin and stdout until it says `exit` or goes.
pub fn serve(settings: Settings) -> Exit {
    let (incoming, out) = transport::stdio();
    match initialize(&incoming, &out) {
        Some(client) => session::Session::new(out, settings, client).run(&incoming),
        None => Exit::WithoutShutdown,
    }
}

/// Waits for `initialize` and answers it with the server's capabilities. Requests before it
/// are refused as the protocol says, notifications dropped; `exit` or the end of the input
/// ends the server (`None`).
fn initialize(incoming: &Receiver<Decoded>, out: &Sender<Outgoing>) -> Option<ClientSupport> {
    for decoded in incoming {
        match decoded.message {
            Message::Request(request) if request.method == "initialize" => {
                let result = InitializeResult {
                    capabilities: capabilities(),
                    server_info: Some(ServerInfo {
                        name: "presslint".into(),
                        version: Some(env!("CARGO_PKG_VERSION").into()),
                    }),
                };
                let reply = Response::new_ok(request.id, result);
                let _ = out.send(Outgoing::Message(reply.into()));
                return Some(ClientSupport::of(&request.params));
            }
            Message::Request(request) => {
                let code = ErrorCode::ServerNotInitialized as i32;
                let message = format!("`{}` before `initialize`", request.method);
                let reply = Response::new_err(request.id, code, message);
                let _ = out.send(Outgoing::Message(reply.into()));
            }
            Message::Notification(notification) if notification.method == "exit" => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
    None
}

/// Whole texts on open and change (a release is small), save without text, quick fixes,
/// hovers; positions in UTF-16 units, the protocol's default.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..Default::default()
    }
}
