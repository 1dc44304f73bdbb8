use super::same_word;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, Sentence, Span};
use crate::lexicon;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Phrase;

/// Longest phrase, in words, looked for as an immediate repeat.
const MAX_PHRASE: usize = 6;
/// Longest echo, in words: a short sentence that repeats words of the one
/// before it.
const MAX_ECHO: usize = 4;
/// Most words the echo may skip between two of its words in the sentence before.
const MAX_ECHO_GAP: usize = 2;

static META: RuleMeta = RuleMeta {
    id: "repetition/phrase",
    severity: Severity::Warning,
    summary: "A phrase repeated at once, or a short sentence that echoes the one before",
    doc: r#"## What it does
Finds a phrase of two to six words, with at least one content word, that is
repeated right away (`in addition, in addition`), and reports a runaway loop
(`who has a son who has a son who has a son`) once. It also finds a short
sentence of two to four words that only repeats words of the sentence before
it, in the same order, as in `experts who have closely followed the
situation. have followed.`

## Why is this bad?
Machine translation and text spinners repeat themselves when they lose
track of a sentence, and the echo is noise to the reader.

## Example
```text
Analysts who have closely followed the talks. have followed.
```

Use instead:
```text
Analysts who have closely followed the talks agree.
```
"#,
    options: &[
        crate::rules::RuleOption {
            name: "max-phrase",
            default: MAX_PHRASE,
            summary: "the longest phrase, in words, looked for as an immediate repeat",
        },
        crate::rules::RuleOption {
            name: "max-echo",
            default: MAX_ECHO,
            summary: "the longest short sentence, in words, checked as an echo of the one before",
        },
    ],
};

impl Rule for Phrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let max_phrase = cx.settings.option(&META, "max-phrase");
        let max_echo = cx.settings.option(&META, "max-echo");
        for paragraph in &doc.paragraphs {
            self.immediate_repeats(doc, paragraph.words.clone(), max_phrase, out);
            let sentences = &doc.sentences[paragraph.sentences.clone()];
            for pair in sentences.windows(2) {
                self.echo(doc, &pair[0], &pair[1], max_echo, out);
            }
        }
    }
}

impl Phrase {
    fn immediate_repeats(
        &self,
        doc: &Document,
        words: std::ops::Range<usize>,
        max_phrase: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text;
        // Keys first: most candidate pairs differ there, and are turned
        // away without a look at the text.
        let same =
            |i: usize, j: usize| doc.keys[i] == doc.keys[j] && same_word(doc.word(i), doc.word(j));
        let mut i = words.start;
        while i < words.end {
            // A repeat of n words at i has word i again at i + n: one
            // search of a few keys turns most words away.
            let longest = max_phrase.min((words.end - i) / 2);
            if longest < 2 || !doc.keys[i + 2..=i + longest].contains(&doc.keys[i]) {
                i += 1;
                continue;
            }
            let mut found = None;
            for n in 2..=max_phrase {
                if i + 2 * n > words.end {
                    break;
                }
                if (0..n).all(|k| same(i + k, i + n + k))
                    && (i..i + n).any(|k| is_content_word(doc.word(k)))
                    && !phrase_gap_has_letters(doc, i + n - 1, i + n)
                    && !crosses_clause_end(doc, i, i + 2 * n - 1)
                {
                    let mut copies = 2;
                    while i + (copies + 1) * n <= words.end
                        && (0..n).all(|k| same(i + k, i + copies * n + k))
                    {
                        copies += 1;
                    }
                    found = Some((n, copies));
                    break;
                }
            }
            let Some((n, copies)) = found else {
                i += 1;
                continue;
            };
            let first = Span::new(doc.words[i].start, doc.words[i + n - 1].end);
            let repeats = Span::new(doc.words[i + n].start, doc.words[i + copies * n - 1].end);
            let phrase = first.text(text);
            let message = if copies == 2 {
                format!("phrase \"{phrase}\" is repeated")
            } else {
                format!("phrase \"{phrase}\" is repeated {copies} times in a row")
            };
            out.push(
                self.diagnostic(repeats, message)
                    .with_related(first, "first occurrence"),
            );
            i += copies * n;
        }
    }

    fn echo(
        &self,
        doc: &Document,
        before: &Sentence,
        sentence: &Sentence,
        max_echo: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        if sentence.kind != BlockKind::Prose || before.kind != BlockKind::Prose {
            return;
        }
        let text = doc.text;
        // Most sentences are too long to be an echo and hold no quotation
        // mark among their first words: decide those without a search of
        // the whole sentence.
        if sentence.words.len() > max_echo {
            let prefix_end = doc.words[sentence.words.start + max_echo].end;
            if !text[sentence.span.start..prefix_end].contains(['”', '"']) {
                return;
            }
        }
        // The echo is the sentence, or its quoted head (`It was,” said X.`).
        let body = sentence.span.text(text);
        let head_end = match body.find(['”', '"']) {
            Some(quote) => sentence.span.start + quote,
            None => sentence.span.end,
        };
        let head: Vec<usize> = sentence
            .words
            .clone()
            .take_while(|&w| doc.words[w].end <= head_end)
            .collect();
        let head_is_whole = head.len() == sentence.words.len() || head_end < sentence.span.end;
        if !(1..=max_echo).contains(&head.len()) || !head_is_whole {
            return;
        }
        let matched = if let [word] = head.as_slice() {
            // A lone word echoes one of the last six words before it
            // (`...the sale by Friday in Geneva. Friday.`): a content word,
            // a number, or any word at all when it starts in lowercase,
            // which no sentence of one word does (`...stocks were low.
            // were.`). `No. No.` is speech, not an echo.
            let lone = doc.word(*word);
            let lowercase = lone.starts_with(char::is_lowercase);
            let plain = sentence.words.len() == 1
                && sentence.terminator == Some('.')
                && !lexicon::is_in(lexicon::STANDALONE_REPLIES, lone)
                && (lowercase
                    || is_content_word(lone)
                    || lone
                        .chars()
                        .all(|c| c.is_ascii_digit() || ".,-/".contains(c)));
            let tail = before.words.end.saturating_sub(6).max(before.words.start)..before.words.end;
            match tail.rev().find(|&k| same_word(doc.word(k), lone)) {
                Some(k) if plain => (k, k),
                _ => return,
            }
        } else {
            match subsequence(doc, &head, before.words.clone()) {
                Some(matched) => matched,
                None => return,
            }
        };
        let span = Span::new(
            doc.words[head[0]].start,
            doc.words[*head.last().unwrap_or(&head[0])].end,
        );
        let source = Span::new(doc.words[matched.0].start, doc.words[matched.1].end);
        out.push(
            self.diagnostic(
                span,
                format!(
                    "\"{}\" repeats \"{}\" from the sentence before",
                    span.text(text),
                    source.text(text)
                ),
            )
            .with_related(source, "said first here"),
        );
    }
}

/// Finds `head` as an ordered subsequence of `within`, allowing at most
/// `MAX_ECHO_GAP` skipped words between matches. Returns the first and last
/// matched word.
fn subsequence(
    doc: &Document,
    head: &[usize],
    within: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    for start in within.clone() {
        if !same_word(doc.word(start), doc.word(head[0])) {
            continue;
        }
        let mut at = start;
        let mut ok = true;
        for &want in &head[1..] {
            let next = (at + 1..(at + 2 + MAX_ECHO_GAP).min(within.end))
                .find(|&k| same_word(doc.word(k), doc.word(want)));
            match next {
                Some(k) => at = k,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some((start, at));
        }
    }
    None
}

/// Whether a sentence or clause ends between two words. `Partners. Partners
/// include` repeats on purpose; a true stutter has no stop inside it.
fn crosses_clause_end(doc: &Document, first: usize, last: usize) -> bool {
    doc.text[doc.words[first].end..doc.words[last].start].contains(['.', '?', '!', ';', ':'])
}

fn is_content_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !lexicon::is_function_word(word)
}

/// Whether anything but spaces and light punctuation stands between two words.
fn phrase_gap_has_letters(doc: &Document, a: usize, b: usize) -> bool {
    let gap = &doc.text[doc.words[a].end..doc.words[b].start];
    gap.chars().any(|c| c.is_alphanumeric()) || gap.contains('\n') && gap.trim().len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn immediate_repeat_is_reported_at_the_second_copy() {
        let text = "In addition, in addition, the plan failed.";
        let found = lint(&Phrase, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "in addition", 0));
        assert_eq!(found[0].related[0].span, span_of(text, "In addition", 0));
    }

    #[test]
    fn runaway_loop_is_reported_once() {
        let text = "It was a man who has a son who has a son who has a son in town.";
        let found = lint(&Phrase, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("3 times"), "{}", found[0].message);
        assert_eq!(found[0].span.text(text), "who has a son who has a son");
    }

    #[test]
    fn echo_fragment_after_sentence_is_reported() {
        let text = "It drew experts who have closely followed the crisis. have followed.";
        let found = lint(&Phrase, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "have followed", 0));
        assert_eq!(found[0].related[0].span.text(text), "have closely followed");
    }

    #[test]
    fn lone_word_echo_of_the_sentence_end_is_reported() {
        for (text, echo) in [
            (
                "It expects to complete the sale by Friday. Friday.",
                "Friday",
            ),
            ("Losses were 4.4 billion in 1985. 1985.", "1985"),
            // Five words back, and a lowercase function word.
            ("Ages ranged between 15 and 24, the survey said. 24.", "24"),
            (
                "Palm oil output was below forecasts and stocks were low. were.",
                "were",
            ),
            ("It is the largest U.S. copper producer. the.", "the"),
        ] {
            let found = lint(&Phrase, text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].span.text(text), echo);
        }
        // Replies, words from earlier in the sentence, and questions are fine.
        for text in [
            "He was asked if he would stay. No.",
            "Friday was the day they chose for the sale. Friday.",
            "They meet on Friday. Friday?",
            // A capitalised function word is no echo; nor is a word from
            // more than six words back.
            "It is the largest U.S. copper producer. The.",
            "The sale is due on Friday after the board meets in Geneva. Friday.",
        ] {
            assert!(lint(&Phrase, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn echo_in_quoted_head_is_reported() {
        let text = "“It was used to keep order in the region. It was,” said the envoy.";
        assert_eq!(matched(&Phrase, text), vec!["It was"]);
    }

    #[test]
    fn function_word_repeats_and_ordinary_sentences_are_fine() {
        for text in [
            "He said that it is, it is not.",
            "The company said profit rose. The company said sales fell too.",
            "Prices rose. Prices fell.",
            "Did he go? He did.",
            "Step by step, day after day, more and more people came.",
            "Control passes to Bregman Partners. Bregman Partners include two families.",
            "Strikes hit people they don't like. They don't like the firm.",
        ] {
            assert_no_lints(&Phrase, text);
        }
    }
}
