//! Style damage that points to a paraphrasing tool.

pub mod tortured_phrase;
