//! Damage done to the bytes or characters of the text.

pub mod invalid_utf8;
