//! SARIF 2.1.0, for code-scanning services (GitHub code scanning and others).
//!
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), paths
//! are relative and `/`-separated, every rule's metadata is in
//! `tool.driver.rules`, and `partialFingerprints` hash the rule, the path,
//! the matched text and its occurrence number, not the line, so that they
//! stay stable when unrelated lines move.

use super::{Finding, Location, RunReport};
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

pub fn to_value(report: &RunReport) -> Value {
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
    let index: HashMap<&str, usize> = rules::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| (r.meta().id, i))
        .collect();
    let mut results = Vec::new();
    for file in &report.files {
        let uri = relative_uri(&file.path);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for f in &file.findings {
            let occurrence = seen.entry((f.rule, f.matched.as_str())).or_insert(0);
            results.push(result(
                f,
                &uri,
                index.get(f.rule).copied().unwrap_or(0),
                *occurrence,
            ));
            *occurrence += 1;
        }
    }
    json!({
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
            "results": results,
        }],
    })
}

pub fn write(out: &mut dyn Write, report: &RunReport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    writeln!(out)
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
