use super::is_plain_statement;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SentenceStart;
use crate::lexicon::{self, SUBORDINATORS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct DanglingStart;

/// Relative pronouns: they head a dangling clause only when a verb follows
/// (`Which are ...`); before a noun they ask or select (`Which market ...`).
const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "whom", "whose"];

/// Auxiliaries that open only questions (and `than`, which opens nothing):
/// a statement that starts with one lost its subject (`Was 132 billion
/// pesos at the end of the year.`). `Had`, `Were` and `Should` also open
/// conditions (`Had he known, ...`) and `May`, `Will` and `Can` are names,
/// so they are left out.
const VERB_OPENERS: &[&str] = &[
    "are", "could", "does", "has", "is", "might", "must", "than", "was", "would",
];

/// Past participles that open a participial phrase (`Used by both ...`).
const PARTICIPLES: &[&str] = &[
    "built", "given", "held", "known", "led", "made", "seen", "sold", "taken", "written",
];

static META: RuleMeta = RuleMeta {
    id: "fragment/dangling-start",
    severity: Severity::Warning,
    summary: "A sentence with no main clause or no subject: a subordinate clause or a predicate standing alone",
    doc: r#"## What it does
Finds a statement that opens with a relative pronoun or a subordinator
(`Which`, `Who`, `Although`, `Because`, `While`, ...) or with a participle
and `by` (`Used by both leaders ...`), and has no comma, so there is no main
clause after the subordinate one. It also finds a statement (no question
mark) that opens with an auxiliary (`Was`, `Is`, `Has`, `Would`, ...) or
with `Than`: `Was 132 billion pesos at the end of the year.` lost its
subject. `Had`, `Were` and `Should`, which open conditions, and `May`,
`Will` and `Can`, which are names, are left out.

After a statement of six words or more in the same paragraph, a short
sentence (six words at most, no comma) that opens with a verb and has no
subject is the end of that statement, split off: an auxiliary before a
verb form, `not`, an adverb, a number or an adjective (`...and the crop.
Was unaffected.`, `Can spread to humans.`), or a past form with no other
verb after it (`...in the week. Ended February 16.`, `Said on Sunday.`),
also behind an adverb (`...the foreign column. Also fell sharply.`).
Before a pronoun (`Had it done so, ...`) or a noun (`May sales rose`)
nothing is reported.

## Why is this bad?
Machine translation cuts a relative clause off the sentence it belongs to
and leaves it as a sentence of its own.

## Example
```text
The problems must be solved. Which are mostly economic in nature.
```

Use instead:
```text
The problems, which are mostly economic in nature, must be solved.
```
"#,
    options: &[],
};

impl Rule for DanglingStart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !doc.is_english() {
            return;
        }
        for (index, sentence) in doc.sentences.iter().enumerate() {
            // A lowercase start is reported by `fragment/lowercase-start`.
            if !is_plain_statement(sentence)
                || cx.hides_words(sentence.span)
                || matches!(sentence.start, SentenceStart::LowercaseAfterStop { .. })
            {
                continue;
            }
            if let Some(first) = subjectless_tail(doc, index) {
                let word = doc.words[sentence.words.start];
                out.push(
                    self.diagnostic(
                        word,
                        format!(
                            "\"{}\" has the verb \"{first}\" but no subject: it is the end of the sentence before, split off",
                            sentence.span.text(doc.text)
                        ),
                    )
                    .with_related(doc.sentences[index - 1].span, "the sentence it was split from"),
                );
                continue;
            }
            // The first three words that hold a letter, without a list.
            let mut lettered = sentence
                .words
                .clone()
                .filter(|&k| doc.flags[k].has_letter())
                .map(|k| doc.word(k));
            let (Some(first), Some(second), Some(_)) =
                (lettered.next(), lettered.next(), lettered.next())
            else {
                continue;
            };
            // The verb must be the very first word: `135 are in quarantine.`
            let verb_first = doc.word(sentence.words.start) == first;
            // Looked up by key: this runs for nearly every sentence.
            static LISTS: std::sync::OnceLock<[lexicon::KeySet; 2]> = std::sync::OnceLock::new();
            let [verb_openers, subordinators] = LISTS.get_or_init(|| {
                [
                    lexicon::KeySet::new(&[VERB_OPENERS]),
                    lexicon::KeySet::new(&[SUBORDINATORS]),
                ]
            });
            let key = crate::fxhash::word_key(first);
            let opener = if verb_first && verb_openers.contains(key, first) {
                "a verb"
            } else if subordinators.contains(key, first) {
                if second.eq_ignore_ascii_case("of") {
                    continue; // "Because of the strike the mine closed."
                }
                let relative = lexicon::is_in(RELATIVE_PRONOUNS, first);
                if relative && !lexicon::is_verb(second) {
                    continue; // "Which market is chosen does not matter."
                }
                "a subordinate clause"
            } else if second == "by"
                && first.chars().next().is_some_and(char::is_uppercase)
                && (first.ends_with("ed") || lexicon::is_in(PARTICIPLES, first))
            {
                "a participle phrase"
            } else {
                continue;
            };
            // A clause joined by a comma or a colon has its main clause.
            if sentence
                .span
                .text(doc.text)
                .contains([',', ';', ':', '—', '('])
            {
                continue;
            }
            let word = doc.words[sentence.words.start];
            out.push(
                self.diagnostic(
                    word,
                    if opener == "a verb" {
                        format!(
                            "statement opens with the verb \"{first}\" and no subject, and it is no question; its subject was lost or it is the tail of the sentence before"
                        )
                    } else {
                        format!(
                            "sentence opens with \"{first}\" as {opener} but has no main clause; it is probably the tail of the sentence before"
                        )
                    },
                )
                .with_related(sentence.span, "this sentence"),
            );
        }
    }
}

/// The most words of a predicate split off the statement before it.
const TAIL_WORDS: usize = 6;

/// Words between an auxiliary and its verb (`Were also unchanged`).
const ADVERBS: &[&str] = &["already", "also", "since", "still", "then", "yet"];

/// The verb that opens a short sentence with no subject after a long
/// statement in the same paragraph: the predicate of that statement,
/// split off (`...and the crop. Was unaffected.`, `...the week. Ended
/// February 16.`). An auxiliary counts before a verb form, `not`, an
/// adverb or a number (not before a pronoun: `Had he known`; nor `May`
/// before a noun: `May sales rose`); a past form counts when no other
/// verb follows.
pub(crate) fn subjectless_tail<'t>(
    doc: &crate::document::Document<'t>,
    index: usize,
) -> Option<&'t str> {
    let sentence = &doc.sentences[index];
    if sentence.words.len() > TAIL_WORDS || !super::follows_long_statement(doc, index) {
        return None;
    }
    let text = sentence.span.text(doc.text);
    if text.contains([';', ':', '(']) || super::has_phrase_comma(text) {
        return None;
    }
    let words: Vec<&str> = doc.sentence_words(sentence).collect();
    if !words[0].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // `Also fell sharply.`, `Probably is.`: adverbs before the verb.
    let adverbs = words
        .iter()
        .take(2)
        .take_while(|w| {
            lexicon::is_ly_adverb(w) || lexicon::is_in(ADVERBS, w) || w.eq_ignore_ascii_case("ever")
        })
        .count();
    if adverbs > 0 {
        let verb = words.get(adverbs)?;
        let finite = lexicon::is_in(lexicon::AUXILIARIES, verb)
            || is_past_form(verb)
            || verb
                .strip_suffix('s')
                .is_some_and(|stem| !stem.ends_with('s') && lexicon::is_verb(stem));
        return (finite && verb.starts_with(|c: char| c.is_lowercase())).then_some(verb);
    }
    let first = words[0];
    let next = words.get(1).copied();
    let auxiliary =
        lexicon::is_in(lexicon::AUXILIARIES, first) || lexicon::is_in(&["been", "being"], first);
    if auxiliary {
        let leads_on = next.is_some_and(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && (lexicon::is_verb(w)
                    || w == "not"
                    || lexicon::is_ly_adverb(w)
                    || lexicon::is_in(ADVERBS, w))
                || w.starts_with(|c: char| c.is_ascii_digit()) && !lexicon::is_in(NAME_MODALS, first)
                // `Is successful.`: a copula before an adjective or noun.
                || lexicon::is_in(COPULAS, first)
                    && w.starts_with(|c: char| c.is_lowercase())
                    && !lexicon::is_function_word(w)
        });
        return leads_on.then_some(first);
    }
    let past = is_past_form(first);
    let later_verb = words[1..]
        .iter()
        .any(|w| lexicon::is_verb(w) && !w.ends_with("ing") && !w.ends_with("ed"));
    (past && next.is_some() && !later_verb).then_some(first)
}

/// A past form: regular (`declined`) or one of `IRREGULAR_PASTS`.
fn is_past_form(word: &str) -> bool {
    word.len() >= 5 && word.ends_with("ed") || lexicon::is_in(IRREGULAR_PASTS, word)
}

/// Forms of `be` and `have` that take an adjective or noun after them.
const COPULAS: &[&str] = &["are", "been", "had", "has", "have", "is", "was", "were"];

/// Irregular past forms that are not also present forms (unlike `cut`,
/// `put`, `set`, which open orders: `Cut the cost.`).
const IRREGULAR_PASTS: &[&str] = &[
    "became", "began", "bought", "brought", "came", "fell", "gave", "grew", "held", "kept", "lost",
    "made", "met", "paid", "rose", "said", "sold", "spent", "told", "took", "went", "won",
];

/// Auxiliaries that are also names or months (`May 30`, `Will Smith`).
const NAME_MODALS: &[&str] = &["can", "may", "will"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn relative_clause_standing_alone_is_reported() {
        let text = "They must fix the problems. Which are mostly economic in nature.";
        let found = lint(&DanglingStart, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "Which", 0));
    }

    #[test]
    fn participle_phrase_standing_alone_is_reported() {
        assert_eq!(
            matched(
                &DanglingStart,
                "The term stuck. Used by both leaders to describe the wars they inherited."
            ),
            vec!["Used"]
        );
    }

    #[test]
    fn subordinate_clause_followed_by_main_clause_is_fine() {
        for text in [
            "Although prices rose, sales held up.",
            "While the talks went on, troops moved in.",
            "Used by millions, the app is popular.",
            "Because of the strike the mine closed.",
            "Which one did he choose?",
            "He said which route was best.",
            "Which market is chosen as the capital does not matter.",
        ] {
            assert_no_lints(&DanglingStart, text);
        }
    }

    #[test]
    fn statement_opening_with_an_auxiliary_is_reported() {
        let text = "Deposits rose sharply. Was 132 billion pesos at the end of the year.";
        assert_eq!(matched(&DanglingStart, text), vec!["Was"]);
        assert_eq!(
            matched(
                &DanglingStart,
                "The plan failed. Than any other plan this year."
            ),
            vec!["Than"]
        );
    }

    #[test]
    fn questions_conditions_names_and_numbers_are_fine() {
        for text in [
            "Was it worth it? Is the plan safe?",
            "Had he known, he would have left. Were it not for rain, they would go.",
            "May sales rose five pct from April to May.",
            "Will Smith and Can Yaman starred in the film this year.",
            "135 are in quarantine at the main hospital.",
            "Is there a reason, he asked, to doubt the plan.",
        ] {
            assert_no_lints(&DanglingStart, text);
        }
    }

    #[test]
    fn predicate_split_off_a_long_statement_is_reported() {
        for (text, verb) in [
            (
                "Frost has not reached the plantations, and the crop. Was unaffected.",
                "Was",
            ),
            (
                "The Bundesbank said reserves rose in the week. Ended February 16.",
                "Ended",
            ),
            (
                "The nuclear plant said the rules set last year. Can spread to humans.",
                "Can",
            ),
            (
                "Officials said the proposed takeover of Borg-Warner. Is successful.",
                "Is",
            ),
            (
                "Crossings rose this month, according to state. Said on Sunday.",
                "Said",
            ),
            (
                "Reserves were 50.7 billion, and actual holdings at the weekend. Were 44.2 billion.",
                "Were",
            ),
            (
                "Prices on the special foreign exchange column. Also fell sharply.",
                "Also",
            ),
            (
                "If it looks too good to be true, it. Probably is.",
                "Probably",
            ),
            (
                "Gardner said he owns eight pct of Purolator, and he. Personally has more.",
                "Personally",
            ),
        ] {
            assert_eq!(matched(&DanglingStart, text), vec![verb], "{text}");
        }
    }

    #[test]
    fn short_sentences_with_a_subject_after_a_long_one_are_fine() {
        for text in [
            "Frost has not reached the plantations in the south. Had it done so, prices would jump.",
            "Frost has not reached the plantations in the south. Were it to, prices would jump.",
            "Sales rose five pct in April and eight pct in March. May sales rose too.",
            "The board will meet next week to decide on the plan. Will Smith chairs it.",
            "The board will meet next week to decide on the plan. Cut the cost.",
            "The board met. Was unaffected.",
            "Trading was heavy on the stock exchange today. Nearly all stocks fell.",
            "Trading was heavy on the stock exchange today. Still, stocks fell.",
            "Reduced prices, the board said, helped sales in the spring. Renewed demand, it said.",
        ] {
            assert_no_lints(&DanglingStart, text);
        }
    }

    #[test]
    fn word_lists_are_sorted_for_lookup() {
        crate::lexicon::assert_sorted(ADVERBS);
        crate::lexicon::assert_sorted(COPULAS);
        crate::lexicon::assert_sorted(IRREGULAR_PASTS);
        crate::lexicon::assert_sorted(NAME_MODALS);
        crate::lexicon::assert_sorted(PARTICIPLES);
        crate::lexicon::assert_sorted(VERB_OPENERS);
        crate::lexicon::assert_sorted(RELATIVE_PRONOUNS);
    }

    #[test]
    fn quoted_speech_is_fine() {
        assert_no_lints(&DanglingStart, "She said: “Which is exactly the point.”");
    }
}
