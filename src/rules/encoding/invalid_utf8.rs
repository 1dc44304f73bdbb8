use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidUtf8;

static META: RuleMeta = RuleMeta {
    id: "encoding/invalid-utf8",
    severity: Severity::Error,
    summary: "Bytes that are not valid UTF-8",
    doc: r#"## What it does
Reports the first byte of a file that is not valid UTF-8, with its line and
column. The rest of the file is still linted: each invalid stretch is read
as U+FFFD, and positions stay true to the file.

## Why is this bad?
Invalid UTF-8 means the file was saved in another encoding (often
Windows-1252 or Latin-1) or was cut in the middle of a character. Tools
downstream will drop or garble those characters.

## Example
```text
The caf\xE9 opened.   (the byte 0xE9 on its own, as Latin-1 writes "é")
```

Use instead:
```text
The café opened.      (saved as UTF-8: the bytes 0xC3 0xA9)
```
"#,
    options: &[],
};

impl Rule for InvalidUtf8 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(first) = cx.source.replacements().first() else {
            return;
        };
        let count = cx.source.replacements().len();
        let more = if count > 1 {
            format!(" ({} more invalid stretches follow)", count - 1)
        } else {
            String::new()
        };
        // Rules speak in prose offsets; the replacement map in file text ones.
        let start = cx.source.prose_offset(first.text_offset);
        out.push(self.diagnostic(
            Span::new(start, start + '\u{FFFD}'.len_utf8()),
            format!(
                "invalid UTF-8: byte 0x{:02X} at byte offset {} cannot be decoded{more}; the file is probably in another encoding",
                first.first_byte, first.file_offset
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::{Context, Settings};
    use crate::source::{Source, SourceKind};

    fn lint_bytes(bytes: &[u8]) -> Vec<Diagnostic> {
        let source = Source::from_bytes("t.txt", SourceKind::Text, bytes).unwrap();
        let doc = Document::new(&source.text);
        let mut out = Vec::new();
        InvalidUtf8.check(
            &Context {
                doc: &doc,
                source: &source,
                settings: &Settings::default(),
            },
            &mut out,
        );
        out
    }

    #[test]
    fn first_invalid_byte_is_reported_once() {
        let found = lint_bytes(b"The caf\xE9 and the na\xEFve.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, Span::new(7, 10));
        assert!(found[0].message.contains("0xE9"), "{}", found[0].message);
        assert!(found[0].message.contains("1 more"), "{}", found[0].message);
    }

    #[test]
    fn valid_utf8_is_fine() {
        assert!(lint_bytes("The café opened.".as_bytes()).is_empty());
    }
}
