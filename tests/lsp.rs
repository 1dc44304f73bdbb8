//! The language server, spoken to over JSON-RPC as an editor would.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("mtlint lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length:") {
                        length = value.trim().parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
        }
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&message.to_string());
    }

    fn receive(&self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(10))
            .expect("a message from the server")
    }

    /// Waits for the message that answers request `id`, or for a notification.
    fn receive_where(&self, test: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self.receive();
            if test(&message) {
                return message;
            }
        }
    }

    fn initialize(&mut self, encodings: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {"general": {"positionEncodings": encodings}}}}));
        let reply = self.receive_where(|m| m["id"] == 1);
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        reply
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}}));
        self.receive_where(|m| m["method"] == "textDocument/publishDiagnostics")
    }

    fn stop(mut self) -> Option<i32> {
        self.send(json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}));
        self.receive_where(|m| m["id"] == 99);
        self.send(json!({"jsonrpc": "2.0", "method": "exit"}));
        self.child.wait().unwrap().code()
    }
}

const URI: &str = "file:///tmp/mtlint-lsp-test/a.txt";

#[test]
fn publishes_diagnostics_with_code_source_and_utf16_positions() {
    let mut client = Client::start();
    let reply = client.initialize(json!(["utf-16"]));
    assert_eq!(
        reply["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    let published = client.open(URI, "😀 ok. The the end.\n");
    let d = &published["params"]["diagnostics"][0];
    assert_eq!(d["code"], "repetition/word");
    assert_eq!(d["source"], "mtlint");
    assert_eq!(d["severity"], 2);
    // "😀 ok. " is 7 UTF-16 units: the emoji counts 2.
    assert_eq!(
        d["range"],
        json!({"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 14}})
    );
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let mut client = Client::start();
    let reply = client.initialize(json!(["utf-8", "utf-16"]));
    assert_eq!(reply["result"]["capabilities"]["positionEncoding"], "utf-8");
    let published = client.open(URI, "😀 ok. The the end.\n");
    assert_eq!(
        published["params"]["diagnostics"][0]["range"]["start"]["character"],
        9
    );
    client.stop();
}

#[test]
fn change_relints_and_code_actions_offer_fix_and_disable() {
    let mut client = Client::start();
    client.initialize(json!([]));
    client.open(URI, "Fine text.\n");
    client.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": URI, "version": 2},
        "contentChanges": [{"text": "Fine text.\nThe the end.\n"}]}}),
    );
    let published = client.receive_where(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        published["params"]["diagnostics"][0]["range"]["start"],
        json!({"line": 1, "character": 0})
    );
    client.send(
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": URI},
        "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 3}},
        "context": {"diagnostics": []}}}),
    );
    let actions = client.receive_where(|m| m["id"] == 2)["result"].clone();
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Replace with \"The\" (repetition/word)",
            "Disable repetition/word for this line"
        ]
    );
    let edit = &actions[1]["edit"]["changes"][URI][0];
    assert_eq!(
        edit["newText"],
        "<!-- mtlint-disable-next-line repetition/word -->\n"
    );
    assert_eq!(edit["range"]["start"], json!({"line": 1, "character": 0}));
    client.stop();
}

#[test]
fn malformed_messages_and_unknown_methods_get_errors_and_the_server_stays_up() {
    let mut client = Client::start();
    client.initialize(json!([]));
    client.send_raw("{not json");
    let error = client.receive();
    assert_eq!(error["error"]["code"], -32700);
    client.send(json!({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {}}));
    assert_eq!(
        client.receive_where(|m| m["id"] == 5)["error"]["code"],
        -32601
    );
    // A change to a document never opened, and an out-of-range code action.
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///never.txt", "version": 2}, "contentChanges": [{"text": "x"}]}}));
    client.open(URI, "The the end.\n");
    client.send(json!({"jsonrpc": "2.0", "id": 6, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": URI},
        "range": {"start": {"line": 500, "character": 9}, "end": {"line": 900, "character": 0}}, "context": {}}}));
    assert!(client.receive_where(|m| m["id"] == 6)["result"].is_array());
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn workspace_config_is_read_for_each_lint() {
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("file://{}/a.txt", dir.path().display());
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "ignore = [\"repetition\"]\n",
    )
    .unwrap();
    let mut client = Client::start();
    client.initialize(json!([]));
    let published = client.open(&uri, "The the end.\n");
    assert_eq!(published["params"]["diagnostics"], json!([]));
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "select = [\"repetition\"]\n",
    )
    .unwrap();
    client.send(json!({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": []}}));
    let published = client.receive_where(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        published["params"]["diagnostics"][0]["code"],
        "repetition/word"
    );
    client.stop();
}

#[test]
fn a_50_mb_document_gets_a_bounded_answer_and_the_server_stays_up() {
    let mut client = Client::start();
    client.initialize(json!([]));
    let big = "The the report was long. ".repeat(2 * 1024 * 1024);
    assert!(big.len() >= 50 * 1024 * 1024);
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": "file:///big.txt", "languageId": "plaintext", "version": 1, "text": big}}}));
    let message = client.receive_where(|m| m["method"] == "window/showMessage");
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("over the 8 MB limit"),
        "{message}"
    );
    let published = client.receive_where(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == "file:///big.txt"
    });
    assert_eq!(published["params"]["diagnostics"], json!([]));
    // The server still lints small documents.
    let small = client.open(URI, "The the end.\n");
    assert_eq!(small["params"]["diagnostics"][0]["code"], "repetition/word");
    assert_eq!(client.stop(), Some(0));
}
