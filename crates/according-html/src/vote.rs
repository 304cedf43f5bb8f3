//! Paragraph voting between two extractors: a paragraph of the main extractor's output is kept
//! only when the second extractor also found most of its words, in the same order. Boilerplate
//! that one extractor lets through (share bars, teasers, cookie notices) rarely survives both.
use std::collections::HashSet;

use crate::eval::tokenize;

/// Longest word n-gram compared; shorter paragraphs are compared whole.
const N: usize = 4;
/// Share of a paragraph's n-grams the second extractor must also have.
pub const MIN_SUPPORT: f64 = 0.5;

/// All 1..=4-grams of a text's words, to test paragraphs of any length against it.
pub struct Evidence<'a> {
    grams: HashSet<&'a [&'a str]>,
}

impl<'a> Evidence<'a> {
    pub fn new(tokens: &'a [&'a str]) -> Self {
        let mut grams = HashSet::new();
        for n in 1..=N {
            grams.extend(tokens.windows(n));
        }
        Evidence { grams }
    }

    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }

    /// Share of the paragraph's n-grams (n = min(4, its length)) found in the evidence.
    pub fn support(&self, paragraph: &str) -> f64 {
        let tokens = tokenize(paragraph);
        if tokens.is_empty() {
            return 1.0;
        }
        let n = tokens.len().min(N);
        let windows = tokens.windows(n);
        let total = windows.len();
        let found = windows.filter(|w| self.grams.contains(w)).count();
        found as f64 / total as f64
    }
}

/// Keep the paragraphs the evidence supports; all of them when there is no evidence.
pub fn filter<'p>(paragraphs: &'p [String], evidence: &Evidence) -> Vec<&'p str> {
    paragraphs
        .iter()
        .filter(|p| evidence.is_empty() || evidence.support(p) >= MIN_SUPPORT)
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_supported_drops_unsupported() {
        let other = "The minister said the plan would cut costs. Short line";
        let tokens = tokenize(other);
        let ev = Evidence::new(&tokens);
        let pars = vec![
            "The minister said the plan would cut costs.".to_string(),
            "Share this article on Facebook and Twitter".to_string(),
            "Short line".to_string(),
        ];
        assert_eq!(
            filter(&pars, &ev),
            vec!["The minister said the plan would cut costs.", "Short line"]
        );
    }
}
