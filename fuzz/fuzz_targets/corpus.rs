//! Corpus mode on arbitrary bytes as JSON Lines: every line is a record or
//! a bad record, in order, and nothing panics. Scoring mode with
//! diagnostics, then filter mode with a rejected stream.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::corpus::{self, Options, Sinks};
use mtlint::linter::Linter;
use mtlint::source::SourceKind;
use std::io::Write;

fuzz_target!(|bytes: &[u8]| {
    let dir = std::env::temp_dir().join(format!("mtlint-fuzz-corpus-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("input.jsonl");
    let Ok(mut file) = std::fs::File::create(&path) else {
        return;
    };
    if file.write_all(bytes).is_err() {
        return;
    }
    drop(file);
    let linter = Linter::new(&[], &[]).expect("the default linter builds");
    let inputs = vec![path.to_string_lossy().into_owned()];
    let mut options = Options {
        text_field: "text".into(),
        id_field: "id".into(),
        kind: SourceKind::Text,
        diagnostics: true,
        keep: Vec::new(),
        max_score: None,
        max_record_bytes: 4096,
        batch: 3,
        progress: false,
    };
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    let stats = corpus::run(&inputs, &linter, &options, Sinks { out: &mut out, rejected: None, errors: &mut errors })
        .expect("writing to memory cannot fail");
    let lines = String::from_utf8(out).expect("output is UTF-8");
    assert_eq!(lines.lines().count(), stats.records, "one output line per record");
    for line in lines.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each output line is JSON");
    }
    options.diagnostics = false;
    options.max_score = Some(1.0);
    let (mut kept, mut rejected, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    let filtered = corpus::run(
        &inputs,
        &linter,
        &options,
        Sinks { out: &mut kept, rejected: Some(&mut rejected), errors: &mut errors },
    )
    .expect("writing to memory cannot fail");
    assert_eq!(filtered.kept + filtered.rejected, filtered.records);
});
