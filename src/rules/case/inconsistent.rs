use super::is_titlecase;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::BlockKind;
use crate::lexicon;
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct Inconsistent;

/// How often a word must be capitalised mid-sentence to count as a name.
const MIN_CAPITALISED: usize = 3;
/// Words at least this common are ordinary words that names borrow
/// (`Union`, `House`), so their lowercase form is fine.
const COMMON_RANK: u32 = 5000;

static META: RuleMeta = RuleMeta {
    id: "case/inconsistent",
    severity: Severity::Warning,
    summary: "A name written in lowercase that the same document capitalises elsewhere",
    doc: r#"## What it does
Finds a word written in lowercase when the same document capitalises it on its own (not inside a longer
name) in the middle of sentences at least three times, so that it is a name there:
`kazakhstan` in an article that writes `Kazakhstan` ten times. Words among
the 5,000 commonest in English (`union`, `house`, `state`) are not reported,
because names borrow them. It runs on English text only.

## Why is this bad?
A name in lowercase is a typo to readers and a different word to search.
In machine-translated and scraped text it often comes from a tag list or a
sentence that lost its start.

## Example
```text
Protests spread in Estonia. Leaders in Estonia met. Ships left Estonia. Crowds in estonia grew.
```

Use instead:
```text
Protests spread in Estonia. Leaders in Estonia met. Ships left Estonia. Crowds in Estonia grew.
```
"#,
    options: &[],
};

impl Rule for Inconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !doc.is_english() {
            return;
        }
        // Keyed by the name's word key, which is also its lowercase form's.
        let mut capitalised: HashMap<u64, (usize, &str), crate::fxhash::BuildKey> =
            HashMap::default();
        for sentence in doc.sentences.iter().filter(|s| s.kind == BlockKind::Prose) {
            for k in sentence.words.start + 1..sentence.words.end {
                let word = doc.word(k);
                // Most words start with an ASCII lowercase letter: no name.
                if word
                    .as_bytes()
                    .first()
                    .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
                {
                    continue;
                }
                let name = word.split(['’', '\'']).next().unwrap_or(word);
                // Only a name on its own counts; `Foreign Ministry` is a
                // title made of ordinary words.
                let neighbour_capitalised = |j: usize| {
                    sentence.words.contains(&j) && doc.word(j).starts_with(char::is_uppercase)
                };
                let standalone = !neighbour_capitalised(k - 1) && !neighbour_capitalised(k + 1);
                if standalone && is_titlecase(name) && name.chars().count() >= 3 {
                    let key = if name.len() == word.len() {
                        doc.keys[k]
                    } else {
                        crate::fxhash::word_key(name)
                    };
                    let entry = capitalised.entry(key).or_insert((0, name));
                    entry.0 += 1;
                }
            }
        }
        if capitalised.is_empty() {
            return;
        }
        // A bitset of the names' keys turns nearly every word away before
        // a map lookup.
        let mut seen = [0u64; 64];
        let bit = |key: u64| ((key >> 52) as usize) & 4095;
        for key in capitalised.keys() {
            seen[bit(*key) / 64] |= 1 << (bit(*key) % 64);
        }
        for (span, key) in doc.words.iter().zip(&doc.keys) {
            if seen[bit(*key) / 64] & (1 << (bit(*key) % 64)) == 0 {
                continue;
            }
            let Some(&(count, name)) = capitalised.get(key) else {
                continue;
            };
            let word = span.text(doc.text);
            if word.len() < 3
                || word.as_bytes()[0].is_ascii() && !word.as_bytes()[0].is_ascii_lowercase()
                || !word.chars().next().is_some_and(char::is_lowercase)
                || word.chars().any(|c| !c.is_alphabetic())
                || word.chars().count() < 3
                || !crate::rules::repetition::same_word(word, name)
            {
                continue;
            }
            if count < MIN_CAPITALISED || lexicon::word_rank(word).is_some_and(|r| r < COMMON_RANK)
            {
                continue;
            }
            out.push(
                self.diagnostic(
                    *span,
                    format!(
                        "\"{word}\" is written \"{name}\" {count} times elsewhere in this document"
                    ),
                )
                .with_fix(*span, name.to_owned(), false),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn lowercase_name_is_reported_with_the_capitalised_fix() {
        let text = "Crowds grew in Estonia. Leaders in Estonia met. Ships left Estonia.\n\nestonia, protest, capital\n";
        let found = lint(&Inconsistent, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "estonia", 0));
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "Estonia");
    }

    #[test]
    fn common_words_and_single_capitals_are_fine() {
        assert_no_lints(
            &Inconsistent,
            "The Soviet Union fell. The Union was large. The union struck.",
        );
        assert_no_lints(
            &Inconsistent,
            "They met in Tartu. Then they left tartu behind.",
        );
        assert_no_lints(
            &Inconsistent,
            "The Foreign Ministry spoke. The Finance Ministry agreed. A ministry official left.",
        );
    }
}
