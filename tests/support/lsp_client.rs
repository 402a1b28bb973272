//! A minimal LSP client for tests: starts `presslint server`, writes `Content-Length` framed
//! JSON-RPC to its stdin and reads its stdout on a thread, with a deadline on every wait so
//! that a server that stops answering fails the test instead of hanging it.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long any one answer may take (a debug build on a loaded two-core machine).
pub const PATIENCE: Duration = Duration::from_secs(30);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Everything read so far, in order, for tests that look back.
    pub log: Vec<Value>,
}

impl Client {
    /// Starts the server in `dir` with `args` after `server`.
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_presslint"))
            .arg("server")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start presslint server");
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Self {
            child,
            stdin,
            messages,
            log: Vec::new(),
        }
    }

    /// `initialize` with `capabilities`, then `initialized`; returns the server's answer.
    pub fn initialize(&mut self, capabilities: Value) -> Value {
        self.request(1, "initialize", json!({ "capabilities": capabilities }));
        let answer = self.response(1);
        self.notify("initialized", json!({}));
        answer
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin still open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// Frames `body` as the protocol does.
    pub fn frame(body: &[u8]) -> Vec<u8> {
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body);
        out
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_bytes(&Self::frame(body.as_bytes()));
    }

    pub fn request(&mut self, id: i64, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        let document = json!({"uri": uri, "languageId": "text", "version": version, "text": text});
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        let params = json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}],
        });
        self.notify("textDocument/didChange", params);
    }

    /// The next message, or a panic after [`PATIENCE`].
    pub fn next(&mut self) -> Value {
        match self.messages.recv_timeout(PATIENCE) {
            Ok(message) => {
                self.log.push(message.clone());
                message
            }
            Err(RecvTimeoutError::Timeout) => {
                panic!("no message from the server; read: {:#?}", self.log)
            }
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the server closed its output; read: {:#?}", self.log)
            }
        }
    }

    /// Reads until a message satisfies `wanted`, and returns it.
    pub fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let message = self.next();
            if wanted(&message) {
                return message;
            }
        }
        panic!("not found in time; read: {:#?}", self.log)
    }

    /// The answer to the request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        self.until(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    /// Closes stdin (if still open) and waits for the server to exit; what it wrote after
    /// the last message read is added to the log.
    pub fn wait(mut self) -> (ExitStatus, Vec<Value>) {
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The reader thread may still be handing over the last messages.
                std::thread::sleep(Duration::from_millis(50));
                let rest: Vec<Value> = self.messages.try_iter().collect();
                self.log.extend(rest);
                return (status, std::mem::take(&mut self.log));
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit; read: {:#?}", self.log);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The `file:` URI of a path made by the tests (temporary directories: no characters that
/// need escaping).
pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}
