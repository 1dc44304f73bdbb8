//! Configuration files: `mtlint.toml`, `.mtlint.toml`, or a `[tool.mtlint]`
//! table in `pyproject.toml`, found by walking up from each linted file; the
//! closest one wins. Command-line flags override the file.
//!
//! ```toml
//! select = ["quotes", "fragment"]
//! ignore = ["fragment/verbless"]
//! fail-on = "warning"
//! max-score = 5.0
//! lang = "en"
//! exclude = ["drafts/**"]
//!
//! [severity]
//! "fragment/verbless" = "info"
//!
//! [types]
//! mdx = "markdown"
//! ```

use crate::diagnostic::Severity;
use crate::rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAMES: [&str; 2] = ["mtlint.toml", ".mtlint.toml"];

#[derive(Debug, Default, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub fail_on: Option<String>,
    pub max_score: Option<f64>,
    pub lang: Option<String>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub severity: Option<BTreeMap<String, String>>,
    pub types: Option<BTreeMap<String, String>>,
    pub rules: Option<BTreeMap<String, toml::Table>>,
}

/// A configuration file that was read, and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: FileConfig,
}

impl Loaded {
    /// The directory globs are relative to.
    pub fn root(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(1, |at| text[..at].matches('\n').count() + 1)
}

/// Reads and checks one configuration file. Errors name the file, the line
/// and the key.
pub fn load(path: &Path) -> Result<Option<Loaded>, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{shown}: {}", crate::cli::describe_io_error(&e)))?;
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let config: FileConfig = if is_pyproject {
        let table: toml::Table =
            toml::from_str(&text).map_err(|e| format!("{shown}: {}", one_line(&e.to_string())))?;
        let Some(section) = table.get("tool").and_then(|t| t.get("mtlint")) else {
            return Ok(None);
        };
        section.clone().try_into().map_err(|e: toml::de::Error| {
            format!("{shown}: [tool.mtlint]: {}", one_line(&e.to_string()))
        })?
    } else {
        toml::from_str(&text).map_err(|e| format!("{shown}: {}", one_line(&e.to_string())))?
    };
    validate(&config, &text).map_err(|e| format!("{shown}: {e}"))?;
    Ok(Some(Loaded {
        path: path.to_owned(),
        config,
    }))
}

fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && *l != "|"
                && !l.starts_with('|')
                && !l.chars().all(|c| c == '^' || c == ' ')
        })
        .collect::<Vec<_>>()
        .join(": ")
}

fn validate(config: &FileConfig, text: &str) -> Result<(), String> {
    let patterns = config
        .select
        .iter()
        .flatten()
        .map(|p| ("select", p))
        .chain(config.ignore.iter().flatten().map(|p| ("ignore", p)))
        .chain(
            config
                .severity
                .iter()
                .flatten()
                .map(|(p, _)| ("severity", p)),
        );
    for (key, pattern) in patterns {
        if !rules::is_known_pattern(pattern) {
            return Err(format!(
                "line {}: `{key}`: unknown rule or family `{pattern}`",
                line_of(text, &format!("\"{pattern}\""))
            ));
        }
    }
    if let Some(value) = &config.fail_on
        && !matches!(value.as_str(), "error" | "warning" | "info" | "never")
    {
        return Err(format!(
            "line {}: `fail-on`: expected \"error\", \"warning\", \"info\" or \"never\", found \"{value}\"",
            line_of(text, "fail-on")
        ));
    }
    for (id, value) in config.severity.iter().flatten() {
        if Severity::parse(value).is_none() {
            return Err(format!(
                "line {}: `severity.\"{id}\"`: expected \"error\", \"warning\" or \"info\", found \"{value}\"",
                line_of(text, &format!("\"{id}\""))
            ));
        }
    }
    if let Some(lang) = &config.lang
        && rules::language::parse_lang(lang).is_none()
    {
        return Err(format!(
            "line {}: `lang`: unknown language code `{lang}`",
            line_of(text, "lang")
        ));
    }
    for (extension, kind) in config.types.iter().flatten() {
        if !matches!(kind.as_str(), "text" | "markdown" | "html") {
            return Err(format!(
                "line {}: `types.{extension}`: expected \"text\", \"markdown\" or \"html\", found \"{kind}\"",
                line_of(text, &format!("\"{kind}\""))
            ));
        }
    }
    for (id, options) in config.rules.iter().flatten() {
        let Some(rule) = rules::find(id) else {
            return Err(format!(
                "line {}: `rules.{id}`: unknown rule",
                line_of(text, id)
            ));
        };
        let known = rule.meta().options;
        for (key, value) in options {
            if !known.iter().any(|o| o.name == key) {
                let names: Vec<&str> = known.iter().map(|o| o.name).collect();
                return Err(format!(
                    "line {}: `rules.\"{id}\".{key}`: unknown option (this rule has: {})",
                    line_of(text, key),
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    }
                ));
            }
            if value.as_integer().is_none_or(|n| n <= 0) {
                return Err(format!(
                    "line {}: `rules.\"{id}\".{key}`: expected a positive integer, found {value}",
                    line_of(text, key)
                ));
            }
        }
    }
    for (key, globs) in [("include", &config.include), ("exclude", &config.exclude)] {
        for glob in globs.iter().flatten() {
            globset::Glob::new(glob)
                .map_err(|e| format!("line {}: `{key}`: {e}", line_of(text, glob)))?;
        }
    }
    Ok(())
}

impl FileConfig {
    /// The `[rules.<id>]` thresholds, checked by `validate`.
    pub fn rule_options(&self) -> BTreeMap<String, BTreeMap<String, usize>> {
        self.rules
            .iter()
            .flatten()
            .map(|(id, table)| {
                let values = table
                    .iter()
                    .filter_map(|(k, v)| Some((k.clone(), usize::try_from(v.as_integer()?).ok()?)))
                    .collect();
                (id.clone(), values)
            })
            .collect()
    }
}

/// Finds the closest configuration for `path` (a file or a directory),
/// walking up. `Ok(None)` when there is none.
pub fn discover(path: &Path) -> Result<Option<Loaded>, String> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut dir = if absolute.is_dir() {
        Some(absolute.as_path())
    } else {
        absolute.parent()
    };
    while let Some(current) = dir {
        for name in FILE_NAMES.iter().chain(["pyproject.toml"].iter()) {
            let candidate = current.join(name);
            if candidate.is_file()
                && let Some(loaded) = load(&candidate)?
            {
                return Ok(Some(loaded));
            }
        }
        dir = current.parent();
    }
    Ok(None)
}

/// Whether a walked file is excluded (or not included) by the config.
pub fn filtered_out(loaded: &Loaded, file: &Path) -> bool {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
    let relative = absolute.strip_prefix(loaded.root()).unwrap_or(&absolute);
    let matches = |globs: &Option<Vec<String>>| {
        globs.iter().flatten().any(|g| {
            globset::Glob::new(g)
                .map(|g| g.compile_matcher().is_match(relative))
                .unwrap_or(false)
        })
    };
    let included = loaded
        .config
        .include
        .as_ref()
        .is_none_or(|_| matches(&loaded.config.include));
    !included || matches(&loaded.config.exclude)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn valid_file_loads_every_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "mtlint.toml",
            "select = [\"quotes\"]\nignore = [\"quotes/unopened\"]\nfail-on = \"error\"\nmax-score = 4.5\nlang = \"en\"\nexclude = [\"drafts/**\"]\n[severity]\n\"quotes/unclosed\" = \"info\"\n[types]\nmdx = \"markdown\"\n",
        );
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(loaded.config.max_score, Some(4.5));
        assert_eq!(loaded.config.severity.unwrap()["quotes/unclosed"], "info");
    }

    #[test]
    fn unknown_key_names_the_file_line_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "mtlint.toml",
            "select = [\"quotes\"]\nfial-on = \"error\"\n",
        );
        let error = load(&path).unwrap_err();
        assert!(
            error.contains("mtlint.toml") && error.contains("line 2") && error.contains("fial-on"),
            "{error}"
        );
    }

    #[test]
    fn unknown_rule_and_wrong_type_are_errors_with_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "mtlint.toml", "\nignore = [\"quotes/nope\"]\n");
        let error = load(&path).unwrap_err();
        assert!(
            error.contains("line 2") && error.contains("quotes/nope"),
            "{error}"
        );
        let path = write(dir.path(), "mtlint.toml", "max-score = \"high\"\n");
        let error = load(&path).unwrap_err();
        assert!(
            error.contains("line 1") && error.contains("max-score"),
            "{error}"
        );
        let path = write(
            dir.path(),
            "mtlint.toml",
            "[rules.\"repetition/phrase\"]\nwindow = 3\n",
        );
        let error = load(&path).unwrap_err();
        assert!(error.contains("window"), "{error}");
    }

    #[test]
    fn rule_options_are_checked_by_name_and_type() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "mtlint.toml",
            "[rules.\"repetition/phrase\"]\nwindow = 3\n",
        );
        let error = load(&path).unwrap_err();
        assert!(
            error.contains("line 2") && error.contains("max-phrase"),
            "{error}"
        );
        let path = write(
            dir.path(),
            "mtlint.toml",
            "[rules.\"repetition/phrase\"]\nmax-phrase = \"six\"\n",
        );
        assert!(load(&path).unwrap_err().contains("positive integer"));
        let path = write(
            dir.path(),
            "mtlint.toml",
            "[rules.\"repetition/sentence\"]\nmin-words = 3\n",
        );
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(
            loaded.config.rule_options()["repetition/sentence"]["min-words"],
            3
        );
    }

    #[test]
    fn closest_file_wins_and_pyproject_counts() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "pyproject.toml",
            "[tool.mtlint]\nfail-on = \"never\"\n",
        );
        std::fs::create_dir(dir.path().join("docs")).unwrap();
        let file = write(&dir.path().join("docs"), "a.txt", "Text.");
        assert_eq!(
            discover(&file).unwrap().unwrap().config.fail_on.as_deref(),
            Some("never")
        );
        write(
            &dir.path().join("docs"),
            ".mtlint.toml",
            "fail-on = \"error\"\n",
        );
        assert_eq!(
            discover(&file).unwrap().unwrap().config.fail_on.as_deref(),
            Some("error")
        );
    }

    #[test]
    fn pyproject_without_a_section_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "pyproject.toml", "[project]\nname = \"x\"\n");
        assert_eq!(load(&path).unwrap(), None);
    }

    #[test]
    fn exclude_globs_are_relative_to_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "mtlint.toml", "exclude = [\"drafts/**\"]\n");
        let loaded = load(&path).unwrap().unwrap();
        assert!(filtered_out(&loaded, &dir.path().join("drafts/x.txt")));
        assert!(!filtered_out(&loaded, &dir.path().join("docs/x.txt")));
    }
}
