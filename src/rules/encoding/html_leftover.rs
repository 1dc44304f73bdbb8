use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::SourceKind;
use crate::source::html::{decode_entity_body, entity_at};

pub struct HtmlLeftover;

static META: RuleMeta = RuleMeta {
    id: "encoding/html-leftover",
    severity: Severity::Warning,
    summary: "HTML entities and tags left in plain text",
    doc: r#"## What it does
Finds HTML character references (`&amp;`, `&quot;`, `&#8217;`, `&nbsp;`),
double-encoded ones (`&amp;amp;`, `&amp;quot;`) and common HTML tags (`<br>`,
`</p>`, `<div class="x">`) in plain text. The fix gives the decoded character
where there is one. In Markdown, where entities and inline HTML are allowed,
only double-encoded entities are reported.

## Why is this bad?
A scraper or export that did not decode the HTML left markup in the prose,
and readers see `&amp;` where they should see `&`.

## Example
```text
Smith &amp; Sons said it&#8217;s closing.<br>
```

Use instead:
```text
Smith & Sons said it’s closing.
```
"#,
    options: &[],
};

const TAGS: &[&str] = &[
    "a",
    "b",
    "blockquote",
    "br",
    "div",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "tr",
    "u",
    "ul",
];

/// The tag at the start of `rest` (which begins with `<`): its length and name.
fn tag_at(rest: &str) -> Option<(usize, &str)> {
    let end = rest.find('>')?;
    if end > 200 || rest[1..end].contains(['\n', '<']) {
        return None;
    }
    let inner = rest[1..end].trim_start_matches('/').trim_end_matches('/');
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    let after = &inner[name_end..];
    let well_formed = after.is_empty() || after.starts_with(char::is_whitespace);
    (well_formed && TAGS.contains(&name.to_ascii_lowercase().as_str())).then_some((end + 1, name))
}

impl Rule for HtmlLeftover {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        let markdown = cx.source.kind == SourceKind::Markdown;
        let bytes = text.as_bytes();
        // `&` and `<` are among the document's marks; marks inside an
        // entity or tag already reported are passed over.
        let mut next_free = 0;
        for &i in &cx.doc.marks {
            if i < next_free {
                continue;
            }
            match bytes[i] {
                b'&' => {
                    let Some((len, body)) = entity_at(&text[i..]) else {
                        continue;
                    };
                    // `&amp;amp;` and `&amp;#8217;`: encoded twice.
                    let mut end = i + len;
                    let mut decoded = decode_entity_body(body).unwrap_or_default();
                    let mut double = false;
                    if body == "amp" {
                        let window = crate::document::floor_boundary(text, end + 12);
                        let rest = format!("&{}", &text[end..window]);
                        if let Some((inner_len, inner)) = entity_at(&rest) {
                            end += inner_len - 1;
                            decoded = decode_entity_body(inner).unwrap_or_default();
                            double = true;
                        }
                    }
                    // In HTML the first round of entities is already decoded:
                    // an entity left in the prose was encoded twice.
                    let double = double || cx.source.kind == SourceKind::Html;
                    if !markdown || double {
                        let span = Span::new(i, end);
                        let found = span.text(text);
                        let shown = if decoded == "\u{A0}" {
                            "a no-break space".to_owned()
                        } else {
                            format!("\"{decoded}\"")
                        };
                        let message = if double {
                            format!("HTML entity encoded twice: \"{found}\" stands for {shown}")
                        } else {
                            format!("HTML entity \"{found}\" in plain text stands for {shown}")
                        };
                        out.push(self.diagnostic(span, message).with_fix(span, decoded, true));
                    }
                    next_free = end;
                }
                b'<' if !markdown => {
                    if let Some((len, name)) = tag_at(&text[i..]) {
                        let span = Span::new(i, i + len);
                        out.push(self.diagnostic(
                            span,
                            format!(
                                "HTML tag \"{}\" ({name}) left in plain text",
                                span.text(text)
                            ),
                        ));
                        next_free = i + len;
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn entities_are_reported_with_their_decoded_fix() {
        let text = "Smith &amp; Sons said it&#8217;s &quot;closing&quot;&nbsp;now.";
        let found = lint(&HtmlLeftover, text);
        let fixes: Vec<&str> = found
            .iter()
            .map(|d| d.fix.as_ref().unwrap().replacement.as_str())
            .collect();
        assert_eq!(fixes, vec!["&", "’", "\"", "\"", "\u{A0}"]);
        assert_eq!(found[0].span, span_of(text, "&amp;", 0));
    }

    #[test]
    fn double_encoded_entity_is_one_finding() {
        let text = "Smith &amp;amp; Sons.";
        let found = lint(&HtmlLeftover, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "&amp;amp;", 0));
        assert!(found[0].message.contains("twice"));
    }

    #[test]
    fn multibyte_text_after_an_entity_does_not_break_it() {
        assert_eq!(matched(&HtmlLeftover, "Smith &amp; “Sons”."), vec!["&amp;"]);
    }

    #[test]
    fn tags_are_reported() {
        assert_eq!(
            matched(
                &HtmlLeftover,
                "First line.<br>Second.</p> A <div class=\"x\">box</div>."
            ),
            vec!["<br>", "</p>", "<div class=\"x\">", "</div>"]
        );
    }

    #[test]
    fn ampersands_comparisons_and_unknown_names_are_fine() {
        assert_no_lints(
            &HtmlLeftover,
            "AT&T and Procter & Gamble; if a < b and c > d; &foo; here.",
        );
        assert_no_lints(&HtmlLeftover, "Use <angle brackets> for placeholders.");
    }
}
