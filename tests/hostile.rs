//! Odd and hostile input: the run must end, with a clear message where one
//! is due, and never panic.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn mtlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn lint_bytes(name: &str, bytes: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let output = mtlint(&["-q", path.to_str().unwrap()]);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    output
}

#[test]
fn a_million_blank_lines_are_clean() {
    let output = lint_bytes("blank.txt", &vec![b'\n'; 1_000_000]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_million_one_word_paragraphs_are_linted() {
    let output = lint_bytes("words.txt", "Word\n\n".repeat(1_000_000).as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_very_long_word_is_linted() {
    let output = lint_bytes("long.txt", "a".repeat(2_000_000).as_bytes());
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn deeply_nested_markdown_is_linted() {
    let mut text = ">".repeat(5_000);
    text.push_str(" deep\n\n");
    text.push_str(&"- ".repeat(2_000));
    text.push_str("item\n\n");
    text.push_str(&"[".repeat(5_000));
    text.push('\n');
    let output = lint_bytes("deep.md", text.as_bytes());
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
}

#[test]
fn deeply_nested_html_is_linted() {
    let text = format!(
        "{}<p>The the end.</p>{}",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let output = lint_bytes("deep.html", text.as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn a_fifo_is_skipped_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let output = mtlint(&[fifo.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("not a regular file or directory"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_device_is_skipped() {
    if !Path::new("/dev/null").exists() {
        return;
    }
    let output = mtlint(&["/dev/null"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("/dev/null: skipped"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_symlink_loop_in_a_walked_directory_ends() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Fine text.\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let output = mtlint(&["--format", "json", dir.path().to_str().unwrap()]);
    assert!(
        matches!(output.status.code(), Some(0 | 2)),
        "{}",
        stderr(&output)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn a_directory_named_like_a_file_is_walked_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("notes.txt");
    std::fs::create_dir(&odd).unwrap();
    std::fs::write(odd.join("inner.txt"), "The the end.\n").unwrap();
    let output = mtlint(&["-q", odd.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["--format", "concise", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let text = "The the end.\n\n".repeat(20_000);
    {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
    }
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the reader has gone, as with `| head`.
    let output = child.wait_with_output().unwrap();
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn a_file_and_the_same_text_on_stdin_give_the_same_report() {
    let root = env!("CARGO_MANIFEST_DIR");
    for name in [
        "samples/garbled-election.txt",
        "samples/garbled-council-blog.md",
        "samples/garbled-museum-scrape.html",
    ] {
        let from_file = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .current_dir(root)
            .args(["--format", "json", name])
            .output()
            .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .current_dir(root)
            .args(["--format", "json", "--stdin-filename", name, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&std::fs::read(Path::new(root).join(name)).unwrap())
            .unwrap();
        let from_stdin = child.wait_with_output().unwrap();
        assert_eq!(from_file.stdout, from_stdin.stdout, "{name}");
    }
}

#[test]
fn invalid_utf8_after_an_html_entity_points_at_the_byte() {
    let bytes = b"<p>Smith &amp; Sons caf\xE9 here.</p>\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, bytes).unwrap();
    let output = mtlint(&["--format", "json", path.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "encoding/invalid-utf8");
    assert_eq!(
        d["byte_start"].as_u64(),
        Some(bytes.iter().position(|&b| b == 0xE9).unwrap() as u64)
    );
}
