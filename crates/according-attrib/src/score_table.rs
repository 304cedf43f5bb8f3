//! Decoding-time weights: feature id → quantised weights of up to four labels, in one
//! open-addressing table whose 16-byte slots hold the key and the weights together, so a
//! lookup costs one cache line instead of an index probe plus a row fetch. Scoring is most of
//! extraction's time, and it is bound by these memory accesses.

use according_ml::perceptron::Weights;

/// Labels per slot.
pub const MAX_LABELS: usize = 4;

#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    w: [i16; MAX_LABELS],
}

#[derive(Clone, Default)]
pub struct ScoreTable {
    slots: Vec<Slot>,
    mask: usize,
    /// Weights of the feature id 0, which marks empty slots.
    zero: Option<[i16; MAX_LABELS]>,
    n: usize,
    scale: f32,
}

impl ScoreTable {
    /// The table of `w` (at most [`MAX_LABELS`] labels).
    pub fn new(w: &Weights) -> ScoreTable {
        let n = w.n_classes().min(MAX_LABELS);
        let size = (w.n_features() * 2).next_power_of_two().max(8);
        let mut t = ScoreTable {
            slots: vec![Slot::default(); size],
            mask: size - 1,
            zero: None,
            n,
            scale: w.scale(),
        };
        for (k, row) in w.rows() {
            let mut ws = [0i16; MAX_LABELS];
            ws[..n].copy_from_slice(&row[..n]);
            if k == 0 {
                t.zero = Some(ws);
                continue;
            }
            let mut i = k as usize & t.mask;
            loop {
                let s = &mut t.slots[i];
                if s.key == 0 || s.key == k {
                    *s = Slot { key: k, w: ws };
                    break;
                }
                i = (i + 1) & t.mask;
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

    #[inline]
    fn get(&self, k: u64) -> Option<&[i16; MAX_LABELS]> {
        if k == 0 {
            return self.zero.as_ref();
        }
        let mut i = k as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.key == k {
                return Some(&s.w);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Ask the CPU to start loading the slots of `feats` (scored a little later), so their
    /// cache misses overlap instead of queueing one after another.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let p = self.slots.as_ptr().wrapping_add(f as usize & self.mask);
            // SAFETY: SSE is part of x86_64; a prefetch is a hint that reads nothing and cannot
            // fault, whatever the address.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast())
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }

    /// Add the weights of `feats` to `acc` (one entry per label).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32; MAX_LABELS]) {
        for &f in feats {
            if let Some(w) = self.get(f) {
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += i32::from(x);
                }
            }
        }
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
