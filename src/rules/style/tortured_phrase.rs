use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Span};
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;
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

/// A list of tortured phrases, indexed by the keys of their first two words.
#[derive(Debug)]
pub struct PhraseList {
    entries: Vec<Entry>,
    /// `Filter::pair_key` of an entry's first two words (or the word key
    /// of a one-word entry) → the entries, longest first.
    index: HashMap<u64, Vec<u32>, crate::fxhash::BuildKey>,
    /// The longest first word, in bytes: longer words are not looked up.
    longest_key: usize,
    /// The keys of one-word entries and of the first two words of longer
    /// ones (`fxhash::word_key`s), as bits: nearly every word of a text is
    /// turned away here, before any look at its letters.
    filter: Filter,
}

/// Two bitsets of 2^18 bits (32 KB each, so they stay in cache): one of
/// single words, one of pairs of words.
#[derive(Debug)]
struct Filter {
    single: Vec<u64>,
    pair: Vec<u64>,
}

impl Filter {
    fn new() -> Filter {
        Filter {
            single: vec![0; FILTER_BITS / 64],
            pair: vec![0; FILTER_BITS / 64],
        }
    }

    fn slot(key: u64) -> usize {
        (key >> 40) as usize % FILTER_BITS
    }

    fn pair_key(first: u64, second: u64) -> u64 {
        crate::fxhash::finish(crate::fxhash::step(first, second))
    }

    fn set(bits: &mut [u64], key: u64) {
        let slot = Self::slot(key);
        bits[slot / 64] |= 1 << (slot % 64);
    }

    fn has(bits: &[u64], key: u64) -> bool {
        let slot = Self::slot(key);
        bits[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// Whether an entry may start with this word, followed by that one.
    fn may_start(&self, first: u64, second: Option<u64>) -> bool {
        Self::has(&self.single, first)
            || second.is_some_and(|second| Self::has(&self.pair, Self::pair_key(first, second)))
    }
}

/// Bits in `PhraseList::filter`: with a few thousand first words, about
/// one word in a hundred that starts no entry gets past it.
const FILTER_BITS: usize = 1 << 18;

/// The character at `at` (a boundary): its length, and whether it is a
/// letter or digit. ASCII is decided on the byte alone.
#[inline]
fn step(text: &str, at: usize) -> (usize, bool) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        (1, b.is_ascii_alphanumeric())
    } else {
        text[at..]
            .chars()
            .next()
            .map_or((1, false), |c| (c.len_utf8(), c.is_alphanumeric()))
    }
}

/// Where the word that starts at `from` ends, and where the next word
/// starts and ends (if one follows within a few separator characters).
fn word_ends(text: &str, from: usize) -> (usize, Option<usize>) {
    let bytes = text.as_bytes();
    let step = |at: usize| step(text, at);
    let mut at = from;
    while at < bytes.len() {
        let (len, letter) = step(at);
        if !letter {
            break;
        }
        at += len;
    }
    let first = at;
    // At most three separator characters (`, `, ` - `) before a second word.
    let mut gap = 0;
    while at < bytes.len() && gap < 3 {
        let (len, letter) = step(at);
        if letter {
            break;
        }
        at += len;
        gap += 1;
    }
    if at >= bytes.len() || at == first || !step(at).1 {
        return (first, None);
    }
    while at < bytes.len() {
        let (len, letter) = step(at);
        if !letter {
            break;
        }
        at += len;
    }
    (first, Some(at))
}

/// The run of letters and digits at `from` (where one starts): where it
/// ends, its word key, and the key of the next run if one follows within
/// a few separator characters.
fn first_words(text: &str, from: usize) -> Option<(usize, u64, Option<u64>)> {
    let (first_end, second_end) = word_ends(text, from);
    if first_end == from {
        return None;
    }
    let second = second_end.map(|end| {
        let start = text[first_end..end]
            .find(char::is_alphanumeric)
            .map_or(end, |k| first_end + k);
        crate::fxhash::word_key(&text[start..end])
    });
    Some((
        first_end,
        crate::fxhash::word_key(&text[from..first_end]),
        second,
    ))
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
        // One hash lookup per word of the text, not one automaton step per
        // byte: a phrase can only start where a word starts.
        let mut index: HashMap<u64, Vec<u32>, crate::fxhash::BuildKey> = HashMap::default();
        let mut filter = Filter::new();
        let mut longest_key = 0;
        for (i, entry) in entries.iter().enumerate() {
            let Some((first_end, first_key, second)) = first_words(&entry.phrase, 0) else {
                continue;
            };
            longest_key = longest_key.max(first_end);
            let key = match second {
                Some(second) => {
                    let key = Filter::pair_key(first_key, second);
                    Filter::set(&mut filter.pair, key);
                    key
                }
                None => {
                    Filter::set(&mut filter.single, first_key);
                    first_key
                }
            };
            index.entry(key).or_default().push(i as u32);
        }
        for list in index.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(entries[i as usize].phrase.len()));
        }
        Ok(PhraseList {
            entries,
            index,
            longest_key,
            filter,
        })
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

    /// Whether `entry` matches at `start`, ignoring ASCII case, and ends
    /// at the end of a word; and its context term, if any, is in the text.
    fn matches_at(
        &self,
        text: &str,
        start: usize,
        entry: &Entry,
        lowered: &mut Option<String>,
    ) -> bool {
        let bytes = text.as_bytes();
        let end = start + entry.phrase.len();
        if end > bytes.len()
            || !bytes[start..end].eq_ignore_ascii_case(entry.phrase.as_bytes())
            || !text.is_char_boundary(end)
            || (end < bytes.len() && step(text, end).1)
        {
            return false;
        }
        match &entry.context {
            Some(context) => lowered
                .get_or_insert_with(|| text.to_ascii_lowercase())
                .contains(context.as_str()),
            None => true,
        }
    }

    /// Finds the phrases at word starts, longest first, without overlaps,
    /// ignoring ASCII case. The document's word keys turn most words away
    /// at a bit of the filter; the rest cost one or two hash lookups.
    fn find(
        &self,
        rule: &TorturedPhrase,
        doc: &Document,
        lowered: &mut Option<String>,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text;
        let mut resume = 0;
        for (index, word) in doc.words.iter().enumerate() {
            let start = word.start;
            if start < resume {
                continue;
            }
            // Words made only of letters and digits (nearly all) are looked
            // up by the keys the document has; a phrase may also start
            // inside `U.S` or `can't`, and those few words take the long way.
            let flags = &doc.flags;
            let (first_end, first_key, second) = if flags[index].is_alphanumeric() {
                let next = index + 1;
                let second = (next < doc.words.len() && {
                    let gap = doc.words[next].start - word.end;
                    gap <= 3
                        || gap <= 12
                            && text[word.end..doc.words[next].start]
                                .chars()
                                .nth(3)
                                .is_none()
                })
                .then(|| {
                    // `hedge's` is keyed as `hedge`, the run an entry holds.
                    if flags[next].is_alphanumeric() {
                        doc.keys[next]
                    } else {
                        let from = doc.words[next].start;
                        crate::fxhash::word_key(&text[from..word_ends(text, from).0])
                    }
                });
                (word.end, doc.keys[index], second)
            } else {
                match first_words(text, start) {
                    Some(found) => found,
                    None => continue,
                }
            };
            if first_end - start > self.longest_key || !self.filter.may_start(first_key, second) {
                continue;
            }
            // Entries of two or more words are keyed by their first two,
            // one-word entries by their word.
            let keys = [
                second.map(|s| Filter::pair_key(first_key, s)),
                Some(first_key),
            ];
            let hit = keys.into_iter().flatten().find_map(|key| {
                self.index.get(&key)?.iter().find_map(|&c| {
                    let entry = &self.entries[c as usize];
                    self.matches_at(text, start, entry, lowered)
                        .then_some(entry)
                })
            });
            let Some(entry) = hit else {
                continue;
            };
            let span = Span::new(start, start + entry.phrase.len());
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
            resume = span.end;
        }
    }
}

impl Rule for TorturedPhrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Lowercased only if an entry with a context condition matches.
        let mut lowered = None;
        PhraseList::built_in().find(self, cx.doc, &mut lowered, out);
        if let Some(extra) = &cx.settings.phrases {
            extra.find(self, cx.doc, &mut lowered, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn phrases_are_found_between_any_punctuation_and_not_inside_words() {
        let text = "«counterfeit consciousness», (Counterfeit consciousness) and \
                    xcounterfeit consciousness or counterfeit consciousnessx — é counterfeit consciousness.";
        let found = lint(&TorturedPhrase, text);
        let starts: Vec<usize> = found.iter().map(|d| d.span.start).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(starts[0], text.find("counterfeit").unwrap());
        assert_eq!(found[2].span.text(text), "counterfeit consciousness");
    }

    #[test]
    fn a_phrase_is_found_when_its_last_word_takes_a_possessive() {
        let text =
            "He works in Vice President hedge's campaign and for Counterfeit consciousness's sake.";
        assert_eq!(
            matched(&TorturedPhrase, text),
            vec!["President hedge", "Counterfeit consciousness"]
        );
    }

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
