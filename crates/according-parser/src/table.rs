//! Compact lookup tables for decoding, built from the `according-ml` [`Weights`] at load time.
//!
//! Scoring is memory-bound: each move reads ~120 feature rows scattered over megabytes. So
//! the tables are as small as possible: a slot keeps a 32-bit fingerprint of the feature id
//! instead of the id (a false match needs two ids that agree on 32 more bits while sharing a
//! probe run: about one lookup in 10^9, harmless for a perceptron), slots are found by
//! "fast range" (high bits of `id × size`) so the table needs no power-of-two padding, and
//! the whole feature list is prefetched before any row is read, so the misses overlap.

use according_ml::huge::HugeSlice;
use according_ml::perceptron::Weights;

#[inline]
fn fingerprint(id: u64) -> u32 {
    // 0 marks an empty slot.
    (id as u32).max(1)
}

#[inline]
fn home(id: u64, size: usize) -> usize {
    ((id as u128 * size as u128) >> 64) as usize
}

#[inline]
pub(crate) fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// A row is worth a slot when some weight reaches `min_abs` (quantised units).
fn keep(row: &[i16], min_abs: i16) -> bool {
    row.iter().any(|&x| x.unsigned_abs() >= min_abs as u16)
}

/// The 4-class transition weights in cache-line buckets: ten (16-bit fingerprint, four `i8`
/// weights) slots per 64-byte line. A lookup reads one line (two when its bucket overflowed
/// at build time). Weights are requantised from `i16` to `i8` with one scale for the table:
/// only the argmax of the four sums matters, and on dev this changes UAS by < 0.1. A 16-bit
/// fingerprint lets an absent feature match by chance about once in 6,500 lookups, adding
/// one stray weight to one decision: noise far below the model's own error.
///
/// In front of the buckets sits a small filter (one word per bucket, ~220 KB, which stays in
/// the core's own cache): about half the looked-up features are absent, and the filter
/// spares most of those a read of their bucket line ([`Table4::screen`]).
#[derive(Clone)]
pub struct Table4 {
    buckets: HugeSlice<Bucket4>,
    /// Per bucket: the filter bits ([`fingerprint_bits`]) of every fingerprint stored in a
    /// bucket a lookup from this home bucket probes (itself, and the following ones while
    /// overflow is marked). A lookup whose bit ([`screen`]) is not set matches no slot.
    filter: HugeSlice<u64>,
}

const SLOTS: usize = 10;
/// Buckets are filled to ~65% on average, so few overflow.
const BUCKET_LOAD: f64 = 0.65;

#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket4 {
    fp: [u16; SLOTS],
    w: [[i8; 4]; SLOTS],
    /// Non-zero when some key whose home is this bucket lives in a later one.
    overflow: u32,
}

impl Bucket4 {
    /// Bit `j` set when slot `j` holds fingerprint `fp`.
    #[inline]
    fn matches(&self, fp: u16) -> u32 {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            // SAFETY: SSE2 is part of x86_64; both loads read 16 bytes inside the 64-byte
            // bucket (bytes 0..16 and 16..32; only the first two fingerprints of the second
            // load are used).
            unsafe {
                let p = self as *const Bucket4 as *const u8;
                let want = _mm_set1_epi16(fp as i16);
                let lo = _mm_loadu_si128(p as *const __m128i);
                let hi = _mm_loadu_si128(p.add(16) as *const __m128i);
                let lo = _mm_cmpeq_epi16(lo, want);
                let hi = _mm_cmpeq_epi16(hi, want);
                // One byte per slot (the low byte of each 16-bit comparison), ten slots.
                let packed = _mm_packs_epi16(lo, hi);
                (_mm_movemask_epi8(packed) as u32) & ((1 << SLOTS) - 1)
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let mut m = 0;
            for (j, &f) in self.fp.iter().enumerate() {
                m |= ((f == fp) as u32) << j;
            }
            m
        }
    }
}

#[inline]
fn fingerprint16(id: u64) -> u16 {
    (id as u16).max(1)
}

/// The bits of a filter word ([`screen`]) for the ids with fingerprint `fp` (an id's low 16
/// or 32 bits, 0 read as 1): bit `fp % 64`, and bit 0 too for `fp` 1.
#[inline]
fn fingerprint_bits(fp: u32) -> u64 {
    (1 << (fp & 63)) | (fp == 1) as u64
}

/// Whether feature `id` may match a slot in the buckets `buckets` (false: it matches none),
/// given the filter word per bucket: the bit `id % 64` of its home bucket's word, one bit so
/// the test takes few instructions (about 10% of absent features pass at the tables' loads).
/// And the address to prefetch for it: its home bucket, or the filter word already read.
#[inline(always)]
fn screen<B>(filter: &[u64], buckets: *const B, id: u64) -> (bool, *const u8) {
    let b = home(id, filter.len());
    // SAFETY: `home(id, n) < n` (the high half of a product with `n`).
    let word = unsafe { filter.get_unchecked(b) };
    let pass = (*word >> (id & 63)) & 1 != 0;
    let bucket = buckets.wrapping_add(b) as *const u8;
    (
        pass,
        if pass {
            bucket
        } else {
            word as *const u64 as *const u8
        },
    )
}

impl Table4 {
    pub fn from_weights(w: &Weights, min_abs: i16) -> Result<Table4, String> {
        if w.n_classes() != 4 {
            return Err("transition table needs 4 classes".into());
        }
        let kept: Vec<(u64, &[i16])> = w.rows().filter(|(_, r)| keep(r, min_abs)).collect();
        let max = kept
            .iter()
            .flat_map(|(_, r)| r.iter())
            .map(|x| x.unsigned_abs())
            .max()
            .unwrap_or(1)
            .max(1) as f32;
        let scale = 127.0 / max;
        let nb = ((kept.len() as f64 / (SLOTS as f64 * BUCKET_LOAD)) as usize).max(2);
        let mut buckets = HugeSlice::filled(nb, Bucket4::default());
        for (id, row) in kept {
            let mut b = home(id, nb);
            loop {
                let bucket = &mut buckets[b];
                if let Some(j) = bucket.fp.iter().position(|&f| f == 0) {
                    bucket.fp[j] = fingerprint16(id);
                    for (q, &x) in bucket.w[j].iter_mut().zip(row) {
                        *q = (x as f32 * scale).round() as i8;
                    }
                    break;
                }
                bucket.overflow = 1;
                b = if b + 1 == nb { 0 } else { b + 1 };
            }
        }
        let filter = build_filter(&buckets);
        Ok(Table4 { buckets, filter })
    }

    /// Whether feature `id` may match a slot (no: it certainly adds nothing), and the address
    /// to prefetch for it: its bucket, or the filter word already read when it cannot match.
    #[inline]
    pub fn screen(&self, id: u64) -> (bool, *const u8) {
        screen(&self.filter, self.buckets.as_ptr(), id)
    }

    pub fn len(&self) -> usize {
        self.buckets
            .iter()
            .map(|b| b.fp.iter().filter(|&&f| f != 0).count())
            .sum()
    }

    /// Sum the rows of `feats` into `acc` (in the table's own units).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32; 4]) {
        let mut sum = [[0i32; 4]];
        self.add_segments([feats], &mut sum);
        for (a, s) in acc.iter_mut().zip(sum[0]) {
            *a += s;
        }
    }

    /// Start loading the bucket of feature `f`.
    #[inline]
    pub fn prefetch_row(&self, f: u64) {
        prefetch(
            self.buckets
                .as_ptr()
                .wrapping_add(home(f, self.buckets.len())),
        );
    }

    /// The sums of the rows of each list of `segments` into `sums`. All rows are prefetched
    /// first, so the lookups of every segment overlap.
    #[inline]
    pub fn add_segments<const K: usize>(&self, segments: [&[u64]; K], sums: &mut [[i32; 4]; K]) {
        for feats in segments {
            for &f in feats {
                self.prefetch_row(f);
            }
        }
        self.sum_segments(segments, sums);
    }

    /// [`Table4::add_segments`] without the prefetches (the caller made them).
    #[inline]
    pub fn sum_segments<const K: usize>(&self, segments: [&[u64]; K], sums: &mut [[i32; 4]; K]) {
        let nb = self.buckets.len();
        for (feats, out) in segments.into_iter().zip(sums.iter_mut()) {
            let mut sum = [0i32; 4];
            for &f in feats {
                let fp = fingerprint16(f);
                let mut b = home(f, nb);
                loop {
                    // SAFETY: `home(f, nb) < nb`, and `b` wraps to 0 at `nb`.
                    let bucket = unsafe { self.buckets.get_unchecked(b) };
                    // Every slot whose fingerprint matches adds its weights (usually one or none).
                    let mut m = bucket.matches(fp);
                    while m != 0 {
                        let j = m.trailing_zeros() as usize;
                        m &= m - 1;
                        for (s, &x) in sum.iter_mut().zip(&bucket.w[j]) {
                            *s += x as i32;
                        }
                    }
                    if bucket.overflow == 0 {
                        break;
                    }
                    b = if b + 1 == nb { 0 } else { b + 1 };
                }
            }
            *out = sum;
        }
    }
}

/// The filter words of `buckets` (see [`Table4::filter`]): each stored fingerprint's bits go
/// into the word of its own bucket and of every bucket whose lookups probe on to it, so a
/// lookup the filter turns away could not have matched any slot (not even by a fingerprint
/// collision): scores are exactly those of the plain lookup.
fn build_filter(buckets: &[Bucket4]) -> HugeSlice<u64> {
    let nb = buckets.len();
    let mut filter = HugeSlice::filled(nb, 0u64);
    for (p, bucket) in buckets.iter().enumerate() {
        let bits = bucket
            .fp
            .iter()
            .filter(|&&f| f != 0)
            .fold(0, |m, &f| m | fingerprint_bits(f as u32));
        // Back from `p` over the buckets whose lookups reach it.
        let mut b = p;
        for _ in 0..nb {
            filter[b] |= bits;
            let prev = if b == 0 { nb - 1 } else { b - 1 };
            if buckets[prev].overflow == 0 {
                break;
            }
            b = prev;
        }
    }
    filter
}

/// Many-class weights (the arc labeler, at most 64 classes): an index of 64-byte buckets of
/// eight slots (32-bit fingerprint, row number), probed linearly from a feature's home bucket
/// up to an empty slot, with a filter word per bucket in front; and each row requantised to
/// `i8` in its own 64-byte line. A lookup reads one index line (most absent features none)
/// and, when found, its row.
#[derive(Clone)]
pub struct RowTable {
    n_classes: usize,
    buckets: HugeSlice<Bucket8>,
    /// Per bucket: the filter bits ([`fingerprint_bits`]) of every fingerprint stored in a
    /// bucket a lookup from this home bucket probes (itself, and the following ones while
    /// they are full). A lookup whose bit ([`screen`]) is not set finds nothing.
    filter: HugeSlice<u64>,
    rows: HugeSlice<Row64>,
}

/// Slots per index bucket.
const SLOTS8: usize = 8;
/// Index buckets are filled to ~60% on average, so few are full.
const BUCKET8_LOAD: f64 = 0.6;

/// Eight slots of the labeler's index; the occupied slots of a bucket come first (slots are
/// filled in order and never emptied).
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket8 {
    /// 0 = empty.
    fp: [u32; SLOTS8],
    row: [u32; SLOTS8],
}

impl Bucket8 {
    /// Index of the first slot holding `fp` or empty; `SLOTS8` if none.
    #[inline]
    fn first_stop(&self, fp: u32) -> usize {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            // SAFETY: SSE2 is part of x86_64; the two loads read the 32 bytes of `self.fp`.
            unsafe {
                let p = self.fp.as_ptr() as *const __m128i;
                let (want, zero) = (_mm_set1_epi32(fp as i32), _mm_setzero_si128());
                let lo = _mm_load_si128(p);
                let hi = _mm_load_si128(p.add(1));
                let lo = _mm_or_si128(_mm_cmpeq_epi32(lo, want), _mm_cmpeq_epi32(lo, zero));
                let hi = _mm_or_si128(_mm_cmpeq_epi32(hi, want), _mm_cmpeq_epi32(hi, zero));
                let m = _mm_movemask_ps(_mm_castsi128_ps(lo))
                    | (_mm_movemask_ps(_mm_castsi128_ps(hi)) << 4);
                (m as u32 | 1 << SLOTS8).trailing_zeros() as usize
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            self.fp
                .iter()
                .position(|&s| s == fp || s == 0)
                .unwrap_or(SLOTS8)
        }
    }

    fn is_full(&self) -> bool {
        self.fp[SLOTS8 - 1] != 0
    }
}

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Row64([i8; 64]);

impl Default for Row64 {
    fn default() -> Row64 {
        Row64([0; 64])
    }
}

impl RowTable {
    pub fn from_weights(w: &Weights, min_abs: i16) -> Result<RowTable, String> {
        let n_classes = w.n_classes();
        if n_classes > 64 {
            return Err(format!(
                "{n_classes} classes: the row table holds at most 64"
            ));
        }
        let kept: Vec<(u64, &[i16])> = w.rows().filter(|(_, r)| keep(r, min_abs)).collect();
        let max = kept
            .iter()
            .flat_map(|(_, r)| r.iter())
            .map(|x| x.unsigned_abs())
            .max()
            .unwrap_or(1)
            .max(1) as f32;
        let scale = 127.0 / max;
        let nb = ((kept.len() as f64 / (SLOTS8 as f64 * BUCKET8_LOAD)) as usize).max(2);
        let mut buckets = HugeSlice::filled(nb, Bucket8::default());
        let mut rows = Vec::with_capacity(kept.len());
        for (r, (id, row)) in kept.into_iter().enumerate() {
            let mut b = home(id, nb);
            loop {
                let bucket = &mut buckets[b];
                if let Some(j) = bucket.fp.iter().position(|&f| f == 0) {
                    bucket.fp[j] = fingerprint(id);
                    bucket.row[j] = r as u32;
                    break;
                }
                b = if b + 1 == nb { 0 } else { b + 1 };
            }
            let mut q = Row64([0; 64]);
            for (q, &x) in q.0.iter_mut().zip(row) {
                *q = (x as f32 * scale).round() as i8;
            }
            rows.push(q);
        }
        // Each fingerprint's bits go into the word of its bucket and of every bucket whose
        // lookups probe on to it (over full buckets): a lookup turned away could not have
        // found any slot, not even by a fingerprint collision.
        let mut filter = HugeSlice::filled(nb, 0u64);
        for (p, bucket) in buckets.iter().enumerate() {
            let bits = bucket
                .fp
                .iter()
                .filter(|&&f| f != 0)
                .fold(0, |m, &f| m | fingerprint_bits(f));
            let mut b = p;
            for _ in 0..nb {
                filter[b] |= bits;
                let prev = if b == 0 { nb - 1 } else { b - 1 };
                if !buckets[prev].is_full() {
                    break;
                }
                b = prev;
            }
        }
        Ok(RowTable {
            n_classes,
            buckets,
            filter,
            rows: HugeSlice::from_slice(&rows),
        })
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Sum the rows of `feats` into `acc` (64 sums; classes beyond `n_classes` stay 0).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32; 64]) {
        self.for_each_row(feats, |row| {
            for (a, &x) in acc.iter_mut().zip(&row.0) {
                *a += x as i32;
            }
        });
    }

    /// The class with the highest summed score for `feats`, `skip` excluded; ties go to the
    /// lower class (as `decode::best_label` picks on the `i32` sums). Lists of up to 64
    /// features (labeler lists have 31) are summed in 16 bits with SIMD, exact for that many
    /// rows; longer lists use 32 bits.
    pub fn best_class(&self, feats: &[u64], skip: u16) -> u16 {
        for &f in feats {
            self.prefetch_index(f);
        }
        self.best_class_prefetched(feats, skip)
    }

    /// [`RowTable::best_class`] once [`RowTable::prefetch_index`] has been called for every
    /// feature of `feats` (or of a list without features [`RowTable::screen`] turned away).
    pub fn best_class_prefetched(&self, feats: &[u64], skip: u16) -> u16 {
        if feats.len() > 64 {
            let mut acc = [0i32; 64];
            self.add_scores(feats, &mut acc);
            return argmax_except(&acc[..self.n_classes], skip);
        }
        let mut found = [0u32; 64];
        let k = self.find_rows(feats, &mut found);
        let mut acc = Sums16::default();
        for &r in &found[..k] {
            acc.add(&self.rows[r as usize]);
        }
        acc.argmax_except(self.n_classes, skip)
    }

    /// Start loading the index bucket of feature `f`.
    #[inline]
    pub fn prefetch_index(&self, f: u64) {
        prefetch(
            self.buckets
                .as_ptr()
                .wrapping_add(home(f, self.buckets.len())),
        );
    }

    /// Whether feature `f` may be in the table (no: it certainly adds nothing), and the
    /// address to prefetch for it: its index bucket, or the filter word already read.
    #[inline]
    pub fn screen(&self, f: u64) -> (bool, *const u8) {
        screen(&self.filter, self.buckets.as_ptr(), f)
    }

    /// The rows of the features of `feats` found in the table (at most 64; their index
    /// buckets prefetched), each row prefetched; returns how many.
    #[inline]
    fn find_rows(&self, feats: &[u64], found: &mut [u32; 64]) -> usize {
        let mut k = 0;
        for &f in &feats[..feats.len().min(found.len())] {
            if let Some(row) = self.find(f) {
                found[k] = row;
                k += 1;
                prefetch(self.rows.as_ptr().wrapping_add(row as usize));
            }
        }
        k
    }

    /// Call `add` on the row of each feature of `feats` found in the table.
    #[inline]
    fn for_each_row(&self, feats: &[u64], mut add: impl FnMut(&Row64)) {
        for &f in feats {
            self.prefetch_index(f);
        }
        let mut found = [0u32; 64];
        let mut k = 0;
        for &f in feats {
            if let Some(row) = self.find(f) {
                if k < found.len() {
                    found[k] = row;
                    k += 1;
                    prefetch(self.rows.as_ptr().wrapping_add(row as usize));
                } else {
                    add(&self.rows[row as usize]);
                }
            }
        }
        for &r in &found[..k] {
            add(&self.rows[r as usize]);
        }
    }

    /// The row of feature `f`: the first slot from its home bucket on, up to an empty one,
    /// that holds its fingerprint.
    #[inline]
    fn find(&self, f: u64) -> Option<u32> {
        let fp = fingerprint(f);
        let nb = self.buckets.len();
        let mut b = home(f, nb);
        loop {
            let bucket = &self.buckets[b];
            let stop = bucket.first_stop(fp);
            if stop < SLOTS8 {
                return (bucket.fp[stop] == fp).then(|| bucket.row[stop]);
            }
            b = if b + 1 == nb { 0 } else { b + 1 };
        }
    }
}

/// 64 sums of `i8` rows in 16 bits (exact for up to 258 rows).
struct Sums16([i16; 64]);

impl Default for Sums16 {
    fn default() -> Sums16 {
        Sums16([0; 64])
    }
}

impl Sums16 {
    #[inline]
    fn add(&mut self, row: &Row64) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            // SAFETY: SSE2 is part of x86_64; every load and store stays inside the 64-byte
            // row and the 128-byte sums.
            unsafe {
                let acc = self.0.as_mut_ptr() as *mut __m128i;
                let w = row.0.as_ptr() as *const __m128i;
                for c in 0..4 {
                    let v = _mm_load_si128(w.add(c));
                    // Each byte into the high half of a 16-bit lane, then shifted down with
                    // its sign: the bytes sign-extended.
                    let lo = _mm_srai_epi16(_mm_unpacklo_epi8(v, v), 8);
                    let hi = _mm_srai_epi16(_mm_unpackhi_epi8(v, v), 8);
                    let a = acc.add(2 * c);
                    _mm_storeu_si128(a, _mm_add_epi16(_mm_loadu_si128(a), lo));
                    let a = acc.add(2 * c + 1);
                    _mm_storeu_si128(a, _mm_add_epi16(_mm_loadu_si128(a), hi));
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        for (a, &x) in self.0.iter_mut().zip(&row.0) {
            *a += x as i16;
        }
    }

    /// The first of the largest sums among classes `0..n` other than `skip` (`n >= 2`).
    #[inline]
    fn argmax_except(mut self, n: usize, skip: u16) -> u16 {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            // Sums of at most 258 rows of weights in -127..=127 stay above i16::MIN, so
            // i16::MIN marks lanes that cannot win.
            self.0[n..].fill(i16::MIN);
            if let Some(s) = self.0.get_mut(skip as usize) {
                *s = i16::MIN;
            }
            // SAFETY: SSE2 is part of x86_64; the loads read the 128-byte sums.
            unsafe {
                let p = self.0.as_ptr() as *const __m128i;
                let mut m = _mm_loadu_si128(p);
                for c in 1..8 {
                    m = _mm_max_epi16(m, _mm_loadu_si128(p.add(c)));
                }
                // Every lane: the maximum of all.
                m = _mm_max_epi16(m, _mm_shuffle_epi32(m, 0b01_00_11_10));
                m = _mm_max_epi16(m, _mm_shuffle_epi32(m, 0b10_11_00_01));
                m = _mm_max_epi16(
                    m,
                    _mm_shufflelo_epi16(_mm_shufflehi_epi16(m, 0b10_11_00_01), 0b10_11_00_01),
                );
                for c in 0..8 {
                    let eq = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_loadu_si128(p.add(c)), m));
                    if eq != 0 {
                        return (c * 8 + eq.trailing_zeros() as usize / 2) as u16;
                    }
                }
            }
            unreachable!("some lane holds the maximum")
        }
        #[cfg(not(target_arch = "x86_64"))]
        argmax_except(&self.0[..n], skip)
    }
}

/// Index of the largest value other than `skip` (the first of equal ones).
fn argmax_except<T: Copy + PartialOrd>(v: &[T], skip: u16) -> u16 {
    let mut best = if skip == 0 { 1 } else { 0 };
    for (i, &x) in v.iter().enumerate() {
        if i != skip as usize && x > v[best] {
            best = i;
        }
    }
    best as u16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Score;
    use according_ml::perceptron::Trainer;

    fn trained(n_classes: usize, n_feats: u64) -> Weights {
        let mut t = Trainer::new(n_classes);
        for i in 0..n_feats {
            // Random ids (a Weyl sequence would spread too evenly to fill any bucket).
            let f = according_ml::rng::Rng::new(i).next_u64();
            t.update(&[f], (i % n_classes as u64) as usize, 1.0 + (i % 7) as f32);
            t.update(&[f], ((i + 1) % n_classes as u64) as usize, -1.0);
            t.tick();
        }
        t.finish(0.0)
    }

    /// The pre-SIMD lookup: every slot of the probed buckets compared one by one.
    fn add_scores_scalar(t: &Table4, feats: &[u64], acc: &mut [i32; 4]) {
        let nb = t.buckets.len();
        for &f in feats {
            let fp = fingerprint16(f);
            let mut b = home(f, nb);
            loop {
                let bucket = &t.buckets[b];
                for j in 0..SLOTS {
                    if bucket.fp[j] == fp {
                        for (s, &x) in acc.iter_mut().zip(&bucket.w[j]) {
                            *s += x as i32;
                        }
                    }
                }
                if bucket.overflow == 0 {
                    break;
                }
                b = if b + 1 == nb { 0 } else { b + 1 };
            }
        }
    }

    #[test]
    fn simd_lookup_equals_the_scalar_one() {
        let w4 = trained(4, 50_000);
        let t4 = Table4::from_weights(&w4, 0).unwrap();
        // Every fingerprint against every bucket, including fingerprints equal to weight
        // bytes that lie past the ten fingerprints in the second SIMD load.
        let full: Vec<&Bucket4> = t4.buckets.iter().filter(|b| b.fp[SLOTS - 1] != 0).collect();
        let partial = t4.buckets.iter().filter(|b| b.fp[SLOTS - 1] == 0);
        assert!(full.len() >= 50, "{} full buckets", full.len());
        for bucket in full.into_iter().take(50).chain(partial.take(50)) {
            for fp in 1..=u16::MAX {
                let want = (0..SLOTS).fold(0u32, |m, j| m | ((bucket.fp[j] == fp) as u32) << j);
                assert_eq!(bucket.matches(fp), want);
            }
        }
        // Stored ids, absent ids, and ids sharing a stored id's 16-bit fingerprint.
        let mut rng = according_ml::rng::Rng::new(7);
        let stored: Vec<u64> = w4.rows().map(|(id, _)| id).collect();
        for i in 0..20_000 {
            let feats: Vec<u64> = (0..60)
                .map(|k| match (i + k) % 3 {
                    0 => stored[rng.next_u64() as usize % stored.len()],
                    1 => rng.next_u64(),
                    _ => (rng.next_u64() & !0xffff) | (stored[k % stored.len()] & 0xffff),
                })
                .collect();
            let (mut a, mut b) = ([0i32; 4], [0i32; 4]);
            t4.add_scores(&feats, &mut a);
            add_scores_scalar(&t4, &feats, &mut b);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_fingerprints_filter_bits_hold_the_bit_of_every_id_with_it() {
        // Every id's filter bit is among the bits of its fingerprint (16 and 32 bits),
        // including ids whose low bits are all zero (fingerprint 1).
        let mut rng = according_ml::rng::Rng::new(4);
        for low in 0..=0xffffu64 {
            let id = (rng.next_u64() << 16) | low;
            let bit = 1u64 << (id & 63);
            assert_ne!(
                fingerprint_bits(fingerprint16(id) as u32) & bit,
                0,
                "{id:x}"
            );
            let id32 = (rng.next_u64() << 32) | (low * 0x1_0001);
            let bit32 = 1u64 << (id32 & 63);
            assert_ne!(fingerprint_bits(fingerprint(id32)) & bit32, 0, "{id32:x}");
        }
        assert_ne!(fingerprint_bits(fingerprint(1 << 40)) & 1, 0);
    }

    #[test]
    fn filter_turns_away_only_features_that_match_no_slot() {
        let w4 = trained(4, 50_000);
        let t4 = Table4::from_weights(&w4, 0).unwrap();
        assert!(t4.buckets.iter().filter(|b| b.overflow != 0).count() > 100);
        let stored: Vec<u64> = w4.rows().map(|(id, _)| id).collect();
        let mut rng = according_ml::rng::Rng::new(9);
        let (mut absent, mut turned_away) = (0, 0);
        for i in 0..300_000usize {
            let f = match i % 3 {
                0 => stored[rng.below(stored.len())],
                1 => rng.next_u64(),
                // Another id with a stored id's fingerprint (a chance match in its bucket).
                _ => (rng.next_u64() & !0xffff) | (stored[i % stored.len()] & 0xffff),
            };
            let mut acc = [0i32; 4];
            add_scores_scalar(&t4, &[f], &mut acc);
            let (pass, _) = t4.screen(f);
            if !pass {
                // Turned away: no slot on its probe path holds its fingerprint.
                let nb = t4.buckets.len();
                let mut b = home(f, nb);
                loop {
                    assert_eq!(t4.buckets[b].matches(fingerprint16(f)), 0, "id {f:x}");
                    if t4.buckets[b].overflow == 0 {
                        break;
                    }
                    b = (b + 1) % nb;
                }
                assert_eq!(acc, [0; 4]);
                turned_away += 1;
            }
            absent += (i % 3 == 1) as usize;
        }
        // Most random (absent) ids are turned away.
        assert!(turned_away * 10 > absent * 7, "{turned_away} of {absent}");
    }

    /// The pre-SIMD probe: slot by slot from the home bucket's first slot to the first
    /// empty one.
    fn find_scalar(t: &RowTable, f: u64) -> Option<u32> {
        let fp = fingerprint(f);
        let nb = t.buckets.len();
        let mut i = home(f, nb) * SLOTS8;
        loop {
            let (b, j) = (i / SLOTS8, i % SLOTS8);
            if t.buckets[b].fp[j] == fp {
                return Some(t.buckets[b].row[j]);
            }
            if t.buckets[b].fp[j] == 0 {
                return None;
            }
            i = (i + 1) % (nb * SLOTS8);
        }
    }

    #[test]
    fn simd_probe_equals_the_scalar_one() {
        // A small table (probe runs wrap around its end) and a larger one.
        for n_feats in [11u64, 3_000] {
            let w = trained(5, n_feats);
            let rt = RowTable::from_weights(&w, 0).unwrap();
            let stored: Vec<u64> = w.rows().map(|(id, _)| id).collect();
            let mut rng = according_ml::rng::Rng::new(3);
            let mut turned_away = 0;
            for i in 0..100_000usize {
                let f = match i % 3 {
                    0 => stored[rng.below(stored.len())],
                    1 => rng.next_u64(),
                    // Another id with a stored id's fingerprint.
                    _ => (rng.next_u64() & !0xffff_ffff) | (stored[i % stored.len()] & 0xffff_ffff),
                };
                let found = find_scalar(&rt, f);
                assert_eq!(rt.find(f), found);
                // The filter turns away only features that find nothing.
                if !rt.screen(f).0 {
                    assert_eq!(found, None);
                    turned_away += (i % 3 == 1) as usize;
                }
            }
            for &f in &stored {
                assert!(rt.find(f).is_some());
            }
            if n_feats > 1_000 {
                // Most random (absent) ids are turned away.
                assert!(turned_away * 10 > 33_333 * 7, "{turned_away} of 33,333");
            }
        }
    }

    #[test]
    fn simd_argmax_equals_the_scalar_one() {
        let mut rng = according_ml::rng::Rng::new(5);
        for i in 0..20_000usize {
            let n = 2 + rng.below(63);
            let skip = rng.below(n + 2) as u16;
            // Few distinct values (many ties), wide ranges, all negative.
            let spread = [3i64, 30_000, 200][i % 3];
            let shift = if i % 5 == 0 { -32_000 } else { 0 };
            let mut sums = Sums16::default();
            for x in sums.0.iter_mut() {
                *x = (rng.below(spread as usize) as i64 - spread / 2 + shift).max(-32_766) as i16;
            }
            let want = argmax_except(&sums.0[..n], skip);
            assert_eq!(sums.argmax_except(n, skip), want, "n {n} skip {skip}");
        }
    }

    #[test]
    fn integer_label_choice_equals_the_float_one() {
        let w = trained(51, 3_000);
        let rt = RowTable::from_weights(&w, 0).unwrap();
        let stored: Vec<u64> = w.rows().map(|(id, _)| id).collect();
        let mut rng = according_ml::rng::Rng::new(11);
        let mut scores = Vec::new();
        // Short lists (16-bit sums), and long ones of the same rows repeated, which would
        // overflow 16 bits (32-bit path).
        for len in [1usize, 5, 31, 64, 258, 259, 2_000] {
            for skip in [0u16, 7, 50] {
                for _ in 0..50 {
                    let pick = stored[rng.below(stored.len())];
                    let feats: Vec<u64> = (0..len)
                        .map(|k| match k % 4 {
                            0 => pick,
                            1 => rng.next_u64(),
                            _ => stored[rng.below(stored.len())],
                        })
                        .collect();
                    rt.score(&feats, &mut scores);
                    let want = crate::decode::best_label(&scores, skip);
                    assert_eq!(rt.best_class(&feats, skip), want, "len {len}");
                }
            }
        }
    }

    #[test]
    fn tables_hold_every_row_requantised() {
        let w4 = trained(4, 20_000);
        let t4 = Table4::from_weights(&w4, 0).unwrap();
        let w51 = trained(51, 3_000);
        let rt = RowTable::from_weights(&w51, 0).unwrap();
        assert_eq!(t4.len(), w4.n_features());
        assert_eq!(rt.len(), w51.n_features());
        for (w, check) in [(&w4, 4usize), (&w51, 51)] {
            let max = w
                .rows()
                .flat_map(|(_, r)| r.iter())
                .map(|x| x.unsigned_abs())
                .max();
            let scale = 127.0 / max.unwrap() as f32;
            for (id, row) in w.rows() {
                let want: Vec<i32> = row
                    .iter()
                    .map(|&x| (x as f32 * scale).round() as i32)
                    .collect();
                let got: Vec<i32> = if check == 4 {
                    let mut acc = [0i32; 4];
                    t4.add_scores(&[id], &mut acc);
                    acc.to_vec()
                } else {
                    let mut acc = [0i32; 64];
                    rt.add_scores(&[id], &mut acc);
                    acc[..51].to_vec()
                };
                assert_eq!(got, want);
            }
        }
        // Absent features add nothing.
        let mut acc = [0i32; 4];
        t4.add_scores(&[1, 2, 3, u64::MAX], &mut acc);
        assert_eq!(acc, [0; 4]);
    }
}
