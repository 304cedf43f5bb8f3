//! Word clusters as features: distributional word classes from unlabeled news text (BBC 2005,
//! PolNeAR train) and the UD training treebanks, computed at training time with the tagger's
//! k-means clustering ([`according_tagger::clusters`]) and stored in the NER model. A name the
//! gold data never saw (`Saltanov`) still shares a class with names it did.

use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::IdMap;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash of a word normalised as the clustering saw it (lower case, digits as `0`).
#[derive(Clone, Copy)]
pub struct NormHasher(u64);

impl Default for NormHasher {
    fn default() -> Self {
        NormHasher(FNV_OFFSET)
    }
}

impl NormHasher {
    /// Feed one already lower-cased char.
    #[inline]
    pub fn push_lower(&mut self, c: char) {
        let c = if c.is_ascii_digit() { '0' } else { c };
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// Hash of `word` normalised (lower case, digits as `0`).
pub fn norm_hash(word: &str) -> u64 {
    let mut h = NormHasher::default();
    for c in word.chars().flat_map(char::to_lowercase) {
        h.push_lower(c);
    }
    h.finish()
}

/// Normalised word hash → (fine class + 1, coarse class + 1); 0 means unclustered.
#[derive(Default, Clone)]
pub struct WordClusters {
    map: IdMap<(u16, u16)>,
}

impl WordClusters {
    /// From `(normalised word, fine, coarse)` triples as [`according_tagger::clusters::cluster`]
    /// returns them.
    pub fn from_triples(triples: &[(String, u32, u32)]) -> WordClusters {
        let mut map = IdMap::default();
        for (w, f, c) in triples {
            map.insert(
                norm_hash(w),
                (
                    (*f).min(u16::MAX as u32 - 1) as u16 + 1,
                    (*c).min(254) as u16 + 1,
                ),
            );
        }
        WordClusters { map }
    }

    #[inline]
    pub fn get(&self, norm: u64) -> (u16, u16) {
        self.map.get(&norm).copied().unwrap_or((0, 0))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn write(&self, w: &mut ByteWriter) {
        let mut v: Vec<(u64, (u16, u16))> = self.map.iter().map(|(&k, &c)| (k, c)).collect();
        v.sort_unstable();
        w.u32(v.len() as u32);
        for (k, (f, c)) in v {
            w.u64(k);
            w.u32(((f as u32) << 16) | c as u32);
        }
    }

    pub fn read(r: &mut ByteReader) -> Result<WordClusters, String> {
        let n = r.u32()? as usize;
        let mut map = IdMap::default();
        map.reserve(n.min(1 << 22));
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u32()?;
            map.insert(k, ((v >> 16) as u16, (v & 0xffff) as u16));
        }
        Ok(WordClusters { map })
    }
}

/// Read clusters cached as `word<TAB>fine<TAB>coarse` lines.
pub fn read_tsv(path: &std::path::Path) -> Result<Vec<(String, u32, u32)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut f = line.split('\t');
        let (Some(w), Some(a), Some(b)) = (f.next(), f.next(), f.next()) else {
            return Err(format!("{}:{}: expected 3 columns", path.display(), n + 1));
        };
        let a = a
            .parse()
            .map_err(|_| format!("{}:{}: bad class", path.display(), n + 1))?;
        let b = b
            .parse()
            .map_err(|_| format!("{}:{}: bad class", path.display(), n + 1))?;
        out.push((w.to_string(), a, b));
    }
    Ok(out)
}

/// Write clusters as `word<TAB>fine<TAB>coarse` lines (a cache between training runs).
pub fn write_tsv(path: &std::path::Path, triples: &[(String, u32, u32)]) -> Result<(), String> {
    let mut s = String::new();
    for (w, a, b) in triples {
        s.push_str(&format!("{w}\t{a}\t{b}\n"));
    }
    std::fs::write(path, s).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_roundtrips() {
        assert_eq!(norm_hash("London1999"), norm_hash("london0000"));
        let c = WordClusters::from_triples(&[("london".into(), 3, 1), ("0000".into(), 7, 2)]);
        assert_eq!(c.get(norm_hash("LONDON")), (4, 2));
        assert_eq!(c.get(norm_hash("1984")), (8, 3));
        assert_eq!(c.get(norm_hash("Paris")), (0, 0));
        let mut w = ByteWriter::default();
        c.write(&mut w);
        let bytes = w.into_inner();
        let back = WordClusters::read(&mut ByteReader::new(&bytes)).unwrap();
        assert_eq!(back.get(norm_hash("london")), (4, 2));
    }
}
