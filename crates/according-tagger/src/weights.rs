//! Frozen perceptron weights: per feature a sparse row of `(class, i16 weight)` pairs, one
//! scale for the whole model. Sparse rows keep the file small and scoring cheap (most features
//! only ever voted for a handful of the ~100 tags).

use crate::bytes::{put_i16s, put_u32s, put_u64s, Cursor};
use according_ml::huge::HugeSlice;

#[derive(Debug, Clone)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    /// Feature ids in row order (for writing the model back out).
    keys: Vec<u64>,
    lens: Vec<u8>,
    /// Open-addressing table, one 8-byte slot per probe so a lookup costs one cache miss:
    /// high half = fingerprint of the id (0 = empty),
    /// low half = row start << 8 | row length. On huge pages (as `entries`): lookups land
    /// anywhere in megabytes, and with small pages most would also miss the TLB.
    slots: HugeSlice<u64>,
    mask: usize,
    /// Row entries: weight (i16) in the high 16 bits, class in the low 8.
    entries: HugeSlice<u32>,
}

/// Rows start below 2^24 (16M weights, far above the 10 MB model budget).
const MAX_ENTRIES: usize = 1 << 24;

/// Low 32 bits of the id (0 reserved for empty slots)...
#[inline]
fn fingerprint(k: u64) -> u64 {
    (k as u32).max(1) as u64
}

/// ...and the slot from a multiplicative hash of all its bits, so ids need not be random.
#[inline]
fn home(k: u64, mask: usize) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

impl Weights {
    /// Quantise averaged float rows `(feature, [(class, weight)])` with one global scale,
    /// dropping weights that round to zero and rows left empty.
    pub fn quantize(n_classes: usize, mut rows: Vec<(u64, Vec<(u8, f32)>)>) -> Weights {
        rows.sort_unstable_by_key(|r| r.0);
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, &(_, w)| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut keys = Vec::new();
        let mut lens = Vec::new();
        let mut classes = Vec::new();
        let mut values = Vec::new();
        for (k, row) in rows {
            let before = classes.len();
            for (c, w) in row {
                let q = (w / scale).round() as i16;
                if q != 0 {
                    classes.push(c);
                    values.push(q);
                }
            }
            if classes.len() > before {
                keys.push(k);
                lens.push((classes.len() - before) as u8);
            }
        }
        Self::assemble(n_classes, scale, keys, lens, &classes, &values)
            .expect("quantised weights are consistent")
    }

    fn assemble(
        n_classes: usize,
        scale: f32,
        keys: Vec<u64>,
        lens: Vec<u8>,
        classes: &[u8],
        values: &[i16],
    ) -> Result<Weights, String> {
        if classes.len() >= MAX_ENTRIES || classes.len() != values.len() || keys.len() != lens.len()
        {
            return Err("tagger weights: inconsistent sizes".into());
        }
        if classes.iter().any(|&c| c as usize >= n_classes) {
            return Err("tagger weights: class out of range".into());
        }
        let size = (keys.len().max(4) * 2).next_power_of_two();
        let mask = size - 1;
        let mut slots = HugeSlice::zeroed(size);
        let mut start = 0usize;
        for (&k, &len) in keys.iter().zip(&lens) {
            let mut i = home(k, mask);
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = fingerprint(k) << 32 | (start as u64) << 8 | len as u64;
            start += len as usize;
        }
        if start != classes.len() {
            return Err("tagger weights: row lengths do not add up".into());
        }
        let mut entries = HugeSlice::zeroed(classes.len());
        for ((e, &c), &v) in entries.iter_mut().zip(classes).zip(values) {
            *e = (v as u16 as u32) << 16 | c as u32;
        }
        Ok(Weights {
            n_classes,
            scale,
            keys,
            lens,
            slots,
            mask,
            entries,
        })
    }

    /// Row `(start << 8 | len)` of feature `k`.
    #[inline]
    fn row(&self, k: u64) -> Option<u32> {
        let fp = fingerprint(k);
        let mut i = home(k, self.mask);
        loop {
            let s = self.slots[i];
            if s >> 32 == fp {
                return Some(s as u32);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Ask the CPU to start loading the table slots of `feats` (a hint: scoring them a little
    /// later then overlaps their cache misses with other work).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let p = &self.slots[home(f, self.mask)] as *const u64 as *const i8;
            // SAFETY: a prefetch is only a hint; `p` points into `self.slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p, std::arch::x86_64::_MM_HINT_T0);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }

    /// Add the (quantised) scores of `feats` to `acc` (length `n_classes`; classes past its
    /// end are skipped).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32]) {
        if acc.len() < self.n_classes {
            return self.add_scores_checked(feats, acc);
        }
        let mut rows = [0u32; 32];
        for chunk in feats.chunks(rows.len()) {
            let n = self.find_rows(chunk, &mut rows);
            for &r in &rows[..n] {
                let start = (r >> 8) as usize;
                let len = (r & 0xff) as usize;
                for &e in &self.entries[start..start + len] {
                    let class = (e & 0xff) as usize;
                    // SAFETY: every class is below `n_classes` (checked when the weights
                    // were assembled), and `acc` has at least `n_classes` values.
                    unsafe { *acc.get_unchecked_mut(class) += (e >> 16) as u16 as i16 as i32 };
                }
            }
        }
    }

    /// The rows of the features of `chunk` (at most 32) that have one, into `rows`; how many.
    /// All table probes first (independent loads overlap in the memory system), each row's
    /// entries requested as soon as its slot is read.
    #[inline]
    fn find_rows(&self, chunk: &[u64], rows: &mut [u32; 32]) -> usize {
        let mut n = 0;
        for &f in chunk {
            if let Some(r) = self.row(f) {
                rows[n] = r;
                n += 1;
                #[cfg(target_arch = "x86_64")]
                if let Some(e) = self.entries.get((r >> 8) as usize) {
                    // SAFETY: a prefetch is only a hint; `e` is in `self.entries`.
                    unsafe {
                        std::arch::x86_64::_mm_prefetch(
                            e as *const u32 as *const i8,
                            std::arch::x86_64::_MM_HINT_T0,
                        );
                    }
                }
            }
        }
        n
    }

    /// [`Weights::add_scores`] to a shorter `acc`.
    #[cold]
    fn add_scores_checked(&self, feats: &[u64], acc: &mut [i32]) {
        let mut rows = [0u32; 32];
        for chunk in feats.chunks(rows.len()) {
            let n = self.find_rows(chunk, &mut rows);
            for &r in &rows[..n] {
                let start = (r >> 8) as usize;
                let len = (r & 0xff) as usize;
                for &e in &self.entries[start..start + len] {
                    if let Some(slot) = acc.get_mut((e & 0xff) as usize) {
                        *slot += (e >> 16) as u16 as i16 as i32;
                    }
                }
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_u32s(
            &mut out,
            [
                self.n_classes as u32,
                self.keys.len() as u32,
                self.entries.len() as u32,
            ],
        );
        out.extend_from_slice(&self.scale.to_le_bytes());
        put_u64s(&mut out, self.keys.iter().copied());
        // Row lengths as bytes, then classes, then weights: each plane compresses well.
        out.extend_from_slice(&self.lens);
        out.extend(self.entries.iter().map(|&e| e as u8));
        put_i16s(
            &mut out,
            self.entries.iter().map(|&e| (e >> 16) as u16 as i16),
        );
        out
    }

    pub fn from_bytes(data: &[u8]) -> Result<Weights, String> {
        let mut c = Cursor::new(data, "weights");
        let n_classes = c.u32()? as usize;
        let n_rows = c.u32()? as usize;
        let n_values = c.u32()? as usize;
        let scale = c.f32()?;
        if n_classes == 0 || n_classes > 256 {
            return Err(format!("tagger weights: bad class count {n_classes}"));
        }
        let keys = c.u64s(n_rows)?;
        let lens = c.u8s(n_rows)?;
        let classes = c.u8s(n_values)?;
        let values = c.i16s(n_values)?;
        c.done()?;
        Self::assemble(n_classes, scale, keys, lens.to_vec(), classes, &values)
    }
}
