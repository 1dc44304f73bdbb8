//! Scrape residue: page furniture, tag lines and photo credits left in the
//! article text. These rules judge whole lines.

pub mod credit_line;
pub mod tag_line;
pub mod ui_text;

use crate::document::{Document, Span};

/// Each non-blank line with its trimmed span.
pub(crate) fn lines<'d, 't>(doc: &'d Document<'t>) -> impl Iterator<Item = (Span, &'t str)> + 'd {
    doc.lines.iter().filter_map(|line| {
        let raw = line.text(doc.text);
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return None;
        }
        let start = line.start + (raw.len() - raw.trim_start().len());
        Some((Span::new(start, start + trimmed.len()), trimmed))
    })
}
