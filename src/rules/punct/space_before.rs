use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct SpaceBefore;

static META: RuleMeta = RuleMeta {
    id: "punct/space-before",
    severity: Severity::Warning,
    summary: "A space before a comma, full stop, colon, semicolon, question or exclamation mark",
    doc: r#"## What it does
Finds a space between a word and the punctuation mark after it (`word ,`,
`word .`). Ellipses (`wait ...`), scores and times (`3 : 2`), file
extensions (`the .txt file`) and French text, which puts a space before
`; : ! ?`, are not reported.

## Why is this bad?
Tokenised text that was joined back together carelessly, as MT pipelines
do, leaves a space before every mark.

## Example
```text
The talks ended , and both sides left .
```

Use instead:
```text
The talks ended, and both sides left.
```
"#,
    options: &[],
};

impl Rule for SpaceBefore {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let french = cx.doc.language == Some(whatlang::Lang::Fra);
        let bytes = text.as_bytes();
        for &i in &cx.doc.marks {
            let b = bytes[i];
            if !matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?') || i == 0 {
                continue;
            }
            if french && matches!(b, b';' | b':' | b'!' | b'?') {
                continue;
            }
            let mut s = i;
            while s > 0 && matches!(bytes[s - 1], b' ' | b'\t') {
                s -= 1;
            }
            if s == i || s == 0 {
                continue;
            }
            let before = text[..s].chars().next_back().unwrap_or(' ');
            let after = bytes.get(i + 1).copied().unwrap_or(b' ');
            let ellipsis = b == b'.' && after == b'.';
            let joins_next = after.is_ascii_alphanumeric();
            let next_visible = text[i + 1..]
                .trim_start_matches([' ', '\t'])
                .chars()
                .next()
                .unwrap_or(' ');
            if before.is_ascii_digit() && next_visible.is_ascii_digit() {
                continue; // a score or a ratio: 3 : 2
            }
            if !before.is_alphanumeric() || ellipsis || joins_next {
                continue;
            }
            let span = Span::new(s, i + 1);
            if !cx.unmasked(span) {
                continue; // `[link](url).`: the space was markup
            }
            let mark = b as char;
            out.push(
                self.diagnostic(span, format!("space before \"{mark}\""))
                    .with_fix(span, mark.to_string(), true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn space_before_comma_and_stop_is_reported_with_a_fix() {
        let text = "The talks ended , and both sides left .";
        let found = lint(&SpaceBefore, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, span_of(text, " ,", 0));
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, ",");
    }

    #[test]
    fn markdown_link_before_a_stop_is_fine() {
        let text = "Read [the report](https://example.com/report). It is short.";
        assert!(lint_as(&SpaceBefore, text, crate::source::SourceKind::Markdown).is_empty());
    }

    #[test]
    fn ellipsis_scores_and_extensions_are_fine() {
        assert_no_lints(
            &SpaceBefore,
            "We wait ... and see. It ended 3 : 2. Open the .txt file. Line\n, not here.",
        );
    }

    #[test]
    fn french_spacing_is_fine_in_french() {
        assert_no_lints(
            &SpaceBefore,
            "Le ministre a déclaré : « Nous sommes prêts ! » Les discussions reprendront la semaine prochaine ; les syndicats sont satisfaits.",
        );
    }
}
