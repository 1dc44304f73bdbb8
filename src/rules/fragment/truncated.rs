use super::is_plain_statement;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::{self, NON_FINAL_WORDS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Truncated;

static META: RuleMeta = RuleMeta {
    id: "fragment/truncated",
    severity: Severity::Warning,
    summary: "A sentence that ends on an article, a possessive, a conjunction or a preposition that cannot end it",
    doc: r#"## What it does
Finds a statement whose last word before the full stop is an article
(`the`, `a`, `an`), a possessive determiner (`its`, `their`), a
conjunction (`and`, `or`, `but`, `if`, `whether`) or a preposition that
English never leaves at the end (`until`, `than`, `during`, `via`), as in
`He said that the.` or `Prices will not rise until.` Prepositions that may
end a sentence (`the issue they talked about.`) and capitalised letters such
as `Plan A.` are not reported.

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
        for sentence in &doc.sentences {
            if !is_plain_statement(sentence)
                || cx.hides_words(sentence.span)
                || sentence.words.len() < 2
            {
                continue;
            }
            let last = doc.words[sentence.words.end - 1];
            let word = last.text(doc.text);
            let directly_before_stop = doc.text[last.end..].starts_with('.');
            if directly_before_stop
                && word.chars().all(|c| c.is_lowercase())
                && lexicon::is_in(NON_FINAL_WORDS, word)
            {
                out.push(self.diagnostic(
                    last,
                    format!("sentence ends on \"{word}\"; words are missing after it"),
                ));
            }
        }
    }
}

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
