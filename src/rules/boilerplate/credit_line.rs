use super::lines;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct CreditLine;

static META: RuleMeta = RuleMeta {
    id: "boilerplate/credit-line",
    severity: Severity::Warning,
    summary: "A photo or agency credit standing alone in the text",
    doc: r#"## What it does
Finds a line standing alone that is a photo or agency credit: names and
agencies separated by slashes (`Jane Roe/Agency Press/Photo Desk`,
`City Police / Handout`), or a line that starts with `Photo:`, `Photograph:`,
`Credit:` or `Photo by`.

## Why is this bad?
The caption furniture of a web page was scraped into the article and now
interrupts the text.

## Example
```text
The bridge reopened on Tuesday.
Mark Tamm/Valley Press/Photo Agency
```

Use instead:
```text
The bridge reopened on Tuesday.
```
"#,
    options: &[],
};

/// Agencies and sources seen in credits; a slash-separated line naming one
/// is a credit even with only two parts.
const AGENCIES: &[&str] = &[
    "afp",
    "alamy",
    "anadolu",
    "ap",
    "associated press",
    "bloomberg",
    "dpa",
    "epa",
    "getty",
    "getty images",
    "handout",
    "istock",
    "nurphoto",
    "pool",
    "reuters",
    "shutterstock",
    "sipa",
    "sputnik",
    "tass",
    "u.s. army",
    "u.s. navy",
    "us army",
    "us navy",
    "xinhua",
];

const PREFIXES: &[&str] = &[
    "photo:",
    "photograph:",
    "photo by ",
    "credit:",
    "image:",
    "picture:",
];

fn is_credit_part(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "de" | "van" | "von" | "the")
        })
}

impl Rule for CreditLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (span, line) in lines(cx.doc) {
            if line.len() > 120 || line.ends_with(['.', '!', '?', ',', ';']) {
                continue;
            }
            let lower = line.to_lowercase();
            let prefixed = PREFIXES.iter().any(|p| lower.starts_with(p));
            let parts: Vec<&str> = line.split('/').map(str::trim).collect();
            let slashed = parts.len() >= 2
                && parts.iter().all(|p| is_credit_part(p))
                && (parts.len() >= 3
                    || parts
                        .iter()
                        .any(|p| AGENCIES.contains(&p.to_lowercase().as_str())));
            if prefixed || slashed {
                out.push(self.diagnostic(span, format!("credit line \"{line}\" left in the text")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn slash_credits_are_reported() {
        let text = "The bridge reopened.\nMark Tamm/Valley Press/Photo Agency\n\nUS Army/Sergeant Jane Roe\nLiis Kask / AFP / Getty Images\n";
        assert_eq!(
            matched(&CreditLine, text),
            vec![
                "Mark Tamm/Valley Press/Photo Agency",
                "US Army/Sergeant Jane Roe",
                "Liis Kask / AFP / Getty Images"
            ]
        );
    }

    #[test]
    fn prefixed_credits_are_reported() {
        assert_eq!(
            matched(&CreditLine, "Photo: Jane Roe\n"),
            vec!["Photo: Jane Roe"]
        );
    }

    #[test]
    fn sentences_and_ordinary_slashes_are_fine() {
        assert_no_lints(&CreditLine, "The and/or question was settled.\n");
        assert_no_lints(&CreditLine, "Sales rose 5/8 of a point.\n");
        assert_no_lints(&CreditLine, "Input/Output\n");
        assert_no_lints(
            &CreditLine,
            "Reuters/Ipsos poll shows the race tightening.\n",
        );
    }
}
