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
    let mut value = json!({
        "path": file.path,
        "words": file.words,
        "score": file.score,
        "verdict": file.verdict.as_str(),
        "diagnostics": file.findings.iter().map(finding).collect::<Vec<_>>(),
    });
    // Only a file over the per-file cap has it, so other output is unchanged.
    if file.omitted > 0 {
        value["omitted"] = json!(file.omitted);
    }
    value
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
        // The file's fields with an empty `diagnostics`, split where the
        // findings go, so that they are written one at a time and a file
        // with 10,000 findings never has them all as one JSON tree.
        let frame = file_value(&file.clone_header());
        let text = serde_json::to_string_pretty(&frame)?;
        let marker = "\"diagnostics\": [";
        let at = text.find(marker).map_or(text.len(), |i| i + marker.len());
        let (head, tail) = text.split_at(at);
        write_indented(out, head, 4)?;
        for (i, f) in file.findings.iter().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            write_indented(out, &serde_json::to_string_pretty(&finding(f))?, 8)?;
        }
        if !file.findings.is_empty() {
            out.write_all(b"\n      ")?;
        }
        // `tail` starts with the `]` that closed the empty array.
        let mut lines = tail.split('\n');
        out.write_all(lines.next().unwrap_or("").as_bytes())?;
        for line in lines {
            write!(out, "\n    {line}")?;
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linter::Linter;
    use crate::source::{Source, SourceKind};

    #[test]
    fn a_capped_file_reports_its_omitted_findings_and_stays_valid_json() {
        let source = Source::from_text("t.txt", SourceKind::Text, &"The the end. ".repeat(5));
        let mut linter = Linter::new(&["repetition/word".into()], &[]).unwrap();
        linter.max_findings = 2;
        let file = linter.lint(&source);
        let mut totals = Totals::default();
        totals.add(&file);
        let mut out = Vec::new();
        let mut json = Json::default();
        json.start(&mut out).unwrap();
        json.file(&mut out, &file).unwrap();
        json.finish(&mut out, &totals).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            value["files"][0]["diagnostics"].as_array().unwrap().len(),
            2
        );
        assert_eq!(value["files"][0]["omitted"], 3);
        // Written piecewise, it is what pretty-printing the whole gives.
        let mut whole = file_value(&file);
        whole["omitted"] = json!(3);
        let expected = serde_json::to_string_pretty(&whole).unwrap();
        let text = String::from_utf8(out).unwrap();
        let indented: String = expected
            .lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains(&indented), "{text}");
    }
}
