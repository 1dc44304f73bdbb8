use super::in_url_or_address;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::lexicon;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MissingSpaceAfter;

static META: RuleMeta = RuleMeta {
    id: "punct/missing-space-after",
    severity: Severity::Warning,
    summary: "No space after a sentence mark or a comma: `word.Next`, `word,next`",
    doc: r#"## What it does
Finds a full stop, question or exclamation mark between a lowercase word and
a capitalised one (`word.Next`), and a comma, semicolon or colon between two
words (`word,next`). Numbers (`3,000`, `3.5`), abbreviations (`U.S.`,
`e.g.`), domains and file names (`example.com`, `Node.js`), URLs and e-mail
addresses are not reported.

## Why is this bad?
Two sentences or clauses were glued together when text was joined or
scraped, and the reader stumbles over the seam.

## Example
```text
The vote was calm.Observers said so,however.
```

Use instead:
```text
The vote was calm. Observers said so, however.
```
"#,
    options: &[],
};

/// `&quot;We`: the semicolon ends an HTML entity (reported elsewhere).
fn ends_an_entity(head: &str) -> bool {
    let tail = &head[crate::document::ceil_boundary(head, head.len().saturating_sub(10))..];
    tail.rfind('&').is_some_and(|k| {
        tail[k + 1..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '#')
    })
}

impl Rule for MissingSpaceAfter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let bytes = text.as_bytes();
        for &i in &cx.doc.marks {
            if i == 0 || i + 1 >= bytes.len() {
                continue;
            }
            let b = bytes[i];
            let (prev, next) = (bytes[i - 1], bytes[i + 1]);
            let glued = match b {
                b'.' | b'?' | b'!' => {
                    prev.is_ascii_lowercase()
                        && next.is_ascii_uppercase()
                        && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase)
                }
                b',' | b';' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
                _ => false,
            };
            if !glued || in_url_or_address(text, i) || (b == b';' && ends_an_entity(&text[..i])) {
                continue;
            }
            // `e.g.Next` or `U.S.Army`: the word before is an abbreviation.
            let word_start =
                crate::document::start_after_last(&text[..i], |c| !c.is_alphanumeric() && c != '.');
            let word = &text[word_start..i];
            if b == b'.' && (word.contains('.') || word.len() < 2 || lexicon::is_abbreviation(word))
            {
                continue;
            }
            let span = Span::new(i, i + 1);
            let mark = b as char;
            let next_word_end = text[i + 1..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |k| i + 1 + k);
            out.push(
                self.diagnostic(
                    span,
                    format!(
                        "no space after \"{mark}\" in \"{}\"",
                        &text[word_start..next_word_end]
                    ),
                )
                .with_fix(span, format!("{mark} "), true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn glued_sentence_and_comma_are_reported() {
        let text = "The vote was calm.Observers said so,however.";
        let found = lint(&MissingSpaceAfter, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, span_of(text, ".", 0));
        assert!(
            found[0].message.contains("calm.Observers"),
            "{}",
            found[0].message
        );
        assert_eq!(found[1].fix.as_ref().unwrap().replacement, ", ");
    }

    #[test]
    fn numbers_abbreviations_domains_and_addresses_are_fine() {
        assert_no_lints(
            &MissingSpaceAfter,
            "It cost 3,000 dlrs, up 3.5 pct in the U.S.Army budget, e.g.Tanks, per example.com and Node.js, \
             see https://example.com/a,b or mail jane.doe@example.org, &quot;Quoted&quot;.",
        );
    }
}
