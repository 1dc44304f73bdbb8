//! The rule registry. Each rule lives in `rules/<family>/<name>.rs` with its
//! documentation and its tests; this file lists them once, sorted by id.

pub mod boilerplate;
pub mod brackets;
pub mod case;
pub mod encoding;
pub mod fragment;
pub mod language;
pub mod meta;
pub mod punct;
pub mod quotes;
pub mod repetition;
pub mod space;
pub mod style;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Span};
use crate::source::Source;

/// What a rule is, for `mtlint rules`, `mtlint explain` and `docs/rules.md`.
#[derive(Debug)]
pub struct RuleMeta {
    /// `family/name`, kebab-case, stable forever.
    pub id: &'static str,
    pub severity: Severity,
    /// One line, no final full stop.
    pub summary: &'static str,
    /// Markdown: `## What it does`, `## Why is this bad?`, `## Example`.
    pub doc: &'static str,
    /// Thresholds that `[rules.<id>]` in the configuration can set.
    pub options: &'static [RuleOption],
}

/// A numeric threshold of a rule, set as `[rules."<id>"] name = N`.
#[derive(Debug)]
pub struct RuleOption {
    pub name: &'static str,
    pub default: usize,
    pub summary: &'static str,
}

impl RuleMeta {
    pub fn family(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}

/// Options from the command line that some rules read.
#[derive(Debug, Default, Clone)]
pub struct Settings {
    /// The language the user expects (`--lang`).
    pub lang: Option<whatlang::Lang>,
    /// Extra tortured phrases (`--phrases FILE`).
    pub phrases: Option<std::sync::Arc<style::tortured_phrase::PhraseList>>,
    /// `[rules.<id>]` thresholds from the configuration, by rule id and name.
    pub options: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
}

impl Settings {
    /// A rule's threshold: the configured value, or the rule's default.
    pub fn option(&self, meta: &RuleMeta, name: &str) -> usize {
        self.options
            .get(meta.id)
            .and_then(|o| o.get(name))
            .copied()
            .or_else(|| {
                meta.options
                    .iter()
                    .find(|o| o.name == name)
                    .map(|o| o.default)
            })
            .unwrap_or(0)
    }
}

/// What a rule reads.
pub struct Context<'a, 't> {
    pub doc: &'a Document<'t>,
    pub source: &'a Source,
    pub settings: &'a Settings,
}

impl Context<'_, '_> {
    /// Whether `span` reads the same in the file as in the prose text, that
    /// is, no markup was blanked out inside it (always true for plain text).
    pub fn unmasked(&self, span: Span) -> bool {
        let original = self.source.source_span(span);
        self.source.text.get(original.start..original.end)
            == self.doc.text.get(span.start..span.end)
    }
}

impl Context<'_, '_> {
    /// Whether words were blanked out inside `span` (inline code, a URL):
    /// the sentence's shape cannot be judged from what is left.
    pub fn hides_words(&self, span: Span) -> bool {
        self.source.hides_words(span)
    }
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);

    /// A diagnostic of this rule at its default severity.
    fn diagnostic(&self, span: Span, message: String) -> Diagnostic {
        let meta = self.meta();
        Diagnostic::new(meta.id, meta.severity, span, message)
    }
}

/// Every rule, sorted by id.
pub static ALL: &[&dyn Rule] = &[
    &boilerplate::credit_line::CreditLine,
    &boilerplate::tag_line::TagLine,
    &boilerplate::ui_text::UiText,
    &brackets::unbalanced::Unbalanced,
    &case::inconsistent::Inconsistent,
    &case::mid_sentence_capital::MidSentenceCapital,
    &encoding::control_char::ControlChar,
    &encoding::html_leftover::HtmlLeftover,
    &encoding::invalid_utf8::InvalidUtf8,
    &encoding::mixed_script::MixedScript,
    &encoding::mojibake::Mojibake,
    &encoding::replacement_char::ReplacementChar,
    &fragment::dangling_start::DanglingStart,
    &fragment::lowercase_start::LowercaseStart,
    &fragment::truncated::Truncated,
    &fragment::verbless::Verbless,
    &language::unexpected::Unexpected,
    &language::untranslated::Untranslated,
    &meta::unused_suppression::UnusedSuppression,
    &punct::doubled::Doubled,
    &punct::missing_space_after::MissingSpaceAfter,
    &punct::space_before::SpaceBefore,
    &quotes::misplaced_close::MisplacedClose,
    &quotes::unclosed::Unclosed,
    &quotes::unopened::Unopened,
    &quotes::wrong_direction::WrongDirection,
    &repetition::phrase::Phrase,
    &repetition::sentence::Sentence,
    &repetition::word::Word,
    &space::multiple::Multiple,
    &style::tortured_phrase::TorturedPhrase,
];

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.meta().id == id)
}

/// Whether `pattern` (a rule id or a family prefix) names `id`.
pub fn matches(pattern: &str, id: &str) -> bool {
    let pattern = pattern.trim_end_matches('/');
    id == pattern
        || id
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether `pattern` names at least one rule.
pub fn is_known_pattern(pattern: &str) -> bool {
    ALL.iter().any(|r| matches(pattern, r.meta().id))
}

/// The rule reference in Markdown: `docs/rules.md` is exactly this, and a
/// test fails when it is stale.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# mtlint rules\n\n<!-- Generated from the rule docs by `mtlint rules --markdown`. Do not edit. -->\n\n",
    );
    out.push_str(&rule_table());
    for rule in ALL {
        let meta = rule.meta();
        out.push_str(&format!(
            "\n## `{}`\n\nDefault severity: **{}**. {}.\n\n{}\n",
            meta.id,
            meta.severity,
            meta.summary,
            meta.doc
                .trim_end()
                .replace("\n## ", "\n### ")
                .replacen("## ", "### ", 1)
        ));
        if !meta.options.is_empty() {
            out.push_str(&format!("\n### Options (`[rules.\"{}\"]`)\n\n", meta.id));
            for option in meta.options {
                out.push_str(&format!(
                    "- `{}` (default {}): {}\n",
                    option.name, option.default, option.summary
                ));
            }
        }
    }
    out
}

/// One table row per rule: id, severity, summary (for README and docs).
pub fn rule_table() -> String {
    let mut out = String::from("| rule | default | what it finds |\n|---|---|---|\n");
    for rule in ALL {
        let meta = rule.meta();
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            meta.id, meta.severity, meta.summary
        ));
    }
    out
}

#[cfg(test)]
pub mod testing {
    //! Helpers that make rule tests read like examples.
    use super::*;

    pub fn lint(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
        lint_as(rule, text, crate::source::SourceKind::Text)
    }

    /// Lints `text` read as the given kind (Markdown prose extraction included).
    pub fn lint_as(
        rule: &dyn Rule,
        text: &str,
        kind: crate::source::SourceKind,
    ) -> Vec<Diagnostic> {
        let source = Source::from_text("test", kind, text);
        let doc = Document::with_breaks(source.prose_text(), source.block_breaks());
        let mut out = Vec::new();
        rule.check(
            &Context {
                doc: &doc,
                source: &source,
                settings: &Settings::default(),
            },
            &mut out,
        );
        out
    }

    /// The text of each finding's primary span.
    pub fn matched<'t>(rule: &dyn Rule, text: &'t str) -> Vec<&'t str> {
        lint(rule, text)
            .iter()
            .map(|d| &text[d.span.start..d.span.end])
            .collect()
    }

    pub fn assert_no_lints(rule: &dyn Rule, text: &str) {
        let found = lint(rule, text);
        assert!(
            found.is_empty(),
            "expected no lints in {text:?}, got {found:#?}"
        );
    }

    /// The span of the `nth` occurrence of `needle` in `text`.
    pub fn span_of(text: &str, needle: &str, nth: usize) -> Span {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
            .0;
        Span::new(start, start + needle.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_ids_are_unique() {
        for pair in ALL.windows(2) {
            assert!(pair[0].meta().id < pair[1].meta().id);
        }
    }

    #[test]
    fn every_rule_documents_itself_with_bad_and_good_examples() {
        for rule in ALL {
            let meta = rule.meta();
            let id = meta.id;
            assert!(id.contains('/') && id == id.to_ascii_lowercase(), "{id}");
            assert!(!meta.summary.ends_with('.'), "{id}");
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "Use instead:",
            ] {
                assert!(meta.doc.contains(heading), "{id} lacks {heading}");
            }
        }
    }

    #[test]
    fn family_prefix_matches_whole_segments_only() {
        assert!(matches("fragment", "fragment/verbless"));
        assert!(matches("fragment/verbless", "fragment/verbless"));
        assert!(!matches("frag", "fragment/verbless"));
        assert!(is_known_pattern("quotes"));
        assert!(!is_known_pattern("quote"));
    }
}
