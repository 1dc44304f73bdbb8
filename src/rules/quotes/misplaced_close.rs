use super::text_before;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MisplacedClose;

static META: RuleMeta = RuleMeta {
    id: "quotes/misplaced-close",
    severity: Severity::Warning,
    summary: "A closing quote in the wrong place: a quotation closed twice, or closed before its speech ends",
    doc: r#"## What it does
Finds a closing quote that stands before the end of the speech it closes.

**A quotation closed twice.** One opening quote followed by two closing
quotes: the first closer ended the quotation too early; the quotation
really ends at the second. The first closer is reported, with the second as
a related position.

**A closer inside a phrase.** The sentence runs on after the closer, in
lowercase or with a name, and the quotation ends on a word that cannot end
it:
- an article, a possessive, a conjunction, an auxiliary, a subject
  pronoun, an intensifier or `which` (`“We will build the” new bridge, the
  mayor said.`, `“For now, the” Fed is neutral, he said.`, `“It very” well
  could`), `it` as a subject before its verb (`“Of course, it” will`);
- a contraction that leaves its clause open (`“I don't” see`, `“It's” too
  bad`), `not` before the word it negates (`“...simply are not”
  sustainable`), `that` or `there` before their clause (`“...because
  there” aren't`), a verb of thinking after `I` or `we` before its clause
  (`“I think” this could matter`);
- `to` before the verb it marks (`“...we will have to” come up with`,
  `“...is prepared to” carefully consider`), an object pronoun before the
  `to` of its verb (`“...we expect them” to open`), the first `as` of a
  comparison (`“...is not as” open as`), and,
  in speech of four words or more, a verb after `to` or a modal before its
  object (`“...we will be able to fill” the gap`), as is a listed verb in
  `-s` or a participle in `-ing` before an article (`“...the administration
  uses” the trade law`, `“...somebody fanning” the market`);
- the start of a noun phrase before its noun (`“...to reduce our trade”
  deficit`, `“...has reached this” milestone`, `“due to some” technical
  problems`, `“only 10” days`), and in speech of three words or more that
  is no title, any word before the noun it modifies (`“...an era of greater
  exchange rate” stability.`);
- a preposition that needs its object after a word that is not a verb
  (`“a very big step for” the region`; `“what you pay for” bargain` may),
  any preposition there before an article or a noun (`“a firmer tone in”
  the truck segment`), and an article or preposition before a number
  (`“...will receive in” 1987`);
- a lone auxiliary before its verb (`charge-offs “should” be more
  modest`), and an adverb in `-ly` before its verb in speech of three words
  or more (`“...is not fully” resisting`).

**A closer inside a word, a parenthesis or a name**: `“...Mr”. Pickens`,
`“...Americans”' private data`, `“...supply”/demand`, `“The M”-1 surge`,
`“...a long”-term process`, `“...the U.S”. market`, `“...fanning the
(wheat”) market`, `“...largely because Saudi” Arabia will not`.

**Whole speech closed early.** Speech is whole when it opens its sentence
and is attributed after it, or follows `said,`, `said` or a colon. It is
reported when it closes before its end:
- after three or more words in the middle of a phrase: before an article,
  a possessive or `of`, or after a preposition, an adverb in `-ly` or a
  word in `-ing` (`“We are monitoring” the situation and the markets, the
  official said.`), or after a preposition before a name (`“The corn we
  export to” Canada is small.`);
- when it reads as a piece of a sentence (a function word or three words)
  and runs on unquoted to an attribution, in the same sentence or a later
  one of the paragraph (`“This” kind of cut will mean a big drop, an
  analyst said.`, `“The numbers were disappointing”, but I think we
  can..., said one trader.`); unattributed, it must hold a verb or a
  pronoun and run on to the end of its paragraph with no quote mark after
  it (a preposition then opens no phrase of the reporter's: `“It has
  nothing to do with the future scope” for tax cuts.`), or go on a
  sentence of speech attributed before it (`“...,” Markey said. “The
  frenzy and disruption” created by merger mania is distressing.`). A word quoted alone as the subject, its verb after the
  closer, counts too (`“Currencies” are likely to muddle around, said one
  analyst.`);
- after `said,` (or `said in a statement,`) or a colon, before its
  sentence ends, with nothing quoted
  after it (`Mosar warned, “An” escalation would raise tensions.`; a single
  word after `said,` or after a speech verb and a colon too: `He added,
  “therefore” we don't...`), or right after `said` with no comma when it
  opens a sentence (or speaks in the first person) in three words or more,
  or cannot end where it does
  (`Fitzwater said “we” don't want a trade war.`);
- before the full stop of its sentence (three words with a verb), the next
  sentences unquoted up to an attribution (`“The banks will not rush”.
  There should be a split prime, said one economist.`);
- before a comma, then running on in a clause of its own to a later
  attribution (`“That is not a seasonal thing”, it is secular, he said.`),
  and a phrase of two words or more that opens its sentence before the
  reporter's clause (`“Of course”, it will...`).

The attribution may have a long speaker, in the same sentence (`, panel
member Ann Lee of the University of Texas told the meeting.`) or a later
one (`, said Andrew Kim of Eberstadt Fleming.`, `, said Ann Lee, head of
research at a bank in New York.`), and the speech may go on quoted after it (`..., he
said, “because...`). An editor's words in parentheses after the closer
belong inside the quotation, and the sentence is judged as if they were
(`“...what we” (the buyers) are looking for`).

**Whose words run on.** Run-on words are the speaker's when they speak in
the first or second person (`“There were no surprises” in our package, one
delegate said.`), go on the quoted clause's predicate (`” and expects more
losses, the bank said`, `” on deliveries are stretching, he added`), or
answer attributed speech in the first person (`“Whatever decision” we
arrive at..., he said.`). A phrase the reporter adds to attributed speech
does not start with `and`, `but` or `or`, nor follow speech in the first
person (`“We fit better” with Monier, he said.`), nor start with a
preposition unless it names the occasion of the speech (`” in their
complaint, Hall told Reuters`, `” at a news conference, he said`).

**Left alone**: a quotation that names or mentions something (`the “Buy
local” campaign`, `the phrase “elephant in the room” refers`), a partial
quotation that ends on a full phrase (`"too early to say" whether...`), a
quoted term (`“Poison pill” defences are common, analysts said.`) and a
quotation followed by a comma and its attribution: these are good style.

## Why is this bad?
Machine translation often moves a closing quote to the end of the first
translated sentence, so the rest of the speech reads as the reporter's own
words.

## Example
```text
She said, “We will fix the roads.” Which is what voters want. That is the plan.”
```

Use instead:
```text
She said, “We will fix the roads, which is what voters want. That is the plan.”
```
"#,
    options: &[],
};

impl Rule for MisplacedClose {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text;
        for pair in &cx.doc.quotes.pairs {
            if let Some((attribution, why)) = closed_too_early(cx.doc, pair) {
                let mut d = self.diagnostic(
                    pair.close,
                    format!(
                        "quotation closed after \"{}\", {why}, and the sentence runs on; the closing quote is probably misplaced",
                        text_before(text, pair.close)
                    ),
                );
                if let Some(span) = attribution {
                    d = d.with_related(
                        span,
                        "the speech is attributed here, after the quotation's end",
                    );
                }
                out.push(d);
            }
        }
        for problem in &cx.doc.quotes.problems {
            if let QuoteProblem::MisplacedClose { first, second } = problem {
                out.push(
                    self.diagnostic(
                        *first,
                        format!(
                            "quotation closed after \"{}\" is closed again after \"{}\"; the first closing quote is probably misplaced",
                            text_before(text, *first),
                            text_before(text, *second)
                        ),
                    )
                    .with_related(*second, "second closing quote here"),
                );
            }
        }
    }
}

/// Verbs that attribute speech: `, he said`, `, said the mayor`.
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "argued",
    "asked",
    "cautioned",
    "claimed",
    "complained",
    "conceded",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "observed",
    "predicted",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "said",
    "says",
    "stated",
    "told",
    "warned",
    "wrote",
];

/// A verb that attributes speech, listed in either list (`said`,
/// `commented`, `according`).
fn is_speech_verb(word: &str) -> bool {
    crate::lexicon::is_in(SPEECH_VERBS, word) || crate::lexicon::is_in(MORE_SPEECH_VERBS, word)
}

/// Words a quotation cannot end on when the sentence runs on after it:
/// articles, possessives, conjunctions, auxiliaries and subject pronouns
/// (`“We will build the” new bridge`, `“We will” build it`).
fn cannot_end_a_quotation(word: &str) -> bool {
    use crate::lexicon::{AUXILIARIES, NON_FINAL_WORDS, is_in};
    // `is_in` folds case itself.
    is_in(NON_FINAL_WORDS, word)
        || is_in(AUXILIARIES, word)
        || is_in(&["he", "his", "i", "she", "they", "we", "you"], word)
        // A relative pronoun, and an intensifier before its word: `“...is
        // it very” well`.
        || is_in(&["quite", "rather", "very", "which"], word)
}

/// Whether a quotation ends on a contraction that leaves its clause open
/// when a lowercase word follows: a pronoun and its verb (`“It's” too
/// bad`, `“we're” in`) or a negated auxiliary (`“I don't” see`).
fn ends_on_open_contraction(inner: &str) -> bool {
    let is_apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    let last = &inner
        [crate::document::start_after_last(inner, |c| !c.is_alphanumeric() && !is_apostrophe(c))..];
    let Some((head, tail)) = last.split_once(is_apostrophe) else {
        return false;
    };
    // `I` takes `'m`, `'d`, `'ll`, `'ve`; `i's` is a letter's plural.
    if head.eq_ignore_ascii_case("i") && crate::lexicon::is_in(&["re", "s"], tail) {
        return false;
    }
    tail == "t" && head.ends_with(['n', 'N'])
        || crate::lexicon::is_in(&["d", "ll", "m", "re", "s", "ve"], tail)
            && crate::lexicon::is_in(
                &[
                    "he", "i", "it", "she", "that", "there", "they", "we", "what", "who", "you",
                ],
                head,
            )
}

/// Whether the closer cuts a noun phrase before its noun: the quotation
/// ends on a demonstrative (`“...has reached this” milestone`) or on one
/// or two words after an article or possessive (`“...are a major” source`,
/// `“...to reduce our trade” deficit`), and a lowercase word that is no
/// function word, verb or adverb follows the closer. Only for double
/// quotes: a single one may be an apostrophe (`the series' creators`).
fn noun_phrase_cut(
    doc: &crate::document::Document,
    pair: &crate::document::QuotePair,
    inner_words: &[&str],
) -> bool {
    use crate::lexicon::is_in;
    let text = doc.text;
    let inner = &text[pair.open.end..pair.close.start];
    // A quotation after an article names something and the noun after it
    // classes the name.
    let before = text[..pair.open.start].trim_end();
    let word_before =
        &before[crate::document::start_after_last(before, |c| !c.is_alphanumeric())..];
    if names_a_thing(before) {
        return false;
    }
    let Some(rest) = text[pair.close.end..].strip_prefix(' ') else {
        return false;
    };
    let Some(next) = nounish_word(rest) else {
        return false;
    };
    let n = inner_words.len();
    let last = inner_words[n - 1];
    // A demonstrative or quantifier, or a number, before its noun:
    // `“...reached this” milestone`, `“due to some” technical problems`,
    // `“we have had only 10” days`.
    let number =
        last.bytes().all(|b| b.is_ascii_digit()) || is_in(crate::lexicon::NUMBER_WORDS, last);
    if is_in(
        &[
            "every", "few", "many", "numerous", "several", "some", "these", "this", "those",
            "various",
        ],
        last,
    ) || number && n >= 2
    {
        return true;
    }
    // A quoted verb phrase may take a complement (`supposed to “keep the
    // practice” legal`).
    if is_base_verb(inner_words[0]) && !is_in(crate::lexicon::AUXILIARIES, inner_words[0]) {
        return false;
    }
    // Speech of three words or more, not a title, cut before the noun its
    // last word modifies: `“...an era of greater exchange rate” stability`,
    // `“...a vote against tax” reform`, `“...to reduce their interest”
    // rates`. A partial quotation of that length ends on a whole phrase,
    // and one after a possessive names something (`CNN's “State of the
    // Union”`).
    let lowercase_words = inner_words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    // The cut runs on to the stop of a sentence with no quote mark in it
    // (not a headline: `“Cold noodle dishes” unpopular reason`); a word in
    // `-s` before an object is a verb (`“...it is a nation” proves this`),
    // and a verb phrase in `-ing` may class a noun (`their usual
    // “following the flowers” routes`), as may a compound of three words
    // joined by a function word (`sold “farm to table” meals`).
    let spaced: Vec<&str> = inner.split_whitespace().collect();
    // (`provided that real” wage costs` opens with a verb: no compound.)
    let compound = spaced.len() == 3
        && !crate::lexicon::is_verb(spaced[0])
        && (crate::lexicon::is_function_word(spaced[1])
            || is_in(crate::lexicon::PREPOSITIONS, spaced[1]));
    if n >= 3
        && spaced.len() >= 3
        && !compound
        && 2 * lowercase_words > n
        && !word_before.eq_ignore_ascii_case("of")
        && !before.ends_with(['\'', '\u{2019}'])
        && !before.ends_with("'s")
        && !before.ends_with("\u{2019}s")
        && last.chars().all(char::is_alphabetic)
        && !inner_words[0].ends_with("ing")
        && !is_in(PHRASE_CONTINUATIONS, next)
        && !(next.ends_with('s') && {
            let then = first_word(rest[next.len()..].trim_start());
            is_in(crate::lexicon::DETERMINERS, then)
                || is_in(crate::lexicon::SUBJECT_PRONOUNS, then)
                || is_in(&["it", "me", "that", "them", "us"], then)
        })
    {
        let rest_of_sentence = &text[pair.close.end..sentence_end_of(doc, pair.close.end)];
        if !rest_of_sentence.contains(QUOTE_MARKS) && rest_of_sentence.trim_end().ends_with('.') {
            return true;
        }
    }
    // After an article, a word in `-s` may be the verb of a quoted subject
    // (`“...it is a nation” proves this`).
    if next.ends_with('s') {
        return false;
    }
    // The last words after the determiner are lowercase and unpunctuated.
    let tail_start = crate::document::start_after_last(inner, |c| {
        !c.is_alphanumeric() && c != ' ' && c != '-' && c != '\''
    });
    (2..=3).any(|back| {
        n >= back
            && is_in(crate::lexicon::DETERMINERS, inner_words[n - back])
            && inner_words[n - back + 1..]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            && inner[tail_start..].split_whitespace().count() >= back
    })
}

/// Whether the words before a quotation make it a name or a mention: an
/// article or possessive (`the “Buy from my grandmother” campaign`) or a
/// noun such as `phrase` (`The phrase “elephant in the room” refers to`).
fn names_a_thing(before: &str) -> bool {
    let word_before =
        &before[crate::document::start_after_last(before, |c| !c.is_alphanumeric())..];
    crate::lexicon::is_in(crate::lexicon::DETERMINERS, word_before)
        || crate::lexicon::is_in(MENTION_NOUNS, word_before)
}

/// The word `text` starts with when it reads as a noun or an adjective: a
/// lowercase word that is no function word, preposition, link, verb or
/// adverb (`deficit`, `long-term`; not `doesn't`).
fn nounish_word(text: &str) -> Option<&str> {
    use crate::lexicon::is_in;
    let next = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    // (A word with a letter of another script is no word of the lists.)
    let nounish = next.starts_with(|c: char| c.is_ascii_lowercase())
        && next.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !text[next.len()..].starts_with(['\'', '\u{2019}'])
        && !crate::lexicon::is_function_word(next)
        && !is_in(crate::lexicon::PREPOSITIONS, next)
        && !is_in(crate::lexicon::SUBORDINATORS, next)
        && !is_in(ADVERBIAL_LINKS, next)
        && !crate::lexicon::is_verb(next)
        && !crate::lexicon::is_ly_adverb(next)
        && !next.ends_with("ing")
        && !is_in(LONE_ADVERBS, next)
        // (Adjectives that take `to`, `due to the rules`, or open a time
        // phrase, `next year`.)
        && !is_in(&["due", "last", "next", "prior"], next);
    nounish.then_some(next)
}

/// Whether the closer parts a verb from its object: speech of four words
/// or more ends on a verb after `to` or a modal, an adverb in `-ly` maybe
/// between (`“...we will be able to fill” the gap`, `“...is prepared to
/// carefully consider” requests`), and an article, a possessive or a noun
/// follows. A partial quotation of a verb phrase ends with its object.
fn verb_object_cut(text: &str, pair: &crate::document::QuotePair) -> bool {
    use crate::lexicon::is_in;
    if names_a_thing(text[..pair.open.start].trim_end()) {
        return false;
    }
    let inner = &text[pair.open.end..pair.close.start];
    let after_close = &text[pair.close.end..];
    // Whole words between spaces: `well-to-tank` is no verb after `to`.
    let words: Vec<&str> = inner.split_whitespace().collect();
    let n = words.len();
    // A listed verb in `-s`, or a participle in `-ing`, before an article or
    // possessive is parted from its object: `“...the administration uses”
    // the trade law`, `“...started by somebody fanning” the market`.
    // (Not before an attribution: `“...a time for everything” the Emir
    // said`.)
    let article_next = after_close.strip_prefix(' ').is_some_and(|rest| {
        is_in(crate::lexicon::DETERMINERS, first_word(rest)) && !is_attribution_start(rest)
    });
    if article_next && n >= 2 {
        let last = words[n - 1];
        let finite =
            last.ends_with('s') && !last.ends_with("ss") && is_in(crate::lexicon::VERBS, last);
        let participle = last.len() >= 5
            && last.ends_with("ing")
            && !last.ends_with("thing")
            // (After an article it is a noun: `“the morning” the storm hit`.)
            && !is_in(
                crate::lexicon::DETERMINERS,
                words[n - 2].trim_start_matches(|c: char| !c.is_alphanumeric()),
            )
            && last.chars().all(|c| c.is_ascii_lowercase())
            && !crate::lexicon::is_function_word(last)
            && !is_in(crate::lexicon::PREPOSITIONS, last)
            && !is_in(PARTICIPLE_PREPOSITIONS, last);
        if (finite || participle) && !is_in(crate::lexicon::AUXILIARIES, last) {
            return true;
        }
    }
    // (Three words may be a compound that classes the noun after it:
    // `sold “farm to table” meals`.)
    if n < 4 {
        return false;
    }
    // After `to` or a modal, a plain lowercase word is the verb they mark.
    let last = words[n - 1];
    let verb = is_plain_verb(last);
    let marks_verb = |w: &str| w == "to" || is_in(MODALS, w);
    let marked = marks_verb(words[n - 2])
        || crate::lexicon::is_ly_adverb(words[n - 2]) && marks_verb(words[n - 3]);
    let Some(rest) = after_close.strip_prefix(' ') else {
        return false;
    };
    // (After a verb a word in `-s` is its object, even one that is a verb
    // too: `“...we will get” cuts`.)
    let plural = first_word(rest);
    let object = is_in(crate::lexicon::DETERMINERS, plural)
        || nounish_word(rest).is_some()
        || plural.len() > 3
            && plural.ends_with('s')
            && !plural.ends_with("ss")
            && plural.chars().all(|c| c.is_ascii_lowercase())
            && !crate::lexicon::is_function_word(plural);
    // A time phrase goes on the reporter's sentence: `“...set to rise”
    // the next day`, `“...will come” this year`.
    verb && marked && object && !time_word_among(rest, 3)
}

/// Whether one of the first `count` words of `text` is a word of a time
/// phrase (`the next day`, `this year`).
fn time_word_among(text: &str, count: usize) -> bool {
    text.split_whitespace().take(count).any(|w| {
        crate::lexicon::is_in(
            TIME_WORDS,
            w.trim_end_matches(|c: char| !c.is_alphanumeric()),
        )
    })
}

/// Words of a time phrase: `the next day`, `this year`, `last week`.
const TIME_WORDS: &[&str] = &[
    "afternoon",
    "day",
    "days",
    "evening",
    "hour",
    "hours",
    "last",
    "month",
    "months",
    "morning",
    "next",
    "night",
    "quarter",
    "season",
    "time",
    "week",
    "weekend",
    "weeks",
    "year",
    "years",
];

/// Participles that work as prepositions and take an object: `regarding
/// the reopening`.
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "concerning",
    "considering",
    "excluding",
    "following",
    "including",
    "involving",
    "regarding",
];

/// Verbs of thinking that take a clause: `“I think” this could matter`.
const THINKING_VERBS: &[&str] = &[
    "believe", "expect", "fear", "feel", "guess", "hope", "know", "suppose", "think",
];

/// A plain lowercase word that can be a verb in its base form where the
/// grammar wants one (after `to` or a modal): no function word,
/// preposition or adverb, no `-s`, `-ed` or `-ing`.
fn is_plain_verb(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !crate::lexicon::is_function_word(word)
        && !crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, word)
        && !crate::lexicon::is_ly_adverb(word)
        && !word.ends_with('s')
        && !word.ends_with("ed")
        && !word.ends_with("ing")
}

/// Modal verbs, which take a verb in its base form.
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// The end of the sentence that holds byte `offset`, or of the text.
fn sentence_end_of(doc: &crate::document::Document, offset: usize) -> usize {
    sentence_at(doc, offset).map_or(doc.text.len(), |i| doc.sentences[i].span.end)
}

/// Whether a closing quote mark is a double one (a single one may be an
/// apostrophe).
fn is_double_quote(mark: &str) -> bool {
    mark == "\"" || mark == "\u{201D}"
}

/// The first word of `text`, letters, digits and apostrophes.
fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
}

/// Prepositions that are not also adverbs or particles, so need an object
/// after them (`in`, `on`, `over`, `about` may end a phrase: `the lights
/// on`).
const OBJECT_PREPOSITIONS: &[&str] = &[
    "against", "amid", "among", "at", "between", "despite", "during", "for", "from", "into", "of",
    "onto", "per", "to", "toward", "towards", "upon", "via", "with",
];

/// Nouns that introduce a quoted expression as a mention: `the phrase
/// “elephant in the room”`.
const MENTION_NOUNS: &[&str] = &[
    "expression",
    "idiom",
    "motto",
    "name",
    "phrase",
    "saying",
    "slogan",
    "term",
    "title",
    "word",
    "words",
];

/// Adverbs that stand alone after a quoted phrase: `“the best” ever`, `“far
/// from ideal” nonetheless`.
const LONE_ADVERBS: &[&str] = &[
    "abroad",
    "afterward",
    "afterwards",
    "ago",
    "ahead",
    "alike",
    "alone",
    "already",
    "altogether",
    "anyway",
    "apart",
    "aside",
    "away",
    "back",
    "beforehand",
    "earlier",
    "else",
    "elsewhere",
    "enough",
    "ever",
    "everywhere",
    "first",
    "half",
    "hence",
    "here",
    "home",
    "indeed",
    "instead",
    "later",
    "meanwhile",
    "nearby",
    "nevertheless",
    "nonetheless",
    "now",
    "once",
    "otherwise",
    "overall",
    "overnight",
    "perhaps",
    "regardless",
    "soon",
    "still",
    "thereafter",
    "therefore",
    "though",
    "today",
    "together",
    "tomorrow",
    "twice",
    "whatsoever",
    "worldwide",
    "yesterday",
    "yet",
];

/// A listed verb in its base form: `do`, `come`, `support`, not `does`,
/// `came`... (roughly: no `-s`, `-ed` or `-ing`, and not a form of `be`).
fn is_base_verb(word: &str) -> bool {
    crate::lexicon::is_verb(word)
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && !word.ends_with('s')
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && !crate::lexicon::is_in(&["am", "are", "been", "was", "were"], word)
}

/// Whether the words from `from` to the end of the sentence speak in the
/// first or second person (`in our package`, `I have seen`): the
/// reporter's own words do not, so they are the speaker's.
fn speaks_in_person(doc: &crate::document::Document, words: &[usize]) -> bool {
    words.iter().any(|&k| is_in_person(doc.word(k)))
}

/// A word in the first or second person: `I've`, `our`, `you`, `your`.
fn is_in_person(word: &str) -> bool {
    is_first_person(word)
        || crate::lexicon::is_in(
            &["you", "your"],
            word.split(['\'', '\u{2019}']).next().unwrap_or(word),
        )
}

/// `I`, `we`, `our` and the like, with or without a contraction (`I've`,
/// `we're`).
fn is_first_person(word: &str) -> bool {
    word == "I"
        || word.starts_with("I'")
        || word.starts_with("I\u{2019}")
        || crate::lexicon::is_in(
            &["me", "my", "our", "ours", "us", "we"],
            word.split(['\'', '\u{2019}']).next().unwrap_or(word),
        )
}

/// The end of a quotation and what follows its closer, for the tests of
/// whether its last word can end it.
struct QuoteEnd<'a> {
    text: &'a str,
    pair: &'a crate::document::QuotePair,
    /// The quotation's words, letters, digits and apostrophes.
    words: &'a [&'a str],
    last: &'a str,
    after_close: &'a str,
}

impl QuoteEnd<'_> {
    /// `to` ends a quotation (`“We want to”`), but not before the verb it
    /// marks: `“...we will soon have to” come up with`.
    /// (An adverb in `-ly` may stand between: `“...is prepared to”
    /// carefully consider`.)
    fn to_before_verb(&self) -> bool {
        self.last.eq_ignore_ascii_case("to") && self.after_close.starts_with(' ') && {
            let mut after = self.after_close[1..].split_whitespace();
            let next = first_word(after.next().unwrap_or(""));
            is_base_verb(next)
                || crate::lexicon::is_ly_adverb(next)
                    && is_plain_verb(first_word(after.next().unwrap_or("")))
        }
    }

    /// An object pronoun before the `to` of its verb: `“...we expect them”
    /// to open their markets`.
    fn object_before_infinitive(&self) -> bool {
        self.words.len() >= 3
            && crate::lexicon::is_in(&["her", "him", "me", "them", "us"], self.last)
            && self.after_close.strip_prefix(" to ").is_some_and(|rest| {
                let verb = first_word(rest);
                verb.starts_with(|c: char| c.is_ascii_lowercase())
                    && !crate::lexicon::is_function_word(verb)
            })
    }

    /// The first `as` of a comparison: `“...is clearly not as” open as...`.
    fn comparison_cut(&self) -> bool {
        self.last.eq_ignore_ascii_case("as")
            && self.after_close.strip_prefix(' ').is_some_and(|rest| {
                let mut after = rest.split_whitespace();
                after
                    .next()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                    && after.next() == Some("as")
            })
    }

    /// `not` ends a quotation (`“I think not”`, `“whether or not”`), but not
    /// before the word it negates: `“...are simply not” sustainable`.
    fn not_before_its_word(&self) -> bool {
        self.last.eq_ignore_ascii_case("not")
            && self.words.len() >= 2
            && !self.words[self.words.len() - 2].eq_ignore_ascii_case("or")
            && self
                .after_close
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()))
    }

    /// A verb of thinking after `I` or `we` before the clause it takes: `“I
    /// think” this could matter`, `“I know” I've done...`.
    fn thinks_before_clause(&self) -> bool {
        self.words.len() >= 2
            && !names_a_thing(self.text[..self.pair.open.start].trim_end())
            && crate::lexicon::is_in(THINKING_VERBS, self.last)
            && crate::lexicon::is_in(&["i", "we"], self.words[self.words.len() - 2])
            && self.after_close.strip_prefix(' ').is_some_and(|rest| {
                rest.starts_with(|c: char| c.is_ascii_lowercase())
                    || rest.starts_with("I ")
                    || rest.starts_with("I'")
                    || rest.starts_with("I\u{2019}")
            })
    }

    /// An adverb in `-ly` before the verb it modifies, in speech of three
    /// words or more: `“...the Fed is not fully” resisting the pressure`.
    fn adverb_before_verb(&self) -> bool {
        self.words.len() >= 3
            && crate::lexicon::is_ly_adverb(self.last)
            && self.after_close.strip_prefix(' ').is_some_and(|rest| {
                let next = first_word(rest);
                next.starts_with(|c: char| c.is_ascii_lowercase())
                    && crate::lexicon::is_verb(next)
                    && !is_speech_verb(next)
            })
    }

    /// `that` or `there` before the subject or verb of their clause: `“...an
    /// example, and that” it is not necessary`, `“...because there” aren't
    /// many projects`.
    fn clause_word_cut(&self) -> bool {
        self.words.len() >= 2
            && crate::lexicon::is_in(&["that", "there"], self.last)
            && self.after_close.strip_prefix(' ').is_some_and(|rest| {
                let next = first_word(rest);
                // (`aren't` is `are` and its negation.)
                let next = next
                    .strip_suffix("n't")
                    .or_else(|| next.strip_suffix("n\u{2019}t"))
                    .unwrap_or_else(|| next.split(['\'', '\u{2019}']).next().unwrap_or(next));
                next.starts_with(|c: char| c.is_ascii_lowercase())
                    && (self.last.eq_ignore_ascii_case("that")
                        && crate::lexicon::is_in(&["he", "it", "she", "they", "we", "you"], next)
                        || self.last.eq_ignore_ascii_case("there")
                            && crate::lexicon::is_in(crate::lexicon::AUXILIARIES, next))
            })
    }

    /// `it` before its verb: `“Of course, it” will take the dollar into
    /// account`.
    fn it_before_verb(&self) -> bool {
        self.words.len() >= 2
            && self.last.eq_ignore_ascii_case("it")
            // (Not an object: `the “man who doesn't have it” is here`.)
            && !crate::lexicon::is_verb(self.words[self.words.len() - 2])
            && !crate::lexicon::is_in(
                crate::lexicon::PREPOSITIONS,
                self.words[self.words.len() - 2],
            )
            && self.after_close.strip_prefix(' ').is_some_and(|rest| {
                crate::lexicon::is_in(crate::lexicon::AUXILIARIES, first_word(rest))
            })
    }

    /// Whether the closer stands inside a word: a title's abbreviation, an
    /// initialism, a possessive or a compound split by it.
    fn inside_a_word(&self, lowercase_words: usize) -> bool {
        // A title's abbreviation split from its stop (`“...diversity. Mr”.
        // Pickens is`), or a word from its possessive (`“...and Americans”'
        // private information`): the closer stands inside a word.
        let title_stop = crate::lexicon::is_in(TITLE_ABBREVIATIONS, self.last)
            && self
                .after_close
                .strip_prefix(". ")
                .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        // So does one inside an initialism before the sentence runs on:
        // `“...away from the U.S”. market`.
        let initialism_stop = self
            .after_close
            .strip_prefix(". ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()))
            && self.inner().rsplit(' ').next().is_some_and(|token| {
                token.contains('.') && token.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            });
        // (A title may take a possessive after its quotes: `“The Times”'
        // review`.)
        let possessive = self
            .after_close
            .strip_prefix(['\'', '\u{2019}'])
            .is_some_and(|rest| rest.starts_with(' '))
            && self.last.ends_with('s')
            && 2 * lowercase_words >= self.words.len();
        // A closer before a slash or a hyphen and a number splits a word too:
        // `“...the whole supply”/demand picture`, `“The M”-1 surge`.
        // So does one between a lowercase word and a hyphen in speech: `“...a
        // long”-term process` (a title or name may be hyphenated to a word:
        // `a “Buy American”-style campaign`).
        let split_word = self
            .after_close
            .strip_prefix('/')
            .is_some_and(|rest| rest.starts_with(char::is_alphanumeric))
            || self.after_close.strip_prefix('-').is_some_and(|rest| {
                // (`“...dry up for D”-RAMs`, `“...growth in Allied”-Lyons`.)
                rest.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
                    || rest.starts_with(|c: char| c.is_ascii_lowercase())
                        && self.words.len() >= 2
                        && self.last.starts_with(|c: char| c.is_ascii_lowercase())
            });
        title_stop || initialism_stop || possessive || split_word
    }

    /// The quotation's text, between its marks.
    fn inner(&self) -> &str {
        &self.text[self.pair.open.end..self.pair.close.start]
    }
}

/// A quotation that a closing mark ends in mid-phrase: the closer follows a
/// word that cannot end a quotation, with no punctuation, and a lowercase
/// word follows the closer. A partial quotation that ends on a full phrase
/// (`"too early to say" whether the plant...`) is good news style and is not
/// judged, nor is a single quoted word (`the word “the”`) unless it opens
/// the sentence. Returns where the speech is attributed after it, if it is.
fn closed_too_early(
    doc: &crate::document::Document,
    pair: &crate::document::QuotePair,
) -> Option<(Option<crate::document::Span>, &'static str)> {
    let text = doc.text;
    let inner = &text[pair.open.end..pair.close.start];
    if !inner.ends_with(char::is_alphanumeric) {
        return None;
    }
    let inner_words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let last = inner_words.last()?;
    // Speech is mostly lowercase words; a title capitalises most of its own.
    let lowercase_words = inner_words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    let after_close = &text[pair.close.end..];
    let end = QuoteEnd {
        text,
        pair,
        words: &inner_words,
        last,
        after_close,
    };
    let double_quoted = is_double_quote(&text[pair.close.start..pair.close.end]);
    let last_cannot_end = cannot_end_a_quotation(last)
        || ends_on_open_contraction(inner)
        || end.to_before_verb()
        || end.not_before_its_word()
        || end.thinks_before_clause()
        || end.clause_word_cut()
        || end.it_before_verb()
        || end.object_before_infinitive()
        || end.comparison_cut()
        || double_quoted && noun_phrase_cut(doc, pair, &inner_words);
    // A parenthesis opened inside the quotation and closed after it: the
    // closer moved into it (`“...fanning the (wheat”) market.`, `“...to
    // enhance the (balance” sheet) bottom line.`).
    let opened_paren = inner.matches('(').count() > inner.matches(')').count();
    if opened_paren && text[pair.close.end..sentence_end_of(doc, pair.close.end)].contains(')') {
        return Some((None, "inside a parenthesis it opened"));
    }
    if end.inside_a_word(lowercase_words) {
        return Some((None, "inside a word"));
    }
    if after_close.starts_with(". ") {
        return speech_closed_before_its_stop(doc, pair, &inner_words);
    }
    // A comma may stand after the closer, the speech running on after it
    // (`“The numbers were disappointing”, but I think we can...`).
    let (next_word, comma_after) = match after_close.strip_prefix(", ") {
        Some(rest) => (rest, true),
        None => (after_close.strip_prefix(' ')?, false),
    };
    // An editor's words in parentheses belong inside the quotation; the
    // sentence runs on after them: `“...what we” (the Soviets) are looking
    // for`, `“...cubic feet” (of demand) in the market, he said.`
    let next_word = match next_word.strip_prefix('(') {
        Some(inside) if !comma_after && inside.starts_with(|c: char| c.is_ascii_lowercase()) => {
            match inside.split_once(") ") {
                Some((words, rest)) if !words.contains(['(', '\n']) => rest,
                _ => next_word,
            }
        }
        _ => next_word,
    };
    // A name may go on after an article or `of` (`“...because the” Fed
    // is following...`); otherwise a capital opens something new.
    // `I` is a capital that goes on a clause: `“This is not the country” I
    // immigrated to`.
    let capital_next = next_word.starts_with(char::is_uppercase)
        && !(next_word.starts_with("I ")
            || next_word.starts_with("I'")
            || next_word.starts_with("I\u{2019}"));
    let last_preposition = crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, last);
    // A number goes on a phrase cut after an article or a preposition:
    // `“...aid it will receive in” 1987`, `“...we reach the” 1987 target`.
    let number_next = next_word.starts_with(|c: char| c.is_ascii_digit());
    // A name split by the closer: speech in lowercase words ends on a
    // capitalised one and a capitalised one follows (`“...an initiative
    // to the Soviet” Union`, `“...because Saudi” Arabia will not`). A
    // title or nickname capitalises all its words (`“Iron Lady” Margaret
    // Thatcher`).
    let name_split = capital_next
        && !comma_after
        && double_quoted
        && inner_words.len() >= 3
        && last.starts_with(char::is_uppercase)
        && 2 * lowercase_words > inner_words.len()
        && !crate::lexicon::is_in(crate::lexicon::WEEKDAYS, first_word(next_word))
        && !crate::lexicon::is_in(crate::lexicon::MONTHS, first_word(next_word));
    if !(next_word.starts_with(char::is_lowercase)
        || !capital_next && next_word.starts_with('I')
        || name_split
        || number_next && !comma_after
        || capital_next && (last_cannot_end || last_preposition) && !comma_after)
    {
        return None;
    }
    let clause_after_comma = comma_after && opens_own_clause(next_word);
    // `“...”, he said`: the commonest case, turned away before any work.
    if comma_after && !clause_after_comma && is_attribution_start(next_word) {
        return None;
    }
    // The sentence the quotation closes in; it may have opened sentences
    // before, at the start of one (`“It's impossible to halt. The
    // market” just doesn't behave, said an executive.`).
    let index = sentence_at(doc, pair.close.start)?;
    let sentence = &doc.sentences[index];
    if pair.close.end > sentence.span.end {
        return None;
    }
    let opened_in = &doc.sentences[sentence_at(doc, pair.open.start)?];
    if opened_in.paragraph != sentence.paragraph {
        return None;
    }
    let opens_sentence = text[opened_in.span.start..pair.open.start]
        .trim()
        .is_empty();
    // Speech quoted whole: it opens the sentence, or it follows `said,` or
    // a colon (`He replied, “I believe it is their duty as” a superpower.`).
    let before_open = text[opened_in.span.start..pair.open.start].trim_end();
    // `He added, “...`: a speech verb and a comma introduce whole speech.
    // (The verb may have a short phrase after it: `said in a statement,
    // “These results” are gratifying`, `Said another, “...`.)
    let said_comma = before_open.strip_suffix(',').is_some_and(|b| {
        b.rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(4)
            // (`According to X, “...”` introduces a partial quotation.)
            .any(|verb| {
                !verb.eq_ignore_ascii_case("according")
                    && (is_speech_verb(verb) || crate::lexicon::is_in(SPEECH_PARTICIPLES, verb))
            })
    });
    // `He said “We...`: with no comma, a speech verb introduces whole
    // speech when the quotation opens a sentence of three words or more,
    // or cannot end where it does (`Fitzwater said “we” don't want`); a
    // partial quotation may follow it (`said “the success of these
    // programs” is clear`).
    let word_before_open =
        &before_open[crate::document::start_after_last(before_open, |c| !c.is_alphanumeric())..];
    let said_direct = text[..pair.open.start].ends_with(' ')
        && crate::lexicon::is_in(SPEECH_VERBS, word_before_open)
        && ((inner.starts_with(char::is_uppercase) || is_first_person(inner_words[0]))
            && inner_words.len() >= 3
            || last_cannot_end && double_quoted);
    let introduced = said_comma || said_direct || before_open.ends_with(':');
    // A single quoted word that cannot end a quotation is usually a
    // mention (`the word “the”`, `‘being’ is univocal`); an auxiliary
    // quoted alone between double quotes before its verb is not (`future
    // charge-offs “should” be more modest`), unless a noun such as `word`
    // introduces it. (An adverb quoted alone is a scare quote: `proceed
    // “expeditiously” and`, `“officially” opened`.)
    let lone_word_cut = inner_words.len() == 1
        && double_quoted
        && !crate::lexicon::is_in(MENTION_NOUNS, word_before_open)
        && !crate::lexicon::is_in(crate::lexicon::DETERMINERS, word_before_open)
        && after_close.starts_with(' ')
        && crate::lexicon::is_in(crate::lexicon::AUXILIARIES, last)
        && {
            let next = first_word(&after_close[1..]);
            next == "not"
                || next.starts_with(|c: char| c.is_ascii_lowercase())
                    && crate::lexicon::is_verb(next)
        };
    if lone_word_cut {
        return Some((None, "a word that cannot end it"));
    }
    if last_cannot_end && inner_words.len() < 2 && !opens_sentence && !introduced {
        return None;
    }
    // An article or preposition before a number: `“...aid it will receive
    // in” 1987`.
    // (A word quoted alone may be a mention, but not one that opens its
    // sentence before a number: `“In” 1986 we reduced our debt`.)
    if number_next
        && !comma_after
        && (last_cannot_end || last_preposition)
        && (inner_words.len() >= 2 || opens_sentence)
    {
        return Some((None, "before the number it governs"));
    }
    if name_split && !last_preposition {
        return Some((None, "inside a name"));
    }
    // Whole speech closed after a preposition, before the name it governs:
    // `“The amount of corn we export to” Canada is small.` (A partial
    // quotation may end so: `billed as “a tribute to” Elvis`.)
    if capital_next && !last_cannot_end {
        return ((opens_sentence || introduced) && inner_words.len() >= 3)
            .then_some((None, "after a preposition, before the name it governs"));
    }
    let (words, attribution) = attribution_in(doc, sentence, pair.close.end);
    // `“We will win”, the mayor said.`: the attribution right after a
    // comma after the closer is the quotation's own; so is one without a
    // comma (`“...magnificently” said Yamashita`) or with a longer speaker
    // (`”, the head of the federation added.`), within the sentence.
    let attributed_after = words
        .iter()
        .take(ATTRIBUTION_REACH)
        .any(|&k| is_speech_verb(doc.word(k)));
    let attribution_follows =
        attribution.is_some_and(|span| span.start == pair.close.end + ", ".len());
    // Speech that opens its sentence and closes before a comma, the rest
    // of the speech running on in a clause of its own to an attribution
    // later in the sentence: `“That is not a seasonal thing”, it is
    // secular, he said.`, `“People, however”, cannot afford to wait, said
    // one analyst.`
    // (The clause ends at a comma before the speech verb: `”, it is said`
    // is the attribution.)
    let clause_runs_on = clause_after_comma
        && opens_sentence
        && attribution.is_some_and(|span| {
            let verb = words
                .iter()
                .find(|&&k| crate::lexicon::is_in(SPEECH_VERBS, doc.word(k)))
                .map_or(span.end, |&k| doc.words[k].start);
            text[pair.close.end + ", ".len()..verb].contains(',')
        });
    if clause_runs_on {
        return Some((
            attribution,
            "in the middle of quoted speech attributed after the sentence",
        ));
    }
    // Unattributed, a quoted phrase of two words or more that opens its
    // sentence does not take the reporter's clause after a comma: `“Of
    // course”, it will take the dollar into account.`
    if clause_after_comma
        && opens_sentence
        && attribution.is_none()
        && inner_words.len() >= 2
        && !text[pair.close.end..doc.paragraphs[sentence.paragraph].span.end].contains(QUOTE_MARKS)
    {
        return Some((None, "in the middle of quoted speech"));
    }
    if comma_after && (attributed_after || attribution_follows) {
        return None;
    }
    if last_cannot_end && !comma_after {
        return Some((attribution, "a word that cannot end it"));
    }
    // A preposition that needs its object, after a word that is not a
    // verb, cannot end a quotation either: `“an overhang to” the
    // company`, `“transferred purchases from” Japanese sources` (a verb
    // may strand it: `“what you pay for” bargain`). So does any other
    // preposition before an article or possessive: `“a firmer tone in” the
    // truck segment` (after a verb it may be a particle: `“passed
    // through” the barrel`).
    let n = inner_words.len();
    // (A noun after it too, when the preposition is a word of its own:
    // `“...activities not in” line with`, not `“By-and-by” one arrives`.)
    // (`last` and `next` open a time phrase as a determiner does: `“an
    // improvement over” last year's earnings`.)
    let object_next = crate::lexicon::is_in(crate::lexicon::DETERMINERS, first_word(next_word))
        || crate::lexicon::is_in(&["last", "next"], first_word(next_word))
        || nounish_word(next_word).is_some() && inner.ends_with(&format!(" {last}"));
    // (Participles that work as prepositions: `“...our concerns regarding”
    // the reopening`.)
    let last_preposition = last_preposition || crate::lexicon::is_in(PARTICIPLE_PREPOSITIONS, last);
    if !comma_after
        && n >= 2
        && (crate::lexicon::is_in(OBJECT_PREPOSITIONS, last)
            || object_next && last_preposition && !introduced)
        && !crate::lexicon::is_verb(inner_words[n - 2])
        && !crate::lexicon::is_ly_adverb(inner_words[n - 2])
        && !crate::lexicon::is_in(crate::lexicon::AUXILIARIES, inner_words[n - 2])
    {
        return Some((attribution, "a preposition without its object"));
    }
    // The attribution may follow sentences later, the speech running on
    // unquoted to it: `“There's a lot” of reluctance. They feel it is
    // different, one banker said.`
    let attribution = attribution.or_else(|| later_attribution(doc, index, pair.close.end));
    // (A quotation right after `said` is judged only in mid-speech, below.)
    let whole_speech =
        (opens_sentence && attribution.is_some()) || said_comma || before_open.ends_with(':');
    let next = first_word(next_word);
    // A quoted term opens sentences too (`“Poison pill” defences are
    // common, analysts said.`): the quotation must read as a piece of a
    // sentence, with a function word or three words.
    let sentence_like = inner_words.len() >= 3
        || inner_words
            .iter()
            .any(|w| crate::lexicon::is_function_word(w.split('\'').next().unwrap_or(w)));
    // Unattributed, it must run on to the end of its paragraph with no
    // quote mark, three words or more: the speech of a paragraph quoted
    // whole (`“The frenzy created by merger” mania is distressing.`).
    // A title or term quoted as the subject (`“Death of a Salesman” is
    // his best-known work`, `“Membrane separation” is a new method`) has
    // no verb of its own and a verb after it.
    // (A contraction holds its pronoun: `“It's hard”`.)
    let clause_inside = inner_words.iter().any(|w| {
        crate::lexicon::is_verb(w)
            || crate::lexicon::is_in(
                &["he", "i", "it", "she", "they", "we", "you"],
                w.split(['\'', '\u{2019}']).next().unwrap_or(w),
            )
    });
    let verb_next = crate::lexicon::is_verb(next) || next.ends_with('s');
    // (A verb next may go on a quoted title, but not when the run-on words
    // speak in the first person, after speech that is not in title case:
    // `“...and that” was even better, but we'll come back stronger.`, not
    // `“Running Out of Time 2” brings us a new story`.)
    let title_case = 2 * lowercase_words < inner_words.len();
    // Speech that goes on in a new sentence after its attribution (`“...,”
    // Markey said. “The frenzy and disruption” created by merger mania is
    // distressing.`) is the speaker's to the end of its paragraph, verb and
    // link included.
    let continued_speech = opens_sentence && attribution.is_none() && {
        let index = sentence_at(doc, pair.open.start)?;
        index > 0 && {
            let previous = &doc.sentences[index - 1];
            previous.paragraph == opened_in.paragraph
                && quoted_then_attributed(&text[previous.span.start..previous.span.end])
        }
    };
    // (Two words do when the run-on words speak in the first person: `“It's
    // hard” to take, but our main target was Europe.`)
    let runs_to_paragraph_end = (inner_words.len() >= 3
        || inner_words.len() == 2 && sentence_like && speaks_in_person(doc, &words))
        && (clause_inside || continued_speech)
        && (!verb_next
            || crate::lexicon::is_ly_adverb(last)
            || !title_case && (speaks_in_person(doc, &words) || continued_speech))
        && !attributed_after
        && !doc.text[pair.close.end..doc.paragraphs[sentence.paragraph].span.end]
            .contains(QUOTE_MARKS);
    // `and` before a verb goes on the quoted clause's predicate when the
    // speech is attributed after it: `“The company still faces
    // uncertainties” and anticipates further losses, the bank said.`
    let and_verb = next == "and"
        && attribution.is_some()
        && words
            .get(1)
            .is_some_and(|&k| crate::lexicon::is_verb(doc.word(k)) || doc.word(k) == "not");
    // After a comma the reporter's words are the attribution, not a link.
    // A preposition links the reporter's phrase to a quotation
    // (`“...corn gluten feed” in their complaint, Hall told Reuters`), but
    // a finite verb after it, before the attribution, is the quoted
    // clause's own: `“Lead times” on deliveries are stretching, he said.`
    let verb_before_attribution = attribution.is_some_and(|span| {
        crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, next)
            && words
                .iter()
                .take_while(|&&k| doc.words[k].end <= span.start)
                .any(|&k| crate::lexicon::is_in(crate::lexicon::AUXILIARIES, doc.word(k)))
    });
    // Nor does the reporter add a coordinated phrase to attributed speech
    // (`“...confidence and prices” and to do this without a meeting, said
    // one analyst`), or a phrase of their own to speech in the first
    // person (`“We fit better” with Monier, he said.`).
    let speakers_own = attribution.is_some()
        && (crate::lexicon::is_in(&["and", "but", "or"], next)
            || crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, next)
                && inner_words.iter().any(|w| is_in_person(w)));
    // A link word ties the reporter's own words to a quotation as a whole
    // (`“...too early to say” whether`), but not after a comma
    // (`“...disappointing”, but I think...` goes on the speech), and not
    // in run-on words that speak in the first person, which the reporter's
    // do not (`“There were no surprises” in our package, one participant
    // said.`).
    // Before an attribution, a preposition opens the reporter's phrase
    // only when it frames the speech (`” in their complaint, Hall told
    // Reuters`, `” at a news conference, he said`); otherwise it goes on the
    // speech (`“The climate could not be better” for this venture, said
    // one broker.`).
    let framed = crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, next)
        && attribution.is_some_and(|span| {
            words
                .iter()
                .take(4)
                .take_while(|&&k| doc.words[k].end <= span.start)
                .any(|&k| crate::lexicon::is_in(FRAMING_NOUNS, doc.word(k)))
        });
    let preposition_on_speech = attribution.is_some()
        && crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, next)
        && !framed;
    // (So does unattributed speech with a clause of its own that runs on to
    // its paragraph's end: `“It has nothing to do with the future scope”
    // for tax cuts.`)
    let speech_to_paragraph_end =
        continued_speech || runs_to_paragraph_end && clause_inside && !title_case;
    let links_whole = crate::lexicon::is_in(ADVERBIAL_LINKS, next)
        && !(speech_to_paragraph_end && crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, next))
        && !comma_after
        && (framed
            || !preposition_on_speech
                && !and_verb
                && !speakers_own
                && !verb_before_attribution
                && !speaks_in_person(doc, &words));
    // Speech that opens its sentence and is attributed after the run-on
    // words has lost its closing quote to the middle: nothing the reporter
    // writes runs on in lowercase inside a quoted sentence.
    // A term is not followed by `we` or `our` in the reporter's words:
    // `“Whatever decision” we arrive at will guide us, he said.`
    // A word quoted alone as the subject of attributed speech, its verb
    // after the closer: `“Currencies” are likely to muddle around these
    // levels, said one analyst.` (A quoted term goes on a noun: `“Junk”
    // bonds fell, traders said.`)
    // (The attribution opens with its speaker or verb: `, said one
    // analyst`, `, analysts said`, not `, often trivial, story that is
    // told over`.)
    let subject_alone = inner_words.len() == 1
        && attribution.is_some_and(|span| {
            let first = first_word(&text[span.start..]);
            first.starts_with(char::is_uppercase)
                || crate::lexicon::is_in(SPEECH_VERBS, first)
                || crate::lexicon::is_in(crate::lexicon::DETERMINERS, first)
                || crate::lexicon::is_in(&["he", "one", "she", "they", "we"], first)
                || first.ends_with('s')
        })
        && (crate::lexicon::is_in(crate::lexicon::AUXILIARIES, next)
            || next.ends_with('s') && crate::lexicon::is_verb(next))
        && words.len() >= 4;
    if opens_sentence
        && (sentence_like
            || subject_alone
            || attribution.is_some() && speaks_in_person(doc, &words))
        && (attribution.is_some() || runs_to_paragraph_end)
        && !links_whole
        && !quoted_before_attribution(doc, sentence, pair.close.end, attribution)
    {
        return Some((
            attribution,
            "in the middle of quoted speech attributed after the sentence",
        ));
    }
    // Speech introduced by `said,` or a colon and closed before its
    // sentence ends, the rest unquoted: `He said, “The general” argument
    // is weak.` After `said,` a capital opens a sentence of speech, and
    // what runs on after one word (`he added, “It's” possible the
    // proposal...`) or a link (`“I can't comment” on other firms, but...`)
    // is its rest; after a colon, a headline may quote a name (`Ovechkin:
    // “Washington” misses hockey`).
    // So does a sentence of three words or more after `said:` (a headline
    // may quote a name after a colon: `Ovechkin: “Washington” misses`).
    // After a speech verb and a colon any speech is whole (`But he added:
    // “Time” is now ripe`).
    let colon_speech = before_open.strip_suffix(':').is_some_and(|b| {
        inner_words.len() >= 3 || {
            is_speech_verb(&b[crate::document::start_after_last(b, |c| !c.is_alphanumeric())..])
        }
    });
    let sentence_speech = (said_comma || colon_speech) && inner.starts_with(char::is_uppercase);
    // (After a sentence of speech, `and` and a verb go on its predicate,
    // and a clause in the first person is the speaker's: `He said, “It
    // has been orderly”, and has improved prospects`, `”, but that's
    // something we must go through.`)
    let link = if sentence_speech {
        crate::lexicon::is_in(&["and", "but", "or"], next)
            && !(next == "and"
                && words.get(1).is_some_and(|&k| {
                    crate::lexicon::is_in(crate::lexicon::AUXILIARIES, doc.word(k))
                }))
            && !speaks_in_person(doc, &words)
    } else {
        crate::lexicon::is_in(ADVERBIAL_LINKS, next)
    };
    // After `said “...` with no comma, a participle goes on the reporter's
    // sentence: `smiled and said “it felt amazing” taking a shower`.
    // So does a time phrase (`said “we will build a plant” next year`).
    let time_next = crate::lexicon::is_in(LONE_ADVERBS, next)
        || crate::lexicon::is_in(crate::lexicon::WEEKDAYS, next)
        || time_word_among(next_word, 2);
    let link = link
        || said_direct && !said_comma && (next.ends_with("ing") || time_next)
        // After a comma, so does a participle: `”, stating that the fire...`.
        || comma_after && next.ends_with("ing");
    // A single word after `said,` is whole speech cut short too (`Baker
    // added, “therefore” we don't think...`), but not before a comma.
    if introduced
        && (inner_words.len() >= 2
            || last_cannot_end
            || sentence_speech
            || said_comma && !comma_after)
        && !link
        && !quote_after(doc, sentence, pair.close.end)
    {
        return Some((attribution, "in the middle of quoted speech"));
    }
    if comma_after {
        return None;
    }
    // A partial quotation is judged only when whole speech is cut inside a
    // phrase: before an article or `of` (`“We are monitoring” the
    // situation`, `“There's a lot” of reluctance`), or after a
    // preposition, an adverb or a participle (`“The stock can go to” the
    // mid 30s`). A partial quotation ends on a whole phrase and the
    // reporter's words go on with a link of their own (`“too early to say”
    // whether`, `“corn gluten feed” in their`).
    let cut_inside_phrase = crate::lexicon::is_in(PHRASE_CONTINUATIONS, next)
        || crate::lexicon::is_in(crate::lexicon::PREPOSITIONS, last)
        || last.ends_with("ly")
        || last.ends_with("ing");
    if inner_words.len() >= 3 && whole_speech && cut_inside_phrase {
        return Some((attribution, "in the middle of a phrase of quoted speech"));
    }
    if double_quoted && verb_object_cut(text, pair) {
        return Some((attribution, "between a verb and its object"));
    }
    end.adverb_before_verb()
        .then_some((attribution, "between an adverb and its verb"))
}

/// Whether the words after a closer and its comma open a clause of their
/// own: a verb, or `it`, `that`, `there` or `this` and a verb (`”, it is
/// secular, he said`). The reporter's words open with a link, a speaker or
/// a noun (`”, but the plan...`, `”, he said`, `”, the mayor, who is new,
/// said`).
fn opens_own_clause(text: &str) -> bool {
    let mut after = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty());
    let (first, second) = (after.next().unwrap_or(""), after.next().unwrap_or(""));
    let verb = |w: &str| {
        crate::lexicon::is_in(crate::lexicon::AUXILIARIES, w)
            || crate::lexicon::is_in(&["can't", "cannot", "won't"], w)
    };
    first.starts_with(|c: char| c.is_ascii_lowercase())
        && (verb(first)
            || crate::lexicon::is_in(&["it", "that", "there", "this"], first) && verb(second))
}

/// The words of `sentence` from byte `from` on, and the attribution among
/// them: `, he said`, `, said the mayor`, `, the mayor said after the vote`,
/// a speech verb among the first words after a comma. Returns the span from
/// the comma's word to the speech verb.
fn attribution_in(
    doc: &crate::document::Document,
    sentence: &crate::document::Sentence,
    from: usize,
) -> (Vec<usize>, Option<crate::document::Span>) {
    let words: Vec<usize> = sentence
        .words
        .clone()
        .filter(|&w| doc.words[w].start >= from)
        .collect();
    let attribution = words.iter().enumerate().find_map(|(i, &w)| {
        if !doc.text[..doc.words[w].start].trim_end().ends_with(',') {
            return None;
        }
        // A long speaker is a noun phrase with no verb of its own: `,
        // panel member Paul Bergstresser of the University of Texas told
        // the meeting.`
        let clause = &words[i..(i + 2 * ATTRIBUTION_WORDS + 1).min(words.len())];
        let verb = clause.iter().position(|&k| is_speech_verb(doc.word(k)))?;
        if verb > ATTRIBUTION_WORDS
            && clause[..verb]
                .iter()
                .any(|&k| crate::lexicon::is_verb(doc.word(k)))
        {
            return None;
        }
        Some(crate::document::Span::new(
            doc.words[w].start,
            doc.words[clause[verb]].end,
        ))
    });
    (words, attribution)
}

/// Whole speech closed before the full stop of its sentence, then run on
/// unquoted to an attribution in a later sentence: `“The banks will not
/// rush to raise rates”. There should be a split prime, said one
/// economist.` Quoted whole speech ends inside its quote marks; a reporter
/// who quotes a sentence attributes it, and does not go on paraphrasing
/// up to a late `he said`.
fn speech_closed_before_its_stop(
    doc: &crate::document::Document,
    pair: &crate::document::QuotePair,
    inner_words: &[&str],
) -> Option<(Option<crate::document::Span>, &'static str)> {
    let index = sentence_at(doc, pair.close.start)?;
    let opened_in = &doc.sentences[sentence_at(doc, pair.open.start)?];
    let opens_sentence = doc.text[opened_in.span.start..pair.open.start]
        .trim()
        .is_empty();
    // A verb, or a subject in the first person (`“I'm not quite ready to
    // jump on the bandwagon yet”. The jury is still out, Rozich said.`).
    let clause = inner_words
        .iter()
        .any(|w| crate::lexicon::is_verb(w) || is_first_person(w));
    if !opens_sentence || inner_words.len() < 3 || !clause {
        return None;
    }
    // An abbreviation's stop is not a sentence's: `“...Mr”. Pickens`.
    let last = inner_words.last()?;
    if crate::lexicon::is_abbreviation(last) {
        return None;
    }
    let attribution = later_attribution(doc, index, pair.close.end)?;
    Some((
        Some(attribution),
        "before the full stop of its sentence, with speech attributed after it",
    ))
}

/// Whether a sentence holds a quotation closed before its attribution:
/// `“We will win,” the mayor said.`, `“...,” said Ann Lee.`
fn quoted_then_attributed(sentence: &str) -> bool {
    [",\" ", ",\u{201D} ", "\" ", "\u{201D} "]
        .iter()
        .filter_map(|closer| {
            sentence
                .rfind(closer)
                .map(|at| &sentence[at + closer.len()..])
        })
        .any(is_attribution_start)
}

/// Whether text opens with an attribution: a speech verb among its first
/// `ATTRIBUTION_REACH` words (`he said`, `the head of the federation
/// added`).
fn is_attribution_start(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .take(ATTRIBUTION_REACH)
        .any(is_speech_verb)
}

/// The index of the sentence that holds byte `offset` (sentences are in
/// order and do not overlap).
fn sentence_at(doc: &crate::document::Document, offset: usize) -> Option<usize> {
    let after = doc.sentences.partition_point(|s| s.span.start <= offset);
    let index = after.checked_sub(1)?;
    (offset < doc.sentences[index].span.end).then_some(index)
}

/// An attribution (`, he said.`) that ends a later sentence of the same
/// paragraph, with no quote mark between `from` and it.
fn later_attribution(
    doc: &crate::document::Document,
    index: usize,
    from: usize,
) -> Option<crate::document::Span> {
    let sentence = &doc.sentences[index];
    let mut scanned = from;
    for later in &doc.sentences[index + 1..] {
        if later.paragraph != sentence.paragraph
            || doc.text[scanned..later.span.end].contains(QUOTE_MARKS)
        {
            return None;
        }
        scanned = later.span.end;
        let words: Vec<usize> = later.words.clone().collect();
        // An inverted attribution right after a comma may have a long
        // speaker with an apposition: `, said Michael Snow, head of
        // treasury operations at a bank in New York.`
        let inverted = words.windows(2).find(|pair| {
            let (verb, speaker) = (pair[0], pair[1]);
            crate::lexicon::is_in(&["said", "says"], doc.word(verb))
                && doc.text[..doc.words[verb].start].trim_end().ends_with(',')
                && (doc.word(speaker).starts_with(char::is_uppercase)
                    || crate::lexicon::is_in(crate::lexicon::ARTICLES, doc.word(speaker)))
        });
        if let Some(pair) = inverted {
            return Some(crate::document::Span::new(
                doc.words[pair[0]].start,
                doc.words[*words.last()?].end,
            ));
        }
        // The attribution closes the sentence, its speech verb among the
        // first words after a comma; the speaker may be long (`, said
        // Andrew Kim of Eberstadt Fleming.`).
        let tail = &words[words.len().saturating_sub(2 * ATTRIBUTION_WORDS)..];
        // The last speech verb first: most sentences have none.
        let Some(last_verb) = tail.iter().rposition(|&k| is_speech_verb(doc.word(k))) else {
            continue;
        };
        for (i, &w) in tail.iter().enumerate() {
            let after_comma = doc.text[..doc.words[w].start].trim_end().ends_with(',');
            if after_comma
                && i <= last_verb
                && tail[i..=last_verb.min(i + ATTRIBUTION_WORDS)]
                    .iter()
                    .any(|&k| is_speech_verb(doc.word(k)))
            {
                return Some(crate::document::Span::new(
                    doc.words[w].start,
                    doc.words[*tail.last()?].end,
                ));
            }
        }
    }
    None
}

/// Words that link the reporter's words to a quoted clause as a whole
/// (`“it's too early to say” whether the plant will be struck`, `“corn
/// gluten feed” in their complaint`), not inside a phrase of it.
const ADVERBIAL_LINKS: &[&str] = &[
    "after", "although", "amid", "and", "at", "because", "before", "but", "despite", "during",
    "for", "in", "on", "over", "since", "though", "unless", "until", "when", "whether", "while",
    "with", "without",
];

/// Nouns of the occasion or document that speech was given in, which the
/// reporter's phrase after a quotation names: `” in their complaint, Hall
/// said`, `” at a news conference, he said`.
const FRAMING_NOUNS: &[&str] = &[
    "address",
    "affidavit",
    "announcement",
    "appearance",
    "briefing",
    "broadcast",
    "complaint",
    "conference",
    "debate",
    "email",
    "filing",
    "hearing",
    "interview",
    "letter",
    "meeting",
    "memo",
    "message",
    "note",
    "post",
    "release",
    "remarks",
    "report",
    "session",
    "speech",
    "statement",
    "summit",
    "testimony",
    "tweet",
    "video",
];

/// How far after a closing quote its attribution may reach: `”, the head
/// of the federation added.`
const ATTRIBUTION_REACH: usize = 8;

/// Verbs that attribute a quotation right after it, beyond `SPEECH_VERBS`.
const MORE_SPEECH_VERBS: &[&str] = &[
    "according",
    "commented",
    "concluded",
    "emphasised",
    "emphasized",
    "opined",
    "posted",
    "reads",
    "stressed",
    "tweeted",
];

/// Abbreviated titles that stand before a name: `Mr. Pickens`.
const TITLE_ABBREVIATIONS: &[&str] = &["dr", "gov", "mr", "mrs", "ms", "prof", "rep", "sen", "st"];

/// Participles that introduce speech after a comma: `..., adding, “We
/// will...`.
const SPEECH_PARTICIPLES: &[&str] = &["adding", "explaining", "noting", "saying", "warning"];

/// The most words of an attribution: `, the company's chief economist said`.
const ATTRIBUTION_WORDS: usize = 5;

/// Quote marks of every kind.
const QUOTE_MARKS: &[char] = &[
    '"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{00AB}', '\u{00BB}',
];

/// Whether a quote mark follows `from` before the attribution, or in the
/// rest of the sentence when it has none: the speech may go on quoted
/// after its attribution (`“It's very dangerous” to go down that route, he
/// said, “because...`).
fn quoted_before_attribution(
    doc: &crate::document::Document,
    sentence: &crate::document::Sentence,
    from: usize,
    attribution: Option<crate::document::Span>,
) -> bool {
    match attribution {
        Some(span) if span.start >= from && span.start <= sentence.span.end => {
            doc.text[from..span.start].contains(QUOTE_MARKS)
        }
        _ => quote_after(doc, sentence, from),
    }
}

/// Whether a quote mark follows `from` in the sentence.
fn quote_after(
    doc: &crate::document::Document,
    sentence: &crate::document::Sentence,
    from: usize,
) -> bool {
    doc.text[from..sentence.span.end].contains(QUOTE_MARKS)
}

/// Words that go on a phrase cut by a closing quote: articles, possessives
/// and `of`, which the reporter's own words do not open after a quotation.
const PHRASE_CONTINUATIONS: &[&str] = &[
    "a", "all", "an", "any", "each", "every", "her", "his", "its", "my", "of", "our", "some",
    "the", "their", "these", "this", "those", "your",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn first_closer_is_reported_with_the_second_as_related() {
        let text = "She said, “We will fix it.” Which is the point. That is all.”";
        let found = lint(&MisplacedClose, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, span_of(text, "”", 0));
        assert_eq!(found[0].related[0].span, span_of(text, "”", 1));
        assert_eq!(found[0].related[0].message, "second closing quote here");
    }

    #[test]
    fn quotation_closed_in_mid_clause_is_reported() {
        for (text, after) in [
            (
                "“We will” build the new bridge next year, the mayor said.",
                "We will",
            ),
            (
                "“We will build the” new bridge next year, said the mayor.",
                "build the",
            ),
            (
                "The mayor said: “The cost of” the new bridge will be high.",
                "cost of",
            ),
            (
                "The mayor said, \"We will\" build the new bridge next year.",
                "We will",
            ),
            (
                "“We” will build the new bridge next year, the mayor said.",
                "We",
            ),
        ] {
            let found = lint(&MisplacedClose, text);
            assert_eq!(found.len(), 1, "{text}");
            let close = found[0].span;
            assert!(text[..close.start].ends_with(after), "{text}");
        }
        let text = "“We will” build the new bridge next year, the mayor said.";
        assert_eq!(
            lint(&MisplacedClose, text)[0].related[0].span.text(text),
            "the mayor said"
        );
    }

    #[test]
    fn scare_quotes_and_whole_quotations_are_fine() {
        for text in [
            "The so-called “poison pill” defence was used, he said.",
            "“Poison pill” defences are common, analysts said.",
            "“We will build the bridge,” the mayor said.",
            "He called it “a disaster” and left.",
            "The mayor said: “We will build the bridge.” Then he left.",
            "“Nonsense” was his only word on the matter.",
            // A quoted term or slogan opening the sentence.
            "“Buy American” campaigns have failed, he said.",
            "“Junk” bonds fell sharply, traders said.",
            // A title or term as the subject of a sentence of its own.
            "“Death of a Salesman” is his best-known work.",
            "“Membrane separation method” is a new capture technique.",
            "“Bomb Demolition Expert 2” tells a new story.",
            // An attribution right after the closer, with or without a comma.
            "“We want to hold the festival in style” said the organiser.",
            "“We want to hold the festival magnificently” said the organiser.",
            "“There were no casualties”, reads the statement from the ministry.",
            "“My team won, but he still scored 44 points”, the head of the federation added.",
            // A comma after the closer and the attribution.
            "“We will build the bridge”, the mayor said.",
            "Officials called it “premature”, but the plan went ahead.",
            "\"Details will follow shortly,\" a representative said.",
            "\"At this point, it's too early to say\" whether it will open, he said.",
            "He said, \"as a test of our relationship\" with the region.",
            "The word “the” is the commonest in English.",
            "The word “the” Times readers see most is short.",
            "The show was billed as “a tribute to” Elvis and sold out.",
            "“We will win the game,” Smith told The Times.",
        ] {
            assert_no_lints(&MisplacedClose, text);
        }
    }

    #[test]
    fn whole_speech_closed_in_mid_phrase_is_reported() {
        for (text, after) in [
            (
                "“We will build” the new bridge next year, the mayor said.",
                "build",
            ),
            (
                "“We are monitoring” the situation and the markets, the official said.",
                "monitoring",
            ),
            (
                "“There's a lot” of reluctance among the banks, one banker said.",
                "lot",
            ),
            (
                "He replied, “I believe it is their duty as” a superpower.",
                "as",
            ),
            (
                "The minister said: “Unless something really” surprising happens, rates stay.",
                "really",
            ),
        ] {
            let found = lint(&MisplacedClose, text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(text[..found[0].span.start].ends_with(after), "{text}");
            assert!(found[0].message.contains("in the middle of"), "{text}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_lookup() {
        for list in [
            SPEECH_VERBS,
            MORE_SPEECH_VERBS,
            ADVERBIAL_LINKS,
            PHRASE_CONTINUATIONS,
            OBJECT_PREPOSITIONS,
            MODALS,
            PARTICIPLE_PREPOSITIONS,
            THINKING_VERBS,
            FRAMING_NOUNS,
            TIME_WORDS,
            MENTION_NOUNS,
            LONE_ADVERBS,
            SPEECH_PARTICIPLES,
            TITLE_ABBREVIATIONS,
        ] {
            crate::lexicon::assert_sorted(list);
        }
    }

    #[test]
    fn speech_running_on_unquoted_to_its_attribution_is_reported() {
        for (text, after) in [
            (
                "“We build” the new bridge next year, the mayor said.",
                "build",
            ),
            (
                "“This” kind of cut will mean a big drop in output, an analyst said.",
                "This",
            ),
            (
                "“It is impossible to halt the slide. The market” just does not behave logically, said one dealer.",
                "market",
            ),
            (
                "“There's a lot” of reluctance by the banks. They feel it is different, one banker said.",
                "lot",
            ),
            (
                "“The numbers were a little disappointing”, but I think we can take him at his word, said one trader.",
                "disappointing",
            ),
            (
                "Mosar warned, “An” escalation in the Gulf would raise tensions.",
                "An",
            ),
            (
                "They added: “The” domestic conditions are still favourable.",
                "The",
            ),
            (
                "“I think that the offer looks pretty good” now to a holder whose stock trades at 30.",
                "good",
            ),
            (
                "Gerstner said, “I can't comment” on other firms, but we will not follow.",
                "comment",
            ),
            (
                "He added, “It's” possible the proposal could be revived.",
                "It's",
            ),
            (
                "“For the time being, the” Fed is following a neutral path, he said.",
                "the",
            ),
            (
                "“The amount of corn we export to” Canada is insignificant.",
                "to",
            ),
            (
                "The bank concluded, “The dollar” should be left free to trade.",
                "dollar",
            ),
            (
                "“There were no big surprises” in our package, one delegate said.",
                "surprises",
            ),
            ("“This is not the town” I moved to, said Ms. Roe.", "town"),
            (
                "“We don't” see any reason to help them now, a senior official stated.",
                "don't",
            ),
            ("“It’s” too bad the benefits were lost.", "It’s"),
            (
                "“This shows that we will soon have to” come up with a new deal.",
                "to",
            ),
            (
                "“The firm still faces risks in the housing market” and expects more losses, the bank said.",
                "market",
            ),
            (
                "“Prices are rising and lead times” on deliveries are stretching, Kurlack added.",
                "times",
            ),
            (
                "“The rules were meant to lift limits on currency deals”, in line with the reform of the banking industry, he said.",
                "deals",
            ),
            (
                "“The banks will not rush to raise their rates”. There should be a split prime for a while, said one economist.",
                "rates",
            ),
            (
                "Brusca said “I am not prepared to be optimistic about the bond” market.",
                "bond",
            ),
            (
                "Spokesman Fitzwater said “we” don't want a trade war.",
                "we",
            ),
            (
                "“Whatever decision” we arrive at will be guided by the market, he said.",
                "decision",
            ),
            (
                "“The Saudis hope to restore confidence and prices” and to do this without a meeting, said one analyst.",
                "prices",
            ),
            ("“We fit better” with Monier, he said.", "better"),
            (
                "“Icahn had wanted to sell and there” were no takers. The strategy changed, said Andrew Kim of Eberstadt Fleming.",
                "there",
            ),
            (
                "“It's very dangerous” to go down the retaliatory route, he said, “because it leads to more.”",
                "dangerous",
            ),
            (
                "“Anything the agency is announcing now is based on information” they gathered before, one analyst cautioned.",
                "information",
            ),
            (
                "He said that “reliance on a cheaper dollar to reduce our trade” deficit is not desirable.",
                "trade",
            ),
            (
                "Officials called it “a very big step for” the region on Monday.",
                "for",
            ),
            (
                "He said the cut “had a very serious” impact on exports.",
                "serious",
            ),
            (
                "The visit was put off “due to some” technical problems.",
                "some",
            ),
            ("Rivals had months while “we have had only 10” days.", "10"),
            (
                "He said future charge-offs “should” be more modest.",
                "should",
            ),
            (
                "“Output is at its quota and largely because Saudi” Arabia will not discount, he said.",
                "Saudi",
            ),
            (
                "He said it was started by “somebody fanning the (wheat”) market.",
                "wheat",
            ),
            (
                "“Tenneco would be a challenge because of its size. Mr”. Pickens likes a challenge.",
                "Mr",
            ),
            (
                "“The new rate is a marker for talks and will save us” 50 mln dlrs this year, Lusinchi said.",
                "us",
            ),
            (
                "It acted to protect “intellectual property and Americans”' private data.",
                "Americans",
            ),
            (
                "“We had the chance to qualify and that” was even better, but we'll be back next year.",
                "that",
            ),
            (
                "The rise was “an attempt to enhance the (balance” sheet) bottom line.",
                "balance",
            ),
            (
                "He noted “the rate is not the key rate because” it is far below market rates.",
                "because",
            ),
            (
                "It restructured the firm, adding, “Our businesses performed very soundly”, with profits up.",
                "soundly",
            ),
            (
                "Analysts expect earnings to be “significantly above” 1986 results.",
                "above",
            ),
            (
                "“The state should absorb the aid it will receive in” 1987, he said.",
                "in",
            ),
            (
                "The results show that “farm animals are a major” source of infection.",
                "major",
            ),
            (
                "The chairman said “sales reached a record, the first time the firm has reached this” milestone.",
                "this",
            ),
            (
                "Gardini said: “We do not exclude having minority partners” in the business.",
                "partners",
            ),
            // Speech closed before its stop or a comma, running on to an
            // attribution with a long speaker, or in a clause of its own.
            (
                "“MITI means business”. It will urge the groups to merge, said Ann Lee, head of research at a bank in New York.",
                "business",
            ),
            (
                "“That is not a seasonal thing”, it is secular, he said.",
                "thing",
            ),
            (
                "“People, however”, cannot afford to wait for drilling to pick up, said one analyst.",
                "however",
            ),
            ("He called it “a very long”-term process.", "long"),
            (
                "“We have seen the market dry up for D”-RAMs this year, he said.",
                "D",
            ),
            (
                "“The buyers are moving away from the U.S”. market this year, he said.",
                "U.S",
            ),
            (
                "“I'm not quite ready to jump on the wagon yet”. The jury is still out, Rozich said.",
                "yet",
            ),
            // An editor's words in parentheses after the closer, and
            // speech in the second person before the reporter's phrase.
            (
                "“We do not care if it is cheap, what we” (the buyers) are looking for is quality, he said.",
                "we",
            ),
            (
                "“We expect gas to regain 300 billion cubic feet” (of demand) in the market this year, he said.",
                "feet",
            ),
            (
                "“You will certainly see real growth in the region” in the second half, the chairman said.",
                "region",
            ),
            // An intensifier, a relative pronoun, a verb of thinking, a
            // quantifier or an adverb in `-ly` before the words it governs.
            ("“It very” well could be a takeover, he said.", "very"),
            (
                "“The pump was not assembled during the repairs which” Boeing made, the statement said.",
                "which",
            ),
            (
                "“I think” this could be a very important factor, said one analyst.",
                "think",
            ),
            ("“I know” I've done something new.", "know"),
            (
                "Prices are “aggressive for many” products, it said.",
                "many",
            ),
            (
                "He said “it is clear that the Fed is not fully” resisting the pressure.",
                "fully",
            ),
            (
                "“It feels like we are rapidly” becoming a police state.",
                "rapidly",
            ),
            // A phrase opening its sentence before the reporter's clause,
            // a participle preposition, a verb before a plural object, and
            // speech after `said,` going on after `and` or in the first
            // person.
            (
                "“Of course”, it will take the dollar into account.",
                "course",
            ),
            (
                "He said the firm knew “of our concerns regarding” the reopening of trade.",
                "regarding",
            ),
            (
                "He said the plan will probably not “be supported and we will get” cuts.",
                "get",
            ),
            (
                "Baker said, “These shifts have generally been orderly”, and have improved prospects.",
                "orderly",
            ),
            (
                "A spokesman said, “We'll have a hard time surviving”, but that's something we must go through.",
                "surviving",
            ),
            // `that` or `there` before their clause, a preposition before
            // a noun, and an adjective after a verb and `that`.
            (
                "He said it was “an example, and that” it is not necessary to act.",
                "that",
            ),
            (
                "Prices rose “because there” aren't many new mines.",
                "there",
            ),
            (
                "Staff were “conducting activities not in” line with their roles.",
                "in",
            ),
            (
                "Inflation will fall, “provided that real” wage costs stay low.",
                "real",
            ),
            // Attributed with a verb of the second list.
            (
                "“The market is tired” in the near term, he commented.",
                "tired",
            ),
            // Speech going on in a new sentence after its attribution.
            (
                "“We see worse to come,” Markey said. “The frenzy and disruption” created by merger mania is distressing.",
                "disruption",
            ),
            (
                "“Drilling will pick up,” he said. “Many firms are betting the gas market will be back” in balance in a year.",
                "back",
            ),
            // `it` before its verb, and unattributed speech with a clause
            // running on after a preposition to its paragraph's end.
            ("“Of course, it” will take the dollar into account.", "it"),
            (
                "“It has nothing to do with the future scope” for tax cuts.",
                "scope",
            ),
            // `to` before an adverb and its verb, an object pronoun before
            // the `to` of its verb, the first `as` of a comparison, a verb in
            // `-s` before its object's article.
            (
                "Ganilau said, however, “The bank is prepared to” carefully consider requests.",
                "to",
            ),
            (
                "He said “the industry must stand united and we expect them” to open their markets.",
                "them",
            ),
            (
                "He noted his country “is clearly not as” open as the American market.",
                "as",
            ),
            (
                "The aide added that it was “an example of how the administration uses” the trade law.",
                "uses",
            ),
            ("“In” 1986 we reduced our debt, he said.", "In"),
            // Speech after `said in a statement,`, and two words of speech
            // before run-on words in the first person.
            (
                "The chief executive said in a statement, “These results” are especially gratifying.",
                "results",
            ),
            (
                "“It's hard” to take, but our main target was Europe.",
                "hard",
            ),
            // A participle before its object's article, a preposition
            // before `last`.
            (
                "He said it was started by “somebody fanning” the market.",
                "fanning",
            ),
            (
                "The results are “an improvement over” last year's record.",
                "over",
            ),
            // Speech in the first person right after `said`.
            (
                "A spokesman said “we have no” comment to make whatsoever.",
                "no",
            ),
            // An attribution with a long speaker.
            (
                "“The main problem” is that the placebo effect is strong, panel member Ann Lee of the University of Texas told the meeting.",
                "problem",
            ),
            // A word quoted alone as the subject of attributed speech.
            (
                "“Currencies” are likely to muddle around these levels, said one analyst.",
                "Currencies",
            ),
            (
                "“Greed” has created a frenzy on Wall Street, Markey said.",
                "Greed",
            ),
            // Attributed speech running on after a preposition that does
            // not frame it.
            (
                "“The climate could not be better” for this venture, said one broker.",
                "better",
            ),
            (
                "“This may prove to be a landmark case” in developing that issue, Sheinfeld said.",
                "case",
            ),
            (
                "“The team will win this” with their help, the coach said.",
                "this",
            ),
            // A single word after `said,` or a speech verb and a colon.
            (
                "The minister added, “therefore” we do not think it is right.",
                "therefore",
            ),
            ("But he added: “Time” is now ripe for a deal.", "Time"),
            // `not` before the word it negates, a preposition before an
            // article, a closer inside a word.
            ("He said the deficits “simply are not” sustainable.", "not"),
            (
                "Orders show “a much firmer tone in” the truck segment.",
                "in",
            ),
            (
                "The report cited “sources both within the firm and on” the outside.",
                "on",
            ),
            (
                "“The scenario is turning. The whole supply”/demand picture is better, he said.",
                "supply",
            ),
            ("“The M”-1 surge will be brief, he said.", "M"),
            // A verb after `to` or a modal parted from its object.
            (
                "Sales “will tell us if we will be able to fill” the gap, he said.",
                "fill",
            ),
            (
                "Aid would be subject to “strict rules to avoid” distortion of trade.",
                "avoid",
            ),
            (
                "He said, “The bank is ready to carefully consider” requests for relief.",
                "consider",
            ),
            // Speech cut before the noun its last word modifies.
            (
                "The accord may bring “a new age of greater exchange rate” stability.",
                "rate",
            ),
            (
                "He said that “a vote for more spending is a vote against tax” reform.",
                "tax",
            ),
            (
                "It would press “other lenders to cut their lending” rates even further.",
                "lending",
            ),
        ] {
            let found = lint(&MisplacedClose, text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(text[..found[0].span.start].ends_with(after), "{text}");
        }
    }

    #[test]
    fn speech_cut_before_its_noun_is_told_from_a_quoted_label() {
        // A headline, a list of terms after `of`, a clause before a verb in
        // `-s`, a quoted participle phrase, a quantifier after the closer,
        // one token quoted, a contraction after the closer and a sentence
        // with another quotation after the closer are not cuts.
        for text in [
            "Critics answer “propaganda of clean energy” accusations",
            "The council set up a portfolio of “cut, defer, return and subsidy” policies.",
            "His remark “a drought is not a crisis” proves this.",
            "The bees left their usual “following the flowers for nectar” routes.",
            "The grid faces “thousands of small attacks” every day.",
            "Enable the “allocator-api2/nightly” feature.",
            "Japanese “chilled noodle bowls” don't appeal to everyone.",
            // An initialism closing a sentence in the British style, and
            // short speech before its stop.
            "He said the goods were “made in the U.S”. Prices rose, he said.",
            "“I'm fine”. That was all, she said.",
            // A phrase before a clause with a quotation after it, and a
            // reporter's link after a sentence of speech.
            "“Of course”, it will rain again, “as always”.",
            "He said, “We will try”, but the board refused.",
            "He said, “It was fine”, and the crowd cheered.",
            // A preposition inside a hyphenated word, `there` before a
            // speaker.
            "By the street of “By-and-by” one arrives at the house.",
            "“Put it over there” he told them.",
            "“The market is tired”, he commented.",
            // A title after attributed speech, and an attribution with a
            // verb of the second list.
            "“It's done,” he said. “The Times” reported it first.",
            "“We cannot accept the reasons for it”, opined the promoter.",
            // An object pronoun before `to` and no verb; a lone `as`.
            "He asked “to see them” to no avail.",
            "They rated it “as” good as new.",
            "The word “in” 1986 meant less.",
            // A partial quotation after `According to X,`, and a
            // participle after the closer and its comma.
            "According to Egil, “Let It Out” is only the first part.",
            "He told reporters, “We have not seen such a fire”, stating that it had spread.",
            // A noun in `-ing`, and an attribution after the closer.
            "He recalled “the morning” the storm hit.",
            "“There is a time for everything” the Emir of Kano said.",
            // Speech in the first person after `said`, then a link.
            "The mayor said “we will win this” and left the hall.",
            // `it` as an object, and a title before a preposition.
            "The “man who doesn't have it” is finally here.",
            "“Death of a Salesman” for the stage won in 1949.",
            // A clause with a verb of its own before a speech verb far
            // after the comma is no attribution.
            "“The plan” is sound in outline, and bankers who studied it in the city told us.",
            // A word quoted alone before a verb with no attribution.
            "“Legends” have their origin in a real, often trivial, story that is told over.",
            // A verb of thinking quoted as a phrase.
            "The phrase “I think” is overused.",
            // The reporter's phrase naming the occasion of the speech.
            "“We will win the vote” at a news conference, the mayor said.",
            "“Prices must fall” in a letter to the board, she wrote.",
            // A name or the reporter's phrase in parentheses.
            "“The Times” (London) reported the story first.",
            "He called it “a new dawn” (in his words) for the firm.",
            // A comma and the reporter's words, or an attribution after the
            // comma; speech with no verb before a stop.
            "“We will win”, it is said, by many.",
            "“We will win”, the mayor, who is new, said.",
            "“We will win”, but the mayor, who is new, said little.",
            "“Bread and roses”. That was the slogan, said Ann Lee, head of the union.",
            // A single word after `said,` before a comma, a headline's name
            // after a colon, `or not`, a particle after a verb, a hyphen
            // before a word and quoted words joined by a slash.
            "He said, “fine”, and left.",
            "Ovechkin: “Washington” misses hockey.",
            "It is “whether or not” the board agrees.",
            "The camera “passed through” the barrel of a tank.",
            "It was a “Buy American”-style campaign.",
            "Answer “yes”/“no” on the form.",
            // A verb after `to` or a modal with its object inside, no
            // object after it, or a name.
            "Moscow “would consider” buying wheat.",
            "The club has “the right to hold” due to the rules.",
            "He cited the “right to hold” players clause.",
            "There was “no need to fear” and people stayed calm.",
            "They judged it on the “from well to tank” part.",
            "He saw “rates set to rise” the next day.",
            "He said “prices will rise” this year.",
            "He said “we will build a new plant” next year.",
            "The shop sold “farm to table” meals.",
            "They called the deal “far from ideal” nonetheless.",
            "He saw “a new era of exchange rate” stability in “the markets”.",
        ] {
            assert_no_lints(&MisplacedClose, text);
        }
    }

    #[test]
    fn partial_quotations_inside_the_reporters_sentence_are_fine() {
        for text in [
            // Not whole speech: no attribution after it, no `said,` before.
            "Officials called it “a very big step” for the region on Monday.",
            "It was what analysts call “money you pay for” in the end.",
            "He said the fund “rots from within” and is failing.",
            // Whole speech ending on a full phrase, then a link word.
            "“It is far too early to say” whether the plant will close, he said.",
            "“They must change corn to corn gluten feed” in their complaint, Hall said.",
            // Third person, no verb of the quotation's own, or a stranded
            // `to` before a noun.
            "The slogan “Because we want to” stayed on the banners.",
            // Closed before a stop: a partial quotation, or no attribution
            // after it.
            "He called the plan “a very bad deal for farmers”. Prices fell, he said.",
            "“The banks will not rush to raise their rates”. Prices fell on Monday.",
            // After `said` with no comma: a partial quotation, or the
            // reporter's participle after the speech.
            "Fauber said “the success of these programs” is clear.",
            "He smiled and said “As you would expect, it felt amazing” taking a bow.",
            "Ovechkin: “Washington” misses hockey.",
            // A term opening the sentence, with no first person after it.
            "“Whatever happens” is a fine motto, the coach said.",
            // Third-person speech with the reporter's phrase after it, and
            // two quotations joined by `and`.
            "“The growers will change corn to corn gluten feed” in their complaint, Hall said.",
            "“Fair” and “square” were his words, the coach said.",
            // A noun phrase that the quotation names, mentions or closes.
            "A call to join the “Buy from my grandmother” campaign appeared online.",
            "The phrase “elephant in the room” refers to an obvious problem.",
            "His statement “Newar is not a caste, it is a nation” proves this.",
            "Members are supposed to “keep the practice” legal.",
            "Do not put a nest on the eggs “in the bud” because the chicks need space.",
            "It was “the best” ever, she said.",
            "Help me put “dots over i's” in a relationship.",
            // A lone adverb or mention in quotes, a quoted number's noun.
            "Lenders will proceed “expeditiously” and payments will resume.",
            "It was “officially” opened in 1886.",
            "In such a debate, the word “should” simply means ought.",
            "He said ‘being’ is univocal.",
            "The “Big 4” accounting firms agreed.",
            "He cited “the (1987) budget” in full.",
            "“Running Out of Time 2” brings us an entirely new story.",
            "The film “Vision” 2030 opened, he said.",
            "The song “Dear Mr” made him famous.",
            "He read “The Times”' review of the show.",
            "She called it “a mess (again)” and left.",
            "Critics of the “Iron Lady” Margaret Thatcher agreed.",
            "“I spoke to him about the plan with Obama” Tuesday, he said.",
            "It is the novel by Renu, ‘Maila Aanchal’ Press said.",
            "Officials called the deal “the one we want” and said it would pass.",
        ] {
            assert_no_lints(&MisplacedClose, text);
        }
    }

    #[test]
    fn second_quotation_in_the_paragraph_is_fine() {
        assert_no_lints(
            &MisplacedClose,
            "She said “yes” and then “no.” Later she said “maybe.”",
        );
    }

    #[test]
    fn straight_quotes_closed_twice_are_reported() {
        assert_eq!(
            matched(&MisplacedClose, "He said \"It works.\" And it is fast.\""),
            vec!["\""]
        );
    }
}
