use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Multiple;

static META: RuleMeta = RuleMeta {
    id: "space/multiple",
    severity: Severity::Info,
    summary: "A run of spaces between two words inside a sentence",
    doc: r#"## What it does
Finds two or more spaces between two words in the middle of a sentence.
Indentation, spaces at the end of a line and two spaces after a full stop
(an old typewriter habit) are not reported.

## Why is this bad?
A run of spaces often marks a word that was removed or a column layout that
was flattened. It is harmless to read but worth a look.

## Example
```text
The council  approved the plan.
```

Use instead:
```text
The council approved the plan.
```
"#,
    options: &[],
};

impl Rule for Multiple {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let bytes = text.as_bytes();
        // A vectorised substring search for two spaces.
        let finder = memchr::memmem::Finder::new("  ");
        let mut from = 0;
        while let Some(found) = finder.find(&bytes[from..]) {
            let start = from + found;
            let mut i = start;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            from = i;
            let before = text[..start].chars().next_back().unwrap_or(' ');
            let after = text[i..].chars().next().unwrap_or('\n');
            let between_words =
                (before.is_alphanumeric() || before == ',') && after.is_alphanumeric();
            if between_words && cx.unmasked(Span::new(start, i)) {
                let span = Span::new(start, i);
                out.push(
                    self.diagnostic(
                        span,
                        format!("{} spaces in a row inside a sentence", i - start),
                    )
                    .with_fix(span, " ", true),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn run_of_spaces_between_words_is_reported() {
        let text = "The council  approved   the plan.";
        let found = lint(&Multiple, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, Span::new(11, 13));
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn spaces_left_by_markdown_markup_are_fine() {
        let text = "This is **very** important and `code` and [a link](https://x.org) too.";
        assert!(lint_as(&Multiple, text, crate::source::SourceKind::Markdown).is_empty());
        let found = lint_as(
            &Multiple,
            "Two  spaces in **bold** text.",
            crate::source::SourceKind::Markdown,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, Span::new(3, 5));
    }

    #[test]
    fn indentation_trailing_spaces_and_space_after_stop_are_fine() {
        assert_no_lints(
            &Multiple,
            "    Indented line.  Two after a stop.   \nNext line.",
        );
    }
}
