//! HTML: which text is prose, with entities decoded.
//!
//! A small scanner, not a full HTML5 parser: it walks tags, comments and
//! text, keeps the text of `p`, `h1`-`h6`, `li`, `blockquote`, `figcaption`,
//! `td` and `th`, and skips `script`, `style`, `code`, `pre`, `nav`,
//! `header`, `footer` and `aside`. Tags and skipped text are blanked with
//! spaces of equal length; entities are decoded, which shortens the text, so
//! an offset map records where prose offsets and file offsets part.

use super::Prose;
use crate::document::Span;

const PROSE: &[&str] = &[
    "blockquote",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "p",
    "td",
    "th",
];
const SKIP: &[&str] = &[
    "aside", "code", "footer", "header", "nav", "noscript", "pre", "script", "style", "template",
];
/// Elements whose content is raw text: their end tag is searched for directly.
const RAW: &[&str] = &["script", "style"];
const VOID: &[&str] = &[
    "area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr",
];
/// Elements that end a block of text when they open or close.
const BLOCKS: &[&str] = &[
    "article",
    "blockquote",
    "br",
    "div",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Named character references mtlint knows (the common ones in prose).
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("apos", "'"),
    ("auml", "ä"),
    ("bull", "•"),
    ("ccedil", "ç"),
    ("cent", "¢"),
    ("copy", "©"),
    ("deg", "°"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("euro", "€"),
    ("gt", ">"),
    ("hellip", "…"),
    ("laquo", "«"),
    ("ldquo", "“"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("mdash", "—"),
    ("middot", "·"),
    ("nbsp", "\u{A0}"),
    ("ndash", "–"),
    ("ntilde", "ñ"),
    ("ouml", "ö"),
    ("pound", "£"),
    ("quot", "\""),
    ("raquo", "»"),
    ("rdquo", "”"),
    ("reg", "®"),
    ("rsquo", "’"),
    ("sect", "§"),
    ("shy", "\u{AD}"),
    ("szlig", "ß"),
    ("times", "×"),
    ("trade", "™"),
    ("uuml", "ü"),
    ("yen", "¥"),
];

/// Decodes a character reference body (`amp`, `#8217`, `#x2019`).
pub fn decode_entity_body(body: &str) -> Option<String> {
    if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(value).map(String::from);
    }
    ENTITIES
        .iter()
        .find(|(name, _)| *name == body)
        .map(|(_, value)| (*value).to_owned())
}

/// The character reference at the start of `rest` (which begins with `&`):
/// its length and its body, when it is one mtlint can decode.
pub fn entity_at(rest: &str) -> Option<(usize, &str)> {
    let end = rest.get(1..)?.find(';')? + 1;
    if end > 12 {
        return None;
    }
    let body = &rest[1..end];
    let valid = !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '#');
    (valid && decode_entity_body(body).is_some()).then_some((end + 1, body))
}

fn decode_entity(rest: &str) -> Option<(usize, String)> {
    let (len, body) = entity_at(rest)?;
    Some((len, decode_entity_body(body)?))
}

/// The tag at the start of `rest`: its length, lowercase name, and whether
/// it closes. Quotes in attributes may hold `>`.
fn tag_at(rest: &str) -> Option<(usize, String, bool)> {
    let bytes = rest.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut quote: Option<u8> = None;
    let mut i = name_start;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (None, b'"' | b'\'') => quote = Some(bytes[i]),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => {
                let name: String = rest[name_start..i]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                return Some((i + 1, name, closing));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn blank(out: &mut String, source: &str) {
    for ch in source.chars() {
        if ch == '\n' || ch == '\r' {
            out.push(ch);
        } else {
            out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        }
    }
}

pub fn prose(source: &str) -> Prose {
    let mut text = String::with_capacity(source.len());
    let mut map: Vec<(usize, usize)> = Vec::new();
    let mut breaks = Vec::new();
    let mut hidden = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while i < source.len() {
        let rest = &source[i..];
        let in_prose = stack.iter().any(|t| PROSE.contains(&t.as_str()));
        let skipping = stack.iter().any(|t| SKIP.contains(&t.as_str()));
        if rest.starts_with("<!--") {
            let len = rest.find("-->").map_or(rest.len(), |k| k + 3);
            let comment = &rest[..len];
            if comment.contains("mtlint-") {
                text.push_str(comment);
                breaks.push(text.len());
            } else {
                blank(&mut text, comment);
            }
            i += len;
            continue;
        }
        if rest.starts_with('<')
            && let Some((len, name, closing)) = tag_at(rest)
        {
            let hide_start = text.len();
            blank(&mut text, &rest[..len]);
            i += len;
            if BLOCKS.contains(&name.as_str()) {
                breaks.push(text.len());
            }
            if closing {
                if let Some(at) = stack.iter().rposition(|t| *t == name) {
                    stack.truncate(at);
                }
            } else if RAW.contains(&name.as_str()) {
                // Raw text: blank everything up to the end tag.
                let end_tag = format!("</{name}");
                let body_len = source[i..]
                    .to_ascii_lowercase()
                    .find(&end_tag)
                    .unwrap_or(source.len() - i);
                blank(&mut text, &source[i..i + body_len]);
                i += body_len;
            } else if !VOID.contains(&name.as_str()) && !rest[..len].ends_with("/>") {
                if in_prose && !skipping && SKIP.contains(&name.as_str()) {
                    hidden.push(Span::new(hide_start, hide_start));
                }
                stack.push(name);
            }
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        if in_prose && !skipping {
            if ch == '&'
                && let Some((len, decoded)) = decode_entity(rest)
            {
                text.push_str(&decoded);
                i += len;
                map.push((text.len(), i));
                continue;
            }
            text.push(ch);
        } else {
            if skipping
                && in_prose
                && let Some(last) = hidden.last_mut()
            {
                last.end = text.len() + ch.len_utf8();
            }
            blank(&mut text, &rest[..ch.len_utf8()]);
        }
        i += ch.len_utf8();
    }
    breaks.sort_unstable();
    breaks.dedup();
    Prose {
        text,
        breaks,
        map,
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Source, SourceKind};

    #[test]
    fn prose_elements_are_kept_and_the_rest_blanked() {
        let p = prose(
            "<html><head><title>The the</title><style>p{}</style></head><body><nav>Home Menu</nav><p>Hello there.</p></body></html>",
        );
        assert!(p.text.contains("Hello there."));
        assert!(!p.text.contains("Home") && !p.text.contains("The the") && !p.text.contains("p{}"));
    }

    #[test]
    fn entities_are_decoded_and_offsets_map_back() {
        let html = "<p>It&#8217;s Smith &amp; Sons.</p>";
        let source = Source::from_text("a.html", SourceKind::Html, html);
        let text = source.prose_text();
        let word = text.find("Sons").unwrap();
        assert!(text.contains("It’s Smith & Sons."));
        assert_eq!(source.source_offset(word), html.find("Sons").unwrap());
        assert_eq!(
            source.source_offset(text.find("It’s").unwrap()),
            html.find("It&").unwrap()
        );
    }

    #[test]
    fn double_encoded_entity_stays_visible_once_decoded() {
        let p = prose("<p>Smith &amp;amp; Sons</p>");
        assert!(p.text.contains("Smith &amp; Sons"));
    }

    #[test]
    fn code_inside_a_paragraph_is_hidden_and_recorded() {
        let p = prose("<p>Run <code>make all</code> now.</p>");
        assert!(!p.text.contains("make"));
        assert_eq!(p.hidden.len(), 1);
    }

    #[test]
    fn paragraphs_and_cells_end_blocks() {
        let p = prose("<p>One</p><p>Two</p><table><tr><td>a</td><td>b</td></tr></table>");
        assert!(p.breaks.len() >= 4, "{:?}", p.breaks);
    }
}
