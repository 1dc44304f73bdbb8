//! Findings about mtlint's own directives in the text.

pub mod unused_suppression;
