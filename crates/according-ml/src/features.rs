//! Deterministic feature hashing: a feature is a tuple of strings, hashed with FNV-1a-64
//! (fixed, seedless), so ids are identical across runs, threads and machines.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash the parts of one feature; parts are separated so `("ab","c") != ("a","bc")`.
#[inline]
pub fn hash_parts(parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET;
    for p in parts {
        for &b in p.as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
        h ^= 0xff;
        h = h.wrapping_mul(FNV_PRIME);
    }
    // Final avalanche: FNV's low bits are weak, and the weights table uses them.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// `hash_parts(&[s])` as a `const fn`, so the hashes of fixed vocabularies (template names,
/// shapes, quote states) can be computed at compile time instead of once per token.
pub const fn hash_str(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h ^= 0xff;
    h = h.wrapping_mul(FNV_PRIME);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A reusable buffer of feature ids for one decision.
#[derive(Debug, Default, Clone)]
pub struct FeatureSet {
    pub ids: Vec<u64>,
}

impl FeatureSet {
    pub fn new() -> Self {
        FeatureSet {
            ids: Vec::with_capacity(64),
        }
    }
    pub fn clear(&mut self) {
        self.ids.clear();
    }
    /// Add the feature named by `parts` (first part = template name, by convention).
    #[inline]
    pub fn add(&mut self, parts: &[&str]) {
        self.ids.push(hash_parts(parts));
    }
    /// Add a precomputed id (e.g. a combination of two hashed values).
    #[inline]
    pub fn add_id(&mut self, id: u64) {
        self.ids.push(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_hash_is_hash_parts_of_one_part() {
        for s in ["", "a", "open", "<s>", "Xx", "ünïcode", "said that"] {
            assert_eq!(hash_str(s), hash_parts(&[s]), "{s:?}");
        }
        const OPEN: u64 = hash_str("open");
        assert_eq!(OPEN, hash_parts(&["open"]));
    }
}
