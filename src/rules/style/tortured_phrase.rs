use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

pub struct TorturedPhrase;

static META: RuleMeta = RuleMeta {
    id: "style/tortured-phrase",
    severity: Severity::Warning,
    summary: "A known tortured phrase, the fingerprint of a paraphrasing tool",
    doc: r#"## What it does
Finds phrases that paraphrasing tools produce when they swap the words of a
fixed term for synonyms, such as `counterfeit consciousness` for `artificial
intelligence` or `bosom peril` for `breast cancer`, and suggests the
expected term. Matching ignores case and respects word boundaries; all
phrases are matched in one pass by one automaton.

The list is the Problematic Paper Screener's (see
`data/tortured-phrases.tsv` for its source), without the entries that are
ordinary English in edited prose. Entries that are ordinary English on their
own (`bosom`) count only when the expected term also appears in the document.
`--phrases FILE` adds a list of your own in the same format:
`phrase<TAB>expected[<TAB>context]`, with `#` comments.

## Why is this bad?
A tortured phrase means the text was run through a spinner to disguise its
source, and the meaning of the term is lost on the reader.

## Example
```text
The study applies counterfeit consciousness to bosom peril screening.
```

Use instead:
```text
The study applies artificial intelligence to breast cancer screening.
```
"#,
    options: &[],
};

const BUILT_IN: &str = include_str!("../../../data/tortured-phrases.tsv");

#[derive(Debug)]
struct Entry {
    phrase: String,
    expected: String,
    /// The entry counts only when this term is in the document too.
    context: Option<String>,
}

/// A list of tortured phrases and the automaton that finds them.
#[derive(Debug)]
pub struct PhraseList {
    entries: Vec<Entry>,
    automaton: AhoCorasick,
}

impl PhraseList {
    /// Parses `phrase<TAB>expected[<TAB>context]` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Result<PhraseList, String> {
        let mut entries = Vec::new();
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 2 || fields[0].trim().is_empty() {
                return Err(format!(
                    "line {}: expected `phrase<TAB>expected[<TAB>context]`",
                    number + 1
                ));
            }
            let context = fields
                .get(2)
                .map(|c| c.trim().to_lowercase())
                .filter(|c| !c.is_empty());
            entries.push(Entry {
                phrase: fields[0].trim().to_lowercase(),
                expected: fields[1].trim().to_owned(),
                context,
            });
        }
        // Patterns are lowercase and the text is lowercased (ASCII only, so
        // offsets do not move) before the search: a case-insensitive
        // automaton has twice the transitions and takes twice as long to build.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(entries.iter().map(|e| e.phrase.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(PhraseList { entries, automaton })
    }

    fn built_in() -> &'static PhraseList {
        static LIST: OnceLock<PhraseList> = OnceLock::new();
        LIST.get_or_init(|| PhraseList::parse(BUILT_IN).expect("the built-in phrase list parses"))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, rule: &TorturedPhrase, text: &str, lowered: &str, out: &mut Vec<Diagnostic>) {
        for m in self.automaton.find_iter(lowered) {
            let bounded_before = text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let bounded_after = text[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !bounded_before || !bounded_after {
                continue;
            }
            let entry = &self.entries[m.pattern().as_usize()];
            if let Some(context) = &entry.context
                && !lowered.contains(context.as_str())
            {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            let found = span.text(text);
            out.push(
                rule.diagnostic(
                    span,
                    format!(
                        "tortured phrase \"{found}\": the usual term is \"{}\"",
                        entry.expected
                    ),
                )
                .with_fix(span, entry.expected.clone(), false),
            );
        }
    }
}

impl Rule for TorturedPhrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let lowered = text.to_ascii_lowercase();
        PhraseList::built_in().find(self, text, &lowered, out);
        if let Some(extra) = &cx.settings.phrases {
            extra.find(self, text, &lowered, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn known_phrases_are_reported_with_the_expected_term() {
        let text = "The study applies Counterfeit Consciousness to bosom peril screening.";
        let found = lint(&TorturedPhrase, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, span_of(text, "Counterfeit Consciousness", 0));
        assert_eq!(
            found[0].fix.as_ref().unwrap().replacement,
            "artificial intelligence"
        );
        assert_eq!(found[1].fix.as_ref().unwrap().replacement, "breast cancer");
    }

    #[test]
    fn conditional_entry_needs_its_context_term() {
        assert_no_lints(&TorturedPhrase, "She held the letter to her bosom.");
        assert_eq!(
            matched(
                &TorturedPhrase,
                "Bosom screening finds breast tumours early."
            ),
            vec!["Bosom"]
        );
    }

    #[test]
    fn phrases_inside_words_and_ordinary_english_are_fine() {
        assert_no_lints(
            &TorturedPhrase,
            "The results are as follows: counterfeit consciousnesses aside, all is well.",
        );
    }

    #[test]
    fn user_list_parses_and_rejects_bad_lines() {
        let list = PhraseList::parse("# mine\nsilly goose\tsensible duck\n").unwrap();
        assert_eq!(list.len(), 1);
        assert!(
            PhraseList::parse("no tab here\n")
                .unwrap_err()
                .contains("line 1")
        );
    }

    #[test]
    fn built_in_list_is_large_and_names_its_source() {
        assert!(PhraseList::built_in().len() > 5000);
        assert!(BUILT_IN.starts_with('#') && BUILT_IN.contains("Problematic Paper Screener"));
    }
}
