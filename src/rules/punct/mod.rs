//! Punctuation and the spaces around it.

pub mod doubled;
pub mod missing_space_after;
pub mod space_before;

/// Whether the word around byte `at` looks like a URL, an e-mail address or
/// a path, where punctuation follows its own rules.
pub(crate) fn in_url_or_address(text: &str, at: usize) -> bool {
    let start = crate::document::start_after_last(&text[..at], char::is_whitespace);
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let token = &text[start..end];
    token.contains("://") || token.contains("www.") || token.contains('@') || token.contains('/')
}
