//! Runs the selected rules over one source and builds its report.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::report::FileReport;
use crate::rules::{self, Context, Rule, Settings};
use crate::source::Source;

/// The rules chosen for a run.
#[derive(Clone)]
pub struct Linter {
    rules: Vec<&'static dyn Rule>,
    pub settings: Settings,
    /// `[severity]` from the configuration: a rule id or family, and the
    /// severity its findings get. The most specific pattern wins.
    pub severity_overrides: Vec<(String, Severity)>,
}

impl Linter {
    /// Every rule named by `select` (all when empty) and not by `ignore`.
    /// Patterns are rule ids or family prefixes; an unknown one is an error.
    pub fn new(select: &[String], ignore: &[String]) -> Result<Linter, String> {
        for pattern in select.iter().chain(ignore) {
            if !rules::is_known_pattern(pattern) {
                return Err(format!(
                    "unknown rule or family `{pattern}` (run `mtlint rules` to list them)"
                ));
            }
        }
        let rules = rules::ALL
            .iter()
            .copied()
            .filter(|rule| {
                let id = rule.meta().id;
                let selected = select.is_empty() || select.iter().any(|p| rules::matches(p, id));
                selected && !ignore.iter().any(|p| rules::matches(p, id))
            })
            .collect();
        Ok(Linter {
            rules,
            settings: Settings::default(),
            severity_overrides: Vec::new(),
        })
    }

    /// The linter a configuration file describes. Non-empty `select` and
    /// `ignore` (from the command line) replace the file's.
    pub fn from_config(
        file: &crate::config::FileConfig,
        select: &[String],
        ignore: &[String],
    ) -> Result<Linter, String> {
        let pick = |cli: &[String], file: &Option<Vec<String>>| {
            if cli.is_empty() {
                file.clone().unwrap_or_default()
            } else {
                cli.to_vec()
            }
        };
        let mut linter = Linter::new(&pick(select, &file.select), &pick(ignore, &file.ignore))?;
        for (pattern, severity) in file.severity.iter().flatten() {
            if let Some(severity) = Severity::parse(severity) {
                linter.severity_overrides.push((pattern.clone(), severity));
            }
        }
        linter.settings.lang = file.lang.as_deref().and_then(rules::language::parse_lang);
        linter.settings.options = file.rule_options();
        Ok(linter)
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// The configured severity for a rule, if a pattern names it; an exact
    /// id beats a family.
    fn override_for(&self, id: &str) -> Option<Severity> {
        self.severity_overrides
            .iter()
            .filter(|(pattern, _)| rules::matches(pattern, id))
            .max_by_key(|(pattern, _)| pattern.len())
            .map(|(_, severity)| *severity)
    }

    /// The severity a rule's findings get under this linter.
    pub fn severity_of(&self, id: &str) -> Severity {
        self.override_for(id)
            .or_else(|| rules::find(id).map(|r| r.meta().severity))
            .unwrap_or(Severity::Warning)
    }

    /// The diagnostics for one source, sorted by position.
    pub fn check(&self, source: &Source, doc: &Document) -> Vec<Diagnostic> {
        let cx = Context {
            doc,
            source,
            settings: &self.settings,
        };
        let mut out = Vec::new();
        for rule in &self.rules {
            rule.check(&cx, &mut out);
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        if !self.severity_overrides.is_empty() {
            for d in &mut out {
                if let Some(severity) = self.override_for(d.rule) {
                    d.severity = severity;
                }
            }
        }
        let report_unused = self
            .rules
            .iter()
            .any(|r| r.meta().id == crate::suppress::UNUSED);
        crate::suppress::apply(doc, &mut out, report_unused);
        out
    }

    /// The diagnostics for one source, with spans in the source's text
    /// (for Markdown and HTML, mapped back from the prose).
    pub fn diagnostics(&self, source: &Source) -> (usize, Vec<Diagnostic>) {
        let doc = Document::with_breaks(source.prose_text(), source.block_breaks());
        let mut diagnostics = self.check(source, &doc);
        for d in &mut diagnostics {
            d.span = source.source_span(d.span);
            for r in &mut d.related {
                r.span = source.source_span(r.span);
            }
            if let Some(fix) = &mut d.fix {
                fix.span = source.source_span(fix.span);
            }
        }
        (doc.word_count(), diagnostics)
    }

    pub fn lint(&self, source: &Source) -> FileReport {
        let (words, diagnostics) = self.diagnostics(source);
        FileReport::new(source, words, diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_prefix_selects_its_rules_only() {
        let linter = Linter::new(&["quotes".into()], &[]).unwrap();
        assert!(!linter.rules().is_empty());
        assert!(
            linter
                .rules()
                .iter()
                .all(|r| r.meta().id.starts_with("quotes/"))
        );
    }

    #[test]
    fn ignore_removes_a_rule() {
        let linter = Linter::new(&[], &["fragment/verbless".into()]).unwrap();
        assert!(
            linter
                .rules()
                .iter()
                .all(|r| r.meta().id != "fragment/verbless")
        );
        assert_eq!(linter.rules().len(), rules::ALL.len() - 1);
    }

    fn lint(text: &str) -> Vec<(&'static str, String)> {
        let linter = Linter::new(&[], &[]).unwrap();
        let source = Source::from_text("t.txt", crate::source::SourceKind::Text, text);
        let doc = Document::new(&source.text);
        linter
            .check(&source, &doc)
            .into_iter()
            .map(|d| (d.rule, d.span.text(text).to_owned()))
            .collect()
    }

    #[test]
    fn disable_next_line_suppresses_only_that_line() {
        let text =
            "<!-- mtlint-disable-next-line repetition/word -->\nThe the end.\nThe the end again.\n";
        assert_eq!(lint(text), vec![("repetition/word", "The the".to_owned())]);
    }

    #[test]
    fn disable_and_enable_bound_a_range_and_families_work() {
        let text = "<!-- mtlint-disable repetition -->\nThe the end.\n<!-- mtlint-enable -->\nThe the end again.\n";
        let linter = Linter::new(&[], &[]).unwrap();
        let source = Source::from_text("t.txt", crate::source::SourceKind::Text, text);
        let doc = Document::new(&source.text);
        let found = linter.check(&source, &doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, text.find("The the end again").unwrap());
    }

    #[test]
    fn bare_disable_silences_every_rule_and_disable_file_the_whole_file() {
        assert!(lint("<!-- mtlint-disable -->\nThe the end. sought calm.\n").is_empty());
        assert!(lint("The the end.\n<!-- mtlint-disable-file repetition/word -->\n").is_empty());
    }

    #[test]
    fn unused_and_unknown_suppressions_are_reported() {
        let found = lint(
            "<!-- mtlint-disable-next-line quotes/unclosed -->\nNo quotes here.\n<!-- mtlint-disable nope/rule -->\n",
        );
        let rules: Vec<&str> = found.iter().map(|(r, _)| *r).collect();
        assert_eq!(rules, vec!["meta/unused-suppression"; 3]);
    }

    #[test]
    fn unknown_rule_is_an_error() {
        let error = Linter::new(&["quotes/nope".into()], &[]).err().unwrap();
        assert!(error.contains("quotes/nope"), "{error}");
    }
}
