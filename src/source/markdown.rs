//! Markdown: which bytes are prose.
//!
//! The file is parsed with `pulldown-cmark` and its source offsets. Prose is
//! the text of paragraphs, headings, list items, block quotes, table cells
//! and image alt text. Everything else (code, HTML, link destinations,
//! autolinks, front matter, markup characters) is blanked out with spaces of
//! the same byte length, so every offset in the prose text is an offset in
//! the file. `<!-- mtlint-... -->` comments are kept, so suppressions work.
//! The end of every block is recorded as a break, so that a heading, a list
//! item or a table cell never runs into the next one.

use super::Prose;
use crate::document::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

pub fn prose(source: &str) -> Prose {
    let mut keep = vec![false; source.len()];
    let mut breaks = Vec::new();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH;
    // Inside autolinks, code blocks and front matter, text is not prose.
    let mut skip_depth = 0usize;
    let mut autolinks = 0usize;
    let mut hidden = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Text(_) if skip_depth == 0 => keep[range].fill(true),
            Event::Code(_) => hidden.push(Span::new(range.start, range.end)),
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skip_depth += 1,
            Event::End(TagEnd::MetadataBlock(_)) => skip_depth = skip_depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) if html.contains("mtlint-") => {
                keep[range].fill(true);
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => {
                skip_depth += 1;
                autolinks += 1;
                hidden.push(Span::new(range.start, range.end));
            }
            Event::End(TagEnd::Link) if autolinks > 0 => {
                autolinks -= 1;
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(_)) => breaks.push(range.start),
            Event::End(TagEnd::CodeBlock) => {
                skip_depth = skip_depth.saturating_sub(1);
                breaks.push(range.end);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock,
            ) => breaks.push(range.end),
            _ => {}
        }
    }
    let mut text = String::with_capacity(source.len());
    for (i, ch) in source.char_indices() {
        if keep[i] || ch == '\n' || ch == '\r' {
            text.push(ch);
        } else {
            text.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        }
    }
    breaks.sort_unstable();
    breaks.dedup();
    Prose {
        text,
        breaks,
        map: Vec::new(),
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_code_and_urls_are_blanked_with_offsets_kept() {
        let source = "# Title\n\nSee [the *docs*](https://example.com) and `x = 1`.\n\n```\nlet a = b;\n```\n";
        let p = prose(source);
        assert_eq!(p.text.len(), source.len());
        assert_eq!(
            p.text.lines().collect::<Vec<_>>(),
            vec![
                "  Title",
                "",
                "See  the  docs                        and        .",
                "",
                "   ",
                "          ",
                "   ",
            ]
        );
    }

    #[test]
    fn front_matter_html_and_autolinks_are_not_prose() {
        let source =
            "---\ntitle: The the\n---\n\n<div>The the</div>\n\nMail <me@example.com> now.\n";
        let p = prose(source);
        assert!(!p.text.contains("The the"));
        assert!(!p.text.contains("example"));
        assert!(p.text.contains("Mail"));
    }

    #[test]
    fn suppression_comments_stay_visible() {
        let p = prose("<!-- mtlint-disable-next-line quotes -->\nText.\n");
        assert!(
            p.text
                .starts_with("<!-- mtlint-disable-next-line quotes -->")
        );
    }

    fn document_sentences(source: &str) -> Vec<String> {
        let p = prose(source);
        let doc = crate::document::Document::with_breaks(&p.text, &p.breaks);
        doc.sentences
            .iter()
            .map(|s| {
                s.span
                    .text(&p.text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn emphasis_and_links_do_not_break_a_sentence() {
        assert_eq!(
            document_sentences("This is **very** important, says [the guide](https://x.org).\n"),
            vec!["This is very important, says the guide ."]
        );
    }

    #[test]
    fn short_headings_and_list_items_are_not_fragments() {
        use crate::rules::testing::lint_as;
        use crate::source::SourceKind::Markdown;
        let text = "# Results\n\nThe vote was close.\n\n- Rents fixed for the\n- More stalls and\n";
        for rule in crate::rules::ALL
            .iter()
            .filter(|r| r.meta().id.starts_with("fragment/"))
        {
            assert!(
                lint_as(*rule, text, Markdown).is_empty(),
                "{}",
                rule.meta().id
            );
        }
    }

    #[test]
    fn every_table_cell_and_list_item_ends_a_block() {
        let source = "| a | b |\n|---|---|\n| one | two |\n\n- first item\n- second item\n";
        let p = prose(source);
        for end in ["one", "two", "first item", "second item"] {
            let at = source.find(end).unwrap() + end.len();
            assert!(
                p.breaks.iter().any(|&b| b >= at && b <= at + 3),
                "{end}: {:?}",
                p.breaks
            );
        }
    }
}
