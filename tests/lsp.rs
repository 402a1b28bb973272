//! `presslint server` over plain JSON-RPC: the protocol's edge cases, from the editor's side.
//! (`tests/neovim.rs` runs the same server under a real editor.)

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{file_uri, Client};
use serde_json::{json, Value};

/// An invented release whose line 8 has a multi-byte name, a no-break space, `𝐀` and an emoji
/// (two UTF-16 units each) before its two findings.
const RELEASE: &str = include_str!("fixtures/neovim/release.txt");

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

/// (rule, range) of each published diagnostic.
fn found(published: &Value) -> Vec<(String, Value)> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                d["range"].clone(),
            )
        })
        .collect()
}

fn release_findings() -> Vec<(String, Value)> {
    vec![
        ("spelling/per-cent".into(), range(7, 67, 74)),
        ("typography/repeated-word".into(), range(7, 78, 85)),
    ]
}

fn started(dir: &std::path::Path, capabilities: Value) -> Client {
    let mut client = Client::start(dir, &[]);
    client.initialize(capabilities);
    client
}

fn shut_down(mut client: Client) -> (std::process::ExitStatus, Vec<Value>) {
    client.request(99, "shutdown", Value::Null);
    assert_eq!(client.response(99)["result"], Value::Null);
    client.notify("exit", Value::Null);
    client.wait()
}

#[test]
fn positions_count_utf16_units_after_multibyte_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = started(
        dir.path(),
        json!({
            "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
            "workspace": {"workspaceEdit": {"documentChanges": true}}
        }),
    );
    let uri = file_uri(&dir.path().join("release.txt"));
    client.open(&uri, 1, RELEASE);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    assert_eq!(found(&published), release_findings());
    let first = &published["diagnostics"][0];
    assert_eq!(first["severity"], 2, "warning");
    assert_eq!(first["source"], "presslint");
    assert_eq!(first["message"], "`percent` should be `per cent`");
    assert_eq!(
        first["codeDescription"]["href"],
        "https://github.com/presslint/presslint/blob/main/docs/rules.md#spelling-per-cent"
    );

    // The same text with CRLF line breaks: the same positions.
    let crlf_uri = file_uri(&dir.path().join("crlf.txt"));
    client.open(&crlf_uri, 1, &RELEASE.replace('\n', "\r\n"));
    assert_eq!(found(&client.diagnostics(&crlf_uri)), release_findings());

    // Hover inside `percent`, after the surrogate pairs: the rule's explain page.
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    client.request(2, "textDocument/hover", at(7, 70));
    let hover = client.response(2)["result"].clone();
    assert_eq!(hover["range"], range(7, 67, 74));
    assert_eq!(hover["contents"]["kind"], "markdown");
    let page = hover["contents"]["value"].as_str().unwrap();
    assert!(
        page.starts_with(
            "**spelling/per-cent** (warning)\n\n`percent` is written as one word\n\n**Why**\n"
        ),
        "{page}"
    );
    client.request(3, "textDocument/hover", at(0, 3));
    assert_eq!(
        client.response(3)["result"],
        Value::Null,
        "no finding there"
    );

    // Quick fixes: one per finding in the range, its safety in the title.
    let actions_in = |client: &mut Client, id: i64, range: Value, only: Option<&str>| {
        let mut context = json!({"diagnostics": []});
        if let Some(kind) = only {
            context["only"] = json!([kind]);
        }
        let params = json!({"textDocument": {"uri": uri}, "range": range, "context": context});
        client.request(id, "textDocument/codeAction", params);
        client.response(id)["result"].clone()
    };
    let safe = actions_in(&mut client, 4, range(7, 70, 70), None);
    assert_eq!(safe.as_array().unwrap().len(), 1, "{safe:#}");
    assert_eq!(safe[0]["title"], "Write `per cent` (safe fix)");
    assert_eq!(safe[0]["kind"], "quickfix");
    assert_eq!(safe[0]["isPreferred"], true);
    assert_eq!(safe[0]["diagnostics"][0]["code"], "spelling/per-cent");
    let edit = &safe[0]["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"], json!({"uri": uri, "version": 1}));
    assert_eq!(
        edit["edits"],
        json!([{"range": range(7, 67, 74), "newText": "per cent"}])
    );
    let unsafe_fix = actions_in(&mut client, 5, range(7, 80, 80), None);
    assert_eq!(
        unsafe_fix[0]["title"],
        "Remove the second `the` (unsafe fix: it may change the meaning, check it)"
    );
    assert_eq!(unsafe_fix[0]["isPreferred"], false);
    assert_eq!(
        unsafe_fix[0]["edit"]["documentChanges"][0]["edits"],
        json!([{"range": range(7, 81, 85), "newText": ""}])
    );
    let both = actions_in(&mut client, 6, range(7, 0, 90), Some("quickfix"));
    assert_eq!(both.as_array().unwrap().len(), 2);
    assert_eq!(
        actions_in(&mut client, 7, range(7, 0, 90), Some("source")),
        json!([])
    );
    assert_eq!(actions_in(&mut client, 8, range(0, 0, 5), None), json!([]));

    let (status, _) = shut_down(client);
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_newer_version_supersedes_older_pending_work() {
    let dir = tempfile::tempdir().unwrap();
    // One worker: version 3 waits behind version 2, so once version 3 is published, version
    // 2's work is over, published or not.
    let mut client = Client::start(dir.path(), &["--threads", "1"]);
    client.initialize(json!({}));
    let uri = file_uri(&dir.path().join("release.txt"));
    client.open(&uri, 1, RELEASE);
    assert_eq!(client.diagnostics(&uri)["version"], 1);
    // Version 2 has thousands of findings and takes a while to lint; version 3 follows at
    // once (one write), so version 2 is stale before its lint ends (or begins).
    let lines: Vec<&str> = RELEASE.lines().collect();
    let long = format!(
        "{}\n{}\n{}\n",
        lines[..7].join("\n"),
        format!("{}\n\n", lines[7]).repeat(1000),
        lines[8..].join("\n")
    );
    let fixed = RELEASE.replace("percent", "per cent");
    let change = |version: i64, text: &str| {
        let params = json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}],
        });
        let message =
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params});
        Client::frame(message.to_string().as_bytes())
    };
    let mut both = change(2, &long);
    both.extend(change(3, &fixed));
    client.send_bytes(&both);
    let published = client.diagnostics(&uri);
    assert_eq!(
        published["version"], 3,
        "the first published after version 1"
    );
    assert_eq!(
        found(&published),
        [("typography/repeated-word".to_owned(), range(7, 79, 86))]
    );
    let (status, log) = shut_down(client);
    assert_eq!(status.code(), Some(0));
    let versions: Vec<&Value> = log
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| &m["params"]["version"])
        .collect();
    assert_eq!(
        versions,
        [&json!(1), &json!(3)],
        "version 2 is never published"
    );
}

#[test]
fn documents_that_cannot_be_checked_get_a_diagnostic_and_the_server_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = started(dir.path(), json!({}));
    let problem = |published: &Value| -> (Value, String) {
        let diagnostics = published["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 1, "{published:#}");
        let d = &diagnostics[0];
        assert_eq!((d["severity"].clone(), d.get("code")), (json!(1), None));
        (
            d["range"]["start"].clone(),
            d["message"].as_str().unwrap().to_owned(),
        )
    };
    let start = |line: u32, character: u32| json!({"line": line, "character": character});

    // Bytes that are not UTF-8 inside the JSON-RPC message.
    let bad = file_uri(&dir.path().join("latin1.txt"));
    let head = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{bad}","languageId":"text","version":1,"text":"SG/SM/1\nCaf"#
    );
    let mut body = head.clone().into_bytes();
    body.extend_from_slice(b"\xe9\\n\"}}}");
    client.send_bytes(&Client::frame(&body));
    let (at, message) = problem(&client.diagnostics(&bad));
    assert_eq!(at, start(0, 0));
    assert_eq!(
        message,
        format!(
            "the editor sent text that is not valid UTF-8 (at byte {} of the message); \
             presslint checks it again once it is valid Unicode",
            head.len()
        )
    );
    // Once the editor sends valid text, it is checked.
    client.change(&bad, 2, RELEASE);
    assert_eq!(found(&client.diagnostics(&bad)), release_findings());

    // A lone surrogate, which JSON can escape but Unicode cannot hold.
    let lone = file_uri(&dir.path().join("lone.txt"));
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{lone}","languageId":"text","version":1,"text":"SG/SM/1\n\ud800"}}}}}}"#
    );
    client.send_bytes(&Client::frame(body.as_bytes()));
    let (_, message) = problem(&client.diagnostics(&lone));
    assert_eq!(
        message,
        "the editor sent text that holds a lone UTF-16 surrogate; presslint checks it again \
         once it is valid Unicode"
    );

    // A NUL byte: binary, as `check` says, where it is.
    let binary = file_uri(&dir.path().join("binary.txt"));
    client.open(&binary, 1, "SG/SM/1\nab\0");
    assert_eq!(
        problem(&client.diagnostics(&binary)),
        (
            start(1, 2),
            "binary file (NUL byte at offset 10)".to_owned()
        )
    );

    // A JSON release that is not JSON.
    let json_release = file_uri(&dir.path().join("export.json"));
    client.open(&json_release, 1, "{\"headlines\": ");
    assert_eq!(
        problem(&client.diagnostics(&json_release)),
        (
            start(0, 0),
            "not valid JSON: EOF while parsing a value at line 1 column 14".to_owned()
        )
    );

    // An empty document has nothing to report.
    let empty = file_uri(&dir.path().join("empty.txt"));
    client.open(&empty, 1, "\n");
    assert_eq!(client.diagnostics(&empty)["diagnostics"], json!([]));

    // Frames that are not messages are answered with JSON-RPC errors.
    client.send_bytes(&Client::frame(b"{"));
    let reply = client.until(|m| m.get("error").is_some());
    assert_eq!(
        (reply["id"].clone(), reply["error"]["code"].clone()),
        (Value::Null, json!(-32700))
    );
    client.send_bytes(b"Content-Type: x\r\n\r\n");
    let reply = client.until(|m| m.get("error").is_some());
    assert_eq!(
        reply["error"],
        json!({"code": -32700, "message": "no Content-Length header"})
    );
    client.send_bytes(&Client::frame(br#"{"jsonrpc":"2.0","id":12,"method":7}"#));
    let reply = client.until(|m| m.get("error").is_some());
    assert_eq!(
        (reply["id"].clone(), reply["error"]["code"].clone()),
        (json!(12), json!(-32600))
    );
    client.request(13, "textDocument/hover", json!({}));
    assert_eq!(
        client.response(13)["error"]["code"],
        -32602,
        "invalid params"
    );

    // Still serving.
    let good = file_uri(&dir.path().join("good.txt"));
    client.open(&good, 1, RELEASE);
    assert_eq!(found(&client.diagnostics(&good)), release_findings());
    let (status, _) = shut_down(client);
    assert_eq!(status.code(), Some(0));
}

#[test]
fn shutdown_then_exit_is_exit_code_0_and_exit_alone_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("release.txt"));

    let mut client = started(dir.path(), json!({}));
    client.request(2, "shutdown", Value::Null);
    assert_eq!(
        client.response(2),
        json!({"jsonrpc": "2.0", "id": 2, "result": null})
    );
    client.request(3, "textDocument/hover", json!({}));
    assert_eq!(
        client.response(3)["error"],
        json!({"code": -32600, "message": "the server is shutting down: only `exit` is answered"})
    );
    client.open(&uri, 1, RELEASE);
    client.notify("exit", Value::Null);
    let (status, log) = client.wait();
    assert_eq!(status.code(), Some(0));
    assert!(
        !log.iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "nothing is checked after shutdown: {log:#?}"
    );

    let mut client = started(dir.path(), json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().0.code(), Some(1), "exit without shutdown");

    let client = started(dir.path(), json!({}));
    assert_eq!(client.wait().0.code(), Some(1), "input closed without exit");

    // Before initialize: requests are refused, exit still ends the server.
    let mut client = Client::start(dir.path(), &[]);
    client.request(1, "textDocument/hover", json!({}));
    assert_eq!(client.response(1)["error"]["code"], -32002);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().0.code(), Some(1));
}

#[test]
fn unknown_methods_are_refused_or_ignored_as_the_protocol_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = started(dir.path(), json!({}));
    client.request(2, "presslint/nonsense", json!({"a": 1}));
    assert_eq!(
        client.response(2)["error"],
        json!({"code": -32601, "message": "unknown method `presslint/nonsense`"})
    );
    client.notify("presslint/nonsense", json!({}));
    client.notify("$/cancelRequest", json!({"id": 2}));
    client.request(3, "initialize", json!({"capabilities": {}}));
    assert_eq!(
        client.response(3)["error"]["code"],
        -32600,
        "initialize twice"
    );
    let uri = file_uri(&dir.path().join("release.txt"));
    client.open(&uri, 1, RELEASE);
    assert_eq!(found(&client.diagnostics(&uri)), release_findings());
    let (status, _) = shut_down(client);
    assert_eq!(status.code(), Some(0));
}

#[test]
fn configuration_is_found_from_the_documents_folder_and_reloaded_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk");
    std::fs::create_dir(&desk).unwrap();
    let config = desk.join("presslint.toml");
    std::fs::write(&config, "ignore = [\"spelling\"]\n").unwrap();
    let config_uri = file_uri(&config);
    let mut client = Client::start(dir.path(), &[]);
    let capabilities =
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    client.initialize(capabilities);
    // The server asks the editor to watch configuration files.
    let register = client.until(|m| m["method"] == "client/registerCapability");
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"],
        json!([{"globPattern": "**/presslint.toml"}, {"globPattern": "**/.presslint.toml"}])
    );
    client.send(json!({"jsonrpc": "2.0", "id": register["id"], "result": null}));

    let uri = file_uri(&desk.join("release.txt"));
    let outside = file_uri(&dir.path().join("release.txt"));
    client.open(&uri, 1, RELEASE);
    let repeated = release_findings()[1..].to_vec();
    assert_eq!(
        found(&client.diagnostics(&uri)),
        repeated,
        "spelling ignored on the desk"
    );
    client.open(&outside, 1, RELEASE);
    assert_eq!(found(&client.diagnostics(&outside)), release_findings());
    // A configuration file opened in the editor is not a release.
    client.open(&config_uri, 1, "ignore = [\"spelling\"]\n");

    // The editor reports a change to the file: every open document is checked again.
    std::fs::write(&config, "ignore = []\n").unwrap();
    let changes = json!({"changes": [{"uri": config_uri, "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", changes);
    assert_eq!(found(&client.diagnostics(&uri)), release_findings());

    // A broken configuration, saved in the editor: said on the document and in a message.
    std::fs::write(&config, "ignore = [\"nonsense/rule\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let shown = client.until(|m| m["method"] == "window/showMessage");
    let error = "configuration error: desk/presslint.toml:1: unknown rule or group `nonsense/rule` for pack `un-en` or `un-fr`";
    assert_eq!(
        shown["params"],
        json!({"type": 1, "message": format!("presslint: {error}")})
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["diagnostics"][0]["message"], error);
    assert_eq!(published["diagnostics"][0]["range"], range(0, 0, 0));

    // Repaired: findings again.
    std::fs::write(&config, "ignore = [\"typography\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    assert_eq!(
        found(&client.diagnostics(&uri)),
        release_findings()[..1].to_vec()
    );

    let (status, log) = shut_down(client);
    assert_eq!(status.code(), Some(0));
    assert!(
        !log.iter().any(|m| m["params"]["uri"] == json!(config_uri)
            && m["method"] == "textDocument/publishDiagnostics"),
        "the configuration is never checked as a release"
    );
}

/// An editor meets French releases too: with no pack named, the server checks each document
/// with the pack of its language, and a rule only the French pack has is explained on hover.
#[test]
fn a_french_document_is_checked_with_the_french_pack() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = started(
        dir.path(),
        json!({"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}}),
    );
    let uri = file_uri(&dir.path().join("cs15746.txt"));
    let text = "CS/15746\n19 juillet 2010\n\nLe Conseil de sécurité proroge le mandat de la Mission\n\n\
                Le Conseil de sécurité a décidé, ce matin, de proroger le mandat de la Mission, \
                a déclaré Mr Tomas Lindqvist, qui a salué \"une étape décisive\" pour l’ensemble de la région.\n\n\
                *   ***   *\n\nÀ l’intention des organes d’information. Document non officiel.\n";
    client.open(&uri, 1, text);
    let published = client.diagnostics(&uri);
    assert_eq!(
        found(&published),
        [
            ("wording/courtesy-title".to_owned(), range(5, 90, 92)),
            ("typography/guillemets".to_owned(), range(5, 122, 142)),
        ]
    );
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 130}});
    client.request(2, "textDocument/hover", at);
    let hover = client.response(2)["result"].clone();
    let page = hover["contents"]["value"].as_str().unwrap();
    assert!(
        page.starts_with("**typography/guillemets** (warning)"),
        "{page}"
    );
    // A rule both packs have is explained as the French pack writes it.
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 91}});
    client.request(3, "textDocument/hover", at);
    let hover = client.response(3)["result"].clone();
    let page = hover["contents"]["value"].as_str().unwrap();
    let french =
        "**wording/courtesy-title** (warning)\n\nA courtesy title is written the English way";
    assert!(page.starts_with(french), "{page}");
    let (status, _) = shut_down(client);
    assert!(status.success());
}

#[test]
fn an_html_page_is_checked_as_the_release_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = started(dir.path(), json!({}));
    let uri = file_uri(&dir.path().join("sgsm23119.html"));
    let text = "<html><body>\n<p>SG/SM/23119</p>\n<p>14 March 2024</p>\n\
                <h1>Secretary-General Opens Fisheries Forum</h1>\n\
                <p>The <b>Secretary&nbsp;General</b> opened the forum on shared fisheries today.</p>\n\
                <p>* *** *</p>\n<p>For information media. Not an official record.</p>\n</body></html>\n";
    client.open(&uri, 1, text);
    let published = client.diagnostics(&uri);
    // Line 4 (0-based) of the page, from `Secretary` to the end of `General`, entity included.
    assert_eq!(
        found(&published),
        [("wording/secretary-general".to_owned(), range(4, 10, 32))]
    );
    let (status, _) = shut_down(client);
    assert!(status.success());
}
