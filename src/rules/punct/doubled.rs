use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Doubled;

static META: RuleMeta = RuleMeta {
    id: "punct/doubled",
    severity: Severity::Warning,
    summary: "Doubled punctuation: `,,` `..` `. .` `,.` `;;`",
    doc: r#"## What it does
Finds two punctuation marks where one belongs: `,,`, `..` (exactly two),
`. .`, `,.`, `.,`, `;;` and `::`. An ellipsis (`...`, `…`) is not doubled,
and neither are paths (`../docs`) or ranges (`1..10`).

## Why is this bad?
Text stitched together from pieces keeps the mark of each piece.

## Example
```text
The plan failed,, and the talks ended..
```

Use instead:
```text
The plan failed, and the talks ended.
```
"#,
    options: &[],
};

fn ends_with_abbreviation(head: &str) -> bool {
    let start = crate::document::start_after_last(head, |c| !c.is_alphanumeric() && c != '.');
    let word = &head[start..];
    let short_capitalised = word.len() <= 5 && word.starts_with(|c: char| c.is_uppercase());
    crate::document::is_abbreviation_like(word) || short_capitalised
}

impl Rule for Doubled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let bytes = text.as_bytes();
        let is_mark = |b: u8| matches!(b, b',' | b'.' | b';' | b':');
        // Marks already reported as the second of a pair are passed over.
        let mut next_free = 1;
        for &i in &cx.doc.marks {
            if i < next_free || i + 1 >= bytes.len() {
                continue;
            }
            let (a, b) = (bytes[i], bytes[i + 1]);
            if !is_mark(a) {
                continue;
            }
            let (second, gap) = if is_mark(b) {
                (i + 1, false)
            } else if a == b'.' && b == b' ' && bytes.get(i + 2) == Some(&b'.') {
                (i + 2, true)
            } else {
                continue;
            };
            let pair = (a, bytes[second]);
            let wanted = matches!(
                pair,
                (b',', b',')
                    | (b'.', b'.')
                    | (b',', b'.')
                    | (b'.', b',')
                    | (b';', b';')
                    | (b':', b':')
            );
            let before = text[..i].chars().next_back().unwrap_or(' ');
            let after = bytes.get(second + 1).copied().unwrap_or(b' ');
            let ellipsis = (a == b'.' || before == '.') && (after == b'.' || bytes[i - 1] == b'.');
            let path_or_range = matches!(after, b'/' | b'\\')
                || (before.is_ascii_digit() && after.is_ascii_digit());
            let after_word = before.is_alphanumeric() || "”’\")]".contains(before);
            // `Inc.,` and `U.S.,`: the full stop belongs to an abbreviation.
            if pair == (b'.', b',') && ends_with_abbreviation(&text[..i]) {
                continue;
            }
            if !wanted || ellipsis || path_or_range || !after_word || (gap && pair != (b'.', b'.'))
            {
                continue;
            }
            let span = Span::new(i, second + 1);
            let found = span.text(text);
            let keep = if pair.0 == b'.' || pair.1 == b'.' {
                "."
            } else {
                &found[..1]
            };
            out.push(
                self.diagnostic(span, format!("doubled punctuation \"{found}\""))
                    .with_fix(span, keep.to_owned(), true),
            );
            next_free = second + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn doubled_marks_are_reported_with_a_fix() {
        let text = "It failed,, and ended.. Then. . it, . x;; y,. z";
        assert_eq!(matched(&Doubled, text), vec![",,", "..", ". .", ";;", ",."]);
        assert_eq!(
            lint(&Doubled, text)[0].fix.as_ref().unwrap().replacement,
            ","
        );
    }

    #[test]
    fn ellipses_paths_and_ranges_are_fine() {
        assert_no_lints(&Doubled, "Acme Inc., the U.S., and Foo Corp., said so.");
        assert_no_lints(
            &Doubled,
            "We waited... and then…. See ../docs and items 1..10 today.",
        );
    }
}
