//! The main loop: the editor's messages in order, the workers' results as they come. It
//! owns the open documents and the workspace (which configuration governs each file); it
//! never lints, so a long check never delays reading a newer edit.

use std::collections::HashSet;
use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams,
    LogMessageParams, MessageType, PublishDiagnosticsParams, Registration, RegistrationParams,
    ShowMessageParams, Uri,
};
use serde::de::DeserializeOwned;

use super::client::ClientSupport;
use super::documents::{Document, Documents};
use super::frame::Decoded;
use super::lint::LintJob;
use super::transport::Outgoing;
use super::workers::{Done, Workers};
use super::{actions, hover, uri, Exit, Settings};
use crate::workspace::Workspace;

pub struct Session {
    out: Sender<Outgoing>,
    settings: Settings,
    workspace: Arc<Workspace>,
    documents: Documents,
    workers: Workers,
    done: Receiver<Done>,
    client: ClientSupport,
    shutdown_requested: bool,
    /// Configuration errors already shown in a message since the last reload.
    shown: HashSet<String>,
}

impl Session {
    pub fn new(out: Sender<Outgoing>, settings: Settings, client: ClientSupport) -> Self {
        let (done_sender, done) = crossbeam_channel::unbounded();
        let workers = Workers::start(settings.workers, &done_sender);
        Self {
            out,
            workspace: Arc::new(settings.workspace()),
            settings,
            documents: Documents::default(),
            workers,
            done,
            client,
            shutdown_requested: false,
            shown: HashSet::new(),
        }
    }

    /// Serves until `exit` or the end of the input. The editor's messages come first when
    /// both are waiting, so that an edit already sent supersedes a result for the text
    /// before it.
    pub fn run(mut self, incoming: &Receiver<Decoded>) -> Exit {
        let done = self.done.clone();
        loop {
            crossbeam_channel::select_biased! {
                recv(incoming) -> decoded => match decoded {
                    Ok(decoded) => {
                        if let Some(exit) = self.handle(decoded) {
                            return exit;
                        }
                    }
                    // The editor closed our input without `exit`: end as `exit` would.
                    Err(_) => return self.exit(),
                },
                recv(done) -> result => {
                    if let Ok(result) = result {
                        self.finish(result);
                    }
                }
            }
        }
    }

    fn exit(&self) -> Exit {
        if self.shutdown_requested {
            Exit::AfterShutdown
        } else {
            Exit::WithoutShutdown
        }
    }

    fn handle(&mut self, decoded: Decoded) -> Option<Exit> {
        match decoded.message {
            Message::Request(request) => self.request(request),
            Message::Notification(notification) => {
                return self.notification(notification, decoded.damage)
            }
            Message::Response(response) => {
                if let Err(error) = response.response_result {
                    eprintln!(
                        "presslint server: the editor refused a request: {}",
                        error.message
                    );
                }
            }
        }
        None
    }

    fn request(&mut self, request: Request) {
        let Request { id, method, params } = request;
        if self.shutdown_requested {
            let message = "the server is shutting down: only `exit` is answered".to_owned();
            return self.reply(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                message,
            ));
        }
        match method.as_str() {
            "shutdown" => {
                self.shutdown_requested = true;
                self.reply(Response::new_ok(id, ()));
            }
            "textDocument/codeAction" => {
                if let Some(params) = self.params::<CodeActionParams>(&id, params) {
                    self.code_action(id, &params);
                }
            }
            "textDocument/hover" => {
                if let Some(params) = self.params::<HoverParams>(&id, params) {
                    self.hover(id, &params);
                }
            }
            "initialize" => {
                let message = "the server is already initialized".to_owned();
                self.reply(Response::new_err(
                    id,
                    ErrorCode::InvalidRequest as i32,
                    message,
                ));
            }
            _ => {
                let message = format!("unknown method `{method}`");
                self.reply(Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    message,
                ));
            }
        }
    }

    /// A request's parameters, or an error reply saying why they are not.
    fn params<P: DeserializeOwned>(&self, id: &RequestId, params: serde_json::Value) -> Option<P> {
        match serde_json::from_value(params) {
            Ok(params) => Some(params),
            Err(error) => {
                let message = format!("invalid parameters: {error}");
                let code = ErrorCode::InvalidParams as i32;
                self.reply(Response::new_err(id.clone(), code, message));
                None
            }
        }
    }

    fn notification(&mut self, notification: Notification, damage: Option<String>) -> Option<Exit> {
        let Notification { method, params } = notification;
        if method == "exit" {
            return Some(self.exit());
        }
        if self.shutdown_requested {
            return None;
        }
        match method.as_str() {
            "initialized" => self.watch_configuration(),
            "textDocument/didOpen" => {
                if let Some(p) = notification_params::<DidOpenTextDocumentParams>(&method, params) {
                    let document = p.text_document;
                    if !uri::is_configuration(&document.uri) {
                        let uri = document.uri.clone();
                        self.documents
                            .open(uri, document.version, document.text, damage);
                        self.lint(&document.uri);
                    }
                }
            }
            "textDocument/didChange" => {
                if let Some(p) = notification_params::<DidChangeTextDocumentParams>(&method, params)
                {
                    let (uri, version) = (p.text_document.uri, p.text_document.version);
                    if !uri::is_configuration(&uri)
                        && self
                            .documents
                            .change(&uri, version, p.content_changes, damage)
                    {
                        self.lint(&uri);
                    }
                }
            }
            "textDocument/didSave" => {
                if let Some(p) = notification_params::<DidSaveTextDocumentParams>(&method, params) {
                    if uri::is_configuration(&p.text_document.uri) {
                        self.reload();
                    } else {
                        self.lint(&p.text_document.uri);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Some(p) = notification_params::<DidCloseTextDocumentParams>(&method, params)
                {
                    let uri = p.text_document.uri;
                    if self.documents.get(&uri).is_some() {
                        self.documents.close(&uri);
                        self.publish(uri, Vec::new(), None);
                    }
                }
            }
            "workspace/didChangeWatchedFiles" => {
                if let Some(p) = notification_params::<DidChangeWatchedFilesParams>(&method, params)
                {
                    if p.changes
                        .iter()
                        .any(|change| uri::is_configuration(&change.uri))
                    {
                        self.reload();
                    }
                }
            }
            // `$/cancelRequest` (answers are quick), `$/setTrace` and the rest: nothing to do.
            _ => {}
        }
        None
    }

    /// Starts a lint of the document's newest text on a worker; older work is superseded.
    fn lint(&mut self, uri: &Uri) {
        let Some(ticket) = self.documents.begin(uri) else {
            return;
        };
        let Some(document) = self.documents.get(uri) else {
            return;
        };
        let job = LintJob {
            uri: uri.clone(),
            version: document.version,
            text: Arc::clone(&document.text),
            damage: document.damage.clone(),
            ticket,
            workspace: Arc::clone(&self.workspace),
        };
        self.workers
            .submit(Box::new(move || job.run().map(Done::Linted)));
    }

    /// A worker's result: a reply is sent; a lint is published if it is still the newest
    /// for its document, and dropped otherwise.
    fn finish(&mut self, done: Done) {
        match done {
            Done::Reply(response) => self.reply(response),
            Done::Linted(linted) => {
                if self.shutdown_requested {
                    return;
                }
                let linted = Arc::new(linted);
                if !self.documents.record(Arc::clone(&linted)) {
                    return;
                }
                if let Some(error) = &linted.configuration_error {
                    if self.shown.insert(error.clone()) {
                        self.show(MessageType::ERROR, format!("presslint: {error}"));
                    }
                }
                let diagnostics = linted.diagnostics.clone();
                self.publish(linted.uri.clone(), diagnostics, Some(linted.version));
            }
        }
    }

    /// Reads the configuration afresh (a `presslint.toml` changed) and lints every open
    /// document again.
    fn reload(&mut self) {
        self.workspace = Arc::new(self.settings.workspace());
        self.shown.clear();
        self.log(
            MessageType::INFO,
            "presslint: configuration reloaded".into(),
        );
        for uri in self.documents.uris() {
            self.lint(&uri);
        }
    }

    /// Asks the editor to report changes to configuration files, when it can watch files.
    fn watch_configuration(&self) {
        if !self.client.watched_files {
            return;
        }
        let watchers: Vec<serde_json::Value> = presslint::config::CONFIG_NAMES
            .iter()
            .map(|name| serde_json::json!({ "globPattern": format!("**/{name}") }))
            .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "presslint-configuration".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(serde_json::json!({ "watchers": watchers })),
            }],
        };
        let id = RequestId::from("presslint/watch-configuration".to_owned());
        let request = Request::new(id, "client/registerCapability".into(), params);
        self.send(request.into());
    }

    fn code_action(&self, id: RequestId, params: &CodeActionParams) {
        let linted = self
            .documents
            .get(&params.text_document.uri)
            .and_then(Document::current);
        let found =
            actions::code_actions(linted.map(|l| &**l), params, self.client.document_changes);
        self.reply(Response::new_ok(id, found));
    }

    /// Answers at once when there is no finding under the cursor; else a worker builds the
    /// pages of its rules.
    fn hover(&self, id: RequestId, params: &HoverParams) {
        let at = &params.text_document_position_params;
        let linted = self
            .documents
            .get(&at.text_document.uri)
            .and_then(Document::current);
        let found = linted.and_then(|linted| {
            let (rules, range) = hover::rules_at(linted, at.position)?;
            let findings = linted.findings.as_ref()?;
            let engine = Arc::clone(&findings.engine);
            Some((rules, range, engine, findings.pack.clone()))
        });
        match found {
            Some((rules, range, engine, pack)) => {
                let markdown = self.client.hover_markdown;
                let hover = hover::job(id, engine, &pack, rules, range, markdown);
                self.workers.submit(hover);
            }
            None => self.reply(Response::new_ok(id, None::<lsp_types::Hover>)),
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.notify("textDocument/publishDiagnostics", params);
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify("window/showMessage", ShowMessageParams { typ, message });
    }

    fn log(&self, typ: MessageType, message: String) {
        self.notify("window/logMessage", LogMessageParams { typ, message });
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_owned(), params).into());
    }

    fn reply(&self, response: Response) {
        self.send(response.into());
    }

    fn send(&self, message: Message) {
        // The writer stops only when the editor has gone; the next read then ends the loop.
        let _ = self.out.send(Outgoing::Message(message));
    }
}

/// A notification's parameters; ones that do not fit are logged and the notification
/// ignored (a notification has no reply to carry an error).
fn notification_params<P: DeserializeOwned>(method: &str, params: serde_json::Value) -> Option<P> {
    match serde_json::from_value(params) {
        Ok(params) => Some(params),
        Err(error) => {
            eprintln!("presslint server: ignored `{method}`: invalid parameters: {error}");
            None
        }
    }
}
