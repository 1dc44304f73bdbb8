//! `mtlint lsp`: a language server over stdio.
//!
//! Documents are synced in full. On open, change and save the server lints
//! the text with the configuration of the file's folder (looked up again each
//! time, so an edited `mtlint.toml` is picked up) and publishes diagnostics
//! with the rule id as `code` and `mtlint` as `source`. Fixes and "disable
//! RULE for this line" are code actions. Positions are UTF-16 unless the
//! client offers UTF-8. The framing is read here, not by `lsp-server`, so
//! that a malformed message gets an error reply and the server carries on.

use crate::config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::LineIndex;
use crate::linter::Linter;
use crate::source::{Source, SourceKind};
use lsp_server::{Message, Notification, Request, Response};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, BufRead, Read, Write};

/// Largest message accepted; bigger ones are refused, not read into memory.
const MAX_MESSAGE: usize = 64 * 1024 * 1024;
/// Documents larger than this are not linted on every keystroke: the
/// server publishes no diagnostics and says why, once per document, so an
/// editor that opens a 50 MB dump stays responsive. `mtlint FILE` lints them.
const MAX_LINT_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Utf8,
    Utf16,
}

struct Server<W: Write> {
    out: W,
    documents: HashMap<String, String>,
    /// Documents already told that they are too large to lint.
    warned_large: std::collections::HashSet<String>,
    encoding: Encoding,
    shutdown: bool,
}

#[derive(serde::Serialize)]
struct LspPosition {
    line: usize,
    character: usize,
}

#[derive(serde::Serialize)]
struct LspRange {
    start: LspPosition,
    end: LspPosition,
}

#[derive(serde::Serialize)]
struct LspLocation<'a> {
    uri: &'a str,
    range: LspRange,
}

#[derive(serde::Serialize)]
struct LspRelated<'a> {
    location: LspLocation<'a>,
    message: &'a str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct LspDiagnostic<'a> {
    range: LspRange,
    severity: u8,
    code: &'a str,
    source: &'static str,
    message: &'a str,
    related_information: Vec<LspRelated<'a>>,
}

#[derive(serde::Serialize)]
struct PublishParams<'a> {
    uri: &'a str,
    diagnostics: Vec<LspDiagnostic<'a>>,
}

#[derive(serde::Serialize)]
struct PublishNotification<'a> {
    jsonrpc: &'static str,
    method: &'static str,
    params: PublishParams<'a>,
}

/// Reads one framed message body. `Ok(None)` at end of input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end();
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Ok(Some(Err("missing or invalid Content-Length header".into())));
    };
    if length > MAX_MESSAGE {
        // Skip the body without keeping it.
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(Err(format!(
            "message of {length} bytes is over the {MAX_MESSAGE}-byte limit"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Ok(body)))
}

fn uri_to_path(uri: &str) -> String {
    let path = uri.strip_prefix("file://").unwrap_or(uri);
    // Percent-decoding of the common cases.
    let mut out = Vec::with_capacity(path.len());
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&path[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl<W: Write> Server<W> {
    fn send(&mut self, message: Message) -> io::Result<()> {
        message.write(&mut self.out)?;
        self.out.flush()
    }

    fn send_raw(&mut self, value: Value) -> io::Result<()> {
        let body = value.to_string();
        write!(self.out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.out.flush()
    }

    fn range(&self, text: &str, index: &LineIndex, start: usize, end: usize) -> Value {
        serde_json::to_value(self.lsp_range(text, index, start, end)).unwrap_or(Value::Null)
    }

    /// The byte offset of an LSP position, clamped to the text.
    fn offset(&self, text: &str, index: &LineIndex, position: &Value) -> usize {
        let line = position["line"].as_u64().unwrap_or(0) as usize;
        let character = position["character"].as_u64().unwrap_or(0) as usize;
        if line >= index.line_count() {
            return text.len();
        }
        match self.encoding {
            Encoding::Utf16 => index.offset_of_utf16(text, line, character),
            Encoding::Utf8 => {
                let span = index.line_span(text, line);
                crate::document::floor_boundary(text, (span.start + character).min(span.end))
            }
        }
    }

    fn lint(&self, uri: &str, text: &str) -> Vec<Diagnostic> {
        let path = uri_to_path(uri);
        let loaded = config::discover(std::path::Path::new(&path)).ok().flatten();
        let file = loaded.map(|l| l.config).unwrap_or_default();
        let linter = Linter::from_config(&file, &[], &[])
            .unwrap_or_else(|_| Linter::new(&[], &[]).expect("the default linter builds"));
        let source = Source::from_text(&path, SourceKind::from_path(&path), text);
        linter.diagnostics(&source).1
    }

    fn lsp_position(&self, text: &str, index: &LineIndex, offset: usize) -> LspPosition {
        let p = index.position(text, offset);
        let character = match self.encoding {
            Encoding::Utf16 => p.utf16_column - 1,
            Encoding::Utf8 => {
                let line_start = index.line_span(text, p.line - 1).start;
                crate::document::floor_boundary(text, offset).saturating_sub(line_start)
            }
        };
        LspPosition {
            line: p.line - 1,
            character,
        }
    }

    fn lsp_range(&self, text: &str, index: &LineIndex, start: usize, end: usize) -> LspRange {
        LspRange {
            start: self.lsp_position(text, index, start),
            end: self.lsp_position(text, index, end),
        }
    }

    /// Publishes a document's diagnostics. Serialised from typed structs
    /// straight to the output: a `serde_json::Value` tree for thousands of
    /// findings costs more than the linting.
    fn publish(&mut self, uri: &str) -> io::Result<()> {
        let Some(text) = self.documents.get(uri).cloned() else {
            return Ok(());
        };
        let too_large = text.len() > MAX_LINT_BYTES;
        if too_large && self.warned_large.insert(uri.to_owned()) {
            self.send_raw(json!({
                "jsonrpc": "2.0",
                "method": "window/showMessage",
                "params": {"type": 2, "message": format!(
                    "mtlint: {} is {} MB, over the {} MB limit for linting as you type; run `mtlint` on the file instead",
                    uri, text.len() >> 20, MAX_LINT_BYTES >> 20)},
            }))?;
        }
        let index = LineIndex::new(&text);
        let found = if too_large {
            Vec::new()
        } else {
            self.lint(uri, &text)
        };
        let diagnostics: Vec<LspDiagnostic> = found
            .iter()
            .map(|d| LspDiagnostic {
                range: self.lsp_range(&text, &index, d.span.start, d.span.end),
                severity: match d.severity {
                    Severity::Error => 1,
                    Severity::Warning => 2,
                    Severity::Info => 3,
                },
                code: d.rule,
                source: "mtlint",
                message: &d.message,
                related_information: d
                    .related
                    .iter()
                    .map(|r| LspRelated {
                        location: LspLocation {
                            uri,
                            range: self.lsp_range(&text, &index, r.span.start, r.span.end),
                        },
                        message: &r.message,
                    })
                    .collect(),
            })
            .collect();
        let notification = PublishNotification {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params: PublishParams { uri, diagnostics },
        };
        let body = serde_json::to_vec(&notification)?;
        write!(self.out, "Content-Length: {}\r\n\r\n", body.len())?;
        self.out.write_all(&body)?;
        self.out.flush()
    }

    fn code_actions(&self, params: &Value) -> Value {
        let uri = params["textDocument"]["uri"].as_str().unwrap_or_default();
        let Some(text) = self.documents.get(uri) else {
            return json!([]);
        };
        let index = LineIndex::new(text);
        let start = self.offset(text, &index, &params["range"]["start"]);
        let end = self.offset(text, &index, &params["range"]["end"]);
        let mut actions = Vec::new();
        for d in self.lint(uri, text) {
            if d.span.end < start || d.span.start > end {
                continue;
            }
            if let Some(fix) = &d.fix {
                let title = if fix.replacement.is_empty() {
                    format!("Remove \"{}\" ({})", fix.span.text(text), d.rule)
                } else {
                    format!("Replace with \"{}\" ({})", fix.replacement, d.rule)
                };
                actions.push(json!({
                    "title": title,
                    "kind": "quickfix",
                    "isPreferred": fix.safe,
                    "edit": {"changes": {uri: [{
                        "range": self.range(text, &index, fix.span.start, fix.span.end),
                        "newText": fix.replacement,
                    }]}},
                }));
            }
            let line_start = index.line_span(text, index.line_of(d.span.start)).start;
            actions.push(json!({
                "title": format!("Disable {} for this line", d.rule),
                "kind": "quickfix",
                "edit": {"changes": {uri: [{
                    "range": self.range(text, &index, line_start, line_start),
                    "newText": format!("<!-- mtlint-disable-next-line {} -->\n", d.rule),
                }]}},
            }));
        }
        Value::Array(actions)
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let offered = params["capabilities"]["general"]["positionEncodings"]
            .as_array()
            .is_some_and(|list| list.iter().any(|e| e == "utf-8"));
        self.encoding = if offered {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        json!({
            "capabilities": {
                "positionEncoding": if offered { "utf-8" } else { "utf-16" },
                "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": true}},
                "codeActionProvider": true,
            },
            "serverInfo": {"name": "mtlint", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    fn request(&mut self, request: Request) -> io::Result<()> {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            "initialize" => Ok(self.initialize(&request.params)),
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/codeAction" => Ok(self.code_actions(&request.params)),
            other => Err((
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("unknown method `{other}`"),
            )),
        };
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code, message),
        };
        self.send(Message::Response(response))
    }

    fn notification(&mut self, notification: Notification) -> io::Result<bool> {
        let params = &notification.params;
        let uri = params["textDocument"]["uri"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        match notification.method.as_str() {
            "exit" => return Ok(false),
            "textDocument/didOpen" => {
                let text = params["textDocument"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                self.documents.insert(uri.clone(), text);
                self.publish(&uri)?;
            }
            "textDocument/didChange" => {
                // A change to a document never opened is ignored: there is no base text.
                if let Some(text) = params["contentChanges"]
                    .as_array()
                    .and_then(|changes| changes.last())
                    .and_then(|change| change["text"].as_str())
                    && self.documents.contains_key(&uri)
                {
                    self.documents.insert(uri.clone(), text.to_owned());
                    self.publish(&uri)?;
                }
            }
            "textDocument/didSave" => {
                if let Some(text) = params["text"].as_str()
                    && self.documents.contains_key(&uri)
                {
                    self.documents.insert(uri.clone(), text.to_owned());
                }
                self.publish(&uri)?;
            }
            "textDocument/didClose" => {
                self.documents.remove(&uri);
                self.send(Message::Notification(Notification::new(
                    "textDocument/publishDiagnostics".into(),
                    json!({"uri": uri, "diagnostics": []}),
                )))?;
            }
            // A new mtlint.toml is read on the next lint; relint what is open.
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                let open: Vec<String> = self.documents.keys().cloned().collect();
                for uri in open {
                    self.publish(&uri)?;
                }
            }
            _ => {}
        }
        Ok(true)
    }
}

/// Serves one client on stdin and stdout until `exit`. Returns the exit code.
pub fn run() -> i32 {
    let stdin = io::stdin();
    let mut input = io::BufReader::new(stdin.lock());
    let mut server = Server {
        out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        documents: HashMap::new(),
        warned_large: Default::default(),
        encoding: Encoding::Utf16,
        shutdown: false,
    };
    loop {
        let body = match read_frame(&mut input) {
            Ok(Some(body)) => body,
            Ok(None) | Err(_) => return if server.shutdown { 0 } else { 1 },
        };
        let parsed = body
            .and_then(|bytes| serde_json::from_slice::<Message>(&bytes).map_err(|e| e.to_string()));
        let sent = match parsed {
            Ok(Message::Request(request)) => server.request(request).map(|_| true),
            Ok(Message::Notification(notification)) => server.notification(notification),
            Ok(Message::Response(_)) => Ok(true),
            Err(reason) => server
                .send_raw(json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": {"code": lsp_server::ErrorCode::ParseError as i32, "message": reason},
                }))
                .map(|_| true),
        };
        match sent {
            Ok(true) => {}
            Ok(false) => return if server.shutdown { 0 } else { 1 },
            Err(_) => return 1,
        }
    }
}
