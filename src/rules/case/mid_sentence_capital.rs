use super::is_titlecase;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::lexicon;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MidSentenceCapital;

static META: RuleMeta = RuleMeta {
    id: "case/mid-sentence-capital",
    severity: Severity::Warning,
    summary: "A capitalised common word in the middle of a sentence, where a boundary was lost",
    doc: r#"## What it does
Finds a common word that starts with a capital in the middle of a sentence,
between two lowercase-looking neighbours, where a full stop or other
punctuation was lost: `an alliance with the east A rival movement grew`,
`a statement shared with reporters Explaining the decision`. It looks at
words that usually open a sentence (`A`, `The`, `This`, `But`, ...) and at
common verbs (`Explaining`, `Said`), checked against a list of the 20,000
commonest English words. After a lowercase word it also reports a sentence
adverb before a comma (`the rumors were untrue However, the shares rose`)
and `But`, `And` or `Yet` before a name (`the department said But Hesse
declined`), which no name or title starts with.

Names and titles (`Secretary of State Jane Roe`), words after a colon or an
opening quote, acronyms, headings, and letters that label things (`Plan A`,
`Type B`, `Vitamin C`) are not reported. It runs on English text only.

## Why is this bad?
Machine translation and careless joining drop the full stop between two
sentences, leaving a run-on that the capital gives away.

## Example
```text
The treaty bound them to the east A rival movement grew in the west.
```

Use instead:
```text
The treaty bound them to the east. A rival movement grew in the west.
```
"#,
    options: &[],
};

/// Words that open sentences, and whose capital mid-sentence shows a lost boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "a", "an", "but", "he", "her", "his", "however", "it", "its", "our", "she", "that", "the",
    "their", "there", "these", "they", "this", "those", "we",
];

/// Nouns that take a letter or number as a label: `Plan A`, `Vitamin C`.
/// More words that open sentences, reported only after a lowercase word or
/// a number (`fiscal year 1988 In addition`), since they also start names
/// and titles after a capital (`Made In Italy`): function words, and plural
/// nouns that open news sentences but never name anything (`the exchange
/// Prices on`).
const OPENERS_AFTER_LOWERCASE: &[&str] = &[
    "after",
    "although",
    "among",
    "analysts",
    "as",
    "at",
    "authorities",
    "because",
    "both",
    "critics",
    "dealers",
    "despite",
    "during",
    "each",
    "earlier",
    "economists",
    "experts",
    "for",
    "from",
    "if",
    "in",
    "investors",
    "last",
    "later",
    "many",
    "meanwhile",
    "most",
    "not",
    "of",
    "officials",
    "on",
    "once",
    "other",
    "prices",
    "profits",
    "residents",
    "sales",
    "shares",
    "since",
    "some",
    "sources",
    "such",
    "thus",
    "traders",
    "under",
    "when",
    "while",
    "with",
    "workers",
    "yet",
];

/// Sentence adverbs that open a sentence with a comma after them
/// (`...were untrue However, the shares rose`): capitalised after a
/// lowercase word and before a comma, they show a lost full stop.
const SENTENCE_ADVERBS: &[&str] = &[
    "additionally",
    "consequently",
    "currently",
    "finally",
    "furthermore",
    "however",
    "instead",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "separately",
    "similarly",
    "therefore",
    "thus",
];

/// Conjunctions that open a sentence and never start a name: capitalised
/// after a lowercase word they show a lost full stop even before a name
/// (`...to comment, Pickens said But Hesse declined`).
const CONJUNCTION_OPENERS: &[&str] = &["and", "but", "however", "thus", "yet"];

const LABEL_NOUNS: &[&str] = &[
    "appendix",
    "area",
    "block",
    "building",
    "category",
    "channel",
    "class",
    "company",
    "division",
    "double",
    "exhibit",
    "figure",
    "gate",
    "grade",
    "group",
    "hepatitis",
    "level",
    "line",
    "linear",
    "model",
    "option",
    "page",
    "part",
    "phase",
    "plan",
    "platoon",
    "route",
    "row",
    "schedule",
    "section",
    "sector",
    "series",
    "side",
    "single",
    "size",
    "stage",
    "table",
    "team",
    "terminal",
    "tier",
    "triple",
    "type",
    "unit",
    "vitamin",
    "wing",
    "zone",
];

const DETERMINERS: &[&str] = &["a", "an", "the"];

/// Words that open the object of a verb: `Explaining the rationale`.
const DETERMINERS_AND_PRONOUNS: &[&str] = &[
    "a", "an", "her", "him", "his", "its", "our", "that", "the", "their", "them", "these", "this",
    "those", "what", "why",
];

/// `Explaining`, `Saying`: an -ing form whose stem is a common word. Names
/// that end in -ing (`Boeing`, `Beijing`) have no such stem.
fn is_participle_of_a_verb(word: &str) -> bool {
    if !word.ends_with("ing") {
        return false;
    }
    let lower = word.to_lowercase();
    let Some(stem) = lower.strip_suffix("ing") else {
        return false;
    };
    stem.len() >= 3
        && (lexicon::word_rank(stem).is_some() || lexicon::word_rank(&format!("{stem}e")).is_some())
}

impl Rule for MidSentenceCapital {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !doc.is_english() {
            return;
        }
        let text = doc.text;
        let only_space = |a: usize, b: usize| {
            text[doc.words[a].end..doc.words[b].start]
                .chars()
                .all(char::is_whitespace)
        };
        for sentence in &doc.sentences {
            if sentence.kind != BlockKind::Prose || sentence.words.len() < 3 {
                continue;
            }
            for k in sentence.words.start + 1..sentence.words.end - 1 {
                let word = doc.word(k);
                // Most words start with a lowercase ASCII letter or a digit.
                if word.as_bytes()[0].is_ascii_lowercase()
                    || word.as_bytes()[0].is_ascii_digit()
                    || !is_titlecase(word)
                    || word == "I"
                    || !only_space(k - 1, k)
                {
                    continue;
                }
                let (prev, next) = (doc.word(k - 1), doc.word(k + 1));
                let prev_lowercase_or_number = prev
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
                if prev_lowercase_or_number
                    && (self.adverb_before_comma(doc, k) || self.conjunction_before_name(doc, k))
                {
                    out.push(self.lost_stop(doc, k));
                    continue;
                }
                if !only_space(k, k + 1) || !next.chars().next().is_some_and(char::is_lowercase) {
                    continue; // a name or title goes on: "The Hague", "A Tale"
                }
                static OPENERS: std::sync::OnceLock<[lexicon::KeySet; 2]> =
                    std::sync::OnceLock::new();
                let [openers, after_lowercase] = OPENERS.get_or_init(|| {
                    [
                        lexicon::KeySet::new(&[SENTENCE_OPENERS]),
                        lexicon::KeySet::new(&[OPENERS_AFTER_LOWERCASE]),
                    ]
                });
                let key = doc.keys[k];
                let (in_openers, in_after_lowercase) = (
                    openers.contains(key, word),
                    after_lowercase.contains(key, word),
                );
                if !in_openers && !in_after_lowercase && !is_participle_of_a_verb(word) {
                    continue;
                }
                if lexicon::is_in(LABEL_NOUNS, prev) || lexicon::is_in(DETERMINERS, prev) {
                    continue;
                }
                let prev_lowercase = prev.chars().next().is_some_and(char::is_lowercase);
                let opener = in_openers || (prev_lowercase_or_number && in_after_lowercase);
                let participle = prev_lowercase
                    && lexicon::is_in(DETERMINERS_AND_PRONOUNS, next)
                    && is_participle_of_a_verb(word);
                if opener || participle {
                    out.push(self.lost_stop(doc, k));
                }
            }
        }
    }
}

impl MidSentenceCapital {
    fn lost_stop(&self, doc: &Document, k: usize) -> Diagnostic {
        let (word, prev) = (doc.word(k), doc.word(k - 1));
        self.diagnostic(
            doc.words[k],
            format!(
                "\"{word}\" is capitalised in the middle of a sentence (after \"{prev}\"); a full stop or other punctuation was probably lost before it"
            ),
        )
    }

    /// `However,` or `Meanwhile,` in the middle of a sentence.
    fn adverb_before_comma(&self, doc: &Document, k: usize) -> bool {
        let gap = &doc.text[doc.words[k].end..doc.words[k + 1].start];
        // The comma first: it turns nearly every word away without a lookup.
        gap.starts_with(',')
            && gap[1..].chars().all(char::is_whitespace)
            && lexicon::is_in(SENTENCE_ADVERBS, doc.word(k))
    }

    /// `But` or `And` before a capitalised word, with spaces around it.
    fn conjunction_before_name(&self, doc: &Document, k: usize) -> bool {
        let gap = &doc.text[doc.words[k].end..doc.words[k + 1].start];
        // The list last: most words fail on the gap or the next word.
        !gap.is_empty()
            && gap.chars().all(char::is_whitespace)
            && doc.word(k + 1).starts_with(char::is_uppercase)
            && lexicon::is_in(CONJUNCTION_OPENERS, doc.word(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn capitalised_article_after_a_lost_stop_is_reported() {
        let text = "The pact bound them to Russia A rival movement grew in the east.";
        let found = lint(&MidSentenceCapital, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "A", 0));
    }

    #[test]
    fn more_openers_after_a_lowercase_word_or_a_number_are_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Funding was 1.8 billion dlrs for fiscal year 1988 In addition it wants more."
            ),
            vec!["In"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Growth was 2.4 pct, Martin said Last year it fell."
            ),
            vec!["Last"]
        );
    }

    #[test]
    fn capitalised_verb_after_a_lowercase_word_is_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "It issued a statement shared with reporters Explaining the decision."
            ),
            vec!["Explaining"]
        );
    }

    #[test]
    fn sentence_adverb_before_a_comma_is_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Coca Cola said the rumors were untrue However, the shares rose."
            ),
            vec!["However"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Prices rose 3 pct Meanwhile, stocks fell and the terms must be adhered to Otherwise, they said, it fails."
            ),
            vec!["Meanwhile", "Otherwise"]
        );
    }

    #[test]
    fn conjunction_before_a_name_is_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Profits rose in the first two months of the year But Hesse declined to comment."
            ),
            vec!["But"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "The shares fell after a rise of 21 pct in 1986 And Exxon fell too."
            ),
            vec!["And"]
        );
    }

    #[test]
    fn newly_listed_openers_after_a_lowercase_word_are_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Costs will be unavailable for early relief Not only will these rise, it swapped 10 mln shares Of the 10 mln, most went to the unit."
            ),
            vec!["Not", "Of"]
        );
    }

    #[test]
    fn adverbs_and_conjunctions_in_names_and_lists_are_fine() {
        for text in [
            "Baker reiterated a Group of Seven statement on Monday.",
            "He read Pride And Prejudice and Crime And Punishment twice.",
            "The firm, Procter And Gamble, said it would sell the unit.",
            "They met, however, in Paris, and Meanwhile Gardens was closed.",
            "Shares of Bank Of America rose.",
        ] {
            assert_no_lints(&MidSentenceCapital, text);
        }
    }

    #[test]
    fn names_titles_labels_and_quotes_are_fine() {
        for text in [
            "Secretary of State Jane Roe met the press on Monday.",
            "They chose Plan A over Type B and took Vitamin C daily.",
            "The report said: The plan works well.",
            "He said “The plan works” and left.",
            "The NATO summit and the EU talks went on.",
            "They visited The Hague and read A Tale of Two Cities.",
            "It got an A grade and the A team won.",
            "They used the linear A script.",
            "I think I should go.",
            "Orders for Boeing and Lockheed jets rose, and United Means fell.",
            "The bonds kept their Triple A rating.",
            "They sell the Made In Italy range and the Shot At Dawn film.",
            "He drove for Formula One teams and the Tour De France riders.",
        ] {
            assert_no_lints(&MidSentenceCapital, text);
        }
    }

    #[test]
    fn word_lists_are_sorted_for_lookup() {
        for list in [
            SENTENCE_OPENERS,
            OPENERS_AFTER_LOWERCASE,
            SENTENCE_ADVERBS,
            CONJUNCTION_OPENERS,
            LABEL_NOUNS,
            DETERMINERS,
            DETERMINERS_AND_PRONOUNS,
        ] {
            crate::lexicon::assert_sorted(list);
        }
    }

    #[test]
    fn headings_are_fine() {
        assert_no_lints(
            &MidSentenceCapital,
            "Talks With The Rebels Resume\n\nThe talks resumed.",
        );
    }
}
