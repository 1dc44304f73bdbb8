//! The injector: takes clean paragraphs and makes labelled artifacts from
//! them, deterministically from a seed. Each artifact is one of the kinds
//! of damage mtlint is for; its record says which (`label`) and where
//! (`span`, 0-based Unicode scalar offsets, end exclusive).
//!
//! An injection only applies where it makes sense (a quotation to break, a
//! sentence boundary to join, a phrase the tortured list knows); where it
//! does not, the paragraph simply gets no record of that label.

use crate::document::{Document, Sentence, is_abbreviation_like};
use crate::lexicon;
use crate::rules::encoding::mojibake::code_page_char;
use std::ops::Range;
use std::sync::OnceLock;

/// Every label, in the order records are made.
pub const LABELS: &[&str] = &[
    "misplaced-quote",
    "lowercase-start",
    "fragment",
    "repeated-phrase",
    "run-on",
    "mojibake",
    "foreign-sentence",
    "mixed-script",
    "html-entity",
    "doubled-punct",
    "tortured-phrase",
];

/// xorshift64*: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `range` (which must not be empty).
    pub fn below(&mut self, range: Range<usize>) -> usize {
        range.start + (self.next_u64() % (range.end - range.start) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(0..items.len())])
    }
}

/// An injected paragraph: its text and the damaged stretch, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injected {
    pub text: String,
    pub span: Range<usize>,
}

impl Injected {
    /// The span in Unicode scalar values, as records give it.
    pub fn char_span(&self) -> [usize; 2] {
        let start = self.text[..self.span.start].chars().count();
        [start, start + self.text[self.span.clone()].chars().count()]
    }
}

/// Applies the artifact `label` to `text`, if it applies.
pub fn inject(label: &str, text: &str, rng: &mut Rng) -> Option<Injected> {
    let doc = Document::new(text);
    match label {
        "misplaced-quote" => misplaced_quote(text, &doc, rng),
        "lowercase-start" => lowercase_start(text, &doc, rng),
        "fragment" => fragment(text, &doc, rng),
        "repeated-phrase" => repeated_phrase(text, &doc, rng),
        "run-on" => run_on(text, &doc, rng),
        "mojibake" => mojibake(text, &doc, rng),
        "foreign-sentence" => foreign_sentence(text, &doc, rng),
        "mixed-script" => mixed_script(text, &doc, rng),
        "html-entity" => html_entity(text, &doc, rng),
        "doubled-punct" => doubled_punct(text, &doc, rng),
        "tortured-phrase" => tortured_phrase(text, rng),
        _ => None,
    }
}

fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

/// Plain sentences: prose, ending in a full stop, not inside quotes.
fn plain_sentences<'d>(doc: &'d Document) -> Vec<(usize, &'d Sentence)> {
    doc.sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.terminator == Some('.') && !s.quoted && s.words.len() >= 3)
        .collect()
}

/// Boundaries `i`: sentence `i` ends with a real full stop (not an
/// abbreviation) and sentence `i + 1` follows in the same paragraph.
fn boundaries(doc: &Document) -> Vec<usize> {
    (0..doc.sentences.len().saturating_sub(1))
        .filter(|&i| {
            let (a, b) = (&doc.sentences[i], &doc.sentences[i + 1]);
            a.terminator == Some('.')
                && a.paragraph == b.paragraph
                && !a.quoted
                && !b.quoted
                && a.words.len() >= 3
                && b.words.len() >= 3
                && !is_abbreviation_like(doc.word(a.words.end - 1))
        })
        .collect()
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Moves the closing mark of a quotation of four or more words back to
/// after one of its words: `“We will build the bridge,” he said` becomes
/// `“We will build” the bridge, he said`. The span is the stretch now
/// outside the quotation, from the moved mark to where the mark was.
fn misplaced_quote(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let mut candidates = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut from = 0;
        while let Some(o) = text[from..].find(open).map(|i| from + i) {
            let inner = o + open.len_utf8();
            let Some(c) = text[inner..].find(close).map(|i| inner + i) else {
                break;
            };
            let words: Vec<usize> = (0..doc.words.len())
                .filter(|&w| doc.words[w].start >= inner && doc.words[w].end <= c)
                .collect();
            let punctuated = text[..c].ends_with([',', '.', '?', '!']);
            if words.len() >= 4 && punctuated && !text[inner..c].contains(['\n', open, close]) {
                candidates.push((words, c, close));
            }
            from = c + close.len_utf8();
        }
    }
    let (words, c, close) = candidates
        .get(rng.below(0..candidates.len().max(1)))?
        .clone();
    // After word k, leaving at least one word outside the quotation.
    let k = words[rng.below(0..words.len() - 1)];
    let at = doc.words[k].end;
    let moved = splice(text, c..c + close.len_utf8(), "");
    let result = splice(&moved, at..at, &close.to_string());
    Some(Injected {
        span: at..c + close.len_utf8(),
        text: result,
    })
}

/// Lowercases the first word of a sentence that follows a full stop.
fn lowercase_start(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let starts: Vec<usize> = boundaries(doc)
        .into_iter()
        .map(|i| doc.sentences[i + 1].words.start)
        .filter(|&w| is_capitalised(doc.word(w)) && doc.word(w) != "I")
        .collect();
    let w = rng.pick(&starts)?;
    let span = doc.words[w].range();
    let lower = doc.word(w).to_lowercase();
    Some(Injected {
        text: splice(text, span.clone(), &lower),
        span: span.start..span.start + lower.len(),
    })
}

/// Splits one to four words off the end of a sentence of eight or more as a
/// sentence of their own: `...approved by the council on Monday.` becomes
/// `...approved by the council. On Monday.` The span runs from the last
/// word before the split to the end of the new fragment.
fn fragment(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let sentences: Vec<&Sentence> = plain_sentences(doc)
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| s.words.len() >= 8)
        .collect();
    let s = rng.pick(&sentences)?;
    let tail = rng.below(1..5);
    let first = s.words.end - tail;
    let word = doc.words[first].range();
    let before = doc.words[first - 1].end;
    // Only at a plain space between two words (no comma, no dash).
    if &text[before..word.start] != " " || !doc.word(first).chars().all(char::is_alphanumeric) {
        return None;
    }
    let mut capital = String::new();
    let mut chars = doc.word(first).chars();
    capital.extend(chars.next()?.to_uppercase());
    capital.push_str(chars.as_str());
    let replaced = splice(text, before..word.end, &format!(". {capital}"));
    // The split itself is the damage: from the head's last word to the end
    // of the new fragment.
    let start = doc.words[first - 1].start;
    let end = s.span.end - (word.end - before) + 2 + capital.len();
    Some(Injected {
        text: replaced,
        span: start..end,
    })
}

/// Repeats one to four words of a sentence as an echo after it, as machine
/// translation does: `...who followed the situation. have followed.`
fn repeated_phrase(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let sentences = plain_sentences(doc);
    let (_, s) = rng.pick(&sentences)?;
    let n = rng.below(1..5).min(s.words.len() - 1);
    let last = s.words.end;
    let from = rng.below((last - n).saturating_sub(4).max(s.words.start)..last - n + 1);
    let phrase = &text[doc.words[from].start..doc.words[from + n - 1].end];
    if phrase.contains(['\n', '"', '“', '”']) {
        return None;
    }
    let at = s.span.end;
    let insert = format!(" {phrase}.");
    Some(Injected {
        text: splice(text, at..at, &insert),
        span: at + 1..at + insert.len(),
    })
}

/// Joins two sentences by dropping the full stop, where the second starts
/// with a common word (`...with Russia A rival insurgency`). A run-on that
/// starts with a name cannot be told from a sentence by its surface.
fn run_on(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let joins: Vec<usize> = boundaries(doc)
        .into_iter()
        .filter(|&i| {
            let word = doc.word(doc.sentences[i + 1].words.start);
            is_capitalised(word)
                && word != "I"
                && (lexicon::is_function_word(&word.to_lowercase())
                    || lexicon::word_rank(&word.to_lowercase()).is_some_and(|r| r < 3000))
        })
        .collect();
    let i = rng.pick(&joins)?;
    let a = &doc.sentences[i];
    let b = &doc.sentences[i + 1];
    let stop = a.span.end - 1;
    if &text[stop..stop + 1] != "." {
        return None;
    }
    let last = doc.words[a.words.end - 1].start;
    let next = doc.words[b.words.start].end;
    Some(Injected {
        text: splice(text, stop..stop + 1, ""),
        span: last..next - 1,
    })
}

/// Encodes one non-ASCII character (or an apostrophe, taken as `’`) in
/// UTF-8 and decodes it as Windows-1252: `don’t` becomes `donâ€™t`.
fn mojibake(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let mut places: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| !c.is_ascii() && !c.is_whitespace())
        .collect();
    if places.is_empty() {
        // Apostrophes inside words.
        places = doc
            .words
            .iter()
            .filter_map(|w| {
                let word = &text[w.start..w.end];
                word.find('\'').map(|i| (w.start + i, '’'))
            })
            .collect();
    }
    let (at, c) = rng.pick(&places)?;
    let original_len = text[at..].chars().next()?.len_utf8();
    let mut buf = [0u8; 4];
    let garbled: String = c
        .encode_utf8(&mut buf)
        .bytes()
        .map(code_page_char)
        .collect();
    Some(Injected {
        text: splice(text, at..at + original_len, &garbled),
        span: at..at + garbled.len(),
    })
}

/// Sentences in other languages, written for this injector.
const FOREIGN: &[&str] = &[
    "Die Regierung hat am Dienstag beschlossen, die Steuern für kleine Unternehmen im nächsten Jahr zu senken.",
    "Der Bürgermeister sagte, dass die neue Brücke erst im Herbst fertig sein wird, weil das Material fehlt.",
    "Le gouvernement a annoncé mardi que les impôts des petites entreprises baisseront l'année prochaine.",
    "Selon le maire, le nouveau pont ne sera pas terminé avant l'automne parce que les matériaux manquent.",
    "El gobierno anunció el martes que los impuestos de las pequeñas empresas bajarán el próximo año.",
    "Según el alcalde, el nuevo puente no estará terminado antes del otoño porque faltan los materiales.",
    "Il governo ha annunciato martedì che le tasse per le piccole imprese scenderanno il prossimo anno.",
    "O governo anunciou na terça-feira que os impostos das pequenas empresas vão baixar no próximo ano.",
    "De regering heeft dinsdag besloten dat de belastingen voor kleine bedrijven volgend jaar omlaag gaan.",
    "Rząd ogłosił we wtorek, że podatki dla małych firm zostaną obniżone w przyszłym roku.",
];

/// Drops a sentence in another language into the paragraph, after one of
/// its sentences.
fn foreign_sentence(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let ends: Vec<usize> = doc
        .sentences
        .iter()
        .filter(|s| s.terminator.is_some() && !s.quoted)
        .map(|s| s.span.end)
        .collect();
    let at = rng.pick(&ends)?;
    let sentence = rng.pick(FOREIGN)?;
    Some(Injected {
        text: splice(text, at..at, &format!(" {sentence}")),
        span: at + 1..at + 1 + sentence.len(),
    })
}

/// Latin letters and the Cyrillic letters that look the same.
const LOOK_ALIKES: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
];

/// Swaps one letter of a word for its Cyrillic look-alike.
fn mixed_script(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let words: Vec<usize> = (0..doc.words.len())
        .filter(|&w| {
            let word = doc.word(w);
            word.len() >= 4
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && word
                    .chars()
                    .any(|c| LOOK_ALIKES.iter().any(|&(l, _)| l == c))
        })
        .collect();
    let w = rng.pick(&words)?;
    let span = doc.words[w].range();
    let word = doc.word(w);
    let places: Vec<(usize, char)> = word
        .char_indices()
        .filter_map(|(i, c)| {
            LOOK_ALIKES
                .iter()
                .find(|&&(l, _)| l == c)
                .map(|&(_, k)| (i, k))
        })
        .collect();
    let (i, cyrillic) = rng.pick(&places)?;
    let swapped = splice(word, i..i + 1, &cyrillic.to_string());
    Some(Injected {
        text: splice(text, span.clone(), &swapped),
        span: span.start..span.start + swapped.len(),
    })
}

/// Leaves an HTML entity in the text: a no-break space between two words,
/// an apostrophe or quote mark as a numeric or named entity, or `&amp;`.
fn html_entity(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let mut places: Vec<(Range<usize>, &str)> = Vec::new();
    for pair in doc.words.windows(2) {
        if &text[pair[0].end..pair[1].start] == " " {
            places.push((pair[0].end..pair[1].start, "&nbsp;"));
        }
    }
    for (i, c) in text.char_indices() {
        let entity = match c {
            '\'' | '’' => "&#8217;",
            '"' => "&quot;",
            '“' => "&ldquo;",
            '”' => "&rdquo;",
            '&' => "&amp;",
            _ => continue,
        };
        places.push((i..i + c.len_utf8(), entity));
    }
    for (i, _) in text.match_indices(" and ") {
        places.push((i + 1..i + 4, "&amp;"));
    }
    let (range, entity) = places.get(rng.below(0..places.len().max(1)))?.clone();
    Some(Injected {
        text: splice(text, range.clone(), entity),
        span: range.start..range.start + entity.len(),
    })
}

/// Doubles a comma or a sentence's full stop.
fn doubled_punct(text: &str, doc: &Document, rng: &mut Rng) -> Option<Injected> {
    let mut places: Vec<usize> = text
        .match_indices(", ")
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && text[..i].ends_with(|c: char| c.is_alphanumeric()))
        .collect();
    for (_, s) in plain_sentences(doc) {
        let stop = s.span.end - 1;
        if !is_abbreviation_like(doc.word(s.words.end - 1))
            && text[..stop].ends_with(char::is_alphanumeric)
        {
            places.push(stop);
        }
    }
    let at = rng.pick(&places)?;
    let mark = &text[at..at + 1];
    Some(Injected {
        text: splice(text, at..at + 1, &format!("{mark}{mark}")),
        span: at..at + 2,
    })
}

/// Expected phrase → tortured phrase, from the rule's list (entries without
/// a context condition).
fn tortured_list() -> &'static (aho_corasick::AhoCorasick, Vec<(String, String)>) {
    static LIST: OnceLock<(aho_corasick::AhoCorasick, Vec<(String, String)>)> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for line in include_str!("../../data/tortured-phrases.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() >= 2
                && fields.get(2).is_none_or(|c| c.is_empty())
                && fields[1].contains(' ')
            {
                pairs.push((fields[1].to_owned(), fields[0].to_owned()));
            }
        }
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(pairs.iter().map(|(expected, _)| expected))
            .expect("the phrase automaton builds");
        (automaton, pairs)
    })
}

/// Replaces a phrase the tortured list knows with its tortured form:
/// `artificial intelligence` becomes `counterfeit consciousness`.
fn tortured_phrase(text: &str, rng: &mut Rng) -> Option<Injected> {
    let (automaton, pairs) = tortured_list();
    let bytes = text.as_bytes();
    let found: Vec<(Range<usize>, usize)> = automaton
        .find_iter(text)
        .filter(|m| {
            let before = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
            let after = m.end() == bytes.len() || !bytes[m.end()].is_ascii_alphanumeric();
            before && after
        })
        .map(|m| (m.start()..m.end(), m.pattern().as_usize()))
        .collect();
    let (range, pattern) = found.get(rng.below(0..found.len().max(1)))?.clone();
    let mut tortured = pairs[pattern].1.clone();
    if text[range.clone()].starts_with(char::is_uppercase) {
        tortured = tortured[..1].to_uppercase() + &tortured[1..];
    }
    Some(Injected {
        text: splice(text, range.clone(), &tortured),
        span: range.start..range.start + tortured.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "The council met on Tuesday in the old town hall. \
        “We will build the new bridge next year,” the mayor said after the vote. \
        The plan was approved by a large majority of the members on Monday. \
        It will cost about 40 million euros, and the work starts in March.";

    fn marked(label: &str, seed: u64) -> (Injected, String) {
        let injected = inject(label, PARAGRAPH, &mut Rng::new(seed)).expect("applies");
        let marked = injected.text[injected.span.clone()].to_owned();
        (injected, marked)
    }

    #[test]
    fn every_label_applies_to_a_plain_news_paragraph() {
        for label in LABELS {
            if *label == "tortured-phrase" {
                continue;
            }
            for seed in 0..20 {
                let injected = inject(label, PARAGRAPH, &mut Rng::new(seed));
                let injected = injected.unwrap_or_else(|| panic!("{label} seed {seed}"));
                assert_ne!(injected.text, PARAGRAPH, "{label}");
                assert!(!injected.span.is_empty(), "{label}");
                assert!(injected.text.is_char_boundary(injected.span.end), "{label}");
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_record() {
        for label in LABELS {
            let a = inject(label, PARAGRAPH, &mut Rng::new(7));
            let b = inject(label, PARAGRAPH, &mut Rng::new(7));
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_moved_quote_leaves_words_outside_the_quotation() {
        let (injected, marked) = marked("misplaced-quote", 3);
        assert!(
            marked.starts_with('”') && !marked.ends_with('”'),
            "{marked}"
        );
        assert_eq!(injected.text.matches('”').count(), 1);
        assert!(
            injected.text.contains("next year, the mayor"),
            "{}",
            injected.text
        );
    }

    #[test]
    fn each_artifact_looks_as_described() {
        let (_, word) = marked("lowercase-start", 1);
        assert!(word.starts_with(char::is_lowercase), "{word}");
        let (injected, fragment) = marked("fragment", 2);
        let tail = fragment.split_once(". ").expect("a split").1;
        assert!(tail.ends_with('.') && tail.starts_with(char::is_uppercase));
        assert!(tail.split(' ').count() <= 4, "{fragment}");
        assert!(injected.text.len() == PARAGRAPH.len() + 1);
        let (_, echo) = marked("repeated-phrase", 4);
        assert!(echo.ends_with('.') && PARAGRAPH.contains(echo.trim_end_matches('.')));
        let (injected, joined) = marked("run-on", 5);
        assert!(!joined.contains('.'), "{joined}");
        assert_eq!(injected.text.len(), PARAGRAPH.len() - 1);
        let (_, garbled) = marked("mojibake", 6);
        assert!(garbled.starts_with('â'), "{garbled}");
        let (_, foreign) = marked("foreign-sentence", 7);
        assert!(FOREIGN.contains(&foreign.as_str()));
        let (_, word) = marked("mixed-script", 8);
        assert!(
            word.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)),
            "{word}"
        );
        let (_, entity) = marked("html-entity", 9);
        assert!(entity.starts_with('&') && entity.ends_with(';'), "{entity}");
        let (_, doubled) = marked("doubled-punct", 10);
        assert!(doubled == ".." || doubled == ",,", "{doubled}");
    }

    #[test]
    fn tortured_phrases_replace_known_phrases_only() {
        let text = "Artificial intelligence is changing how the bank works.";
        let injected = inject("tortured-phrase", text, &mut Rng::new(1)).unwrap();
        let marked = &injected.text[injected.span.clone()];
        assert!(marked.starts_with(char::is_uppercase));
        assert!(
            !marked.eq_ignore_ascii_case("artificial intelligence"),
            "{marked}"
        );
        assert_eq!(
            inject("tortured-phrase", "Nothing to see here.", &mut Rng::new(1)),
            None
        );
    }

    #[test]
    fn char_spans_count_scalar_values() {
        let injected = Injected {
            text: "é€ ab".into(),
            span: 6..8,
        };
        assert_eq!(injected.char_span(), [3, 5]);
    }
}
