//! A small open-addressing hash table from `u64` keys (already hashes) to copyable values.
//! Built once at load time from flat arrays; lookups are a mask and a short linear probe.

#[derive(Debug, Clone)]
pub struct U64Table<V: Copy + Default> {
    /// Key and value side by side: one cache line per probe.
    slots: Vec<(u64, V)>,
    mask: usize,
    len: usize,
}

/// 0 marks an empty slot, so the (astronomically rare) key 0 is stored as 1.
#[inline]
fn fix(k: u64) -> u64 {
    k.max(1)
}

impl<V: Copy + Default> Default for U64Table<V> {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl<V: Copy + Default> U64Table<V> {
    /// A table for `n` entries, at most half full.
    pub fn with_capacity(n: usize) -> Self {
        let size = (n.max(4) * 2).next_power_of_two();
        U64Table {
            slots: vec![(0, V::default()); size],
            mask: size - 1,
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Insert or overwrite.
    pub fn insert(&mut self, k: u64, v: V) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let k = fix(k);
        let mut i = k as usize & self.mask;
        loop {
            if self.slots[i].0 == 0 {
                self.slots[i] = (k, v);
                self.len += 1;
                return;
            }
            if self.slots[i].0 == k {
                self.slots[i].1 = v;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Start loading the slot where a lookup of `k` begins (a hint).
    #[inline]
    pub fn prefetch(&self, k: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = &self.slots[fix(k) as usize & self.mask] as *const (u64, V) as *const i8;
            // SAFETY: a prefetch is only a hint; `p` points into `self.slots`.
            unsafe { std::arch::x86_64::_mm_prefetch(p, std::arch::x86_64::_MM_HINT_T0) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = k;
    }

    #[inline]
    pub fn get(&self, k: u64) -> Option<V> {
        let k = fix(k);
        let mut i = k as usize & self.mask;
        loop {
            let (s, v) = self.slots[i];
            if s == k {
                return Some(v);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Entries in slot order (deterministic for a given insertion sequence).
    pub fn iter(&self) -> impl Iterator<Item = (u64, V)> + '_ {
        self.slots.iter().filter(|s| s.0 != 0).copied()
    }

    fn grow(&mut self) {
        let mut bigger = U64Table::with_capacity(self.slots.len());
        for (k, v) in self.iter() {
            bigger.insert(k, v);
        }
        *self = bigger;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let mut t = U64Table::<u32>::with_capacity(2);
        for k in 0..1000u64 {
            t.insert(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), k as u32);
        }
        assert_eq!(t.len(), 1000);
        for k in 0..1000u64 {
            assert_eq!(t.get(k.wrapping_mul(0x9E37_79B9_7F4A_7C15)), Some(k as u32));
        }
        assert_eq!(t.get(12345), None);
        t.insert(0, 7);
        assert_eq!(t.get(0), Some(7));
    }
}
