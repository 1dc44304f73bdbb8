//! Inline suppressions, written as HTML comments so that they are invisible
//! in rendered Markdown and HTML:
//!
//! - `<!-- mtlint-disable -->` or `<!-- mtlint-disable RULE, RULE -->` ...
//!   `<!-- mtlint-enable -->` (or `<!-- mtlint-enable RULE -->`)
//! - `<!-- mtlint-disable-next-line RULE -->`
//! - `<!-- mtlint-disable-file RULE -->`
//!
//! Rules are ids (`quotes/unclosed`) or families (`fragment`); none means all.
//! A suppression that suppresses nothing is reported as
//! `meta/unused-suppression`, as ruff reports an unused `noqa`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Span};
use crate::rules;

pub const UNUSED: &str = "meta/unused-suppression";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Range,
    NextLine,
    File,
}

#[derive(Debug)]
struct Suppression {
    comment: Span,
    kind: Kind,
    /// Empty: every rule.
    patterns: Vec<String>,
    /// The text it covers.
    covers: Span,
    used: bool,
}

impl Suppression {
    fn names(&self, rule: &str) -> bool {
        self.patterns.is_empty() || self.patterns.iter().any(|p| rules::matches(p, rule))
    }
}

/// Parses `mtlint-...` comments. Returns the directive, its rule patterns,
/// and the comment's span.
fn comments(text: &str) -> Vec<(Span, &str, Vec<String>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--") {
        let start = from + open;
        let Some(close) = text[start..].find("-->") else {
            break;
        };
        let end = start + close + 3;
        from = end;
        let body = text[start + 4..end - 3].trim();
        let Some(rest) = body.strip_prefix("mtlint-") else {
            continue;
        };
        let (directive, list) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let patterns = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        found.push((Span::new(start, end), directive, patterns));
    }
    found
}

/// Removes suppressed diagnostics and reports unused or malformed
/// suppressions (when `report_unused`).
pub fn apply(doc: &Document, diagnostics: &mut Vec<Diagnostic>, report_unused: bool) {
    let text = doc.text;
    if !text.contains("mtlint-") {
        return;
    }
    let mut suppressions: Vec<Suppression> = Vec::new();
    let mut problems = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (comment, directive, patterns) in comments(text) {
        for pattern in &patterns {
            if !rules::is_known_pattern(pattern) {
                problems.push(Diagnostic::new(
                    UNUSED,
                    Severity::Info,
                    comment,
                    format!("suppression names unknown rule `{pattern}`"),
                ));
            }
        }
        let line = doc.lines.partition_point(|l| l.end < comment.start);
        let (kind, covers) = match directive {
            "disable" => (Kind::Range, Span::new(comment.end, text.len())),
            "disable-next-line" => match doc.lines.get(line + 1) {
                Some(next) => (Kind::NextLine, *next),
                None => (Kind::NextLine, Span::new(text.len(), text.len())),
            },
            "disable-file" => (Kind::File, Span::new(0, text.len())),
            "enable" => {
                // Closes the most recent open range it names (all of them when bare).
                open.retain(|&k| {
                    let s: &mut Suppression = &mut suppressions[k];
                    let closes =
                        patterns.is_empty() || s.patterns.iter().any(|p| patterns.contains(p));
                    if closes {
                        s.covers.end = comment.start;
                    }
                    !closes
                });
                continue;
            }
            other => {
                problems.push(Diagnostic::new(
                    UNUSED,
                    Severity::Info,
                    comment,
                    format!("unknown suppression `mtlint-{other}`"),
                ));
                continue;
            }
        };
        if kind == Kind::Range {
            open.push(suppressions.len());
        }
        suppressions.push(Suppression {
            comment,
            kind,
            patterns,
            covers,
            used: false,
        });
    }
    // Next-line suppressions are found by line, so that a file with many of
    // them and many findings costs no more than the two lists.
    let mut by_line: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    let mut others = Vec::new();
    for (k, s) in suppressions.iter().enumerate() {
        if s.kind == Kind::NextLine {
            by_line.entry(s.covers.start).or_default().push(k);
        } else {
            others.push(k);
        }
    }
    diagnostics.retain(|d| {
        let line = doc.lines.partition_point(|l| l.end < d.span.start);
        let line_start = doc.lines.get(line).map_or(usize::MAX, |l| l.start);
        let candidates = by_line
            .get(&line_start)
            .into_iter()
            .flatten()
            .chain(&others);
        let mut kept = true;
        for &k in candidates {
            let s = &mut suppressions[k];
            if s.names(d.rule)
                && s.covers.start <= d.span.start
                && d.span.start < s.covers.end.max(s.covers.start + 1)
            {
                s.used = true;
                kept = false;
            }
        }
        kept
    });
    if report_unused {
        for s in suppressions.iter().filter(|s| !s.used) {
            let what = match s.kind {
                Kind::Range => "range",
                Kind::NextLine => "next line",
                Kind::File => "file",
            };
            let names = if s.patterns.is_empty() {
                "all rules".to_owned()
            } else {
                s.patterns.join(", ")
            };
            problems.push(Diagnostic::new(
                UNUSED,
                Severity::Info,
                s.comment,
                format!("suppression of {names} for this {what} suppresses nothing"),
            ));
        }
        diagnostics.extend(problems);
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
    }
}
