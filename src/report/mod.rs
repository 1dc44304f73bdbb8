//! Reports: diagnostics with their byte spans turned into lines and columns,
//! once, through the line index. Formatters only print what is here.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::line_index::LineIndex;
use crate::score::{self, Verdict};
use crate::source::Source;
use std::io::{self, Write};

/// Where a span lies in the file: 1-based lines and columns (columns in
/// Unicode scalar values, end exclusive) and 0-based byte offsets into the
/// file as read (a BOM counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// The source line of a finding, cut to a window around it, with the
/// marked columns (0-based, in characters of `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub line: usize,
    pub text: String,
    pub mark_start: usize,
    pub mark_len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedFinding {
    pub location: Location,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixFinding {
    pub location: Location,
    pub replacement: String,
    pub safe: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    pub matched: String,
    pub related: Vec<RelatedFinding>,
    pub fix: Option<FixFinding>,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub path: String,
    pub words: usize,
    /// The garble score (see `score`).
    pub score: f64,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
    /// Findings beyond the per-file cap: counted in the score, not listed.
    pub omitted: usize,
}

/// An input that could not be linted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub path: String,
    pub message: String,
}

/// Counts a run keeps while file reports stream past: everything the
/// summary needs, and nothing that grows with the findings.
#[derive(Debug, Default)]
pub struct Totals {
    pub summary: Summary,
    /// How many files got each verdict: clean, suspect, garbled.
    pub verdicts: [usize; 3],
    /// The highest garble score and its file (the last of equals).
    pub worst: Option<(f64, String)>,
    /// Inputs that could not be read: they make the run exit 2.
    pub errors: Vec<InputProblem>,
    /// Inputs skipped on purpose (binary files): a note, not an error.
    pub skipped: Vec<InputProblem>,
    /// Findings over the per-file cap, counted but not listed.
    pub omitted: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Totals {
    /// Counts one file's report.
    pub fn add(&mut self, file: &FileReport) {
        self.summary.files += 1;
        self.omitted += file.omitted;
        for finding in &file.findings {
            self.summary.diagnostics += 1;
            match finding.severity {
                Severity::Error => self.summary.error += 1,
                Severity::Warning => self.summary.warning += 1,
                Severity::Info => self.summary.info += 1,
            }
        }
        self.verdicts[file.verdict as usize] += 1;
        if self
            .worst
            .as_ref()
            .is_none_or(|(score, _)| file.score >= *score)
        {
            self.worst = Some((file.score, file.path.clone()));
        }
    }
}

/// A report format, fed one file at a time so that nothing piles up: a
/// run's memory is bounded by the files in flight, not by all findings.
pub trait Emitter {
    /// Called once, before the first file.
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Called for each linted file, in input order.
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    /// Called once, after the last file, with the run's totals.
    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

/// Writes `text`, a pretty-printed JSON value, with every line indented by
/// `indent` spaces: how a streamed array item is nested in its document.
/// JSON strings never hold a raw newline, so lines are safe to indent.
pub(crate) fn write_indented(out: &mut dyn Write, text: &str, indent: usize) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(pad.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Most characters of a span shown, plus context either side.
const SNIPPET_WIDTH: usize = 100;
const SNIPPET_CONTEXT: usize = 40;

impl FileReport {
    /// The report without its findings (cheap: the findings are not cloned).
    pub fn clone_header(&self) -> FileReport {
        FileReport {
            path: self.path.clone(),
            words: self.words,
            score: self.score,
            verdict: self.verdict,
            findings: Vec::new(),
            omitted: self.omitted,
        }
    }

    pub fn new(source: &Source, words: usize, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport::with_omitted(source, words, diagnostics, [0; 3])
    }

    /// A report whose `diagnostics` were cut at a cap; `omitted` counts the
    /// rest by severity (error, warning, info) for the score.
    pub fn with_omitted(
        source: &Source,
        words: usize,
        diagnostics: Vec<Diagnostic>,
        omitted: [usize; 3],
    ) -> FileReport {
        let text = source.text.as_str();
        // Lines are indexed only as far as the last position reported (no
        // pass at all for a clean file): a huge file whose findings were
        // cut at the cap needs no index of the rest.
        let reach = diagnostics
            .iter()
            .flat_map(|d| {
                let related = d.related.iter().map(|r| r.span.end);
                let fix = d.fix.iter().map(|f| f.span.end);
                std::iter::once(d.span.end).chain(related).chain(fix)
            })
            .max();
        let index = LineIndex::new(&text[..indexed_prefix(text, reach)]);
        let locate = |span: Span| -> Location {
            let start = index.position(text, span.start);
            let end = index.position(text, span.end);
            Location {
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                byte_start: source.file_offset(span.start),
                byte_end: source.file_offset(span.end),
            }
        };
        let findings: Vec<Finding> = diagnostics
            .into_iter()
            .map(|d| {
                let location = locate(d.span);
                Finding {
                    rule: d.rule,
                    severity: d.severity,
                    message: d.message,
                    matched: d.span.text(text).to_owned(),
                    snippet: snippet(text, &index, d.span, location),
                    related: d
                        .related
                        .into_iter()
                        .map(|r| RelatedFinding {
                            location: locate(r.span),
                            message: r.message,
                        })
                        .collect(),
                    fix: d.fix.map(|f| FixFinding {
                        location: locate(f.span),
                        replacement: f.replacement,
                        safe: f.safe,
                    }),
                    location,
                }
            })
            .collect();
        let omitted_severities = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .zip(omitted)
            .flat_map(|(severity, n)| std::iter::repeat_n(severity, n));
        let score = score::score(
            findings
                .iter()
                .map(|f: &Finding| f.severity)
                .chain(omitted_severities),
            words,
        );
        FileReport {
            path: source.path.clone(),
            words,
            score,
            verdict: Verdict::of(score),
            findings,
            omitted: omitted.iter().sum(),
        }
    }
}

/// How much of `text` a line index must cover for positions up to `reach`:
/// through the line break after it, so that its line is whole.
fn indexed_prefix(text: &str, reach: Option<usize>) -> usize {
    let Some(reach) = reach else {
        return 0;
    };
    let bytes = text.as_bytes();
    let reach = reach.min(bytes.len());
    match memchr::memchr2(b'\n', b'\r', &bytes[reach..]) {
        Some(k) => {
            let at = reach + k;
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            }
        }
        None => bytes.len(),
    }
}

/// Cuts the finding's line to a window: the span (at most
/// `SNIPPET_WIDTH - SNIPPET_CONTEXT` characters of it) with up to
/// `SNIPPET_CONTEXT` characters either side. It walks only the window, never
/// the whole line, so that long lines stay cheap.
fn snippet(text: &str, index: &LineIndex, span: Span, location: Location) -> Snippet {
    let line_span = index.line_span(text, location.line - 1);
    let start = span.start.clamp(line_span.start, line_span.end);
    let end = span.end.clamp(start, line_span.end);
    let before: Vec<char> = text[line_span.start..start]
        .chars()
        .rev()
        .take(SNIPPET_CONTEXT + 1)
        .collect();
    let cut_before = before.len() > SNIPPET_CONTEXT;
    let max_mark = SNIPPET_WIDTH - SNIPPET_CONTEXT;
    let mut marked = text[start..end].chars();
    let mark: Vec<char> = marked.by_ref().take(max_mark).collect();
    let after_start = start + mark.iter().map(|c| c.len_utf8()).sum::<usize>();
    let after: Vec<char> = text[after_start..line_span.end]
        .chars()
        .take(SNIPPET_CONTEXT + 1)
        .collect();
    let cut_after = after.len() > SNIPPET_CONTEXT;
    let shown_before = before.len().min(SNIPPET_CONTEXT);
    let shown_after = after.len().min(SNIPPET_CONTEXT);

    let clean = |c: char| if c.is_control() { ' ' } else { c };
    let mut out = String::new();
    if cut_before {
        out.push('…');
    }
    out.extend(before[..shown_before].iter().rev().map(|&c| clean(c)));
    out.extend(mark.iter().map(|&c| clean(c)));
    out.extend(after[..shown_after].iter().map(|&c| clean(c)));
    if cut_after {
        out.push('…');
    }
    Snippet {
        line: location.line,
        text: out,
        mark_start: shown_before + usize::from(cut_before),
        mark_len: mark.len().max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceKind;

    fn report(bytes: &[u8], span: Span) -> Finding {
        let source = Source::from_bytes("t.txt", SourceKind::Text, bytes).unwrap();
        let d = Diagnostic::new("test/rule", Severity::Warning, span, "m".into());
        FileReport::new(&source, 0, vec![d]).findings.remove(0)
    }

    #[test]
    fn location_counts_bom_in_bytes_but_not_in_columns() {
        let f = report(b"\xEF\xBB\xBFab cd", Span::new(3, 5));
        assert_eq!(
            (f.location.line, f.location.column, f.location.end_column),
            (1, 4, 6)
        );
        assert_eq!((f.location.byte_start, f.location.byte_end), (6, 8));
        assert_eq!(f.matched, "cd");
    }

    #[test]
    fn location_is_right_after_crlf_tab_and_emoji() {
        let text = "x\r\n\t😀 e\u{301}t word";
        let start = text.find("word").unwrap();
        let f = report(text.as_bytes(), Span::new(start, start + 4));
        assert_eq!(
            (f.location.line, f.location.column, f.location.end_column),
            (2, 8, 12)
        );
        assert_eq!(f.location.byte_start, start);
    }

    #[test]
    fn positions_from_the_partial_line_index_match_the_whole_one() {
        // The index stops after the line of the last position reported;
        // every position, snippet and line end must be as with a whole one.
        let text = "one\r\ntwo words\r\n\r\nthree é😀 x\nfour\rfive\n".repeat(3);
        let whole = LineIndex::new(&text);
        for (start, _) in text.match_indices(['w', 'x', 'f', 'é']) {
            let end = start + text[start..].chars().next().unwrap().len_utf8();
            let f = report(text.as_bytes(), Span::new(start, end));
            let (a, b) = (whole.position(&text, start), whole.position(&text, end));
            assert_eq!(
                (
                    f.location.line,
                    f.location.column,
                    f.location.end_line,
                    f.location.end_column
                ),
                (a.line, a.column, b.line, b.column),
                "at {start}"
            );
            let line = whole.line_span(&text, a.line - 1);
            assert_eq!(f.snippet.text, text[line].replace('\r', " "), "at {start}");
        }
        assert_eq!(indexed_prefix("ab\r\ncd", Some(1)), 4);
        assert_eq!(indexed_prefix("ab\ncd", Some(4)), 5);
        assert_eq!(indexed_prefix("ab", None), 0);
    }

    #[test]
    fn long_line_snippet_is_a_window_around_the_span() {
        let text = format!("{} target {}", "a".repeat(500), "b".repeat(500));
        let start = text.find("target").unwrap();
        let f = report(text.as_bytes(), Span::new(start, start + 6));
        let shown: String = f
            .snippet
            .text
            .chars()
            .skip(f.snippet.mark_start)
            .take(f.snippet.mark_len)
            .collect();
        assert_eq!(shown, "target");
        assert!(f.snippet.text.chars().count() < 100);
        assert!(f.snippet.text.starts_with('…') && f.snippet.text.ends_with('…'));
    }
}
