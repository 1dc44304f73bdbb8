//! Capital letters where a sentence boundary was lost, and names written
//! two ways.

pub mod inconsistent;
pub mod mid_sentence_capital;

/// `Word`: a capital and then only lowercase letters.
pub(crate) fn is_titlecase(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}
