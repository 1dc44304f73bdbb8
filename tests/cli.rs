//! End-to-end tests: the real binary on fixture files, with exact output
//! and exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn mtlint() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mtlint"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command.env_remove("NO_COLOR");
    command
}

fn run(args: &[&str]) -> Output {
    mtlint().args(args).output().expect("mtlint runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = mtlint()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mtlint runs");
    // mtlint may exit on a usage error before it reads its input.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Compares with a stored expectation; `MTLINT_BLESS=1` rewrites it.
fn assert_matches_file(actual: &str, expected_path: &Path) {
    if std::env::var_os("MTLINT_BLESS").is_some() {
        std::fs::write(expected_path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run MTLINT_BLESS=1 cargo test",
            expected_path.display()
        )
    });
    assert_eq!(
        actual,
        expected,
        "output differs from {}",
        expected_path.display()
    );
}

#[test]
fn every_sample_matches_its_expected_json() {
    for sample in samples() {
        let name = sample.file_name().unwrap().to_str().unwrap();
        let output = run(&["--format", "json", &format!("samples/{name}")]);
        let stem = sample.file_stem().unwrap().to_str().unwrap();
        let expected =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("samples/expected/{stem}.json"));
        assert_matches_file(&stdout(&output), &expected);
    }
}

#[test]
fn human_output_matches_its_snapshot() {
    let output = run(&["--color", "never", "samples/garbled-election.txt"]);
    let expected =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/expected/garbled-election.human");
    assert_matches_file(&stdout(&output), &expected);
}

#[test]
fn clean_samples_are_clean_and_garbled_samples_are_not() {
    for sample in samples() {
        let name = sample.file_name().unwrap().to_str().unwrap().to_owned();
        let output = run(&["--format", "json", &format!("samples/{name}")]);
        let count = json(&output)["summary"]["diagnostics"].as_u64().unwrap();
        if name.starts_with("clean-") {
            assert_eq!(count, 0, "{name} should be clean");
            assert_eq!(output.status.code(), Some(0), "{name}");
        } else {
            assert!(count > 0, "{name} should have findings");
            assert_eq!(output.status.code(), Some(1), "{name}");
        }
    }
}

#[test]
fn garbled_samples_together_fire_every_rule() {
    let output = run(&["--format", "json", "samples/"]);
    let report = json(&output);
    let fired: std::collections::BTreeSet<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().iter())
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    let rules = stdout(&run(&["rules"]));
    for line in rules.lines() {
        let id = line.split_whitespace().next().unwrap();
        // language/unexpected needs --lang: see lang_option_reports_a_document_in_another_language.
        if id != "language/unexpected" {
            assert!(fired.contains(id), "no sample fires {id}");
        }
    }
}

#[test]
fn stdin_is_linted_under_the_given_name() {
    let output = run_stdin(
        &[
            "--format",
            "concise",
            "--stdin-filename",
            "notes/draft.txt",
            "-",
        ],
        b"The talks ended. sought calm.\n",
    );
    assert_eq!(
        stdout(&output),
        "notes/draft.txt:1:18: warning[fragment/lowercase-start]: sentence starts with lowercase \"sought\" after a full stop; the sentence was probably split or cut\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn stdin_without_a_name_is_called_dash() {
    let output = run_stdin(&["--format", "json", "-"], b"Fine text here.\n");
    assert_eq!(json(&output)["files"][0]["path"], "-");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn positions_are_exact_with_bom_crlf_and_emoji() {
    let input = "\u{FEFF}Intro 😀 line.\r\nThe the end.\r\n".as_bytes();
    let output = run_stdin(&["--format", "json", "-"], input);
    let d = &json(&output)["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "repetition/word");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(2), Some(8))
    );
    // BOM (3) + "Intro 😀 line.\r\n" (6 + 4 + 6 + 2 = 18 bytes).
    assert_eq!(
        (d["byte_start"].as_u64(), d["byte_end"].as_u64()),
        (Some(21), Some(28))
    );
    assert_eq!(d["matched"], "The the");
}

#[test]
fn select_and_ignore_take_ids_and_families() {
    let file = "samples/garbled-election.txt";
    let only_quotes = json(&run(&["--format", "json", "--select", "quotes", file]));
    let rules: Vec<&str> = only_quotes["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.is_empty());
    assert!(rules.iter().all(|r| r.starts_with("quotes/")), "{rules:?}");

    let without = json(&run(&[
        "--format",
        "json",
        "--ignore",
        "fragment,repetition/phrase",
        file,
    ]));
    let rules: Vec<&str> = without["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.is_empty());
    assert!(
        rules
            .iter()
            .all(|r| !r.starts_with("fragment/") && *r != "repetition/phrase"),
        "{rules:?}"
    );
}

#[test]
fn unknown_rule_in_select_is_a_usage_error() {
    let output = run(&["--select", "quotes/nope", "samples/"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown rule or family `quotes/nope`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_path_is_an_error_but_other_paths_are_still_linted() {
    let output = run(&[
        "--format",
        "concise",
        "no/such/file.txt",
        "samples/garbled-election.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "mtlint: error: no/such/file.txt: no such file or directory\n"
    );
    assert!(stdout(&output).contains("samples/garbled-election.txt:3:208:"));
}

#[test]
fn file_named_as_a_directory_is_an_error() {
    let output = run(&["samples/clean-wind-farm.txt/"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("mtlint: error: samples/clean-wind-farm.txt/: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unreadable_file_is_an_error_naming_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    std::fs::write(&path, "Some text.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("running as root: permissions cannot make a file unreadable; skipped");
        return;
    }
    let output = run(&[path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!("mtlint: error: {}: permission denied\n", path.display())
    );
}

#[test]
fn binary_file_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let output = run(&["--format", "json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        format!(
            "mtlint: warning: {}: skipped: looks like a binary file (contains NUL bytes)\n",
            path.display()
        )
    );
    assert_eq!(json(&output)["skipped"][0]["path"], path.to_str().unwrap());
}

#[test]
fn invalid_utf8_is_an_error_finding_and_the_rest_is_linted() {
    let output = run_stdin(
        &["--format", "json", "-"],
        b"The caf\xE9 opened today.\n\nThe the end.\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let diagnostics = json(&output)["files"][0]["diagnostics"].clone();
    let rules: Vec<&str> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["encoding/invalid-utf8", "repetition/word"]);
    assert_eq!(diagnostics[0]["severity"], "error");
    assert_eq!(
        (
            diagnostics[0]["line"].as_u64(),
            diagnostics[0]["column"].as_u64()
        ),
        (Some(1), Some(8))
    );
    assert_eq!(diagnostics[0]["byte_start"].as_u64(), Some(7));
    // One invalid byte stands for the 3-byte U+FFFD: file offsets stay true.
    assert_eq!(diagnostics[1]["byte_start"].as_u64(), Some(24));
}

#[test]
fn utf16_file_is_an_error_that_says_so() {
    let output = run_stdin(&["-"], b"\xFF\xFEH\0i\0");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("file is UTF-16"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn no_paths_prints_usage_and_exits_2() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Usage: mtlint"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn fail_on_and_exit_zero_choose_the_exit_code() {
    let file = "samples/garbled-election.txt";
    assert_eq!(run(&["-q", file]).status.code(), Some(1));
    assert_eq!(
        run(&["-q", "--fail-on", "error", file]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["-q", "--fail-on", "never", file]).status.code(),
        Some(0)
    );
    assert_eq!(run(&["-q", "--exit-zero", file]).status.code(), Some(0));
    assert_eq!(
        run(&[
            "-q",
            "--fail-on",
            "error",
            "samples/garbled-latin1-notice.txt"
        ])
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        run(&["-q", "--exit-zero", "missing.txt"]).status.code(),
        Some(2)
    );
}

#[test]
fn quiet_prints_only_the_summary() {
    let output = run(&["-q", "samples/garbled-election.txt"]);
    assert_eq!(
        stdout(&output),
        "Found 12 problems (0 errors, 12 warnings, 0 info) in 1 file.\nGarble score: 0 clean, 0 suspect, 1 garbled; highest 26.73 (samples/garbled-election.txt).\n"
    );
}

#[test]
fn color_always_paints_and_never_does_not() {
    let file = "samples/garbled-election.txt";
    assert!(stdout(&run(&["--color", "always", file])).contains("\x1b["));
    assert!(!stdout(&run(&["--color", "never", file])).contains("\x1b["));
    let no_color = mtlint()
        .env("NO_COLOR", "1")
        .args(["--color", "auto", file])
        .output()
        .unwrap();
    assert!(!stdout(&no_color).contains("\x1b["));
}

#[test]
fn directories_are_walked_for_prose_files_respecting_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join(".gitignore"), "ignored.txt\n").unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    for name in [
        "a.txt",
        "b.md",
        "sub/c.markdown",
        "sub/d.text",
        "code.rs",
        "ignored.txt",
    ] {
        std::fs::write(root.join(name), "Fine text.\n").unwrap();
    }
    let output = run(&["--format", "json", root.to_str().unwrap()]);
    let paths: Vec<String> = json(&output)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(paths, vec!["a.txt", "b.md", "sub/c.markdown", "sub/d.text"]);
}

#[test]
fn output_order_does_not_depend_on_threads() {
    let one = stdout(&run(&["--format", "json", "-j", "1", "samples/"]));
    let two = stdout(&run(&["--format", "json", "-j", "2", "samples/"]));
    assert_eq!(one, two);
}

#[test]
fn rules_and_explain_print_the_rule_docs() {
    let rules = stdout(&run(&["rules"]));
    assert!(
        rules
            .lines()
            .any(|l| l.starts_with("quotes/unclosed ") && l.contains("warning"))
    );
    let explain = run(&["explain", "fragment/verbless"]);
    assert_eq!(explain.status.code(), Some(0));
    let text = stdout(&explain);
    assert!(
        text.contains("## Example") && text.contains("Use instead:"),
        "{text}"
    );
    assert_eq!(run(&["explain", "no/such-rule"]).status.code(), Some(2));
}

#[test]
fn rules_reference_in_docs_is_up_to_date() {
    let generated = stdout(&run(&["rules", "--markdown"]));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    assert_matches_file(&generated, &path);
}

#[test]
fn readme_rule_table_is_up_to_date() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let docs = stdout(&run(&["rules", "--markdown"]));
    let table_start = docs.find("| rule |").unwrap();
    let table_end = docs[table_start..].find("\n\n").unwrap() + table_start + 1;
    let table = &docs[table_start..table_end];
    assert!(
        readme.contains(table),
        "README's rule table is stale: paste this table:\n{table}"
    );
}

#[test]
fn empty_whitespace_and_bom_only_files_are_clean() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 3] = [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n\t\n"),
        ("bom.txt", b"\xEF\xBB\xBF"),
    ];
    for (name, bytes) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let output = run(&["--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["summary"]["files"], 3);
    assert_eq!(report["summary"]["diagnostics"], 0);
    assert_eq!(report["files"][0]["words"], 0);
}

#[test]
fn linting_never_changes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, "The the talks ended. sought calm.\n").unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let output = run(&[path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"The the talks ended. sought calm.\n"
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

const GERMAN: &[u8] = "Die Gespräche endeten am Montag, und beide Seiten erklärten, dass sie sich im Frühjahr wieder treffen würden.\n".as_bytes();

#[test]
fn lang_option_reports_a_document_in_another_language() {
    let output = run_stdin(&["--format", "concise", "--lang", "en", "-"], GERMAN);
    assert_eq!(
        stdout(&output),
        "-:1:1: warning[language/unexpected]: document is in German (deu), not in English (eng) as --lang says\n"
    );
    assert_eq!(output.status.code(), Some(1));
    let same = run_stdin(&["--format", "concise", "--lang", "de", "-"], GERMAN);
    assert_eq!(stdout(&same), "");
    let bad = run_stdin(&["--lang", "klingon", "-"], GERMAN);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown language code `klingon`"));
}

#[test]
fn max_score_fails_a_file_above_it() {
    let file = "samples/garbled-election.txt";
    let report = json(&run(&["--format", "json", file]));
    let score = report["files"][0]["score"].as_f64().unwrap();
    assert!(score > 5.0, "{score}");
    assert_eq!(report["files"][0]["verdict"], "garbled");
    let below = format!("{}", score - 0.01);
    let above = format!("{}", score + 0.01);
    assert_eq!(
        run(&["-q", "--fail-on", "never", "--max-score", &below, file])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["-q", "--fail-on", "never", "--max-score", &above, file])
            .status
            .code(),
        Some(0)
    );
    let clean = json(&run(&["--format", "json", "samples/clean-wind-farm.txt"]));
    assert_eq!(clean["files"][0]["score"], 0.0);
    assert_eq!(clean["files"][0]["verdict"], "clean");
}

#[test]
fn phrases_option_adds_a_users_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("mine.tsv");
    std::fs::write(&list, "# my list\nsilly goose\tsensible duck\n").unwrap();
    let output = run_stdin(
        &[
            "--format",
            "concise",
            "--phrases",
            list.to_str().unwrap(),
            "-",
        ],
        b"The report calls him a silly goose.\n",
    );
    assert_eq!(
        stdout(&output),
        "-:1:24: warning[style/tortured-phrase]: tortured phrase \"silly goose\": the usual term is \"sensible duck\"\n"
    );
    std::fs::write(&list, "no tab\n").unwrap();
    let bad = run_stdin(&["--phrases", list.to_str().unwrap(), "-"], b"Text.\n");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("line 1"), "{}", stderr(&bad));
}

#[test]
fn every_format_matches_its_snapshot() {
    for (format, extension) in [
        ("concise", "concise"),
        ("jsonl", "jsonl"),
        ("github", "github"),
        ("sarif", "sarif"),
    ] {
        let output = run(&["--format", format, "samples/garbled-election.txt"]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        let expected = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("samples/expected/garbled-election.{extension}"));
        assert_matches_file(&stdout(&output), &expected);
    }
}

#[test]
fn jsonl_lines_are_json_objects_with_a_path() {
    let output = run(&[
        "--format",
        "jsonl",
        "samples/garbled-election.txt",
        "samples/garbled-flood-relief.txt",
    ]);
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let whole = json(&run(&[
        "--format",
        "json",
        "samples/garbled-election.txt",
        "samples/garbled-flood-relief.txt",
    ]));
    assert_eq!(
        lines.len() as u64,
        whole["summary"]["diagnostics"].as_u64().unwrap()
    );
    assert_eq!(lines[0]["path"], "samples/garbled-election.txt");
    assert_eq!(
        lines[0]["rule"],
        whole["files"][0]["diagnostics"][0]["rule"]
    );
    assert_eq!(
        lines[0]["byte_start"],
        whole["files"][0]["diagnostics"][0]["byte_start"]
    );
}

#[test]
fn github_annotations_escape_messages_and_properties() {
    let output = run_stdin(
        &[
            "--format",
            "github",
            "--stdin-filename",
            "docs/a,b:c.txt",
            "-",
        ],
        b"Growth of 50% stalled.\n\nThe the end.\n",
    );
    assert_eq!(
        stdout(&output),
        "::warning file=docs/a%2Cb%3Ac.txt,line=3,col=1,endLine=3,endColumn=8,title=mtlint (repetition/word)::\"The\" is repeated\n"
    );
}

#[test]
fn output_file_gets_the_report_and_the_terminal_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let output = run(&[
        "--format",
        "json",
        "-o",
        path.to_str().unwrap(),
        "samples/garbled-election.txt",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(written["summary"]["diagnostics"], 12);
    assert!(
        stdout(&output).starts_with("Found 12 problems"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn inline_suppressions_work_end_to_end() {
    let text = "<!-- mtlint-disable-next-line repetition/word -->\nThe the end.\n\n<!-- mtlint-disable fragment -->\nIt ended. sought calm.\n<!-- mtlint-enable -->\n\nThe the end.\n";
    let output = run_stdin(&["--format", "concise", "-"], text.as_bytes());
    assert_eq!(
        stdout(&output),
        "-:8:1: warning[repetition/word]: \"The\" is repeated\n"
    );
    let unused = run_stdin(
        &["--format", "concise", "-"],
        b"<!-- mtlint-disable-file quotes -->\nFine text.\n",
    );
    assert_eq!(
        stdout(&unused),
        "-:1:1: info[meta/unused-suppression]: suppression of quotes for this file suppresses nothing\n"
    );
    assert_eq!(unused.status.code(), Some(0));
}

#[test]
fn markdown_findings_point_into_the_file_across_markup() {
    let input = "# Título\n\nSee **the** [guide](https://x.org/a_b) — “ok” 😀 and the the end.\n\n```\nthe the\n```\n";
    let output = run_stdin(
        &["--format", "json", "--stdin-filename", "notes/a.md", "-"],
        input.as_bytes(),
    );
    let diagnostics = json(&output)["files"][0]["diagnostics"].clone();
    assert_eq!(diagnostics.as_array().unwrap().len(), 1, "{diagnostics:#}");
    let d = &diagnostics[0];
    assert_eq!(d["rule"], "repetition/word");
    assert_eq!(d["matched"], "the the");
    let line = input.lines().nth(2).unwrap();
    let column = line[..line.find("the the").unwrap()].chars().count() + 1;
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(column as u64))
    );
    assert_eq!(
        d["byte_start"].as_u64(),
        Some(input.find("the the").unwrap() as u64)
    );
}

#[test]
fn markdown_code_front_matter_and_urls_are_not_linted() {
    let input = "---\ntitle: The the\n---\n\nText with `the the` and <https://a.org/the..the>.\n\n    the the ,,\n";
    let output = run_stdin(
        &["--format", "concise", "--stdin-filename", "x.md", "-"],
        input.as_bytes(),
    );
    assert_eq!(stdout(&output), "");
    let as_text = run_stdin(
        &["--format", "concise", "--stdin-filename", "x.txt", "-"],
        input.as_bytes(),
    );
    assert!(stdout(&as_text).contains("repetition/word"));
}

/// A temporary project: files written from (path, text) pairs.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

const DOUBLED: &str = "The the end.\n";

#[test]
fn closest_config_wins_and_cli_flags_override_it() {
    let dir = project(&[
        ("mtlint.toml", "fail-on = \"never\"\n"),
        (
            "docs/.mtlint.toml",
            "[severity]\n\"repetition\" = \"error\"\n",
        ),
        ("docs/a.txt", DOUBLED),
        ("b.txt", DOUBLED),
    ]);
    let docs = json(&run_in(dir.path(), &["--format", "json", "docs/a.txt"]));
    assert_eq!(docs["files"][0]["diagnostics"][0]["severity"], "error");
    let top = run_in(dir.path(), &["--format", "json", "b.txt"]);
    assert_eq!(
        json(&top)["files"][0]["diagnostics"][0]["severity"],
        "warning"
    );
    assert_eq!(
        top.status.code(),
        Some(0),
        "fail-on = never from the top config"
    );
    assert_eq!(
        run_in(dir.path(), &["-q", "--fail-on", "warning", "b.txt"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run_in(dir.path(), &["-q", "--isolated", "b.txt"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn pyproject_table_counts_and_config_flag_names_a_file() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[project]\nname = \"x\"\n\n[tool.mtlint]\nignore = [\"repetition\"]\n",
        ),
        ("other.toml", "select = [\"quotes\"]\n"),
        ("a.txt", "The the end. sought calm.\n"),
    ]);
    let rules_of = |output: &Output| -> Vec<String> {
        json(output)["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        rules_of(&run_in(dir.path(), &["--format", "json", "a.txt"])),
        vec!["fragment/lowercase-start"]
    );
    assert!(
        rules_of(&run_in(
            dir.path(),
            &["--format", "json", "--config", "other.toml", "a.txt"]
        ))
        .is_empty()
    );
}

#[test]
fn config_errors_name_the_file_line_and_key_and_exit_2() {
    let dir = project(&[
        (
            "mtlint.toml",
            "select = [\"quotes\"]\nfial-on = \"never\"\n",
        ),
        ("a.txt", DOUBLED),
    ]);
    let output = run_in(dir.path(), &["a.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("mtlint.toml")
            && message.contains("line 2")
            && message.contains("fial-on"),
        "{message}"
    );
}

#[test]
fn exclude_skips_walked_files_but_not_named_ones() {
    let dir = project(&[
        ("mtlint.toml", "exclude = [\"drafts/**\"]\n"),
        ("drafts/a.txt", DOUBLED),
        ("docs/b.txt", DOUBLED),
    ]);
    let walked = json(&run_in(dir.path(), &["--format", "json", "."]));
    let paths: Vec<&str> = walked["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["./docs/b.txt"]);
    let named = json(&run_in(dir.path(), &["--format", "json", "drafts/a.txt"]));
    assert_eq!(named["summary"]["files"], 1);
}

#[test]
fn types_map_extensions_and_type_flag_overrides() {
    let text = "Intro text here.\n\n```\nthe the\n```\n";
    let dir = project(&[
        ("mtlint.toml", "[types]\nmdx = \"markdown\"\n"),
        ("a.mdx", text),
        ("b.txt", text),
    ]);
    assert_eq!(run_in(dir.path(), &["-q", "a.mdx"]).status.code(), Some(0));
    assert_eq!(run_in(dir.path(), &["-q", "b.txt"]).status.code(), Some(1));
    assert_eq!(
        run_in(dir.path(), &["-q", "--type", "markdown", "b.txt"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn stdin_filename_picks_the_config_and_type_of_that_path() {
    let dir = project(&[("docs/mtlint.toml", "ignore = [\"fragment\"]\n")]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .current_dir(dir.path())
        .args(["--format", "concise", "--stdin-filename", "docs/a.md", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(b"It ended. sought calm.\n\n```\nthe the\n```\n");
    let output = child.wait_with_output().unwrap();
    assert_eq!(stdout(&output), "");
}

#[test]
fn config_command_prints_the_effective_configuration() {
    let dir = project(&[(
        "mtlint.toml",
        "ignore = [\"quotes\"]\nfail-on = \"error\"\n[severity]\n\"fragment/verbless\" = \"info\"\n",
    )]);
    let output = run_in(dir.path(), &["config", "."]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("mtlint.toml"), "{text}");
    assert!(text.contains("fail-on: error"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("quotes/unclosed") && l.ends_with("off")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("fragment/verbless") && l.ends_with("on   info")),
        "{text}"
    );
    let isolated = stdout(&run_in(dir.path(), &["config", "--isolated", "."]));
    assert!(isolated.contains("config: none"), "{isolated}");
}

#[test]
fn rule_options_in_the_config_change_thresholds() {
    let text = "He declined to say more.\n\nHe declined to say more.\n";
    let dir = project(&[("a.txt", text)]);
    assert_eq!(run_in(dir.path(), &["-q", "a.txt"]).status.code(), Some(0));
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "[rules.\"repetition/sentence\"]\nmin-words = 3\n",
    )
    .unwrap();
    let output = run_in(dir.path(), &["--format", "concise", "a.txt"]);
    assert!(
        stdout(&output).contains("repetition/sentence"),
        "{}",
        stdout(&output)
    );
    let shown = stdout(&run_in(dir.path(), &["config", "."]));
    assert!(
        shown.contains("option: repetition/sentence.min-words = 3"),
        "{shown}"
    );
}

#[test]
fn html_findings_point_into_the_file_across_tags_and_entities() {
    let input = "<html><body><nav>The the menu</nav>\n<p>Caf&eacute; &ldquo;ok&rdquo; &#8217; <b>and</b> the the <i>end</i>.</p>\n<p>Smith &amp;amp; Sons.</p></body></html>\n";
    let output = run_stdin(
        &["--format", "json", "--stdin-filename", "page.html", "-"],
        input.as_bytes(),
    );
    let diagnostics = json(&output)["files"][0]["diagnostics"].clone();
    let rules: Vec<&str> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["repetition/word", "encoding/html-leftover"],
        "{diagnostics:#}"
    );
    let d = &diagnostics[0];
    assert_eq!(d["matched"], "the the");
    let line = input.lines().nth(1).unwrap();
    let column = line[..line.find("the the").unwrap()].chars().count() + 1;
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(column as u64))
    );
    assert_eq!(
        d["byte_start"].as_u64(),
        Some(input.find("the the").unwrap() as u64)
    );
    let leftover = &diagnostics[1];
    assert_eq!(leftover["matched"], "&amp;amp;");
    assert_eq!(leftover["line"].as_u64(), Some(3));
}

#[test]
fn type_flag_reads_any_file_as_html() {
    let input = b"<p>The the end.</p><script>the the</script>\n";
    let as_html = run_stdin(&["--format", "concise", "--type", "html", "-"], input);
    assert_eq!(stdout(&as_html).lines().count(), 1, "{}", stdout(&as_html));
    let as_text = run_stdin(&["--format", "concise", "-"], input);
    assert_eq!(stdout(&as_text).lines().count(), 4, "{}", stdout(&as_text));
}
