//! Words, phrases and sentences said twice.

pub mod phrase;
pub mod sentence;
pub mod word;

/// Case-insensitive word equality that does not allocate for ASCII.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    }
}
