//! Decoding-time weights: feature id → quantised weights of up to four labels, in 64-byte
//! buckets of five (32-bit fingerprint, four `i16` weights) slots, so a lookup reads one cache
//! line (two when its bucket overflowed at build time). Scoring is most of extraction's time,
//! and it is bound by these memory accesses: the buckets hold ~3 features each, which makes
//! the tables less than half the size of a table of full 64-bit keys at the load factor open
//! addressing needs, so more of them stays in cache. A fingerprint instead of the full id
//! lets an absent feature match by chance about once in 10^9 lookups.

use according_ml::perceptron::Weights;

/// Labels per slot.
pub const MAX_LABELS: usize = 4;

/// Slots per bucket.
const SLOTS: usize = 5;
/// Average fill of a bucket (0.65 of its slots): few buckets overflow.
const BUCKET_LOAD: f64 = 0.65;

#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    /// 0 marks an empty slot.
    fp: [u32; SLOTS],
    w: [[i16; MAX_LABELS]; SLOTS],
    /// Non-zero when some feature whose home is this bucket lives in a later one.
    overflow: u32,
}

/// The low 32 bits of a feature id (0 marks an empty slot, so id 0 maps elsewhere).
#[inline]
fn fingerprint(id: u64) -> u32 {
    match id as u32 {
        0 => 0x9E37_79B9,
        f => f,
    }
}

#[derive(Clone, Default)]
pub struct ScoreTable {
    buckets: Buckets,
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
            n,
            scale: w.scale(),
        };
        for (k, row) in w.rows() {
            let mut ws = [0i16; MAX_LABELS];
            ws[..n].copy_from_slice(&row[..n]);
            let mut b = t.home(k);
            loop {
                let bucket = &mut t.buckets[b];
                if let Some(j) = bucket.fp.iter().position(|&f| f == 0) {
                    bucket.fp[j] = fingerprint(k);
                    bucket.w[j] = ws;
                    break;
                }
                bucket.overflow = 1;
                b = t.next(b);
            }
        }
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
    /// so the table needs no power-of-two size; the fingerprint uses the low bits.
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
    #[inline]
    fn matches(bucket: &Bucket, fp: u32) -> u32 {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            // SAFETY: SSE2 is part of x86_64; the unaligned load reads `fp[0..4]`, inside the
            // bucket.
            let m4 = unsafe {
                let slots = _mm_loadu_si128(bucket.fp.as_ptr().cast());
                let eq = _mm_cmpeq_epi32(slots, _mm_set1_epi32(fp as i32));
                _mm_movemask_ps(_mm_castsi128_ps(eq)) as u32
            };
            m4 | u32::from(bucket.fp[4] == fp) << 4
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

    #[inline]
    fn get(&self, k: u64) -> Option<&[i16; MAX_LABELS]> {
        let fp = fingerprint(k);
        let mut b = self.home(k);
        loop {
            let bucket = &self.buckets[b];
            let m = Self::matches(bucket, fp);
            if m != 0 {
                // The first matching slot, as a scan in slot order would find it.
                return Some(&bucket.w[m.trailing_zeros() as usize]);
            }
            if bucket.overflow == 0 {
                return None;
            }
            b = self.next(b);
        }
    }

    /// Ask the CPU to start loading the buckets of `feats` (scored a little later), so their
    /// cache misses overlap instead of queueing one after another.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let p = self.buckets.as_ptr().wrapping_add(self.home(f));
            // SAFETY: SSE is part of x86_64; a prefetch is a hint that reads nothing and cannot
            // fault, whatever the address.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast())
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }

    /// Ask the CPU to start loading the home bucket of feature `f`.
    #[inline(always)]
    pub fn prefetch_one(&self, f: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.buckets.as_ptr().wrapping_add(self.home(f));
            // SAFETY: as in `prefetch`.
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

    /// Add the weights of feature `f` to `acc`.
    #[inline(always)]
    pub fn add_one(&self, f: u64, acc: &mut [i32; MAX_LABELS]) {
        let fp = fingerprint(f);
        let bucket = &self.buckets[self.home(f)];
        let m = Self::matches(bucket, fp);
        if m == 0 && bucket.overflow != 0 {
            // Rare: the feature may live in a later bucket.
            if let Some(w) = self.get(f) {
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += i32::from(x);
                }
            }
            return;
        }
        // Found in its home bucket, or absent: the slot's weights masked to zero when
        // absent, so whether a feature is known (often unpredictable) costs no branch.
        let w = &bucket.w[(m | 1 << (SLOTS - 1)).trailing_zeros() as usize];
        let keep = -i32::from(m != 0);
        for (a, &x) in acc.iter_mut().zip(w) {
            *a += i32::from(x) & keep;
        }
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
}
