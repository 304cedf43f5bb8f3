//! Precision / recall / F1 from counts, shared by every evaluation command.

use std::collections::HashSet;
use std::hash::Hash;

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp as f64, (self.tp + self.fp) as f64)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp as f64, (self.tp + self.fn_) as f64)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// Count one comparison of a gold set with a predicted set.
    pub fn add_sets<T: Eq + Hash>(&mut self, gold: &HashSet<T>, pred: &HashSet<T>) {
        self.tp += gold.intersection(pred).count();
        self.fp += pred.difference(gold).count();
        self.fn_ += gold.difference(pred).count();
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sets() {
        let mut m = Prf::default();
        m.add_sets(&HashSet::from([1, 2, 3]), &HashSet::from([2, 3, 4, 5]));
        assert_eq!((m.tp, m.fp, m.fn_), (2, 2, 1));
        assert!((m.f1() - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(Prf::default().f1(), 0.0);
    }
}
