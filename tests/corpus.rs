//! `mtlint corpus`: JSON Lines in, one line per record out, in order; filter
//! mode byte for byte; bad records named by line; positions in the text.

use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn mtlint(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("corpus")
        .arg("--isolated")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mtlint runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Write from a thread: the output can fill its pipe before the input ends.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const CLEAN: &str =
    "The harbour authority said the new crane would arrive in March, a month later than planned.";
const GARBLED: &str =
    "The the harbour authority said. sought to bring the crane. Is. It arrive donâ€™t in March.";

fn record(id: usize, text: &str) -> String {
    json!({"id": id, "text": text}).to_string()
}

#[test]
fn output_is_one_line_per_record_in_input_order_on_any_number_of_threads() {
    // Uneven sizes, so that later batches often finish first.
    let input: String = (0..400)
        .map(|i| {
            let text = if i % 7 == 0 {
                GARBLED.repeat(1 + i % 40)
            } else {
                CLEAN.to_owned()
            };
            record(i, &text) + "\n"
        })
        .collect();
    let one = mtlint(&["-j", "1", "--batch", "3"], input.as_bytes());
    let two = mtlint(&["-j", "2", "--batch", "3"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(one.stdout, two.stdout);
    let out = lines(&two);
    let ids: Vec<u64> = out.iter().map(|l| l["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..400).collect::<Vec<_>>());
    assert_eq!(out[1]["verdict"], "clean");
    assert_eq!(out[1]["counts"], json!({}));
    assert_eq!(out[0]["verdict"], "garbled");
    assert!(out[0]["counts"]["repetition"].as_u64().unwrap() >= 1);
    assert!(out[0]["counts"]["encoding"].as_u64().unwrap() >= 1);
    assert!(out[0].get("diagnostics").is_none());
    assert!(stderr(&two).contains("400 records (0 bad): 342 clean"));
}

#[test]
fn scores_equal_those_of_file_mode_on_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("garbled.txt");
    std::fs::write(&file, GARBLED).unwrap();
    let report = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["--isolated", "--format", "json", file.to_str().unwrap()])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&report.stdout).unwrap();
    let out = lines(&mtlint(
        &["--diagnostics"],
        (record(1, GARBLED) + "\n").as_bytes(),
    ));
    assert_eq!(out[0]["score"], report["files"][0]["score"]);
    assert_eq!(out[0]["words"], report["files"][0]["words"]);
    assert_eq!(out[0]["diagnostics"], report["files"][0]["diagnostics"]);
}

#[test]
fn diagnostics_positions_are_relative_to_the_text() {
    let text = "Première ligne.\nLe texte dit que the the mots.";
    let out = lines(&mtlint(
        &["--diagnostics", "--select", "repetition/word"],
        (record(9, text) + "\n").as_bytes(),
    ));
    let d = &out[0]["diagnostics"][0];
    let start = text.find("the the").unwrap();
    assert_eq!(d["rule"], "repetition/word");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(18))
    );
    assert_eq!(d["byte_start"].as_u64(), Some(start as u64));
    assert_eq!(d["matched"], "the the");
}

#[test]
fn filter_mode_writes_the_original_records_byte_for_byte() {
    // Odd spacing, escapes, key order and a CRLF line: all kept as they are.
    let clean_a = format!(r#"{{ "text" : "{CLEAN}",   "id":"a", "extra": [1, 2] }}"#);
    let garbled = format!(r#"{{"id":"g","text":"{GARBLED}"}}"#);
    let clean_b = format!(
        "{{\"id\":\"b\",\"text\":\"{}\"}}\r",
        CLEAN.replace("é", "\\u00e9")
    );
    let bad = "{broken".to_owned();
    let input = format!("{clean_a}\n{garbled}\n{clean_b}\n{bad}\n");
    let dir = tempfile::tempdir().unwrap();
    let rejected = dir.path().join("rejected.jsonl");
    let output = mtlint(
        &["--keep", "clean", "--rejected", rejected.to_str().unwrap()],
        input.as_bytes(),
    );
    assert_eq!(
        String::from_utf8(output.stdout.clone()).unwrap(),
        format!("{clean_a}\n{clean_b}\n")
    );
    assert_eq!(
        std::fs::read_to_string(&rejected).unwrap(),
        format!("{garbled}\n{bad}\n")
    );
    assert_eq!(output.status.code(), Some(2), "a bad record makes exit 2");
    assert!(stderr(&output).contains("<stdin>:4: not JSON"));
    assert!(stderr(&output).contains("kept 2, rejected 2"));

    // --max-score: the garbled record's score is far above 1.
    let output = mtlint(
        &["--max-score", "1"],
        format!("{clean_a}\n{garbled}").as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, format!("{clean_a}\n").into_bytes());
    let output = mtlint(
        &["--keep", "garbled"],
        format!("{clean_a}\n{garbled}").as_bytes(),
    );
    assert_eq!(output.stdout, format!("{garbled}\n").into_bytes());
}

#[test]
fn each_bad_record_gets_an_error_naming_its_line_and_the_run_goes_on() {
    let input = [
        record(1, CLEAN),
        "not json at all".into(),
        r#"{"id": 3, "text": 42}"#.into(),
        r#"{"id": 4, "body": "no text field"}"#.into(),
        "[\"an\", \"array\"]".into(),
        String::new(),
        json!({"id": 7, "text": "x".repeat(300)}).to_string(),
        record(8, CLEAN),
    ]
    .join("\n");
    let output = mtlint(&["--max-record-bytes", "200"], input.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    let out = lines(&output);
    let errors: Vec<(Value, Value)> = out
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| (l["id"].clone(), l["line"].clone()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (Value::Null, json!(2)),
            (json!(3), json!(3)),
            (json!(4), json!(4)),
            (Value::Null, json!(5)),
            (Value::Null, json!(7)),
        ]
    );
    assert_eq!(out.first().unwrap()["id"], 1);
    assert_eq!(
        out.last().unwrap()["id"],
        8,
        "records after bad ones are scored"
    );
    let messages = stderr(&output);
    for expected in [
        "<stdin>:2: not JSON",
        "<stdin>:3: field \"text\" is a number, not a string",
        "<stdin>:4: no \"text\" field",
        "<stdin>:5: not a JSON object but an array",
        "<stdin>:7: record is 318 bytes, over --max-record-bytes 200",
    ] {
        assert!(
            messages.contains(expected),
            "missing {expected:?} in {messages}"
        );
    }
    assert!(messages.contains("7 records (5 bad)"), "{messages}");
}

#[test]
fn fields_are_named_by_options_and_files_are_read_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    std::fs::write(&a, json!({"key": "a1", "body": CLEAN}).to_string()).unwrap();
    std::fs::write(&b, json!({"key": "b1", "body": GARBLED}).to_string() + "\n").unwrap();
    let missing = dir.path().join("missing.jsonl");
    let output = mtlint(
        &[
            "--text-field",
            "body",
            "--id-field",
            "key",
            a.to_str().unwrap(),
            missing.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    );
    let ids: Vec<Value> = lines(&output).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, vec![json!("a1"), json!("b1")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.jsonl: no such file or directory"));
}

#[test]
fn markdown_records_are_read_as_markdown() {
    let text = "# Title\n\nSome `the the` code and a fine sentence.\n";
    let as_text = lines(&mtlint(
        &["--select", "repetition/word"],
        (record(1, text) + "\n").as_bytes(),
    ));
    let as_markdown = lines(&mtlint(
        &["--select", "repetition/word", "--type", "markdown"],
        (record(1, text) + "\n").as_bytes(),
    ));
    assert_eq!(as_text[0]["counts"]["repetition"], 1);
    assert_eq!(as_markdown[0]["counts"], json!({}));
}

#[test]
fn rejected_needs_filter_mode() {
    let output = mtlint(&["--rejected", "/dev/null"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--rejected needs filter mode"));
}
