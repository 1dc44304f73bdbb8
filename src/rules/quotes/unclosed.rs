use super::text_after;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Unclosed;

static META: RuleMeta = RuleMeta {
    id: "quotes/unclosed",
    severity: Severity::Warning,
    summary: "An opening quote mark with no closing mark in its paragraph",
    doc: r#"## What it does
Finds an opening quote mark (`“`, `‘`, or a straight `"` used as an opener)
that is never closed in its paragraph.

A quotation may run over several paragraphs, as news style has it: a
paragraph that ends inside a quotation is fine when the next paragraph opens
with a quote mark. Apostrophes (`Russia’s`, `’90s`, `rock ’n’ roll`) and
inch marks (`5" screen`) are not quote marks.

## Why is this bad?
Machine translation and sentence splitting drop closing quotes, so the
reader cannot tell where the quoted speech ends and the reporter's words
begin.

## Example
```text
The war was called a “forever war”. “Given the word. Used by both leaders.
```

Use instead:
```text
The war was called a “forever war”. Both leaders used the term.
```
"#,
    options: &[],
};

impl Rule for Unclosed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        for problem in &cx.doc.quotes.problems {
            if let QuoteProblem::Unclosed { open } = problem {
                let mark = open.text(text);
                out.push(self.diagnostic(
                    *open,
                    format!(
                        "opening quote {mark} before \"{}\" is never closed in its paragraph",
                        text_after(text, *open)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn opener_without_closer_is_reported_at_the_opener() {
        let text = "It was a “forever war”. “Given the word. Used by both.";
        let found = lint(&Unclosed, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "“", 1));
        assert!(
            found[0].message.contains("\"Given the word."),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn straight_opener_without_closer_is_reported() {
        assert_eq!(
            matched(&Unclosed, "He said \"we will win and left."),
            vec!["\""]
        );
    }

    #[test]
    fn curly_single_opener_without_closer_is_reported() {
        assert_eq!(
            matched(&Unclosed, "They called it ‘the deal and moved on."),
            vec!["‘"]
        );
    }

    #[test]
    fn quotation_continued_in_next_paragraph_is_fine() {
        assert_no_lints(
            &Unclosed,
            "“The first part ends here.\n\n“The second part ends,” he said.",
        );
    }

    #[test]
    fn quotation_not_continued_in_next_paragraph_is_reported() {
        assert_eq!(
            matched(
                &Unclosed,
                "“The first part ends here.\n\nThe reporter goes on."
            ),
            vec!["“"]
        );
    }

    #[test]
    fn apostrophes_and_inch_marks_are_not_openers() {
        assert_no_lints(
            &Unclosed,
            "The ’90s, rock ’n’ roll, ’em and a 5\" screen were Russia’s.",
        );
        assert_no_lints(&Unclosed, "Farmers' groups said 'tis the season.");
    }

    #[test]
    fn closed_quotes_are_fine() {
        assert_no_lints(&Unclosed, "He said “we will win” and ‘soon’ and \"now\".");
    }
}
