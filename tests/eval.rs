//! `mtlint eval`: the injector's records, and the three modes end to end on
//! small fixtures written for these tests.

use serde_json::Value;
use std::process::{Command, Output};

fn mtlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("mtlint runs")
}

fn json(output: &Output) -> Value {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn injected_records_are_labelled_with_spans_and_the_harness_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let injected = dir.path().join("injected.jsonl");
    let first = mtlint(&[
        "eval",
        "inject",
        "--seed",
        "5",
        "samples/clean-harbour-strike.txt",
    ]);
    let again = mtlint(&[
        "eval",
        "inject",
        "--seed",
        "5",
        "samples/clean-harbour-strike.txt",
    ]);
    assert_eq!(
        first.stdout, again.stdout,
        "the same seed gives the same records"
    );
    let other = mtlint(&[
        "eval",
        "inject",
        "--seed",
        "6",
        "samples/clean-harbour-strike.txt",
    ]);
    assert_ne!(first.stdout, other.stdout);
    std::fs::write(&injected, &first.stdout).unwrap();
    let records: Vec<Value> = String::from_utf8(first.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let clean = records.iter().filter(|r| r["label"].is_null()).count();
    assert!(clean >= 3);
    for r in records.iter().filter(|r| !r["label"].is_null()) {
        let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
        let (s, e) = (
            r["span"][0].as_u64().unwrap() as usize,
            r["span"][1].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= text.len(), "{r}");
    }
    let report = json(&mtlint(&[
        "eval",
        "--format",
        "json",
        "--labelled",
        injected.to_str().unwrap(),
    ]));
    assert_eq!(report["records"].as_u64().unwrap() as usize, records.len());
    // Artifacts that one rule always shows are all found.
    for label in ["mixed-script", "html-entity", "doubled-punct"] {
        assert_eq!(
            report["labels"][label]["recall"], 1.0,
            "{label}: {}",
            report["labels"][label]
        );
    }
}

#[test]
fn clean_mode_counts_alarms_per_10k_words_with_examples() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("samples/clean-wind-farm.txt", dir.path().join("a.txt")).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "The the council met on Tuesday, and it voted.\n",
    )
    .unwrap();
    let report = json(&mtlint(&[
        "eval",
        "--format",
        "json",
        "--clean",
        dir.path().to_str().unwrap(),
    ]));
    assert_eq!(report["files"], 2);
    assert_eq!(report["warnings"], 1);
    let words = report["words"].as_f64().unwrap();
    let per_10k = report["warnings_per_10k"].as_f64().unwrap();
    assert!((per_10k - 10_000.0 / words).abs() < 1e-9);
    assert_eq!(report["rules"][0]["rule"], "repetition/word");
    assert!(
        report["examples"][0]["context"]
            .as_str()
            .unwrap()
            .contains("The the council")
    );
}

#[test]
fn clean_mode_reads_each_row_of_a_tsv_file_as_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("refs.tsv");
    std::fs::write(
        &tsv,
        "id\tref\tsplit\n\
         1\tThe council met on Tuesday and it voted.\ttest\n\
         2\tThe the council met again on Friday.\ttest\n\
         3\tThe the harbour closed for the day.\ttrain\n",
    )
    .unwrap();
    let path = tsv.to_str().unwrap();
    let report = json(&mtlint(&[
        "eval",
        "--format",
        "json",
        "--clean",
        path,
        "--text-column",
        "ref",
        "--where",
        "split=test",
    ]));
    assert_eq!(report["files"], 2);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["rules"][0]["rule"], "repetition/word");
    // Rows are named by their line in the file, the header being line 1.
    assert_eq!(report["examples"][0]["path"], format!("{path}:3"));
    let human = mtlint(&["eval", "--clean", path, "--text-column", "ref"]);
    assert!(String::from_utf8_lossy(&human.stdout).contains("Clean text: 3 rows,"));
    let missing = mtlint(&["eval", "--clean", path, "--text-column", "mt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no column `mt`"));
}

#[test]
fn scored_mode_ranks_rows_by_human_badness() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("scored.tsv");
    let rows = [
        ("The the plan. Is. It it was.", "-2.0"),
        ("A plan was was made.", "-1.0"),
        ("The council met on Monday.", "0.5"),
        ("Rain fell all day in the hills.", "1.0"),
    ];
    let mut text = String::from("mt\tda_z\n");
    for (mt, score) in rows {
        text.push_str(&format!("{mt}\t{score}\n"));
    }
    std::fs::write(&tsv, text).unwrap();
    let report = json(&mtlint(&[
        "eval",
        "--format",
        "json",
        "--scored",
        tsv.to_str().unwrap(),
    ]));
    assert_eq!(report["rows"], 4);
    assert_eq!(report["auc_worst_vs_best_quarter"], 1.0);
    assert!(report["spearman"].as_f64().unwrap() > 0.8);
    let human = mtlint(&["eval", "--scored", tsv.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&human.stdout)
            .contains("ROC AUC, worst quarter vs best quarter: 1.000")
    );
}

#[test]
fn eval_without_a_mode_or_with_a_bad_file_is_an_error() {
    let output = mtlint(&["eval"]);
    assert_eq!(output.status.code(), Some(2));
    let output = mtlint(&["eval", "--labelled", "no-such-file.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-file.jsonl: no such file"));
    let output = mtlint(&["eval", "inject", "--labels", "nope", "samples/"]);
    assert_eq!(output.status.code(), Some(2));
}
