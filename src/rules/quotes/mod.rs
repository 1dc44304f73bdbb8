//! Quote marks that do not pair. The pairing itself is done once, in the
//! document (`document::quotes`); these rules only report its problems.

pub mod misplaced_close;
pub mod unclosed;
pub mod unopened;
pub mod wrong_direction;

use crate::diagnostic::excerpt;
use crate::document::{Span, ceil_boundary, floor_boundary};

/// A few words of text after a mark, for messages.
/// Looks at most this many bytes either side, so that messages on a very long
/// line stay cheap.
const WINDOW: usize = 256;

fn text_after(text: &str, mark: Span) -> String {
    let end = floor_boundary(text, mark.end + WINDOW);
    let rest = &text[mark.end..end];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    excerpt(&rest[..line_end], 30)
}

/// A few words of text before a mark, for messages.
fn text_before(text: &str, mark: Span) -> String {
    let from = ceil_boundary(text, mark.start.saturating_sub(WINDOW));
    let head = &text[from..mark.start];
    let line_start = head.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let head = head[line_start..].trim_end();
    let chars: Vec<char> = head.chars().collect();
    let from = chars.len().saturating_sub(30);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from..]);
    out
}
