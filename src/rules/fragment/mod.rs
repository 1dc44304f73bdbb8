//! Sentences broken by translation: cut off, split, or left without a verb.

pub mod dangling_start;
pub mod lowercase_start;
pub mod truncated;
pub mod verbless;

use crate::document::{BlockKind, Document, Sentence};

/// Whether a sentence is ordinary prose, ending in a full stop, outside
/// quoted speech: the only place where the shape rules judge a sentence.
pub(crate) fn is_plain_statement(sentence: &Sentence) -> bool {
    sentence.kind == BlockKind::Prose && !sentence.quoted && sentence.terminator == Some('.')
}

/// Words of a sentence that hold a letter.
pub(crate) fn lettered_words<'t>(doc: &Document<'t>, sentence: &Sentence) -> Vec<&'t str> {
    sentence
        .words
        .clone()
        .filter(|&k| doc.flags[k].has_letter())
        .map(|k| doc.word(k))
        .collect()
}

/// The fewest words of a statement whose end a short sentence after it
/// may be.
pub(crate) const SPLIT_FROM_WORDS: usize = 6;

/// Whether the sentence at `index` follows a statement long enough to have
/// lost its end: in the same paragraph, after a full stop. A statement
/// that ends on a lone letter ended on an initial (`subspecies of d.
/// Sibethanus`).
pub(crate) fn follows_long_statement(doc: &Document, index: usize) -> bool {
    follows_statement(doc, index, false)
}

/// `follows_long_statement`, where the statement before may also be
/// quoted speech when `quoted` is true.
pub(crate) fn follows_statement(doc: &Document, index: usize, quoted: bool) -> bool {
    let sentence = &doc.sentences[index];
    let Some(before) = index.checked_sub(1).map(|i| &doc.sentences[i]) else {
        return false;
    };
    sentence.start == crate::document::SentenceStart::AfterStop
        && before.paragraph == sentence.paragraph
        && before.kind == crate::document::BlockKind::Prose
        && before.terminator == Some('.')
        && (quoted || !before.quoted)
        && before.words.len() >= SPLIT_FROM_WORDS
        && doc.word(before.words.end - 1).chars().nth(1).is_some()
}

/// Whether a text holds a comma that parts clauses or phrases, not one
/// that groups the digits of a number (`1,500`).
pub(crate) fn has_phrase_comma(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b','
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

#[cfg(test)]
mod tests {
    use super::has_phrase_comma;

    #[test]
    fn commas_in_numbers_part_nothing() {
        assert!(!has_phrase_comma("Of 1,500 lives."));
        assert!(has_phrase_comma("Loud music, mostly."));
        assert!(has_phrase_comma("In 1986, he said."));
        assert!(has_phrase_comma("Up 5,"));
    }
}
