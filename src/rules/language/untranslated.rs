use super::describe;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Sentence, Span, floor_boundary};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Untranslated;

/// Fewest words a Latin-script passage needs before its language is judged:
/// short-text identification is unreliable.
const MIN_WORDS: usize = 8;
/// Fewest letters a passage in another script needs.
const MIN_FOREIGN_LETTERS: usize = 12;

static META: RuleMeta = RuleMeta {
    id: "language/untranslated",
    severity: Severity::Warning,
    summary: "A passage in another language than the document's, left untranslated",
    doc: r#"## What it does
Finds a sentence or a run of sentences whose language, reliably detected,
differs from the document's: a passage left untranslated. A passage in
another script (Chinese, Cyrillic, Arabic) inside an English document is
found by its letters alone. A Latin-script passage is checked with whatlang
only when it has eight words or more and few English function words, so
names, short quotes and titles are not reported.

## Why is this bad?
The translation skipped a passage, and readers of the target language lose
it.

## Example
```text
The mayor spoke on Monday. Die Stadt wird die Brücke im nächsten Jahr vollständig erneuern lassen. Work starts in May.
```

Use instead:
```text
The mayor spoke on Monday. The city will have the bridge fully renewed next year. Work starts in May.
```
"#,
    options: &[crate::rules::RuleOption {
        name: "min-words",
        default: MIN_WORDS,
        summary: "the fewest words a Latin-script sentence needs before its language is judged",
    }],
};

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
}

/// Letters in another script than Latin, and all letters.
fn script_counts(text: &str) -> (usize, usize) {
    // ASCII letters are Latin: count them by byte, and decode the rest.
    let ascii_letters = text.bytes().filter(u8::is_ascii_alphabetic).count();
    if text.is_ascii() {
        return (0, ascii_letters);
    }
    text.chars()
        .filter(|c| !c.is_ascii() && c.is_alphabetic())
        .fold((0, ascii_letters), |(foreign, all), c| {
            (foreign + usize::from(!is_latin_letter(c)), all + 1)
        })
}

impl Untranslated {
    /// The language of a sentence when it is clearly not the document's.
    fn foreign_language(
        &self,
        doc: &Document,
        sentence: &Sentence,
        home: whatlang::Lang,
        home_is_latin: bool,
        min_words: usize,
    ) -> Option<whatlang::Lang> {
        let body = sentence.span.text(doc.text);
        // An ASCII sentence has no letter of another script: skip the count.
        let (foreign, letters) = if body.is_ascii() {
            (0, 0)
        } else {
            script_counts(body)
        };
        if foreign >= MIN_FOREIGN_LETTERS && foreign * 2 > letters {
            // Another script in a Latin-script document is evidence enough.
            return if home_is_latin {
                whatlang::detect_lang(body).filter(|&l| l != home)
            } else {
                None
            };
        }
        let flags = &doc.flags[sentence.words.clone()];
        let lettered = flags.iter().filter(|f| f.has_letter()).count();
        if lettered < min_words {
            return None;
        }
        // Cheap signal first: English prose is full of function words. A
        // tenth of the words will do; most English sentences have more.
        if home == whatlang::Lang::Eng {
            let function = flags.iter().filter(|f| f.is_function()).count();
            if function >= lettered.div_ceil(10) {
                return None;
            }
            // Terse English (`Bank loans fell 584 mln dlrs to 127 billion`)
            // has few function words but is made of common English words;
            // whatlang costs a fifth of a millisecond a call.
            if doc.is_common_english(sentence, lettered) {
                return None;
            }
        }
        let info = whatlang::detect(body)?;
        (info.is_reliable() && info.lang() != home).then(|| info.lang())
    }
}

impl Rule for Untranslated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let home = doc.language.unwrap_or(whatlang::Lang::Eng);
        let min_words = cx.settings.option(&META, "min-words");
        let (foreign, letters) = script_counts(&doc.text[..floor_boundary(doc.text, 8192)]);
        let home_is_latin = foreign * 2 <= letters;
        let mut run: Option<(Span, whatlang::Lang, usize)> = None;
        let flush = |run: &mut Option<(Span, whatlang::Lang, usize)>, out: &mut Vec<Diagnostic>| {
            if let Some((span, lang, count)) = run.take() {
                let what = if count == 1 {
                    "sentence".to_owned()
                } else {
                    format!("{count} sentences")
                };
                out.push(self.diagnostic(
                    span,
                    format!(
                        "{what} in {} in a document in {}: left untranslated?",
                        describe(lang),
                        describe(home)
                    ),
                ));
            }
        };
        for sentence in &doc.sentences {
            match self.foreign_language(doc, sentence, home, home_is_latin, min_words) {
                Some(lang) => match &mut run {
                    Some((span, run_lang, count)) if *run_lang == lang => {
                        span.end = sentence.span.end;
                        *count += 1;
                    }
                    _ => {
                        flush(&mut run, out);
                        run = Some((sentence.span, lang, 1));
                    }
                },
                None => flush(&mut run, out),
            }
        }
        flush(&mut run, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn german_sentence_in_english_text_is_reported() {
        let text = "The mayor spoke on Monday and said the work would begin soon. Die Stadt wird die alte Brücke im nächsten Jahr vollständig erneuern lassen. Work starts in May, and the road will stay open.";
        let found = lint(&Untranslated, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].span.text(text).starts_with("Die Stadt"));
        assert!(found[0].message.contains("German"), "{}", found[0].message);
    }

    #[test]
    fn foreign_sentences_are_not_taken_for_terse_english() {
        // Each has few English function words; the common-word shortcut
        // must not pass them as English.
        for foreign in [
            "El gobierno anunció ayer una nueva reforma de las pensiones para todos los trabajadores.",
            "Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour les salariés.",
            "Il governo ha annunciato ieri una nuova riforma delle pensioni per tutti i lavoratori.",
        ] {
            let text = format!(
                "The mayor spoke on Monday and said the work would begin soon. {foreign} Work starts in May, and the road will stay open."
            );
            assert_eq!(lint(&Untranslated, &text).len(), 1, "{foreign}");
        }
    }

    #[test]
    fn terse_english_with_few_function_words_is_fine() {
        assert_no_lints(
            &Untranslated,
            "Bank loans rose again. Chartered bank general loans outstanding fell 584 mln dlrs to 127.58 billion dlrs. Senior floor trader says trading room badly needs renovating.",
        );
    }

    #[test]
    fn passage_in_another_script_is_reported() {
        let text = "The minister arrived on Monday and met the press at the airport. Министр заявил, что переговоры продолжатся на следующей неделе. He left on Tuesday.";
        let found = lint(&Untranslated, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("Russian"), "{}", found[0].message);
    }

    #[test]
    fn names_short_quotes_and_titles_are_fine() {
        assert_no_lints(
            &Untranslated,
            "She quoted the motto “Liberté, égalité, fraternité” and read Die Zeit and Le Monde over coffee with Jürgen Müller in São Paulo.",
        );
        assert_no_lints(
            &Untranslated,
            "The band played Москва twice and the crowd sang along.",
        );
    }
}
