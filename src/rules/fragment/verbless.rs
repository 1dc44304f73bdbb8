use super::{is_plain_statement, lettered_words};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::{self, AUXILIARIES, STANDALONE_REPLIES, SUBJECT_PRONOUNS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Verbless;

/// Longest sentence, in words, that this rule judges. Longer verbless
/// sentences are rare and usually lists or datelines.
const MAX_WORDS: usize = 5;

static META: RuleMeta = RuleMeta {
    id: "fragment/verbless",
    severity: Severity::Warning,
    summary: "A short sentence with no verb: a piece of a sentence, or the end of the one before split off",
    doc: r#"## What it does
Finds a short statement (five words or fewer, ending in a full stop, outside
quoted speech, headings and list items) that has no verb, such as
`Prosperous country.`, a phrase that opens with a preposition (`On
Monday.`, `Than 20 years.`), a participle or an infinitive (`To meet
demand.`) with no verb of its own, and a lone auxiliary or a bare subject
plus copula standing as a sentence, such as `Is.` or `It was.`

After a statement of six words or more in the same paragraph, a short
sentence is also reported as the end of that statement split off when
none of its words is a known verb form, a subject pronoun or a reply
(`...the acceptance of necessary. Tax increases.`, `...for the full. Year
in 1987.`), when it is only an attribution (`...two weeks ago, money.
Market economists said.`), or when the words before its attribution have
no verb (`...through its farm. Stabilization program, Hall said.`).
A fragment that opens with an emphatic adverb or quantifier after a
sentence of the same paragraph (`Then the fires.`, `Finally.`, `Never
again.`) is written on purpose and left alone. Among split-off tails, more
fragments written on purpose are left alone: those that open with a
determiner, quantifier or adverb (`Another broken promise.`, `Every
single one.`), repeat only words of the sentence before (`Forty years.`)
or hold a comma (`Loud music, mostly.`).

Inside a quotation, where speech may be fragmentary, only a phrase that
opens with a preposition and has no comma and no verb is reported after
a quoted statement of six words or more (`"...a clear violation. Of the
law."`).

Short real sentences with a verb (`He declined.`) and short replies
(`Not yet.`, `Of course.`) are not reported, nor are questions.

## Why is this bad?
Machine translation leaves pieces of a sentence behind as sentences of
their own. They read as noise and often hide a lost clause.

## Example
```text
The protests spread to the capital. Prosperous country.
```

Use instead:
```text
The protests spread to the capital of the prosperous country.
```
"#,
    options: &[crate::rules::RuleOption {
        name: "max-words",
        default: MAX_WORDS,
        summary: "the longest sentence, in words, that is judged (an attribution after it may add four)",
    }],
};

impl Rule for Verbless {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !doc.is_english() {
            return;
        }
        let max_words = cx.settings.option(&META, "max-words");
        for (index, sentence) in doc.sentences.iter().enumerate() {
            // Length first: most sentences are too long to be a fragment.
            if sentence.words.len() > max_words + ATTRIBUTION_WORDS || cx.hides_words(sentence.span)
            {
                continue;
            }
            if !is_plain_statement(sentence) {
                if let Some(reason) = quoted_tail(doc, index, max_words) {
                    let span = sentence.span;
                    let shown = span.text(doc.text);
                    out.push(
                        self.diagnostic(span, format!("\"{shown}\" is not a sentence: {reason}")),
                    );
                }
                continue;
            }
            let reason = if sentence.words.len() <= max_words {
                classify(doc, sentence)
            } else {
                None
            };
            // `Then the fires.`, `Finally.`: a fragment written on purpose
            // after a sentence of the same paragraph.
            let deliberate = |shape: &Shape| {
                let first = doc.word(sentence.words.start);
                matches!(shape, Shape::NoVerb | Shape::LoneWord)
                    && index > 0
                    && doc.sentences[index - 1].paragraph == sentence.paragraph
                    && (lexicon::is_ly_adverb(first) || lexicon::is_in(EMPHATIC_OPENERS, first))
            };
            let reason = reason.filter(|s| !deliberate(s)).map(Shape::reason);
            let Some(reason) = reason.or_else(|| split_tail(doc, index, max_words)) else {
                continue;
            };
            let span = sentence.span;
            let shown = span.text(doc.text);
            out.push(self.diagnostic(span, format!("\"{shown}\" is not a sentence: {reason}")));
        }
    }
}

/// What a short sentence that is not one looks like.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    LoneAuxiliary,
    BareSubject,
    Prepositional,
    LonePast,
    LoneWord,
    Participle,
    Infinitive,
    Conjunction,
    /// No verb at all; like `LoneWord`, what a fragment written on
    /// purpose also is.
    NoVerb,
}

impl Shape {
    fn reason(self) -> &'static str {
        match self {
            Shape::LoneAuxiliary | Shape::LonePast => "a lone verb with no subject",
            Shape::BareSubject => "a bare subject and auxiliary with nothing after them",
            Shape::Prepositional => "a phrase cut off from its sentence, with no verb",
            Shape::LoneWord => "a lone word",
            Shape::Participle => "a participle phrase with no main verb",
            Shape::Infinitive => "an infinitive phrase with no main verb",
            Shape::Conjunction => "a conjunction and a phrase with no verb",
            Shape::NoVerb => "no verb",
        }
    }
}

/// Why a short sentence is not one, or `None` when it may be one.
fn classify(
    doc: &crate::document::Document,
    sentence: &crate::document::Sentence,
) -> Option<Shape> {
    let words = lettered_words(doc, sentence);
    // Numbers count as words of the sentence but hold no verb.
    let numbers = sentence.words.len() - words.len();
    if words.is_empty() {
        return None;
    }
    let prepositional = lexicon::is_in(lexicon::PREPOSITIONS, words[0])
        // `-ing` after a preposition is a gerund, not a verb.
        && !words.iter().any(|w| lexicon::is_verb(w) && !w.ends_with("ing"))
        && !is_idiom(doc, sentence);
    if numbers > 0 && !prepositional {
        return None;
    }
    let reason = match words.as_slice() {
        [single] if lexicon::is_in(AUXILIARIES, single) => Shape::LoneAuxiliary,
        [subject, verb]
            if lexicon::is_in(SUBJECT_PRONOUNS, subject) && lexicon::is_in(AUXILIARIES, verb) =>
        {
            Shape::BareSubject
        }
        _ if prepositional => Shape::Prepositional,
        // `Said.`, `Found.`: a past form with its subject lost.
        [single]
            if single.starts_with(char::is_uppercase)
                && !lexicon::is_in(STANDALONE_REPLIES, single)
                && (*single == "Said" || single.len() >= 5 && single.ends_with("ed")) =>
        {
            Shape::LonePast
        }
        [single]
            if lexicon::is_in(STANDALONE_REPLIES, single)
                || !single.starts_with(char::is_uppercase)
                || lexicon::is_verb(single)
                || lexicon::word_rank(&single.to_lowercase()).is_none() =>
        {
            return None;
        }
        [_] => Shape::LoneWord,
        _ if is_idiom(doc, sentence) => return None,
        [first, rest @ ..] if is_participle(first) && !rest.iter().any(|w| is_finite(w)) => {
            Shape::Participle
        }
        // `To meet demand.`: an infinitive, and no verb of its own.
        [to, verb, rest @ ..]
            if to.eq_ignore_ascii_case("to")
                && lexicon::is_verb(verb)
                && !rest.iter().any(|w| is_finite(w)) =>
        {
            Shape::Infinitive
        }
        [first, rest @ ..]
            if lexicon::is_in(&["and", "nor", "or"], &first.to_lowercase())
                && rest.len() >= 2
                && !rest.iter().any(|w| lexicon::is_verb(w)) =>
        {
            Shape::Conjunction
        }
        [first, ..]
            if first.to_lowercase() != "of" && lexicon::is_in(STANDALONE_REPLIES, first) =>
        {
            return None;
        }
        _ if could_hold_a_verb(&words) => return None,
        _ => Shape::NoVerb,
    };
    Some(reason)
}

/// Short set phrases that stand as sentences of their own.
const IDIOMS: &[&str] = &[
    "above all",
    "after all",
    "and so on",
    "at first",
    "at last",
    "at least",
    "at the moment",
    "by far",
    "for example",
    "for instance",
    "for now",
    "for sure",
    "for the record",
    "for the time being",
    "in all",
    "in brief",
    "in fact",
    "in general",
    "in other words",
    "in short",
    "in sum",
    "in the meantime",
    "in total",
    "in turn",
    "not at all",
    "not yet",
    "of course",
    "on balance",
    "on the contrary",
    "or not",
    "or so",
    "to be clear",
    "to be fair",
    "to be honest",
    "to be sure",
    "to date",
    "to this day",
    "with pleasure",
];

/// `Holding`, `Calculating`: a capitalised `-ing` form of a known verb.
fn is_participle(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ing") else {
        return false;
    };
    let lower = stem.to_lowercase();
    word.starts_with(char::is_uppercase)
        && lower.len() >= 3
        && (lexicon::is_verb(&lower)
            || lexicon::is_verb(&format!("{lower}e"))
            || lower.len() >= 4
                && lower.as_bytes()[lower.len() - 1] == lower.as_bytes()[lower.len() - 2]
                && lexicon::is_verb(&lower[..lower.len() - 1]))
}

/// A verb form that can carry a sentence (not an `-ing` form).
fn is_finite(word: &str) -> bool {
    lexicon::is_verb(word) && !word.ends_with("ing")
}

fn is_idiom(doc: &crate::document::Document, sentence: &crate::document::Sentence) -> bool {
    let words: Vec<String> = doc
        .sentence_words(sentence)
        .map(str::to_lowercase)
        .collect();
    lexicon::is_in(IDIOMS, &words.join(" "))
}

/// Why a short sentence is the end of the statement before it, split off,
/// or `None`. It must follow a statement long enough to have lost its end,
/// in the same paragraph and after a full stop, and hold no known verb
/// form, subject pronoun or reply word: `...the acceptance of necessary.
/// Tax increases.`, `...up one. Pct 1987 growth.` A sentence of the form
/// `Market economists said.` is an attribution split off, and in `Farm
/// program, Hall said.` the words before the attribution are judged.
/// A known verb list misses verbs, so only such tails are judged this way.
fn split_tail(
    doc: &crate::document::Document,
    index: usize,
    max_words: usize,
) -> Option<&'static str> {
    let sentence = &doc.sentences[index];
    // A predicate with no subject is `fragment/dangling-start`'s.
    if !super::follows_long_statement(doc, index)
        || super::dangling_start::subjectless_tail(doc, index).is_some()
    {
        return None;
    }
    let words: Vec<&str> = doc.sentence_words(sentence).collect();
    // No finite verb (an `-ing` form is a noun as often: `Morning`), no
    // subject pronoun unless before an attribution, and no reply word.
    // Before an attribution, a verb that opens the words has no subject
    // either (`Plunged, Smolinski said.`): only later verbs count.
    let verbless = |words: &[&str], attributed: bool| {
        let pronouns = attributed;
        !words.is_empty()
            && !words.iter().enumerate().any(|(i, w)| {
                let month = i > 0 && *w == "May";
                let opens_attributed = attributed && i == 0;
                let verb = is_finite(w) && !is_adjectival(words, i);
                verb && !month && !opens_attributed
                    || takes_an_object(words, i)
                    || (!pronouns && lexicon::is_in(SUBJECT_PRONOUNS, w))
                    || (lexicon::is_in(STANDALONE_REPLIES, w) && !w.eq_ignore_ascii_case("of"))
            })
    };
    let (last, rest) = words.split_last()?;
    if lexicon::is_in(SPEECH_VERBS, last) {
        // The words after the last comma are the speaker.
        let comma = doc.text[sentence.span.start..doc.words[sentence.words.end - 1].start]
            .rfind(',')
            .map(|at| sentence.span.start + at);
        let (core, speaker): (Vec<&str>, &[&str]) = match comma {
            Some(at) => {
                let core = sentence
                    .words
                    .clone()
                    .filter(|&k| doc.words[k].end <= at)
                    .map(|k| doc.word(k))
                    .collect::<Vec<_>>();
                let n = core.len();
                (core, &rest[n..])
            }
            None => (Vec::new(), rest),
        };
        // `Peter Frawley, said.`: the speaker before a comma.
        let speaker_ok = (usize::from(comma.is_none())..=ATTRIBUTION_WORDS)
            .contains(&speaker.len())
            && !speaker
                .iter()
                .any(|w| lexicon::is_verb(w) || lexicon::is_in(NOT_A_SPEAKER, w));
        if !speaker_ok {
            return None;
        }
        return if comma.is_none() {
            Some("an attribution split off the sentence before")
        } else if core.len() <= max_words && verbless(&core, true) {
            Some("the end of the sentence before, split off with its attribution")
        } else {
            None
        };
    }
    let lettered = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    if words.len() > max_words || !lettered || !verbless(&words, false) || is_stylistic(doc, index)
    {
        return None;
    }
    Some("the end of the sentence before, split off with no verb")
}

/// Whether a verbless sentence reads as a fragment written on purpose
/// (`Another broken promise.`, `Forty years.`, `Loud music, mostly.`,
/// `Nothing.`): one that opens with a determiner, quantifier or adverb
/// (an article only when the sentence before does not end on a
/// preposition or a verb that wants it: `...a major role in. A planned
/// new firm.`), repeats only words of the sentence before, or holds a
/// comma.
pub(crate) fn is_stylistic(doc: &crate::document::Document, index: usize) -> bool {
    let sentence = &doc.sentences[index];
    let words: Vec<&str> = doc.sentence_words(sentence).collect();
    let before = &doc.sentences[index - 1];
    let first = words[0];
    let mut content = sentence
        .words
        .clone()
        .filter(|&k| doc.flags[k].has_letter() && !doc.flags[k].is_function())
        .peekable();
    let echoes = content.peek().is_some()
        && content.all(|k| before.words.clone().any(|j| doc.keys[j] == doc.keys[k]));
    // An article after a preposition or a verb is its object, cut off.
    let last = doc.word(before.words.end - 1);
    let object = lexicon::is_in(lexicon::ARTICLES, first)
        && (lexicon::is_in(lexicon::PREPOSITIONS, last)
            || lexicon::is_verb(last) && !last.ends_with("ed"));
    // An amount in units is data, not style: `...supplies decline. Two
    // mln bpd.`
    let amount = words.iter().any(|w| lexicon::is_in(AMOUNT_UNITS, w));
    !amount
        && (echoes
            || lexicon::is_in(FRAGMENT_OPENERS, first) && !object
            || lexicon::is_ly_adverb(first)
            || super::has_phrase_comma(sentence.span.text(doc.text)))
}

/// Units of amounts in news copy.
const AMOUNT_UNITS: &[&str] = &[
    "bln", "bpd", "cts", "dlr", "dlrs", "mln", "pct", "stg", "tonnes",
];

/// Adverbs and quantifiers that open fragments written for emphasis
/// (`Then the fires.`, `Never again.`, `Not this time.`): the part of
/// `FRAGMENT_OPENERS` trusted without the context a split-off tail has.
const EMPHATIC_OPENERS: &[&str] = &[
    "almost", "also", "another", "even", "every", "hardly", "just", "never", "no", "none", "not",
    "nothing", "now", "only", "quite", "still", "then", "too", "very", "yet",
];

/// Words that open fragments written on purpose: determiners,
/// quantifiers, number words and adverbs (`Another broken promise.`,
/// `No sign of him.`, `Then the fires.`, `Every single one.`).
const FRAGMENT_OPENERS: &[&str] = &[
    "a",
    "all",
    "almost",
    "also",
    "an",
    "another",
    "any",
    "both",
    "each",
    "either",
    "even",
    "every",
    "everything",
    "few",
    "fewer",
    "hardly",
    "just",
    "less",
    "many",
    "more",
    "most",
    "much",
    "neither",
    "never",
    "no",
    "none",
    "not",
    "nothing",
    "now",
    "one",
    "only",
    "other",
    "plenty",
    "quite",
    "several",
    "so",
    "some",
    "something",
    "still",
    "such",
    "that",
    "the",
    "then",
    "these",
    "this",
    "those",
    "too",
    "two",
    "very",
    "what",
    "yet",
];

/// Why a short sentence inside a quotation is the end of the quoted
/// sentence before it, or `None`. Speech may be fragmentary (`"Never
/// again."`, `"And in summer, too."`), so only a phrase that opens with a
/// preposition and has no comma and no finite verb is judged, after a quoted statement of six words
/// or more: `"...a clear violation. Of the law."`
fn quoted_tail(
    doc: &crate::document::Document,
    index: usize,
    max_words: usize,
) -> Option<&'static str> {
    let sentence = &doc.sentences[index];
    let continues_quote = sentence.quoted
        && sentence.kind == crate::document::BlockKind::Prose
        && sentence.terminator == Some('.')
        && sentence.words.len() <= max_words
        && super::follows_statement(doc, index, true);
    if !continues_quote || is_idiom(doc, sentence) {
        return None;
    }
    let words: Vec<&str> = doc.sentence_words(sentence).collect();
    let first = words[0];
    // An afterthought (`"And in summer, too."`) is speech, not a split.
    let opens_phrase = lexicon::is_in(lexicon::PREPOSITIONS, first)
        && !super::has_phrase_comma(sentence.span.text(doc.text));
    let finite = words
        .iter()
        .enumerate()
        .any(|(i, w)| is_finite(w) && !is_adjectival(&words, i) || takes_an_object(&words, i));
    (opens_phrase && !finite)
        .then_some("the end of the quoted sentence before, split off with no verb")
}

/// Whether the `-ed` form at `i` is an adjective: first in a phrase with
/// no subject and before a noun (`Renewed inflation`, not `Asked about`),
/// or after a determiner or an adverb (`a planned new firm`, `most
/// affected nations`).
fn is_adjectival(words: &[&str], i: usize) -> bool {
    let word = words[i];
    if word.len() < 5 || !word.ends_with("ed") {
        return false;
    }
    match i.checked_sub(1).map(|before| words[before]) {
        None => words
            .get(1)
            .is_some_and(|next| !lexicon::is_function_word(next)),
        Some(before) => {
            lexicon::is_in(NOUN_MARKERS, before)
                || lexicon::is_in(&["less", "more", "most", "very"], before)
                || before.ends_with("ly")
        }
    }
}

/// Whether the word at `i` is a verb the list does not know, going by
/// the object after it: a lowercase content word before a determiner
/// (`Britain opposes the merger`).
fn takes_an_object(words: &[&str], i: usize) -> bool {
    let word = words[i];
    i > 0
        && word.starts_with(|c: char| c.is_lowercase())
        && !lexicon::is_function_word(word)
        && words
            .get(i + 1)
            .is_some_and(|next| lexicon::is_in(lexicon::DETERMINERS, next))
}

/// Verbs of saying that end an attribution (`..., officials said.`).
const SPEECH_VERBS: &[&str] = &[
    "added",
    "estimated",
    "explained",
    "noted",
    "reported",
    "said",
    "say",
    "says",
    "stated",
];

/// Words that make `X said.` a sentence of its own (`So he said.`, `That
/// is what they said.`).
const NOT_A_SPEAKER: &[&str] = &[
    "as", "how", "much", "so", "than", "that", "this", "what", "when", "where", "which", "who",
    "why",
];

/// The most words of a speaker in an attribution (`Finance Minister
/// Michael Wilson said`).
const ATTRIBUTION_WORDS: usize = 4;

const NOUN_MARKERS: &[&str] = &[
    "a", "an", "and", "her", "his", "its", "my", "of", "or", "our", "the", "their", "these",
    "this", "those", "your",
];

/// Suffixes that mark an adjective, after which a word is a noun.
const ADJECTIVE_SUFFIXES: &[&str] = &[
    "able", "al", "ant", "ary", "ent", "ful", "ian", "ible", "ic", "ive", "less", "ous",
];

/// Without a tagger we cannot know that a sentence has no verb, only that
/// no word in it can be one: every content word after the first is a name,
/// or follows a determiner or an adjective, and no word is a known verb.
fn could_hold_a_verb(words: &[&str]) -> bool {
    if words.iter().any(|w| lexicon::is_verb(w)) {
        return true;
    }
    words.windows(2).any(|pair| {
        let (before, word) = (pair[0], pair[1]);
        if lexicon::is_function_word(word) {
            return false;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let after_marker = lexicon::is_in(NOUN_MARKERS, before);
        let after_adjective = before.chars().all(char::is_alphabetic)
            && ADJECTIVE_SUFFIXES
                .iter()
                .any(|s| before.to_ascii_lowercase().ends_with(s));
        !(capitalised && !word.ends_with('s') || after_marker || after_adjective)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn adjective_and_noun_alone_are_reported() {
        let text = "The unrest grew fast. Prosperous country.";
        assert_eq!(matched(&Verbless, text), vec!["Prosperous country."]);
    }

    #[test]
    fn lone_auxiliary_is_reported() {
        assert_eq!(
            matched(
                &Verbless,
                "It acted under the treaty. Is. The move was new."
            ),
            vec!["Is."]
        );
    }

    #[test]
    fn noun_phrase_of_five_words_is_reported() {
        assert_eq!(
            matched(&Verbless, "It moved east. Soviet Union and its allies."),
            vec!["Soviet Union and its allies."]
        );
    }

    #[test]
    fn bare_subject_and_copula_is_reported() {
        assert_eq!(
            matched(&Verbless, "It kept order. It was."),
            vec!["It was."]
        );
    }

    #[test]
    fn short_real_sentences_and_replies_are_fine() {
        for text in [
            "He declined.",
            "Not yet.",
            "Of course.",
            "Why?",
            "Prices fell sharply.",
            "It didn't work.",
            "Nobody knows.",
            "Shares rose.",
            "The unrest spread fast.",
            "Kremlin denies.",
            "Markets wobble again.",
            "In short.",
            "At least.",
            "For now.",
            "Smithereens.",
            "😀 ok.",
            "Okay.",
            "Nothing doing.",
            "Everything changed.",
            "Running late was his habit.",
            "And so it goes.",
            "Agreed.",
            "Or not.",
            "Sorry.",
            "In 1987 it rose 5 pct.",
        ] {
            assert_no_lints(&Verbless, text);
        }
    }

    #[test]
    fn quoted_speech_and_headlines_are_fine() {
        assert_no_lints(&Verbless, "He said: “Good news.” Then he left.");
        assert_no_lints(&Verbless, "Prosperous Country\n\nThe story begins here.");
    }

    #[test]
    fn prepositional_phrases_and_lone_words_split_off_are_reported() {
        for (text, fragment) in [
            (
                "The plan was approved by the council. On Monday.",
                "On Monday.",
            ),
            (
                "The region has been disputed since independence. In 1947.",
                "In 1947.",
            ),
            (
                "Aid will go to the poorest. To developing countries.",
                "To developing countries.",
            ),
            (
                "The cuts will be in management and staff. Functions.",
                "Functions.",
            ),
        ] {
            assert_eq!(matched(&Verbless, text), vec![fragment], "{text}");
        }
    }

    #[test]
    fn infinitive_phrase_standing_alone_is_reported() {
        let text = "The plant will double its output next year. To meet demand.";
        assert_eq!(matched(&Verbless, text), vec!["To meet demand."]);
        for fine in [
            "He will go. To be sure.",
            "The plan was approved. To that end, money was set aside.",
            "To meet demand, the plant will double its output.",
        ] {
            assert_no_lints(&Verbless, fine);
        }
    }

    #[test]
    fn sentence_opening_with_than_or_as_and_no_verb_is_reported() {
        assert_eq!(
            matched(
                &Verbless,
                "Output fell to its lowest level in more. Than 20 years."
            ),
            vec!["Than 20 years."]
        );
        assert_eq!(
            matched(&Verbless, "The bloc imports farm goods such. As cereals."),
            vec!["As cereals."]
        );
    }

    #[test]
    fn end_of_a_sentence_split_off_is_reported() {
        for (text, tail) in [
            (
                "Critics blamed the slump on the acceptance by voters of necessary. Tax increases.",
                "Tax increases.",
            ),
            (
                "Profit will be diluted by about 17 cts a share for the full. Year in 1987.",
                "Year in 1987.",
            ),
            (
                "The bank set its rates at a meeting two weeks ago, money. Market economists said.",
                "Market economists said.",
            ),
            (
                "Ottawa wants to expand payments through its farm. Stabilization program, Hall said.",
                "Stabilization program, Hall said.",
            ),
            (
                "Any package is unlikely to include large federal outlays. Of money, he said.",
                "Of money, he said.",
            ),
            (
                "Revenue fell 3.2 pct in the second half of fiscal. 1986, it said.",
                "1986, it said.",
            ),
            (
                "The group named a new chairman, Peter. Frawley, said.",
                "Frawley, said.",
            ),
            (
                "Consumption rises 1.5 to two mln bpd a year, and supplies decline. Two mln bpd.",
                "Two mln bpd.",
            ),
            (
                "The firm gave telecoms companies a major role in. A planned new firm.",
                "A planned new firm.",
            ),
            (
                "The disease has propelled India to third on the list. Of most affected nations.",
                "Of most affected nations.",
            ),
            (
                "A devaluation of the dollar alone would risk. Renewed inflation, he said.",
                "Renewed inflation, he said.",
            ),
            (
                "Sources said the report was published in the middle of May, in. Early May, they said.",
                "Early May, they said.",
            ),
        ] {
            assert_eq!(matched(&Verbless, text), vec![tail], "{text}");
        }
    }

    #[test]
    fn phrase_split_off_a_quoted_sentence_is_reported() {
        assert_eq!(
            matched(
                &Verbless,
                "He said: \"It appears to be a clear violation. Of the law.\" Then he left."
            ),
            vec!["Of the law.\""]
        );
    }

    #[test]
    fn fragmentary_speech_is_fine() {
        for text in [
            "\"We will fight on for as long as it takes. Never again.\"",
            "\"We will fight on for as long as it takes. For the children, we go on.\"",
            "\"We will fight on for as long as it takes. In fact.\"",
            "\"It worked. Of course.\"",
            "\"The hall will keep us dry in winter. And in summer, too.\"",
            "\"The hall will keep us dry in the winter months. In summer, too.\"",
            "\"We will fight on for as long as it takes. A total disaster.\"",
        ] {
            assert_no_lints(&Verbless, text);
        }
    }

    #[test]
    fn short_sentences_that_stand_after_a_long_one_are_fine() {
        for text in [
            // A verb, a pronoun subject, a reply, or a speaker that is no name.
            "Prices rose sharply in the first quarter of the year. He declined.",
            "The board approved the plan on Monday evening. Shares rose.",
            "The statement was issued by the ministry on Friday. Exactly.",
            "The statement was issued by the ministry on Friday. No comment.",
            "The plan will cut costs by a third next year. So he said.",
            "The plan will cut costs by a third next year. That is what they said.",
            "The plan will cut costs by a third next year. Asked about it, officials said nothing.",
            // A verb the list does not know, told by its object.
            "Tokyo raised its stake to 5 pct, the largest of any firm. Britain opposes the proposed merger.",
            // Fragments written on purpose.
            "The town has changed a great deal since the mine closed. Fewer shops.",
            "She spent forty years teaching at the village school. Forty years.",
            "The council promised a new bridge by the end of the decade. Another broken promise.",
            "He checked the figures again and again before the meeting. Nothing.",
            "The team lost every away game this season. Every single one.",
            "Residents have complained about the noise for months. Loud music, mostly.",
            "Then came the floods of last winter in the valley. Then the fires.",
            "The museum reopened on Saturday after a two-year refit. Finally.",
            "The plant is of special significance for the region. Especially for the town.",
            // Too little before it, another paragraph, or an initial.
            "It rained. Heavy rain.",
            "The plan will cut costs by a third next year.\n\nTax increases.",
            "There are over two hundred subspecies of d. Sibethanus across Thailand.",
            "The average annual temperature is ca. 8 degrees here.",
        ] {
            assert_no_lints(&Verbless, text);
        }
    }

    #[test]
    fn word_lists_are_sorted_for_lookup() {
        crate::lexicon::assert_sorted(NOUN_MARKERS);
        crate::lexicon::assert_sorted(crate::lexicon::PREPOSITIONS);
        crate::lexicon::assert_sorted(IDIOMS);
        crate::lexicon::assert_sorted(SPEECH_VERBS);
        crate::lexicon::assert_sorted(FRAGMENT_OPENERS);
        crate::lexicon::assert_sorted(AMOUNT_UNITS);
        crate::lexicon::assert_sorted(EMPHATIC_OPENERS);
        for word in EMPHATIC_OPENERS {
            assert!(lexicon::is_in(FRAGMENT_OPENERS, word), "{word}");
        }
        crate::lexicon::assert_sorted(NOT_A_SPEAKER);
    }

    #[test]
    fn sentences_with_inline_code_are_not_judged() {
        let found = lint_as(
            &Verbless,
            "Text with `make install` here.",
            crate::source::SourceKind::Markdown,
        );
        assert!(found.is_empty());
        let found = lint_as(
            &Verbless,
            "It grew. **Prosperous** country.",
            crate::source::SourceKind::Markdown,
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn text_in_other_languages_is_not_judged() {
        assert_no_lints(
            &Verbless,
            "Die Gespräche endeten am Montag, und beide Seiten erklärten, dass sie sich wieder treffen würden. Schönes Land.",
        );
    }

    #[test]
    fn longer_sentences_are_not_judged() {
        assert_no_lints(&Verbless, "The long and winding road to the old town.");
    }
}
