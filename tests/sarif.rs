//! SARIF output, validated against the official SARIF 2.1.0 schema.
//!
//! The schema is not copied into this repository: it ships inside the
//! `serde-sarif` crate (a dev-dependency), and the test reads it from
//! Cargo's registry.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn official_schema() -> Value {
    // The crate's sources sit in Cargo's registry cache once it is built.
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap()).join(".cargo"));
    let registry = home.join("registry/src");
    let schema = std::fs::read_dir(&registry)
        .expect("Cargo's registry exists")
        .flatten()
        .flat_map(|index| {
            std::fs::read_dir(index.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("serde-sarif-")
        })
        .map(|entry| entry.path().join("src/schema.json"))
        .find(|path| path.is_file())
        .expect("serde-sarif (a dev-dependency) ships the schema");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
    assert!(
        schema["title"]
            .as_str()
            .unwrap()
            .contains("SARIF) Version 2.1.0")
    );
    schema
}

fn repair_language_patterns(value: &mut Value) -> usize {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        Value::Object(map) => {
            let mut fixed = 0;
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN) {
                map.insert(
                    "pattern".into(),
                    Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"),
                );
                fixed += 1;
            }
            fixed
                + map
                    .values_mut()
                    .map(repair_language_patterns)
                    .sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(repair_language_patterns).sum(),
        _ => 0,
    }
}

fn sarif(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).expect("SARIF is JSON")
}

#[test]
fn output_on_every_sample_is_valid_against_the_official_schema() {
    let mut schema = official_schema();
    // The published schema's pattern for `language` properties has a stray
    // `]`, which strict validators refuse to compile. mtlint never writes a
    // `language`, so the pattern is replaced by its intended form.
    let fixed = repair_language_patterns(&mut schema);
    assert!(
        fixed >= 1,
        "the schema's language pattern was fixed upstream; drop this repair"
    );
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let log = sarif(&["samples/"]);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator is not a rubber stamp: a wrong version fails it.
    let mut broken = log.clone();
    broken["version"] = Value::from("9.9");
    assert!(!validator.is_valid(&broken));
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn results_use_code_points_relative_paths_and_rule_metadata() {
    let log = sarif(&["./samples/garbled-election.txt"]);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules.iter().any(
            |r| r["id"] == "quotes/unclosed" && r["defaultConfiguration"]["level"] == "warning"
        )
    );
    assert!(
        rules
            .iter()
            .all(|r| r["help"]["text"].as_str().unwrap().contains("## Example"))
    );
    let first = &run["results"][0];
    assert_eq!(
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "samples/garbled-election.txt"
    );
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startColumn"],
        208
    );
    let index = first["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], first["ruleId"]);
}

#[test]
fn fingerprints_survive_unrelated_lines_moving() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let fingerprints = |text: &str| -> Vec<Value> {
        std::fs::write(&path, text).unwrap();
        sarif(&[path.to_str().unwrap()])["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect()
    };
    let before = fingerprints("The the end.\n\nThe plan the plan failed.\n");
    let after =
        fingerprints("A new first paragraph here.\n\nThe the end.\n\nThe plan the plan failed.\n");
    assert_eq!(before.len(), 2);
    assert_eq!(before, after);
    assert_ne!(before[0], before[1]);
}
