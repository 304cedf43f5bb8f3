//! Frozen perceptron weights: per feature a sparse row of `(class, i16 weight)` pairs, one
//! scale for the whole model. Sparse rows keep the file small and scoring cheap (most features
//! only ever voted for a handful of the ~100 tags).

use crate::bytes::{put_i16s, put_u32s, put_u64s, Cursor};
use crate::table::U64Table;

#[derive(Debug, Clone)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    /// Feature id → row number.
    rows: U64Table<u32>,
    /// Row `r` is `classes[offsets[r]..offsets[r+1]]` / `values[..]`.
    offsets: Vec<u32>,
    classes: Vec<u8>,
    values: Vec<i16>,
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
        let mut offsets = vec![0u32];
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
                offsets.push(classes.len() as u32);
            }
        }
        Self::assemble(n_classes, scale, &keys, offsets, classes, values)
    }

    fn assemble(
        n_classes: usize,
        scale: f32,
        keys: &[u64],
        offsets: Vec<u32>,
        classes: Vec<u8>,
        values: Vec<i16>,
    ) -> Weights {
        let mut table = U64Table::with_capacity(keys.len());
        for (i, &k) in keys.iter().enumerate() {
            table.insert(k, i as u32);
        }
        Weights {
            n_classes,
            scale,
            rows: table,
            offsets,
            classes,
            values,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn n_weights(&self) -> usize {
        self.values.len()
    }

    /// Add the (quantised) scores of `feats` to `acc` (length `n_classes`).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], acc: &mut [i32]) {
        for &f in feats {
            if let Some(r) = self.rows.get(f) {
                let (a, b) = (
                    self.offsets[r as usize] as usize,
                    self.offsets[r as usize + 1] as usize,
                );
                for (&c, &v) in self.classes[a..b].iter().zip(&self.values[a..b]) {
                    if let Some(slot) = acc.get_mut(c as usize) {
                        *slot += v as i32;
                    }
                }
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let n_rows = self.n_features();
        let mut keys = vec![0u64; n_rows];
        for (k, r) in self.rows.iter() {
            keys[r as usize] = k;
        }
        let mut out = Vec::new();
        put_u32s(
            &mut out,
            [
                self.n_classes as u32,
                n_rows as u32,
                self.values.len() as u32,
            ],
        );
        out.extend_from_slice(&self.scale.to_le_bytes());
        put_u64s(&mut out, keys);
        // Row lengths as bytes (≤ n_classes ≤ 255) compress far better than offsets.
        out.extend(self.offsets.windows(2).map(|w| (w[1] - w[0]) as u8));
        out.extend_from_slice(&self.classes);
        put_i16s(&mut out, self.values.iter().copied());
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
        let mut offsets = Vec::with_capacity(n_rows + 1);
        offsets.push(0u32);
        let mut total = 0u32;
        for &l in lens {
            total += l as u32;
            offsets.push(total);
        }
        if total as usize != n_values {
            return Err("tagger weights: row lengths do not add up".into());
        }
        let classes = c.u8s(n_values)?.to_vec();
        let values = c.i16s(n_values)?;
        c.done()?;
        Ok(Self::assemble(
            n_classes, scale, &keys, offsets, classes, values,
        ))
    }
}
