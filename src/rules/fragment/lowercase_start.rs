use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SentenceStart;
use crate::rules::{Context, Rule, RuleMeta};

pub struct LowercaseStart;

static META: RuleMeta = RuleMeta {
    id: "fragment/lowercase-start",
    severity: Severity::Warning,
    summary: "A sentence that starts with a lowercase word right after a full stop",
    doc: r#"## What it does
Finds a `.`, `?` or `!` (optionally followed by a closing quote) that is
followed by a word starting in lowercase. Abbreviations (`e.g.`, `etc.`,
`vs.`, `U.S. officials`), initials, decimals (`3.5`), ellipses, domains
(`example.com`), dialogue (`“Why?” he asked`) and brands that start in
lowercase (`iPhone`) are not reported.

## Why is this bad?
It is the commonest trace of a sentence that machine translation split in
two or cut short: the second half starts in lowercase because it was never
meant to be a sentence.

## Example
```text
The talks eased tensions with the neighbours. sought to bring calm.
```

Use instead:
```text
The talks, which sought to bring calm, eased tensions with the neighbours.
```
"#,
    options: &[],
};

impl Rule for LowercaseStart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for sentence in &doc.sentences {
            let SentenceStart::LowercaseAfterStop { stop } = sentence.start else {
                continue;
            };
            let word = doc.words[sentence.words.start];
            let mark = match stop.text(doc.text) {
                "." => "a full stop",
                "?" => "a question mark",
                _ => "an exclamation mark",
            };
            out.push(
                self.diagnostic(
                    word,
                    format!(
                        "sentence starts with lowercase \"{}\" after {mark}; the sentence was probably split or cut",
                        word.text(doc.text)
                    ),
                )
                .with_related(stop, "sentence ends here"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn lowercase_word_after_full_stop_is_reported() {
        let text = "It eased tensions with its neighbour. sought to bring calm.";
        let found = lint(&LowercaseStart, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "sought", 0));
        assert_eq!(found[0].related[0].span, span_of(text, ".", 0));
    }

    #[test]
    fn lowercase_word_after_quote_and_stop_is_reported() {
        assert_eq!(
            matched(
                &LowercaseStart,
                "He called them a “gang”. who were trained abroad."
            ),
            vec!["who"]
        );
    }

    #[test]
    fn lowercase_word_after_stop_inside_quote_is_reported() {
        assert_eq!(
            matched(&LowercaseStart, "He said “it is over.” and then it began."),
            vec!["and"]
        );
    }

    #[test]
    fn lowercase_after_a_year_is_reported() {
        assert_eq!(
            matched(&LowercaseStart, "It began in 2019. has moved east."),
            vec!["has"]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_are_fine() {
        for text in [
            "Prices rose, e.g. in the north, i.e. the cities, etc. and more.",
            "The U.S. officials met vs. the rest at approx. noon.",
            "John F. kennedy-era rules and 3.5 pct growth.",
            "It opened at 9 a.m. local time on example.com today.",
            "We waited... and waited.",
            "“Why?” he asked. “Now!” she said.",
            "Sales rose. iPhone demand led. eBay fell.",
        ] {
            assert_no_lints(&LowercaseStart, text);
        }
    }
}
