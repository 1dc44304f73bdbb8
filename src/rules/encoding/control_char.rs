use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ControlChar;

static META: RuleMeta = RuleMeta {
    id: "encoding/control-char",
    severity: Severity::Warning,
    summary: "Control characters, zero-width characters inside words, and bidirectional overrides",
    doc: r#"## What it does
Finds C0 and C1 control characters other than tab and line breaks, zero-width
characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) inside a word, and the
bidirectional overrides and isolates U+202A to U+202E and U+2066 to U+2069
(the "Trojan Source" characters), which are reported as errors. A zero-width
joiner inside an emoji sequence is fine.

## Why is this bad?
Invisible characters break search, spell checking and copy and paste, and
bidirectional controls can make text display in an order different from the
one it is stored in, which hides what it really says.

## Example
```text
The minis\u{200B}ter said so.   (a zero-width space inside "minister")
```

Use instead:
```text
The minister said so.
```
"#,
    options: &[],
};

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

impl Rule for ControlChar {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        // Only characters outside printable ASCII can be what we look for,
        // and their first bytes are among the document's marks.
        for &i in &cx.doc.marks {
            let b = text.as_bytes()[i];
            if b.is_ascii_punctuation() {
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                continue;
            };
            if !(c.is_control() || is_bidi_control(c) || is_zero_width(c)) {
                continue; // curly quotes, dashes, letters: the common case
            }
            let before = text[..i].chars().next_back();
            let next = text[i + c.len_utf8()..].chars().next();
            let span = Span::new(i, i + c.len_utf8());
            let code = format!("U+{:04X}", c as u32);
            if is_bidi_control(c) {
                out.push(
                    Diagnostic::new(
                        META.id,
                        Severity::Error,
                        span,
                        format!("bidirectional control character {code} can make the text display differently from how it reads"),
                    )
                    .with_fix(span, "", false),
                );
            } else if c.is_control() && c != '\u{FFFD}' {
                out.push(
                    self.diagnostic(span, format!("control character {code} in the text"))
                        .with_fix(span, "", true),
                );
            } else if is_zero_width(c)
                && before.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric)
            {
                out.push(
                    self.diagnostic(span, format!("zero-width character {code} inside a word"))
                        .with_fix(span, "", true),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn zero_width_space_inside_a_word_is_reported_with_a_fix() {
        let found = lint(&ControlChar, "The minis\u{200B}ter spoke.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, Span::new(9, 12));
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "");
    }

    #[test]
    fn bidi_override_is_an_error() {
        let found = lint(&ControlChar, "Pay \u{202E}0001\u{202C} now.");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| d.severity == Severity::Error));
    }

    #[test]
    fn c0_and_c1_controls_are_reported() {
        assert_eq!(
            matched(&ControlChar, "Bell\u{7} and \u{85}next."),
            vec!["\u{7}", "\u{85}"]
        );
    }

    #[test]
    fn tabs_line_breaks_and_emoji_joiners_are_fine() {
        assert_no_lints(
            &ControlChar,
            "Tab\there\r\nand a family 👨\u{200D}👩\u{200D}👧 emoji.",
        );
        assert_no_lints(
            &ControlChar,
            "A zero-width space between words \u{200B} is not inside one.",
        );
    }
}
