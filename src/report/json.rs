//! The `json` format: one JSON document, schema version 1 (see README).

use super::{Emitter, FileReport, Finding, Location, Totals, write_indented};
use serde_json::{Value, json};
use std::io::{self, Write};

pub const VERSION: u32 = 1;

fn position(location: &Location) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert("line".into(), json!(location.line));
    map.insert("column".into(), json!(location.column));
    map.insert("end_line".into(), json!(location.end_line));
    map.insert("end_column".into(), json!(location.end_column));
    map.insert("byte_start".into(), json!(location.byte_start));
    map.insert("byte_end".into(), json!(location.byte_end));
    map
}

pub fn finding(f: &Finding) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("rule".into(), json!(f.rule));
    map.insert("severity".into(), json!(f.severity.as_str()));
    map.insert("message".into(), json!(f.message));
    map.extend(position(&f.location));
    map.insert("matched".into(), json!(f.matched));
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| {
            let mut m = position(&r.location);
            m.insert("message".into(), json!(r.message));
            Value::Object(m)
        })
        .collect();
    map.insert("related".into(), Value::Array(related));
    let fix = match &f.fix {
        Some(fix) => {
            let mut m = position(&fix.location);
            m.insert("replacement".into(), json!(fix.replacement));
            m.insert("safe".into(), json!(fix.safe));
            Value::Object(m)
        }
        None => Value::Null,
    };
    map.insert("fix".into(), fix);
    Value::Object(map)
}

/// One file's entry in the `files` array.
pub fn file_value(file: &FileReport) -> Value {
    json!({
        "path": file.path,
        "words": file.words,
        "score": file.score,
        "verdict": file.verdict.as_str(),
        "diagnostics": file.findings.iter().map(finding).collect::<Vec<_>>(),
    })
}

/// The document's tail: errors, skipped inputs and the summary.
fn tail(totals: &Totals) -> Value {
    let problems = |list: &[super::InputProblem]| -> Vec<Value> {
        list.iter()
            .map(|e| json!({"path": e.path, "message": e.message}))
            .collect()
    };
    let s = totals.summary;
    let verdicts = totals.verdicts;
    json!({
        "errors": problems(&totals.errors),
        "skipped": problems(&totals.skipped),
        "summary": {
            "files": s.files,
            "diagnostics": s.diagnostics,
            "error": s.error,
            "warning": s.warning,
            "info": s.info,
            "clean": verdicts[0],
            "suspect": verdicts[1],
            "garbled": verdicts[2],
        },
    })
}

/// Streams one pretty-printed JSON document: the header, each file as it
/// comes, then the tail. The text is what `serde_json::to_writer_pretty`
/// would print for the whole document at once.
#[derive(Default)]
pub struct Json {
    files: usize,
}

impl Emitter for Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": [")
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        out.write_all(if self.files == 0 { b"\n" } else { b",\n" })?;
        self.files += 1;
        let text = serde_json::to_string_pretty(&file_value(file))?;
        write_indented(out, &text, 4)
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        if self.files > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n")?;
        let text = serde_json::to_string_pretty(&tail(totals))?;
        // Drop the tail object's own `{` line: its fields join the document.
        out.write_all(text.strip_prefix("{\n").unwrap_or(&text).as_bytes())?;
        writeln!(out)
    }
}
