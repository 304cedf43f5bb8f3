//! Averaged multiclass perceptron over sparse hashed features.
//!
//! [`Trainer`] learns in place (with lazy averaging, Collins 2002 / Daumé's trick);
//! [`Trainer::finish`] freezes the averaged weights into [`Weights`]: rows pruned, quantised to
//! `i16` with one scale per model, dense per row so scoring is a few vector adds.

use crate::modelfile::{ByteReader, ByteWriter};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature ids are already hashes: use them as they are.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A perceptron being trained.
pub struct Trainer {
    n_classes: usize,
    index: IdMap<u32>,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u64>,
    /// Number of updates that touched each row (for pruning rare features).
    touched: Vec<u32>,
    now: u64,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            index: IdMap::default(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            touched: Vec::new(),
            now: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Current (not averaged) scores of every class.
    pub fn scores(&self, feats: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.n_classes, 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * self.n_classes..(r as usize + 1) * self.n_classes];
                for (o, x) in out.iter_mut().zip(row) {
                    *o += x;
                }
            }
        }
    }

    /// Best class under current weights (ties → lowest index).
    pub fn predict(&self, feats: &[u64]) -> usize {
        let mut s = Vec::new();
        self.scores(feats, &mut s);
        argmax(&s)
    }

    /// One training instance: predict, update on error, advance the clock. Returns the guess.
    pub fn train_one(&mut self, feats: &[u64], truth: usize) -> usize {
        let guess = self.predict(feats);
        if guess != truth {
            self.update(feats, truth, 1.0);
            self.update(feats, guess, -1.0);
        }
        self.tick();
        guess
    }

    /// Advance the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Add `delta` to the weight of `class` for every feature (structured updates call this).
    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        debug_assert!(class < self.n_classes);
        for &f in feats {
            let r = self.row(f);
            self.touched[r] = self.touched[r].saturating_add(1);
            let i = r * self.n_classes + class;
            self.total[i] += (self.now - self.stamp[i]) as f64 * self.w[i] as f64;
            self.stamp[i] = self.now;
            self.w[i] += delta;
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let next = self.index.len() as u32;
        let r = *self.index.entry(f).or_insert(next) as usize;
        if r == self.touched.len() {
            self.w.resize(self.w.len() + self.n_classes, 0.0);
            self.total.resize(self.total.len() + self.n_classes, 0.0);
            self.stamp.resize(self.stamp.len() + self.n_classes, 0);
            self.touched.push(0);
        }
        r
    }

    /// Averaged weights, dropping rows touched fewer than `min_updates` times or whose largest
    /// averaged weight is below `min_abs`.
    pub fn finish_pruned(self, min_updates: u32, min_abs: f32) -> Weights {
        self.averaged_pruned(min_updates, min_abs)
    }

    /// Like [`Trainer::finish_pruned`] but keeps training possible: for per-epoch
    /// evaluation of the averaged model, or trying several pruning levels.
    pub fn averaged_pruned(&self, min_updates: u32, min_abs: f32) -> Weights {
        let n = self.n_classes;
        let now = self.now.max(1);
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        rows.sort_unstable();
        let mut keys = Vec::new();
        let mut avg: Vec<f32> = Vec::new();
        for (k, r) in rows {
            let r = r as usize;
            if self.touched[r] < min_updates {
                continue;
            }
            let row: Vec<f32> = (0..n)
                .map(|c| {
                    let i = r * n + c;
                    let t = self.total[i] + (now - self.stamp[i]) as f64 * self.w[i] as f64;
                    (t / now as f64) as f32
                })
                .collect();
            if row.iter().all(|x| x.abs() < min_abs) {
                continue;
            }
            keys.push(k);
            avg.extend(row);
        }
        Weights::quantize(n, keys, &avg)
    }

    /// Averaged weights, dropping rows whose largest weight is below `min_abs`.
    pub fn finish(self, min_abs: f32) -> Weights {
        self.finish_pruned(0, min_abs)
    }
}

/// Frozen, quantised weights for inference.
#[derive(Clone)]
pub struct Weights {
    n_classes: usize,
    /// Feature ids in row order.
    keys: Vec<u64>,
    /// Built on first lookup: a caller that only copies the rows into its own tables
    /// (see [`Weights::rows`]) never pays for it.
    index: std::sync::OnceLock<RowIndex>,
    w: Vec<i16>,
    scale: f32,
}

/// Feature id → weight row: open addressing with linear probing over a power-of-two table
/// (load ≤ 1/2), key and row side by side, so a lookup is usually one cache line instead of
/// a general hash map's several. Ids are already well-mixed hashes: their low bits index.
#[derive(Clone, Default)]
struct RowIndex {
    slots: Vec<Slot>,
    mask: usize,
    /// Row of the key 0, which marks empty slots in the table.
    zero: Option<u32>,
}

#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Slot {
    key: u64,
    row: u32,
}

impl RowIndex {
    /// Rows numbered in the order of `keys`; a repeated key maps to its last row (as the
    /// hash map this replaces did).
    fn new(keys: &[u64]) -> RowIndex {
        let size = (keys.len() * 2).next_power_of_two().max(8);
        let mut t = RowIndex {
            slots: vec![Slot::default(); size],
            mask: size - 1,
            zero: None,
        };
        for (r, &k) in keys.iter().enumerate() {
            if k == 0 {
                t.zero = Some(r as u32);
                continue;
            }
            let mut i = k as usize & t.mask;
            loop {
                let slot = &mut t.slots[i];
                if slot.key == 0 {
                    *slot = Slot {
                        key: k,
                        row: r as u32,
                    };
                    break;
                }
                if slot.key == k {
                    slot.row = r as u32;
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        t
    }

    #[inline]
    fn get(&self, k: u64) -> Option<u32> {
        if k == 0 {
            return self.zero;
        }
        let mut i = k as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == k {
                return Some(slot.row);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Hint the CPU to fetch the slot of `k` (decoders call this for a whole feature list
    /// before summing, so the cache misses overlap).
    #[inline]
    fn prefetch(&self, k: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.slots.as_ptr().wrapping_add(k as usize & self.mask);
            // SAFETY: prefetch is a hint; it never faults, even on an invalid address, and the
            // address is inside `slots` anyway.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0)
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = k;
    }
}

impl Weights {
    fn quantize(n_classes: usize, keys: Vec<u64>, avg: &[f32]) -> Weights {
        let max = avg.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let w = avg.iter().map(|x| (x / scale).round() as i16).collect();
        Weights {
            n_classes,
            keys,
            index: std::sync::OnceLock::new(),
            w,
            scale,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    fn index(&self) -> &RowIndex {
        self.index.get_or_init(|| RowIndex::new(&self.keys))
    }

    /// Scores of every class (in the units of the averaged weights).
    pub fn scores(&self, feats: &[u64], out: &mut Vec<f32>) {
        let n = self.n_classes;
        let mut acc = vec![0i32; n];
        self.add_scores_i32(feats, &mut acc);
        out.clear();
        out.extend(acc.iter().map(|&a| a as f32 * self.scale));
    }

    /// Add the raw quantised scores of every class into `acc` (length `n_classes`), without
    /// allocating: the hot path for decoders that score many times per sentence. Multiply by
    /// [`Weights::scale`] to get the units of [`Weights::scores`].
    pub fn add_scores_i32(&self, feats: &[u64], acc: &mut [i32]) {
        let n = self.n_classes;
        let index = self.index();
        if feats.len() > 8 {
            for &f in feats {
                index.prefetch(f);
            }
        }
        for &f in feats {
            if let Some(r) = index.get(f) {
                let row = &self.w[r as usize * n..(r as usize + 1) * n];
                for (a, &x) in acc.iter_mut().zip(row) {
                    *a += x as i32;
                }
            }
        }
    }

    /// Every feature id with its quantised row (one weight per class), in row order: for
    /// building specialised lookup tables.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[i16])> + '_ {
        let n = self.n_classes.max(1);
        self.keys.iter().copied().zip(self.w.chunks_exact(n))
    }

    /// Size of one quantisation step.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    pub fn predict(&self, feats: &[u64]) -> usize {
        let mut s = Vec::with_capacity(self.n_classes);
        self.scores(feats, &mut s);
        argmax(&s)
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.u32(self.n_classes as u32);
        w.u32(self.keys.len() as u32);
        w.f32(self.scale);
        for &k in &self.keys {
            w.u64(k);
        }
        for x in &self.w {
            w.i16(*x);
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<Weights, String> {
        let n_classes = r.u32()? as usize;
        let rows = r.u32()? as usize;
        let scale = r.f32()?;
        let mut keys = Vec::with_capacity(rows.min(1 << 24));
        for _ in 0..rows {
            keys.push(r.u64()?);
        }
        let total = rows
            .checked_mul(n_classes)
            .ok_or("weights table size overflows")?;
        let mut w = Vec::with_capacity(total.min(1 << 28));
        for _ in 0..total {
            w.push(r.i16()?);
        }
        Ok(Weights {
            n_classes,
            keys,
            index: std::sync::OnceLock::new(),
            w,
            scale,
        })
    }
}

/// Index of the largest value (first on ties); 0 for an empty slice.
pub fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in s.iter().enumerate() {
        if x > s[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::FeatureSet;

    #[test]
    fn learns_and_roundtrips() {
        let mut t = Trainer::new(3);
        let data = [("a", 0usize), ("b", 1), ("c", 2)];
        let mut f = FeatureSet::new();
        for _ in 0..10 {
            for (w, y) in data {
                f.clear();
                f.add(&["w", w]);
                f.add(&["bias"]);
                t.train_one(&f.ids, y);
            }
        }
        let w = t.finish(0.0);
        let mut bw = ByteWriter::default();
        w.write(&mut bw);
        let bytes = bw.into_inner();
        let w2 = Weights::read(&mut ByteReader::new(&bytes)).unwrap();
        for (word, y) in data {
            f.clear();
            f.add(&["w", word]);
            f.add(&["bias"]);
            assert_eq!(w.predict(&f.ids), y);
            assert_eq!(w2.predict(&f.ids), y);
        }
    }

    #[test]
    fn row_index_finds_every_key_and_only_those() {
        // Key 0 (the empty marker), colliding low bits, and many keys.
        let mut keys: Vec<u64> = vec![0, 1 << 40, 2 << 40, 3];
        keys.extend((1..5000u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        let avg: Vec<f32> = (0..keys.len() * 2).map(|i| i as f32).collect();
        let w = Weights::quantize(2, keys.clone(), &avg);
        for (r, &k) in keys.iter().enumerate() {
            let mut acc = [0i32; 2];
            w.add_scores_i32(&[k], &mut acc);
            let row: Vec<i32> = w.w[r * 2..r * 2 + 2].iter().map(|&x| x as i32).collect();
            assert_eq!(acc.to_vec(), row, "key {k:#x}");
        }
        let mut acc = [0i32; 2];
        w.add_scores_i32(&[4 << 40, 12345], &mut acc);
        assert_eq!(acc, [0, 0]);
        let rows: Vec<u64> = w.rows().map(|(k, _)| k).collect();
        assert_eq!(rows, keys);
    }
}
