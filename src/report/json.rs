//! The `json` format: one JSON document, schema version 1 (see README).

use super::{Finding, Location, RunReport};
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

pub fn to_value(report: &RunReport) -> Value {
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|file| {
            json!({
                "path": file.path,
                "words": file.words,
                "score": file.score,
                "verdict": file.verdict.as_str(),
                "diagnostics": file.findings.iter().map(finding).collect::<Vec<_>>(),
            })
        })
        .collect();
    let problems = |list: &[super::InputProblem]| -> Vec<Value> {
        list.iter()
            .map(|e| json!({"path": e.path, "message": e.message}))
            .collect()
    };
    let s = report.summary();
    let verdicts = report.verdicts();
    json!({
        "version": VERSION,
        "files": files,
        "errors": problems(&report.errors),
        "skipped": problems(&report.skipped),
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

pub fn write(out: &mut dyn Write, report: &RunReport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    writeln!(out)
}
