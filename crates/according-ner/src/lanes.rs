//! The 13 label scores of one token held in SSE2 registers while rows and feature weights
//! are added to them: three registers for labels 0-11 and the first lane of a fourth for
//! label 12 (its other lanes only ever gather zeros). Integer adds, so the sums are exactly
//! those added one label at a time; scalar code stands in off x86_64.

use crate::labels::N_LABELS;

const _: () = assert!(N_LABELS == 13, "the lanes are laid out for 13 labels");

/// A feature's weights as scoring stores them: the 13 labels, then a zero.
pub type WeightRow = [i16; N_LABELS + 1];

#[cfg(target_arch = "x86_64")]
mod imp {
    use super::WeightRow;
    use crate::labels::N_LABELS;
    use std::arch::x86_64::*;

    #[derive(Clone, Copy)]
    pub struct Lanes([__m128i; 4]);

    /// Lanes 0-3 (`lo`) or 4-7 of eight i16, each widened to i32 with its sign.
    #[inline(always)]
    fn widen_lo(x: __m128i) -> __m128i {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        unsafe { _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16) }
    }

    #[inline(always)]
    fn widen_hi(x: __m128i) -> __m128i {
        // SAFETY: as above.
        unsafe { _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16) }
    }

    impl Lanes {
        #[inline(always)]
        pub fn load(s: &[i32; N_LABELS]) -> Lanes {
            let p = s.as_ptr();
            // SAFETY: SSE2 is baseline; the unaligned loads read values 0-3, 4-7, 8-11 of `s`.
            unsafe {
                Lanes([
                    _mm_loadu_si128(p.cast()),
                    _mm_loadu_si128(p.add(4).cast()),
                    _mm_loadu_si128(p.add(8).cast()),
                    _mm_cvtsi32_si128(s[12]),
                ])
            }
        }

        #[inline(always)]
        pub fn store(self, s: &mut [i32; N_LABELS]) {
            let p = s.as_mut_ptr();
            // SAFETY: SSE2 is baseline; the unaligned stores write values 0-3, 4-7, 8-11 of `s`.
            unsafe {
                _mm_storeu_si128(p.cast(), self.0[0]);
                _mm_storeu_si128(p.add(4).cast(), self.0[1]);
                _mm_storeu_si128(p.add(8).cast(), self.0[2]);
                s[12] = _mm_cvtsi128_si32(self.0[3]);
            }
        }

        #[inline(always)]
        pub fn add(&mut self, s: &[i32; N_LABELS]) {
            let o = Lanes::load(s);
            // SAFETY: SSE2 is baseline.
            unsafe {
                for (a, b) in self.0.iter_mut().zip(o.0) {
                    *a = _mm_add_epi32(*a, b);
                }
            }
        }

        #[inline(always)]
        pub fn add_weights(&mut self, w: &WeightRow) {
            let p = w.as_ptr();
            // SAFETY: SSE2 is baseline; the loads read values 0-7 and 6-13 of `w`.
            unsafe {
                let lo = _mm_loadu_si128(p.cast());
                // Values 8-13 (12 and the zero after it in the top half), then two zeros.
                let hi = _mm_srli_si128(_mm_loadu_si128(p.add(6).cast()), 4);
                self.0[0] = _mm_add_epi32(self.0[0], widen_lo(lo));
                self.0[1] = _mm_add_epi32(self.0[1], widen_hi(lo));
                self.0[2] = _mm_add_epi32(self.0[2], widen_lo(hi));
                self.0[3] = _mm_add_epi32(self.0[3], widen_hi(hi));
            }
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod imp {
    use super::WeightRow;
    use crate::labels::N_LABELS;

    #[derive(Clone, Copy)]
    pub struct Lanes([i32; N_LABELS]);

    impl Lanes {
        #[inline(always)]
        pub fn load(s: &[i32; N_LABELS]) -> Lanes {
            Lanes(*s)
        }

        #[inline(always)]
        pub fn store(self, s: &mut [i32; N_LABELS]) {
            *s = self.0;
        }

        #[inline(always)]
        pub fn add(&mut self, s: &[i32; N_LABELS]) {
            for (a, &b) in self.0.iter_mut().zip(s) {
                *a = a.wrapping_add(b);
            }
        }

        #[inline(always)]
        pub fn add_weights(&mut self, w: &WeightRow) {
            for (a, &b) in self.0.iter_mut().zip(w) {
                *a = a.wrapping_add(b as i32);
            }
        }
    }
}

pub use imp::Lanes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_label_by_label() {
        let mut expect: [i32; N_LABELS] = std::array::from_fn(|l| l as i32 * 1000 - 5000);
        let mut lanes = Lanes::load(&expect);
        let row: [i32; N_LABELS] = std::array::from_fn(|l| 7 - l as i32 * 3);
        lanes.add(&row);
        let mut w: WeightRow = [0; N_LABELS + 1];
        for (l, x) in w.iter_mut().take(N_LABELS).enumerate() {
            *x = if l % 2 == 0 {
                -32768 + l as i16
            } else {
                32767 - l as i16
            };
        }
        lanes.add_weights(&w);
        lanes.add_weights(&w);
        for l in 0..N_LABELS {
            expect[l] += row[l] + 2 * w[l] as i32;
        }
        let mut got = [0; N_LABELS];
        lanes.store(&mut got);
        assert_eq!(got, expect);
    }
}
