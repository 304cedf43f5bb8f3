//! A flat open-addressing table for the 4-class transition weights: key and the four `i16`
//! weights share one 16-byte slot, so scoring a feature costs one cache miss instead of the
//! three of a general hash map plus a separate weight row. Built from the `according-ml`
//! [`Weights`] serialisation at load time.

use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::Weights;

const EMPTY: u64 = 0;

#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    w: [i16; 4],
}

#[derive(Clone)]
pub struct Table4 {
    slots: Vec<Slot>,
    mask: usize,
}

impl Table4 {
    pub fn from_weights(w: &Weights) -> Result<Table4, String> {
        if w.n_classes() != 4 {
            return Err("transition table needs 4 classes".into());
        }
        let mut bw = ByteWriter::default();
        w.write(&mut bw);
        let bytes = bw.into_inner();
        let mut r = ByteReader::new(&bytes);
        let _classes = r.u32()?;
        let n = r.u32()? as usize;
        let _scale = r.f32()?;
        let keys: Vec<u64> = (0..n).map(|_| r.u64()).collect::<Result<_, _>>()?;
        let size = (n * 2).next_power_of_two().max(16);
        let mut t = Table4 {
            slots: vec![
                Slot {
                    key: EMPTY,
                    w: [0; 4]
                };
                size
            ],
            mask: size - 1,
        };
        for k in keys {
            let mut row = [0i16; 4];
            for x in &mut row {
                *x = r.i16()?;
            }
            // Key 0 marks an empty slot; such a feature (1 in 2^64) is simply dropped.
            if k == EMPTY {
                continue;
            }
            let mut i = k as usize & t.mask;
            while t.slots[i].key != EMPTY {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot { key: k, w: row };
        }
        Ok(t)
    }

    /// Sum the rows of `feats` into `acc`.
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32; 4]) {
        for &f in feats {
            let mut i = f as usize & self.mask;
            loop {
                let slot = &self.slots[i];
                let k = slot.key;
                if k == f {
                    for (a, &x) in acc.iter_mut().zip(&slot.w) {
                        *a += x as i32;
                    }
                    break;
                }
                if k == EMPTY {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }
}
