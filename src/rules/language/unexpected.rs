use super::describe;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Unexpected;

static META: RuleMeta = RuleMeta {
    id: "language/unexpected",
    severity: Severity::Warning,
    summary: "The document is not in the language given with `--lang`",
    doc: r#"## What it does
When `--lang CODE` is given (`en`, `eng`, `de`, ...), reports a document
whose language, reliably detected, is a different one. Without `--lang`
it does nothing; short documents whose language cannot be told are not
reported.

## Why is this bad?
A pipeline that expects English translations received a document that was
never translated, or was translated into the wrong language.

## Example
```text
mtlint --lang en article.txt    (article.txt is in German)
```

Use instead:
```text
mtlint --lang de article.txt
```
"#,
    options: &[],
};

impl Rule for Unexpected {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let (Some(expected), Some(found)) = (cx.settings.lang, cx.doc.language) else {
            return;
        };
        if expected == found {
            return;
        }
        let Some(first) = cx.doc.words.first() else {
            return;
        };
        out.push(self.diagnostic(
            *first,
            format!(
                "document is in {}, not in {} as --lang says",
                describe(found),
                describe(expected)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::Settings;
    use crate::source::{Source, SourceKind};

    fn lint_with(lang: &str, text: &str) -> Vec<Diagnostic> {
        let source = Source::from_text("t.txt", SourceKind::Text, text);
        let doc = Document::new(&source.text);
        let settings = Settings {
            lang: super::super::parse_lang(lang),
            ..Settings::default()
        };
        let mut out = Vec::new();
        Unexpected.check(
            &Context {
                doc: &doc,
                source: &source,
                settings: &settings,
            },
            &mut out,
        );
        out
    }

    const GERMAN: &str = "Die Gespräche endeten am Montag, und beide Seiten erklärten, dass sie sich im Frühjahr wieder treffen würden.";

    #[test]
    fn german_document_under_lang_en_is_reported() {
        let found = lint_with("en", GERMAN);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("German (deu)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn matching_language_and_no_lang_are_fine() {
        assert!(lint_with("de", GERMAN).is_empty());
        assert!(lint_with("deu", GERMAN).is_empty());
        assert!(lint_with("", GERMAN).is_empty());
    }
}
