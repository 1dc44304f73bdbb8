use super::lines;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon;
use crate::rules::{Context, Rule, RuleMeta};

pub struct TagLine;

static META: RuleMeta = RuleMeta {
    id: "boilerplate/tag-line",
    severity: Severity::Warning,
    summary: "A line that is a list of keywords, left over from a page's tags",
    doc: r#"## What it does
Finds a line standing alone that is a list of three or more short
comma-separated items (one to three words each), with no verb, no `and` and
no closing punctuation, such as `flood, relief, valley, army, bridge`.

## Why is this bad?
A scraper copied the page's tags or keywords into the article body.

## Example
```text
flood, relief, valley, army, bridge
The army opened a bridge on Tuesday.
```

Use instead:
```text
The army opened a bridge on Tuesday.
```
"#,
    options: &[],
};

impl Rule for TagLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (span, line) in lines(cx.doc) {
            if line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”']) || line.len() > 200 {
                continue;
            }
            let items: Vec<&str> = line.split(',').map(str::trim).collect();
            if items.len() < 3 {
                continue;
            }
            let is_tag = |item: &str| {
                let words: Vec<&str> = item.split_whitespace().collect();
                (1..=3).contains(&words.len())
                    && words.iter().all(|w| {
                        w.chars().any(char::is_alphabetic)
                            && !lexicon::is_in(lexicon::VERBS, w)
                            && !lexicon::is_in(lexicon::AUXILIARIES, w)
                            && !matches!(w.to_ascii_lowercase().as_str(), "and" | "or" | "&")
                    })
            };
            if items.iter().all(|item| is_tag(item)) {
                out.push(self.diagnostic(
                    span,
                    format!(
                        "line of {} comma-separated keywords looks like a page's tags",
                        items.len()
                    ),
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
    fn keyword_lines_are_reported() {
        let text = "flood, relief, valley, army, building\nThe army opened a bridge.\n\nValley, floods, Red Cross\n";
        assert_eq!(
            matched(&TagLine, text),
            vec![
                "flood, relief, valley, army, building",
                "Valley, floods, Red Cross"
            ]
        );
    }

    #[test]
    fn sentences_headlines_and_short_lists_are_fine() {
        assert_no_lints(&TagLine, "Bread, milk, eggs and cheese\n");
        assert_no_lints(&TagLine, "He bought bread, milk, eggs, cheese.\n");
        assert_no_lints(&TagLine, "Rain, wind\n");
        assert_no_lints(&TagLine, "Floods hit, roads closed, schools shut\n");
        assert_no_lints(
            &TagLine,
            "WASHINGTON, March 16 - The talks, which began Monday, went well.\n",
        );
    }
}
