use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Mojibake;

static META: RuleMeta = RuleMeta {
    id: "encoding/mojibake",
    severity: Severity::Warning,
    summary: "UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere upstream",
    doc: r#"## What it does
Finds runs of characters that are UTF-8 bytes read as Windows-1252 or
Latin-1 (`donâ€™t`, `cafÃ©`, `â€œquotedâ€`), including text garbled twice
(`Ã¢â‚¬â„¢`). When encoding the run back through the code page and decoding
it as UTF-8 gives valid text, that text is offered as a fix.

Like ftfy, it leaves short, ambiguous strings alone (`Ã…lesund` could be
right), and real accented words (`café`, `naïve`, `Zürich`, `São Paulo`)
never match.

## Why is this bad?
Every reader sees the garbage, and search and spell checking fail on it.

## Example
```text
She said she donâ€™t know the cafÃ© owner.
```

Use instead:
```text
She said she don’t know the café owner.
```
"#,
    options: &[],
};

/// Windows-1252's characters for the bytes 0x80 to 0x9F that it defines.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The Windows-1252 (or Latin-1) byte that a character came from.
fn code_page_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u <= 0xFF {
        return Some(u as u8);
    }
    CP1252_HIGH.iter().find(|&&(k, _)| k == c).map(|&(_, b)| b)
}

/// The character Windows-1252 shows for a byte (the five bytes it leaves
/// undefined show as the C1 control of the same number, as browsers do).
pub fn code_page_char(b: u8) -> char {
    CP1252_HIGH
        .iter()
        .find(|&&(_, k)| k == b)
        .map_or(char::from(b), |&(c, _)| c)
}

fn is_continuation(c: char) -> bool {
    code_page_byte(c).is_some_and(|b| (0x80..=0xBF).contains(&b))
}

/// One UTF-8 character spelled out in code-page characters.
struct Unit {
    /// Index of the first character in the scanned slice.
    first: usize,
    len: usize,
    decoded: char,
}

/// Finds the garbled units in `chars`, in order.
fn units(chars: &[char]) -> Vec<Unit> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let lead = chars[k] as u32;
        let n = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                k += 1;
                continue;
            }
        };
        let mut bytes = vec![lead as u8];
        for &c in chars.iter().skip(k + 1).take(n - 1) {
            match code_page_byte(c) {
                Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                _ => break,
            }
        }
        if bytes.len() == n
            && let Some(decoded) = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| s.chars().next())
        {
            found.push(Unit {
                first: k,
                len: n,
                decoded,
            });
            k += n;
            continue;
        }
        // `â€` with its last byte (0x9D, undefined in Windows-1252) lost: a closing ”.
        if bytes == [0xE2, 0x80] && !chars.get(k + 2).copied().is_some_and(is_continuation) {
            found.push(Unit {
                first: k,
                len: 2,
                decoded: '”',
            });
            k += 2;
            continue;
        }
        k += 1;
    }
    found
}

/// Repairs a run of code-page characters, undoing up to three rounds of
/// garbling. `None` when nothing decodes.
fn repair(run: &str) -> String {
    let mut text = run.to_owned();
    for _ in 0..3 {
        let chars: Vec<char> = text.chars().collect();
        let found = units(&chars);
        if found.is_empty() {
            break;
        }
        let mut out = String::new();
        let mut k = 0;
        for unit in &found {
            out.extend(&chars[k..unit.first]);
            out.push(unit.decoded);
            k = unit.first + unit.len;
        }
        out.extend(&chars[k..]);
        text = out;
    }
    text
}

/// Whether a run of units is clear evidence, not a short ambiguous string.
fn is_convincing(run: &[&Unit], chars: &[char]) -> bool {
    if run.len() >= 2 {
        return true;
    }
    let unit = run[0];
    let lead = chars[unit.first];
    let decoded = unit.decoded as u32;
    match unit.len {
        // `â€™`, `â€œ`, `â„¢`: punctuation and symbols, the commonest case.
        3 => lead == 'â' && (0x2000..=0x2BFF).contains(&decoded),
        2 if lead == 'â' => unit.decoded == '”',
        2 if lead == 'Ã' || lead == 'Â' => {
            let after_letter = unit.first > 0 && chars[unit.first - 1].is_alphabetic();
            let lowercase = unit.decoded.is_lowercase();
            let symbol = lead == 'Â' && !unit.decoded.is_alphanumeric();
            (0xA0..=0xFF).contains(&decoded) && (after_letter || lowercase || symbol)
        }
        _ => false,
    }
}

impl Rule for Mojibake {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        // Every garbled run starts with a lead character from Â to ô, all
        // of which are written with the byte C3 in UTF-8: a vectorised
        // search for that byte rules out most texts and paragraphs.
        if memchr::memchr(0xC3, text.as_bytes()).is_none() {
            return;
        }
        for paragraph in &cx.doc.paragraphs {
            // Pieces of at most about 16 KB, cut after an ASCII space or
            // line break: no garbled run holds one (they are made of bytes
            // from 0x80 up), and the space before a piece is not a letter,
            // as a piece's start is not either. A megabyte-long line costs
            // a piece's worth of memory, not twenty times its size.
            let mut from = paragraph.span.start;
            while from < paragraph.span.end {
                let target = crate::document::floor_boundary(text, from + PIECE_BYTES);
                let to = if target >= paragraph.span.end {
                    paragraph.span.end
                } else {
                    memchr::memchr2(b' ', b'\n', &text.as_bytes()[target..paragraph.span.end])
                        .map_or(paragraph.span.end, |k| target + k + 1)
                };
                self.check_piece(text, Span::new(from, to), out);
                from = to;
            }
        }
    }
}

/// The most bytes of a paragraph that mojibake decodes at once.
const PIECE_BYTES: usize = 16 << 10;

impl Mojibake {
    fn check_piece(&self, text: &str, piece: Span, out: &mut Vec<Diagnostic>) {
        let is_lead = |c: char| ('\u{C2}'..='\u{F4}').contains(&c);
        let body = piece.text(text);
        if memchr::memchr(0xC3, body.as_bytes()).is_none() || !body.chars().any(is_lead) {
            return;
        }
        let indexed: Vec<(usize, char)> = body.char_indices().collect();
        let chars: Vec<char> = indexed.iter().map(|&(_, c)| c).collect();
        let found = units(&chars);
        let mut i = 0;
        while i < found.len() {
            let mut j = i + 1;
            while j < found.len() && found[j].first == found[j - 1].first + found[j - 1].len {
                j += 1;
            }
            let run: Vec<&Unit> = found[i..j].iter().collect();
            i = j;
            if !is_convincing(&run, &chars) {
                continue;
            }
            let first = run[0].first;
            let last = run[run.len() - 1];
            let end_index = last.first + last.len;
            let start = piece.start + indexed[first].0;
            let end = piece.start + indexed.get(end_index).map_or(body.len(), |&(b, _)| b);
            let span = Span::new(start, end);
            let garbled = span.text(text);
            let repaired = repair(garbled);
            out.push(
                self.diagnostic(
                    span,
                    format!("mojibake: \"{garbled}\" is UTF-8 read as Windows-1252; it was probably \"{repaired}\""),
                )
                .with_fix(span, repaired, true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn a_paragraph_longer_than_a_piece_is_decoded_whole() {
        // Pieces are cut after spaces: every run is found once, wherever
        // the cuts fall.
        let sentence = "We didnâ€™t see the rÃ©sumÃ© at all. ";
        let text = sentence.repeat(2_000);
        assert!(text.len() > 4 * PIECE_BYTES);
        let found = lint(&Mojibake, &text);
        assert_eq!(lint(&Mojibake, sentence).len(), 3);
        assert_eq!(found.len(), 3 * 2_000);
        assert!(
            found
                .iter()
                .all(|d| matches!(d.span.text(&text), "â€™" | "Ã©"))
        );
    }

    fn fixes(text: &str) -> Vec<(String, String)> {
        lint(&Mojibake, text)
            .into_iter()
            .map(|d| {
                (
                    text[d.span.start..d.span.end].to_owned(),
                    d.fix.unwrap().replacement,
                )
            })
            .collect()
    }

    #[test]
    fn apostrophe_mojibake_is_repaired() {
        assert_eq!(
            fixes("I donâ€™t know."),
            vec![("â€™".to_owned(), "’".to_owned())]
        );
    }

    #[test]
    fn accented_letter_mojibake_is_repaired() {
        assert_eq!(
            fixes("The cafÃ© opened."),
            vec![("Ã©".to_owned(), "é".to_owned())]
        );
    }

    #[test]
    fn quotes_with_a_lost_last_byte_are_repaired() {
        let found = fixes("He said â€œquotedâ€ today.");
        assert_eq!(
            found,
            vec![
                ("â€œ".to_owned(), "“".to_owned()),
                ("â€".to_owned(), "”".to_owned())
            ]
        );
    }

    #[test]
    fn double_mojibake_is_undone_twice() {
        assert_eq!(
            fixes("It isnÃ¢â‚¬â„¢t."),
            vec![("Ã¢â‚¬â„¢".to_owned(), "’".to_owned())]
        );
    }

    #[test]
    fn cyrillic_mojibake_run_is_repaired() {
        assert_eq!(
            fixes("Title: ÐŸÑ€Ð¸Ð²ÐµÑ‚ here."),
            vec![("ÐŸÑ€Ð¸Ð²ÐµÑ‚".to_owned(), "Привет".to_owned())]
        );
    }

    #[test]
    fn real_accents_and_ambiguous_short_strings_are_fine() {
        assert_no_lints(
            &Mojibake,
            "The café in São Paulo, a naïve man from Zürich, and “CAFÉ” signs.",
        );
        assert_no_lints(&Mojibake, "They sailed to Ã…lesund.");
    }
}
