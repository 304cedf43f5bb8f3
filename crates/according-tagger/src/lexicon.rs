//! Word-level knowledge from the training data: the tag dictionary (frequent words that always
//! carry the same tag skip the classifier) and ambiguity classes (the set of tags a word was
//! seen with, a cheap stand-in for the tags of words to the right).

use crate::bytes::{put_u32s, put_u64s, Cursor};
use crate::features::normalise;
use crate::hashing::{fmix, hash_str};
use crate::table::U64Table;
use std::collections::{BTreeMap, HashMap};

/// Thresholds for [`Lexicon::build`].
#[derive(Debug, Clone, Copy)]
pub struct LexiconOptions {
    /// A word enters the tag dictionary when seen at least this often...
    pub dict_min_count: u32,
    /// ...with this share of its occurrences under one tag.
    pub dict_min_share: f64,
    /// Words seen fewer times get no ambiguity class.
    pub ambig_min_count: u32,
    /// Tags below this share of a word's occurrences are left out of its class.
    pub ambig_min_share: f64,
}

impl Default for LexiconOptions {
    fn default() -> Self {
        LexiconOptions {
            dict_min_count: 20,
            dict_min_share: 0.98,
            ambig_min_count: 2,
            ambig_min_share: 0.02,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Normalised-form hash → ambiguity-class hash.
    ambig: U64Table<u64>,
    /// Normalised-form hash → cluster hash.
    clusters: U64Table<u64>,
    /// Exact-form hash → tag.
    dict: U64Table<u16>,
}

impl Lexicon {
    #[inline]
    pub fn ambiguity_class(&self, norm: u64) -> u64 {
        self.ambig.get(norm).unwrap_or(0)
    }

    #[inline]
    pub fn cluster(&self, norm: u64) -> u64 {
        self.clusters.get(norm).unwrap_or(0)
    }

    /// Start loading what [`TokenInfo::look_up`] and [`Lexicon::dict_tag`] will read for a
    /// word with these hashes (a hint).
    ///
    /// [`TokenInfo::look_up`]: crate::features::TokenInfo::look_up
    #[inline]
    pub fn prefetch(&self, norm: u64, form: u64) {
        self.ambig.prefetch(norm);
        self.clusters.prefetch(norm);
        self.dict.prefetch(form);
    }

    /// The tag of a frequent unambiguous word.
    #[inline]
    pub fn dict_tag(&self, form: u64) -> Option<u16> {
        self.dict.get(form)
    }

    pub fn dict_len(&self) -> usize {
        self.dict.len()
    }

    /// Build from `(form, tag)` pairs of the training data.
    pub fn build<'a>(words: impl Iterator<Item = (&'a str, u16)>, o: LexiconOptions) -> Lexicon {
        let mut by_form: HashMap<&str, BTreeMap<u16, u32>> = HashMap::new();
        let mut by_norm: HashMap<String, BTreeMap<u16, u32>> = HashMap::new();
        let mut norm = String::new();
        for (form, tag) in words {
            *by_form.entry(form).or_default().entry(tag).or_default() += 1;
            normalise(form, &mut norm);
            *by_norm
                .entry(norm.clone())
                .or_default()
                .entry(tag)
                .or_default() += 1;
        }
        let mut lex = Lexicon::default();
        let mut forms: Vec<_> = by_form.into_iter().collect();
        forms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (form, tags) in forms {
            let total: u32 = tags.values().sum();
            let (&best, &n) = tags
                .iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
                .unwrap();
            if total >= o.dict_min_count && n as f64 >= o.dict_min_share * total as f64 {
                lex.dict.insert(hash_str(form), best);
            }
        }
        let mut norms: Vec<_> = by_norm.into_iter().collect();
        norms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (norm, tags) in norms {
            let total: u32 = tags.values().sum();
            if total < o.ambig_min_count {
                continue;
            }
            let mut h = 0x5151u64;
            for (&t, &n) in &tags {
                if n as f64 >= o.ambig_min_share * total as f64 {
                    h = fmix(h ^ (t as u64 + 1));
                }
            }
            lex.ambig.insert(hash_str(&norm), h);
        }
        lex
    }

    /// Attach word clusters: `(normalised word, fine id, coarse id)`.
    pub fn set_clusters<'a>(&mut self, clusters: impl Iterator<Item = &'a (String, u32, u32)>) {
        for (w, fine, coarse) in clusters {
            let v = (*fine as u64 + 1) | (*coarse as u64 + 1) << 32;
            self.clusters.insert(hash_str(w), v);
        }
    }

    pub fn n_clustered(&self) -> usize {
        self.clusters.len()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for t in [&self.ambig, &self.clusters] {
            let mut pairs: Vec<(u64, u64)> = t.iter().collect();
            pairs.sort_unstable();
            put_u32s(&mut out, [pairs.len() as u32]);
            put_u64s(&mut out, pairs.iter().map(|p| p.0));
            put_u64s(&mut out, pairs.iter().map(|p| p.1));
        }
        let mut pairs: Vec<(u64, u16)> = self.dict.iter().collect();
        pairs.sort_unstable();
        put_u32s(&mut out, [pairs.len() as u32]);
        put_u64s(&mut out, pairs.iter().map(|p| p.0));
        put_u32s(&mut out, pairs.iter().map(|p| p.1 as u32));
        out
    }

    pub fn from_bytes(data: &[u8], n_tags: usize) -> Result<Lexicon, String> {
        let mut c = Cursor::new(data, "lexicon");
        let mut tables = Vec::new();
        for _ in 0..2 {
            let n = c.u32()? as usize;
            let keys = c.u64s(n)?;
            let vals = c.u64s(n)?;
            let mut t = U64Table::with_capacity(n);
            for (k, v) in keys.into_iter().zip(vals) {
                t.insert(k, v);
            }
            tables.push(t);
        }
        let n = c.u32()? as usize;
        let keys = c.u64s(n)?;
        let vals = c.u32s(n)?;
        let mut dict = U64Table::with_capacity(n);
        for (k, v) in keys.into_iter().zip(vals) {
            if v as usize >= n_tags {
                return Err(format!("tagger lexicon: tag {v} out of range"));
            }
            dict.insert(k, v as u16);
        }
        c.done()?;
        let clusters = tables.pop().unwrap();
        let ambig = tables.pop().unwrap();
        Ok(Lexicon {
            ambig,
            clusters,
            dict,
        })
    }
}
