use super::text_before;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MisplacedClose;

static META: RuleMeta = RuleMeta {
    id: "quotes/misplaced-close",
    severity: Severity::Warning,
    summary: "A closing quote in the wrong place: a quotation closed twice, or closed mid-phrase",
    doc: r#"## What it does
Finds one opening quote followed by two closing quotes. The first closer
ended the quotation too early; the quotation really ends at the second. The
first closer is reported, with the second as a related position.

It also finds a closing quote moved into the middle of a phrase: right
after a word that cannot end a quotation (an article, a possessive, a
conjunction, an auxiliary or a subject pronoun), with the sentence running
on in lowercase: `“We will build the” new bridge, the mayor said.` A partial
quotation that ends on a full phrase (`"too early to say" whether...`) is
good style and is left alone.

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
        for pair in &cx.doc.quotes.pairs {
            if let Some(attribution) = closed_too_early(cx.doc, pair) {
                let mut d = self.diagnostic(
                    pair.close,
                    format!(
                        "quotation closed after \"{}\", a word that cannot end it, and the sentence runs on; the closing quote is probably misplaced",
                        text_before(text, pair.close)
                    ),
                );
                if let Some(span) = attribution {
                    d = d.with_related(
                        span,
                        "the speech is attributed here, after the quotation's end",
                    );
                }
                out.push(d);
            }
        }
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

/// Verbs that attribute speech: `, he said`, `, said the mayor`.
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "announced",
    "argued",
    "asked",
    "claimed",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "remarked",
    "replied",
    "said",
    "says",
    "stated",
    "told",
    "warned",
    "wrote",
];

/// Words a quotation cannot end on when the sentence runs on after it:
/// articles, possessives, conjunctions, auxiliaries and subject pronouns
/// (`“We will build the” new bridge`, `“We will” build it`).
fn cannot_end_a_quotation(word: &str) -> bool {
    use crate::lexicon::{AUXILIARIES, NON_FINAL_WORDS, is_in};
    let lower = word.to_lowercase();
    is_in(NON_FINAL_WORDS, &lower)
        || is_in(AUXILIARIES, &lower)
        || is_in(&["he", "his", "i", "she", "they", "we", "you"], &lower)
}

/// A quotation that a closing mark ends in mid-phrase: the closer follows a
/// word that cannot end a quotation, with no punctuation, and a lowercase
/// word follows the closer. A partial quotation that ends on a full phrase
/// (`"too early to say" whether the plant...`) is good news style and is not
/// judged, nor is a single quoted word (`the word “the”`) unless it opens
/// the sentence. Returns where the speech is attributed after it, if it is.
fn closed_too_early(
    doc: &crate::document::Document,
    pair: &crate::document::QuotePair,
) -> Option<Option<crate::document::Span>> {
    let text = doc.text;
    let inner = &text[pair.open.end..pair.close.start];
    if !inner.ends_with(char::is_alphanumeric) {
        return None;
    }
    let inner_words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let last = inner_words.last()?;
    if !cannot_end_a_quotation(last) {
        return None;
    }
    let next_word = text[pair.close.end..].strip_prefix(' ')?;
    if !next_word.starts_with(char::is_lowercase) {
        return None;
    }
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.span.start <= pair.open.start && pair.close.end <= s.span.end)?;
    let opens_sentence = text[sentence.span.start..pair.open.start].trim().is_empty();
    if inner_words.len() < 2 && !opens_sentence {
        return None;
    }
    // `, he said`, `, said the mayor`, `, the mayor said after the vote`: a
    // speech verb among the first four words after a comma.
    let words: Vec<usize> = sentence
        .words
        .clone()
        .filter(|&w| doc.words[w].start >= pair.close.end)
        .collect();
    let attribution = words.iter().enumerate().find_map(|(i, &w)| {
        if !text[..doc.words[w].start].trim_end().ends_with(',') {
            return None;
        }
        let clause = &words[i..(i + 4).min(words.len())];
        let verb = clause
            .iter()
            .position(|&k| crate::lexicon::is_in(SPEECH_VERBS, doc.word(k)))?;
        Some(crate::document::Span::new(
            doc.words[w].start,
            doc.words[clause[verb]].end,
        ))
    });
    Some(attribution)
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
    fn quotation_closed_in_mid_clause_is_reported() {
        for (text, after) in [
            (
                "“We will” build the new bridge next year, the mayor said.",
                "We will",
            ),
            (
                "“We will build the” new bridge next year, said the mayor.",
                "build the",
            ),
            (
                "The mayor said: “The cost of” the new bridge will be high.",
                "cost of",
            ),
            (
                "The mayor said, \"We will\" build the new bridge next year.",
                "We will",
            ),
            (
                "“We” will build the new bridge next year, the mayor said.",
                "We",
            ),
        ] {
            let found = lint(&MisplacedClose, text);
            assert_eq!(found.len(), 1, "{text}");
            let close = found[0].span;
            assert!(text[..close.start].ends_with(after), "{text}");
        }
        let text = "“We will” build the new bridge next year, the mayor said.";
        assert_eq!(
            lint(&MisplacedClose, text)[0].related[0].span.text(text),
            "the mayor said"
        );
    }

    #[test]
    fn scare_quotes_and_whole_quotations_are_fine() {
        for text in [
            "The so-called “poison pill” defence was used, he said.",
            "“Poison pill” defences are common, analysts said.",
            "“We will build the bridge,” the mayor said.",
            "He called it “a disaster” and left.",
            "The mayor said: “We will build the bridge.” Then he left.",
            "“Nonsense” was his only word on the matter.",
            "“We will build” the new bridge next year, the mayor said.",
            "\"At this point, it's too early to say\" whether it will open, he said.",
            "He said, \"as a test of our relationship\" with the region.",
            "The word “the” is the commonest in English.",
        ] {
            assert_no_lints(&MisplacedClose, text);
        }
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
