//! Maps byte offsets in a text to 1-based lines and columns.
//!
//! Columns count Unicode scalar values (what `char` iterates), and a UTF-16
//! column is offered for editors. `\n`, `\r\n` and a lone `\r` all end a line.

/// A position in a text: 1-based line, 1-based columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// 1-based column in UTF-16 code units.
    pub utf16_column: usize,
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts. The first entry is always 0.
    line_starts: Vec<usize>,
    /// Every `CHECKPOINT` bytes inside long lines: the offset and the 0-based
    /// scalar and UTF-16 columns there, so that a position on a 200 MB line
    /// costs a short count, not a scan from the line's start.
    checkpoints: Vec<Checkpoint>,
}

#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    offset: usize,
    column: usize,
    utf16: usize,
}

const CHECKPOINT: usize = 4096;

/// Checkpoints every `CHECKPOINT` bytes along one long line.
fn add_checkpoints(bytes: &[u8], line: std::ops::Range<usize>, out: &mut Vec<Checkpoint>) {
    let (mut column, mut utf16) = (0, 0);
    let mut next_checkpoint = line.start + CHECKPOINT;
    for (i, &b) in bytes[line.clone()].iter().enumerate() {
        let i = line.start + i;
        if is_continuation(b) {
            continue;
        }
        if i >= next_checkpoint {
            out.push(Checkpoint {
                offset: i,
                column,
                utf16,
            });
            next_checkpoint = i + CHECKPOINT;
        }
        column += 1;
        utf16 += if b >= 0xF0 { 2 } else { 1 };
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::new();
        // Line breaks are found by a vectorised search; only lines longer
        // than a checkpoint interval are walked character by character.
        let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
        let mut start = 0;
        loop {
            let (end, next_start) = match breaks.next() {
                Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => {
                    breaks.next();
                    (i, Some(i + 2))
                }
                Some(i) => (i, Some(i + 1)),
                None => (bytes.len(), None),
            };
            if end - start > CHECKPOINT {
                add_checkpoints(bytes, start..end, &mut checkpoints);
            }
            let Some(next_start) = next_start else {
                break;
            };
            line_starts.push(next_start);
            start = next_start;
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line that holds `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of a 0-based line, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The position of a byte offset. Offsets inside a character are moved
    /// back to its first byte; offsets past the end map to the end.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let line_start = self.line_starts[line];
        let k = self.checkpoints.partition_point(|c| c.offset <= offset);
        let base = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some(checkpoint) if checkpoint.offset >= line_start => checkpoint,
            _ => Checkpoint {
                offset: line_start,
                column: 0,
                utf16: 0,
            },
        };
        let prefix = &text[base.offset..offset];
        let (column, utf16) = if prefix.is_ascii() {
            (prefix.len(), prefix.len())
        } else {
            prefix
                .chars()
                .fold((0, 0), |(c, u), ch| (c + 1, u + ch.len_utf16()))
        };
        Position {
            line: line + 1,
            column: base.column + column + 1,
            utf16_column: base.utf16 + utf16 + 1,
        }
    }

    /// The byte offset of a 0-based line and 0-based UTF-16 column, clamped
    /// to the line. Editors send positions this way.
    pub fn offset_of_utf16(&self, text: &str, line: usize, utf16_column: usize) -> usize {
        if line >= self.line_starts.len() {
            return text.len();
        }
        let span = self.line_span(text, line);
        let mut units = 0;
        for (i, ch) in text[span.clone()].char_indices() {
            if units >= utf16_column {
                return span.start + i;
            }
            units += ch.len_utf16();
        }
        span.end
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, offset: usize) -> (usize, usize, usize) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column, p.utf16_column)
    }

    #[test]
    fn first_byte_is_line_one_column_one() {
        assert_eq!(pos("abc", 0), (1, 1, 1));
    }

    #[test]
    fn lf_crlf_and_lone_cr_all_end_lines() {
        let text = "a\nb\r\nc\rd";
        assert_eq!(pos(text, 2), (2, 1, 1));
        assert_eq!(pos(text, 5), (3, 1, 1));
        assert_eq!(pos(text, 7), (4, 1, 1));
        assert_eq!(LineIndex::new(text).line_count(), 4);
    }

    #[test]
    fn crlf_is_one_line_break_not_two() {
        let text = "one\r\ntwo";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 2);
        assert_eq!(index.line_span(text, 0), 0..3);
    }

    #[test]
    fn columns_count_scalar_values_and_utf16_units() {
        // "é" is 2 bytes, 1 scalar, 1 UTF-16 unit; "😀" is 4 bytes, 1 scalar, 2 units.
        let text = "é😀x";
        assert_eq!(pos(text, 2), (1, 2, 2));
        assert_eq!(pos(text, 6), (1, 3, 4));
    }

    #[test]
    fn combining_mark_is_its_own_column() {
        // "e" + U+0301 COMBINING ACUTE ACCENT, then "x".
        let text = "e\u{301}x";
        assert_eq!(pos(text, 3), (1, 3, 3));
    }

    #[test]
    fn tab_counts_as_one_column() {
        assert_eq!(pos("\tx", 1), (1, 2, 2));
    }

    #[test]
    fn offset_inside_a_character_moves_back() {
        assert_eq!(pos("é", 1), (1, 1, 1));
    }

    /// The position of `offset` counted the slow way, from the text's start.
    fn plain_position(text: &str, offset: usize) -> (usize, usize, usize) {
        let before = &text[..offset];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |k| k + 1);
        // `\r\n` is one break, counted at its `\n`.
        let line = before.matches('\n').count() + before.matches('\r').count()
            - before.matches("\r\n").count()
            + 1;
        let prefix = &text[line_start..offset];
        (
            line,
            prefix.chars().count() + 1,
            prefix.encode_utf16().count() + 1,
        )
    }

    fn assert_positions_agree(text: &str, offsets: impl Iterator<Item = usize>) {
        let index = LineIndex::new(text);
        for offset in offsets.filter(|&o| text.is_char_boundary(o)) {
            let p = index.position(text, offset);
            assert_eq!(
                (p.line, p.column, p.utf16_column),
                plain_position(text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn positions_on_a_long_line_agree_with_a_plain_count() {
        let text = format!("ab\n{}", "é😀x ".repeat(5000));
        assert_positions_agree(&text, (3..text.len()).step_by(997));
    }

    #[test]
    fn several_long_lines_with_mixed_breaks_agree_with_a_plain_count() {
        let long = "é😀x ".repeat(3000);
        let text = format!("{long}\r\nshort\r{long}\n\n{long}x");
        assert_positions_agree(&text, (0..text.len()).step_by(331));
    }

    #[test]
    fn utf16_offsets_round_trip() {
        let text = "a😀b\nxé";
        let index = LineIndex::new(text);
        assert_eq!(index.offset_of_utf16(text, 0, 3), 5);
        assert_eq!(index.offset_of_utf16(text, 1, 1), 8);
        assert_eq!(index.offset_of_utf16(text, 1, 99), text.len());
        assert_eq!(index.offset_of_utf16(text, 9, 0), text.len());
    }
}
