use crate::diagnostic::{Diagnostic, Severity};
use crate::document::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta};

pub struct WrongDirection;

static META: RuleMeta = RuleMeta {
    id: "quotes/wrong-direction",
    severity: Severity::Warning,
    summary: "A curly quote facing the wrong way, or a pair mixing curly and straight marks",
    doc: r#"## What it does
Finds `”` used to open a quotation, `“` used to close one, and pairs that
open with a curly mark and close with a straight one (or the reverse).
German `„…“` is recognised and not reported.

## Why is this bad?
Quote marks that face the wrong way come from text pasted together from
different tools or from careless conversion, and they make the text look
unedited.

## Example
```text
He called it ”a turning point“ in the talks.
```

Use instead:
```text
He called it “a turning point” in the talks.
```
"#,
    options: &[],
};

impl Rule for WrongDirection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        for problem in &cx.doc.quotes.problems {
            match problem {
                QuoteProblem::WrongDirection { mark, expected } => {
                    let found = mark.text(text);
                    let role = if matches!(expected, '“' | '‘') {
                        "open"
                    } else {
                        "close"
                    };
                    out.push(
                        self.diagnostic(
                            *mark,
                            format!("{found} is used to {role} a quotation; expected {expected}"),
                        )
                        .with_fix(*mark, expected.to_string(), true),
                    );
                }
                QuoteProblem::MixedPair { open, close } => {
                    out.push(
                        self.diagnostic(
                            *close,
                            format!(
                                "quotation opened with {} is closed with {}",
                                open.text(text),
                                close.text(text)
                            ),
                        )
                        .with_related(*open, "opening quote here"),
                    );
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn reversed_pair_gives_two_findings_with_fixes() {
        let text = "He called it ”a turning point“ in the talks.";
        let found = lint(&WrongDirection, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, span_of(text, "”", 0));
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "“");
        assert_eq!(found[1].span, span_of(text, "“", 0));
        assert_eq!(found[1].fix.as_ref().unwrap().replacement, "”");
    }

    #[test]
    fn mixed_curly_and_straight_pair_is_reported_at_the_closer() {
        let text = "He said “yes\" today.";
        let found = lint(&WrongDirection, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "\"", 0));
        assert_eq!(found[0].related[0].span, span_of(text, "“", 0));
    }

    #[test]
    fn correct_and_german_quotes_are_fine() {
        assert_no_lints(&WrongDirection, "He said “yes” and \"no\".");
        assert_no_lints(&WrongDirection, "Er sagte „ja“ und ging.");
    }
}
