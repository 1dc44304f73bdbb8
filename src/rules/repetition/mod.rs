//! Words, phrases and sentences said twice.

pub mod phrase;
pub mod sentence;
pub mod word;

/// Case-insensitive word equality that does not allocate for ASCII.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    // Most pairs differ in their first letter: decide those at once.
    if let (Some(&p), Some(&q)) = (x.first(), y.first())
        && p.is_ascii()
        && q.is_ascii()
        && !p.eq_ignore_ascii_case(&q)
    {
        return false;
    }
    if x.len() == y.len() && x.eq_ignore_ascii_case(y) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        false
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    }
}
