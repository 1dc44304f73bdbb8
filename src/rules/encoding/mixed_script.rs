use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MixedScript;

static META: RuleMeta = RuleMeta {
    id: "encoding/mixed-script",
    severity: Severity::Error,
    summary: "A word that mixes Latin letters with Cyrillic or Greek look-alikes",
    doc: r#"## What it does
Finds a word that mixes Latin letters with Cyrillic letters, or with Greek
letters that look like Latin ones (`Kаzakhstan` with a Cyrillic `а`). The
fix replaces the look-alikes with their Latin letters. Greek letters used as
symbols (`μm`, `β-blocker`) are not look-alikes and are fine.

## Why is this bad?
The word looks right but is not: search, spell checking and deduplication
all miss it, and the same trick is used to spoof names and links.

## Example
```text
Protests spread across Kаzakhstan.   (the first "а" is Cyrillic U+0430)
```

Use instead:
```text
Protests spread across Kazakhstan.
```
"#,
    options: &[],
};

/// Cyrillic and Greek letters that look like a Latin letter.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'в' => 'B',
        'е' => 'e',
        'к' => 'k',
        'м' => 'M',
        'н' => 'H',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 'T',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'У' => 'Y',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'ρ' => 'p',
        'υ' => 'u',
        'χ' => 'x',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{C0}'..='\u{24F}') && c.is_alphabetic()
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4FF}')
}

impl Rule for MixedScript {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for (span, flags) in doc.words.iter().zip(&doc.flags) {
            if flags.is_ascii() {
                continue;
            }
            let word = span.text(doc.text);
            if !word.chars().any(is_latin) {
                continue;
            }
            let foreign: Vec<char> = word
                .chars()
                .filter(|&c| is_cyrillic(c) || latin_lookalike(c).is_some() && !is_latin(c))
                .collect();
            if foreign.is_empty() {
                continue;
            }
            let names: Vec<String> = foreign
                .iter()
                .map(|&c| {
                    let script = if is_cyrillic(c) { "Cyrillic" } else { "Greek" };
                    format!("{script} \"{c}\" (U+{:04X})", c as u32)
                })
                .collect();
            let mut diagnostic = self.diagnostic(
                *span,
                format!("\"{word}\" mixes Latin letters with {}", names.join(", ")),
            );
            let repaired: Option<String> = word
                .chars()
                .map(|c| {
                    if is_latin(c) || !c.is_alphabetic() {
                        Some(c)
                    } else {
                        latin_lookalike(c)
                    }
                })
                .collect();
            if let Some(repaired) = repaired {
                diagnostic = diagnostic.with_fix(*span, repaired, false);
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn cyrillic_lookalike_in_latin_word_is_reported_with_a_fix() {
        let text = "Protests spread across K\u{430}zakhstan.";
        let found = lint(&MixedScript, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "K\u{430}zakhstan");
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "Kazakhstan");
        assert!(found[0].message.contains("U+0430"));
    }

    #[test]
    fn greek_omicron_in_latin_word_is_reported() {
        assert_eq!(
            matched(&MixedScript, "The L\u{3BF}ndon office."),
            vec!["L\u{3BF}ndon"]
        );
    }

    #[test]
    fn whole_words_in_one_script_and_symbols_are_fine() {
        assert_no_lints(&MixedScript, "Москва and Athens (Αθήνα) and 5 μm and café.");
    }
}
