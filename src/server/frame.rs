//! One message of the protocol's byte stream: `Content-Length` headers, a blank line, then a
//! JSON-RPC body. Reading is forgiving, as an editor's bytes cannot be trusted to be what
//! the protocol says: a frame whose headers make no sense is skipped, one that is too large
//! is read past, and a body that is not valid UTF-8, or holds a lone UTF-16 surrogate, is
//! decoded with replacement characters and marked as damaged rather than dropped.

use std::io::{self, BufRead, Read, Write};

use lsp_server::Message;
use serde_json::Value;

/// The largest body read into memory; a larger one is read past and answered with an error.
/// A press release is a few kilobytes; the largest releases checked are a few megabytes.
pub const MAX_BODY: usize = 64 << 20;

/// The longest header line kept; the protocol's headers are a few dozen bytes.
const MAX_HEADER_LINE: u64 = 4096;

/// What one frame of input held.
#[derive(Debug)]
pub enum Frame {
    /// A message body, not yet decoded.
    Body(Vec<u8>),
    /// A frame that could not be read as one: why, for the log and the error reply.
    Skipped(String),
}

/// Reads the next frame; `None` at the end of the input.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut trouble: Option<String> = None;
    let mut headers = 0;
    loop {
        let mut line = Vec::new();
        let read = input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        let complete = line.ends_with(b"\n");
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() && complete {
            if headers == 0 {
                continue; // a stray blank line between frames
            }
            break;
        }
        headers += 1;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => trouble = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {} // Content-Type and any other header: nothing to act on
            None => trouble = Some(format!("malformed header `{}`", text.escape_debug())),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Frame::Skipped(
            trouble.unwrap_or_else(|| "no Content-Length header".to_owned()),
        )));
    };
    if length > MAX_BODY {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Some(Frame::Skipped(format!(
            "a message of {length} bytes is over the limit of {MAX_BODY} bytes"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Frame::Body(body)))
}

/// A body decoded: the message, and what was wrong with its text if it had to be repaired.
#[derive(Debug)]
pub struct Decoded {
    pub message: Message,
    /// Why the message's text is not what the editor holds, said of its text (`is not valid
    /// UTF-8 ...`, `holds a lone UTF-16 surrogate`): its strings have replacement characters
    /// where that was.
    pub damage: Option<String>,
}

/// Why a body is not a message, as JSON-RPC answers it.
#[derive(Debug, PartialEq)]
pub struct Rejection {
    /// The request's id when it could be read (else the reply's id is `null`).
    pub id: Value,
    /// A JSON-RPC error code (`lsp_server::ErrorCode`).
    pub code: i32,
    pub message: String,
}

/// Decodes a body into a message.
pub fn decode(body: Vec<u8>) -> Result<Decoded, Rejection> {
    let (text, mut damage) = match String::from_utf8(body) {
        Ok(text) => (text, None),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            (
                text,
                Some(format!(
                    "is not valid UTF-8 (at byte {offset} of the message)"
                )),
            )
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(error) => {
            let repaired = replace_lone_surrogates(&text)
                .and_then(|repaired| serde_json::from_str(&repaired).ok());
            match repaired {
                Some(value) => {
                    damage.get_or_insert_with(|| "holds a lone UTF-16 surrogate".to_owned());
                    value
                }
                None => {
                    return Err(Rejection {
                        id: Value::Null,
                        code: lsp_server::ErrorCode::ParseError as i32,
                        message: format!("not JSON: {error}"),
                    })
                }
            }
        }
    };
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Ok(Decoded { message, damage }),
        Err(error) => Err(Rejection {
            id,
            code: lsp_server::ErrorCode::InvalidRequest as i32,
            message: format!("not a JSON-RPC message: {error}"),
        }),
    }
}

/// `json` with each `\uXXXX` escape of an unpaired UTF-16 surrogate (which serde_json
/// refuses, and JavaScript editors can send) replaced by `\uFFFD`; `None` when there is none.
fn replace_lone_surrogates(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let unit_at = |at: usize| -> Option<u16> {
        let hex = json.get(at + 2..at + 6)?;
        (bytes[at] == b'\\' && bytes.get(at + 1) == Some(&b'u'))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(json.len());
    let mut replaced = false;
    let (mut in_string, mut at, mut copied) = (false, 0, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => {
                let Some(unit) = unit_at(at) else {
                    at += 2; // any other escape: its next byte is not a quote
                    continue;
                };
                let high = (0xD800..0xDC00).contains(&unit);
                let low = (0xDC00..0xE000).contains(&unit);
                let paired = high && unit_at(at + 6).is_some_and(|u| (0xDC00..0xE000).contains(&u));
                if paired {
                    at += 12;
                    continue;
                }
                if high || low {
                    out.push_str(&json[copied..at]);
                    out.push_str("\\uFFFD");
                    replaced = true;
                    copied = at + 6;
                }
                at += 6;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    out.push_str(&json[copied.min(json.len())..]);
    replaced.then_some(out)
}

/// Writes one message with its header.
pub fn write_message(out: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(out)
}

/// Writes an error reply that lsp-server's types cannot hold (its id may be `null`).
pub fn write_rejection(out: &mut impl Write, rejection: &Rejection) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": rejection.id,
        "error": { "code": rejection.code, "message": rejection.message },
    })
    .to_string();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut reader = io::BufReader::new(input);
        std::iter::from_fn(|| read(&mut reader).unwrap()).collect()
    }

    #[test]
    fn frames_are_read_by_content_length_and_bad_headers_are_skipped() {
        let input = b"Content-Length: 2\r\nContent-Type: x\r\n\r\n{}\r\n\
                      garbage\r\n\r\nContent-Length: 3\n\n[1]";
        let got = frames(input);
        assert!(matches!(&got[0], Frame::Body(b) if b == b"{}"));
        assert!(matches!(&got[1], Frame::Skipped(why) if why == "malformed header `garbage`"));
        assert!(matches!(&got[2], Frame::Body(b) if b == b"[1]"));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn a_body_over_the_limit_is_read_past() {
        let mut input = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        input.resize(input.len() + MAX_BODY + 1, b' ');
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
        let got = frames(&input);
        assert!(matches!(&got[0], Frame::Skipped(why) if why.contains("over the limit")));
        assert!(matches!(&got[1], Frame::Body(b) if b == b"{}"));
    }

    #[test]
    fn invalid_utf8_and_lone_surrogates_are_repaired_and_marked() {
        let body =
            b"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"text\":\"a\xffb\"}}".to_vec();
        let decoded = decode(body).unwrap();
        assert_eq!(
            decoded.damage.as_deref(),
            Some("is not valid UTF-8 (at byte 49 of the message)")
        );
        let lsp_server::Message::Notification(n) = decoded.message else {
            panic!("not a notification")
        };
        assert_eq!(n.params["text"], "a\u{fffd}b");

        let body = br#"{"method":"m","params":{"t":"\ud800 \\ud800 \ud835\udc00 \udc00"}}"#;
        let decoded = decode(body.to_vec()).unwrap();
        assert_eq!(
            decoded.damage.as_deref(),
            Some("holds a lone UTF-16 surrogate")
        );
        let lsp_server::Message::Notification(n) = decoded.message else {
            panic!("not a notification")
        };
        assert_eq!(n.params["t"], "\u{fffd} \\ud800 𝐀 \u{fffd}");
    }

    #[test]
    fn bodies_that_are_not_messages_are_rejected_with_their_id() {
        let not_json = decode(b"{".to_vec()).unwrap_err();
        assert_eq!(not_json.id, Value::Null);
        assert_eq!(not_json.code, -32700);
        let not_rpc = decode(br#"{"id":7,"method":5}"#.to_vec()).unwrap_err();
        assert_eq!(not_rpc.id, Value::from(7));
        assert_eq!(not_rpc.code, -32600);
    }
}
