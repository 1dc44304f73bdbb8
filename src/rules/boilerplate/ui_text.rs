use super::lines;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct UiText;

static META: RuleMeta = RuleMeta {
    id: "boilerplate/ui-text",
    severity: Severity::Warning,
    summary: "Page furniture left in the article: `Advertisement`, `Read more`, cookie notices",
    doc: r#"## What it does
Finds a line that is page furniture rather than prose: `Advertisement`,
`Read more`, `Share this article`, `Click here to subscribe`, `Sign up for
our newsletter`, `Skip to content`, `Continue reading`, and cookie notices
(`We use cookies ...`, `Accept all cookies`). The whole line must be the
furniture; the same words inside a sentence are fine.

## Why is this bad?
The scraper kept the buttons and banners of the page along with the text.

## Example
```text
The council approved the plan.
Advertisement
The vote was close.
```

Use instead:
```text
The council approved the plan.
The vote was close.
```
"#,
    options: &[],
};

const EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "continue reading",
    "follow us",
    "listen to this article",
    "read more",
    "related",
    "related articles",
    "related stories",
    "share",
    "share this",
    "share this article",
    "share this story",
    "skip advertisement",
    "skip to content",
    "skip to main content",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "subscribe",
    "subscribe now",
    "watch",
    "watch video",
];

const PREFIXES: &[&str] = &[
    "click here",
    "follow us on",
    "read more:",
    "read more at",
    "sign up for our",
    "sign up to our",
    "subscribe to our",
    "subscribe to the",
];

fn is_furniture(line: &str) -> bool {
    // Most lines are paragraphs of prose: only their first bytes can match
    // a prefix, and only short lines can be a whole entry or a cookie
    // notice. Nothing longer is lowercased.
    let bytes = line.as_bytes();
    if PREFIXES
        .iter()
        .any(|p| bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
    {
        return true;
    }
    let bare = line.trim_end_matches(['.', '!', ':', '›', '»', '>', ' ']);
    if bare.len() <= 64 && EXACT.contains(&bare.to_lowercase().as_str()) {
        return true;
    }
    if line.len() >= 300 {
        return false;
    }
    // Searchers built once: building one costs more than a short search.
    static COOKIE: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            [
                memchr::memmem::Finder::new("ookie"),
                memchr::memmem::Finder::new("OOKIE"),
            ]
        });
    if !COOKIE.iter().any(|finder| finder.find(bytes).is_some()) {
        return false;
    }
    let lower = line.to_lowercase();
    let cookies = lower.contains("cookie")
        && (lower.contains("we use")
            || lower.contains("accept")
            || lower.contains("this site uses")
            || lower.contains("this website uses"));
    cookies && line.len() < 300
}

impl Rule for UiText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (span, line) in lines(cx.doc) {
            if is_furniture(line) {
                out.push(
                    self.diagnostic(span, format!("page furniture \"{line}\" left in the text")),
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
    fn furniture_lines_are_reported() {
        let text = "The plan passed.\nAdvertisement\nRead more: Council backs plan\nSign up for our newsletter.\nWe use cookies to improve your experience. Accept all\n";
        assert_eq!(
            matched(&UiText, text),
            vec![
                "Advertisement",
                "Read more: Council backs plan",
                "Sign up for our newsletter.",
                "We use cookies to improve your experience. Accept all"
            ]
        );
    }

    #[test]
    fn the_same_words_in_prose_are_fine() {
        assert_no_lints(
            &UiText,
            "He said readers should read more about the advertisement rules.\n",
        );
        assert_no_lints(&UiText, "The bakery shares its cookie recipe with us.\n");
    }
}
