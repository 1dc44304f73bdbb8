use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::document::BlockKind;
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct Sentence;

/// Shorter sentences may repeat on purpose (`He declined.`).
const MIN_WORDS: usize = 6;

static META: RuleMeta = RuleMeta {
    id: "repetition/sentence",
    severity: Severity::Warning,
    summary: "The same sentence twice in one document",
    doc: r#"## What it does
Finds a sentence of six words or more that appears twice in the same
document, ignoring case and punctuation. The second copy is reported, with
the first as a related position.

## Why is this bad?
Scrapers and spinning tools duplicate sentences and paragraphs; a repeated
sentence in an article is almost never meant.

## Example
```text
The council approved the budget on Monday. Critics objected. The council approved the budget on Monday.
```

Use instead:
```text
The council approved the budget on Monday. Critics objected.
```
"#,
    options: &[crate::rules::RuleOption {
        name: "min-words",
        default: MIN_WORDS,
        summary: "the shortest sentence, in words, whose repeat is reported",
    }],
};

impl Rule for Sentence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let min_words = cx.settings.option(&META, "min-words");
        // Sentences are keyed by their words' keys (case and punctuation
        // ignored), with no string built; a key match is confirmed word by
        // word before it is reported.
        let mut seen: HashMap<u64, usize, crate::fxhash::BuildKey> = HashMap::default();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if sentence.kind != BlockKind::Prose || sentence.words.len() < min_words {
                continue;
            }
            let key = crate::fxhash::finish(
                doc.keys[sentence.words.clone()]
                    .iter()
                    .fold(sentence.words.len() as u64, |hash, &word| {
                        crate::fxhash::step(hash, word)
                    }),
            );
            let same_words = |first: &crate::document::Sentence| {
                first.words.len() == sentence.words.len()
                    && doc
                        .sentence_words(first)
                        .zip(doc.sentence_words(sentence))
                        .all(|(a, b)| super::same_word(a, b))
            };
            match seen.get(&key) {
                Some(&first) if same_words(&doc.sentences[first]) => {
                    let first = &doc.sentences[first];
                    out.push(
                        self.diagnostic(
                            sentence.span,
                            format!(
                                "sentence \"{}\" appears twice",
                                excerpt(sentence.span.text(doc.text), 60)
                            ),
                        )
                        .with_related(first.span, "first appears here"),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(key, index);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn repeated_sentence_is_reported_at_the_second_copy() {
        let text = "The council approved the budget on Monday. Critics objected.\n\nThe council approved the budget on Monday.";
        let found = lint(&Sentence, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].span,
            span_of(text, "The council approved the budget on Monday.", 1)
        );
        assert_eq!(
            found[0].related[0].span,
            span_of(text, "The council approved the budget on Monday.", 0)
        );
    }

    #[test]
    fn case_and_punctuation_do_not_hide_a_repeat() {
        let text = "The council approved the budget on Monday. THE COUNCIL approved the budget, on Monday!";
        assert_eq!(lint(&Sentence, text).len(), 1);
    }

    #[test]
    fn short_or_different_sentences_are_fine() {
        assert_no_lints(&Sentence, "He declined. Then he left. He declined.");
        assert_no_lints(
            &Sentence,
            "The council approved the budget on Monday. The council approved the budget on Tuesday.",
        );
    }
}
