//! Word clusters from unlabelled text, so words the treebanks never saw still share features
//! with words that behave alike. Each word (normalised: lowercase, digits as `0`) is described
//! by its left and right neighbours among the most frequent words (log counts, L2-normalised),
//! then spherical k-means groups the vectors, twice: a fine clustering and a coarse one.
//! Deterministic: centroids start at words spread over the frequency ranking.

use crate::features::normalise;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// Context words: the most frequent ones.
    pub n_context: usize,
    pub fine: usize,
    pub coarse: usize,
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 3,
            n_context: 800,
            fine: 256,
            coarse: 48,
            iterations: 12,
        }
    }
}

/// A rough UD-like tokenization for raw text: whitespace, punctuation split off both ends, and
/// `n't` / `'s` split off (close enough for context statistics).
pub fn simple_tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in line.split_whitespace() {
        let mut w = raw;
        let mut tail = Vec::new();
        while let Some(c) = w.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(c.to_string());
            w = &w[c.len_utf8()..];
        }
        while let Some(c) = w.chars().last().filter(|c| !c.is_alphanumeric()) {
            tail.push(c.to_string());
            w = &w[..w.len() - c.len_utf8()];
        }
        for suf in ["n't", "'s"] {
            if w.len() > suf.len() && w.ends_with(suf) {
                tail.push(suf.to_string());
                w = &w[..w.len() - suf.len()];
                break;
            }
        }
        if !w.is_empty() {
            out.push(w.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

/// Sentences of raw text by [`simple_tokens`], split after `.`, `?` and `!` tokens and at
/// line ends.
pub fn simple_sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = Vec::new();
        for t in simple_tokens(line) {
            let end = matches!(t.as_str(), "." | "?" | "!");
            cur.push(t);
            if end {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// Cluster the words of `sentences` (already tokenized). Returns `(normalised word, fine id,
/// coarse id)` for every clustered word, sorted by word.
pub fn cluster(sentences: &[Vec<String>], o: &ClusterOptions) -> Vec<(String, u32, u32)> {
    // Vocabulary of normalised forms.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut corpus: Vec<Vec<u32>> = Vec::with_capacity(sentences.len());
    let mut norm = String::new();
    for s in sentences {
        let mut ids_s = Vec::with_capacity(s.len());
        for w in s {
            normalise(w, &mut norm);
            let id = *ids.entry(norm.clone()).or_insert_with(|| {
                words.push(norm.clone());
                counts.push(0);
                words.len() as u32 - 1
            });
            counts[id as usize] += 1;
            ids_s.push(id);
        }
        corpus.push(ids_s);
    }
    // Most frequent first, ties by word: the order that seeds the centroids.
    let mut by_freq: Vec<u32> = (0..words.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then(words[a as usize].cmp(&words[b as usize]))
    });
    let mut ctx_dim = vec![u32::MAX; words.len()];
    for (d, &w) in by_freq.iter().take(o.n_context).enumerate() {
        ctx_dim[w as usize] = d as u32;
    }
    let boundary = 2 * o.n_context as u32; // sentence start / end share one dimension per side
    let dims = 2 * o.n_context + 2;
    let clustered: Vec<u32> = by_freq
        .iter()
        .copied()
        .filter(|&w| counts[w as usize] >= o.min_count)
        .collect();
    let mut row_of = vec![u32::MAX; words.len()];
    for (r, &w) in clustered.iter().enumerate() {
        row_of[w as usize] = r as u32;
    }
    let mut ctx: Vec<HashMap<u32, f32>> = vec![HashMap::new(); clustered.len()];
    for s in &corpus {
        for (i, &w) in s.iter().enumerate() {
            let r = row_of[w as usize];
            if r == u32::MAX {
                continue;
            }
            let left = if i == 0 {
                Some(boundary)
            } else {
                Some(ctx_dim[s[i - 1] as usize]).filter(|&d| d != u32::MAX)
            };
            let right = match s.get(i + 1) {
                None => Some(boundary + 1),
                Some(&n) => Some(ctx_dim[n as usize])
                    .filter(|&d| d != u32::MAX)
                    .map(|d| d + o.n_context as u32),
            };
            for d in [left, right].into_iter().flatten() {
                *ctx[r as usize].entry(d).or_default() += 1.0;
            }
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = ctx
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(d, c)| (d, (1.0 + c).ln())).collect();
            v.sort_unstable_by_key(|x| x.0);
            let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| x.1 /= n);
            v
        })
        .collect();
    let fine = kmeans(&vectors, dims, o.fine, o.iterations);
    let coarse = kmeans(&vectors, dims, o.coarse, o.iterations);
    let mut out: Vec<(String, u32, u32)> = clustered
        .iter()
        .enumerate()
        .map(|(r, &w)| (words[w as usize].clone(), fine[r], coarse[r]))
        .collect();
    out.sort();
    out
}

/// Spherical k-means over sparse unit vectors; centroids start at `k` vectors spread evenly
/// over the frequency ranking.
fn kmeans(vectors: &[Vec<(u32, f32)>], dims: usize, k: usize, iterations: usize) -> Vec<u32> {
    let k = k.min(vectors.len()).max(1);
    let mut centroids = vec![0f32; k * dims];
    for c in 0..k {
        for &(d, x) in &vectors[c * vectors.len() / k] {
            centroids[c * dims + d as usize] = x;
        }
    }
    let mut assign = vec![0u32; vectors.len()];
    for _ in 0..iterations {
        for (a, v) in assign.iter_mut().zip(vectors) {
            let mut best = (f32::MIN, 0u32);
            for c in 0..k {
                let row = &centroids[c * dims..(c + 1) * dims];
                let s: f32 = v.iter().map(|&(d, x)| row[d as usize] * x).sum();
                if s > best.0 {
                    best = (s, c as u32);
                }
            }
            *a = best.1;
        }
        centroids.iter_mut().for_each(|x| *x = 0.0);
        for (&a, v) in assign.iter().zip(vectors) {
            for &(d, x) in v {
                centroids[a as usize * dims + d as usize] += x;
            }
        }
        for c in 0..k {
            let row = &mut centroids[c * dims..(c + 1) * dims];
            let n = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if n > 0.0 {
                row.iter_mut().for_each(|x| *x /= n);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_ud() {
        assert_eq!(
            simple_tokens("\"He isn't here,\" Smith's aide said."),
            ["\"", "He", "is", "n't", "here", ",", "\"", "Smith", "'s", "aide", "said", "."]
        );
    }

    #[test]
    fn groups_words_with_shared_contexts() {
        let mut sents = Vec::new();
        for animal in ["cat", "dog", "cow"] {
            for _ in 0..5 {
                sents.push(simple_tokens(&format!("the {animal} sleeps .")));
            }
        }
        for verb in ["runs", "eats", "sings"] {
            for _ in 0..5 {
                sents.push(simple_tokens(&format!("he {verb} well .")));
            }
        }
        let o = ClusterOptions {
            min_count: 3,
            n_context: 20,
            fine: 4,
            coarse: 2,
            iterations: 5,
        };
        let c = cluster(&sents, &o);
        let id = |w: &str| c.iter().find(|x| x.0 == w).unwrap().1;
        assert_eq!(id("cat"), id("dog"));
        assert_eq!(id("runs"), id("sings"));
        assert_ne!(id("cat"), id("runs"));
    }
}
