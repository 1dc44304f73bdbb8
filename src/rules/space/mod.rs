//! Spacing inside sentences.

pub mod multiple;
