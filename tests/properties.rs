//! Properties that hold for any input: no panic, every span inside the text
//! and on character boundaries, positions that agree with byte offsets, and
//! deterministic output.

use mtlint::document::Document;
use mtlint::line_index::LineIndex;
use mtlint::linter::Linter;
use mtlint::source::{Source, SourceKind};
use proptest::prelude::*;

/// Text built from the characters the rules care about, so that the
/// generator reaches quotes, stops, mojibake and entities often.
fn prose() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "A",
        " ",
        " ",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "<br>",
        "&amp;",
        "&amp;amp;",
        "—",
        "…",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "「",
        "」",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "é",
        "Ã©",
        "â€™",
        "â€",
        "Â",
        "\u{200B}",
        "\u{202E}",
        "\u{FFFD}",
        "а",
        "ο",
        "😀",
        "e\u{301}",
        "The",
        "the",
        "said",
        "Which",
        "Used by",
        "U.S.",
        "e.g.",
        "It was",
        "have followed",
        "3.5",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|parts| parts.concat())
}

fn check_invariants(text: &str) {
    let linter = Linter::new(&[], &[]).unwrap();
    let source = Source::from_text("p.txt", SourceKind::Text, text);
    let doc = Document::new(&source.text);
    let diagnostics = linter.check(&source, &doc);
    for d in &diagnostics {
        for span in std::iter::once(d.span).chain(d.related.iter().map(|r| r.span)) {
            assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{d:?}"
            );
        }
    }
    let report = linter.lint(&source);
    let index = LineIndex::new(text);
    for (finding, d) in report.findings.iter().zip(&diagnostics) {
        let p = index.position(text, d.span.start);
        assert_eq!(
            (finding.location.line, finding.location.column),
            (p.line, p.column)
        );
        let prefix = &text[index.line_span(text, p.line - 1).start..d.span.start];
        assert_eq!(p.column, prefix.chars().count() + 1);
    }
    let again = linter.lint(&source);
    assert_eq!(report, again);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_prose_like_text_keeps_the_invariants(text in prose()) {
        check_invariants(&text);
    }

    #[test]
    fn any_unicode_text_keeps_the_invariants(text in "\\PC{0,200}") {
        check_invariants(&text);
    }

    #[test]
    fn any_bytes_decode_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(source) = Source::from_bytes("b.txt", SourceKind::Text, &bytes) {
            let report = Linter::new(&[], &[]).unwrap().lint(&source);
            for f in &report.findings {
                prop_assert!(f.location.byte_end <= bytes.len());
            }
        }
    }
}
