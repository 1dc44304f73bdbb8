//! The garble score: weighted findings per 1,000 words, and a verdict.
//!
//! Weights by severity: error 3, warning 1, info 0.25. Documents shorter
//! than 100 words count as 100 words, so that one finding in a headline does
//! not make it look worse than a long article full of damage.
//! Verdicts: `clean` below 1.0, `suspect` from 1.0 to below 5.0, `garbled`
//! from 5.0.

use crate::diagnostic::Severity;

pub const WEIGHT_ERROR: f64 = 3.0;
pub const WEIGHT_WARNING: f64 = 1.0;
pub const WEIGHT_INFO: f64 = 0.25;
pub const MIN_WORDS: usize = 100;
pub const SUSPECT_FROM: f64 = 1.0;
pub const GARBLED_FROM: f64 = 5.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Clean,
    Suspect,
    Garbled,
}

impl Verdict {
    pub fn of(score: f64) -> Verdict {
        if score >= GARBLED_FROM {
            Verdict::Garbled
        } else if score >= SUSPECT_FROM {
            Verdict::Suspect
        } else {
            Verdict::Clean
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Suspect => "suspect",
            Verdict::Garbled => "garbled",
        }
    }
}

fn weight(severity: Severity) -> f64 {
    match severity {
        Severity::Error => WEIGHT_ERROR,
        Severity::Warning => WEIGHT_WARNING,
        Severity::Info => WEIGHT_INFO,
    }
}

/// Weighted findings per 1,000 words, rounded to two decimals.
pub fn score(severities: impl Iterator<Item = Severity>, words: usize) -> f64 {
    // A fold from +0.0: `Sum` for floats starts at -0.0, which JSON shows.
    let total = severities.map(weight).fold(0.0, |a, b| a + b);
    let raw = total * 1000.0 / words.max(MIN_WORDS) as f64;
    (raw * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_weighs_severities_per_thousand_words() {
        let found = [Severity::Error, Severity::Warning, Severity::Info];
        assert_eq!(score(found.into_iter(), 1000), 4.25);
        assert_eq!(score(std::iter::empty(), 1000), 0.0);
        assert!(score(std::iter::empty(), 1000).is_sign_positive());
    }

    #[test]
    fn short_documents_count_as_a_hundred_words() {
        assert_eq!(score([Severity::Warning].into_iter(), 10), 10.0);
    }

    #[test]
    fn verdict_thresholds() {
        assert_eq!(Verdict::of(0.99), Verdict::Clean);
        assert_eq!(Verdict::of(1.0), Verdict::Suspect);
        assert_eq!(Verdict::of(5.0), Verdict::Garbled);
    }
}
