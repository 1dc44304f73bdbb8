use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ReplacementChar;

static META: RuleMeta = RuleMeta {
    id: "encoding/replacement-char",
    severity: Severity::Warning,
    summary: "The replacement character U+FFFD, where a character was lost",
    doc: r#"## What it does
Finds U+FFFD REPLACEMENT CHARACTER (`�`) in the text. A run of them is
reported once. U+FFFD put in by mtlint's own decoding of invalid UTF-8 is
reported as `encoding/invalid-utf8` instead.

## Why is this bad?
Some tool upstream could not decode a character and replaced it. The
original letter or punctuation mark is gone and has to be restored by hand.

## Example
```text
The caf� on the corner reopened.
```

Use instead:
```text
The café on the corner reopened.
```
"#,
    options: &[],
};

impl Rule for ReplacementChar {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let mut run: Option<Span> = None;
        for (i, _) in text.match_indices('\u{FFFD}') {
            if cx.source.is_decode_replacement(cx.source.source_offset(i)) {
                continue;
            }
            match run {
                Some(ref mut span) if span.end == i => span.end = i + 3,
                _ => {
                    if let Some(span) = run.take() {
                        out.push(self.report(span));
                    }
                    run = Some(Span::new(i, i + 3));
                }
            }
        }
        if let Some(span) = run {
            out.push(self.report(span));
        }
    }
}

impl ReplacementChar {
    fn report(&self, span: Span) -> Diagnostic {
        let count = span.len() / 3;
        let what = if count == 1 {
            "a character was lost here".to_string()
        } else {
            format!("{count} characters were lost here")
        };
        self.diagnostic(span, format!("replacement character U+FFFD: {what}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn replacement_character_is_reported() {
        assert_eq!(
            matched(&ReplacementChar, "The caf\u{FFFD} reopened."),
            vec!["\u{FFFD}"]
        );
    }

    #[test]
    fn a_run_is_reported_once() {
        let found = lint(
            &ReplacementChar,
            "Lost \u{FFFD}\u{FFFD}\u{FFFD} here and \u{FFFD} there.",
        );
        assert_eq!(found.len(), 2);
        assert!(found[0].message.contains("3 characters"));
    }

    #[test]
    fn ordinary_accents_are_fine() {
        assert_no_lints(&ReplacementChar, "The café in São Paulo.");
    }
}
