//! MinHash signatures and banded LSH over character shingles of normalised text.
//!
//! Fixed seed: the same texts always give the same signatures, so claims are reproducible.

use std::collections::HashMap;

/// Normalise a content for comparison: lowercase words of letters and digits, one space apart
/// (quotes, punctuation and case do not make two reports of a claim different).
pub fn normalize_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Sorted, deduplicated hashes of the character `k`-grams of `norm` (the whole text if shorter).
pub fn shingles(norm: &str, k: usize) -> Vec<u64> {
    let chars: Vec<char> = norm.chars().collect();
    let mut out: Vec<u64> = if chars.len() <= k {
        vec![fnv(&chars)]
    } else {
        chars.windows(k).map(fnv).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn fnv(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        for b in (*c as u32).to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A family of `n` hash functions from one seed.
#[derive(Debug, Clone)]
pub struct MinHasher {
    seeds: Vec<u64>,
}

impl MinHasher {
    pub fn new(n: usize, seed: u64) -> Self {
        MinHasher {
            seeds: (0..n as u64)
                .map(|i| splitmix(seed ^ splitmix(i)))
                .collect(),
        }
    }

    pub fn signature(&self, shingles: &[u64]) -> Vec<u64> {
        self.seeds
            .iter()
            .map(|&s| {
                shingles
                    .iter()
                    .map(|&x| splitmix(x ^ s))
                    .min()
                    .unwrap_or(u64::MAX)
            })
            .collect()
    }
}

/// Pairs of items whose signatures agree on all rows of at least one band (candidates to
/// verify). `rows` rows per band; signatures must have equal length.
pub fn lsh_candidates(sigs: &[Vec<u64>], rows: usize) -> Vec<(usize, usize)> {
    let n_bands = sigs.first().map_or(0, |s| s.len() / rows.max(1));
    let mut pairs = Vec::new();
    for b in 0..n_bands {
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, s) in sigs.iter().enumerate() {
            let key = s[b * rows..(b + 1) * rows]
                .iter()
                .fold(b as u64, |h, &v| splitmix(h ^ v));
            buckets.entry(key).or_default().push(i);
        }
        for members in buckets.values().filter(|m| m.len() > 1) {
            // Chain each member to the bucket's first: enough for union-find, and linear in the
            // size of a crowded bucket.
            for &j in &members[1..] {
                pairs.push((members[0], j));
            }
            // ... plus all pairs in small buckets, so verification can pick the right partner.
            if members.len() <= 32 {
                for (x, &i) in members.iter().enumerate().skip(1) {
                    for &j in &members[x + 1..] {
                        pairs.push((i, j));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// |a ∩ b| of two sorted, deduplicated lists.
pub fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_collide_and_estimates_track_jaccard() {
        let a = shingles(
            &normalize_content("Profits rose 20% to £1.2bn in the third quarter."),
            5,
        );
        let b = shingles(
            &normalize_content("profits rose 20% to £1.2bn in the third quarter"),
            5,
        );
        let c = shingles(
            &normalize_content("The minister denied any wrongdoing on Tuesday."),
            5,
        );
        assert_eq!(a, b);
        let mh = MinHasher::new(128, 7);
        let sigs = vec![mh.signature(&a), mh.signature(&b), mh.signature(&c)];
        let pairs = lsh_candidates(&sigs, 4);
        assert!(pairs.contains(&(0, 1)));
        assert!(!pairs.contains(&(0, 2)));
        assert_eq!(intersection(&a, &c), intersection(&c, &a));
    }
}
