//! Word segmentation.
//!
//! ASCII paragraphs, the common case, take a hand-written path that gives the
//! same words as UAX #29 for ASCII text; everything else goes through
//! `unicode-segmentation`. Inner `.` and `'` between letters or digits stay
//! inside a word (`U.S`, `can't`, `3.5`, `example.com`), as UAX #29 has it,
//! and so do `,` between digits (`3,000`).

use super::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Appends the words of `text[range]` to `out`, with spans into `text`.
/// `ascii` says whether the range is all ASCII.
pub fn words(text: &str, range: Span, ascii: bool, out: &mut Vec<Span>) {
    let slice = &text[range.start..range.end];
    if ascii {
        ascii_words(slice.as_bytes(), range.start, out);
    } else {
        for (offset, word) in slice.unicode_word_indices() {
            let start = range.start + offset;
            out.push(Span::new(start, start + word.len()));
        }
    }
}

fn ascii_words(bytes: &[u8], base: usize, out: &mut Vec<Span>) {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < n {
            let b = bytes[i];
            if is_word_byte(b) {
                i += 1;
                continue;
            }
            // A separator joins two word characters only in the cases UAX #29 names.
            let (Some(&before), Some(&after)) = (bytes.get(i - 1), bytes.get(i + 1)) else {
                break;
            };
            let joins = match b {
                b'.' | b'\'' => {
                    (before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
                        || (before.is_ascii_digit() && after.is_ascii_digit())
                }
                b',' | b';' => before.is_ascii_digit() && after.is_ascii_digit(),
                b':' => before.is_ascii_alphabetic() && after.is_ascii_alphabetic(),
                _ => false,
            };
            if joins {
                i += 2;
            } else {
                break;
            }
        }
        out.push(Span::new(base + start, base + i));
    }
}

/// Letters, digits and `_`: one table lookup per byte of the text.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        words(text, Span::new(0, text.len()), text.is_ascii(), &mut spans);
        spans.iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn uax29(text: &str) -> Vec<&str> {
        text.unicode_words().collect()
    }

    #[test]
    fn ascii_path_agrees_with_uax29() {
        for text in [
            "The U.S. economy grew 3.5 pct in 2019, to 3,000 dlrs.",
            "It can't be e.g. done at 9 a.m. on example.com today.",
            "word.Next and word,next; co-operate (yes) snake_case x1",
            "'quoted' \"double\" -- 5\" screen, 3'6\" tall",
        ] {
            assert_eq!(split(text), uax29(text), "{text}");
        }
    }

    #[test]
    fn non_ascii_text_uses_uax29() {
        assert_eq!(
            split("Russia’s café, naïve"),
            vec!["Russia’s", "café", "naïve"]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "ab cd";
        let mut spans = Vec::new();
        words(text, Span::new(3, 5), true, &mut spans);
        assert_eq!(spans, vec![Span::new(3, 5)]);
    }
}
