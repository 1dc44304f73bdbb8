use super::is_plain_statement;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SentenceStart;
use crate::lexicon::{self, NON_FINAL_WORDS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Truncated;

static META: RuleMeta = RuleMeta {
    id: "fragment/truncated",
    severity: Severity::Warning,
    summary: "A sentence that ends on a word that cannot end it, or one sentence split in two",
    doc: r#"## What it does
Finds a statement whose last word before the full stop is an article
(`the`, `a`, `an`), a possessive determiner (`its`, `their`), a
conjunction (`and`, `or`, `but`, `if`, `whether`) or a preposition that
English never leaves at the end (`until`, `than`, `during`, `via`), as in
`He said that the.` or `Prices will not rise until.` Prepositions that may
end a sentence (`the issue they talked about.`) and capitalised letters such
as `Plan A.` are not reported on their own.

It also finds one sentence split in two: a sentence that ends on a
preposition or an auxiliary (`in`, `for`, `were`, `will`, ...) followed,
in the same paragraph, by a statement of at most five words that completes
it (`...a divisor to be used in. Calculating the index.`, `...if a
violation were. Found.`, `it has not. Changed since.`), and a sentence that
ends on an amount followed by one that opens with its unit (`a gain of 59.1.
Mln dlrs in 1985.`, `a loss of 253 mln. Dlrs.`), or on a month followed by
a sentence that is only its day or year (`signed on March. 20.`, `as of
March. 31, 1987, ...`), on an amount followed by a sentence that is only
its time (`fell 1.1 pct. A year earlier.`), and on a bare verb after `to`
or a modal followed by a short noun phrase, its object (`...will try to
further weaken. The Gephardt plan.`). After words that may end a
sentence but often lead into a phrase (`more`, `next`, `below`, `up`,
...) the short sentence after must not read as a fragment written on
purpose (`He wants more. Much more.` is fine).

## Why is this bad?
No finished English sentence ends there: words were lost in translation or
in a cut.

## Example
```text
The minister said that the.
```

Use instead:
```text
The minister said that the plan would go ahead.
```
"#,
    options: &[],
};

impl Rule for Truncated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !doc.is_english() {
            return;
        }
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if !is_plain_statement(sentence)
                || cx.hides_words(sentence.span)
                || sentence.words.len() < 2
            {
                continue;
            }
            let last = doc.words[sentence.words.end - 1];
            let word = last.text(doc.text);
            // (An ellipsis trails off on purpose: `because...`.)
            let directly_before_stop =
                doc.text[last.end..].starts_with('.') && !doc.text[last.end..].starts_with("..");
            if !directly_before_stop {
                continue;
            }
            // Looked up by key: this runs for nearly every sentence.
            static LISTS: std::sync::OnceLock<[lexicon::KeySet; 6]> = std::sync::OnceLock::new();
            let [non_final, stranded, numbers, units, months, weak_endings] =
                LISTS.get_or_init(|| {
                    [
                        lexicon::KeySet::new(&[NON_FINAL_WORDS]),
                        lexicon::KeySet::new(&[STRANDED_ENDINGS]),
                        lexicon::KeySet::new(&[MULTIPLIERS, lexicon::NUMBER_WORDS]),
                        lexicon::KeySet::new(&[UNIT_WORDS]),
                        lexicon::KeySet::new(&[lexicon::MONTHS]),
                        lexicon::KeySet::new(&[WEAK_ENDINGS, lexicon::PREPOSITIONS]),
                    ]
                });
            let key = doc.keys[sentence.words.end - 1];
            // The sentence after, when it may be the rest of this one: in
            // the same paragraph, after the full stop.
            let next = doc.sentences.get(index + 1).filter(|next| {
                next.paragraph == sentence.paragraph && next.start == SentenceStart::AfterStop
            });
            let split = |next: &crate::document::Sentence, message: String| {
                self.diagnostic(last, message)
                    .with_related(next.span, "the rest of the sentence")
            };
            // `...had a gain of 59.1. Mln dlrs in 1985.`, `...declined
            // seven. Pct.`: a number cut off from its unit, which never
            // opens a sentence. `...a loss of 253 mln. Dlrs in 1985.` too: a
            // multiplier is no unit.
            let number =
                word.starts_with(|c: char| c.is_ascii_digit()) || numbers.contains(key, word);
            if let Some(next) = next
                && number
                && units.contains(doc.keys[next.words.start], doc.word(next.words.start))
            {
                let unit = doc.word(next.words.start);
                out.push(split(next, format!("sentence ends on the amount \"{word}\" and the next opens with its unit \"{unit}\": one sentence was split in two")));
                continue;
            }
            // `...up 1.9 pct. A year earlier.`: an amount's time cut off.
            let amount = number || units.contains(key, word);
            if let Some(next) = next
                && amount
                && next.terminator == Some('.')
                && is_bare_time(doc, next)
            {
                let tail = next.span.text(doc.text);
                out.push(split(next, format!("sentence ends on the amount \"{word}\" and its time \"{tail}\" follows on its own: one sentence was split in two")));
                continue;
            }
            // `...on March. 31, 1987.`: a date cut after its month.
            if let Some(next) = next
                && (word == "fiscal"
                    || word.starts_with(char::is_uppercase) && months.contains(key, word))
                && is_bare_date(doc, next)
            {
                let date = doc.word(next.words.start);
                out.push(split(next, format!("sentence ends on \"{word}\" and the next opens with its date \"{date}\": one sentence was split in two")));
                continue;
            }
            if !word.chars().all(|c| c.is_lowercase()) {
                continue;
            }
            if non_final.contains(key, word) {
                out.push(self.diagnostic(
                    last,
                    format!("sentence ends on \"{word}\"; words are missing after it"),
                ));
                continue;
            }
            // The rest of the sentence, when it follows as a short statement
            // of its own.
            let Some(next) = next.filter(|next| {
                next.words.len() <= SPLIT_TAIL_WORDS && next.terminator == Some('.') && !next.quoted
            }) else {
                continue;
            };
            // `...he will try to further weaken. The Gephardt plan.`: a
            // verb after `to` or a modal, its object cut off.
            if ends_on_infinitive(doc, sentence)
                && lexicon::is_in(lexicon::DETERMINERS, doc.word(next.words.start))
                && completes(doc, "of", next)
            {
                let tail = next.span.text(doc.text);
                out.push(split(next, format!("sentence ends on the verb \"{word}\" and its object \"{tail}\" follows on its own: one sentence was split in two")));
                continue;
            }
            // A preposition or an auxiliary may end a sentence (`what they
            // asked for.`), but not when the few words that complete it
            // follow as a sentence of their own: `...a divisor to be used
            // in. Calculating the index.` After a determiner or adverb the
            // tail may be a fragment written on purpose (`He wants more.
            // Much more.`).
            // `be` ends a clause that compares or asks (`as they should
            // be`, `what it will be`), and one after a perfect (`has always
            // been`); after a modal or `to` otherwise it is cut.
            if word == "be" && !be_is_cut(doc, sentence) {
                continue;
            }
            let is_stranded = stranded.contains(key, word);
            let weak = !is_stranded && weak_endings.contains(key, word);
            if (is_stranded || weak)
                && completes(doc, word, next)
                && !(weak && super::verbless::is_stylistic(doc, index + 1))
            {
                let tail = next.span.text(doc.text);
                out.push(split(next, format!("sentence ends on \"{word}\" and \"{tail}\" follows on its own: one sentence was split in two")));
            }
        }
    }
}

/// Prepositions, auxiliaries and determiners that end a sentence only in
/// a question or a clause such as `what they asked for`: reported when a
/// short sentence follows that completes them.
const STRANDED_ENDINGS: &[&str] = &[
    "about", "any", "are", "as", "at", "be", "been", "by", "can", "could", "did", "do", "does",
    "for", "from", "had", "has", "have", "in", "into", "is", "may", "might", "must", "not", "on",
    "over", "shall", "should", "to", "was", "were", "which", "will", "with", "would",
];

/// Words that may end a sentence but often lead into a noun phrase cut
/// off after them (`...over the next. Few months.`, `...contribute to
/// more. Orderly markets.`); every preposition not in `STRANDED_ENDINGS`
/// counts too (`...sell chips at below. Production costs.`).
const WEAK_ENDINGS: &[&str] = &[
    "both", "just", "more", "most", "next", "this", "up", "while",
];

/// Whether `tail` reads as the rest of a sentence cut after `word`: after
/// an auxiliary, a verb form or an adverb before one (`were. Found.`,
/// `was. Still on strike.`); after `to`, a bare verb (`to. Fight unfair
/// trade.`); after a preposition, words with no clear finite verb (`in.
/// Calculating the index.`, `by. The end of 1987.`), where a sentence of
/// its own would have one (`talked about. He gave in.`).
fn completes(
    doc: &crate::document::Document,
    word: &str,
    tail: &crate::document::Sentence,
) -> bool {
    let words: Vec<&str> = doc.sentence_words(tail).collect();
    let first = words[0];
    // After `be` its complement may follow, with no verb of its own:
    // `should be. Available later today.` (A clause may end on `be` when
    // it compares or asks: `as they should be.`, `what it will be.`; the
    // caller checks that.)
    if word == "be" && complement_only(&words) {
        return true;
    }
    if word == "not" || lexicon::is_in(lexicon::AUXILIARIES, word) {
        let adverb = lexicon::is_ly_adverb(first) || lexicon::is_in(AUXILIARY_ADVERBS, first);
        // `would. Soon the rain came.`: an adverb before a subject opens
        // a sentence of its own.
        let then_subject = words
            .get(1)
            .is_some_and(|next| lexicon::is_in(SUBJECTS, next));
        return lexicon::is_verb(first)
            || first.ends_with("ed")
            || first.ends_with("en")
            || adverb
                && !then_subject
                && !doc.text[doc.words[tail.words.start].end..].starts_with(',');
    }
    // After `to` the tail may open with its verb, listed or not (`to.
    // Arrest the dollar's fall.`), and the words after it are judged.
    // `be` and `have` are function words, but verbs after `to` too: `rates
    // to. Be low.`
    let from = usize::from(
        word == "to"
            && (!lexicon::is_function_word(first) || lexicon::is_in(&["be", "have"], first))
            && !lexicon::is_in(SUBJECTS, first),
    );
    let words = &words[from..];
    !words.iter().enumerate().any(|(i, w)| {
        lexicon::is_in(lexicon::AUXILIARIES, w)
            || i > 0 && lexicon::is_verb(w) && !w.ends_with("ing") && !in_noun_phrase(words, i)
    })
}

/// Whether a sentence that ends on `be` after a modal or `to` is cut: no
/// word of the sentence compares or asks (`as`, `what`, `how`, `than`).
fn be_is_cut(doc: &crate::document::Document, sentence: &crate::document::Sentence) -> bool {
    let end = sentence.words.end;
    let before = doc.word(end - 2);
    (lexicon::is_in(&["not", "to"], before) || lexicon::is_in(MODALS, before))
        && !doc
            .sentence_words(sentence)
            .any(|w| lexicon::is_in(&["as", "how", "than", "what", "whatever", "where"], w))
}

/// Whether a tail holds no verb: an adjective, a noun phrase or an
/// adverbial that completes `be` (`Available later today.`), not a clause
/// of its own (`The vote was close.`).
fn complement_only(words: &[&str]) -> bool {
    !words.iter().enumerate().any(|(i, w)| {
        lexicon::is_in(lexicon::AUXILIARIES, w)
            || lexicon::is_in(SUBJECTS, w)
            || lexicon::is_verb(w) && !w.ends_with("ing") && !(i > 0 && in_noun_phrase(words, i))
    })
}

/// Whether the word at `i` stands where a noun does: after a determiner
/// or inside a compound of nouns ending the phrase (`The stock market
/// drop`, `The end of 1987`, `Little or no change`).
fn in_noun_phrase(words: &[&str], i: usize) -> bool {
    let before = words[i - 1];
    lexicon::is_in(NOUN_DETERMINERS, before)
        || i + 1 == words.len()
            && !lexicon::is_in(lexicon::SUBJECT_PRONOUNS, before)
            && (!before.ends_with('s') || before.ends_with("'s"))
}

/// Whether a sentence ends on a bare verb after `to` or a modal, with at
/// most an adverb between (`to further weaken`, `would not accept`).
fn ends_on_infinitive(
    doc: &crate::document::Document,
    sentence: &crate::document::Sentence,
) -> bool {
    let end = sentence.words.end;
    if sentence.words.len() < 3 {
        return false;
    }
    let verb = doc.word(end - 1);
    let plain = verb.len() >= 3
        && verb.bytes().all(|b| b.is_ascii_lowercase())
        && !verb.ends_with("ed")
        && !verb.ends_with("ing")
        && !verb.ends_with('s')
        && !verb.ends_with("ly")
        && !lexicon::is_function_word(verb)
        && !lexicon::is_in(lexicon::PREPOSITIONS, verb);
    let leads = |w: &str| w == "to" || lexicon::is_in(MODALS, w);
    let before = doc.word(end - 2);
    let adverb = lexicon::is_ly_adverb(before) || lexicon::is_in(&["further", "not"], before);
    plain && (leads(before) || adverb && leads(doc.word(end - 3)))
}

/// Modals, before a bare verb.
const MODALS: &[&str] = &[
    "can", "could", "did", "do", "does", "may", "might", "must", "should", "will", "would",
];

/// Adverbs that stand between an auxiliary and its verb.
const AUXILIARY_ADVERBS: &[&str] = &[
    "already", "also", "never", "no", "not", "now", "soon", "still", "yet",
];

/// Words that open a clause as its subject.
const SUBJECTS: &[&str] = &["he", "i", "it", "she", "the", "they", "this", "we", "you"];

/// Determiners after which a word is a noun.
const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "any", "each", "every", "her", "his", "its", "my", "no", "our", "some", "the",
    "their", "this", "your",
];

/// Whether a sentence is only a time phrase: `A year earlier.`, `Early
/// last year.`, `Each month.`
fn is_bare_time(doc: &crate::document::Document, sentence: &crate::document::Sentence) -> bool {
    if sentence.words.len() > 4 {
        return false;
    }
    let mut has_unit = false;
    let all_time = doc.sentence_words(sentence).all(|w| {
        let unit = lexicon::is_in(TIME_UNITS, w);
        has_unit |= unit;
        unit || lexicon::is_in(TIME_WORDS, w)
    });
    all_time && has_unit
}

/// Nouns of time.
const TIME_UNITS: &[&str] = &[
    "day", "days", "month", "months", "quarter", "quarters", "week", "weeks", "year", "years",
];

/// Words that make a time phrase with a noun of time.
const TIME_WORDS: &[&str] = &[
    "a", "ago", "an", "before", "each", "earlier", "early", "every", "last", "late", "later",
    "next", "one", "previous", "the", "this", "three", "two",
];

/// Whether a sentence is only a day or year, up to its first comma:
/// `31, 1987.`, `1986, it said.`
fn is_bare_date(doc: &crate::document::Document, sentence: &crate::document::Sentence) -> bool {
    let clause_end = doc.text[sentence.span.start..sentence.span.end]
        .find(',')
        .map_or(sentence.span.end, |at| sentence.span.start + at);
    let mut clause = sentence
        .words
        .clone()
        .filter(|&k| doc.words[k].end <= clause_end)
        .peekable();
    clause.peek().is_some()
        && clause.all(|k| {
            let word = doc.word(k);
            word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Multipliers that end an amount whose unit may follow (`253 mln dlrs`).
const MULTIPLIERS: &[&str] = &["billion", "bln", "million", "mln", "trillion"];

/// Units that follow a number and never open a sentence.
const UNIT_WORDS: &[&str] = &[
    "billion", "bln", "cents", "cts", "dlr", "dlrs", "francs", "guilders", "kg", "km", "lire",
    "million", "mln", "pct", "percent", "pesos", "stg", "tonnes", "trillion",
];

/// The most words of a tail split off a sentence.
const SPLIT_TAIL_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn sentence_ending_on_a_preposition_that_cannot_end_it_is_reported() {
        let text = "Output will not increase until. Oil prices do.";
        assert_eq!(matched(&Truncated, text), vec!["until"]);
        assert_no_lints(
            &Truncated,
            "That is the issue they talked about. He gave in.",
        );
    }

    #[test]
    fn sentence_ending_on_article_is_reported() {
        let text = "The minister said that the. Then he left.";
        let found = lint(&Truncated, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "the");
        assert_eq!(found[0].span.start, text.find("the.").unwrap());
    }

    #[test]
    fn sentence_ending_on_conjunction_or_possessive_is_reported() {
        assert_eq!(matched(&Truncated, "Prices rose and."), vec!["and"]);
        assert_eq!(matched(&Truncated, "The firm cut its."), vec!["its"]);
    }

    #[test]
    fn sentence_split_after_a_preposition_or_auxiliary_is_reported() {
        let text = "A new divisor will be used in. Calculating the index. It is due soon.";
        let found = lint(&Truncated, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "in");
        assert_eq!(
            found[0].related[0].span.text(text),
            "Calculating the index."
        );
        assert_eq!(
            matched(
                &Truncated,
                "He said action would follow if a violation were. Found."
            ),
            vec!["were"]
        );
        for (text, word) in [
            (
                "Full election results should be. Available later today.",
                "be",
            ),
            (
                "It is the market where he considered rates to. Be low.",
                "to",
            ),
        ] {
            assert_eq!(matched(&Truncated, text), vec![word], "{text}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_lookup() {
        for list in [
            STRANDED_ENDINGS,
            lexicon::NUMBER_WORDS,
            UNIT_WORDS,
            MULTIPLIERS,
            WEAK_ENDINGS,
            MODALS,
            AUXILIARY_ADVERBS,
            SUBJECTS,
            NOUN_DETERMINERS,
            TIME_UNITS,
            TIME_WORDS,
        ] {
            crate::lexicon::assert_sorted(list);
        }
    }

    #[test]
    fn number_cut_from_its_unit_is_reported() {
        let text = "Swire had an extraordinary gain of 59.1. Mln dlrs in 1985.";
        assert_eq!(matched(&Truncated, text), vec!["59.1"]);
        let text = "Profit compared with a loss of 253 mln. Dlrs in 1985.";
        assert_eq!(matched(&Truncated, text), vec!["mln"]);
        let text = "Output fell nine pct and mining production declined seven. Pct.";
        assert_eq!(matched(&Truncated, text), vec!["seven"]);
    }

    #[test]
    fn amounts_before_ordinary_sentences_are_fine() {
        for text in [
            "The deficit fell to 2.25 billion. Officials said it would rise.",
            "Sales rose 40 mln. Marks and yen were steady.",
            "He did not. Instead, he resigned on Monday.",
        ] {
            assert_no_lints(&Truncated, text);
        }
    }

    #[test]
    fn object_cut_off_a_verb_after_to_or_a_modal_is_reported() {
        for (text, word) in [
            (
                "He said he will try to further weaken. The Gephardt plan.",
                "weaken",
            ),
            (
                "Canada reaffirmed the accord to. Arrest the dollar's fall.",
                "to",
            ),
            (
                "The goal is to restructure the economy, but he did. Not elaborate.",
                "did",
            ),
            (
                "Third country brokers sell chips at below. Production costs.",
                "below",
            ),
        ] {
            assert_eq!(matched(&Truncated, text), vec![word], "{text}");
        }
    }

    #[test]
    fn time_cut_off_an_amount_is_reported() {
        assert_eq!(
            matched(&Truncated, "Output fell 1.1 pct. A year earlier."),
            vec!["pct"]
        );
        assert_eq!(
            matched(&Truncated, "Exports rose to 1.91 dlrs. Early last year."),
            vec!["dlrs"]
        );
    }

    #[test]
    fn sentences_and_deliberate_fragments_after_such_endings_are_fine() {
        for text in [
            "The crowd waited for the minister to arrive. No sign of him.",
            "The team wants to win. The final is on Sunday.",
            "He has always wanted more. Much more.",
            "Sales rose 5 pct. A year earlier, they fell.",
            "She left the town. Two weeks later.",
            "It is the film he was referring to. He saw it twice.",
            "The results are what they should be. The vote was close.",
            "It is what he wanted to. Be brave, he said.",
            "That is how it has always been. Quiet and slow.",
            "The firm is as strong as it should be. Lean and quick.",
            "And then there is the third turn because... The third turn comes.",
        ] {
            assert_no_lints(&Truncated, text);
        }
    }

    #[test]
    fn date_cut_after_its_month_is_reported() {
        for (text, month) in [
            ("The loan package is to be signed on March. 20.", "March"),
            (
                "Holders of record as of March. 31, 1987, get the dividend.",
                "March",
            ),
            (
                "There has been no effective rainfall since June. 1986.",
                "June",
            ),
            ("It is likely to boost earnings for fiscal. 1987.", "fiscal"),
        ] {
            assert_eq!(matched(&Truncated, text), vec![month], "{text}");
        }
        for text in [
            "The plant opened in March. 1986 was a good year for it.",
            "Sales rose in May. 30 stores opened.",
            "It was founded in 1986. 1987 was better.",
            "The vote is in March.\n\n20. The next item.",
        ] {
            assert_no_lints(&Truncated, text);
        }
    }

    #[test]
    fn sentence_split_after_not_is_reported() {
        assert_eq!(
            matched(
                &Truncated,
                "The rate was set in May and it has not. Changed since."
            ),
            vec!["not"]
        );
    }

    #[test]
    fn prepositions_that_end_a_sentence_before_a_full_one_are_fine() {
        for text in [
            // A full sentence follows, or the next one is long.
            "It is what he was referring to. The board met on Friday.",
            "The talks broke down and the union gave in. Workers will strike from Monday morning onwards.",
            // A new paragraph, a question, or a number and an ordinary word.
            "He gave in.\n\nSo it goes.",
            "What was it for. Nobody knows?",
            "The index rose to 105.2. Shares fell.",
        ] {
            assert_no_lints(&Truncated, text);
        }
    }

    #[test]
    fn capital_letters_and_ordinary_endings_are_fine() {
        for text in [
            "They chose Plan A.",
            "It is what he was referring to.",
            "I know that.",
            "The decision was theirs.",
            "She is one of a kind.",
        ] {
            assert_no_lints(&Truncated, text);
        }
    }
}
