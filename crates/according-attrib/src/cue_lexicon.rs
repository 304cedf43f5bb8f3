//! A cue lexicon learned from training data: how often each word, and each multiword cue
//! string (`according to`, `told reporters`, `in an interview`), is (part of) a gold cue,
//! against how often it occurs at all. The cue tagger sees the bucketed rate as a feature, so
//! what it learns about frequent cues carries over to rare ones with a similar rate.
//!
//! Rates used as training features come from the *other* folds of the training data
//! (jackknifing), so the tagger does not learn to trust rates computed on its own labels.

use crate::features::mix;
use crate::view::View;
use according_ml::features::{hash_parts, hash_str};
use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::IdMap;
use std::ops::Range;

/// Longest multiword cue string tracked, in tokens.
pub const MAX_SEQ: usize = 6;

/// (times inside a gold cue, times seen).
type Count = (u32, u32);

#[derive(Debug, Clone, Default)]
pub struct CueLexicon {
    /// Hash of a lowercased word (`hash_parts(&[word])`) → counts.
    words: IdMap<Count>,
    /// Hash of a lowercased token sequence (2..=MAX_SEQ tokens) → (times a whole gold cue,
    /// times seen).
    seqs: IdMap<Count>,
    /// From `words` and `seqs`, for the lookups of every token (see [`CueLexicon::index`]).
    word_buckets: BucketTable,
    seq_filter: BloomFilter,
}

/// Word hash → its non-zero rate bucket index ([`bucket_index`]), open addressing: the
/// buckets in a byte array small enough to stay in cache (an empty slot, bucket 0, ends a
/// lookup: most words are not there), the keys beside them. A map of counts, the rate
/// computed at every lookup, took a tenth of the base features' time.
#[derive(Debug, Clone, Default)]
struct BucketTable {
    /// A power of two of each (or none).
    keys: Vec<u64>,
    buckets: Vec<u8>,
}

impl BucketTable {
    fn new(entries: &[(u64, u8)]) -> BucketTable {
        // A quarter full: most lookups of an absent word end at their first slot.
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut t = BucketTable {
            keys: vec![0; size],
            buckets: vec![0; size],
        };
        for &(k, b) in entries {
            debug_assert!(b != 0);
            let mut s = t.slot(k);
            while t.buckets[s] != 0 {
                s = (s + 1) & (size - 1);
            }
            t.keys[s] = k;
            t.buckets[s] = b;
        }
        t
    }

    /// The home slot of `h` (word hashes are well mixed: their low bits will do).
    #[inline]
    fn slot(&self, h: u64) -> usize {
        h as usize & (self.keys.len() - 1)
    }

    #[inline]
    fn get(&self, h: u64) -> u8 {
        if self.keys.is_empty() {
            return 0;
        }
        let mut s = self.slot(h);
        loop {
            let b = self.buckets[s];
            if b == 0 || self.keys[s] == h {
                return b;
            }
            s = (s + 1) & (self.keys.len() - 1);
        }
    }
}

/// A Bloom filter of sequence hashes (two bits each in 2^17): most word sequences looked up
/// are no known cue, and the filter (16 KB) answers for most of them without the map.
#[derive(Debug, Clone, Default)]
struct BloomFilter {
    bits: Vec<u64>,
}

const BLOOM_BITS: u32 = 17;

impl BloomFilter {
    fn new(keys: impl Iterator<Item = u64>) -> BloomFilter {
        let mut f = BloomFilter {
            bits: vec![0; (1 << BLOOM_BITS) / 64],
        };
        for k in keys {
            for b in Self::bits_of(k) {
                f.bits[b / 64] |= 1 << (b % 64);
            }
        }
        f
    }

    /// Two bit positions from the hash's high bits (sequence hashes are `mix` outputs).
    #[inline]
    fn bits_of(h: u64) -> [usize; 2] {
        let m = (1 << BLOOM_BITS) - 1;
        [(h >> 40) as usize & m, (h >> 20) as usize & m]
    }

    /// False only if `h` was not among the keys.
    #[inline]
    fn may_contain(&self, h: u64) -> bool {
        self.bits.is_empty()
            || Self::bits_of(h)
                .iter()
                .all(|&b| self.bits[b / 64] & 1 << (b % 64) != 0)
    }
}

fn seq_hash(v: &View, r: Range<usize>) -> u64 {
    let mut h = hash_parts(&["seq"]);
    for t in &v.toks[r] {
        h = mix(h, hash_parts(&[t.lower.as_ref()]));
    }
    h
}

impl CueLexicon {
    /// Count gold cues (token ranges) over the documents' views.
    pub fn learn<'a>(docs: impl IntoIterator<Item = (&'a View<'a>, &'a [Range<usize>])>) -> Self {
        let docs: Vec<_> = docs.into_iter().collect();
        let mut lex = CueLexicon::default();
        for (v, cues) in &docs {
            let mut in_cue = vec![false; v.len()];
            for c in cues.iter() {
                in_cue[c.clone()].iter_mut().for_each(|x| *x = true);
                if c.len() >= 2 && c.len() <= MAX_SEQ {
                    lex.seqs.entry(seq_hash(v, c.clone())).or_default().0 += 1;
                }
            }
            for (t, &c) in v.toks.iter().zip(&in_cue) {
                let e = lex
                    .words
                    .entry(hash_parts(&[t.lower.as_ref()]))
                    .or_default();
                e.0 += u32::from(c);
                e.1 += 1;
            }
        }
        // Occurrences of every known multiword cue string, cue or not.
        for (v, _) in &docs {
            for i in 0..v.len() {
                for l in 2..=MAX_SEQ.min(v.len() - i) {
                    if let Some(e) = lex.seqs.get_mut(&seq_hash(v, i..i + l)) {
                        e.1 += 1;
                    }
                }
            }
        }
        lex.index();
        lex
    }

    /// Build the lookup structures of `words` and `seqs` (after either changed).
    fn index(&mut self) {
        let buckets: Vec<(u64, u8)> = self
            .words
            .iter()
            .map(|(&k, &c)| (k, bucket_index(Some(c))))
            .filter(|&(_, b)| b != 0)
            .collect();
        self.word_buckets = BucketTable::new(&buckets);
        self.seq_filter = BloomFilter::new(self.seqs.keys().copied());
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Rate feature value of a word: a bucket of how often it is in a cue.
    pub fn word_bucket(&self, word: &str) -> &'static str {
        self.word_bucket_of_hash(hash_parts(&[word]))
    }

    /// [`CueLexicon::word_bucket`] of the word whose `hash_parts(&[word])` is `h`.
    pub fn word_bucket_of_hash(&self, h: u64) -> &'static str {
        BUCKETS[usize::from(self.word_bucket_index(h))]
    }

    /// Index in [`BUCKETS`] of [`CueLexicon::word_bucket_of_hash`]; 0 (`none`) exactly when
    /// the word has never been inside a cue.
    pub fn word_bucket_index(&self, h: u64) -> u8 {
        self.word_buckets.get(h)
    }

    /// Per token: the longest known multiword cue string covering it, as (position `B`/`I`,
    /// rate bucket), or `("-", "none")`.
    /// `words` are the tokens' `hash_parts(&[lowercased word])`.
    pub fn seq_marks(&self, words: &[u64]) -> Vec<(&'static str, &'static str)> {
        let buckets: Vec<u8> = words.iter().map(|&w| self.word_bucket_index(w)).collect();
        self.seq_mark_indices(words, &buckets)
            .into_iter()
            .map(|(p, b)| (SEQ_POSITIONS[usize::from(p)], BUCKETS[usize::from(b)]))
            .collect()
    }

    /// [`CueLexicon::seq_marks`] as indices in ([`SEQ_POSITIONS`], [`BUCKETS`]), given each
    /// word's [`CueLexicon::word_bucket_index`] (so no word is looked up twice).
    pub fn seq_mark_indices(&self, words: &[u64], word_buckets: &[u8]) -> Vec<(u8, u8)> {
        let mut out = Vec::new();
        self.seq_mark_indices_into(words, word_buckets, &mut out);
        out
    }

    /// [`CueLexicon::seq_mark_indices`] into `out` (cleared first).
    pub fn seq_mark_indices_into(
        &self,
        words: &[u64],
        word_buckets: &[u8],
        out: &mut Vec<(u8, u8)>,
    ) {
        let n = words.len();
        out.clear();
        out.resize(n, (0, 0));
        if self.seqs.is_empty() {
            return;
        }
        // Every word of a known multiword cue has been inside a gold cue, so a sequence can
        // only start at, and run through, such words.
        let in_cues = |k: usize| word_buckets[k] != 0;
        let mut covered_to = 0;
        for start in 0..n {
            if !in_cues(start) {
                continue;
            }
            let mut h = mix(const { hash_str("seq") }, words[start]);
            let mut best = None;
            for (end, &w) in words
                .iter()
                .enumerate()
                .take(n.min(start + MAX_SEQ))
                .skip(start + 1)
            {
                if !in_cues(end) {
                    break;
                }
                h = mix(h, w);
                if !self.seq_filter.may_contain(h) {
                    continue;
                }
                if let Some(&c) = self.seqs.get(&h) {
                    best = Some((end + 1, c));
                }
            }
            // Earlier, longer matches win over ones starting inside them.
            if let Some((end, c)) = best {
                if end > covered_to {
                    let b = bucket_index(Some(c));
                    for (k, m) in out
                        .iter_mut()
                        .enumerate()
                        .take(end)
                        .skip(start.max(covered_to))
                    {
                        *m = (if k == start { 1 } else { 2 }, b);
                    }
                    covered_to = end;
                }
            }
        }
    }

    pub fn write(&self, w: &mut ByteWriter) {
        let mut words: Vec<_> = self.words.iter().filter(|(_, c)| c.0 > 0).collect();
        words.sort();
        w.u32(words.len() as u32);
        for (k, c) in words {
            w.u64(*k);
            w.u32(c.0);
            w.u32(c.1);
        }
        let mut seqs: Vec<_> = self.seqs.iter().collect();
        seqs.sort();
        w.u32(seqs.len() as u32);
        for (k, c) in seqs {
            w.u64(*k);
            w.u32(c.0);
            w.u32(c.1);
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<Self, String> {
        let mut lex = CueLexicon::default();
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            let c = (r.u32()?, r.u32()?);
            lex.words.insert(k, c);
        }
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            let c = (r.u32()?, r.u32()?);
            lex.seqs.insert(k, c);
        }
        lex.index();
        Ok(lex)
    }
}

/// The rate buckets of [`CueLexicon::word_bucket`], by index.
pub const BUCKETS: [&str; 10] = [
    "none", "r0", "r1", "r2a", "r2", "r3a", "r3", "r4a", "r4b", "r4",
];
/// A token's place in a multiword cue string, by index: none, first, inside.
pub const SEQ_POSITIONS: [&str; 3] = ["-", "B", "I"];

/// Words never seen inside a cue are not stored (the model file stays small): they read as
/// "unseen" at run time, so training treats them the same way.
fn bucket_index(c: Option<Count>) -> u8 {
    let Some((cue, seen)) = c else { return 0 };
    if cue == 0 {
        return 0;
    }
    let r = cue as f64 / seen.max(1) as f64;
    if r < 0.05 {
        1
    } else if r < 0.15 {
        2
    } else if r < 0.35 {
        if cue == 1 {
            3
        } else {
            4
        }
    } else if r < 0.65 {
        if cue == 1 {
            5
        } else {
            6
        }
    } else {
        match cue {
            1 => 7,
            2..=4 => 8,
            _ => 9,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use according_core::Doc;

    #[test]
    fn lookup_tables_agree_with_the_counts() {
        // The embedded model's lexicon, read back: every word's bucket from the table is the
        // one its counts give, absent words' too; every sequence passes the filter.
        let ex = crate::Extractor::embedded().unwrap();
        let mut w = ByteWriter::default();
        ex.model().lexicon.cues.write(&mut w);
        let read = CueLexicon::read(&mut ByteReader::new(&w.into_inner())).unwrap();
        assert!(read.words.len() > 1000 && read.seqs.len() > 1000);
        let absent = (0..20_000u64).map(|i| hash_parts(&[&format!("w{i}")]));
        for h in read.words.keys().copied().chain(absent) {
            assert_eq!(
                read.word_bucket_index(h),
                bucket_index(read.words.get(&h).copied())
            );
        }
        assert!(read.seqs.keys().all(|&h| read.seq_filter.may_contain(h)));
        let passed = (0..20_000u64)
            .filter(|&i| read.seq_filter.may_contain(mix(i, 7)))
            .count();
        assert!(
            passed < 400,
            "{passed} of 20000 absent sequences pass the filter"
        );
    }

    #[test]
    fn learns_word_and_sequence_rates() {
        let doc = Doc::new(
            "t",
            "t",
            "It rained, according to Smith. Jones said so, according to Lee.",
        );
        let v = View::new(&doc);
        let pos = |w: &str| v.toks.iter().position(|t| t.lower == w).unwrap();
        let a = pos("according");
        let s = pos("said");
        let cues = vec![a..a + 2, s..s + 1];
        let lex = CueLexicon::learn([(&v, cues.as_slice())]);
        assert_eq!(lex.word_bucket("said"), "r4a");
        assert_eq!(lex.word_bucket("rained"), "none");
        // the second `according to` is covered by the learned sequence too
        let a2 = v.toks.iter().rposition(|t| t.lower == "according").unwrap();
        let wh: Vec<u64> = v
            .toks
            .iter()
            .map(|t| hash_parts(&[t.lower.as_ref()]))
            .collect();
        let marks = lex.seq_marks(&wh);
        assert_eq!(marks[a2].0, "B");
        assert_eq!(marks[a2 + 1].0, "I");
        assert_eq!(marks[a2 + 2].0, "-");
        let mut w = ByteWriter::default();
        lex.write(&mut w);
        let bytes = w.into_inner();
        let back = CueLexicon::read(&mut ByteReader::new(&bytes)).unwrap();
        assert_eq!(back.word_bucket("said"), "r4a");
        assert_eq!(back.seq_marks(&wh)[a2], marks[a2]);
    }
}
