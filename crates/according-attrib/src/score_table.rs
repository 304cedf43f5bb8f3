//! Decoding-time weights: feature id → quantised weights of up to four labels, in 64-byte
//! buckets of six (32-bit fingerprint, three `i16` weights) slots, so a lookup reads one cache
//! line (two when its bucket overflowed at build time). Scoring is most of extraction's time,
//! and it is bound by these memory accesses: the buckets hold ~3 features each, which makes
//! the tables less than half the size of a table of full 64-bit keys at the load factor open
//! addressing needs, so more of them stays in cache. A fingerprint instead of the full id
//! lets an absent feature match by chance about once in 10^9 lookups.
//!
//! A bucket holds three labels' weights: the cue tagger has three labels, and the role
//! tagger's fourth (the cue itself) is forced wherever it is allowed, so training leaves its
//! weights zero but for a handful of features. Those few fourth-label weights live in a side
//! list, and the buckets their features call home are flagged, so a lookup goes there only
//! for them. (So do the weights of a feature whose fingerprint would be 0, the mark of an
//! empty slot, about one feature in 4 billion: the fingerprint is the id's low bits as they
//! are, and an empty slot's zero weights are what an absent feature adds.) (Six slots of three labels instead of five of four: fewer buckets overflow in
//! the same memory, and an overflow costs a mispredicted branch and an unprefetched line.)

use according_ml::perceptron::Weights;

/// Labels per table (at most).
pub const MAX_LABELS: usize = 4;
/// Labels per bucket slot; labels from this one on are in the side list.
const SLOT_LABELS: usize = 3;

/// Slots per bucket.
const SLOTS: usize = 6;
/// Average fill of a bucket (0.54 of its slots): few buckets overflow.
const BUCKET_LOAD: f64 = 0.54;

/// [`Bucket::flags`]: some feature whose home is this bucket has side-list weights.
const SIDE: u32 = 1;

/// The [`Bucket::flags`] bit (1 to 16, from the fingerprint's top bits) a feature with
/// fingerprint `fp` sets in its home bucket when it lives in a later one: a lookup that does
/// not find its feature at home walks on only when its bit is set (an absent feature in a
/// bucket that overflowed otherwise did, about 40% of the walks, each an unprefetched line
/// and a mispredicted branch).
#[inline(always)]
fn overflow_bit(fp: u32) -> u32 {
    2 << (fp >> 28)
}

#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    /// 0 marks an empty slot.
    fp: [u32; SLOTS],
    w: [[i16; SLOT_LABELS]; SLOTS],
    /// [`SIDE`] | the [`overflow_bit`]s of the features from here that live further on.
    flags: u32,
}

const _: () = assert!(std::mem::size_of::<Bucket>() == 64);

/// The low 32 bits of a feature id (0 marks an empty slot: such features go to the side list).
#[inline(always)]
fn fingerprint(id: u64) -> u32 {
    id as u32
}

#[derive(Clone, Default)]
pub struct ScoreTable {
    buckets: Buckets,
    /// Weights added the long way, sorted by id: those of labels past [`SLOT_LABELS`] (where
    /// not zero), and all of a feature whose fingerprint is 0.
    side: Vec<(u64, [i16; MAX_LABELS])>,
    n: usize,
    scale: f32,
}

impl ScoreTable {
    /// The table of `w` (at most [`MAX_LABELS`] labels).
    pub fn new(w: &Weights) -> ScoreTable {
        let n = w.n_classes().min(MAX_LABELS);
        let nb = ((w.n_features() as f64 / (SLOTS as f64 * BUCKET_LOAD)) as usize).max(2);
        let mut t = ScoreTable {
            buckets: Buckets::new(nb),
            side: Vec::new(),
            n,
            scale: w.scale(),
        };
        // The weightier half of the features first: they are most often the ones seen often
        // in training (and so in text), and the first inserted sit in their home buckets; the
        // last may overflow into the next bucket, which costs a lookup an unprefetched line.
        // Two passes in id order, not a sort by weight: ids in order fill the buckets in
        // order (a fully sorted insertion, all over the table, took ~60 ms of model loading).
        let size =
            |row: &[i16]| -> u32 { row[..n].iter().map(|&x| u32::from(x.unsigned_abs())).sum() };
        let mut sizes: Vec<u32> = w.rows().map(|(_, row)| size(row)).collect();
        let median = if sizes.is_empty() {
            0
        } else {
            let mid = sizes.len() / 2;
            *sizes.select_nth_unstable(mid).1
        };
        let first = w.rows().filter(|&(_, row)| size(row) >= median);
        let rest = w.rows().filter(|&(_, row)| size(row) < median);
        for (k, row) in first.chain(rest) {
            let mut ws = [0i16; SLOT_LABELS];
            let m = n.min(SLOT_LABELS);
            ws[..m].copy_from_slice(&row[..m]);
            let mut rest = [0i16; MAX_LABELS];
            rest[SLOT_LABELS..n.max(SLOT_LABELS)].copy_from_slice(&row[SLOT_LABELS.min(n)..n]);
            let home = t.home(k);
            let mut b = home;
            if fingerprint(k) == 0 {
                rest[..m].copy_from_slice(&ws[..m]);
                t.side.push((k, rest));
                t.buckets[b].flags |= SIDE;
                continue;
            }
            if rest.iter().any(|&x| x != 0) {
                t.side.push((k, rest));
                t.buckets[b].flags |= SIDE;
            }
            loop {
                let bucket = &mut t.buckets[b];
                if let Some(j) = bucket.fp.iter().position(|&f| f == 0) {
                    bucket.fp[j] = fingerprint(k);
                    bucket.w[j] = ws;
                    break;
                }
                if b == home {
                    bucket.flags |= overflow_bit(fingerprint(k));
                }
                b = t.next(b);
            }
        }
        t.side.sort_unstable_by_key(|&(k, _)| k);
        t
    }

    pub fn n_labels(&self) -> usize {
        self.n
    }

    /// Size of one quantisation step.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Home bucket of feature `k`: the high bits of `k × buckets` (Lemire's range reduction),
    /// so the table needs no power-of-two size; the fingerprint uses the low bits. Always
    /// less than the number of buckets.
    #[inline]
    fn home(&self, k: u64) -> usize {
        ((u128::from(k) * self.buckets.len() as u128) >> 64) as usize
    }

    #[inline]
    fn next(&self, b: usize) -> usize {
        if b + 1 == self.buckets.len() {
            0
        } else {
            b + 1
        }
    }

    /// Bit `j` set when slot `j` of `bucket` holds fingerprint `fp`, computed without
    /// branches: which slot holds a feature is random, so a search that stops at the first
    /// match mispredicted about once per lookup.
    #[inline(always)]
    fn matches(bucket: &Bucket, fp: u32) -> u32 {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            // SAFETY: SSE2 is part of x86_64; the unaligned loads read `fp[0..4]` and
            // `fp[2..6]`, inside the bucket.
            unsafe {
                let key = _mm_set1_epi32(fp as i32);
                let lo = _mm_loadu_si128(bucket.fp.as_ptr().cast());
                let hi = _mm_loadu_si128(bucket.fp.as_ptr().add(2).cast());
                let lo = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, key))) as u32;
                let hi = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, key))) as u32;
                // Slots 2 and 3 are in both halves, with the same bits.
                lo | hi << 2
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            bucket
                .fp
                .iter()
                .enumerate()
                .fold(0, |m, (j, &f)| m | (u32::from(f == fp) << j))
        }
    }

    /// The weights of feature `k`: in its home bucket, or (if its overflow bit is set there)
    /// in the first bucket after it with a free slot at build time, the end of its chain.
    fn get(&self, k: u64) -> Option<&[i16; SLOT_LABELS]> {
        let fp = fingerprint(k);
        let mut b = self.home(k);
        let bucket = &self.buckets[b];
        let m = Self::matches(bucket, fp);
        if m != 0 {
            // The first matching slot, as a scan in slot order would find it.
            return Some(&bucket.w[m.trailing_zeros() as usize]);
        }
        if bucket.flags & overflow_bit(fp) == 0 {
            return None;
        }
        loop {
            b = self.next(b);
            let bucket = &self.buckets[b];
            let m = Self::matches(bucket, fp);
            if m != 0 {
                return Some(&bucket.w[m.trailing_zeros() as usize]);
            }
            if bucket.fp.contains(&0) {
                // Had this bucket had a free slot when the feature was inserted, it would be
                // here: the chain ends.
                return None;
            }
        }
    }

    /// Ask the CPU to start loading the buckets of `feats` (scored a little later), so their
    /// cache misses overlap instead of queueing one after another.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &f in feats {
            self.prefetch_one(f);
        }
    }

    /// Ask the CPU to start loading the home bucket of feature `f`.
    #[inline(always)]
    pub fn prefetch_one(&self, f: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.buckets.as_ptr().wrapping_add(self.home(f));
            // SAFETY: SSE is part of x86_64; a prefetch is a hint that reads nothing and cannot
            // fault, whatever the address.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast())
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = f;
    }

    /// Add the weights of `feats` to `acc` (one entry per label).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32; MAX_LABELS]) {
        for &f in feats {
            self.add_one(f, acc);
        }
    }

    /// The weights of feature `f` (zero if absent), one entry per label.
    pub fn weights(&self, f: u64) -> [i32; MAX_LABELS] {
        let mut acc = [0; MAX_LABELS];
        self.add_one(f, &mut acc);
        acc
    }

    /// Add the weights of feature `f` to `acc`.
    #[inline(always)]
    pub fn add_one(&self, f: u64, acc: &mut [i32; MAX_LABELS]) {
        self.add_one_matching(f, acc, Self::matches);
    }

    /// [`ScoreTable::add_one`] for a caller compiled with AVX2 (see
    /// [`crate::sequence::emissions_strided`]): one compare finds the fingerprint.
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    pub unsafe fn add_one_avx2(&self, f: u64, acc: &mut [i32; MAX_LABELS]) {
        self.add_one_matching(f, acc, |bucket, fp| {
            use std::arch::x86_64::*;
            // SAFETY: the caller's CPU has AVX2; the 32-byte read starts at the bucket's
            // fingerprints and ends inside its weights (64-byte bucket), whose lanes are
            // masked out.
            unsafe {
                let key = _mm256_set1_epi32(fp as i32);
                let fps = _mm256_loadu_si256(bucket.fp.as_ptr().cast());
                let eq = _mm256_castsi256_ps(_mm256_cmpeq_epi32(fps, key));
                _mm256_movemask_ps(eq) as u32 & ((1 << SLOTS) - 1)
            }
        });
    }

    /// [`ScoreTable::add_one`] with `matches` finding the fingerprint in a bucket (as
    /// [`ScoreTable::matches`] does).
    #[inline(always)]
    fn add_one_matching(
        &self,
        f: u64,
        acc: &mut [i32; MAX_LABELS],
        matches: impl Fn(&Bucket, u32) -> u32,
    ) {
        let fp = fingerprint(f);
        let home = self.home(f);
        debug_assert!(home < self.buckets.len());
        // SAFETY: `home` is less than the number of buckets (see `home`).
        let bucket = unsafe { self.buckets.get_unchecked(home) };
        let m = matches(bucket, fp);
        // Walk on when the feature is not at home but its overflow bit is set, or when its
        // home holds side-list features. Both are rare, and so is the first test's passing,
        // which does not depend on whether the feature is known (that is unpredictable).
        let flags = bucket.flags;
        if flags & (SIDE | overflow_bit(fp)) != 0 && (m == 0 || flags & SIDE != 0) {
            // Rare: the feature may live in a later bucket, or have side-list weights. (The
            // weights come back by value: `acc` stays in a register.)
            let w = self.weights_slow(f);
            for (a, x) in acc.iter_mut().zip(w) {
                *a += x;
            }
            return;
        }
        // Found in its home bucket, or absent: the slot's weights masked to zero when
        // absent, so whether a feature is known (often unpredictable) costs no branch.
        let j = (m | 1 << (SLOTS - 1)).trailing_zeros() as usize;
        let keep = -i32::from(m != 0);
        Self::add_slot(bucket, j, keep, acc);
    }

    /// Add slot `j`'s weights of `bucket`, each ANDed with `keep` (all ones or zero).
    #[inline(always)]
    fn add_slot(bucket: &Bucket, j: usize, keep: i32, acc: &mut [i32; MAX_LABELS]) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            debug_assert!(j < SLOTS);
            // SAFETY: SSE2 is part of x86_64. The 8-byte read starts at slot `j`'s weights
            // (`j < SLOTS`) and ends at most 2 bytes past the last slot's, before the end of
            // the 64-byte bucket (`flags` follows the weights); those 2 bytes are masked out.
            // `acc` is 16 bytes, read and written unaligned.
            unsafe {
                let p = bucket.w.as_ptr().cast::<u8>().add(j * 2 * SLOT_LABELS);
                let w = _mm_loadl_epi64(p.cast());
                // i16 → i32: each weight into the high half of a lane, then shifted down.
                let w = _mm_srai_epi32::<16>(_mm_unpacklo_epi16(w, w));
                let mask = _mm_and_si128(_mm_set1_epi32(keep), _mm_setr_epi32(-1, -1, -1, 0));
                let a = _mm_loadu_si128(acc.as_ptr().cast());
                let a = _mm_add_epi32(a, _mm_and_si128(w, mask));
                _mm_storeu_si128(acc.as_mut_ptr().cast(), a);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        for (a, &x) in acc.iter_mut().zip(&bucket.w[j]) {
            *a += i32::from(x) & keep;
        }
    }

    /// The weights of feature `f` the long way: along the overflow chain, then the side list.
    #[cold]
    #[inline(never)]
    fn weights_slow(&self, f: u64) -> [i32; MAX_LABELS] {
        let mut acc = [0; MAX_LABELS];
        if let Some(w) = self.get(f) {
            for (a, &x) in acc.iter_mut().zip(w) {
                *a += i32::from(x);
            }
        }
        if let Ok(i) = self.side.binary_search_by_key(&f, |&(k, _)| k) {
            for (a, &x) in acc.iter_mut().zip(&self.side[i].1) {
                *a += i32::from(x);
            }
        }
        acc
    }
}

/// Tables at least this large (in bytes) are laid out for huge pages.
const HUGE_PAGE_MIN: usize = 256 << 10;
/// A transparent huge page (x86_64 Linux).
const HUGE_PAGE: usize = 2 << 20;

/// The buckets of a table, in one allocation that large tables align to 2 MB and (on Linux)
/// mark for transparent huge pages before first touching it: lookups land on random
/// buckets, and with 4 KB pages a table of a few MB spans more pages than the TLB holds.
struct Buckets {
    ptr: std::ptr::NonNull<Bucket>,
    len: usize,
    layout: std::alloc::Layout,
}

// SAFETY: `Buckets` owns its allocation of plain data, like a `Vec<Bucket>`.
unsafe impl Send for Buckets {}
// SAFETY: as above; shared access only reads.
unsafe impl Sync for Buckets {}

impl Buckets {
    /// `len` empty buckets.
    fn new(len: usize) -> Buckets {
        use std::alloc::{alloc, handle_alloc_error, Layout};
        let size = len * std::mem::size_of::<Bucket>();
        if size == 0 {
            return Buckets::default();
        }
        let layout = if size >= HUGE_PAGE_MIN {
            Layout::from_size_align(size.next_multiple_of(HUGE_PAGE), HUGE_PAGE)
        } else {
            Layout::array::<Bucket>(len)
        }
        .expect("score table size overflows");
        // SAFETY: `layout` has a non-zero size.
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = std::ptr::NonNull::new(raw.cast::<Bucket>()) else {
            handle_alloc_error(layout)
        };
        #[cfg(target_os = "linux")]
        if layout.align() == HUGE_PAGE {
            // SAFETY: the range is the allocation just made, page-aligned; the advice is a
            // hint (failure leaves ordinary pages).
            unsafe { libc::madvise(raw.cast(), layout.size(), libc::MADV_HUGEPAGE) };
        }
        for i in 0..len {
            // SAFETY: `i < len` buckets fit in the allocation.
            unsafe { ptr.as_ptr().add(i).write(Bucket::default()) };
        }
        Buckets { ptr, len, layout }
    }
}

impl Default for Buckets {
    fn default() -> Buckets {
        Buckets {
            ptr: std::ptr::NonNull::dangling(),
            len: 0,
            layout: std::alloc::Layout::new::<Bucket>(),
        }
    }
}

impl Drop for Buckets {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: allocated in `Buckets::new` with this layout.
            unsafe { std::alloc::dealloc(self.ptr.as_ptr().cast(), self.layout) };
        }
    }
}

impl Clone for Buckets {
    fn clone(&self) -> Buckets {
        let mut b = Buckets::new(self.len);
        b.copy_from_slice(self);
        b
    }
}

impl std::ops::Deref for Buckets {
    type Target = [Bucket];
    fn deref(&self) -> &[Bucket] {
        // SAFETY: `len` initialised buckets (or a dangling pointer with length 0).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl std::ops::DerefMut for Buckets {
    fn deref_mut(&mut self) -> &mut [Bucket] {
        // SAFETY: as in `deref`, and `&mut self` is the only access.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use according_ml::perceptron::Trainer;

    #[test]
    fn scores_match_the_weights() {
        let mut tr = Trainer::new(3);
        for i in 0..200u64 {
            let f = [i * 7919 + 1, 0, i % 5 + 100_000];
            tr.update(&f, (i % 3) as usize, 1.0);
            tr.tick();
        }
        let w = tr.finish(0.0);
        let t = ScoreTable::new(&w);
        for i in 0..220u64 {
            let f = [i * 7919 + 1, 0, i % 7 + 100_000];
            let mut a = [0i32; 8];
            w.add_scores_i32(&f, &mut a[..3]);
            let mut b = [0i32; MAX_LABELS];
            t.add_scores(&f, &mut b);
            assert_eq!(a[..3], b[..3]);
        }
        assert_eq!(t.scale(), w.scale());
    }

    /// Weights of four labels, the fourth trained on a few features only (as the role
    /// tagger's cue label), so the table has a side list, overflows and absent features.
    fn four_label_weights() -> Weights {
        let mut tr = Trainer::new(4);
        for i in 0..3000u64 {
            let f = [i.wrapping_mul(0x9E37_79B9_7F4A_7C15), i % 11 + 7];
            let y = if i % 500 == 0 { 3 } else { (i % 3) as usize };
            tr.update(&f, y, 1.0);
            tr.tick();
        }
        tr.finish(0.0)
    }

    #[test]
    fn a_fourth_label_is_scored_from_the_side_list() {
        // Four labels, the fourth trained on a few features only (as the role tagger's cue
        // label): every label's sum must be the weights', found in the home bucket, after an
        // overflow, or absent.
        let w = four_label_weights();
        let t = ScoreTable::new(&w);
        assert!(!t.side.is_empty() && t.side.len() < 20);
        assert!(t.buckets.iter().any(|b| b.flags & !SIDE != 0));
        for i in 0..3500u64 {
            let f = [i.wrapping_mul(0x9E37_79B9_7F4A_7C15), i % 13 + 7, i];
            let mut a = [0i32; 4];
            w.add_scores_i32(&f, &mut a);
            let mut b = [0i32; MAX_LABELS];
            t.add_scores(&f, &mut b);
            assert_eq!(a, b, "features {f:?}");
        }
    }

    #[test]
    fn the_avx2_lookup_is_the_sse2_one() {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // Four labels, a side list, overflows, absent features (as in the test above).
            let t = ScoreTable::new(&four_label_weights());
            for i in 0..3500u64 {
                let f = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i % 3);
                let (mut a, mut b) = ([0; MAX_LABELS], [0; MAX_LABELS]);
                t.add_one(f, &mut a);
                // SAFETY: the CPU has AVX2 (checked above).
                unsafe { t.add_one_avx2(f, &mut b) };
                assert_eq!(a, b, "feature {f}");
            }
        }
    }

    #[test]
    fn ids_whose_low_bits_are_zero_are_scored_from_the_side_list() {
        // Fingerprint 0 marks an empty slot: such features live in the side list, and one
        // absent (or looked up in a bucket with empty slots) adds nothing.
        let mut tr = Trainer::new(3);
        for i in 1..300u64 {
            tr.update(&[i << 32, i * 7919], (i % 3) as usize, 1.0);
            tr.tick();
        }
        let w = tr.finish(0.0);
        let t = ScoreTable::new(&w);
        assert_eq!(t.side.len(), 299);
        for i in 0..400u64 {
            let f = [i << 32, i * 7919, (i + 1) << 33];
            let mut a = [0i32; 4];
            w.add_scores_i32(&f, &mut a[..3]);
            let mut b = [0i32; MAX_LABELS];
            t.add_scores(&f, &mut b);
            assert_eq!(a, b, "features {f:?}");
        }
    }
}
