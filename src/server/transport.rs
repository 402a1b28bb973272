//! stdin and stdout as channels of messages, each on a thread of its own, so that the main
//! loop never blocks on the editor.
//!
//! lsp-server's own stdio transport ends the connection at the first frame it cannot decode,
//! which would let an editor's bad bytes kill the server; this one reads frames with
//! [`frame`], answers what is not a message with a JSON-RPC error, and reads on.

use std::io::{self, BufReader};
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;

use super::frame::{self, Decoded, Frame, Rejection};

/// What the server writes.
#[derive(Debug)]
pub enum Outgoing {
    Message(Message),
    /// An error reply to a frame that was not a message.
    Rejection(Rejection),
}

impl From<Message> for Outgoing {
    fn from(message: Message) -> Self {
        Outgoing::Message(message)
    }
}

/// Starts the reader (stdin) and writer (stdout) threads: the messages read, and where to
/// send those to write. The reader's channel closes at the end of stdin or after `exit`.
pub fn stdio() -> (Receiver<Decoded>, Sender<Outgoing>) {
    let (outgoing, to_write) = crossbeam_channel::unbounded::<Outgoing>();
    let (read, incoming) = crossbeam_channel::unbounded::<Decoded>();
    let replies = outgoing.clone();
    // If a thread cannot start, the channel it would serve is closed at once and the main
    // loop ends as if the editor had gone.
    let _ = thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || write_all(&to_write));
    let _ = thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || read_all(&read, &replies));
    (incoming, outgoing)
}

fn write_all(to_write: &Receiver<Outgoing>) {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for outgoing in to_write {
        let written = match &outgoing {
            Outgoing::Message(message) => frame::write_message(&mut out, message),
            Outgoing::Rejection(rejection) => frame::write_rejection(&mut out, rejection),
        };
        if written.is_err() {
            return; // the editor has gone
        }
    }
}

fn read_all(read: &Sender<Decoded>, replies: &Sender<Outgoing>) {
    let mut input = BufReader::new(io::stdin().lock());
    loop {
        let body = match frame::read(&mut input) {
            Ok(Some(Frame::Body(body))) => body,
            Ok(Some(Frame::Skipped(why))) => {
                eprintln!("presslint server: skipped a frame: {why}");
                let rejection = Rejection {
                    id: serde_json::Value::Null,
                    code: lsp_server::ErrorCode::ParseError as i32,
                    message: why,
                };
                let _ = replies.send(Outgoing::Rejection(rejection));
                continue;
            }
            Ok(None) => return,
            Err(error) => {
                eprintln!("presslint server: cannot read stdin: {error}");
                return;
            }
        };
        match frame::decode(body) {
            Ok(decoded) => {
                let exit =
                    matches!(&decoded.message, Message::Notification(n) if n.method == "exit");
                if read.send(decoded).is_err() || exit {
                    return;
                }
            }
            Err(rejection) => {
                eprintln!("presslint server: {}", rejection.message);
                let _ = replies.send(Outgoing::Rejection(rejection));
            }
        }
    }
}
