use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
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

/// A list of tortured phrases, indexed by their first word.
#[derive(Debug)]
pub struct PhraseList {
    entries: Vec<Entry>,
    /// First word (lowercase) → entries that start with it, longest first.
    index: HashMap<Box<[u8]>, Vec<u32>, crate::fxhash::BuildFx>,
    /// The longest first word, in bytes: longer words are not looked up.
    longest_key: usize,
    /// The first words of the entries, hashed: most words of a text are
    /// turned away here, before a map lookup.
    filter: Vec<u64>,
}

/// Bits in `PhraseList::filter`: with a few thousand first words, about
/// one word in a hundred that starts no entry gets past it.
const FILTER_BITS: usize = 1 << 18;

fn fx_step(hash: u64, byte: u8) -> u64 {
    crate::fxhash::step(hash, u64::from(byte))
}

fn slot_of_hash(hash: u64) -> usize {
    (hash >> 40) as usize % FILTER_BITS
}

/// A word's slot in `PhraseList::filter`: a hash of its lowercase bytes.
fn filter_slot(word: &[u8]) -> usize {
    slot_of_hash(
        word.iter()
            .fold(0, |h, &b| fx_step(h, b.to_ascii_lowercase())),
    )
}

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

/// An entry's key: its first two words with what stands between them, or
/// its one word. Long lists under one first word (`the ...`) are split.
fn key_of(phrase: &str) -> &str {
    match word_ends(phrase, 0) {
        (_, Some(second)) => &phrase[..second],
        (first, None) => &phrase[..first],
    }
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
        let mut index: HashMap<Box<[u8]>, Vec<u32>, crate::fxhash::BuildFx> = HashMap::default();
        for (i, entry) in entries.iter().enumerate() {
            let key = key_of(&entry.phrase).as_bytes();
            if !key.is_empty() {
                index.entry(key.into()).or_default().push(i as u32);
            }
        }
        for list in index.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(entries[i as usize].phrase.len()));
        }
        let longest_key = index
            .keys()
            .map(|k| word_ends(std::str::from_utf8(k).unwrap_or(""), 0).0)
            .max()
            .unwrap_or(0);
        // A bitset (32 KB) rather than a `Vec<bool>` (256 KB): it stays in
        // cache, and this lookup runs for every word of every text.
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for key in index.keys() {
            let first = word_ends(std::str::from_utf8(key).unwrap_or(""), 0).0;
            let slot = filter_slot(&key[..first]);
            filter[slot / 64] |= 1 << (slot % 64);
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
    /// ignoring ASCII case. One or two hash lookups per word of the text,
    /// after a table lookup that turns most words away.
    fn find(
        &self,
        rule: &TorturedPhrase,
        text: &str,
        lowered: &mut Option<String>,
        out: &mut Vec<Diagnostic>,
    ) {
        let bytes = text.as_bytes();
        let mut key = [0u8; 128];
        let mut at = 0;
        let mut resume = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let (len, letter) = step(text, at);
            if !letter {
                at += len;
                continue;
            }
            let start = at;
            // The first word, hashed for the filter as it is scanned.
            let mut hash: u64 = 0;
            while at < bytes.len() {
                let b = bytes[at];
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    hash = fx_step(hash, b.to_ascii_lowercase());
                    at += 1;
                } else {
                    let (len, letter) = step(text, at);
                    if !letter {
                        break;
                    }
                    for &b in &bytes[at..at + len] {
                        hash = fx_step(hash, b);
                    }
                    at += len;
                }
            }
            let first_end = at;
            if start < resume
                || first_end - start > self.longest_key
                || self.filter[slot_of_hash(hash) / 64] & (1 << (slot_of_hash(hash) % 64)) == 0
            {
                continue;
            }
            let second_end = word_ends(text, start).1;
            // Entries of two or more words are keyed by their first two,
            // one-word entries by their word.
            let mut hit = None;
            for end in [second_end, Some(first_end)].into_iter().flatten() {
                let key_bytes = &bytes[start..end];
                if key_bytes.len() > key.len() {
                    continue;
                }
                for (k, &b) in key.iter_mut().zip(key_bytes) {
                    *k = b.to_ascii_lowercase();
                }
                if let Some(candidates) = self.index.get(&key[..key_bytes.len()]) {
                    hit = candidates
                        .iter()
                        .map(|&c| &self.entries[c as usize])
                        .find(|entry| self.matches_at(text, start, entry, lowered));
                    if hit.is_some() {
                        break;
                    }
                }
            }
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
        let text = cx.doc.text;
        // Lowercased only if an entry with a context condition matches.
        let mut lowered = None;
        PhraseList::built_in().find(self, text, &mut lowered, out);
        if let Some(extra) = &cx.settings.phrases {
            extra.find(self, text, &mut lowered, out);
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
