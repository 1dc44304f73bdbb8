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
