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
    /// Plain text longer than this is linted in windows of about this size,
    /// cut at paragraph breaks, so that memory stays bounded (see
    /// `diagnostics`).
    pub window_bytes: usize,
    /// Findings kept per file for the report (see `lint`).
    pub max_findings: usize,
}

/// Default `Linter::max_findings`: far more than anyone reads, few enough
/// (about 10 MB) to keep a huge file that is all damage within the memory
/// budget of its size plus 50 MB.
pub const MAX_FINDINGS: usize = 10_000;

/// Default `Linter::window_bytes`: 1 MiB, far more than any article, and
/// small enough that a window's document (about 6 bytes of words, keys
/// and marks per byte of text) stays a few MB.
pub const WINDOW_BYTES: usize = 1 << 20;

/// Where to end a window that starts at `start`: after the last paragraph
/// break in its second half, else the last line break, else the last
/// space, else the last character boundary within `size` bytes.
fn window_end(text: &str, start: usize, size: usize) -> usize {
    if text.len() - start <= size {
        return text.len();
    }
    let limit = crate::document::floor_boundary(text, start + size);
    let half = crate::document::ceil_boundary(text, start + size / 2).min(limit);
    let tail = &text.as_bytes()[half..limit];
    let after = |needle: &[u8]| {
        tail.windows(needle.len())
            .rposition(|w| w == needle)
            .map(|i| half + i + needle.len())
    };
    after(b"\n\n")
        .or_else(|| after(b"\n"))
        .or_else(|| after(b" "))
        .filter(|&end| end > start)
        .unwrap_or_else(|| {
            // One unbroken run: cut at a character boundary, never at zero.
            let end = limit.max(start + 1);
            crate::document::ceil_boundary(text, end)
        })
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
            window_bytes: WINDOW_BYTES,
            max_findings: MAX_FINDINGS,
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
    /// Plain text longer than `window_bytes` is linted window by window:
    /// each window is a document of its own and is dropped before the next,
    /// so a 200 MB file costs its text plus one window's structures, not six
    /// times its size. Rules that compare distant parts of a document
    /// (repeated sentences, inconsistent capitals, suppressions) look within
    /// a window. Markdown and HTML are always linted whole.
    pub fn diagnostics(&self, source: &Source) -> (usize, Vec<Diagnostic>) {
        let (words, all, _) = self.collect(source, usize::MAX);
        (words, all)
    }

    /// As `diagnostics`, but keeps at most `cap` of them; the rest are only
    /// counted, by severity (error, warning, info), so that the score
    /// stays true while memory stays bounded on a file full of damage.
    fn collect(&self, source: &Source, cap: usize) -> (usize, Vec<Diagnostic>, [usize; 3]) {
        let mut omitted = [0; 3];
        let mut keep = |all: &mut Vec<Diagnostic>| {
            if all.len() > cap {
                for d in all.drain(cap..) {
                    omitted[match d.severity {
                        Severity::Error => 0,
                        Severity::Warning => 1,
                        Severity::Info => 2,
                    }] += 1;
                }
            }
        };
        if source.kind != crate::source::SourceKind::Text || source.text.len() <= self.window_bytes
        {
            let (words, mut all) = self.diagnostics_whole(source);
            keep(&mut all);
            return (words, all, omitted);
        }
        let (mut words, mut all) = (0, Vec::new());
        let mut start = 0;
        while start < source.text.len() {
            let end = window_end(&source.text, start, self.window_bytes.max(1));
            let window = source.window(start, end);
            let (count, found) = self.diagnostics_whole(&window);
            words += count;
            all.extend(found.into_iter().map(|mut d| {
                d.span = d.span.shifted(start);
                for r in &mut d.related {
                    r.span = r.span.shifted(start);
                }
                if let Some(fix) = &mut d.fix {
                    fix.span = fix.span.shifted(start);
                }
                d
            }));
            keep(&mut all);
            start = end;
        }
        (words, all, omitted)
    }

    fn diagnostics_whole(&self, source: &Source) -> (usize, Vec<Diagnostic>) {
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

    /// Lints a file. At most `max_findings` findings are kept for the
    /// report; the others count towards the score and are reported as
    /// omitted.
    pub fn lint(&self, source: &Source) -> FileReport {
        let (words, diagnostics, omitted) = self.collect(source, self.max_findings);
        FileReport::with_omitted(source, words, diagnostics, omitted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(linter: &Linter, source: &Source) -> Vec<(&'static str, usize, usize)> {
        let (_, found) = linter.diagnostics(source);
        found
            .iter()
            .map(|d| (d.rule, d.span.start, d.span.end))
            .collect()
    }

    #[test]
    fn windowed_text_gives_the_findings_of_the_whole_text() {
        let mut bytes = Vec::new();
        for n in 0..40 {
            bytes.extend_from_slice(
                format!("Paragraph {n} repeats the the word and ends well.\n\n").as_bytes(),
            );
            if n == 31 {
                bytes.extend_from_slice(b"A bad byte \xFF sits here.\n\n");
            }
        }
        let source = Source::from_bytes("t.txt", crate::source::SourceKind::Text, &bytes).unwrap();
        let mut linter = Linter::new(&["repetition/word".into(), "encoding".into()], &[]).unwrap();
        let whole = spans(&linter, &source);
        linter.window_bytes = 150;
        let windowed = spans(&linter, &source);
        assert_eq!(whole.len(), 41, "{whole:?}");
        assert_eq!(windowed, whole);
        // The decode replacement still maps to its byte in the file.
        let report = linter.lint(&source);
        let bad = report
            .findings
            .iter()
            .find(|f| f.rule == "encoding/invalid-utf8")
            .expect("invalid byte found");
        assert_eq!(bytes[bad.location.byte_start], 0xFF);
        assert_eq!(
            report.words,
            Linter::new(&[], &[]).unwrap().lint(&source).words
        );
    }

    #[test]
    fn findings_over_the_cap_are_counted_not_kept() {
        let text = "The the end came. ".repeat(50);
        let source = Source::from_text("t.txt", crate::source::SourceKind::Text, &text);
        let mut linter = Linter::new(&["repetition/word".into()], &[]).unwrap();
        let full = linter.lint(&source);
        assert_eq!(full.findings.len(), 50);
        assert_eq!(full.omitted, 0);
        linter.max_findings = 7;
        linter.window_bytes = 100;
        let capped = linter.lint(&source);
        assert_eq!(capped.findings.len(), 7);
        assert_eq!(capped.omitted, 43);
        assert_eq!(capped.score, full.score, "omitted findings still count");
        assert_eq!(capped.findings[..], full.findings[..7]);
    }

    #[test]
    fn windows_end_at_paragraphs_then_lines_then_spaces_then_characters() {
        let text = "aaaa bbbb\n\ncccc dddd\neeee ffff";
        assert_eq!(window_end(text, 0, 14), 11);
        assert_eq!(&text[11..window_end(text, 11, 12)], "cccc dddd\n");
        assert_eq!(&text[21..window_end(text, 21, 7)], "eeee ");
        let run = "é".repeat(10);
        let end = window_end(&run, 0, 5);
        assert!(run.is_char_boundary(end) && end > 0 && end <= 6, "{end}");
        assert_eq!(window_end(&run, 0, 1), 2, "a window always moves on");
        assert_eq!(window_end(text, 0, 1000), text.len());
    }

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
