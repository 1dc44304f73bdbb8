use super::text_before;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Unopened;

static META: RuleMeta = RuleMeta {
    id: "quotes/unopened",
    severity: Severity::Warning,
    summary: "A closing quote mark with no opening mark before it",
    doc: r#"## What it does
Finds a closing quote mark (`”`, or a straight `"` used as a closer) with no
opening mark before it in its paragraph. When the paragraph already closed a
quotation just before, see `quotes/misplaced-close` instead.

## Why is this bad?
A closer without an opener means the start of a quotation was lost, so the
reader cannot tell whose words these are.

## Example
```text
The plan will work, he said.” Then the meeting ended.
```

Use instead:
```text
“The plan will work,” he said. Then the meeting ended.
```
"#,
    options: &[],
};

impl Rule for Unopened {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        for problem in &cx.doc.quotes.problems {
            if let QuoteProblem::Unopened { close } = problem {
                out.push(self.diagnostic(
                    *close,
                    format!(
                        "closing quote {} after \"{}\" has no opening quote",
                        close.text(text),
                        text_before(text, *close)
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
    fn closer_without_opener_is_reported() {
        let text = "The plan will work, he said.” Then the meeting ended.";
        let found = lint(&Unopened, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "”", 0));
        assert!(
            found[0].message.contains("he said."),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn straight_closer_without_opener_is_reported() {
        assert_eq!(matched(&Unopened, "It works well\" and more."), vec!["\""]);
    }

    #[test]
    fn possessive_apostrophe_is_not_a_closer() {
        assert_no_lints(&Unopened, "The States’ rights and the farmers’ union.");
    }

    #[test]
    fn paired_quotes_are_fine() {
        assert_no_lints(&Unopened, "“It works,” he said. “It is fast.”");
    }
}
