//! Runs the selected rules over one source and builds its report.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::report::FileReport;
use crate::rules::{self, Context, Rule, Settings};
use crate::source::Source;

/// The rules chosen for a run.
#[derive(Clone)]
pub struct Linter {
    rules: Vec<&'static dyn Rule>,
    pub settings: Settings,
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
        })
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
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
        out
    }

    pub fn lint(&self, source: &Source) -> FileReport {
        let doc = Document::new(&source.text);
        let diagnostics = self.check(source, &doc);
        FileReport::new(source, doc.word_count(), diagnostics)
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

    #[test]
    fn unknown_rule_is_an_error() {
        let error = Linter::new(&["quotes/nope".into()], &[]).err().unwrap();
        assert!(error.contains("quotes/nope"), "{error}");
    }
}
