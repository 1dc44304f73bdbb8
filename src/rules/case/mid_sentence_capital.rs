use super::is_titlecase;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::lexicon;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MidSentenceCapital;

static META: RuleMeta = RuleMeta {
    id: "case/mid-sentence-capital",
    severity: Severity::Warning,
    summary: "A capitalised common word in the middle of a sentence, where a boundary was lost",
    doc: r#"## What it does
Finds a common word that starts with a capital in the middle of a sentence,
between two lowercase-looking neighbours, where a full stop or other
punctuation was lost: `an alliance with the east A rival movement grew`,
`a statement shared with reporters Explaining the decision`. It looks at
words that usually open a sentence (`A`, `The`, `This`, `But`, ...) and at
common verbs (`Explaining`, `Said`), checked against a list of the 20,000
commonest English words. After a lowercase word it also reports a sentence
adverb before a comma (`the rumors were untrue However, the shares rose`)
and `But`, `And` or `Yet` before a name (`the department said But Hesse
declined`), which no name or title starts with. After a word that ends
sentences rather than leading into a name (a noun, number or date, not a
verb, preposition or a noun like `newspaper`), it reports more openers:
`...the EC budget The EC agreed`, `...35 pct On Wednesday`, `...on Friday
While some`, `...a year ago Non-oil imports`, `...199 mln dlrs Fourth
quarter profit`, `...last year The Sullivan mine`, `...the collapse of
the talks The HBV is seeking`, and common nouns and adjectives that open news
sentences (`...the pipeline Oil accounts for`, `...a year earlier Foreign
exchange income rose`); and after an attribution that closes a sentence
(`..., Hennicke said One reason was`). After a name it reports function
words before a lowercase word (`...sympathy with Moscow In answer`); after
a verb, determiners, number words and those news words (`...when the plan
is implemented Any debt left over`, `...figures show Consumer spending`);
after a passive participle, an article (`...until the crisis is resolved A
U.S. official`, not `was named The...`); after an acronym in parentheses,
a sentence opener (`...Fund (IMF) It expected`); after a name or a
particle, an article before an acronym or number (`...and USAir The TWA
offer`, `...be written off The FDB rejected`); and before a number, words
such as `Almost` or `Another`.

Names and titles (`Secretary of State Jane Roe`), words after a colon or an
opening quote, acronyms, headings, and letters that label things (`Plan A`,
`Type B`, `Vitamin C`) are not reported. It runs on English text only.

## Why is this bad?
Machine translation and careless joining drop the full stop between two
sentences, leaving a run-on that the capital gives away.

## Example
```text
The treaty bound them to the east A rival movement grew in the west.
```

Use instead:
```text
The treaty bound them to the east. A rival movement grew in the west.
```
"#,
    options: &[],
};

/// Words that open sentences, and whose capital mid-sentence shows a lost boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "a", "an", "but", "he", "her", "his", "however", "it", "its", "our", "she", "that", "the",
    "their", "there", "these", "they", "this", "those", "we",
];

/// More words that open sentences, reported only after a lowercase word or
/// a number (`fiscal year 1988 In addition`), since they also start names
/// and titles after a capital (`Made In Italy`): function words, and plural
/// nouns that open news sentences but never name anything (`the exchange
/// Prices on`).
const OPENERS_AFTER_LOWERCASE: &[&str] = &[
    "after",
    "although",
    "among",
    "analysts",
    "as",
    "at",
    "authorities",
    "because",
    "both",
    "critics",
    "dealers",
    "despite",
    "during",
    "each",
    "earlier",
    "economists",
    "experts",
    "for",
    "from",
    "if",
    "in",
    "investors",
    "last",
    "later",
    "many",
    "meanwhile",
    "most",
    "not",
    "of",
    "officials",
    "on",
    "once",
    "other",
    "prices",
    "profits",
    "residents",
    "sales",
    "shares",
    "since",
    "some",
    "sources",
    "such",
    "thus",
    "traders",
    "under",
    "when",
    "while",
    "with",
    "workers",
    "yet",
];

/// Sentence adverbs that open a sentence with a comma after them
/// (`...were untrue However, the shares rose`): capitalised after a
/// lowercase word and before a comma, they show a lost full stop.
const SENTENCE_ADVERBS: &[&str] = &[
    "additionally",
    "also",
    "consequently",
    "currently",
    "earlier",
    "finally",
    "first",
    "furthermore",
    "hopefully",
    "however",
    "instead",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "separately",
    "similarly",
    "therefore",
    "thus",
    "yet",
];

/// Sentence adverbs that also end names and slogans (`America First`).
const NAME_ENDING_ADVERBS: &[&str] = &["finally", "first", "yet"];

/// Conjunctions that open a sentence and never start a name: capitalised
/// after a lowercase word they show a lost full stop even before a name
/// (`...to comment, Pickens said But Hesse declined`).
const CONJUNCTION_OPENERS: &[&str] = &["and", "but", "however", "thus", "yet"];

/// Openers reported only after a content word (see
/// `opener_after_content_word`), as they also start names after a
/// preposition (`of First Boston`, `in Another World`).
const OPENERS_AFTER_CONTENT: &[&str] = &[
    "all", "also", "and", "another", "any", "anything", "before", "between", "eight", "either",
    "fifth", "first", "five", "four", "fourth", "more", "neither", "net", "nine", "no", "now",
    "one", "only", "others", "second", "seven", "several", "six", "ten", "then", "third", "three",
    "total", "two", "until", "where",
];

/// Common nouns and adjectives that open news sentences and seldom start a
/// name before a lowercase word, reported after a content word (see
/// `opener_after_content_word`): `...the pipeline Oil accounts for`,
/// `...the first quarter Official figures`, `...a year earlier Foreign
/// exchange income`. Brand names made of common words (`Apple`, `Target`,
/// `Shell`) are not among them.
const NOUN_OPENERS: &[&str] = &[
    "average",
    "banks",
    "consumer",
    "current",
    "debt",
    "demand",
    "domestic",
    "earnings",
    "exports",
    "foreign",
    "funds",
    "further",
    "government",
    "gross",
    "growth",
    "higher",
    "imports",
    "industrial",
    "inflation",
    "interest",
    "larger",
    "latest",
    "lower",
    "management",
    "measures",
    "mining",
    "natural",
    "official",
    "oil",
    "output",
    "overall",
    "production",
    "recent",
    "record",
    "research",
    "separate",
    "similar",
    "smaller",
    "talks",
    "trade",
    "trading",
    "transport",
    "unemployment",
    "union",
    "world",
];

/// Whether the word at `k` is in any list of openers (one lookup).
fn is_any_opener(doc: &Document, k: usize) -> bool {
    static ANY_OPENER: std::sync::OnceLock<lexicon::KeySet> = std::sync::OnceLock::new();
    ANY_OPENER
        .get_or_init(|| {
            lexicon::KeySet::new(&[
                SENTENCE_OPENERS,
                OPENERS_AFTER_LOWERCASE,
                OPENERS_AFTER_CONTENT,
                NOUN_OPENERS,
                CLAUSE_OPENERS,
                HYPHEN_OPENERS,
                QUANTITY_OPENERS,
                lexicon::ARTICLES,
                lexicon::PREPOSITIONS,
            ])
        })
        .contains(doc.keys[k], doc.word(k))
}

/// Whether the word at `k` starts a name that goes on after `of`, `and` or
/// `for` (`Union of the Fatherland`, `Management and Coordination
/// Agency`), not a noun phrase (`Research and development were`).
fn names_go_on(doc: &Document, k: usize) -> bool {
    if !lexicon::is_in(&["and", "for", "of"], doc.word(k + 1)) {
        return false;
    }
    let rest = (k + 2..doc.words.len()).map(|m| doc.word(m));
    rest.take(2)
        .find(|w| !lexicon::is_in(lexicon::ARTICLES, w))
        .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Participles that name what follows them: `was named The Times's man
/// of the year`, `is known as The Boss`.
const NAMING_VERBS: &[&str] = &[
    "billed",
    "branded",
    "called",
    "crowned",
    "dubbed",
    "entitled",
    "labeled",
    "labelled",
    "named",
    "nicknamed",
    "ranked",
    "renamed",
    "styled",
    "titled",
    "voted",
];

/// Openers that also rank or total after a verb: `secured First position`,
/// `reported Net income`.
const RANK_OPENERS: &[&str] = &[
    "fifth", "first", "fourth", "net", "second", "third", "total",
];

/// Particles that end a phrasal verb and its clause: `written off`.
const CLAUSE_END_PARTICLES: &[&str] = &["away", "back", "down", "off", "out", "up"];

/// Words that open a sentence before a number: `...25 pct of gdp Almost
/// 94 pct of it`, `...about 356 Another 5000 employees`.
const QUANTITY_OPENERS: &[&str] = &[
    "about", "almost", "another", "around", "just", "nearly", "only", "over", "roughly", "some",
    "under",
];

/// Openers that start clauses, not titles or names, reported after a
/// content word even before a capital: `...on Friday While some analysts`.
const CLAUSE_OPENERS: &[&str] = &[
    "although",
    "among",
    "because",
    "both",
    "but",
    "each",
    "however",
    "if",
    "its",
    "many",
    "meanwhile",
    "most",
    "since",
    "some",
    "such",
    "thus",
    "when",
    "whereas",
    "while",
    "yet",
];

/// Words of time that end a clause: `...in the near future The panel`.
const TIME_ENDINGS: &[&str] = &[
    "ago",
    "earlier",
    "future",
    "later",
    "month",
    "months",
    "quarter",
    "today",
    "tomorrow",
    "week",
    "weeks",
    "year",
    "years",
    "yesterday",
];

/// First halves of compounds that open sentences (`Non-oil imports`,
/// `Short-term rates`); names built on them capitalise both halves
/// (`Non-Aligned Movement`).
const HYPHEN_OPENERS: &[&str] = &[
    "full", "half", "long", "medium", "mid", "non", "short", "year",
];

/// Nouns that class the title after them: `the newspaper The Guardian`.
const TITLE_CLASS_NOUNS: &[&str] = &[
    "album",
    "anthem",
    "band",
    "book",
    "broadcaster",
    "channel",
    "column",
    "daily",
    "film",
    "journal",
    "magazine",
    "movie",
    "musical",
    "newspaper",
    "novel",
    "opera",
    "paper",
    "play",
    "podcast",
    "poem",
    "program",
    "programme",
    "publication",
    "series",
    "show",
    "single",
    "song",
    "station",
    "tabloid",
    "title",
    "website",
    "weekly",
];

/// Whether the word at `i` is `said`, `says` or `added` closing an
/// attribution that a comma opens at most four words before it (`...,
/// Hall said`, `..., the company said`).
fn ends_attribution(doc: &Document, i: usize) -> bool {
    if !lexicon::is_in(&["added", "said", "says"], doc.word(i)) {
        return false;
    }
    (i.saturating_sub(4)..i).rev().any(|j| {
        doc.text[doc.words[j].end..doc.words[j + 1].start].contains(',')
            && (j + 1..i).all(|m| !lexicon::is_verb(doc.word(m)))
    })
}

/// A lowercase word or number that can end a sentence and does not lead
/// into a name: not a function word, a verb (`told`, `reports`) or a noun
/// that classes a title (`newspaper`).
fn is_content_word(word: &str) -> bool {
    // A possessive leads into the noun it owns: `the government's
    // Management and Coordination Agency`.
    if word.ends_with("'s") || word.ends_with("\u{2019}s") || word.ends_with('\'') {
        return false;
    }
    let first = word.chars().next();
    if !first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        // Dates end sentences and start no name: `...on Friday While some`.
        return is_date_name(word);
    }
    if lexicon::is_function_word(word)
        || lexicon::is_verb(word)
        || lexicon::is_in(TITLE_CLASS_NOUNS, word)
        || lexicon::is_in(TITLE_VERBS, word)
        || lexicon::is_in(lexicon::PREPOSITIONS, word)
    {
        return false;
    }
    // Third persons of listed verbs: `reports`, `writes`.
    !word.strip_suffix('s').is_some_and(|stem| {
        lexicon::is_verb(stem)
            || lexicon::is_in(TITLE_CLASS_NOUNS, stem)
            || lexicon::is_in(TITLE_VERBS, stem)
    })
}

/// A lowercase plural noun that is not also a verb: `missiles`,
/// `lubricants`, not `reports` (see `is_plural_form`).
fn is_plural_noun(word: &str) -> bool {
    is_plural_form(word) && !lexicon::is_verb(&word[..word.len() - 1])
}

/// A lowercase plural of a common word: `talks`, `changes`, `missiles`
/// (not `news`, `status`, `analysis`, `business`).
fn is_plural_form(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    // A rare word in `-s` is a plural too (`lubricants`), unless the word
    // itself is common (`perhaps`, `always`).
    stem.len() >= 3
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && !stem.ends_with(['s', 'u', 'i'])
        && word != "news"
        && (lexicon::word_rank(stem).is_some()
            || stem.len() >= 5 && lexicon::word_rank(word).is_none())
}

/// A word that makes the next one a noun: a determiner (`the talks`), a
/// number, or a lowercase word that is neither a function word nor a verb
/// (`wage rises`, `specific figures`).
fn is_modifier(word: &str) -> bool {
    lexicon::is_in(lexicon::DETERMINERS, word)
        || word.starts_with(|c: char| c.is_ascii_digit())
        || word.starts_with(|c: char| c.is_lowercase())
            && !lexicon::is_function_word(word)
            && !lexicon::is_verb(word)
}

/// An acronym: two capital letters or more, and nothing else (`IMF`,
/// `TWA`).
fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a word names a day or a month, other than `May`, a modal, and
/// `March`, a verb.
fn is_date_name(word: &str) -> bool {
    lexicon::is_in(lexicon::WEEKDAYS, word)
        || lexicon::is_in(lexicon::MONTHS, word) && !lexicon::is_in(&["march", "may"], word)
}

/// Verbs, beyond the lexicon's, whose object is often a name or title:
/// `reports The Hockey News`, `form First Republic`.
const TITLE_VERBS: &[&str] = &[
    "call", "cite", "edit", "form", "found", "host", "join", "launch", "name", "publish", "quote",
    "release", "report", "sign", "star", "title", "visit",
];

/// Nouns that take a letter or number as a label: `Plan A`, `Vitamin C`.
const LABEL_NOUNS: &[&str] = &[
    "appendix",
    "area",
    "block",
    "building",
    "category",
    "channel",
    "class",
    "company",
    "division",
    "double",
    "exhibit",
    "figure",
    "gate",
    "grade",
    "group",
    "hepatitis",
    "level",
    "line",
    "linear",
    "model",
    "option",
    "page",
    "part",
    "phase",
    "plan",
    "platoon",
    "route",
    "row",
    "schedule",
    "section",
    "sector",
    "series",
    "side",
    "single",
    "size",
    "stage",
    "table",
    "team",
    "terminal",
    "tier",
    "triple",
    "type",
    "unit",
    "vitamin",
    "wing",
    "zone",
];

/// Words that open the object of a verb: `Explaining the rationale`.
const DETERMINERS_AND_PRONOUNS: &[&str] = &[
    "a", "an", "her", "him", "his", "its", "our", "that", "the", "their", "them", "these", "this",
    "those", "what", "why",
];

/// `Explaining`, `Saying`: an -ing form whose stem is a common word. Names
/// that end in -ing (`Boeing`, `Beijing`) have no such stem.
fn is_participle_of_a_verb(word: &str) -> bool {
    if !word.ends_with("ing") {
        return false;
    }
    let lower = word.to_lowercase();
    let Some(stem) = lower.strip_suffix("ing") else {
        return false;
    };
    stem.len() >= 3
        && (lexicon::word_rank(stem).is_some() || lexicon::word_rank(&format!("{stem}e")).is_some())
}

impl Rule for MidSentenceCapital {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !doc.is_english() {
            return;
        }
        let text = doc.text;
        let only_space = |a: usize, b: usize| {
            text[doc.words[a].end..doc.words[b].start]
                .chars()
                .all(char::is_whitespace)
        };
        for sentence in &doc.sentences {
            if sentence.kind != BlockKind::Prose || sentence.words.len() < 3 {
                continue;
            }
            for k in sentence.words.start + 1..sentence.words.end - 1 {
                let word = doc.word(k);
                // Most words start with a lowercase ASCII letter or a digit.
                if word.as_bytes()[0].is_ascii_lowercase()
                    || word.as_bytes()[0].is_ascii_digit()
                    || !is_titlecase(word)
                    || word == "I"
                {
                    continue;
                }
                // One lookup turns away the names that most capitalised
                // words are, before the checks for openers.
                let maybe_opener = is_any_opener(doc, k);
                if !only_space(k - 1, k) {
                    if maybe_opener && self.opener_after_parenthesis(doc, k) {
                        out.push(self.lost_stop(doc, k));
                    }
                    continue;
                }
                let (prev, next) = (doc.word(k - 1), doc.word(k + 1));
                let prev_lowercase_or_number = prev
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
                if self.adverb_before_comma(doc, k)
                    || (prev_lowercase_or_number && self.conjunction_before_name(doc, k))
                {
                    out.push(self.lost_stop(doc, k));
                    continue;
                }
                if maybe_opener
                    && (self.opener_after_content_word(doc, k)
                        || (k > sentence.words.start + 1 && self.opener_after_name(doc, k))
                        || self.determiner_after_verb(doc, k))
                {
                    out.push(self.lost_stop(doc, k));
                    continue;
                }
                if !only_space(k, k + 1) || !next.chars().next().is_some_and(char::is_lowercase) {
                    continue; // a name or title goes on: "The Hague", "A Tale"
                }
                static OPENERS: std::sync::OnceLock<[lexicon::KeySet; 2]> =
                    std::sync::OnceLock::new();
                let [openers, after_lowercase] = OPENERS.get_or_init(|| {
                    [
                        lexicon::KeySet::new(&[SENTENCE_OPENERS]),
                        lexicon::KeySet::new(&[OPENERS_AFTER_LOWERCASE]),
                    ]
                });
                let key = doc.keys[k];
                let (in_openers, in_after_lowercase) = (
                    openers.contains(key, word),
                    after_lowercase.contains(key, word),
                );
                if !in_openers && !in_after_lowercase && !is_participle_of_a_verb(word) {
                    continue;
                }
                if lexicon::is_in(LABEL_NOUNS, prev) || lexicon::is_in(lexicon::ARTICLES, prev) {
                    continue;
                }
                let prev_lowercase = prev.chars().next().is_some_and(char::is_lowercase);
                let opener = in_openers || (prev_lowercase_or_number && in_after_lowercase);
                // After a number or a time word a clause has ended, and any
                // lowercase word may follow: `...the first quarter of 1987
                // Saying many will be surprised`.
                // (Not a date's day or year: a dateline goes on so, `July 26
                // According to...`, and so does a citation.)
                let after_number_or_time = (prev.starts_with(|c: char| c.is_ascii_digit())
                    || lexicon::is_in(TIME_ENDINGS, prev))
                    && !(k.saturating_sub(3)..k - 1).any(|m| is_date_name(doc.word(m)));
                let participle = (prev_lowercase && lexicon::is_in(DETERMINERS_AND_PRONOUNS, next)
                    || after_number_or_time)
                    && is_participle_of_a_verb(word);
                if opener || participle {
                    out.push(self.lost_stop(doc, k));
                }
            }
        }
    }
}

impl MidSentenceCapital {
    fn lost_stop(&self, doc: &Document, k: usize) -> Diagnostic {
        let (word, prev) = (doc.word(k), doc.word(k - 1));
        self.diagnostic(
            doc.words[k],
            format!(
                "\"{word}\" is capitalised in the middle of a sentence (after \"{prev}\"); a full stop or other punctuation was probably lost before it"
            ),
        )
    }

    /// An opener after a word that ends sentences rather than leading into
    /// a name: `...talks The HBV is seeking`, `...of 18.1 mln On Monday`,
    /// `...a year ago Non-oil imports`. A name or title after a capitalised
    /// `The`, `In` or `On` follows a verb, a preposition or a word that
    /// classes it (`told The Associated Press`, `in The Hague`, `the
    /// newspaper The Guardian`), never a plain noun or a number.
    fn opener_after_content_word(&self, doc: &Document, k: usize) -> bool {
        let (prev, word, next) = (doc.word(k - 1), doc.word(k), doc.word(k + 1));
        let gap = &doc.text[doc.words[k].end..doc.words[k + 1].start];
        let lowercase_next = next.starts_with(|c: char| c.is_lowercase());
        let acronym_next = is_acronym(next);
        // A plural that is also a verb's third person (`talks`, `rises`)
        // is a noun right after a determiner or a modifier: `the talks`,
        // `wage rises`, not `next season, reports`.
        let noun_by_context = || {
            k >= 2
                && is_plural_form(prev)
                && is_modifier(doc.word(k - 2))
                && doc.text[doc.words[k - 2].end..doc.words[k - 1].start] == *" "
        };
        // A passive participle ends its clause (`...until the crisis is
        // resolved A U.S. official`), unless it names (`was named The
        // Times's man of the year`).
        let passive_end = || {
            k >= 2
                && prev.len() >= 5
                && prev.ends_with("ed")
                && prev.starts_with(|c: char| c.is_ascii_lowercase())
                && {
                    // A form of `be` (or `unless`) right before it, or before
                    // a participle it is joined to: `were dropped or
                    // dismissed`, not `and entered The Second World War`.
                    let passive =
                        |w: &str| lexicon::is_in(&["be", "been", "is", "unless", "was", "were"], w);
                    passive(doc.word(k - 2))
                        || k >= 4
                            && lexicon::is_in(&["and", "or"], doc.word(k - 2))
                            && doc.word(k - 3).ends_with("ed")
                            && passive(doc.word(k - 4))
                }
                && !lexicon::is_in(NAMING_VERBS, prev)
        };
        let opener = if gap == "-" {
            // A compound opening a sentence: `Non-oil`, `Short-term`.
            lowercase_next && lexicon::is_in(HYPHEN_OPENERS, word)
        } else if gap == " " && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            // Titles open with articles and prepositions (`the film The
            // Band`, `In Cold Blood`): an article counts only before an
            // acronym, a preposition before a date or number.
            let date = next.starts_with(|c: char| c.is_ascii_digit()) || is_date_name(next);
            // After a time or a number a clause ends, and nothing is titled:
            // `...last year The Sullivan mine`, `...in 1977 The May rise`.
            let after_time = lexicon::is_in(TIME_ENDINGS, prev)
                || is_date_name(prev)
                || prev
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
            // A noun that classes the name after it is singular (`his
            // teammate The Rock`); after a plural a clause has ended:
            // `...the collapse of the talks The HBV is seeking`.
            // Nor does a news noun that opens sentences class a name:
            // `...exports for growth The Japanese cabinet`.
            (lexicon::is_in(lexicon::ARTICLES, word)
                && (acronym_next
                    || after_time
                    || is_plural_noun(prev)
                    || noun_by_context()
                    || passive_end()
                    || lexicon::is_in(NOUN_OPENERS, prev)))
                || (next.starts_with(|c: char| c.is_ascii_digit())
                    && lexicon::is_in(QUANTITY_OPENERS, word))
                || (lexicon::is_in(lexicon::PREPOSITIONS, word)
                    && (date
                        // (`the 2020 In Memoriam segment` names a title.)
                        || after_time
                            && !lexicon::is_in(lexicon::DETERMINERS, doc.word(k.saturating_sub(2)))
                        || ends_attribution(doc, k - 1)))
                || lexicon::is_in(CLAUSE_OPENERS, word)
        } else if gap == " " && lowercase_next {
            lexicon::is_in(OPENERS_AFTER_CONTENT, word)
                || lexicon::is_in(NOUN_OPENERS, word) && !names_go_on(doc, k)
                || lexicon::is_in(SENTENCE_OPENERS, word)
                || lexicon::is_in(OPENERS_AFTER_LOWERCASE, word)
        } else {
            false
        };
        // `...to control it, Hall said The EC wants`: an attribution after
        // a comma ends its sentence as a noun does. Only an opener before a
        // lowercase word counts after it, or before an acronym, or a
        // preposition (`..., analysts said Without Challenger, there`).
        let after_attribution = || {
            (lowercase_next || acronym_next || lexicon::is_in(lexicon::PREPOSITIONS, word))
                && ends_attribution(doc, k - 1)
        };
        // A noun that takes a letter as a label (`Plan A`) matters only
        // before a letter.
        let label = word.len() == 1 && lexicon::is_in(LABEL_NOUNS, prev);
        // A particle ends its clause too before an acronym: `...be written
        // off The FDB rejected`.
        let particle_end = || {
            acronym_next
                && lexicon::is_in(lexicon::ARTICLES, word)
                && lexicon::is_in(CLAUSE_END_PARTICLES, prev)
        };
        opener
            && !label
            && (is_content_word(prev)
                || noun_by_context()
                || passive_end()
                || after_attribution()
                || particle_end())
    }

    /// An opener that is a function word, after a name that is not the
    /// first word of its sentence, before a lowercase word: `...sympathy with Moscow In answer to`,
    /// `...for Italy Another ship is loading`. Titles that capitalise such
    /// a word go on with a capital or an article (`Made In America`,
    /// `Gone With the Wind`).
    fn opener_after_name(&self, doc: &Document, k: usize) -> bool {
        let (prev, word, next) = (doc.word(k - 1), doc.word(k), doc.word(k + 1));
        if !prev.starts_with(char::is_uppercase)
            || doc.text[doc.words[k].end..doc.words[k + 1].start] != *" "
        {
            return false;
        }
        // `...and USAir The TWA offer`, `...of Tel Plus The 65 pct`: an
        // article before an acronym or a number opens a sentence after a
        // name, which a title does not (`Murdoch's The Sun`).
        let acronym_or_number_next =
            is_acronym(next) || next.starts_with(|c: char| c.is_ascii_digit());
        // (Text in capitals is all acronyms: `IN A LOCATION`.)
        if lexicon::is_in(lexicon::ARTICLES, word) && acronym_or_number_next {
            return prev.contains(char::is_lowercase)
                && !prev.ends_with("'s")
                && !prev.ends_with("\u{2019}s");
        }
        if !next.starts_with(char::is_lowercase) {
            // `...a bid for DataCard On June 25 DataCard filed`: a full
            // date, or a month after an acronym, as no title reads so
            // (`Light In August`).
            let day_follows = || {
                k + 2 < doc.words.len() && doc.word(k + 2).starts_with(|c: char| c.is_ascii_digit())
            };
            return lexicon::is_in(&["in", "on"], word)
                && (next.starts_with(|c: char| c.is_ascii_digit())
                    || is_date_name(next) && (is_acronym(prev) || day_follows()));
        }
        if lexicon::is_in(lexicon::ARTICLES, next) {
            return false;
        }
        // Only function words and determiners: names end on nouns and
        // numbers (`Auto Workers`, `Unit Two`).
        lexicon::is_in(CLAUSE_OPENERS, word)
            || (lexicon::is_function_word(word) || word == "Another")
                && (lexicon::is_in(OPENERS_AFTER_CONTENT, word)
                    || lexicon::is_in(OPENERS_AFTER_LOWERCASE, word))
    }

    /// A determiner, number word or news noun after a verb that ends its
    /// clause, before a lowercase word: `...when the plan is implemented Any
    /// debt left over`, `...the type of cocoa to be bought One consumer`,
    /// `...Bureau figures show Consumer spending declined`. A verb
    /// whose object is often a title (`form`, `join`) is left alone.
    fn determiner_after_verb(&self, doc: &Document, k: usize) -> bool {
        let (prev, word, next) = (doc.word(k - 1), doc.word(k), doc.word(k + 1));
        next.starts_with(char::is_lowercase)
            && prev.starts_with(char::is_lowercase)
            && doc.text[doc.words[k].end..doc.words[k + 1].start] == *" "
            && !lexicon::is_in(lexicon::ARTICLES, next)
            // Not a rank (`secured First position`), nor an adjective after a
            // copula (`is Similar to`).
            && (lexicon::is_in(OPENERS_AFTER_CONTENT, word)
                && !lexicon::is_in(RANK_OPENERS, word)
                || lexicon::is_in(NOUN_OPENERS, word)
                    && !names_go_on(doc, k)
                    && !lexicon::is_in(lexicon::AUXILIARIES, prev))
            && (lexicon::is_verb(prev) && !lexicon::is_in(TITLE_VERBS, prev)
                // `Others` before a verb opens a clause after any word but a
                // preposition (`The Lives of Others won`): `...the total
                // could be more Others said`.
                || word == "Others"
                    && lexicon::is_verb(next)
                    && !lexicon::is_in(lexicon::PREPOSITIONS, prev))
    }

    /// A sentence opener after an acronym in parentheses, before a
    /// lowercase word: `...the International Monetary Fund (IMF) It
    /// expected`. A parenthesis that labels a list item (`(1) The bank
    /// must`, `(a) The`) does not count.
    fn opener_after_parenthesis(&self, doc: &Document, k: usize) -> bool {
        let gap = &doc.text[doc.words[k - 1].end..doc.words[k].start];
        let (prev, next) = (doc.word(k - 1), doc.word(k + 1));
        // Only an acronym in parentheses after its name: a caption, credit
        // or dateline in parentheses opens what follows (`(4 photos) It`,
        // `(Photo) A`, `(reporter Jia Lijun) The`).
        let acronym_in_parentheses =
            is_acronym(prev) && doc.text[..doc.words[k - 1].start].ends_with('(');
        gap == ") "
            && acronym_in_parentheses
            && next.starts_with(char::is_lowercase)
            && doc.text[doc.words[k].end..doc.words[k + 1].start] == *" "
            && lexicon::is_in(SENTENCE_OPENERS, doc.word(k))
    }

    /// `However,` or `Meanwhile,` in the middle of a sentence.
    fn adverb_before_comma(&self, doc: &Document, k: usize) -> bool {
        let gap = &doc.text[doc.words[k].end..doc.words[k + 1].start];
        // The comma first: it turns nearly every word away without a lookup.
        if !gap.starts_with(',') || !gap[1..].chars().all(char::is_whitespace) {
            return false;
        }
        let (word, prev) = (doc.word(k), doc.word(k - 1));
        if prev.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
            lexicon::is_in(SENTENCE_ADVERBS, word) || lexicon::is_in(CONJUNCTION_OPENERS, word)
        } else {
            // After a name only the adverbs no name or slogan ends on
            // (`America First,`, `Not Yet,`).
            lexicon::is_in(SENTENCE_ADVERBS, word) && !lexicon::is_in(NAME_ENDING_ADVERBS, word)
        }
    }

    /// `But` or `And` before a capitalised word, with spaces around it.
    fn conjunction_before_name(&self, doc: &Document, k: usize) -> bool {
        let gap = &doc.text[doc.words[k].end..doc.words[k + 1].start];
        // The list last: most words fail on the gap or the next word.
        !gap.is_empty()
            && gap.chars().all(char::is_whitespace)
            && doc.word(k + 1).starts_with(char::is_uppercase)
            && lexicon::is_in(CONJUNCTION_OPENERS, doc.word(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn capitalised_article_after_a_lost_stop_is_reported() {
        let text = "The pact bound them to Russia A rival movement grew in the east.";
        let found = lint(&MidSentenceCapital, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "A", 0));
    }

    #[test]
    fn more_openers_after_a_lowercase_word_or_a_number_are_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Funding was 1.8 billion dlrs for fiscal year 1988 In addition it wants more."
            ),
            vec!["In"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Growth was 2.4 pct, Martin said Last year it fell."
            ),
            vec!["Last"]
        );
    }

    #[test]
    fn capitalised_verb_after_a_lowercase_word_is_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "It issued a statement shared with reporters Explaining the decision."
            ),
            vec!["Explaining"]
        );
    }

    #[test]
    fn sentence_adverb_before_a_comma_is_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Coca Cola said the rumors were untrue However, the shares rose."
            ),
            vec!["However"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Prices rose 3 pct Meanwhile, stocks fell and the terms must be adhered to Otherwise, they said, it fails."
            ),
            vec!["Meanwhile", "Otherwise"]
        );
    }

    #[test]
    fn conjunction_before_a_name_is_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Profits rose in the first two months of the year But Hesse declined to comment."
            ),
            vec!["But"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "The shares fell after a rise of 21 pct in 1986 And Exxon fell too."
            ),
            vec!["And"]
        );
    }

    #[test]
    fn newly_listed_openers_after_a_lowercase_word_are_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Costs will be unavailable for early relief Not only will these rise, it swapped 10 mln shares Of the 10 mln, most went to the unit."
            ),
            vec!["Not", "Of"]
        );
    }

    #[test]
    fn adverbs_and_conjunctions_in_names_and_lists_are_fine() {
        for text in [
            "Baker reiterated a Group of Seven statement on Monday.",
            "He read Pride And Prejudice and Crime And Punishment twice.",
            "The firm, Procter And Gamble, said it would sell the unit.",
            "They met, however, in Paris, and Meanwhile Gardens was closed.",
            "Shares of Bank Of America rose.",
        ] {
            assert_no_lints(&MidSentenceCapital, text);
        }
    }

    #[test]
    fn names_titles_labels_and_quotes_are_fine() {
        for text in [
            "Secretary of State Jane Roe met the press on Monday.",
            "They chose Plan A over Type B and took Vitamin C daily.",
            "The report said: The plan works well.",
            "He said “The plan works” and left.",
            "The NATO summit and the EU talks went on.",
            "They visited The Hague and read A Tale of Two Cities.",
            "It got an A grade and the A team won.",
            "They used the linear A script.",
            "I think I should go.",
            "Orders for Boeing and Lockheed jets rose, and United Means fell.",
            "The bonds kept their Triple A rating.",
            "They sell the Made In Italy range and the Shot At Dawn film.",
            "He drove for Formula One teams and the Tour De France riders.",
        ] {
            assert_no_lints(&MidSentenceCapital, text);
        }
    }

    #[test]
    fn openers_after_a_word_that_ends_sentences_are_reported() {
        for (text, word) in [
            (
                "It needs 100 mln ECU from the EC budget The EC agreed to 38 mln.",
                "The",
            ),
            (
                "Small banks took almost 35 pct On Wednesday borrowings rose.",
                "On",
            ),
            (
                "The stock closed at 35 dlrs on Friday While some analysts agreed.",
                "While",
            ),
            (
                "Earnings rose 27 pct per share For 1986 the company earned more.",
                "For",
            ),
            (
                "Imports fell to 59.3 billion a year ago Non-oil imports grew.",
                "Non",
            ),
            (
                "Profit fell from 199.0 mln dlrs Fourth quarter profit improved.",
                "Fourth",
            ),
            (
                "Deaths rose to 298 the following year Two of those victims died.",
                "Two",
            ),
            (
                "It mined 110,000 tons of lead last year The Sullivan mine produced more.",
                "The",
            ),
            (
                "The market had not developed, Hennicke said One reason was the tax.",
                "One",
            ),
            (
                "Rates held near their recent level in the 6 pct area They said rates will fall.",
                "They",
            ),
            (
                "China aimed to be self-sufficient in grain Now it exports corn.",
                "Now",
            ),
            (
                "Too much money chases too few stocks, Pickens said And many funds agree.",
                "And",
            ),
            (
                "The rise was the biggest since October 1977 The May increase was the seventh.",
                "The",
            ),
            (
                "It was in short supply Another working group meets today.",
                "Another",
            ),
            (
                "Officials blamed the collapse of the talks The HBV union wants more.",
                "The",
            ),
            (
                "Spare parts were scarce for the missiles The Army said so.",
                "The",
            ),
            ("Output fell in April An Indonesian trader said so.", "An"),
            (
                "A blast hit the pipeline Oil accounts for most revenue.",
                "Oil",
            ),
            (
                "Growth will stall in the first quarter Official figures are due soon.",
                "Official",
            ),
            (
                "Income fell to 35 mln from 70 mln a year earlier Foreign exchange income rose.",
                "Foreign",
            ),
            (
                "Unions demand wage rises Government officials disagree.",
                "Government",
            ),
            (
                "Sales rose the previous year Research and development were cut.",
                "Research",
            ),
            (
                "Launches will be rare by then, analysts said Without Challenger, there are few.",
                "Without",
            ),
            ("Net yield was 2.99 pct If Brazil pays, it will rise.", "If"),
            (
                "Revenue was 20 billion dlrs Its Canadian unit earned more.",
                "Its",
            ),
            (
                "Output fell for want of fuel and lubricants The 400 tonnes were lost.",
                "The",
            ),
            (
                "It depends on exports for growth The Japanese cabinet met today.",
                "The",
            ),
            (
                "Investment held at nearly 25 pct of gdp Almost 94 pct of it was public.",
                "Almost",
            ),
            (
                "Zambia is the fifth biggest producer Mining is run by one firm.",
                "Mining",
            ),
            (
                "Rationing has been in effect for 25 years In Havana, each family gets a share.",
                "In",
            ),
            (
                "Cooking did not always prevent the disease Only 15 pct of victims ate raw meat.",
                "Only",
            ),
        ] {
            assert_eq!(matched(&MidSentenceCapital, text), vec![word], "{text}");
        }
    }

    #[test]
    fn openers_after_a_name_or_a_verb_are_reported() {
        for (text, word) in [
            (
                "He denied any sympathy with Moscow In answer to questions he smiled.",
                "In",
            ),
            (
                "The ship loaded grain for Italy Another ship is waiting.",
                "Another",
            ),
            ("It made a bid for DataCard On June 25 the firm sued.", "On"),
            (
                "The rest is swapped when the plan is implemented Any debt left over is cancelled.",
                "Any",
            ),
            (
                "It depends on the type of cocoa to be bought One consumer said so.",
                "One",
            ),
            (
                "The delay lasts until the crisis is resolved A U.S. official said so.",
                "A",
            ),
            (
                "It talked to the International Monetary Fund (IMF) It expected a loan.",
                "It",
            ),
            (
                "Imports rose, Bureau figures show Consumer spending declined.",
                "Consumer",
            ),
            (
                "The total could be higher Others said it was lower.",
                "Others",
            ),
            (
                "It faced bids from Norfolk Southern and USAir The TWA offer came later.",
                "The",
            ),
            (
                "It asked that the loans be written off The FDB rejected this.",
                "The",
            ),
        ] {
            assert_eq!(matched(&MidSentenceCapital, text), vec![word], "{text}");
        }
    }

    #[test]
    fn names_after_nouns_names_and_possessives_are_fine() {
        for text in [
            "The government's Management and Coordination Agency said so.",
            "She joined the opposition Union of the Fatherland last year.",
            "He said Unit Two of the plant is late and the United Auto Workers agreed.",
            "The move was confirmed next season, reports The Hockey News.",
            "Perennial Sales and Summit Sales will cease to exist.",
            "The draft Bank report reached the former Bank of Japan governor.",
            "In February Real lost to City.",
            "Fans of Keeping Up With the Kardashians watch Dancing With the Stars too.",
            "It was the day The Beatles landed in New York.",
            "The novel Light In August sold well.",
            "Sales rose 4 pct January to March and a January increase was seen.",
            "He was named The Times's man of the year and voted The Best Player.",
            "The car was found in the river (4 photos) It was a training dive.",
            "The team checks each claim (Photo) A new unit was set up.",
            "The Finnish retail company Central sold its stake.",
            "The bill sets rules for the paper The Economist and the film Another 48 Hrs.",
            "The Lives of Others won an Oscar and it was perhaps The Wire that followed.",
            "Britain declared war on Germany and entered The Second World War.",
            "Chinanews.com, July 26 According to the agency, rain fell.",
            "Her song secured First position and the state is Similar to others.",
            "He reads Murdoch's The Sun and set up The Body Shop.",
            "WE EAT IN THE DINING ROOM IN A LOCATION NEAR THE SEA.",
            "The show ran its 2020 In Memoriam segment early.",
        ] {
            assert_no_lints(&MidSentenceCapital, text);
        }
    }

    #[test]
    fn adverbs_before_a_comma_after_any_word_are_reported() {
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Output is at a loss, the trader said Hopefully, they will cut back. Aluminium is due in April and June However, traders disagree."
            ),
            vec!["Hopefully", "However"]
        );
        assert_eq!(
            matched(
                &MidSentenceCapital,
                "Some firms declined comment on rumors of all kinds Yet, a spokesman spoke."
            ),
            vec!["Yet"]
        );
    }

    #[test]
    fn titles_and_names_after_verbs_prepositions_and_class_nouns_are_fine() {
        for text in [
            "The move was confirmed, reports The Hockey News on Twitter.",
            "He told The Associated Press and wrote for The Guardian daily.",
            "She read it in the newspaper The Guardian yesterday.",
            "The group The Band made its debut that year.",
            "The scientist He Jiankui was jailed and the charity For Water grew.",
            "They agreed to form First Republic Bank soon.",
            "The campaign slogan America First, he said, worked.",
            "It joined the Non-Aligned Movement and the Group of Seven statement.",
            "The unit will be part of the System 36 Total System Package.",
            "It sold the first Two Rivers plant and the last One Way shop.",
            "They watched the film In Cold Blood and a show When Harry Met Sally.",
            "In 1986 and for 1987 the company earned more.",
            "They dined at the restaurant The Ivy and saw the show The Mousetrap.",
            "In a statement, Hall said The Times was wrong.",
            "Hall said One Direction will tour and Smith said Another Day is out.",
            "He lived at the residence The Lodge with his teammate The Rock.",
        ] {
            assert_no_lints(&MidSentenceCapital, text);
        }
    }

    #[test]
    fn word_lists_are_sorted_for_lookup() {
        for list in [
            SENTENCE_OPENERS,
            OPENERS_AFTER_LOWERCASE,
            SENTENCE_ADVERBS,
            NAME_ENDING_ADVERBS,
            CONJUNCTION_OPENERS,
            OPENERS_AFTER_CONTENT,
            NOUN_OPENERS,
            QUANTITY_OPENERS,
            RANK_OPENERS,
            CLAUSE_END_PARTICLES,
            NAMING_VERBS,
            CLAUSE_OPENERS,
            HYPHEN_OPENERS,
            TITLE_CLASS_NOUNS,
            TITLE_VERBS,
            LABEL_NOUNS,
            DETERMINERS_AND_PRONOUNS,
        ] {
            crate::lexicon::assert_sorted(list);
        }
    }

    #[test]
    fn headings_are_fine() {
        assert_no_lints(
            &MidSentenceCapital,
            "Talks With The Rebels Resume\n\nThe talks resumed.",
        );
    }
}
