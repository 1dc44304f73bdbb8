use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Unbalanced;

static META: RuleMeta = RuleMeta {
    id: "brackets/unbalanced",
    severity: Severity::Warning,
    summary: "A bracket with no partner in its paragraph",
    doc: r#"## What it does
Finds `(`, `[` or `{` with no closing partner in its paragraph, a closing
bracket with no opener, and a closer that does not match its opener
(`(like this]`). List markers (`1)`, `a)`, `iv)`) and emoticons (`:)`,
`;-)`, `:(`) are not brackets.

## Why is this bad?
A lost bracket leaves an aside with no end, so the reader cannot tell where
the main sentence resumes.

## Example
```text
The ministry (which oversees the ports said nothing.
```

Use instead:
```text
The ministry (which oversees the ports) said nothing.
```
"#,
    options: &[],
};

fn partner(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// `1)`, `a)`, `iv)`: an enumerator of one to three letters or digits at the
/// start of a line or after a space.
fn is_list_marker(body: &str, at: usize) -> bool {
    let head = &body[..at];
    let token_start = crate::document::start_after_last(head, |c| c.is_whitespace() || c == '(');
    let token = &head[token_start..];
    let opened = token_start > 0 && head[..token_start].ends_with('(');
    !opened && (1..=3).contains(&token.len()) && token.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_emoticon(body: &str, at: usize, c: char) -> bool {
    let head = body[..at].trim_end_matches(['-', '\'', '^']);
    let tail = body[at + 1..].trim_start_matches(['-', '\'']);
    match c {
        ')' | '(' | ']' | '[' => {
            head.ends_with([':', ';', '=']) || (c == '(' && tail.starts_with([':', ';']))
        }
        _ => false,
    }
}

impl Rule for Unbalanced {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        for paragraph in &cx.doc.paragraphs {
            let body = paragraph.span.text(text);
            let mut open: Vec<(usize, char)> = Vec::new();
            // Brackets are ASCII, and no byte of a multi-byte character is:
            // they are among the document's marks.
            for &at in cx.doc.marks_in(paragraph.span) {
                let i = at - paragraph.span.start;
                let b = body.as_bytes()[i];
                if !matches!(b, b'(' | b'[' | b'{' | b')' | b']' | b'}') {
                    continue;
                }
                let c = char::from(b);
                if is_emoticon(body, i, c) {
                    continue;
                }
                let at = paragraph.span.start + i;
                let span = Span::new(at, at + 1);
                match c {
                    '(' | '[' | '{' => open.push((at, c)),
                    _ => match open.last() {
                        Some(&(_, opener)) if opener == partner(c) => {
                            open.pop();
                        }
                        Some(&(opener_at, opener)) => {
                            open.pop();
                            out.push(
                                self.diagnostic(span, format!("\"{c}\" closes \"{opener}\""))
                                    .with_related(
                                        Span::new(opener_at, opener_at + 1),
                                        "opened here",
                                    ),
                            );
                        }
                        None if c == ')' && is_list_marker(body, i) => {}
                        None => out.push(self.diagnostic(
                            span,
                            format!("\"{c}\" has no opening \"{}\"", partner(c)),
                        )),
                    },
                }
            }
            for (at, c) in open {
                out.push(self.diagnostic(
                    Span::new(at, at + 1),
                    format!("\"{c}\" is never closed in its paragraph"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn unclosed_and_unopened_brackets_are_reported() {
        assert_eq!(
            matched(&Unbalanced, "The ministry (which runs ports said nothing."),
            vec!["("]
        );
        assert_eq!(
            matched(&Unbalanced, "The ministry said nothing] today."),
            vec!["]"]
        );
    }

    #[test]
    fn mismatched_closer_is_reported_with_its_opener() {
        let text = "It was (like this] today.";
        let found = lint(&Unbalanced, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "]", 0));
        assert_eq!(found[0].related[0].span, span_of(text, "(", 0));
    }

    #[test]
    fn list_markers_emoticons_and_pairs_are_fine() {
        assert_no_lints(
            &Unbalanced,
            "Choose 1) tea or 2) coffee, a) hot or b) cold :) and (nested [ones]) ;-) :(",
        );
        assert_no_lints(&Unbalanced, "iv) the fourth point (see above).");
        assert_no_lints(
            &Unbalanced,
            "France 419 (421), Greece 35 (48), Spain 8 (8).",
        );
    }
}
