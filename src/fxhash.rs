//! A small multiplicative hash for short keys (the idea of rustc's FxHash):
//! several times faster than the standard SipHash on words. The keys are
//! words of the text or of our own lists, so hash flooding is no concern.

/// Builds `Fx` hashers, for `HashMap::with_hasher` / `default()`.
#[derive(Default, Clone, Copy, Debug)]
pub struct BuildFx;

pub struct Fx(u64);

impl std::hash::BuildHasher for BuildFx {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// One step of the hash: mixes `value` into `hash`. Public for callers
/// that hash a word while scanning it, byte by byte.
#[inline]
pub fn step(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// A word's key: a 64-bit hash of the word with letters lowercased and `’`
/// written `'`, so that `Said`, `SAID` and `said` share one key and
/// `don’t` and `don't` another. The document keys every word once; rules
/// and word lists compare keys, not strings. ASCII words (nearly all) are
/// lowercased eight bytes at a time, without a copy.
pub fn word_key(word: &str) -> u64 {
    if word.is_ascii() {
        return ascii_word_key(word.as_bytes());
    }
    let mut folded = String::with_capacity(word.len());
    for c in word.chars() {
        if c == '\u{2019}' {
            folded.push('\'');
        } else {
            folded.extend(c.to_lowercase());
        }
    }
    folded_key(folded.as_bytes())
}

/// `word_key` of a word known to be ASCII.
#[inline]
pub fn ascii_word_key(word: &[u8]) -> u64 {
    folded_key(word)
}

/// The key of bytes whose non-ASCII letters are already lowercase.
#[inline]
fn folded_key(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let mut hash = len as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        hash = step(hash, ascii_lowercase8(load8(chunk)));
    }
    let rest = chunks.remainder();
    // The last one to seven bytes in one value, without a copy of unknown
    // length: two overlapping four-byte loads cover four to seven bytes.
    // One to three bytes are fixed by the first, middle and last.
    let tail = match rest.len() {
        0 => None,
        n @ 1..=3 => {
            Some(u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16)
        }
        n => Some(u64::from(load4(&rest[..4])) | u64::from(load4(&rest[n - 4..])) << 32),
    };
    if let Some(tail) = tail {
        hash = step(hash, ascii_lowercase8(tail));
    }
    finish(hash)
}

/// The last step of a key built with `step`: the multiply leaves the low
/// bits weak, and hash tables index by them.
#[inline]
pub fn finish(hash: u64) -> u64 {
    hash ^ (hash >> 29)
}

#[inline]
fn load8(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}

#[inline]
fn load4(bytes: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[..4]);
    u32::from_le_bytes(word)
}

/// Eight bytes with `A`–`Z` lowercased and every other byte unchanged.
#[inline]
fn ascii_lowercase8(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = v & !HIGH;
    // The high bit of each byte: set where the byte is at least `A`, and
    // where it is past `Z` (computed on seven bits so nothing carries).
    let at_least_a = low7 + ONES * u64::from(0x80 - b'A');
    let past_z = low7 + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !past_z & !v & HIGH;
    v | (upper >> 2)
}

/// Builds hashers for maps keyed by `word_key`: the key is already a hash.
#[derive(Default, Clone, Copy, Debug)]
pub struct BuildKey;

pub struct KeyHasher(u64);

impl std::hash::BuildHasher for BuildKey {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = step(self.0, u64::from(b));
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, value: u64) {
        self.0 = step(self.0, value);
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_equal_and_near_keys_apart() {
        let fx = BuildFx;
        assert_eq!(fx.hash_one("estonia"), fx.hash_one(String::from("estonia")));
        assert_ne!(fx.hash_one("estonia"), fx.hash_one("estonib"));
        assert_ne!(fx.hash_one("abcdefgh1"), fx.hash_one("abcdefgh2"));
        let map: std::collections::HashMap<&str, u32, BuildFx> =
            [("a", 1), ("b", 2)].into_iter().collect();
        assert_eq!(map.get("b"), Some(&2));
    }

    #[test]
    fn word_keys_ignore_case_and_apostrophe_style() {
        assert_eq!(word_key("Said"), word_key("said"));
        assert_eq!(word_key("SAID"), word_key("said"));
        assert_eq!(
            word_key("Ministry-Of-Defence"),
            word_key("ministry-of-defence")
        );
        assert_eq!(word_key("don’t"), word_key("don't"));
        assert_eq!(word_key("Éclair"), word_key("éclair"));
        assert_eq!(word_key("ÖSTERREICH"), word_key("österreich"));
    }

    #[test]
    fn word_keys_tell_near_words_apart() {
        assert_ne!(word_key("said"), word_key("sail"));
        assert_ne!(word_key("a"), word_key("a\0"));
        assert_ne!(word_key("ab"), word_key("ba"));
        assert_ne!(word_key("international1"), word_key("international2"));
        // Four to seven bytes are read as two overlapping halves.
        assert_ne!(word_key("abcde"), word_key("abdde"));
        assert_ne!(word_key("abcdefg"), word_key("abcdefh"));
        assert_ne!(word_key("abcdefg"), word_key("bbcdefg"));
        // One to three bytes are read as first, middle and last.
        assert_ne!(word_key("abc"), word_key("acc"));
        assert_ne!(word_key("ab"), word_key("ba"));
        assert_ne!(word_key("abcdefghij"), word_key("abcdefghik"));
        assert_ne!(word_key("abcdefghijk"), word_key("abcdefghizk"));
        assert_eq!(word_key("AbCdEfG"), word_key("abcdefg"));
        // Only A–Z fold: `@` and `[` sit next to them in ASCII.
        assert_ne!(word_key("@"), word_key("`"));
        assert_ne!(word_key("["), word_key("{"));
        assert_ne!(word_key("é"), word_key("É\u{0}"));
    }

    #[test]
    fn swar_lowercasing_matches_the_byte_by_byte_one() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b, b'Q', 0x80, 0xFF, b'Z', b'A', b'@', b'[']);
            let expected: Vec<u8> = v.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(ascii_lowercase8(v).to_le_bytes().to_vec(), expected, "{b}");
        }
    }
}
