//! The default format: one header line per finding, then the source line
//! with the span underlined, as rustc and ruff print them, and a summary.

use super::{Emitter, FileReport, Finding, Totals};
use crate::diagnostic::Severity;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity_code(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        }
    }
}

pub fn write_finding(
    out: &mut dyn Write,
    path: &str,
    finding: &Finding,
    style: Style,
) -> io::Result<()> {
    let loc = finding.location;
    let code = Style::severity_code(finding.severity);
    writeln!(
        out,
        "{}:{}:{}: {}: {}",
        style.paint("1", path),
        loc.line,
        loc.column,
        style.paint(code, &format!("{}[{}]", finding.severity, finding.rule)),
        finding.message
    )?;
    let snippet = &finding.snippet;
    let gutter = snippet.line.to_string();
    let pad = " ".repeat(gutter.len());
    let bar = style.paint("1;34", "|");
    writeln!(out, "{pad} {bar}")?;
    writeln!(
        out,
        "{} {bar} {}",
        style.paint("1;34", &gutter),
        snippet.text
    )?;
    let marks = format!(
        "{}{}",
        " ".repeat(snippet.mark_start),
        "^".repeat(snippet.mark_len.max(1))
    );
    writeln!(out, "{pad} {bar} {}", style.paint(code, &marks))?;
    for related in &finding.related {
        writeln!(
            out,
            "{pad} = note: {} at {}:{}",
            related.message, related.location.line, related.location.column
        )?;
    }
    if let Some(fix) = &finding.fix {
        writeln!(out, "{pad} = fix: replace with \"{}\"", fix.replacement)?;
    }
    writeln!(out)
}

pub fn write_summary(out: &mut dyn Write, totals: &Totals, style: Style) -> io::Result<()> {
    let s = totals.summary;
    let files = plural(s.files, "file");
    if s.diagnostics == 0 {
        writeln!(
            out,
            "{} in {files}.",
            style.paint("1;32", "No problems found")
        )?;
    } else {
        writeln!(
            out,
            "Found {} ({}, {}, {}) in {files}.",
            plural(s.diagnostics, "problem"),
            plural(s.error, "error"),
            plural(s.warning, "warning"),
            plural(s.info, "info"),
        )?;
    }
    if totals.omitted > 0 {
        writeln!(
            out,
            "{} more findings over the limit of {} per file were counted in the scores but not listed.",
            totals.omitted,
            crate::linter::MAX_FINDINGS
        )?;
    }
    if let Some((score, path)) = &totals.worst
        && *score > 0.0
    {
        let [clean, suspect, garbled] = totals.verdicts;
        writeln!(
            out,
            "Garble score: {clean} clean, {suspect} suspect, {garbled} garbled; highest {score:.2} ({path}).",
        )?;
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 || word == "info" {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The default format; with `quiet`, only the summary.
pub struct Human {
    pub style: Style,
    pub quiet: bool,
}

impl Emitter for Human {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        if !self.quiet {
            for finding in &file.findings {
                write_finding(out, &file.path, finding, self.style)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        write_summary(out, totals, self.style)
    }
}
