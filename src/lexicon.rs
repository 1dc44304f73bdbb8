//! Small closed word lists that the rules share.
//!
//! These lists were written by the mtlint team for this project (MIT, like the
//! rest of the code). Each is sorted so that lookups are a binary search with
//! no allocation; a test keeps them sorted.

/// A word lowercased into a stack buffer, with `’` folded to `'`.
/// Words that are too long or hold other non-ASCII letters are in no list.
pub struct Lower {
    buf: [u8; 32],
    len: usize,
}

impl Lower {
    pub fn new(word: &str) -> Option<Lower> {
        let mut buf = [0u8; 32];
        let mut len = 0;
        for ch in word.chars() {
            let byte = match ch {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => c.to_ascii_lowercase() as u8,
                _ => return None,
            };
            if len == buf.len() {
                return None;
            }
            buf[len] = byte;
            len += 1;
        }
        Some(Lower { buf, len })
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The commonest English words, most frequent first (see the file's header
/// for its source and licence).
const ENGLISH_WORDS: &str = include_str!("../data/english-words.txt");

/// The frequency rank of a word (0 = commonest), ignoring case, or `None`
/// when it is not among the 20,000 commonest English words.
pub fn word_rank(word: &str) -> Option<u32> {
    type Ranks = std::collections::HashMap<&'static str, u32, crate::fxhash::BuildFx>;
    static RANKS: std::sync::OnceLock<Ranks> = std::sync::OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        ENGLISH_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .enumerate()
            .map(|(rank, word)| (word, rank as u32))
            .collect()
    });
    let lower = Lower::new(word)?;
    ranks.get(lower.as_str()).copied()
}

/// Panics unless `list` is sorted, lowercase and free of duplicates, as
/// `is_in` needs. For the tests of rules that keep lists of their own.
#[cfg(test)]
pub fn assert_sorted(list: &[&str]) {
    for pair in list.windows(2) {
        assert!(pair[0] < pair[1], "{:?} is out of order", pair);
    }
    for word in list {
        assert_eq!(word.to_ascii_lowercase(), *word);
    }
}

/// Whether `word` (any case) is in a sorted lowercase `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    match Lower::new(word) {
        Some(lower) => list.binary_search(&lower.as_str()).is_ok(),
        None => false,
    }
}

/// Abbreviations that end in a full stop which does not end a sentence.
/// Words with an inner full stop (`U.S.`, `e.g.`, `a.m.`) and single-letter
/// initials are recognised without a list.
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "ca", "capt", "cf", "cmdr",
    "co", "col", "corp", "dec", "dept", "dr", "ed", "eds", "eg", "esp", "est", "etc", "feb", "fri",
    "ft", "gen", "gov", "govt", "hon", "hwy", "ie", "inc", "intl", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "messrs", "mon", "mr", "mrs", "ms", "mt", "natl", "nov", "oct", "prof",
    "rep", "rev", "sat", "sen", "sep", "sept", "sgt", "sr", "st", "sun", "supt", "thu", "thurs",
    "tue", "tues", "univ", "vs", "wed",
];

/// Abbreviations that end a company's name or a list, so often a
/// sentence too: before a quotation that opens with a capital their full
/// stop ends the sentence (`...Smith and Co Inc. “The shares...`).
pub const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &["bros", "co", "corp", "etc", "inc", "ltd"];

/// Abbreviations that count only when capitalised, such as US states
/// (`Ga.`, `Va.`, `Calif.`): in lowercase most are words (`ill`, `mass`).
pub const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Abbreviations that stand before a number (`No. 3`, `Fig. 2`, `pp. 10`);
/// before anything else their full stop may end a sentence (`He said no.`).
pub const NUMBER_ABBREVIATIONS: &[&str] = &[
    "art", "ch", "fig", "figs", "no", "nos", "op", "pp", "pt", "sec", "vol", "vols",
];

/// Function words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries and the commonest adverbs. A phrase made only of these
/// carries no content.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Forms of `be`, `have` and `do`, and the modals.
pub const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have",
    "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would",
];

/// Subject pronouns, for `It was,`-style bare subject plus copula fragments.
pub const SUBJECT_PRONOUNS: &[&str] = &[
    "he", "i", "it", "she", "that", "there", "these", "they", "this", "those", "we", "you",
];

/// Common English verbs in all their forms, for the rough test "does this
/// short sentence have a verb?". Words ending in `-ed` count as verbs too.
pub const VERBS: &[&str] = &[
    "accept",
    "accepted",
    "accepts",
    "add",
    "added",
    "adds",
    "agree",
    "agreed",
    "agrees",
    "allow",
    "allowed",
    "allows",
    "am",
    "appear",
    "appeared",
    "appears",
    "are",
    "arrive",
    "arrived",
    "ask",
    "asked",
    "asks",
    "be",
    "beat",
    "became",
    "become",
    "becomes",
    "been",
    "began",
    "begin",
    "begins",
    "begun",
    "believe",
    "believed",
    "believes",
    "bet",
    "bid",
    "bought",
    "break",
    "breaks",
    "bring",
    "brings",
    "broke",
    "broken",
    "brought",
    "build",
    "builds",
    "built",
    "buy",
    "buys",
    "call",
    "called",
    "calls",
    "came",
    "can",
    "cannot",
    "change",
    "changed",
    "changes",
    "choose",
    "chose",
    "chosen",
    "close",
    "closed",
    "closes",
    "come",
    "comes",
    "cost",
    "costs",
    "could",
    "cut",
    "cuts",
    "decide",
    "decided",
    "declined",
    "denied",
    "denies",
    "deny",
    "did",
    "die",
    "died",
    "dies",
    "do",
    "does",
    "done",
    "drew",
    "drop",
    "dropped",
    "drops",
    "eat",
    "eats",
    "end",
    "ended",
    "ends",
    "expect",
    "expected",
    "expects",
    "fall",
    "fallen",
    "falls",
    "feel",
    "feels",
    "fell",
    "felt",
    "fight",
    "fights",
    "find",
    "finds",
    "fled",
    "flee",
    "flees",
    "flew",
    "flies",
    "fly",
    "follow",
    "followed",
    "follows",
    "forget",
    "forgot",
    "fought",
    "found",
    "gave",
    "get",
    "gets",
    "give",
    "given",
    "gives",
    "go",
    "goes",
    "gone",
    "got",
    "grew",
    "grow",
    "grown",
    "grows",
    "had",
    "happen",
    "happened",
    "happens",
    "has",
    "have",
    "hear",
    "heard",
    "hears",
    "held",
    "help",
    "helped",
    "helps",
    "hid",
    "hide",
    "hit",
    "hold",
    "holds",
    "hurt",
    "is",
    "keep",
    "keeps",
    "kept",
    "kill",
    "kills",
    "knew",
    "know",
    "known",
    "knows",
    "lay",
    "lead",
    "leads",
    "learn",
    "learned",
    "leave",
    "leaves",
    "led",
    "left",
    "let",
    "lets",
    "lie",
    "lied",
    "lies",
    "like",
    "liked",
    "likes",
    "lit",
    "live",
    "lived",
    "lives",
    "look",
    "looked",
    "looks",
    "lose",
    "loses",
    "lost",
    "made",
    "make",
    "makes",
    "may",
    "mean",
    "means",
    "meant",
    "meet",
    "meets",
    "met",
    "might",
    "move",
    "moved",
    "moves",
    "must",
    "need",
    "needed",
    "needs",
    "offer",
    "offered",
    "offers",
    "open",
    "opened",
    "opens",
    "paid",
    "pay",
    "pays",
    "play",
    "played",
    "plays",
    "put",
    "puts",
    "quit",
    "ran",
    "rang",
    "reach",
    "reached",
    "read",
    "reads",
    "remain",
    "remained",
    "remains",
    "resign",
    "resigned",
    "ring",
    "rise",
    "risen",
    "rises",
    "rose",
    "run",
    "runs",
    "said",
    "sang",
    "sank",
    "sat",
    "saw",
    "say",
    "says",
    "see",
    "seem",
    "seemed",
    "seems",
    "seen",
    "sees",
    "sell",
    "sells",
    "send",
    "sends",
    "sent",
    "set",
    "sets",
    "shall",
    "shoot",
    "shot",
    "should",
    "show",
    "showed",
    "shown",
    "shows",
    "shut",
    "sing",
    "sink",
    "sit",
    "sits",
    "slid",
    "sold",
    "speak",
    "speaks",
    "spend",
    "spends",
    "spent",
    "spoke",
    "spoken",
    "spread",
    "stand",
    "stands",
    "start",
    "started",
    "starts",
    "stay",
    "stayed",
    "stays",
    "stood",
    "stop",
    "stopped",
    "stops",
    "strike",
    "strikes",
    "struck",
    "swear",
    "swore",
    "take",
    "taken",
    "takes",
    "talk",
    "talked",
    "talks",
    "tell",
    "tells",
    "thank",
    "think",
    "thinks",
    "thought",
    "threw",
    "throw",
    "thrown",
    "told",
    "took",
    "tried",
    "tries",
    "try",
    "turn",
    "turned",
    "turns",
    "understand",
    "understood",
    "use",
    "used",
    "uses",
    "wait",
    "waited",
    "waits",
    "want",
    "wanted",
    "wants",
    "was",
    "watch",
    "watched",
    "wear",
    "wears",
    "went",
    "were",
    "will",
    "win",
    "wins",
    "won",
    "wore",
    "work",
    "worked",
    "works",
    "would",
    "write",
    "writes",
    "written",
    "wrote",
];

/// Words that may open a subordinate clause. A sentence that opens with one
/// and has no comma has no main clause.
pub const SUBORDINATORS: &[&str] = &[
    "although", "because", "though", "whereas", "whereby", "wherein", "which", "while", "who",
    "whom", "whose",
];

/// Prepositions. A short sentence that opens with one and has no verb is
/// a phrase split off the sentence before (`...approved by the council. On
/// Monday.`); a quotation of speech that closes after one was cut short.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "per",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Articles.
pub const ARTICLES: &[&str] = &["a", "an", "the"];

/// Articles, possessive and demonstrative determiners: the words that
/// open a noun phrase such as a verb's object (`opposes the merger`).
pub const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "this", "those", "your",
];

/// Numbers in words, which take a unit after them (`declined seven pct`).
pub const NUMBER_WORDS: &[&str] = &[
    "eight",
    "eighteen",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "hundred",
    "nine",
    "nineteen",
    "ninety",
    "one",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "thousand",
    "three",
    "twelve",
    "twenty",
    "two",
];

/// Words a finished English sentence does not end on.
pub const NON_FINAL_WORDS: &[&str] = &[
    "a", "although", "among", "amongst", "an", "and", "because", "but", "despite", "during",
    "every", "if", "its", "my", "nor", "of", "or", "our", "than", "the", "their", "toward",
    "towards", "until", "upon", "via", "whether", "whose", "your",
];

/// Whether a word is an adverb in `-ly` (`probably`, `Sharply`), not a
/// noun, verb or name that ends so (`supply`, `July`, `Italy`).
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() >= 5 && word.ends_with("ly") && !is_in(LY_WORDS, word)
}

/// Words in `-ly` that are no adverbs.
const LY_WORDS: &[&str] = &[
    "anomaly", "apply", "assembly", "belly", "bully", "emily", "family", "holly", "italy", "jelly",
    "july", "kelly", "lily", "molly", "monopoly", "rally", "reply", "sally", "supply",
];

/// Day names, lowercase.
pub const WEEKDAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Month names, lowercase.
pub const MONTHS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "january",
    "july",
    "june",
    "march",
    "may",
    "november",
    "october",
    "september",
];

/// Words that English doubles on purpose (`had had`, `that that`).
pub const GRAMMATICAL_DOUBLES: &[&str] = &["bye", "do", "ha", "had", "is", "no", "that"];

/// Elided words written with a leading apostrophe (`’em`, `rock ’n’ roll`).
pub const ELISIONS: &[&str] = &["cause", "em", "n", "nother", "til", "tis", "twas"];

/// Short replies and interjections that stand as sentences in edited prose.
pub const STANDALONE_REPLIES: &[&str] = &[
    "absolutely",
    "agreed",
    "alright",
    "certainly",
    "exactly",
    "fine",
    "goodbye",
    "hello",
    "hi",
    "indeed",
    "maybe",
    "never",
    "no",
    "nope",
    "not",
    "of",
    "oh",
    "ok",
    "okay",
    "perhaps",
    "please",
    "really",
    "right",
    "sorry",
    "sure",
    "thanks",
    "true",
    "well",
    "wow",
    "yes",
];

pub fn is_abbreviation(word: &str) -> bool {
    is_in(ABBREVIATIONS, word)
        || (word.starts_with(|c: char| c.is_ascii_uppercase())
            && is_in(CAPITALISED_ABBREVIATIONS, word))
}

/// A word list looked up by `fxhash::word_key`: for the lists that rules
/// consult for many words of a text, whose keys the document already has.
pub struct KeySet {
    words: std::collections::HashMap<u64, &'static str, crate::fxhash::BuildKey>,
    /// One bit per key (4,096 bits): most words are turned away here.
    bits: [u64; 64],
    /// The longest word in bytes, with `’` counted as three.
    longest: usize,
}

fn key_bit(key: u64) -> usize {
    (key >> 52) as usize
}

impl KeySet {
    pub fn new(lists: &[&[&'static str]]) -> KeySet {
        let words: std::collections::HashMap<u64, &'static str, crate::fxhash::BuildKey> = lists
            .iter()
            .flat_map(|l| l.iter())
            .map(|w| (crate::fxhash::word_key(w), *w))
            .collect();
        let mut bits = [0u64; 64];
        for key in words.keys() {
            bits[key_bit(*key) / 64] |= 1 << (key_bit(*key) % 64);
        }
        // A listed `'` may be written `’` in the text: three bytes.
        let longest = words
            .values()
            .map(|w| w.len() + 2 * w.matches('\'').count())
            .max()
            .unwrap_or(0);
        KeySet {
            words,
            bits,
            longest,
        }
    }

    /// Whether `word`, whose key is `key`, is in the set (any case): one
    /// lookup of the key, and a comparison of the word on a hit.
    pub fn contains(&self, key: u64, word: &str) -> bool {
        if word.len() > self.longest
            || self.bits[key_bit(key) / 64] & (1 << (key_bit(key) % 64)) == 0
        {
            return false;
        }
        self.words.get(&key).is_some_and(|&listed| {
            if word.len() == listed.len() && word.eq_ignore_ascii_case(listed) {
                true
            } else {
                Lower::new(word).is_some_and(|lower| lower.as_str() == listed)
            }
        })
    }
}

/// `is_function_word` for a word whose `fxhash::word_key` is known.
pub fn is_function_key(key: u64, word: &str) -> bool {
    static SET: std::sync::OnceLock<KeySet> = std::sync::OnceLock::new();
    SET.get_or_init(|| KeySet::new(&[FUNCTION_WORDS]))
        .contains(key, word)
}

pub fn is_function_word(word: &str) -> bool {
    is_function_key(crate::fxhash::word_key(word), word)
}

pub fn is_verb(word: &str) -> bool {
    static SET: std::sync::OnceLock<KeySet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| KeySet::new(&[VERBS, AUXILIARIES]));
    if set.contains(crate::fxhash::word_key(word), word) {
        return true;
    }
    // Regular past tenses and participles: "declined", "reported".
    let len = word.chars().count();
    len >= 5 && (word.ends_with("ed") || word.ends_with("ing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ly_adverbs_are_told_from_nouns_and_names() {
        assert_sorted(LY_WORDS);
        assert_sorted(ARTICLES);
        assert_sorted(SENTENCE_FINAL_ABBREVIATIONS);
        assert_sorted(DETERMINERS);
        assert_sorted(WEEKDAYS);
        assert_sorted(MONTHS);
        assert!(is_ly_adverb("probably") && is_ly_adverb("Sharply"));
        assert!(!is_ly_adverb("July") && !is_ly_adverb("supply") && !is_ly_adverb("fly"));
    }

    #[test]
    fn hashed_lookups_agree_with_the_sorted_lists() {
        for word in FUNCTION_WORDS.iter().chain(VERBS).chain(AUXILIARIES) {
            let upper = word.to_uppercase();
            assert_eq!(
                is_function_word(word),
                is_in(FUNCTION_WORDS, word),
                "{word}"
            );
            assert_eq!(
                is_function_word(&upper),
                is_in(FUNCTION_WORDS, word),
                "{word}"
            );
            assert!(is_verb(word) || !is_in(VERBS, word), "{word}");
            let key = crate::fxhash::word_key(&upper);
            assert_eq!(
                is_function_key(key, &upper),
                is_in(FUNCTION_WORDS, word),
                "{word}"
            );
        }
        assert!(is_function_word("The") && !is_function_word("council"));
        assert!(is_verb("Said") && is_verb("reported") && !is_verb("table"));
    }

    #[test]
    fn every_list_is_sorted_lowercase_and_unique() {
        for list in [
            ABBREVIATIONS,
            NUMBER_ABBREVIATIONS,
            CAPITALISED_ABBREVIATIONS,
            FUNCTION_WORDS,
            AUXILIARIES,
            SUBJECT_PRONOUNS,
            VERBS,
            SUBORDINATORS,
            NON_FINAL_WORDS,
            GRAMMATICAL_DOUBLES,
            ELISIONS,
            STANDALONE_REPLIES,
        ] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{:?} is out of order", pair);
            }
            for word in list {
                assert_eq!(word.to_ascii_lowercase(), *word);
            }
        }
    }

    #[test]
    fn lookup_ignores_case_and_folds_curly_apostrophe() {
        assert!(is_in(FUNCTION_WORDS, "The"));
        assert!(is_in(ELISIONS, "EM"));
        assert!(!is_in(FUNCTION_WORDS, "théâtre"));
    }

    #[test]
    fn common_words_have_ranks_and_rare_ones_do_not() {
        assert_eq!(word_rank("the"), Some(0));
        assert!(word_rank("Explaining").is_some());
        assert_eq!(word_rank("zxqv"), None);
    }

    #[test]
    fn regular_past_tense_counts_as_a_verb() {
        assert!(is_verb("declined"));
        assert!(is_verb("Reported"));
        assert!(!is_verb("red"));
        assert!(!is_verb("country"));
    }
}
