use super::text_before;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MisplacedClose;

static META: RuleMeta = RuleMeta {
    id: "quotes/misplaced-close",
    severity: Severity::Warning,
    summary: "A quotation closed twice: the first closing mark is misplaced",
    doc: r#"## What it does
Finds one opening quote followed by two closing quotes. The first closer
ended the quotation too early; the quotation really ends at the second. The
first closer is reported, with the second as a related position.

## Why is this bad?
Machine translation often moves a closing quote to the end of the first
translated sentence, so the rest of the speech reads as the reporter's own
words.

## Example
```text
She said, “We will fix the roads.” Which is what voters want. That is the plan.”
```

Use instead:
```text
She said, “We will fix the roads, which is what voters want. That is the plan.”
```
"#,
    options: &[],
};

impl Rule for MisplacedClose {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        for problem in &cx.doc.quotes.problems {
            if let QuoteProblem::MisplacedClose { first, second } = problem {
                out.push(
                    self.diagnostic(
                        *first,
                        format!(
                            "quotation closed after \"{}\" is closed again after \"{}\"; the first closing quote is probably misplaced",
                            text_before(text, *first),
                            text_before(text, *second)
                        ),
                    )
                    .with_related(*second, "second closing quote here"),
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
    fn first_closer_is_reported_with_the_second_as_related() {
        let text = "She said, “We will fix it.” Which is the point. That is all.”";
        let found = lint(&MisplacedClose, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "”", 0));
        assert_eq!(found[0].related[0].span, span_of(text, "”", 1));
        assert_eq!(found[0].related[0].message, "second closing quote here");
    }

    #[test]
    fn second_quotation_in_the_paragraph_is_fine() {
        assert_no_lints(
            &MisplacedClose,
            "She said “yes” and then “no.” Later she said “maybe.”",
        );
    }

    #[test]
    fn straight_quotes_closed_twice_are_reported() {
        assert_eq!(
            matched(&MisplacedClose, "He said \"It works.\" And it is fast.\""),
            vec!["\""]
        );
    }
}
