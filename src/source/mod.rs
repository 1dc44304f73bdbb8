//! Turning bytes into text that rules can read.
//!
//! A `Source` is the decoded text of one input plus what is needed to map a
//! byte offset in that text back to the file: the length of a stripped BOM and
//! the places where invalid UTF-8 was replaced by U+FFFD.

pub mod html;
pub mod markdown;

use crate::document::Span;

use std::fmt;

/// How a file's text is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Markdown,
    Html,
}

impl SourceKind {
    /// The kind a path's extension implies.
    pub fn from_path(path: &str) -> SourceKind {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            SourceKind::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            SourceKind::Html
        } else {
            SourceKind::Text
        }
    }
}

/// The prose of a marked-up file, the text rules read.
#[derive(Debug, Clone)]
pub struct Prose {
    pub text: String,
    /// Offsets (in `text`) where a block ends, sorted.
    pub breaks: Vec<usize>,
    /// Where prose offsets and file offsets part (after each decoded
    /// entity): (offset in `text`, offset in the file text). Empty when the
    /// two are the same, as for Markdown.
    pub map: Vec<(usize, usize)>,
    /// Stretches of `text` where words were blanked out (inline code, URLs).
    pub hidden: Vec<Span>,
}

/// One stretch of invalid UTF-8 that the decode replaced with U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replacement {
    /// Offset of the U+FFFD in the decoded text.
    pub text_offset: usize,
    /// Offset of the first invalid byte in the file.
    pub file_offset: usize,
    /// How many file bytes the U+FFFD stands for.
    pub invalid_len: usize,
    /// The first invalid byte, for the message.
    pub first_byte: u8,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub kind: SourceKind,
    /// The text as read (BOM stripped), for positions and snippets.
    pub text: String,
    /// For Markdown: the text with everything but prose blanked out, same
    /// length, and the offsets where blocks end.
    prose: Option<Prose>,
    bom_len: usize,
    replacements: Vec<Replacement>,
}

/// Why an input was not linted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Looks binary: skipped, not an error.
    Binary,
    /// An encoding mtlint does not read; an error.
    Utf16 { big_endian: bool },
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Binary => {
                write!(f, "skipped: looks like a binary file (contains NUL bytes)")
            }
            Unreadable::Utf16 { big_endian } => write!(
                f,
                "file is UTF-16 ({} byte order mark); mtlint reads UTF-8, so convert it first (iconv -f UTF-16 -t UTF-8)",
                if *big_endian {
                    "big-endian"
                } else {
                    "little-endian"
                }
            ),
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl Source {
    /// Decodes a file's bytes. Invalid UTF-8 does not fail: each invalid
    /// stretch becomes one U+FFFD and is recorded, so that the rest can
    /// still be linted and positions still point into the file.
    pub fn from_bytes(path: &str, kind: SourceKind, bytes: &[u8]) -> Result<Source, Unreadable> {
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return Err(Unreadable::Utf16 {
                big_endian: bytes[0] == 0xFE,
            });
        }
        if bytes.contains(&0) {
            return Err(Unreadable::Binary);
        }
        let bom_len = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
        let body = &bytes[bom_len..];
        let (text, replacements) = match std::str::from_utf8(body) {
            Ok(text) => (text.to_owned(), Vec::new()),
            Err(_) => decode_lossy(body, bom_len),
        };
        Ok(Source::new(path, kind, text, bom_len, replacements))
    }

    /// As `from_bytes`, but takes the bytes and, when they are valid UTF-8,
    /// keeps them as the text without a copy: a big file is in memory once.
    pub fn from_vec(
        path: &str,
        kind: SourceKind,
        mut bytes: Vec<u8>,
    ) -> Result<Source, Unreadable> {
        let bom_len = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || bytes.contains(&0) {
            return Source::from_bytes(path, kind, &bytes);
        }
        if std::str::from_utf8(&bytes[bom_len..]).is_err() {
            return Source::from_bytes(path, kind, &bytes);
        }
        bytes.drain(..bom_len);
        let text = String::from_utf8(bytes).unwrap_or_default();
        Ok(Source::new(path, kind, text, bom_len, Vec::new()))
    }

    /// The plain-text stretch `start..end` of this source (both on character
    /// boundaries) as a source of its own, with the decode replacements that
    /// fall inside it. Offsets in the window plus `start` are offsets here.
    pub fn window(&self, start: usize, end: usize) -> Source {
        let from = self.replacements.partition_point(|r| r.text_offset < start);
        let to = self.replacements.partition_point(|r| r.text_offset < end);
        let replacements = self.replacements[from..to]
            .iter()
            .map(|r| Replacement {
                text_offset: r.text_offset - start,
                ..*r
            })
            .collect();
        Source::new(
            &self.path,
            SourceKind::Text,
            self.text[start..end].to_owned(),
            0,
            replacements,
        )
    }

    /// A source that takes a string already in memory, without a copy.
    pub fn from_string(path: &str, kind: SourceKind, text: String) -> Source {
        Source::new(path, kind, text, 0, Vec::new())
    }

    /// A source made from text already in memory (tests, the language server).
    pub fn from_text(path: &str, kind: SourceKind, text: &str) -> Source {
        Source::new(path, kind, text.to_owned(), 0, Vec::new())
    }

    fn new(
        path: &str,
        kind: SourceKind,
        text: String,
        bom_len: usize,
        replacements: Vec<Replacement>,
    ) -> Source {
        let prose = match kind {
            SourceKind::Text => None,
            SourceKind::Markdown => Some(markdown::prose(&text)),
            SourceKind::Html => Some(html::prose(&text)),
        };
        Source {
            path: path.to_owned(),
            kind,
            text,
            prose,
            bom_len,
            replacements,
        }
    }

    /// The text rules read: for Markdown only the prose, at the same offsets.
    pub fn prose_text(&self) -> &str {
        self.prose.as_ref().map_or(&self.text, |p| &p.text)
    }

    /// The offset in `text` of an offset in the prose text.
    pub fn source_offset(&self, prose_offset: usize) -> usize {
        let Some(prose) = &self.prose else {
            return prose_offset;
        };
        let k = prose.map.partition_point(|&(p, _)| p <= prose_offset);
        let offset = match k.checked_sub(1).map(|k| prose.map[k]) {
            Some((p, s)) => s + (prose_offset - p),
            None => prose_offset,
        };
        crate::document::floor_boundary(&self.text, offset)
    }

    /// The offset in the prose text of an offset in `text` (the inverse of
    /// `source_offset`).
    pub fn prose_offset(&self, source_offset: usize) -> usize {
        let Some(prose) = &self.prose else {
            return source_offset;
        };
        let k = prose.map.partition_point(|&(_, s)| s <= source_offset);
        let offset = match k.checked_sub(1).map(|k| prose.map[k]) {
            Some((p, s)) => p + (source_offset - s),
            None => source_offset,
        };
        crate::document::floor_boundary(&prose.text, offset)
    }

    /// A prose span as a span of `text`.
    pub fn source_span(&self, span: Span) -> Span {
        Span::new(
            self.source_offset(span.start),
            self.source_offset(span.end)
                .max(self.source_offset(span.start)),
        )
    }

    /// Whether words were blanked out inside a prose span.
    pub fn hides_words(&self, span: Span) -> bool {
        self.prose.as_ref().is_some_and(|p| {
            p.hidden
                .iter()
                .any(|h| h.start < span.end && span.start < h.end.max(h.start + 1))
        })
    }

    /// Offsets where a block ends (Markdown headings, items, cells, ...).
    pub fn block_breaks(&self) -> &[usize] {
        self.prose.as_ref().map_or(&[], |p| &p.breaks)
    }

    pub fn bom_len(&self) -> usize {
        self.bom_len
    }

    pub fn replacements(&self) -> &[Replacement] {
        &self.replacements
    }

    /// Whether the U+FFFD at `text_offset` was put there by the decode
    /// (and so is reported as invalid UTF-8, not as a replacement character).
    pub fn is_decode_replacement(&self, text_offset: usize) -> bool {
        self.replacements
            .binary_search_by_key(&text_offset, |r| r.text_offset)
            .is_ok()
    }

    /// Maps an offset in `text` to an offset in the file as read.
    pub fn file_offset(&self, text_offset: usize) -> usize {
        let before = self
            .replacements
            .partition_point(|r| r.text_offset < text_offset);
        let mut shift = 0isize;
        for r in &self.replacements[..before] {
            shift += r.invalid_len as isize - '\u{FFFD}'.len_utf8() as isize;
        }
        (self.bom_len as isize + text_offset as isize + shift) as usize
    }
}

fn decode_lossy(mut body: &[u8], bom_len: usize) -> (String, Vec<Replacement>) {
    let mut text = String::with_capacity(body.len() + 16);
    let mut replacements = Vec::new();
    let mut file_offset = bom_len;
    loop {
        match std::str::from_utf8(body) {
            Ok(rest) => {
                text.push_str(rest);
                break;
            }
            Err(error) => {
                let valid = error.valid_up_to();
                // Safe: `valid_up_to` marks the end of a valid prefix.
                text.push_str(std::str::from_utf8(&body[..valid]).unwrap_or_default());
                let invalid_len = error.error_len().unwrap_or(body.len() - valid);
                replacements.push(Replacement {
                    text_offset: text.len(),
                    file_offset: file_offset + valid,
                    invalid_len,
                    first_byte: body[valid],
                });
                text.push('\u{FFFD}');
                file_offset += valid + invalid_len;
                body = &body[valid + invalid_len..];
            }
        }
    }
    (text, replacements)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(bytes: &[u8]) -> Source {
        Source::from_bytes("t.txt", SourceKind::Text, bytes).unwrap()
    }

    #[test]
    fn bom_is_stripped_but_file_offsets_count_it() {
        let s = source(b"\xEF\xBB\xBFHello");
        assert_eq!(s.text, "Hello");
        assert_eq!(s.file_offset(0), 3);
    }

    #[test]
    fn invalid_byte_becomes_one_replacement_and_offsets_stay_true() {
        // 0xE9 is Latin-1 "é": one invalid byte, replaced by a 3-byte U+FFFD.
        let s = source(b"caf\xE9 ok");
        assert_eq!(s.text, "caf\u{FFFD} ok");
        assert_eq!(s.replacements().len(), 1);
        assert_eq!(s.replacements()[0].file_offset, 3);
        assert_eq!(s.replacements()[0].first_byte, 0xE9);
        // "o" is at text offset 7 and at file offset 5.
        assert_eq!(s.file_offset(7), 5);
        assert!(s.is_decode_replacement(3));
    }

    #[test]
    fn truncated_sequence_at_end_is_recorded() {
        let s = source(b"ab\xE2\x80");
        assert_eq!(s.text, "ab\u{FFFD}");
        assert_eq!(s.replacements()[0].invalid_len, 2);
    }

    #[test]
    fn nul_byte_means_binary() {
        let r = Source::from_bytes("b.txt", SourceKind::Text, b"ab\0cd");
        assert_eq!(r.unwrap_err(), Unreadable::Binary);
    }

    #[test]
    fn utf16_bom_is_named_not_decoded_as_garbage() {
        let r = Source::from_bytes("u.txt", SourceKind::Text, b"\xFF\xFEh\0i\0");
        assert_eq!(r.unwrap_err(), Unreadable::Utf16 { big_endian: false });
    }

    #[test]
    fn markdown_kind_comes_from_extension() {
        assert_eq!(SourceKind::from_path("a/B.MD"), SourceKind::Markdown);
        assert_eq!(SourceKind::from_path("a/b.txt"), SourceKind::Text);
    }
}
