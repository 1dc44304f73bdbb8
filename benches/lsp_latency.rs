//! How long the language server takes to publish diagnostics after a change
//! to a 1 MB document (the target is 200 ms). Run with `cargo bench --bench
//! lsp_latency`; it prints the median and the worst of 7 changes.
//!
//! The document is built deterministically from the repository's own
//! samples: their paragraphs, shuffled by a fixed seed, until 1 MB.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn document(size: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let mut paragraphs = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        if let Ok(text) = std::fs::read_to_string(path) {
            paragraphs.extend(text.split("\n\n").map(str::to_owned));
        }
    }
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out = String::with_capacity(size + 4096);
    while out.len() < size {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(&paragraphs[(state % paragraphs.len() as u64) as usize]);
        out.push_str("\n\n");
    }
    out
}

fn send(stdin: &mut impl Write, value: Value) {
    let body = value.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
}

fn receive(reader: &mut impl BufRead) -> Value {
    serde_json::from_slice(&receive_bytes(reader)).unwrap()
}

/// One message's body, unparsed: the clock stops when the bytes are in,
/// not after this client has parsed them.
fn receive_bytes(reader: &mut impl BufRead) -> Vec<u8> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    body
}

fn main() {
    let text = document(1 << 20);
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let uri = "file:///tmp/mtlint-bench/big.txt";
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    receive(&mut reader);
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}}),
    );
    let first = receive(&mut reader);
    let findings = first["params"]["diagnostics"]
        .as_array()
        .map_or(0, Vec::len);
    let mut times = Vec::new();
    for version in 2..9 {
        let changed = format!("{text}Edit number {version} ends here.\n");
        let start = Instant::now();
        send(
            &mut stdin,
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}}),
        );
        let reply = receive_bytes(&mut reader);
        times.push(start.elapsed());
        let reply: Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(reply["method"], "textDocument/publishDiagnostics");
    }
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    receive(&mut reader);
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "lsp change-to-diagnostics, {:.2} MB document, {findings} findings: median {:.1} ms, worst {:.1} ms (target 200 ms)",
        text.len() as f64 / 1_048_576.0,
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}
