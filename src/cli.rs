//! The command line: parse arguments, gather inputs, lint them in
//! parallel, print the report, and choose the exit code.

use crate::config;
use crate::diagnostic::Severity;
use crate::linter::Linter;
use crate::parallel;
use crate::report::{self, Emitter, FileReport, InputProblem, Totals, human::Style};
use crate::rules;
use crate::source::{Source, SourceKind, Unreadable};
use clap::{Args, Parser, Subcommand, ValueEnum};
use ignore::WalkBuilder;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

/// Exit codes, as ruff has them.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// Extensions picked up when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

#[derive(Parser, Debug)]
#[command(
    name = "mtlint",
    version,
    about = "Find the damage that machine translation, spinning, broken encodings and scraping leave in prose",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every rule: id, default severity, summary
    Rules {
        /// Print the full rule reference as Markdown (docs/rules.md)
        #[arg(long)]
        markdown: bool,
    },
    /// Print a rule's documentation, with a bad and a good example
    Explain {
        /// A rule id, such as `quotes/unclosed`
        id: String,
    },
    /// Run the language server on standard input and output
    Lsp,
    /// Score or filter JSON Lines records (one document per line) as a stream
    Corpus(Box<CorpusArgs>),
    /// Measure accuracy: alarms on clean text, precision and recall on
    /// labelled records, ranking of human-scored sentences
    Eval(Box<EvalArgs>),
    /// Print the effective configuration for a path: which file applies and
    /// which rules are on, at which severity
    Config {
        /// A file or directory (default: the current directory)
        path: Option<String>,
        /// Use this configuration file instead of discovering one
        #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
        config: Option<String>,
        /// Ignore all configuration files
        #[arg(long)]
        isolated: bool,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Jsonl,
    Github,
    Sarif,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FileType {
    Text,
    Markdown,
    Html,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Which rules run and how: shared by checking files and corpus mode.
#[derive(Args, Debug, Clone)]
struct RuleArgs {
    /// Only these rules or families (comma-separated), e.g. `quotes,fragment/verbless`
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    select: Vec<String>,
    /// Skip these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    ignore: Vec<String>,
    /// The language documents should be in (`en`, `eng`, `de`, ...)
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Extra tortured phrases: `phrase<TAB>expected[<TAB>context]` per line
    #[arg(long, value_name = "FILE")]
    phrases: Option<String>,
    /// Use this configuration file instead of discovering one
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<String>,
    /// Ignore all configuration files
    #[arg(long)]
    isolated: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input
    paths: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Lowest severity that makes the run exit 1 [default: warning]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit 0 even when there are findings (errors reading inputs still exit 2)
    #[arg(long)]
    exit_zero: bool,
    /// When to colour the output (`NO_COLOR` is respected under `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print only the summary
    #[arg(short, long)]
    quiet: bool,
    /// Write the report to this file; the summary still goes to the terminal
    #[arg(short = 'o', long, value_name = "PATH")]
    output_file: Option<String>,
    /// The name to report for text read from standard input
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Fail (exit 1) when a file's garble score is above N
    #[arg(long, value_name = "N")]
    max_score: Option<f64>,
    /// Read every input as this type instead of going by its extension
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    file_type: Option<FileType>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Number of threads (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Args, Debug)]
struct CorpusArgs {
    /// JSON Lines files; `-` or none reads standard input
    paths: Vec<String>,
    /// The field that holds each record's text
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// The field copied to the output as the record's id
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// How to read each record's text
    #[arg(long = "type", value_enum, default_value_t = FileType::Text, value_name = "TYPE")]
    file_type: FileType,
    /// Add each record's findings (the `json` format's fields, positions in the text)
    #[arg(long)]
    diagnostics: bool,
    /// Filter mode: write the records with these verdicts, unchanged (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "VERDICT", value_parser = ["clean", "suspect", "garbled"])]
    keep: Vec<String>,
    /// Filter mode: write the records with a garble score of at most N, unchanged
    #[arg(long, value_name = "N")]
    max_score: Option<f64>,
    /// In filter mode, write the records that do not pass (and bad records) here
    #[arg(long, value_name = "PATH")]
    rejected: Option<String>,
    /// Records longer than this many bytes are bad records
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    max_record_bytes: usize,
    /// Records per batch handed to a thread
    #[arg(long, default_value_t = 256, value_name = "N")]
    batch: usize,
    /// Write the output here instead of standard output
    #[arg(short = 'o', long, value_name = "PATH")]
    output_file: Option<String>,
    /// No summary or progress on standard error
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    rules: RuleArgs,
    /// Number of threads (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
struct EvalArgs {
    #[command(subcommand)]
    command: Option<EvalCommand>,
    /// Lint every file under DIR (or each row's text of a .tsv file) as text that should be clean
    #[arg(long, value_name = "DIR|FILE.tsv", group = "mode")]
    clean: Option<String>,
    /// Score labelled records (JSON Lines: id, text, label, span)
    #[arg(long, value_name = "FILE", group = "mode")]
    labelled: Option<String>,
    /// Rank sentences with a human quality score (TSV with a header row)
    #[arg(long, value_name = "FILE", group = "mode")]
    scored: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = EvalFormat::Human)]
    format: EvalFormat,
    /// --scored, --clean FILE.tsv: the column with the text
    #[arg(long, default_value = "mt", value_name = "NAME")]
    text_column: String,
    /// --scored: the column with the human score
    #[arg(long, default_value = "da_z", value_name = "NAME")]
    score_column: String,
    /// --scored: lower scores are better (HTER); by default higher is better (DA)
    #[arg(long)]
    lower_is_better: bool,
    /// --scored, --clean FILE.tsv: only rows where COLUMN equals VALUE (repeatable)
    #[arg(long = "where", value_name = "COLUMN=VALUE")]
    filters: Vec<String>,
    /// Only these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    select: Vec<String>,
    /// Skip these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    ignore: Vec<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum EvalFormat {
    Human,
    Json,
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Make labelled artifacts from clean text files: JSON Lines on stdout
    Inject {
        /// Text files, or directories of them; each blank-line paragraph is a record
        #[arg(required = true)]
        paths: Vec<String>,
        /// Seed for the choices made; the same seed gives the same records
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Only these labels (comma-separated; default all)
        #[arg(long, value_delimiter = ',', value_name = "LABEL")]
        labels: Vec<String>,
    },
}

/// One thing to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Stdin,
    File(String),
}

/// Runs the command line and returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Some(Command::Rules { markdown: true }) => out
            .write_all(rules::reference_markdown().as_bytes())
            .map(|_| EXIT_CLEAN),
        Some(Command::Rules { markdown: false }) => print_rules(&mut out).map(|_| EXIT_CLEAN),
        Some(Command::Explain { id }) => explain(&mut out, &id),
        Some(Command::Lsp) => {
            drop(out);
            return crate::lsp::run();
        }
        Some(Command::Config {
            path,
            config,
            isolated,
        }) => show_config(
            &mut out,
            path.as_deref().unwrap_or("."),
            config.as_deref(),
            isolated,
        ),
        Some(Command::Corpus(args)) => corpus(args, &mut out),
        Some(Command::Eval(args)) => eval(*args, &mut out),
        None => check(cli.check, &mut out),
    };
    let code = code.and_then(|code| out.flush().map(|_| code));
    match code {
        Ok(code) => code,
        // `mtlint ... | head`: the reader left; end quietly.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(error) => {
            eprintln!("mtlint: error: {error}");
            EXIT_ERROR
        }
    }
}

fn print_rules(out: &mut dyn Write) -> io::Result<()> {
    for rule in rules::ALL {
        let meta = rule.meta();
        writeln!(out, "{:<28} {:<8} {}", meta.id, meta.severity, meta.summary)?;
    }
    Ok(())
}

fn explain(out: &mut dyn Write, id: &str) -> io::Result<i32> {
    match rules::find(id) {
        Some(rule) => {
            let meta = rule.meta();
            writeln!(
                out,
                "# {}\n\nDefault severity: {}\n\n{}.\n\n{}",
                meta.id,
                meta.severity,
                meta.summary,
                meta.doc.trim_end()
            )?;
            Ok(EXIT_CLEAN)
        }
        None => {
            eprintln!("mtlint: error: unknown rule `{id}` (run `mtlint rules` to list them)");
            Ok(EXIT_ERROR)
        }
    }
}

fn check(args: CheckArgs, out: &mut dyn Write) -> io::Result<i32> {
    if args.paths.is_empty() {
        let mut command = <Cli as clap::CommandFactory>::command();
        eprintln!("{}", command.render_usage());
        eprintln!("mtlint: error: no paths given (use `-` to read standard input)");
        return Ok(EXIT_ERROR);
    }
    let mut profiles = Profiles::new(&args);
    if let Err(message) = profiles.check_cli(&args) {
        eprintln!("mtlint: error: {message}");
        return Ok(EXIT_ERROR);
    }
    set_threads(args.threads);

    let mut totals = Totals::default();
    let mut inputs = Vec::new();
    for path in &args.paths {
        gather(path, &mut inputs, &mut totals.errors, &mut totals.skipped);
    }
    inputs.sort_by(|a, b| input_name(&a.0, &args).cmp(input_name(&b.0, &args)));
    inputs.dedup_by(|a, b| a.0 == b.0);
    for skipped in &totals.skipped {
        eprintln!("mtlint: warning: {}: {}", skipped.path, skipped.message);
    }
    for error in &totals.errors {
        eprintln!("mtlint: error: {}: {}", error.path, error.message);
    }

    // Each input gets the profile of its closest configuration file.
    let mut jobs = Vec::with_capacity(inputs.len());
    for (input, walked) in inputs {
        let name = input_name(&input, &args).to_owned();
        match profiles.for_path(&name) {
            Ok(profile) => {
                let excluded = walked
                    && profile
                        .loaded
                        .as_ref()
                        .is_some_and(|l| config::filtered_out(l, Path::new(&name)));
                if !excluded {
                    jobs.push((input, profile));
                }
            }
            Err(message) => {
                eprintln!("mtlint: error: {message}");
                return Ok(EXIT_ERROR);
            }
        }
    }

    let style = Style {
        color: match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
    };
    let mut file_out = match &args.output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Some(io::BufWriter::new(file)),
            Err(error) => {
                eprintln!("mtlint: error: {path}: {}", describe_io_error(&error));
                return Ok(EXIT_ERROR);
            }
        },
        None => None,
    };
    // A report written to a file is never coloured.
    let file_style = Style {
        color: style.color && args.output_file.is_none(),
    };
    let mut emitter: Box<dyn Emitter> = match args.format {
        Format::Human => Box::new(report::human::Human {
            style: file_style,
            quiet: args.quiet,
        }),
        Format::Concise if args.quiet => Box::new(report::human::Human {
            style: file_style,
            quiet: true,
        }),
        Format::Concise => Box::new(report::concise::Concise),
        Format::Json => Box::new(report::json::Json::default()),
        Format::Jsonl => Box::new(report::jsonl::Jsonl),
        Format::Github => Box::new(report::github::Github),
        Format::Sarif => Box::new(report::sarif::Sarif::default()),
    };

    let mut failed = false;
    {
        let sink: &mut dyn Write = match file_out.as_mut() {
            Some(file) => file,
            None => &mut *out,
        };
        emitter.start(sink)?;
        // Reports stream out in input order as files finish; only the
        // files in flight are in memory.
        let window = 4 * rayon::current_num_threads();
        parallel::ordered_map(
            jobs.iter(),
            window,
            |(input, profile)| lint_input(input, &args, profile),
            |outcome| {
                match outcome {
                    Outcome::Linted(file, fails) => {
                        failed |= fails;
                        if file.omitted > 0 {
                            eprintln!(
                                "mtlint: warning: {}: {} findings; only the first {} are listed (all count in the score)",
                                file.path,
                                file.findings.len() + file.omitted,
                                file.findings.len()
                            );
                        }
                        totals.add(&file);
                        emitter.file(sink, &file)?;
                    }
                    Outcome::Skipped(problem) => {
                        eprintln!("mtlint: warning: {}: {}", problem.path, problem.message);
                        totals.skipped.push(problem);
                    }
                    Outcome::Failed(problem) => {
                        eprintln!("mtlint: error: {}: {}", problem.path, problem.message);
                        totals.errors.push(problem);
                    }
                }
                Ok::<(), io::Error>(())
            },
        )?;
        totals.errors.sort_by(|a, b| a.path.cmp(&b.path));
        emitter.finish(sink, &totals)?;
    }
    if let Some(mut file) = file_out {
        file.flush()?;
        report::human::write_summary(out, &totals, style)?;
    }
    Ok(if !totals.errors.is_empty() {
        EXIT_ERROR
    } else if failed && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// `mtlint corpus`: the rules come from the configuration found from the
/// current directory, as for a file there, and the command line.
fn corpus(args: Box<CorpusArgs>, out: &mut dyn Write) -> io::Result<i32> {
    let mut check_args = CheckArgs::parse_from_defaults();
    check_args.rules = args.rules.clone();
    let mut profiles = Profiles::new(&check_args);
    let profile = match profiles
        .check_cli(&check_args)
        .and_then(|()| profiles.for_path("-"))
    {
        Ok(profile) => profile,
        Err(message) => {
            eprintln!("mtlint: error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    set_threads(args.threads);
    let options = crate::corpus::Options {
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        kind: match args.file_type {
            FileType::Text => SourceKind::Text,
            FileType::Markdown => SourceKind::Markdown,
            FileType::Html => SourceKind::Html,
        },
        diagnostics: args.diagnostics,
        keep: args
            .keep
            .iter()
            .filter_map(|v| crate::corpus::parse_verdict(v))
            .collect(),
        max_score: args.max_score,
        max_record_bytes: args.max_record_bytes,
        batch: args.batch,
        progress: !args.quiet && io::stderr().is_terminal(),
    };
    if args.rejected.is_some() && !options.filtering() {
        eprintln!("mtlint: error: --rejected needs filter mode (--keep or --max-score)");
        return Ok(EXIT_ERROR);
    }
    let create = |path: &str| {
        std::fs::File::create(path)
            .map(io::BufWriter::new)
            .map_err(|error| format!("{path}: {}", describe_io_error(&error)))
    };
    let (mut file_out, mut rejected) = match (
        args.output_file.as_deref().map(create).transpose(),
        args.rejected.as_deref().map(create).transpose(),
    ) {
        (Ok(file_out), Ok(rejected)) => (file_out, rejected),
        (Err(message), _) | (_, Err(message)) => {
            eprintln!("mtlint: error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let inputs: Vec<String> = if args.paths.is_empty() {
        vec!["-".into()]
    } else {
        args.paths.clone()
    };
    let started = std::time::Instant::now();
    let stderr = io::stderr();
    let mut errors = stderr.lock();
    let stats = crate::corpus::run(
        &inputs,
        &profile.linter,
        &options,
        crate::corpus::Sinks {
            out: match file_out.as_mut() {
                Some(file) => file,
                None => out,
            },
            rejected: rejected.as_mut().map(|w| w as &mut dyn Write),
            errors: &mut errors,
        },
    )?;
    if let Some(mut file) = file_out {
        file.flush()?;
    }
    if let Some(mut file) = rejected {
        file.flush()?;
    }
    if !args.quiet {
        writeln!(
            errors,
            "{}",
            crate::corpus::summary(&stats, options.filtering(), started.elapsed())
        )?;
    }
    Ok(stats.exit_code())
}

/// `mtlint eval`: the default rules (no configuration file), so that
/// figures compare across machines.
fn eval(args: EvalArgs, out: &mut dyn Write) -> io::Result<i32> {
    if let Some(EvalCommand::Inject {
        paths,
        seed,
        labels,
    }) = &args.command
    {
        for label in labels {
            if !crate::eval::inject::LABELS.contains(&label.as_str()) {
                eprintln!(
                    "mtlint: error: unknown label `{label}` (labels: {})",
                    crate::eval::inject::LABELS.join(", ")
                );
                return Ok(EXIT_ERROR);
            }
        }
        let labels: Vec<&str> = if labels.is_empty() {
            crate::eval::inject::LABELS.to_vec()
        } else {
            labels.iter().map(String::as_str).collect()
        };
        let mut files = Vec::new();
        for path in paths {
            let path = Path::new(path);
            if path.is_dir() {
                let mut found: Vec<_> = std::fs::read_dir(path)?
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                    .collect();
                found.sort();
                files.extend(found);
            } else {
                files.push(path.to_path_buf());
            }
        }
        return match crate::eval::write_injected(&files, *seed, &labels, out) {
            Ok(count) => {
                eprintln!(
                    "mtlint eval inject: {count} records from {} files",
                    files.len()
                );
                Ok(EXIT_CLEAN)
            }
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Err(error),
            Err(error) => {
                eprintln!("mtlint: error: {}", describe_io_error(&error));
                Ok(EXIT_ERROR)
            }
        };
    }
    let linter = match Linter::new(&args.select, &args.ignore) {
        Ok(linter) => linter,
        Err(message) => {
            eprintln!("mtlint: error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let json = args.format == EvalFormat::Json;
    let fail = |message: String| {
        eprintln!("mtlint: error: {message}");
        Ok(EXIT_ERROR)
    };
    let mut filters = Vec::new();
    for filter in &args.filters {
        match filter.split_once('=') {
            Some((k, v)) => filters.push((k.to_owned(), v.to_owned())),
            None => return fail(format!("--where {filter}: expected COLUMN=VALUE")),
        }
    }
    if let Some(dir) = &args.clean {
        if dir.ends_with(".tsv") && Path::new(dir).is_file() {
            let text = match std::fs::read_to_string(dir) {
                Ok(text) => text,
                Err(error) => return fail(format!("{dir}: {}", describe_io_error(&error))),
            };
            let options = crate::eval::CleanTsvOptions {
                text_column: &args.text_column,
                filters: &filters,
            };
            return match crate::eval::clean_tsv(dir, &text, &options, &linter, json, out) {
                Ok(written) => written,
                Err(message) => fail(format!("{dir}: {message}")),
            };
        }
        return crate::eval::clean(Path::new(dir), &linter, json, out);
    }
    if let Some(path) = &args.labelled {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => return fail(format!("{path}: {}", describe_io_error(&error))),
        };
        let mut records = Vec::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            match serde_json::from_str::<crate::eval::Labelled>(line) {
                Ok(record) => records.push(record),
                Err(error) => return fail(format!("{path}:{}: {error}", n + 1)),
            }
        }
        return match crate::eval::score_labelled(&records, &linter) {
            Ok(report) => crate::eval::write_labelled(&report, json, out).map(|_| EXIT_CLEAN),
            Err(message) => fail(format!("{path}: {message}")),
        };
    }
    if let Some(path) = &args.scored {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => return fail(format!("{path}: {}", describe_io_error(&error))),
        };
        let options = crate::eval::ScoredOptions {
            text_column: &args.text_column,
            score_column: &args.score_column,
            lower_is_better: args.lower_is_better,
            filters: &filters,
        };
        return match crate::eval::scored(&text, &options, &linter) {
            Ok(report) => crate::eval::write_scored(&report, json, out).map(|_| EXIT_CLEAN),
            Err(message) => fail(format!("{path}: {message}")),
        };
    }
    fail("eval needs --clean DIR, --labelled FILE, --scored FILE or `inject`".into())
}

fn set_threads(threads: Option<usize>) {
    if let Some(threads) = threads {
        // Only fails if a pool was already built, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
}

/// Whether a file's report fails the run under its profile.
fn fails(file: &FileReport, profile: &Profile) -> bool {
    let threshold = match profile.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let max = file.findings.iter().map(|f| f.severity).max();
    let by_severity = matches!((threshold, max), (Some(t), Some(m)) if m >= t);
    let by_score = profile.max_score.is_some_and(|limit| file.score > limit);
    by_severity || by_score
}

/// What applies to the files under one configuration file (or none).
pub struct Profile {
    linter: Linter,
    fail_on: FailOn,
    max_score: Option<f64>,
    types: std::collections::BTreeMap<String, String>,
    loaded: Option<config::Loaded>,
}

/// Builds profiles for configuration files once, and finds the one for a path.
struct Profiles<'a> {
    args: &'a CheckArgs,
    by_config: std::collections::HashMap<Option<std::path::PathBuf>, std::sync::Arc<Profile>>,
    by_dir: std::collections::HashMap<std::path::PathBuf, Option<std::path::PathBuf>>,
    forced: Option<Option<config::Loaded>>,
}

impl<'a> Profiles<'a> {
    fn new(args: &'a CheckArgs) -> Self {
        Profiles {
            args,
            by_config: Default::default(),
            by_dir: Default::default(),
            forced: None,
        }
    }

    /// Checks what the command line alone can get wrong, before any file is read.
    fn check_cli(&mut self, args: &CheckArgs) -> Result<(), String> {
        if args.rules.isolated {
            self.forced = Some(None);
        } else if let Some(path) = &args.rules.config {
            let loaded = config::load(Path::new(path))?
                .ok_or_else(|| format!("{path}: no [tool.mtlint] table"))?;
            self.forced = Some(Some(loaded));
        }
        build_profile(args, None).map(|_| ())
    }

    fn for_path(&mut self, name: &str) -> Result<std::sync::Arc<Profile>, String> {
        let loaded = match &self.forced {
            Some(forced) => forced.clone(),
            None => {
                let path = if name == "-" {
                    Path::new(".")
                } else {
                    Path::new(name)
                };
                let dir = std::path::absolute(path)
                    .ok()
                    .and_then(|p| {
                        if p.is_dir() {
                            Some(p)
                        } else {
                            p.parent().map(Path::to_path_buf)
                        }
                    })
                    .unwrap_or_default();
                match self.by_dir.get(&dir) {
                    Some(known) => match known {
                        Some(config_path) => self
                            .by_config
                            .get(&Some(config_path.clone()))
                            .and_then(|p| p.loaded.clone()),
                        None => None,
                    },
                    None => {
                        let found = config::discover(&dir)?;
                        self.by_dir
                            .insert(dir, found.as_ref().map(|l| l.path.clone()));
                        found
                    }
                }
            }
        };
        let key = loaded.as_ref().map(|l| l.path.clone());
        if let Some(profile) = self.by_config.get(&key) {
            return Ok(profile.clone());
        }
        let profile = std::sync::Arc::new(build_profile(self.args, loaded)?);
        self.by_config.insert(key, profile.clone());
        Ok(profile)
    }
}

/// The command line over the configuration file.
fn build_profile(args: &CheckArgs, loaded: Option<config::Loaded>) -> Result<Profile, String> {
    let file = loaded
        .as_ref()
        .map(|l| l.config.clone())
        .unwrap_or_default();
    let mut linter = Linter::from_config(&file, &args.rules.select, &args.rules.ignore)?;
    if let Some(code) = &args.rules.lang {
        let lang = rules::language::parse_lang(code).ok_or_else(|| {
            format!("unknown language code `{code}` for --lang (use ISO 639-1 or 639-3, such as `en` or `eng`)")
        })?;
        linter.settings.lang = Some(lang);
    }
    if let Some(path) = &args.rules.phrases {
        let list = std::fs::read_to_string(path)
            .map_err(|e| describe_io_error(&e))
            .and_then(|text| rules::style::tortured_phrase::PhraseList::parse(&text))
            .map_err(|reason| format!("{path}: {reason}"))?;
        linter.settings.phrases = Some(std::sync::Arc::new(list));
    }
    let fail_on = match args.fail_on {
        Some(fail_on) => fail_on,
        None => match file.fail_on.as_deref() {
            Some("error") => FailOn::Error,
            Some("info") => FailOn::Info,
            Some("never") => FailOn::Never,
            _ => FailOn::Warning,
        },
    };
    Ok(Profile {
        linter,
        fail_on,
        max_score: args.max_score.or(file.max_score),
        types: file.types.clone().unwrap_or_default(),
        loaded,
    })
}

fn show_config(
    out: &mut dyn Write,
    path: &str,
    config_path: Option<&str>,
    isolated: bool,
) -> io::Result<i32> {
    let loaded = if isolated {
        Ok(None)
    } else if let Some(config_path) = config_path {
        config::load(Path::new(config_path))
    } else {
        config::discover(Path::new(path))
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("mtlint: error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let args = CheckArgs::parse_from_defaults();
    let profile = match build_profile(&args, loaded) {
        Ok(profile) => profile,
        Err(message) => {
            eprintln!("mtlint: error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    match &profile.loaded {
        Some(l) => writeln!(out, "config: {}", l.path.display())?,
        None => writeln!(out, "config: none (defaults)")?,
    }
    writeln!(
        out,
        "fail-on: {}",
        format!("{:?}", profile.fail_on).to_lowercase()
    )?;
    writeln!(
        out,
        "max-score: {}",
        profile
            .max_score
            .map_or("none".to_owned(), |m| m.to_string())
    )?;
    writeln!(
        out,
        "lang: {}",
        profile
            .linter
            .settings
            .lang
            .map_or("none".to_owned(), |l| l.code().to_owned())
    )?;
    for (extension, kind) in &profile.types {
        writeln!(out, "type: .{extension} = {kind}")?;
    }
    if let Some(l) = &profile.loaded {
        for glob in l.config.include.iter().flatten() {
            writeln!(out, "include: {glob}")?;
        }
        for glob in l.config.exclude.iter().flatten() {
            writeln!(out, "exclude: {glob}")?;
        }
    }
    for (id, options) in &profile.linter.settings.options {
        for (name, value) in options {
            writeln!(out, "option: {id}.{name} = {value}")?;
        }
    }
    writeln!(out, "rules:")?;
    for rule in rules::ALL {
        let id = rule.meta().id;
        match profile.linter.rules().iter().find(|r| r.meta().id == id) {
            Some(_) => writeln!(out, "  {id:<28} on   {}", profile.linter.severity_of(id))?,
            None => writeln!(out, "  {id:<28} off")?,
        }
    }
    Ok(EXIT_CLEAN)
}

impl CheckArgs {
    /// Arguments with every default, for `mtlint config`.
    fn parse_from_defaults() -> CheckArgs {
        <CheckArgs as clap::FromArgMatches>::from_arg_matches(
            &<CheckArgs as clap::Args>::augment_args(clap::Command::new("mtlint"))
                .get_matches_from(["mtlint"]),
        )
        .expect("defaults parse")
    }
}

enum Outcome {
    Linted(FileReport, bool),
    Skipped(InputProblem),
    Failed(InputProblem),
}

fn input_name<'a>(input: &'a Input, args: &'a CheckArgs) -> &'a str {
    match input {
        Input::Stdin => args.stdin_filename.as_deref().unwrap_or("-"),
        Input::File(path) => path,
    }
}

/// Expands one command-line path into inputs. Directories are walked with
/// the `ignore` crate, so `.gitignore` and hidden files are respected.
fn gather(
    path: &str,
    inputs: &mut Vec<(Input, bool)>,
    errors: &mut Vec<InputProblem>,
    skipped: &mut Vec<InputProblem>,
) {
    if path == "-" {
        inputs.push((Input::Stdin, false));
        return;
    }
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            errors.push(InputProblem {
                path: path.to_owned(),
                message: describe_io_error(&error),
            });
            return;
        }
    };
    if metadata.is_file() {
        inputs.push((Input::File(path.to_owned()), false));
    } else if metadata.is_dir() {
        for found in walk_dir(path) {
            match found {
                Ok(file) => inputs.push((Input::File(file), true)),
                Err(problem) => errors.push(problem),
            }
        }
    } else {
        skipped.push(InputProblem {
            path: path.to_owned(),
            message: "skipped: not a regular file or directory (a FIFO, socket or device)".into(),
        });
    }
}

/// The files under `dir` that mtlint reads (by `EXTENSIONS`), sorted, with
/// `.gitignore` honoured even outside a Git repository, as users expect;
/// entries that cannot be walked come as problems naming their path.
pub(crate) fn walk_dir(dir: &str) -> impl Iterator<Item = Result<String, InputProblem>> + '_ {
    WalkBuilder::new(dir)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build()
        .filter_map(move |entry| match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                (is_file && wanted).then(|| Ok(entry.path().to_string_lossy().into_owned()))
            }
            Err(error) => Some(Err(InputProblem {
                path: walk_error_path(&error).unwrap_or_else(|| dir.to_owned()),
                message: walk_error_reason(&error),
            })),
        })
}

fn walk_error_path(error: &ignore::Error) -> Option<String> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.to_string_lossy().into_owned()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

fn walk_error_reason(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_reason(err),
        ignore::Error::Io(io) => describe_io_error(io),
        ignore::Error::Loop { .. } => "skipped: symbolic link loop".into(),
        other => other.to_string(),
    }
}

pub fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => error.to_string(),
    }
}

fn lint_input(input: &Input, args: &CheckArgs, profile: &Profile) -> Outcome {
    let name = input_name(input, args).to_owned();
    let bytes = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        }
        Input::File(path) => std::fs::read(Path::new(path)),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            return Outcome::Failed(InputProblem {
                path: name,
                message: describe_io_error(&error),
            });
        }
    };
    let kind = match args.file_type {
        Some(FileType::Text) => SourceKind::Text,
        Some(FileType::Markdown) => SourceKind::Markdown,
        Some(FileType::Html) => SourceKind::Html,
        None => {
            let extension = Path::new(&name)
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match extension
                .and_then(|e| profile.types.get(&e))
                .map(String::as_str)
            {
                Some("markdown") => SourceKind::Markdown,
                Some("html") => SourceKind::Html,
                Some(_) => SourceKind::Text,
                None => SourceKind::from_path(&name),
            }
        }
    };
    match Source::from_vec(&name, kind, bytes) {
        Ok(source) => {
            let file = profile.linter.lint(&source);
            let fails = fails(&file, profile);
            Outcome::Linted(file, fails)
        }
        Err(Unreadable::Binary) => Outcome::Skipped(InputProblem {
            path: name,
            message: Unreadable::Binary.to_string(),
        }),
        Err(other) => Outcome::Failed(InputProblem {
            path: name,
            message: other.to_string(),
        }),
    }
}
