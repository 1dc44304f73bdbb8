//! `mtlint eval`: measure precision and recall. Three modes:
//!
//! - `--clean DIR`: every file should be clean; report alarms per 10,000
//!   words, per rule, with the worst examples in context.
//! - `--labelled FILE.jsonl`: records `{"id", "text", "label", "span"}`
//!   (made by `mtlint eval inject`, or by hand); report precision, recall and
//!   F1 per label and per rule. Which rule counts for which label is the
//!   table in `data/eval-labels.tsv`.
//! - `--scored FILE.tsv`: sentences with a human quality score; report how
//!   well the garble score ranks them (Spearman, ROC AUC, quartile means).

pub mod inject;
pub mod metrics;

use crate::diagnostic::{Diagnostic, Severity};
use crate::linter::Linter;
use crate::report::FileReport;
use crate::score;
use crate::source::{Source, SourceKind};
use metrics::Counts;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// Rule → label, from `data/eval-labels.tsv`.
pub fn label_table() -> Vec<(&'static str, &'static str)> {
    include_str!("../../data/eval-labels.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

fn label_of(table: &[(&'static str, &'static str)], rule: &str) -> Option<&'static str> {
    table.iter().find(|(r, _)| *r == rule).map(|(_, l)| *l)
}

fn per_10k(count: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / words as f64
    }
}

fn fmt_ratio(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:.3}"))
}

/// The rows of a tab-separated file with a header row and no quoting that
/// match every `COLUMN=VALUE` filter: each row's line (1-based, the header
/// being line 1) and its fields in `columns`, in that order. Rows short of
/// a column are left out.
fn tsv_rows<'a>(
    text: &'a str,
    columns: &[&str],
    filters: &[(String, String)],
) -> Result<Vec<(usize, Vec<&'a str>)>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("no column `{name}` (columns: {})", header.join(", ")))
    };
    let wanted: Vec<usize> = columns
        .iter()
        .map(|c| column(c))
        .collect::<Result<_, _>>()?;
    let filters: Vec<(usize, &str)> = filters
        .iter()
        .map(|(k, v)| column(k).map(|i| (i, v.as_str())))
        .collect::<Result<_, _>>()?;
    Ok(lines
        .enumerate()
        .filter_map(|(n, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if !filters.iter().all(|&(i, v)| fields.get(i) == Some(&v)) {
                return None;
            }
            let picked = wanted
                .iter()
                .map(|&i| fields.get(i).copied())
                .collect::<Option<_>>()?;
            Some((n + 2, picked))
        })
        .collect())
}

/// What `--clean` reads from a TSV file: each row's text is one clean
/// document, named `FILE:LINE`.
pub struct CleanTsvOptions<'a> {
    pub text_column: &'a str,
    pub filters: &'a [(String, String)],
}

/// `--clean FILE.tsv`: each row's text (with a header row, no quoting, as
/// `--scored` reads) linted as text that should be clean, such as the
/// human post-edits or references of a machine-translation set.
pub fn clean_tsv(
    path: &str,
    text: &str,
    options: &CleanTsvOptions,
    linter: &Linter,
    format_json: bool,
    out: &mut dyn Write,
) -> Result<io::Result<i32>, String> {
    let rows = tsv_rows(text, &[options.text_column], options.filters)?;
    if rows.is_empty() {
        return Err("no rows with a text".into());
    }
    let reports: Vec<Result<FileReport, String>> = rows
        .par_iter()
        .map(|(line, fields)| {
            let source = Source::from_text(&format!("{path}:{line}"), SourceKind::Text, fields[0]);
            Ok(linter.lint(&source))
        })
        .collect();
    Ok(write_clean(&reports, false, "rows", format_json, out))
}

/// `--clean`: the files under `dir` (as `mtlint` walks them).
pub fn clean(
    dir: &Path,
    linter: &Linter,
    format_json: bool,
    out: &mut dyn Write,
) -> io::Result<i32> {
    let mut paths = Vec::new();
    let mut failed = false;
    for found in crate::cli::walk_dir(&dir.to_string_lossy()) {
        match found {
            Ok(path) => paths.push(std::path::PathBuf::from(path)),
            Err(problem) => {
                eprintln!("mtlint: error: {}: {}", problem.path, problem.message);
                failed = true;
            }
        }
    }
    if paths.is_empty() {
        eprintln!(
            "mtlint: error: {}: no text files to evaluate",
            dir.display()
        );
        return Ok(crate::cli::EXIT_ERROR);
    }
    let reports: Vec<Result<FileReport, String>> = paths
        .par_iter()
        .map(|path| {
            let name = path.to_string_lossy();
            let bytes = std::fs::read(path)
                .map_err(|e| format!("{name}: {}", crate::cli::describe_io_error(&e)))?;
            let source = Source::from_vec(&name, SourceKind::from_path(&name), bytes)
                .map_err(|e| format!("{name}: {e}"))?;
            Ok(linter.lint(&source))
        })
        .collect();
    write_clean(&reports, failed, "files", format_json, out)
}

/// The figures of `--clean`: alarms per 10,000 words, per rule, and the
/// ten worst findings in context.
fn write_clean(
    reports: &[Result<FileReport, String>],
    mut failed: bool,
    unit: &str,
    format_json: bool,
    out: &mut dyn Write,
) -> io::Result<i32> {
    let mut words = 0;
    let mut rules: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut totals = [0usize; 3];
    let mut examples = Vec::new();
    for report in reports {
        let report = match report {
            Ok(report) => report,
            Err(message) => {
                eprintln!("mtlint: error: {message}");
                failed = true;
                continue;
            }
        };
        words += report.words;
        for f in &report.findings {
            let slot = match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            };
            rules.entry(f.rule).or_default()[slot] += 1;
            totals[slot] += 1;
            examples.push((f.severity, report.score, report.path.as_str(), f));
        }
    }
    // Worst first: severity, then the file's score, then position.
    examples.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    examples.truncate(10);
    let files = reports.iter().filter(|r| r.is_ok()).count();
    if format_json {
        let value = json!({
            "files": files,
            "words": words,
            "errors": totals[0],
            "warnings": totals[1],
            "infos": totals[2],
            "warnings_per_10k": per_10k(totals[0] + totals[1], words),
            "infos_per_10k": per_10k(totals[2], words),
            "rules": rules.iter().map(|(rule, c)| json!({
                "rule": rule, "errors": c[0], "warnings": c[1], "infos": c[2],
                "per_10k": per_10k(c[0] + c[1] + c[2], words),
            })).collect::<Vec<_>>(),
            "examples": examples.iter().map(|(_, _, path, f)| json!({
                "path": path, "line": f.location.line, "column": f.location.column,
                "rule": f.rule, "severity": f.severity.as_str(), "message": f.message,
                "context": f.snippet.text,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)?;
    } else {
        writeln!(out, "Clean text: {files} {unit}, {words} words")?;
        writeln!(
            out,
            "errors and warnings: {} ({:.2} per 10,000 words); infos: {} ({:.2} per 10,000 words)",
            totals[0] + totals[1],
            per_10k(totals[0] + totals[1], words),
            totals[2],
            per_10k(totals[2], words)
        )?;
        if !rules.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "{:<28} {:>7} {:>9} {:>6} {:>8}",
                "rule", "errors", "warnings", "infos", "per 10k"
            )?;
            for (rule, c) in &rules {
                writeln!(
                    out,
                    "{rule:<28} {:>7} {:>9} {:>6} {:>8.2}",
                    c[0],
                    c[1],
                    c[2],
                    per_10k(c[0] + c[1] + c[2], words)
                )?;
            }
            writeln!(out)?;
            writeln!(out, "Worst examples:")?;
            for (_, _, path, f) in &examples {
                writeln!(
                    out,
                    "{path}:{}:{}: {}[{}]: {}\n    | {}",
                    f.location.line,
                    f.location.column,
                    f.severity,
                    f.rule,
                    f.message,
                    f.snippet.text
                )?;
            }
        }
    }
    Ok(if failed {
        crate::cli::EXIT_ERROR
    } else {
        crate::cli::EXIT_CLEAN
    })
}

/// One record of a labelled set.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Labelled {
    pub id: Value,
    pub text: String,
    pub label: Option<String>,
    pub span: Option<[usize; 2]>,
}

/// The byte range of a span of Unicode scalar values.
fn byte_span(text: &str, span: [usize; 2]) -> Option<(usize, usize)> {
    let mut offsets = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let start = offsets.nth(span[0])?;
    let end = if span[1] == span[0] {
        start
    } else {
        offsets.nth(span[1] - span[0] - 1)?
    };
    (span[0] <= span[1]).then_some((start, end))
}

fn overlaps(d: &Diagnostic, (start, end): (usize, usize)) -> bool {
    // Empty spans count as their first character.
    let (ds, de) = (d.span.start, d.span.end.max(d.span.start + 1));
    ds < end.max(start + 1) && start < de
}

/// Counts of the labelled evaluation, per label and per rule.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LabelledReport {
    pub records: usize,
    pub by_label: BTreeMap<String, Counts>,
    pub by_rule: BTreeMap<String, Counts>,
    /// Findings that hit a labelled span of another label (not counted as
    /// false alarms: an injected artifact may rightly trip a second rule).
    pub crossed: BTreeMap<String, usize>,
}

/// Scores records against their labels. A record's label counts as
/// detected when a finding of a rule mapped to that label overlaps its
/// span; a finding is a true positive when it does that, and a false
/// positive when it overlaps no labelled span at all.
pub fn score_labelled(records: &[Labelled], linter: &Linter) -> Result<LabelledReport, String> {
    let table = label_table();
    type Linted = (Option<String>, Vec<Diagnostic>, Option<(usize, usize)>);
    let results: Vec<Result<Linted, String>> = records
        .par_iter()
        .map(|record| {
            let span = match (&record.label, record.span) {
                (Some(_), Some(span)) => Some(byte_span(&record.text, span).ok_or_else(|| {
                    format!("record {}: span {span:?} is outside its text", record.id)
                })?),
                (Some(_), None) => {
                    return Err(format!("record {}: a label needs a span", record.id));
                }
                _ => None,
            };
            let source = Source::from_text("<record>", SourceKind::Text, &record.text);
            Ok((record.label.clone(), linter.diagnostics(&source).1, span))
        })
        .collect();
    let mut report = LabelledReport {
        records: records.len(),
        ..LabelledReport::default()
    };
    for (_, label) in &table {
        report.by_label.entry((*label).to_owned()).or_default();
    }
    for result in results {
        let (label, found, span) = result?;
        if let Some(label) = &label {
            report.by_label.entry(label.clone()).or_default().labelled += 1;
            for (rule, rule_label) in &table {
                if rule_label == label {
                    report
                        .by_rule
                        .entry((*rule).to_owned())
                        .or_default()
                        .labelled += 1;
                }
            }
        }
        let mut label_hit = false;
        let mut rules_hit: Vec<&str> = Vec::new();
        for d in &found {
            let Some(rule_label) = label_of(&table, d.rule) else {
                continue;
            };
            let on_span = span.is_some_and(|s| overlaps(d, s));
            let rule_counts = report.by_rule.entry(d.rule.to_owned()).or_default();
            if on_span && label.as_deref() == Some(rule_label) {
                rule_counts.true_positives += 1;
                report
                    .by_label
                    .entry(rule_label.to_owned())
                    .or_default()
                    .true_positives += 1;
                label_hit = true;
                if !rules_hit.contains(&d.rule) {
                    rules_hit.push(d.rule);
                }
            } else if on_span {
                *report.crossed.entry(d.rule.to_owned()).or_default() += 1;
            } else {
                rule_counts.false_positives += 1;
                report
                    .by_label
                    .entry(rule_label.to_owned())
                    .or_default()
                    .false_positives += 1;
            }
        }
        if let (true, Some(label)) = (label_hit, &label) {
            report.by_label.entry(label.clone()).or_default().detected += 1;
        }
        for rule in rules_hit {
            report.by_rule.entry(rule.to_owned()).or_default().detected += 1;
        }
    }
    Ok(report)
}

pub fn write_labelled(
    report: &LabelledReport,
    format_json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let row = |c: &Counts| {
        json!({
            "labelled": c.labelled, "detected": c.detected,
            "true_positives": c.true_positives, "false_positives": c.false_positives,
            "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
        })
    };
    if format_json {
        let value = json!({
            "records": report.records,
            "labels": report.by_label.iter().map(|(k, c)| (k.clone(), row(c))).collect::<serde_json::Map<_, _>>(),
            "rules": report.by_rule.iter().map(|(k, c)| (k.clone(), row(c))).collect::<serde_json::Map<_, _>>(),
            "crossed": report.crossed,
        });
        serde_json::to_writer_pretty(&mut *out, &value)?;
        return writeln!(out);
    }
    writeln!(out, "Labelled records: {}", report.records)?;
    for (title, table) in [("label", &report.by_label), ("rule", &report.by_rule)] {
        writeln!(out)?;
        writeln!(
            out,
            "{title:<28} {:>8} {:>8} {:>7} {:>9} {:>9} {:>7}",
            "records", "detected", "recall", "hits", "alarms", "prec.",
        )?;
        for (name, c) in table.iter() {
            writeln!(
                out,
                "{name:<28} {:>8} {:>8} {:>7} {:>9} {:>9} {:>7}   F1 {}",
                c.labelled,
                c.detected,
                fmt_ratio(c.recall()),
                c.true_positives,
                c.false_positives,
                fmt_ratio(c.precision()),
                fmt_ratio(c.f1()),
            )?;
        }
    }
    if !report.crossed.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Findings on another label's span (not counted): {:?}",
            report.crossed
        )?;
    }
    Ok(())
}

/// The ranking figures of `--scored`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredReport {
    pub rows: usize,
    /// Spearman between the garble score and badness (higher = worse).
    pub spearman: Option<f64>,
    /// ROC AUC of the garble score, worst quarter against best quarter.
    pub auc: Option<f64>,
    /// Mean garble score per quartile, worst first.
    pub quartile_means: [f64; 4],
    /// Share of rows with any finding, per quartile, worst first.
    pub quartile_flagged: [f64; 4],
}

/// Ranks `(garble, badness)` pairs: how well the garble score orders rows
/// by their human badness.
pub fn rank_scores(pairs: &[(f64, f64)]) -> ScoredReport {
    let garble: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let badness: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    // Worst first; ties in badness keep input order.
    order.sort_by(|&a, &b| badness[b].total_cmp(&badness[a]));
    let n = pairs.len();
    let quarter = |q: usize| &order[q * n / 4..(q + 1) * n / 4];
    let mut means = [0.0; 4];
    let mut flagged = [0.0; 4];
    for (q, (mean, share)) in means.iter_mut().zip(flagged.iter_mut()).enumerate() {
        let rows = quarter(q);
        if !rows.is_empty() {
            *mean = rows.iter().map(|&i| garble[i]).sum::<f64>() / rows.len() as f64;
            *share = rows.iter().filter(|&&i| garble[i] > 0.0).count() as f64 / rows.len() as f64;
        }
    }
    let worst: Vec<f64> = quarter(0).iter().map(|&i| garble[i]).collect();
    let best: Vec<f64> = quarter(3).iter().map(|&i| garble[i]).collect();
    ScoredReport {
        rows: n,
        spearman: metrics::spearman(&garble, &badness),
        auc: metrics::roc_auc(&worst, &best),
        quartile_means: means,
        quartile_flagged: flagged,
    }
}

/// What `--scored` reads from a TSV file.
pub struct ScoredOptions<'a> {
    pub text_column: &'a str,
    pub score_column: &'a str,
    pub lower_is_better: bool,
    pub filters: &'a [(String, String)],
}

/// Reads a TSV file with a header row, no quoting, and scores its rows.
pub fn scored(
    text: &str,
    options: &ScoredOptions,
    linter: &Linter,
) -> Result<ScoredReport, String> {
    let rows: Vec<(&str, f64)> = tsv_rows(
        text,
        &[options.text_column, options.score_column],
        options.filters,
    )?
    .into_iter()
    .filter_map(|(_, fields)| Some((fields[0], fields[1].trim().parse().ok()?)))
    .collect();
    if rows.is_empty() {
        return Err("no rows with a text and a numeric score".into());
    }
    let pairs: Vec<(f64, f64)> = rows
        .par_iter()
        .map(|&(text, quality)| {
            let source = Source::from_text("<row>", SourceKind::Text, text);
            let (words, found) = linter.diagnostics(&source);
            let garble = score::score(found.iter().map(|d| d.severity), words);
            let badness = if options.lower_is_better {
                quality
            } else {
                -quality
            };
            (garble, badness)
        })
        .collect();
    Ok(rank_scores(&pairs))
}

pub fn write_scored(
    report: &ScoredReport,
    format_json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format_json {
        let value = json!({
            "rows": report.rows,
            "spearman": report.spearman,
            "auc_worst_vs_best_quarter": report.auc,
            "quartile_mean_score": report.quartile_means,
            "quartile_flagged": report.quartile_flagged,
        });
        serde_json::to_writer_pretty(&mut *out, &value)?;
        return writeln!(out);
    }
    writeln!(out, "Scored rows: {}", report.rows)?;
    writeln!(
        out,
        "Spearman (garble score vs badness): {}",
        fmt_ratio(report.spearman)
    )?;
    writeln!(
        out,
        "ROC AUC, worst quarter vs best quarter: {}",
        fmt_ratio(report.auc)
    )?;
    writeln!(
        out,
        "{:<10} {:>12} {:>10}",
        "quartile", "mean score", "flagged"
    )?;
    for (q, name) in ["worst", "second", "third", "best"].iter().enumerate() {
        writeln!(
            out,
            "{name:<10} {:>12.3} {:>9.1}%",
            report.quartile_means[q],
            100.0 * report.quartile_flagged[q]
        )?;
    }
    Ok(())
}

/// `mtlint eval inject`: the paragraphs of each text file as clean
/// records, each followed by one record per label that applies to it.
pub fn write_injected(
    paths: &[std::path::PathBuf],
    seed: u64,
    labels: &[&str],
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut count = 0;
    for path in paths {
        let text = std::fs::read_to_string(path)?;
        let name = path
            .file_name()
            .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
        for (p, paragraph) in text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| p.split_whitespace().count() >= 5)
            .enumerate()
        {
            let id = format!("{name}#{p}");
            let record = json!({"id": id, "text": paragraph, "label": null, "span": null});
            writeln!(out, "{record}")?;
            count += 1;
            for label in labels {
                // One generator per record, so that adding a label or a file
                // does not change the others.
                let mut rng = inject::Rng::new(seed ^ fnv(&format!("{id}/{label}")));
                if let Some(injected) = inject::inject(label, paragraph, &mut rng) {
                    let record = json!({
                        "id": format!("{id}/{label}"),
                        "text": injected.text,
                        "label": label,
                        "span": injected.char_span(),
                    });
                    writeln!(out, "{record}")?;
                    count += 1;
                }
            }
        }
    }
    Ok(count)
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_table_names_real_rules_and_injector_labels() {
        let table = label_table();
        assert!(table.len() >= 11);
        for (rule, label) in &table {
            assert!(crate::rules::find(rule).is_some(), "unknown rule {rule}");
            assert!(inject::LABELS.contains(label), "unknown label {label}");
        }
        for label in inject::LABELS {
            assert!(
                table.iter().any(|(_, l)| l == label),
                "no rule counts for {label}"
            );
        }
    }

    #[test]
    fn char_spans_become_byte_spans() {
        assert_eq!(byte_span("aé b", [1, 3]), Some((1, 4)));
        assert_eq!(byte_span("aé b", [4, 4]), Some((5, 5)));
        assert_eq!(byte_span("ab", [1, 5]), None);
    }

    fn record(text: &str, label: Option<&str>, span: Option<[usize; 2]>) -> Labelled {
        Labelled {
            id: json!(text),
            text: text.into(),
            label: label.map(str::to_owned),
            span,
        }
    }

    #[test]
    fn labelled_counts_by_hand() {
        let linter = Linter::new(&["repetition/word".into(), "punct/doubled".into()], &[]).unwrap();
        let records = vec![
            // Detected: `the the` overlaps the span.
            record(
                "We saw the the river.",
                Some("repeated-phrase"),
                Some([7, 14]),
            ),
            // Missed: the finding is elsewhere, and counts as a false alarm.
            record(
                "It was was late. We saw the river.",
                Some("repeated-phrase"),
                Some([19, 28]),
            ),
            // Clean record with a finding: a false alarm of punct/doubled.
            record("Stop,, now.", None, None),
            // A finding of another label on the span: crossed, not counted.
            record("A b,, c.", Some("repeated-phrase"), Some([0, 8])),
        ];
        let report = score_labelled(&records, &linter).unwrap();
        let repeated = report.by_label["repeated-phrase"];
        assert_eq!(repeated.labelled, 3);
        assert_eq!(repeated.detected, 1);
        assert_eq!((repeated.true_positives, repeated.false_positives), (1, 1));
        assert_eq!(repeated.precision(), Some(0.5));
        assert!((repeated.recall().unwrap() - 1.0 / 3.0).abs() < 1e-9);
        let doubled = report.by_label["doubled-punct"];
        assert_eq!(
            (
                doubled.labelled,
                doubled.true_positives,
                doubled.false_positives
            ),
            (0, 0, 1)
        );
        assert_eq!(report.crossed.get("punct/doubled"), Some(&1));
        assert_eq!(report.by_rule["repetition/word"].detected, 1);
        assert_eq!(report.by_rule["repetition/word"].labelled, 3);
    }

    #[test]
    fn a_label_without_a_span_or_a_span_outside_the_text_is_an_error() {
        let linter = Linter::new(&[], &[]).unwrap();
        assert!(score_labelled(&[record("abc", Some("fragment"), None)], &linter).is_err());
        assert!(score_labelled(&[record("abc", Some("fragment"), Some([2, 9]))], &linter).is_err());
    }

    #[test]
    fn ranking_by_hand() {
        // Badness 8..1; garble high for the worst two, zero for the rest.
        let pairs: Vec<(f64, f64)> = [
            (5.0, 8.0),
            (3.0, 7.0),
            (0.0, 6.0),
            (1.0, 5.0),
            (0.0, 4.0),
            (0.0, 3.0),
            (0.0, 2.0),
            (2.0, 1.0),
        ]
        .into_iter()
        .collect();
        let report = rank_scores(&pairs);
        assert_eq!(report.quartile_means, [4.0, 0.5, 0.0, 1.0]);
        assert_eq!(report.quartile_flagged, [1.0, 0.5, 0.0, 0.5]);
        // Worst {5, 3} against best {0, 2}: all four pairs won.
        assert_eq!(report.auc, Some(1.0));
        assert!(report.spearman.unwrap() > 0.0);
    }

    #[test]
    fn scored_reads_named_columns_and_filters() {
        let linter = Linter::new(&["repetition/word".into()], &[]).unwrap();
        let tsv = "id\tmt\tda\tset\n1\tThe the end.\t-1.5\ta\n2\tA fine end.\t0.9\ta\n3\tThe the end.\t0.5\tb\n4\tAll good here.\t0.2\ta\n5\tIt is is.\tx\ta\n6\tWell said.\t0.4\ta\n";
        let filters = [("set".to_owned(), "a".to_owned())];
        let options = ScoredOptions {
            text_column: "mt",
            score_column: "da",
            lower_is_better: false,
            filters: &filters,
        };
        let report = scored(tsv, &options, &linter).unwrap();
        assert_eq!(report.rows, 4, "row 3 filtered out, row 5 has no number");
        assert_eq!(report.auc, Some(1.0));
        let bad = ScoredOptions {
            score_column: "hter",
            ..options
        };
        assert!(
            scored(tsv, &bad, &linter)
                .unwrap_err()
                .contains("no column `hter`")
        );
    }
}
