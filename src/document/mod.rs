//! The document model: lines, paragraphs, sentences, words and quote pairs,
//! computed once per file and read by every rule.
//!
//! UAX #29 gives words, but its sentence breaks do not serve us: it will not
//! break before a lowercase word (`Ukraine. sought` is one sentence to it),
//! and finding exactly that is our job. So sentences are split here, on
//! top of the words, and each sentence records how it began.

mod quotes;
mod tokenize;

pub use quotes::{QuotePair, QuoteProblem, Quotes};

use crate::lexicon;
use std::ops::Range;

/// A half-open byte range into the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The span as a byte range, for slicing and splicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The same span `by` bytes further on.
    pub const fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// What kind of block a sentence sits in. Rules about sentence shape only
/// look at prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Prose,
    /// A line standing alone with no closing punctuation: a headline, a
    /// label, a tag line, a credit.
    Line,
}

/// How a sentence began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceStart {
    /// At the start of a block.
    Block,
    /// After a sentence-ending mark and a word that starts as a sentence
    /// should.
    AfterStop,
    /// After a sentence-ending mark, with a lowercase word: the sign of a
    /// sentence broken by translation. `stop` is the ending mark.
    LowercaseAfterStop { stop: Span },
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub words: Range<usize>,
    pub kind: BlockKind,
    pub start: SentenceStart,
    /// The mark that ends it: `.`, `?`, `!`, `…`, or `None`.
    pub terminator: Option<char>,
    /// Whether it begins inside quoted speech.
    pub quoted: bool,
    pub paragraph: usize,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub lines: Range<usize>,
    pub words: Range<usize>,
    pub sentences: Range<usize>,
}

#[derive(Debug)]
pub struct Document<'t> {
    pub text: &'t str,
    /// Every line, without its line break; blank lines included.
    pub lines: Vec<Span>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Span>,
    /// Each word's `fxhash::word_key`, by word index: rules compare words
    /// and look them up in word lists by key, without lowercasing them.
    pub keys: Vec<u64>,
    /// What each word is, by word index, decided once here for all rules.
    pub flags: Vec<WordFlags>,
    /// Offsets of the bytes that the character-level rules look at (see
    /// `is_mark`), in order: punctuation, brackets, quote marks, `&` and
    /// `<`, control bytes and the first bytes of non-ASCII characters. A rule walks
    /// these instead of every byte of the text.
    pub marks: Vec<usize>,
    pub quotes: Quotes,
    /// The document's language, when it can be told: `None` for short or
    /// mixed text.
    pub language: Option<whatlang::Lang>,
}

/// What a word is: facts that several rules need about every word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordFlags(u8);

impl WordFlags {
    const LETTER: u8 = 1;
    const FUNCTION: u8 = 2;
    const ASCII: u8 = 4;
    const ALPHANUMERIC: u8 = 8;

    /// The flags of an ASCII word, from one pass over its bytes.
    fn of_ascii(word: &str, key: u64) -> WordFlags {
        const LETTER: u8 = 1;
        const OTHER: u8 = 2;
        // What each ASCII byte is, for one table lookup per byte.
        const CLASS: [u8; 128] = {
            let mut class = [OTHER; 128];
            let mut b = 0;
            while b < 128 {
                if (b as u8).is_ascii_alphabetic() {
                    class[b] = LETTER;
                } else if (b as u8).is_ascii_digit() {
                    class[b] = 0;
                }
                b += 1;
            }
            class
        };
        let seen = word
            .bytes()
            .fold(0, |seen, b| seen | CLASS[usize::from(b & 0x7F)]);
        let mut bits = Self::ASCII;
        if seen & OTHER == 0 {
            bits |= Self::ALPHANUMERIC;
        }
        if seen & LETTER != 0 {
            bits |= Self::LETTER;
            if lexicon::is_function_key(key, word) {
                bits |= Self::FUNCTION;
            }
        }
        WordFlags(bits)
    }

    /// The flags of any word; ASCII words take `of_ascii`.
    fn of(word: &str, key: u64) -> WordFlags {
        if word.is_ascii() {
            return Self::of_ascii(word, key);
        }
        let letter = word.chars().any(char::is_alphabetic);
        let mut bits = 0;
        if word.chars().all(char::is_alphanumeric) {
            bits |= Self::ALPHANUMERIC;
        }
        if letter {
            bits |= Self::LETTER;
            if lexicon::is_function_key(key, word) {
                bits |= Self::FUNCTION;
            }
        }
        WordFlags(bits)
    }

    /// The word holds a letter (it is not a number).
    pub fn has_letter(self) -> bool {
        self.0 & Self::LETTER != 0
    }

    /// A function word: `the`, `of`, `and`... (`lexicon::is_function_word`).
    pub fn is_function(self) -> bool {
        self.0 & Self::FUNCTION != 0
    }

    pub fn is_ascii(self) -> bool {
        self.0 & Self::ASCII != 0
    }

    /// Only letters and digits: no inner `.`, `'` or `_` (`U.S`, `can't`).
    pub fn is_alphanumeric(self) -> bool {
        self.0 & Self::ALPHANUMERIC != 0
    }
}

const SENTENCE_MARKS: [char; 4] = ['.', '?', '!', '…'];
const CLOSERS: [char; 8] = ['”', '’', '"', '\'', ')', ']', '»', '}'];

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Document<'t> {
        Document::with_breaks(text, &[])
    }

    /// A document whose blocks also end at `breaks` (sorted offsets), as
    /// Markdown headings, list items and table cells do.
    pub fn with_breaks(text: &'t str, breaks: &[usize]) -> Document<'t> {
        let lines = split_lines(text);
        // English prose has a word for every six bytes or so: room for
        // that up front saves the copies of a growing vector.
        let expected_words = text.len() / 6;
        let mut doc = Document {
            text,
            lines,
            paragraphs: Vec::new(),
            sentences: Vec::with_capacity(expected_words / 20),
            words: Vec::with_capacity(expected_words),
            keys: Vec::with_capacity(expected_words),
            flags: Vec::with_capacity(expected_words),
            marks: find_marks(text),
            quotes: Quotes::default(),
            language: None,
        };
        doc.build_paragraphs(breaks);
        let spans: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
        doc.quotes = quotes::analyse(text, &spans, &doc.marks);
        for sentence in &mut doc.sentences {
            sentence.quoted = doc.quotes.is_quoted(sentence.span.start);
        }
        doc.language = doc.detect_language();
        doc
    }

    /// Whether rules that need English word lists may run: the document is
    /// English, or too short to tell.
    pub fn is_english(&self) -> bool {
        self.language.is_none_or(|l| l == whatlang::Lang::Eng)
    }

    /// English is recognised cheaply by its function words; whatlang (slow)
    /// runs only on a 4 KB sample of text that does not look English.
    fn detect_language(&self) -> Option<whatlang::Lang> {
        let sample = &self.words[..self.words.len().min(400)];
        let sample = &self.flags[..sample.len()];
        let lettered = sample.iter().filter(|f| f.has_letter()).count();
        if lettered < 8 {
            return None;
        }
        let function = sample.iter().filter(|f| f.is_function()).count();
        if function * 5 >= lettered {
            return Some(whatlang::Lang::Eng);
        }
        // A short text may be one English sentence and one foreign one:
        // English if sentences that read as English (function words make a
        // fifth of them, as for the whole, or three quarters are common
        // English words: terse news copy such as `Sales fell 205.7 mln dlrs
        // to 2.01 billion dlrs`) hold at least half of the words.
        let (mut english, mut total) = (0, 0);
        for sentence in &self.sentences {
            if total >= 400 {
                break;
            }
            let flags = &self.flags[sentence.words.clone()];
            let lettered = flags.iter().filter(|f| f.has_letter()).count();
            let function = flags.iter().filter(|f| f.is_function()).count();
            total += lettered;
            if function * 5 >= lettered || self.is_common_english(sentence, lettered) {
                english += lettered;
            }
        }
        if english * 2 >= total {
            return Some(whatlang::Lang::Eng);
        }
        whatlang::detect(&self.text[..floor_boundary(self.text, 4096)])
            .filter(|info| info.is_reliable())
            .map(|info| info.lang())
    }

    /// Whether three quarters of a sentence's `lettered` words are among
    /// the commonest English words: terse English such as news copy (`Bank
    /// loans fell 584 mln dlrs to 127 billion`), which has few function
    /// words.
    pub fn is_common_english(&self, sentence: &Sentence, lettered: usize) -> bool {
        let common = sentence
            .words
            .clone()
            .filter(|&k| self.flags[k].has_letter())
            .filter(|&k| lexicon::word_rank(self.word(k)).is_some())
            .count();
        common * 4 >= lettered * 3
    }

    /// The marks inside `span`.
    pub fn marks_in(&self, span: Span) -> &[usize] {
        &self.marks[mark_range(&self.marks, span)]
    }

    pub fn word(&self, index: usize) -> &'t str {
        self.words[index].text(self.text)
    }

    /// Words of a sentence, as text.
    pub fn sentence_words(&self, sentence: &Sentence) -> impl Iterator<Item = &'t str> + '_ {
        sentence.words.clone().map(|i| self.word(i))
    }

    /// The number of words that hold a letter (numbers are not counted).
    pub fn word_count(&self) -> usize {
        self.flags.iter().filter(|f| f.has_letter()).count()
    }

    fn build_paragraphs(&mut self, breaks: &[usize]) {
        // A break at the end of a line ends its paragraph too.
        let ends_at_line = |line: Span, next: Option<&Span>| {
            let until = next.map_or(usize::MAX, |n| n.start);
            let k = breaks.partition_point(|&b| b < line.end);
            breaks.get(k).is_some_and(|&b| b <= until)
        };
        let mut line = 0;
        while line < self.lines.len() {
            if is_blank(self.lines[line].text(self.text)) {
                line += 1;
                continue;
            }
            let first = line;
            while line < self.lines.len() && !is_blank(self.lines[line].text(self.text)) {
                line += 1;
                if ends_at_line(self.lines[line - 1], self.lines.get(line)) {
                    break;
                }
            }
            self.build_paragraph(first..line, breaks);
        }
    }

    fn build_paragraph(&mut self, lines: Range<usize>, breaks: &[usize]) {
        let text = self.text;
        let span = Span::new(self.lines[lines.start].start, self.lines[lines.end - 1].end);
        let first_word = self.words.len();
        let ascii = span.text(text).is_ascii();
        tokenize::words(text, span, ascii, &mut self.words);
        for word in &self.words[first_word..] {
            let word = word.text(text);
            let (key, flags) = if ascii {
                let key = crate::fxhash::ascii_word_key(word.as_bytes());
                (key, WordFlags::of_ascii(word, key))
            } else {
                let key = crate::fxhash::word_key(word);
                (key, WordFlags::of(word, key))
            };
            self.keys.push(key);
            self.flags.push(flags);
        }
        let first_sentence = self.sentences.len();
        let index = self.paragraphs.len();

        // Lines of one paragraph form blocks; a line break ends a block when
        // it ends a sentence or when the line stands alone (a credit, a tag line).
        let line_spans: Vec<Span> = self.lines[lines.clone()].to_vec();
        let longest = line_spans.iter().map(|l| l.len()).max().unwrap_or(0);
        let mut block_start = span.start;
        for (k, line_span) in line_spans.iter().enumerate() {
            let last = k + 1 == line_spans.len();
            let ends_block = last || {
                let next = line_spans[k + 1];
                line_ends_block(text, *line_span, next, longest)
            };
            // Breaks inside a line (table cells) cut it into blocks too.
            let from = breaks.partition_point(|&b| b <= line_span.start.max(block_start));
            for &cut in breaks[from..].iter().take_while(|&&b| b < line_span.end) {
                self.split_sentences(Span::new(block_start, cut), index);
                block_start = cut;
            }
            if ends_block {
                self.split_sentences(Span::new(block_start, line_span.end), index);
                if !last {
                    block_start = line_spans[k + 1].start;
                }
            }
        }
        self.paragraphs.push(Paragraph {
            span,
            lines,
            words: first_word..self.words.len(),
            sentences: first_sentence..self.sentences.len(),
        });
    }

    /// Splits one block into sentences.
    fn split_sentences(&mut self, block: Span, paragraph: usize) {
        let text = self.text;
        let raw = block.text(text);
        let body = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        let block = Span::new(block.start + lead, block.start + lead + body.len());
        let words_from = self.words.partition_point(|w| w.start < block.start);
        let words_to = self.words.partition_point(|w| w.start < block.end);
        if words_from == words_to {
            return;
        }
        let kind = if ends_with_sentence_mark(body) {
            BlockKind::Prose
        } else if self.words[words_from..words_to].len() <= 30 {
            BlockKind::Line
        } else {
            BlockKind::Prose
        };

        let mut sentence_start = block.start;
        let mut start_kind = SentenceStart::Block;
        let mut word = words_from;
        let bytes = body.as_bytes();
        // Sentence marks (`…` by its first byte) are among the marks.
        let mut i = 0;
        for k in mark_range(&self.marks, block) {
            let at = self.marks[k] - block.start;
            if at < i {
                continue; // inside the run of marks just read
            }
            i = at;
            if bytes[i] < 0x80 && !matches!(bytes[i], b'.' | b'?' | b'!') {
                continue;
            }
            let ch = body[i..].chars().next().unwrap_or(' ');
            if !SENTENCE_MARKS.contains(&ch) {
                continue;
            }
            // The run of marks and closers: `.`, `?!`, `...`, `.”`, `”.`
            let run_start = i;
            let mut run_end = i;
            let mut dots = 0;
            for c in body[i..].chars() {
                if SENTENCE_MARKS.contains(&c) || CLOSERS.contains(&c) {
                    if c == '.' {
                        dots += 1;
                    }
                    if c == '…' {
                        dots += 3;
                    }
                    run_end += c.len_utf8();
                } else {
                    break;
                }
            }
            i = run_end;
            let followed_by_space = body[run_end..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
            if !followed_by_space {
                continue;
            }
            let abs_run = Span::new(block.start + run_start, block.start + run_end);
            while word < words_to && self.words[word].start < abs_run.start {
                word += 1;
            }
            if word == words_to {
                break; // no word after: the block's last sentence
            }
            let previous = (word > words_from).then(|| self.words[word - 1]);
            let next_word = self.words[word];
            let next_char = text[abs_run.end..]
                .trim_start()
                .chars()
                .next()
                .unwrap_or(' ');
            let first_mark = ch;
            let ellipsis = dots >= 2;
            let quote_in_run = body[run_start..run_end].contains(['”', '"', '’', '\'']);

            let attached = previous.is_some_and(|p| {
                text[p.end..abs_run.start]
                    .chars()
                    .all(|c| CLOSERS.contains(&c))
            });
            let after_abbreviation = first_mark == '.'
                && !ellipsis
                && attached
                && previous.is_some_and(|p| {
                    let word = p.text(text);
                    // A company's name may end a sentence before a
                    // quotation opens the next: `...Smith and Co Inc.
                    // “The shares will...`.
                    let before_quotation =
                        lexicon::is_in(lexicon::SENTENCE_FINAL_ABBREVIATIONS, word)
                            && "“\"".contains(next_char)
                            && text[abs_run.end..]
                                .trim_start()
                                .chars()
                                .nth(1)
                                .is_some_and(char::is_uppercase);
                    (is_abbreviation_like(word) && !before_quotation)
                        || (next_char.is_ascii_digit()
                            && lexicon::is_in(lexicon::NUMBER_ABBREVIATIONS, word))
                });
            let boundary = if after_abbreviation {
                None
            } else if ellipsis {
                (next_char.is_uppercase() || "“\"‘(".contains(next_char))
                    .then_some(SentenceStart::AfterStop)
            } else if next_char.is_lowercase()
                && next_word.start == abs_run.end + leading_space(text, abs_run.end)
            {
                // “Why?” he asked. / (D-Okla.) said: a stop inside brackets.
                let dialogue = first_mark != '.' && quote_in_run;
                if dialogue || body[run_start..run_end].contains([')', ']']) {
                    None
                } else if has_inner_capital(next_word.text(text))
                    || is_stray_letter(next_word.text(text))
                {
                    Some(SentenceStart::AfterStop) // iPhone, eBay, or the `â` of mojibake
                } else {
                    Some(SentenceStart::LowercaseAfterStop {
                        stop: Span::new(abs_run.start, abs_run.start + first_mark.len_utf8()),
                    })
                }
            } else {
                Some(SentenceStart::AfterStop)
            };
            if let Some(next_start) = boundary {
                self.push_sentence(
                    Span::new(sentence_start, abs_run.end),
                    kind,
                    start_kind,
                    Some(first_mark),
                    paragraph,
                );
                sentence_start = next_word
                    .start
                    .min(block.start + run_end + leading_space(text, abs_run.end));
                start_kind = next_start;
            }
        }
        let terminator = body
            .trim_end_matches(CLOSERS)
            .chars()
            .next_back()
            .filter(|c| SENTENCE_MARKS.contains(c));
        self.push_sentence(
            Span::new(sentence_start, block.end),
            kind,
            start_kind,
            terminator,
            paragraph,
        );
    }

    fn push_sentence(
        &mut self,
        span: Span,
        kind: BlockKind,
        start: SentenceStart,
        terminator: Option<char>,
        paragraph: usize,
    ) {
        let from = self.words.partition_point(|w| w.start < span.start);
        let to = self.words.partition_point(|w| w.start < span.end);
        if from == to {
            return;
        }
        self.sentences.push(Sentence {
            span,
            words: from..to,
            kind,
            start,
            terminator,
            quoted: false,
            paragraph,
        });
    }
}

/// Which bytes go into `Document::marks`.
const MARK_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let listed = b",.;:!?()[]{}&<>\"'";
    let mut k = 0;
    while k < listed.len() {
        table[listed[k] as usize] = true;
        k += 1;
    }
    let mut b = 0;
    while b < 256 {
        // Control bytes but the usual whitespace, DEL, and lead bytes.
        let control = b < 0x20 && b != b'\t' as usize && b != b'\n' as usize && b != b'\r' as usize;
        if control || b == 0x7F || b >= 0xC0 {
            table[b] = true;
        }
        b += 1;
    }
    table
};

/// Whether a byte is one of `Document::marks`.
pub fn is_mark(b: u8) -> bool {
    MARK_BYTES[usize::from(b)]
}

/// The indices in `marks` of the marks inside `span`.
fn mark_range(marks: &[usize], span: Span) -> Range<usize> {
    marks.partition_point(|&m| m < span.start)..marks.partition_point(|&m| m < span.end)
}

fn find_marks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut marks = Vec::with_capacity(bytes.len() / 16);
    for (i, &b) in bytes.iter().enumerate() {
        if MARK_BYTES[usize::from(b)] {
            marks.push(i);
        }
    }
    marks
}

fn leading_space(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    rest.len() - rest.trim_start().len()
}

fn split_lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
    while let Some(i) = breaks.next() {
        lines.push(Span::new(start, i));
        start = i + 1;
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            breaks.next();
            start = i + 2;
        }
    }
    lines.push(Span::new(start, bytes.len()));
    lines
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn ends_with_sentence_mark(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(SENTENCE_MARKS)
}

/// Whether the break after `line` ends a block. In text with one paragraph
/// per line nothing is wrapped, so a second line in a paragraph stands
/// alone; in hard-wrapped text only a short line followed by a capital does.
fn line_ends_block(text: &str, line: Span, next: Span, longest: usize) -> bool {
    let this = line.text(text).trim_end();
    if ends_with_sentence_mark(this) || this.ends_with(':') {
        return true;
    }
    let next_first = next.text(text).trim_start().chars().next().unwrap_or(' ');
    let starts_like_sentence = next_first.is_uppercase() || next_first.is_ascii_digit();
    let unwrapped = longest > 120;
    let short = this.len() * 10 < longest * 6;
    !this.ends_with([',', '-', ';']) && starts_like_sentence && (unwrapped || short)
}

/// A word whose following full stop does not end a sentence: a listed
/// abbreviation, a word with an inner stop (`U.S`, `e.g`), or an initial.
/// A capital letter alone, as in `J. Smith` or `Plan B.`: its full stop may
/// not end the sentence. A lone lowercase letter or digit (`to be a.`,
/// `it rose 3.`) is a word like any other.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

pub fn is_abbreviation_like(word: &str) -> bool {
    // `U.S.` and `e.g.`, but not a number: `rose to 3.5. Shares fell`.
    let number = word.starts_with(|c: char| c.is_ascii_digit());
    (word.contains('.') && !number) || is_initial(word) || lexicon::is_abbreviation(word)
}

/// `at`, moved back to the nearest character boundary of `text`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at`, moved forward to the nearest character boundary of `text`.
pub fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The byte offset just after the last character of `text` that matches
/// `pred` (0 when none does): the start of the trailing run that does not.
pub fn start_after_last(text: &str, pred: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A lone non-ASCII letter, such as the `â` that starts the mojibake `â€œ`.
fn is_stray_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| !c.is_ascii()) && chars.next().is_none()
}

/// `iPhone`, `eBay`, `mRNA`: a capital after the first letter.
pub fn has_inner_capital(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_flags_say_what_each_word_is() {
        // ASCII words take a table-driven path: it must agree with the
        // plain definitions, as must the path for other words.
        for word in [
            "the",
            "The",
            "THEMSELVES",
            "U.S",
            "can't",
            "3.5",
            "x1",
            "42",
            "snake_case",
            "Of",
            "Über",
            "naïve’s",
            "١٢",
        ] {
            let flags = WordFlags::of(word, crate::fxhash::word_key(word));
            let letter = word.chars().any(char::is_alphabetic);
            assert_eq!(flags.has_letter(), letter, "{word}");
            assert_eq!(
                flags.is_alphanumeric(),
                word.chars().all(char::is_alphanumeric),
                "{word}"
            );
            assert_eq!(flags.is_ascii(), word.is_ascii(), "{word}");
            assert_eq!(
                flags.is_function(),
                letter && lexicon::is_function_word(word),
                "{word}"
            );
        }
        let the = crate::fxhash::word_key("The");
        assert!(WordFlags::of_ascii("The", the).is_function());
        assert!(!WordFlags::of_ascii("42", crate::fxhash::word_key("42")).has_letter());
        assert!(!WordFlags::of_ascii("can't", crate::fxhash::word_key("can't")).is_alphanumeric());
    }

    #[test]
    fn marks_are_the_bytes_the_character_rules_read() {
        let text = "A “b”, c's (d) & e\u{1}.";
        let marked: String = find_marks(text)
            .iter()
            .map(|&i| text[i..].chars().next().unwrap())
            .collect();
        assert_eq!(marked, "“”,'()&\u{1}.");
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences.iter().map(|s| s.span.text(text)).collect()
    }

    fn starts(text: &str) -> Vec<SentenceStart> {
        Document::new(text)
            .sentences
            .iter()
            .map(|s| s.start)
            .collect()
    }

    #[test]
    fn splits_on_full_stop_and_capital() {
        assert_eq!(
            sentences("The talks ended. Both sides left."),
            vec!["The talks ended.", "Both sides left."]
        );
    }

    #[test]
    fn splits_before_a_lowercase_word_and_says_so() {
        let text = "Tensions rose with Ukraine. sought to bring calm.";
        assert_eq!(
            sentences(text),
            vec!["Tensions rose with Ukraine.", "sought to bring calm."]
        );
        let stop = text.find(". sought").unwrap();
        assert_eq!(
            starts(text)[1],
            SentenceStart::LowercaseAfterStop {
                stop: Span::new(stop, stop + 1)
            }
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        for text in [
            "U.S. officials met e.g. the Treasury at 9 a.m. today.",
            "Mr. Smith and Dr. Jones met J. Brown in St. Louis.",
            "Prices rose 3.5 pct vs. last year, approx. twice as fast.",
        ] {
            assert_eq!(sentences(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn company_abbreviation_before_a_quotation_ends_the_sentence() {
        assert_eq!(
            sentences("He works at Smith and Co Inc. “The shares will rise,” he said."),
            vec![
                "He works at Smith and Co Inc.",
                "“The shares will rise,” he said."
            ]
        );
        // Not before a lowercase quotation, nor after a title.
        assert_eq!(sentences("Smith Inc. “and partners” won.").len(), 1);
        assert_eq!(sentences("Then Mr. “Big” Smith arrived.").len(), 1);
    }

    #[test]
    fn question_in_quotes_before_lowercase_does_not_split() {
        assert_eq!(sentences("“Why?” he asked.").len(), 1);
    }

    #[test]
    fn closing_quote_after_stop_stays_with_its_sentence() {
        assert_eq!(
            sentences("He said “no.” Then he left."),
            vec!["He said “no.”", "Then he left."]
        );
    }

    #[test]
    fn stop_after_closing_quote_then_lowercase_is_a_lowercase_start() {
        let text = "It called them a “gang”. who were trained abroad.";
        assert!(matches!(
            starts(text)[1],
            SentenceStart::LowercaseAfterStop { .. }
        ));
    }

    #[test]
    fn ellipsis_before_lowercase_does_not_split() {
        assert_eq!(sentences("We waited... and waited.").len(), 1);
    }

    #[test]
    fn lowercase_brand_starts_a_normal_sentence() {
        assert_eq!(
            starts("Sales rose. iPhone demand led.")[1],
            SentenceStart::AfterStop
        );
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let doc = Document::new("One here.\nStill one.\n\n  \nTwo here.\n");
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_sentence() {
        let text = "The central bank said on Monday that it would keep its\nrates unchanged for the rest of the year.";
        assert_eq!(sentences(text).len(), 1);
    }

    #[test]
    fn short_standalone_line_is_its_own_block() {
        let text = format!(
            "{}.\nJane Roe/Agency Photos",
            "A long caption line that runs on and on about the scene in the square and the crowd that gathered there"
        );
        let doc = Document::new(&text);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].kind, BlockKind::Line);
    }

    #[test]
    fn headline_is_a_line_block() {
        let doc = Document::new("Markets Rally as Talks Resume\n\nStocks rose on Monday.");
        assert_eq!(doc.sentences[0].kind, BlockKind::Line);
        assert_eq!(doc.sentences[1].kind, BlockKind::Prose);
    }

    #[test]
    fn sentence_knows_it_is_quoted() {
        let doc = Document::new("He said: “It works. It is fast.” We agreed.");
        let quoted: Vec<bool> = doc.sentences.iter().map(|s| s.quoted).collect();
        assert_eq!(quoted, vec![false, true, false]);
    }

    #[test]
    fn a_lone_lowercase_letter_or_digit_ends_a_sentence_but_an_initial_does_not() {
        let doc = Document::new(
            "It has proven itself to be a. Determined bidder came. It rose to 3. Then J. Smith spoke.",
        );
        let starts: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.word(s.words.start))
            .collect();
        assert_eq!(starts, vec!["It", "Determined", "It", "Then"]);
    }

    #[test]
    fn a_short_text_half_english_half_german_is_english() {
        let doc = Document::new(
            "Also on the list are the port authority, a leading gas distributor, a savings bank and several other lenders. Die Regierung hat am Dienstag beschlossen, die Steuern zu senken.",
        );
        assert_eq!(doc.language, Some(whatlang::Lang::Eng));
    }

    #[test]
    fn language_is_english_by_function_words_or_told_by_whatlang() {
        let english = Document::new(
            "The talks ended on Monday and the two sides said they would meet again in the spring.",
        );
        assert_eq!(english.language, Some(whatlang::Lang::Eng));
        let german = Document::new(
            "Die Gespräche endeten am Montag, und beide Seiten erklärten, dass sie sich im Frühjahr wieder treffen würden.",
        );
        assert_eq!(german.language, Some(whatlang::Lang::Deu));
        assert!(!german.is_english());
        assert!(Document::new("Hello.").is_english());
    }

    #[test]
    fn terse_english_outvotes_one_long_foreign_sentence() {
        // Few function words in the English, many words in the French.
        let text = "LONDON, MARCH 5 - Copper prices rallied today, moving above 1,400 stg a tonne because of Chile's determined effort to limit supply, traders said. Le maire a annoncé que la piscine municipale restera fermée tout l'été pour des travaux.";
        assert!(Document::new(text).is_english());
        // The same shortcut does not take terse French for English.
        let french = "Ventes nettes: hausse de douze pour cent. Selon le maire, le nouveau pont ne sera pas terminé avant l'automne parce que les travaux ont pris du retard cet hiver.";
        assert!(!Document::new(french).is_english());
    }

    #[test]
    fn stop_inside_brackets_and_state_abbreviations_do_not_split() {
        assert_eq!(
            sentences("Senator Jane Roe (D-Okla.) said the bill would pass.").len(),
            1
        );
        assert_eq!(
            sentences("AUSTIN, Tex. (AP) - The state said it would appeal.").len(),
            1
        );
    }

    #[test]
    fn start_after_last_steps_over_multibyte_characters() {
        assert_eq!(start_after_last("a”bc", |c| !c.is_alphanumeric()), 4);
        assert_eq!(start_after_last("abc", |c| !c.is_alphanumeric()), 0);
    }

    #[test]
    fn crlf_text_splits_like_lf_text() {
        let doc = Document::new("First one.\r\n\r\nSecond one.\r\n");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences[1].span.text(doc.text), "Second one.");
    }
}
