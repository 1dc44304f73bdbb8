use super::is_plain_statement;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SentenceStart;
use crate::lexicon::{self, SUBORDINATORS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct DanglingStart;

/// Relative pronouns: they head a dangling clause only when a verb follows
/// (`Which are ...`); before a noun they ask or select (`Which market ...`).
const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "whom", "whose"];

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
clause after the subordinate one.

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
            let opener = if lexicon::is_in(SUBORDINATORS, first) {
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
                    format!(
                        "sentence opens with \"{first}\" as {opener} but has no main clause; it is probably the tail of the sentence before"
                    ),
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
    fn word_lists_are_sorted_for_lookup() {
        crate::lexicon::assert_sorted(PARTICIPLES);
        crate::lexicon::assert_sorted(RELATIVE_PRONOUNS);
    }

    #[test]
    fn quoted_speech_is_fine() {
        assert_no_lints(&DanglingStart, "She said: “Which is exactly the point.”");
    }
}
