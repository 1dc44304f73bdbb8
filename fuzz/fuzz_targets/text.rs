//! The whole pipeline on arbitrary bytes read as text: decoding, the document,
//! every rule, and the report. It must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::linter::Linter;
use mtlint::source::{Source, SourceKind};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(source) = Source::from_bytes("fuzz", SourceKind::Text, bytes) {
        let linter = Linter::new(&[], &[]).expect("the default linter builds");
        let report = linter.lint(&source);
        for finding in &report.findings {
            assert!(finding.location.byte_end <= bytes.len());
        }
    }
});
