//! Brackets that do not pair.

pub mod unbalanced;
