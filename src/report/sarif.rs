//! SARIF 2.1.0, for code-scanning services (GitHub code scanning and others).
//!
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), paths
//! are relative and `/`-separated, every rule's metadata is in
//! `tool.driver.rules`, and `partialFingerprints` hash the rule, the path,
//! the matched text and its occurrence number, not the line, so that they
//! stay stable when unrelated lines move.

use super::{Emitter, FileReport, Finding, Location, Totals, write_indented};
use crate::diagnostic::Severity;
use crate::rules;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative, `/`-separated path, as SARIF consumers expect.
fn relative_uri(path: &str) -> String {
    let path_buf = std::path::Path::new(path);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path_buf.strip_prefix(cwd).ok().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| path_buf.to_path_buf());
    let text = relative.to_string_lossy().replace('\\', "/");
    text.trim_start_matches("./").to_owned()
}

/// FNV-1a, 64 bits: small, stable across versions and platforms.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(b"\0") {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn region(location: &Location) -> Value {
    json!({
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "byteOffset": location.byte_start,
        "byteLength": location.byte_end - location.byte_start,
    })
}

fn physical(uri: &str, location: &Location) -> Value {
    json!({"artifactLocation": {"uri": uri}, "region": region(location)})
}

fn result(f: &Finding, uri: &str, rule_index: usize, occurrence: usize) -> Value {
    let related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| json!({"id": i, "physicalLocation": physical(uri, &r.location), "message": {"text": r.message}}))
        .collect();
    let mut value = json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical(uri, &f.location)}],
        "partialFingerprints": {
            "mtlint/v1": fingerprint(&[f.rule, uri, &f.matched, &occurrence.to_string()]),
        },
    });
    if !related.is_empty() {
        value["relatedLocations"] = Value::Array(related);
    }
    if let Some(fix) = &f.fix {
        value["fixes"] = json!([{
            "description": {"text": format!("Replace with \"{}\"", fix.replacement)},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{
                    "deletedRegion": region(&fix.location),
                    "insertedContent": {"text": fix.replacement},
                }],
            }],
        }]);
    }
    value
}

/// The whole log with an empty `results` array, split where the results go.
fn frame() -> (String, String) {
    let rule_list: Vec<Value> = rules::ALL
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            json!({
                "id": meta.id,
                "shortDescription": {"text": meta.summary},
                "fullDescription": {"text": meta.summary},
                "help": {"text": meta.doc, "markdown": meta.doc},
                "defaultConfiguration": {"level": level(meta.severity)},
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/mtlint/mtlint",
                "rules": rule_list,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    let text = serde_json::to_string_pretty(&log).unwrap_or_default();
    // `results` is the run's last field, so its `[]` is the last one.
    let at = text
        .rfind("\"results\": []")
        .map_or(text.len(), |i| i + "\"results\": [".len());
    (text[..at].to_owned(), text[at..].to_owned())
}

/// Streams a SARIF log: the tool's metadata, each file's results as they
/// come, then the closing brackets. The text is what pretty-printing the
/// whole log at once would give.
pub struct Sarif {
    index: HashMap<&'static str, usize>,
    rest: String,
    results: usize,
}

impl Default for Sarif {
    fn default() -> Self {
        Sarif {
            index: rules::ALL
                .iter()
                .enumerate()
                .map(|(i, r)| (r.meta().id, i))
                .collect(),
            rest: String::new(),
            results: 0,
        }
    }
}

/// Indentation of a result inside `runs[0].results`.
const RESULT_INDENT: usize = 8;

impl Emitter for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let (head, rest) = frame();
        self.rest = rest;
        out.write_all(head.as_bytes())
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let uri = relative_uri(&file.path);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for f in &file.findings {
            let occurrence = seen.entry((f.rule, f.matched.as_str())).or_insert(0);
            let value = result(
                f,
                &uri,
                self.index.get(f.rule).copied().unwrap_or(0),
                *occurrence,
            );
            *occurrence += 1;
            out.write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
            self.results += 1;
            write_indented(out, &serde_json::to_string_pretty(&value)?, RESULT_INDENT)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        if self.results > 0 {
            write!(out, "\n{}", " ".repeat(RESULT_INDENT - 2))?;
        }
        out.write_all(self.rest.as_bytes())?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_stable_and_distinguishes_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["a", "b"]), fingerprint(&["ab", ""]));
    }

    #[test]
    fn uris_are_relative_and_slash_separated() {
        assert_eq!(relative_uri("./docs/a.txt"), "docs/a.txt");
        assert_eq!(
            relative_uri("docs\\\\a.txt".replace("\\\\", "\\").as_str()),
            "docs/a.txt"
        );
    }
}
