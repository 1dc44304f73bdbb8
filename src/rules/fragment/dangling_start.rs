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
    summary: "A sentence that opens a subordinate clause and never reaches a main clause",
    doc: r#"## What it does
Finds a statement that opens with a relative pronoun or a subordinator
(`Which`, `Who`, `Although`, `Because`, `While`, ...) or with a participle
and `by` (`Used by both leaders ...`), and has no comma, so there is no main
clause after the subordinate one. It also finds a statement (no question
mark) that opens with an auxiliary (`Was`, `Is`, `Has`, `Would`, ...) or
with `Than`: `Was 132 billion pesos at the end of the year.` lost its
subject. `Had`, `Were` and `Should`, which open conditions, and `May`,
`Will` and `Can`, which are names, are left out.

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
        for sentence in &doc.sentences {
            // A lowercase start is reported by `fragment/lowercase-start`.
            if !is_plain_statement(sentence)
                || cx.hides_words(sentence.span)
                || matches!(sentence.start, SentenceStart::LowercaseAfterStop { .. })
            {
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
    fn word_lists_are_sorted_for_lookup() {
        crate::lexicon::assert_sorted(PARTICIPLES);
        crate::lexicon::assert_sorted(VERB_OPENERS);
        crate::lexicon::assert_sorted(RELATIVE_PRONOUNS);
    }

    #[test]
    fn quoted_speech_is_fine() {
        assert_no_lints(&DanglingStart, "She said: “Which is exactly the point.”");
    }
}
