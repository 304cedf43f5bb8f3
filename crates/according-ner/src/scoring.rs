//! Fast scoring for decoding: the perceptron's quantised weights re-laid as one open-addressing
//! table whose slots hold the feature id *and* its 13 label weights side by side, so a feature
//! costs one cache line instead of a hash-index probe plus a separate row fetch. Built at load
//! time from [`Weights`] (through its serialised form, so `according-ml` stays as it is).

use crate::labels::N_LABELS;
use crate::lanes::{Lanes, WeightRow};
use according_ml::huge::HugeSlice;
use according_ml::modelfile::ByteReader;
#[cfg(doc)]
use according_ml::perceptron::Weights;

/// 32 bytes: two slots per cache line, never straddling one.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    /// High 32 bits of the feature id (the low bits choose the slot); 0 marks an empty slot.
    key: u32,
    /// The weights, then a zero (so the slot has no padding and loads 16 bytes at a time).
    w: WeightRow,
}

#[inline]
fn fingerprint(id: u64) -> u32 {
    ((id >> 32) as u32).max(1)
}

/// A byte of a slot's key for [`FastWeights::tags`] (never 0, the mark of an empty slot).
#[inline]
fn tag(key: u32) -> u8 {
    (key as u8).max(1)
}

const EMPTY: Slot = Slot {
    key: 0,
    w: [0; N_LABELS + 1],
};

/// Feature id → label weights, for lookups only.
pub struct FastWeights {
    /// On transparent huge pages: lookups land anywhere in megabytes, and with 4 KB pages
    /// most of them would also miss the TLB.
    slots: HugeSlice<Slot>,
    /// Per slot, [`tag`] of its key, 0 if empty: a probe walks these (a table small enough to
    /// stay in the CPU's caches) and reads a slot only where the tag agrees, so a feature
    /// the model does not have (a quarter of the lookups) costs no load from the large
    /// table, and one it has costs the one line of its slot.
    tags: HugeSlice<u8>,
    mask: usize,
    /// Size of one quantisation step (weight units per integer).
    scale: f32,
}

impl FastWeights {
    /// Read weights serialised by [`Weights::write`] (they must have [`N_LABELS`] classes):
    /// `u32 classes, u32 rows, f32 scale, rows × u64 id, rows × classes × i16`, little-endian.
    pub fn from_bytes(bytes: &[u8]) -> Result<FastWeights, String> {
        let mut r = ByteReader::new(bytes);
        let n_classes = r.u32()? as usize;
        if n_classes != N_LABELS {
            return Err(format!(
                "weights have {n_classes} classes, expected {N_LABELS}"
            ));
        }
        let rows = r.u32()? as usize;
        let scale = r.f32()?;
        let keys_at = 12;
        let w_at = keys_at + rows * 8;
        if bytes.len() < w_at + rows * N_LABELS * 2 {
            return Err("weights data ends early".into());
        }
        let cap = (rows + rows / 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = HugeSlice::filled(cap, EMPTY);
        let mut tags = HugeSlice::zeroed(cap);
        let keys = bytes[keys_at..w_at].chunks_exact(8);
        let rows_w = bytes[w_at..w_at + rows * N_LABELS * 2].chunks_exact(N_LABELS * 2);
        for (k, wb) in keys.zip(rows_w) {
            let id = u64::from_le_bytes(k.try_into().expect("8 bytes"));
            let mut row: WeightRow = [0; N_LABELS + 1];
            for (x, b) in row.iter_mut().zip(wb.chunks_exact(2)) {
                *x = i16::from_le_bytes([b[0], b[1]]);
            }
            let key = fingerprint(id);
            let mut i = (id as usize) & mask;
            while slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot { key, w: row };
            tags[i] = tag(key);
        }
        Ok(FastWeights {
            slots,
            tags,
            mask,
            scale,
        })
    }

    /// Size of one quantisation step: integer sums times this are in weight units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Ask the CPU to start loading the slots of `feats` (scoring them a little later then
    /// overlaps the cache misses instead of paying them one after another); not those whose
    /// first slot is empty (features the model does not have).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let i = (f as usize) & self.mask;
            if self.tags[i] == 0 {
                continue;
            }
            let p = &self.slots[i] as *const Slot as *const i8;
            // SAFETY: a prefetch is only a hint; `p` points into `self.slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p, std::arch::x86_64::_MM_HINT_T0);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }

    /// Add the weights of every feature in `feats` to `acc`. (Two ids that share a slot
    /// chain and a 32-bit fingerprint would be confused: about one lookup in 10^9.)
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32; N_LABELS]) {
        let mut lanes = Lanes::load(acc);
        self.add_to_lanes(feats, &mut lanes);
        lanes.store(acc);
    }

    /// [`FastWeights::add_scores`] to scores held in registers.
    #[inline]
    pub fn add_to_lanes(&self, feats: &[u64], lanes: &mut Lanes) {
        for &f in feats {
            let key = fingerprint(f);
            let t = tag(key);
            let mut i = (f as usize) & self.mask;
            loop {
                let here = self.tags[i];
                if here == t {
                    let s = &self.slots[i];
                    if s.key == key {
                        lanes.add_weights(&s.w);
                        break;
                    }
                } else if here == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }
}
