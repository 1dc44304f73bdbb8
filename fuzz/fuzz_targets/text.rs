//! The whole pipeline on arbitrary bytes read as text: decoding, the document,
//! every rule, and the report. It must never panic. The same bytes are also
//! linted in small windows (as files over 4 MiB are), which must keep every
//! finding inside the input too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::linter::Linter;
use mtlint::source::{Source, SourceKind};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(source) = Source::from_bytes("fuzz", SourceKind::Text, bytes) {
        let mut linter = Linter::new(&[], &[]).expect("the default linter builds");
        let report = linter.lint(&source);
        for finding in &report.findings {
            assert!(finding.location.byte_end <= bytes.len());
        }
        linter.window_bytes = 1 + bytes.first().map_or(0, |&b| usize::from(b)) * 4;
        let windowed = linter.lint(&source);
        for finding in &windowed.findings {
            assert!(finding.location.byte_start <= finding.location.byte_end);
            assert!(finding.location.byte_end <= bytes.len());
        }
    }
});
