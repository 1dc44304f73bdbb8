//! The arithmetic of the evaluation: precision, recall and F1 from counts,
//! Spearman's rank correlation and the area under the ROC curve. Kept apart
//! from the I/O so that tests check it on hand-computed cases.

/// Precision, recall and F1 from counts. A ratio with nothing to divide
/// is `None` (shown as `-`), not 0 or 1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Findings that hit a labelled span of their label.
    pub true_positives: usize,
    /// Findings outside every labelled span.
    pub false_positives: usize,
    /// Labelled records that some finding of the label hit.
    pub detected: usize,
    /// Labelled records.
    pub labelled: usize,
}

impl Counts {
    pub fn precision(&self) -> Option<f64> {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.detected, self.labelled)
    }

    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        if p + r == 0.0 {
            Some(0.0)
        } else {
            Some(2.0 * p * r / (p + r))
        }
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Ranks from 1, ties sharing the mean of the ranks they span.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = mean;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rank correlation: Pearson's correlation of the ranks, so
/// ties are handled. `None` when either side is constant.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    assert_eq!(x.len(), y.len());
    pearson(&ranks(x), &ranks(y))
}

fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    if x.len() < 2 {
        return None;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Area under the ROC curve of a score that should be higher for the
/// positives: the chance that a random positive outscores a random
/// negative, ties counting one half (the Mann-Whitney U statistic).
pub fn roc_auc(positives: &[f64], negatives: &[f64]) -> Option<f64> {
    if positives.is_empty() || negatives.is_empty() {
        return None;
    }
    let all: Vec<f64> = positives.iter().chain(negatives).copied().collect();
    let ranks = ranks(&all);
    let rank_sum: f64 = ranks[..positives.len()].iter().sum();
    let (p, n) = (positives.len() as f64, negatives.len() as f64);
    let u = rank_sum - p * (p + 1.0) / 2.0;
    Some(u / (p * n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn precision_recall_f1_by_hand() {
        let c = Counts {
            true_positives: 3,
            false_positives: 1,
            detected: 3,
            labelled: 6,
        };
        assert_eq!(c.precision(), Some(0.75));
        assert_eq!(c.recall(), Some(0.5));
        // 2 * 0.75 * 0.5 / 1.25
        assert!(close(c.f1().unwrap(), 0.6));
        assert_eq!(Counts::default().precision(), None);
        assert_eq!(Counts::default().f1(), None);
    }

    #[test]
    fn ties_share_their_mean_rank() {
        assert_eq!(ranks(&[10.0, 20.0, 10.0, 5.0]), vec![2.5, 4.0, 2.5, 1.0]);
    }

    #[test]
    fn spearman_by_hand() {
        assert!(close(
            spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]).unwrap(),
            1.0
        ));
        assert!(close(
            spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap(),
            -1.0
        ));
        // Ranks x = 1,2,3,4 and y = 2,1,4,3: d^2 sums to 4, so
        // rho = 1 - 6*4 / (4*15) = 0.6.
        assert!(close(
            spearman(&[1.0, 2.0, 3.0, 4.0], &[20.0, 10.0, 40.0, 30.0]).unwrap(),
            0.6
        ));
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), None);
    }

    #[test]
    fn auc_by_hand() {
        assert_eq!(roc_auc(&[3.0, 4.0], &[1.0, 2.0]), Some(1.0));
        assert_eq!(roc_auc(&[1.0, 2.0], &[3.0, 4.0]), Some(0.0));
        // Positives {2, 1}, negatives {1, 0}: (2>1) 1, (2>0) 1, (1=1) 0.5,
        // (1>0) 1, so 3.5 of 4 pairs.
        assert_eq!(roc_auc(&[2.0, 1.0], &[1.0, 0.0]), Some(0.875));
        // All tied: no information, 0.5.
        assert_eq!(roc_auc(&[0.0; 3], &[0.0; 5]), Some(0.5));
        assert_eq!(roc_auc(&[], &[1.0]), None);
    }
}
