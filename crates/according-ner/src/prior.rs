//! Capitalisation prior: how often a word is capitalised when it is *not* sentence-initial,
//! counted over unlabeled text. A capitalised word that is usually lower-case (`The`, `Despite`)
//! is weak evidence of a name; one that is always capitalised (`Saltanov`) is strong evidence.

use according_ml::features::hash_parts;
use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::IdMap;

/// Counts being collected.
#[derive(Default)]
pub struct PriorCounter {
    /// lower-cased word hash → (capitalised, lower-case) counts in non-initial positions.
    counts: IdMap<(u32, u32)>,
}

fn key(lower: &str) -> u64 {
    hash_parts(&["prior", lower])
}

impl PriorCounter {
    /// Count one sentence's words (the first word and words after opening quotes are skipped:
    /// their capitalisation says nothing).
    pub fn add_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        let mut initial = true;
        let mut lower = String::new();
        for w in words {
            let w = w.as_ref();
            let first = w.chars().next();
            let Some(first) = first else { continue };
            if !first.is_alphabetic() {
                // After sentence punctuation or an opening quote, the next word may be capitalised
                // for reasons other than being a name.
                if matches!(
                    w,
                    "." | "!" | "?" | "\"" | "“" | ":" | "(" | "-" | "—" | "–"
                ) {
                    initial = true;
                }
                continue;
            }
            if !initial {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                let e = self.counts.entry(key(&lower)).or_default();
                if first.is_uppercase() {
                    e.0 = e.0.saturating_add(1);
                } else {
                    e.1 = e.1.saturating_add(1);
                }
            }
            initial = false;
        }
    }

    /// Freeze into buckets, keeping words seen at least `min_count` times.
    pub fn finish(self, min_count: u32) -> CasePrior {
        let mut map = IdMap::default();
        for (k, (cap, low)) in self.counts {
            let n = cap + low;
            if n < min_count {
                continue;
            }
            let r = cap as f64 / n as f64;
            let rb = match r {
                r if r < 0.02 => 1,
                r if r < 0.3 => 2,
                r if r < 0.7 => 3,
                r if r < 0.98 => 4,
                _ => 5,
            };
            let fb = match n {
                0..=9 => 0,
                10..=99 => 1,
                _ => 2,
            };
            map.insert(k, rb * 3 + fb);
        }
        CasePrior { map }
    }
}

/// Frozen prior: word → bucket (0 = unseen).
#[derive(Default, Clone)]
pub struct CasePrior {
    map: IdMap<u8>,
}

pub const PRIOR_NAMES: [&str; 18] = [
    "unseen", "unseen1", "unseen2", "low0", "low1", "low2", "mostlow0", "mostlow1", "mostlow2",
    "mixed0", "mixed1", "mixed2", "mostcap0", "mostcap1", "mostcap2", "cap0", "cap1", "cap2",
];

impl CasePrior {
    /// Bucket of a lower-cased word.
    pub fn bucket(&self, lower: &str) -> u8 {
        self.map.get(&key(lower)).copied().unwrap_or(0)
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn write(&self, w: &mut ByteWriter) {
        crate::word_buckets::write(&self.map, w);
    }
    pub fn read(r: &mut ByteReader) -> Result<CasePrior, String> {
        let max = (PRIOR_NAMES.len() - 1) as u8;
        let map = crate::word_buckets::read(r, max, "case-prior")?;
        Ok(CasePrior { map })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_by_capitalisation() {
        let mut c = PriorCounter::default();
        for _ in 0..20 {
            c.add_sentence(&["He", "met", "Saltanov", "in", "the", "city", "."]);
            c.add_sentence(&["The", "report", "said", "so"]);
        }
        let p = c.finish(2);
        assert_eq!(p.bucket("saltanov") / 3, 5);
        assert_eq!(p.bucket("city") / 3, 1);
        assert_eq!(p.bucket("the") / 3, 1);
        assert_eq!(p.bucket("he"), 0); // only ever sentence-initial
    }
}
