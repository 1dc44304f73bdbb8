//! Damage done to the bytes or characters of the text.

pub mod control_char;
pub mod html_leftover;
pub mod invalid_utf8;
pub mod mixed_script;
pub mod mojibake;
pub mod replacement_char;
