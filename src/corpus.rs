//! Corpus mode: score JSON Lines records as a stream, or filter them.
//!
//! Records are read in batches, linted on every thread of rayon's pool and
//! written in input order (`parallel::ordered_map`), so memory is bounded by
//! the batches in flight, not by the input. Each record gets one output
//! line; in filter mode, the original bytes of the records that pass are
//! written unchanged, so mtlint can sit between two stages of a pipeline.

use crate::diagnostic::Diagnostic;
use crate::linter::Linter;
use crate::parallel;
use crate::report::{FileReport, json::finding};
use crate::score::{self, Verdict};
use crate::source::{Source, SourceKind};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

/// What a run does with each record.
#[derive(Debug, Clone)]
pub struct Options {
    pub text_field: String,
    pub id_field: String,
    pub kind: SourceKind,
    /// Add each record's findings to its output line.
    pub diagnostics: bool,
    /// Filter mode: keep records with one of these verdicts...
    pub keep: Vec<Verdict>,
    /// ...and a score at most this.
    pub max_score: Option<f64>,
    /// Records longer than this (without the line break) are bad records.
    pub max_record_bytes: usize,
    /// Records per batch handed to a thread.
    pub batch: usize,
    /// Print a progress line on standard error (for terminals).
    pub progress: bool,
}

impl Options {
    pub fn filtering(&self) -> bool {
        !self.keep.is_empty() || self.max_score.is_some()
    }

    fn passes(&self, verdict: Verdict, score: f64) -> bool {
        (self.keep.is_empty() || self.keep.contains(&verdict))
            && self.max_score.is_none_or(|limit| score <= limit)
    }
}

/// Where records come from: files, or `-` for standard input.
pub type Input = String;

/// Counts for the summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    pub records: usize,
    pub bad: usize,
    /// Inputs that could not be opened or read.
    pub failed_inputs: usize,
    pub verdicts: [usize; 3],
    pub kept: usize,
    pub rejected: usize,
    pub bytes: u64,
}

impl Stats {
    /// Exit 2 when any record or input was bad, as in file mode.
    pub fn exit_code(&self) -> i32 {
        if self.bad > 0 || self.failed_inputs > 0 {
            crate::cli::EXIT_ERROR
        } else {
            crate::cli::EXIT_CLEAN
        }
    }
}

/// One line read from an input.
struct Record {
    input: usize,
    line: usize,
    bytes: Vec<u8>,
    /// Set when the record is over the size limit: its length.
    oversize: Option<usize>,
}

enum Item {
    Record(Record),
    InputFailed { input: usize, reason: String },
}

/// What became of one item.
enum Done {
    Scored {
        bytes: Vec<u8>,
        output: String,
        verdict: Verdict,
        passes: bool,
    },
    Bad {
        input: usize,
        line: usize,
        id: Value,
        reason: String,
        bytes: Vec<u8>,
    },
    InputFailed {
        input: usize,
        reason: String,
    },
    /// A blank line: not a record.
    Blank,
}

/// Reads records, one line each, from the inputs in turn.
struct Reader<'a> {
    inputs: &'a [Input],
    next_input: usize,
    current: Option<(usize, Box<dyn BufRead + Send>, usize)>,
    max: usize,
    /// Keep the bytes of oversize records (they go to `--rejected`).
    keep_oversize: bool,
    batch: usize,
}

/// Bytes of a batch beyond which it is handed over even if not full: small
/// enough that the last batches keep every thread busy, large enough that
/// handing them over costs nothing.
const BATCH_BYTES: usize = 1 << 20;

impl Reader<'_> {
    fn open(name: &str) -> io::Result<Box<dyn BufRead + Send>> {
        if name == "-" {
            return Ok(Box::new(io::BufReader::with_capacity(1 << 20, io::stdin())));
        }
        let file = std::fs::File::open(name)?;
        if file.metadata()?.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            ));
        }
        Ok(Box::new(io::BufReader::with_capacity(1 << 20, file)))
    }

    fn next_item(&mut self) -> Option<Item> {
        loop {
            let Some((input, reader, line)) = self.current.as_mut() else {
                if self.next_input == self.inputs.len() {
                    return None;
                }
                let input = self.next_input;
                self.next_input += 1;
                match Reader::open(&self.inputs[input]) {
                    Ok(reader) => self.current = Some((input, reader, 0)),
                    Err(error) => {
                        return Some(Item::InputFailed {
                            input,
                            reason: crate::cli::describe_io_error(&error),
                        });
                    }
                }
                continue;
            };
            match read_line(reader.as_mut(), self.max, self.keep_oversize) {
                Ok(Some((bytes, oversize))) => {
                    *line += 1;
                    return Some(Item::Record(Record {
                        input: *input,
                        line: *line,
                        bytes,
                        oversize,
                    }));
                }
                Ok(None) => self.current = None,
                Err(error) => {
                    let input = *input;
                    self.current = None;
                    return Some(Item::InputFailed {
                        input,
                        reason: crate::cli::describe_io_error(&error),
                    });
                }
            }
        }
    }
}

impl Iterator for Reader<'_> {
    type Item = Vec<Item>;

    fn next(&mut self) -> Option<Vec<Item>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < self.batch && bytes < BATCH_BYTES {
            match self.next_item() {
                Some(item) => {
                    if let Item::Record(record) = &item {
                        bytes += record.bytes.len();
                    }
                    batch.push(item);
                }
                None => break,
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}

/// Reads one line, with its line break. A line longer than `max` bytes
/// (without its break) is consumed but, unless `keep` is set, not kept:
/// memory stays bounded whatever the input. Returns the bytes and, for an
/// oversize line, its length.
fn read_line(
    reader: &mut dyn BufRead,
    max: usize,
    keep: bool,
) -> io::Result<Option<(Vec<u8>, Option<usize>)>> {
    let mut buf = Vec::new();
    let mut total = 0usize;
    let mut dropped = false;
    // The last two bytes read, to measure a dropped line without its break.
    let mut tail = [0u8; 2];
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        let (n, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        total += n;
        for &b in &available[n.saturating_sub(2)..n] {
            tail = [tail[1], b];
        }
        if !dropped && !keep && total > max.saturating_add(2) {
            dropped = true;
            buf = Vec::new();
        }
        if !dropped {
            buf.extend_from_slice(&available[..n]);
        }
        reader.consume(n);
        if done {
            break;
        }
    }
    if total == 0 {
        return Ok(None);
    }
    let content = if dropped {
        let newline = usize::from(tail[1] == b'\n');
        let cr = usize::from(newline == 1 && tail[0] == b'\r');
        total - newline - cr
    } else {
        let mut end = buf.len();
        if buf[..end].ends_with(b"\n") {
            end -= 1;
        }
        if buf[..end].ends_with(b"\r") {
            end -= 1;
        }
        end
    };
    Ok(Some((buf, (content > max).then_some(content))))
}

/// Lints one record and writes its output line.
fn process(record: Record, linter: &Linter, options: &Options) -> Done {
    let Record {
        input,
        line,
        bytes,
        oversize,
    } = record;
    let bad = |id: Value, reason: String, bytes: Vec<u8>| Done::Bad {
        input,
        line,
        id,
        reason,
        bytes,
    };
    if let Some(length) = oversize {
        return bad(
            Value::Null,
            format!(
                "record is {length} bytes, over --max-record-bytes {}",
                options.max_record_bytes
            ),
            bytes,
        );
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Done::Blank;
    }
    let mut object = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            let kind = json_kind(&other);
            return bad(Value::Null, format!("not a JSON object but {kind}"), bytes);
        }
        Err(error) => return bad(Value::Null, format!("not JSON: {error}"), bytes),
    };
    let id = object
        .get(&options.id_field)
        .cloned()
        .unwrap_or(Value::Null);
    let text = match object.remove(&options.text_field) {
        Some(Value::String(text)) => text,
        Some(other) => {
            let reason = format!(
                "field \"{}\" is {}, not a string",
                options.text_field,
                json_kind(&other)
            );
            return bad(id, reason, bytes);
        }
        None => {
            let reason = format!("no \"{}\" field", options.text_field);
            return bad(id, reason, bytes);
        }
    };
    let source = Source::from_string("<record>", options.kind, text);
    let (words, diagnostics) = linter.diagnostics(&source);
    let score = score::score(diagnostics.iter().map(|d| d.severity), words);
    let verdict = Verdict::of(score);
    let output = output_line(id, words, score, verdict, &source, diagnostics, options);
    Done::Scored {
        bytes,
        output,
        verdict,
        passes: options.passes(verdict, score),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `{"id", "words", "score", "verdict", "counts": {family: n}}`, plus
/// `"diagnostics"` when asked for.
fn output_line(
    id: Value,
    words: usize,
    score: f64,
    verdict: Verdict,
    source: &Source,
    diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &diagnostics {
        let family = d.rule.split('/').next().unwrap_or(d.rule);
        *counts.entry(family).or_default() += 1;
    }
    let mut object = Map::new();
    object.insert("id".into(), id);
    object.insert("words".into(), words.into());
    object.insert("score".into(), score.into());
    object.insert("verdict".into(), verdict.as_str().into());
    object.insert(
        "counts".into(),
        Value::Object(
            counts
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.into()))
                .collect(),
        ),
    );
    if options.diagnostics {
        let report = FileReport::new(source, words, diagnostics);
        object.insert(
            "diagnostics".into(),
            Value::Array(report.findings.iter().map(finding).collect()),
        );
    }
    Value::Object(object).to_string()
}

/// Where the run writes.
pub struct Sinks<'a> {
    pub out: &'a mut dyn Write,
    pub rejected: Option<&'a mut dyn Write>,
    pub errors: &'a mut dyn Write,
}

/// Runs corpus mode over `inputs` and returns the counts.
pub fn run(
    inputs: &[Input],
    linter: &Linter,
    options: &Options,
    sinks: Sinks<'_>,
) -> io::Result<Stats> {
    let Sinks {
        out,
        mut rejected,
        errors,
    } = sinks;
    let reader = Reader {
        inputs,
        next_input: 0,
        current: None,
        max: options.max_record_bytes,
        keep_oversize: rejected.is_some(),
        batch: options.batch.max(1),
    };
    let filtering = options.filtering();
    let mut stats = Stats::default();
    let started = Instant::now();
    let mut last_progress = started;
    let window = 2 * rayon::current_num_threads();

    let name = |input: usize| -> &str {
        match inputs[input].as_str() {
            "-" => "<stdin>",
            name => name,
        }
    };
    let with_newline = |out: &mut dyn Write, bytes: &[u8]| -> io::Result<()> {
        out.write_all(bytes)?;
        if !bytes.ends_with(b"\n") {
            out.write_all(b"\n")?;
        }
        Ok(())
    };

    parallel::ordered_map(
        reader,
        window,
        |batch: Vec<Item>| -> Vec<Done> {
            batch
                .into_iter()
                .map(|item| match item {
                    Item::Record(record) => process(record, linter, options),
                    Item::InputFailed { input, reason } => Done::InputFailed { input, reason },
                })
                .collect()
        },
        |done: Vec<Done>| -> io::Result<()> {
            for item in done {
                match item {
                    Done::Blank => {}
                    Done::InputFailed { input, reason } => {
                        stats.failed_inputs += 1;
                        writeln!(errors, "mtlint: error: {}: {reason}", name(input))?;
                    }
                    Done::Bad {
                        input,
                        line,
                        id,
                        reason,
                        bytes,
                    } => {
                        stats.records += 1;
                        stats.bad += 1;
                        stats.bytes += bytes.len() as u64;
                        writeln!(errors, "mtlint: error: {}:{line}: {reason}", name(input))?;
                        if filtering {
                            stats.rejected += 1;
                            if let Some(rejected) = rejected.as_deref_mut() {
                                with_newline(rejected, &bytes)?;
                            }
                        } else {
                            let mut object = Map::new();
                            object.insert("id".into(), id);
                            object.insert("line".into(), line.into());
                            if inputs.len() > 1 {
                                object.insert("input".into(), name(input).into());
                            }
                            object.insert("error".into(), reason.into());
                            writeln!(out, "{}", Value::Object(object))?;
                        }
                    }
                    Done::Scored {
                        bytes,
                        output,
                        verdict,
                        passes,
                    } => {
                        stats.records += 1;
                        stats.bytes += bytes.len() as u64;
                        stats.verdicts[verdict as usize] += 1;
                        if !filtering {
                            writeln!(out, "{output}")?;
                        } else if passes {
                            stats.kept += 1;
                            with_newline(out, &bytes)?;
                        } else {
                            stats.rejected += 1;
                            if let Some(rejected) = rejected.as_deref_mut() {
                                with_newline(rejected, &bytes)?;
                            }
                        }
                    }
                }
            }
            if options.progress && last_progress.elapsed() >= Duration::from_secs(1) {
                last_progress = Instant::now();
                let seconds = started.elapsed().as_secs_f64();
                write!(
                    errors,
                    "\r\x1b[Kmtlint corpus: {} records, {:.1} MB, {:.1} MB/s",
                    stats.records,
                    stats.bytes as f64 / 1e6,
                    stats.bytes as f64 / 1e6 / seconds.max(1e-9)
                )?;
                errors.flush()?;
            }
            Ok(())
        },
    )?;
    if options.progress && started.elapsed() >= Duration::from_secs(1) {
        write!(errors, "\r\x1b[K")?;
    }
    Ok(stats)
}

/// The summary line for standard error.
pub fn summary(stats: &Stats, filtering: bool, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let megabytes = stats.bytes as f64 / 1e6;
    let [clean, suspect, garbled] = stats.verdicts;
    let mut line = format!(
        "mtlint corpus: {} records ({} bad): {clean} clean, {suspect} suspect, {garbled} garbled",
        stats.records, stats.bad
    );
    if filtering {
        line.push_str(&format!(
            "; kept {}, rejected {}",
            stats.kept, stats.rejected
        ));
    }
    line.push_str(&format!(
        "; {megabytes:.1} MB in {seconds:.2} s ({:.1} MB/s)",
        megabytes / seconds.max(1e-9)
    ));
    line
}

/// Parses a `--keep` value.
pub fn parse_verdict(text: &str) -> Option<Verdict> {
    match text {
        "clean" => Some(Verdict::Clean),
        "suspect" => Some(Verdict::Suspect),
        "garbled" => Some(Verdict::Garbled),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            text_field: "text".into(),
            id_field: "id".into(),
            kind: SourceKind::Text,
            diagnostics: false,
            keep: Vec::new(),
            max_score: None,
            max_record_bytes: 64,
            batch: 2,
            progress: false,
        }
    }

    #[test]
    fn lines_over_the_limit_are_consumed_without_being_kept() {
        let input = format!("{}\r\nshort\r\nlast", "x".repeat(1000));
        let mut reader = io::Cursor::new(input.as_bytes());
        let (bytes, over) = read_line(&mut reader, 64, false).unwrap().unwrap();
        assert!(bytes.is_empty() && over == Some(1000), "{over:?}");
        assert_eq!(
            read_line(&mut reader, 64, false).unwrap(),
            Some((b"short\r\n".to_vec(), None))
        );
        assert_eq!(
            read_line(&mut reader, 64, false).unwrap(),
            Some((b"last".to_vec(), None))
        );
        assert_eq!(read_line(&mut reader, 64, false).unwrap(), None);
        let mut reader = io::Cursor::new(input.as_bytes());
        let (bytes, over) = read_line(&mut reader, 64, true).unwrap().unwrap();
        assert_eq!((bytes.len(), over), (1002, Some(1000)));
    }

    #[test]
    fn exactly_the_limit_is_not_oversize() {
        let line = format!("{}\r\n", "y".repeat(64));
        let mut reader = io::Cursor::new(line.as_bytes());
        assert_eq!(read_line(&mut reader, 64, false).unwrap().unwrap().1, None);
    }

    #[test]
    fn keep_and_max_score_both_filter() {
        let mut o = options();
        o.keep = vec![Verdict::Clean, Verdict::Suspect];
        assert!(o.passes(Verdict::Suspect, 3.0));
        assert!(!o.passes(Verdict::Garbled, 9.0));
        o.max_score = Some(2.0);
        assert!(!o.passes(Verdict::Suspect, 3.0));
        assert!(o.passes(Verdict::Clean, 0.5));
    }
}
