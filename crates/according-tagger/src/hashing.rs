//! Allocation-free feature ids: strings are hashed once per token, and a feature id is a
//! template number mixed with one or two of those precomputed hashes.

use according_ml::features::hash_parts;

/// Hash of one string (deterministic FNV-1a + avalanche, shared with `according-ml`).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_parts(&[s])
}

/// [`hash_str`] fed byte by byte, so the hashes of a string's prefixes come out of one pass.
#[derive(Clone, Copy)]
pub struct StrHasher(u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl Default for StrHasher {
    fn default() -> Self {
        StrHasher(FNV_OFFSET)
    }
}

impl StrHasher {
    #[inline]
    pub fn push(&mut self, b: u8) {
        self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
    }

    /// [`hash_str`] of the bytes pushed so far.
    #[inline]
    pub fn finish(self) -> u64 {
        let mut h = (self.0 ^ 0xff).wrapping_mul(FNV_PRIME);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// Feature id for template `t` over one value.
#[inline]
pub fn feat1(t: u32, a: u64) -> u64 {
    fmix(a ^ (t as u64 + 1).wrapping_mul(GOLDEN))
}

/// Feature id for template `t` over two values (order matters).
#[inline]
pub fn feat2(t: u32, a: u64, b: u64) -> u64 {
    fmix(feat1(t, a) ^ b.rotate_left(23).wrapping_mul(GOLDEN))
}

/// Feature id for template `t` over three values.
#[inline]
pub fn feat3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    fmix(feat2(t, a, b) ^ c.rotate_left(41).wrapping_mul(GOLDEN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_hasher_is_hash_str() {
        for w in ["", "a", "Officials", "3.5", "naïveté", "<pad>"] {
            let mut h = StrHasher::default();
            w.bytes().for_each(|b| h.push(b));
            assert_eq!(h.finish(), hash_str(w), "{w:?}");
        }
    }

    #[test]
    fn templates_and_order_separate_ids() {
        let (a, b) = (hash_str("a"), hash_str("b"));
        assert_ne!(feat1(1, a), feat1(2, a));
        assert_ne!(feat2(1, a, b), feat2(1, b, a));
        assert_eq!(feat3(3, a, b, a), feat3(3, a, b, a));
    }
}
