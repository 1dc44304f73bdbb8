use super::same_word;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::lexicon::{self, GRAMMATICAL_DOUBLES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Word;

static META: RuleMeta = RuleMeta {
    id: "repetition/word",
    severity: Severity::Warning,
    summary: "The same word twice in a row",
    doc: r#"## What it does
Finds a word written twice in a row (`the the`), ignoring case and across
line breaks. Doubles that grammar allows (`had had`, `that that`) and
capitalised names (`Walla Walla`) are not reported, nor are words separated
by punctuation (`very, very`).

## Why is this bad?
A doubled word is a slip of editing or of a tool that stitched text
together, and readers notice it at once.

## Example
```text
The the talks resumed on Monday.
```

Use instead:
```text
The talks resumed on Monday.
```
"#,
    options: &[],
};

impl Rule for Word {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text;
        for paragraph in &doc.paragraphs {
            for i in paragraph.words.start + 1..paragraph.words.end {
                // Keys first: most neighbours are different words.
                if doc.keys[i - 1] != doc.keys[i] {
                    continue;
                }
                let (first, second) = (doc.words[i - 1], doc.words[i]);
                let gap = &text[first.end..second.start];
                if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
                    continue;
                }
                let (a, b) = (first.text(text), second.text(text));
                if !same_word(a, b)
                    || !a.chars().any(char::is_alphabetic)
                    || lexicon::is_in(GRAMMATICAL_DOUBLES, a)
                {
                    continue;
                }
                let both_capitalised = [a, b]
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                if both_capitalised && !lexicon::is_function_word(a) {
                    continue;
                }
                let span = Span::new(first.start, second.end);
                out.push(
                    self.diagnostic(span, format!("\"{a}\" is repeated"))
                        .with_fix(span, a.to_string(), false),
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
    fn doubled_word_is_reported_with_a_fix() {
        let text = "The the talks resumed.";
        let found = lint(&Word, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "The the", 0));
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "The");
    }

    #[test]
    fn doubled_word_across_a_line_break_is_reported() {
        assert_eq!(
            matched(&Word, "They met in the\nthe capital."),
            vec!["the\nthe"]
        );
    }

    #[test]
    fn grammatical_doubles_names_and_punctuation_are_fine() {
        for text in [
            "He had had enough.",
            "He said that that was wrong.",
            "They visited Walla Walla last year.",
            "It was very, very cold.",
            "They won 10 10 times.",
            "The theme was clear.",
        ] {
            assert_no_lints(&Word, text);
        }
    }

    #[test]
    fn words_in_different_paragraphs_are_fine() {
        assert_no_lints(&Word, "It ended with the\n\nthe next part.");
    }
}
