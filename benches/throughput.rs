//! Throughput of the whole pipeline and of each rule family, in MB/s, on
//! 2 MB of text made deterministically from the repository's clean samples
//! (their paragraphs, shuffled with a fixed seed). Run with
//! `cargo bench --bench throughput`; divan prints bytes per second.
//!
//! A regression in one rule shows in its family's line; `document` is the
//! cost of building the document model that every rule shares.
//!
//! The samples hold only a few kilobytes of clean text, so the 2 MB repeat
//! each sentence many times: `repetition/sentence` would report nearly all
//! of them, which real text never does. The pipeline line leaves that one
//! rule out (its family line keeps it); `scripts/bench.sh` measures the
//! whole default rule set on real, unrepeated news text.

use divan::counter::BytesCount;
use mtlint::document::Document;
use mtlint::linter::Linter;
use mtlint::source::{Source, SourceKind};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const FAMILIES: &[&str] = &[
    "boilerplate",
    "brackets",
    "case",
    "encoding",
    "fragment",
    "language",
    "punct",
    "quotes",
    "repetition",
    "space",
    "style",
];

/// About 2 MB of the clean samples' paragraphs, shuffled by xorshift.
fn corpus() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("samples/")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with("clean-") && name.ends_with(".txt")
            })
            .collect();
        names.sort();
        let paragraphs: Vec<String> = names
            .iter()
            .flat_map(|p| {
                std::fs::read_to_string(p)
                    .unwrap()
                    .split("\n\n")
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut text = String::new();
        while text.len() < 2 << 20 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(&paragraphs[(state % paragraphs.len() as u64) as usize]);
            text.push_str("\n\n");
        }
        text
    })
}

/// Source to JSON report: decode, document, every default rule but
/// `repetition/sentence` (see above), positions, and the `json` format's
/// serialisation.
#[divan::bench]
fn pipeline(bencher: divan::Bencher) {
    let text = corpus();
    let linter = Linter::new(&[], &["repetition/sentence".to_owned()]).unwrap();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let source = Source::from_bytes("bench.txt", SourceKind::Text, text.as_bytes()).unwrap();
        let report = linter.lint(&source);
        let json: Vec<_> = report
            .findings
            .iter()
            .map(mtlint::report::json::finding)
            .collect();
        divan::black_box(json)
    });
}

/// The document model alone: lines, paragraphs, sentences, words, quotes.
#[divan::bench]
fn document(bencher: divan::Bencher) {
    let text = corpus();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(Document::new(text).words.len()));
}

/// One rule family over a document built once.
#[divan::bench(args = FAMILIES)]
fn family(bencher: divan::Bencher, family: &str) {
    let text = corpus();
    let source = Source::from_text("bench.txt", SourceKind::Text, text);
    let doc = Document::new(text);
    let linter = Linter::new(&[family.to_owned()], &[]).unwrap();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(linter.check(&source, &doc).len()));
}
