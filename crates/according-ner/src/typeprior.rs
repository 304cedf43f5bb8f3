//! Typed word prior from silver text: how often each word sits inside a PER, ORG or LOC name
//! in the spaCy-annotated news (BBC 2005, PolNeAR train). A news-wide memory of names
//! (`Nato`, `Reuters`, `Blair`) that the small gold sets never show; the perceptron learns
//! from gold how far to trust it.

use crate::data::Document;
use crate::labels::Kind;
use according_ml::modelfile::{ByteReader, ByteWriter};
use according_ml::perceptron::IdMap;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of a lower-cased word (the same hash [`crate::features::SentFeats`] keeps per token).
pub fn lower_hash(lower: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in lower.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Lower-cased word hash → bucket code (0: unknown).
#[derive(Default, Clone)]
pub struct TypePrior {
    map: IdMap<u8>,
}

impl TypePrior {
    /// Count words in and out of names over silver documents; keep words seen `min_count`
    /// times or more, at least once inside a name.
    pub fn from_docs(docs: &[Document], min_count: u32) -> TypePrior {
        // hash → [total, PER, ORG, LOC]
        let mut counts: IdMap<[u32; 4]> = IdMap::default();
        let mut lower = String::new();
        for d in docs {
            for s in &d.sentences {
                let mut kind_at = vec![None; s.words.len()];
                for sp in &s.spans {
                    for k in kind_at.iter_mut().take(sp.end).skip(sp.start) {
                        *k = Some(sp.kind);
                    }
                }
                for (w, k) in s.words.iter().zip(&kind_at) {
                    lower.clear();
                    lower.extend(w.chars().flat_map(char::to_lowercase));
                    let c = counts.entry(lower_hash(&lower)).or_default();
                    c[0] += 1;
                    if let Some(k) = k {
                        c[1 + *k as usize] += 1;
                    }
                }
            }
        }
        let mut map = IdMap::default();
        for (h, c) in counts {
            let named = c[1] + c[2] + c[3];
            if c[0] < min_count || named == 0 {
                continue;
            }
            let dom = (1..4)
                .max_by_key(|&k| (c[k], std::cmp::Reverse(k)))
                .unwrap_or(1)
                - 1;
            let share = named as f64 / c[0] as f64;
            let sb = match share {
                s if s < 0.1 => 0,
                s if s < 0.5 => 1,
                s if s < 0.9 => 2,
                _ => 3,
            };
            // How clearly the dominant type wins among the name uses.
            let purity = c[1 + dom] as f64 / named as f64;
            let pb = if purity >= 0.8 { 1 } else { 0 };
            let fb = if c[0] >= 20 { 1 } else { 0 };
            map.insert(h, 1 + (((dom * 4 + sb) * 2 + pb) * 2 + fb) as u8);
        }
        TypePrior { map }
    }

    #[inline]
    pub fn get(&self, lower_hash: u64) -> u8 {
        self.map.get(&lower_hash).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn write(&self, w: &mut ByteWriter) {
        crate::word_buckets::write(&self.map, w);
    }

    pub fn read(r: &mut ByteReader) -> Result<TypePrior, String> {
        let map = crate::word_buckets::read(r, u8::MAX, "type-prior")?;
        Ok(TypePrior { map })
    }
}

/// The kind a bucket code says dominates (for tests and inspection).
pub fn dominant(code: u8) -> Option<Kind> {
    (code > 0).then(|| crate::labels::KINDS[((code - 1) / 16) as usize % 3])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Sentence;
    use crate::labels::TokenSpan;

    #[test]
    fn counts_names_by_type() {
        let s = Sentence {
            words: ["Nato", "said", "Blair", "Nato"].map(String::from).to_vec(),
            spans: vec![
                TokenSpan {
                    start: 0,
                    end: 1,
                    kind: Kind::Org,
                },
                TokenSpan {
                    start: 2,
                    end: 3,
                    kind: Kind::Per,
                },
                TokenSpan {
                    start: 3,
                    end: 4,
                    kind: Kind::Org,
                },
            ],
        };
        let docs = vec![Document {
            id: "d".into(),
            sentences: vec![s],
        }];
        let p = TypePrior::from_docs(&docs, 1);
        assert_eq!(dominant(p.get(lower_hash("nato"))), Some(Kind::Org));
        assert_eq!(dominant(p.get(lower_hash("blair"))), Some(Kind::Per));
        assert_eq!(p.get(lower_hash("said")), 0);
        let mut w = ByteWriter::default();
        p.write(&mut w);
        let bytes = w.into_inner();
        let back = TypePrior::read(&mut ByteReader::new(&bytes)).unwrap();
        assert_eq!(back.get(lower_hash("nato")), p.get(lower_hash("nato")));
    }
}
