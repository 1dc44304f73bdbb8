//! mtlint finds the damage that machine translation, article spinning,
//! broken encodings and careless scraping leave in prose.
//!
//! The pipeline: bytes become a [`source::Source`], the source becomes a
//! [`document::Document`] (lines, paragraphs, sentences, words and quote
//! pairs, computed once), every selected rule reads the document and emits
//! [`diagnostic::Diagnostic`]s with byte spans, and a [`report::FileReport`]
//! turns spans into lines and columns for the formatters.

pub mod cli;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod document;
pub mod eval;
pub mod fxhash;
pub mod lexicon;
pub mod line_index;
pub mod linter;
pub mod lsp;
pub mod parallel;
pub mod report;
pub mod rules;
pub mod score;
pub mod source;
pub mod suppress;
