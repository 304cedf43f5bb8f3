//! Feature templates: Zhang & Nivre (2011) for the transition classifier (stack/buffer
//! words and tags, distance, valency, first-, second- and third-order children and their
//! labels, label sets), and a head–dependent template set for the arc labeler.
//!
//! The transition set is "lean": the 26 ZN-plus templates whose removal at test time cost
//! ≤ 0.02 UAS on dev (mostly word unigrams subsumed by word+tag pairs, and third-order head
//! words) were dropped, since each template costs a random memory access per move.
//!
//! A feature id is a template number mixed with up to four integer atoms; no strings.

use crate::atoms::Atoms;
use crate::state::{State, NONE};

#[inline]
fn mix(t: u64, parts: &[u64]) -> u64 {
    let mut h = t.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D;
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 31;
    }
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 29)
}

/// Distance bucket between two positions (0 when either is missing).
#[inline]
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// `v[i]`, or `NONE` for "no word".
#[inline]
pub(crate) fn at(v: &[u32], i: u32) -> u32 {
    if i == NONE {
        NONE
    } else {
        v[i as usize]
    }
}

/// Label atom of word `i` (0 = none / no head yet).
#[inline]
fn lab(st: &State, i: u32) -> u64 {
    if i == NONE || st.head[i as usize] == NONE {
        0
    } else {
        st.label[i as usize] as u64 + 1
    }
}

#[inline]
fn val(v: &[u8], i: u32) -> u64 {
    if i == NONE {
        99
    } else {
        v[i as usize] as u64
    }
}

#[inline]
fn set(v: &[u64], i: u32) -> u64 {
    if i == NONE {
        u64::MAX
    } else {
        v[i as usize]
    }
}

/// Which positions a transition template reads: static templates read only the atoms of
/// one position (and of positions at a fixed offset from it), so their summed scores are a
/// function of that position's token and can be cached per sentence; `S0X` and `N0X`
/// templates read one position and its children on one side, so in greedy decoding their
/// sums are a function of that token and its newest child there, and `S0L` ones read what
/// is fixed while the stack top is on the stack (see `decode::StaticScores`);
/// `DYN` templates read two stack/buffer positions or their distance.
pub mod role {
    /// n0 and the words right after it (n1 = n0 + 1, n2 = n0 + 2); also the bias.
    pub const N0: u8 = 1;
    /// The stack top alone.
    pub const S0: u8 = 2;
    /// The second stack word alone.
    pub const S1: u8 = 4;
    /// Everything else.
    pub const DYN: u8 = 8;
    /// The stack top with its right children (their valency and label set). A word on the
    /// stack gains right children only.
    pub const S0X: u8 = 16;
    /// The buffer front with its left children (it has no head and no right child yet).
    pub const N0X: u8 = 32;
    /// The stack top with its head and left children, which are fixed while it is on the
    /// stack.
    pub const S0L: u8 = 64;
}

/// Where transition feature ids go: a template's id is computed only when its role is wanted.
pub trait FeatureSink {
    fn wants(&self, role: u8) -> bool;
    fn put(&mut self, role: u8, id: u64);
}

/// Every template, appended in template order.
struct AllRoles<'a>(&'a mut Vec<u64>);

impl FeatureSink for AllRoles<'_> {
    #[inline(always)]
    fn wants(&self, _: u8) -> bool {
        true
    }
    #[inline(always)]
    fn put(&mut self, _: u8, id: u64) {
        self.0.push(id);
    }
}

/// The ids of the templates whose role is in `roles`, kept apart by role (for decoding,
/// which sums and caches each role's scores separately).
pub struct ByRole {
    roles: u8,
    ids: [[u64; 64]; 7],
    len: [usize; 7],
}

impl Default for ByRole {
    fn default() -> ByRole {
        ByRole {
            roles: 0,
            ids: [[0; 64]; 7],
            len: [0; 7],
        }
    }
}

impl ByRole {
    /// Forget the ids; from now on collect those of `roles`.
    #[inline]
    pub fn reset(&mut self, roles: u8) {
        // DYN templates are computed in every state.
        self.roles = roles | role::DYN;
        self.len = [0; 7];
    }

    /// Add `id` to role `role` when `keep` (without a branch: `keep` is hard to predict).
    #[inline(always)]
    pub fn put_if(&mut self, role: u8, id: u64, keep: bool) {
        let k = role.trailing_zeros() as usize;
        let n = self.len[k];
        // No role has more than 64 templates (the mask spares a bounds check).
        self.ids[k][n & 63] = id;
        self.len[k] = n + keep as usize;
    }

    /// The ids of every role in template order, by bit index (list `k`: role `1 << k`).
    #[inline]
    pub fn lists(&self) -> [&[u64]; 7] {
        std::array::from_fn(|k| &self.ids[k][..self.len[k].min(64)])
    }
}

impl FeatureSink for ByRole {
    #[inline(always)]
    fn wants(&self, role: u8) -> bool {
        // A constant for DYN templates (always wanted: see `reset`).
        role == role::DYN || self.roles & role != 0
    }
    #[inline(always)]
    fn put(&mut self, role: u8, id: u64) {
        let k = role.trailing_zeros() as usize;
        let n = self.len[k];
        // No role has more than 64 templates (the mask spares a bounds check).
        self.ids[k][n & 63] = id;
        self.len[k] = n + 1;
    }
}

/// Features for choosing the next move.
pub fn transition_features(st: &State, a: &Atoms, out: &mut Vec<u64>) {
    out.clear();
    transition_templates(st, a, &mut AllRoles(out));
}

/// The transition features of the templates whose role `sink` wants (template numbers are
/// those of the full set, so a feature id is the same whichever subset computes it).
#[inline]
pub fn transition_templates<S: FeatureSink>(st: &State, a: &Atoms, sink: &mut S) {
    use role::{DYN, N0, N0X, S0, S0L, S0X, S1};
    let n = st.n;
    let s0 = st.s0();
    let s1 = st.s1();
    let n0 = st.b;
    let n1 = if n0 < n { n0 + 1 } else { NONE };
    let n2 = if n1 != NONE && n1 < n { n1 + 1 } else { NONE };
    let s0h = at(&st.head, s0);
    let s0h2 = if s0h != NONE && s0h < n {
        st.head[s0h as usize]
    } else {
        NONE
    };
    let (s0l, s0l2, s0r, s0r2) = (
        at(&st.lm1, s0),
        at(&st.lm2, s0),
        at(&st.rm1, s0),
        at(&st.rm2, s0),
    );
    let (n0l, n0l2) = (at(&st.lm1, n0), at(&st.lm2, n0));

    let (s0w, s0p) = (a.w(s0), a.p(s0));
    let (n0w, n0p) = (a.w(n0), a.p(n0));
    let (n1w, n1p) = (a.w(n1), a.p(n1));
    let (n2w, n2p) = (a.w(n2), a.p(n2));
    let (s1w, s1p) = (a.w(s1), a.p(s1));
    let d = dist(s0, n0);

    let mut t = 0u64;
    let mut f = |r: u8, parts: &[u64]| {
        t += 1;
        if sink.wants(r) {
            sink.put(r, mix(t, parts));
        }
    };
    f(N0, &[]); // bias
                // single words
    f(S0, &[s0w, s0p]);
    f(N0, &[n0w, n0p]);
    f(N0, &[n0p]);
    f(N0, &[n1w, n1p]);
    f(N0, &[n1w]);
    f(N0, &[n1p]);
    f(N0, &[n2w]);
    f(N0, &[n2p]);
    // pairs
    f(DYN, &[s0w, n0w, n0p]);
    f(DYN, &[s0w, n0w]);
    f(DYN, &[s0p, n0p]);
    f(N0, &[n0p, n1p]);
    // three tags
    f(N0, &[n0p, n1p, n2p]);
    f(DYN, &[s0p, n0p, n1p]);
    f(DYN, &[s0p, a.p(s0l), n0p]);
    f(DYN, &[s0p, a.p(s0r), n0p]);
    f(DYN, &[s0p, n0p, a.p(n0l)]);
    // distance
    f(DYN, &[s0w, d]);
    f(DYN, &[s0p, d]);
    f(DYN, &[n0p, d]);
    f(DYN, &[s0w, n0w, d]);
    f(DYN, &[s0p, n0p, d]);
    // valency
    let (s0vl, s0vr, n0vl) = (val(&st.lval, s0), val(&st.rval, s0), val(&st.lval, n0));
    f(S0X, &[s0w, s0vr]);
    f(S0X, &[s0p, s0vr]);
    f(S0L, &[s0w, s0vl]);
    f(S0L, &[s0p, s0vl]);
    f(N0X, &[n0p, n0vl]);
    // second order: head, leftmost/rightmost children
    f(S0L, &[lab(st, s0)]);
    f(S0L, &[a.p(s0l)]);
    f(S0L, &[lab(st, s0l)]);
    f(S0X, &[a.w(s0r)]);
    f(S0X, &[a.p(s0r)]);
    f(S0X, &[lab(st, s0r)]);
    f(N0X, &[a.w(n0l)]);
    f(N0X, &[a.p(n0l)]);
    f(N0X, &[lab(st, n0l)]);
    // third order
    f(S0L, &[a.w(s0l2)]);
    f(S0L, &[a.p(s0l2)]);
    f(S0L, &[lab(st, s0l2)]);
    f(N0X, &[a.w(n0l2)]);
    f(N0X, &[a.p(n0l2)]);
    f(N0X, &[lab(st, n0l2)]);
    f(S0L, &[s0p, a.p(s0l), a.p(s0l2)]);
    f(S0X, &[s0p, a.p(s0r), a.p(s0r2)]);
    f(S0L, &[s0p, a.p(s0h), a.p(s0h2)]);
    f(N0X, &[n0p, a.p(n0l), a.p(n0l2)]);
    // label sets
    let (s0sl, s0sr, n0sl) = (set(&st.lset, s0), set(&st.rset, s0), set(&st.lset, n0));
    f(S0X, &[s0w, s0sr]);
    f(S0X, &[s0p, s0sr]);
    f(S0L, &[s0w, s0sl]);
    f(S0L, &[s0p, s0sl]);
    f(N0X, &[n0p, n0sl]);
    // beyond Zhang & Nivre: the second stack word, and whether s0 already has a head
    let s0_headed = (s0 != NONE && s0h != NONE) as u64;
    f(DYN, &[s1p, s0p, n0p]);
    f(S1, &[s1w, s1p]);
    f(DYN, &[s0_headed, s0w, n0p]);
    f(DYN, &[s0_headed, lab(st, s0), n0p]);
    // back-offs for noisy tags: UPOS-only and XPOS-only views, suffixes of unknown words
    f(DYN, &[a.u(s0), a.u(n0)]);
    f(DYN, &[a.x(s0), a.x(n0)]);
    f(DYN, &[a.u(s0), a.u(n0), a.u(n1)]);
    f(DYN, &[a.x(s0), a.x(n0), a.x(n1)]);
    f(DYN, &[a.u(s1), a.u(s0), a.u(n0)]);
    f(DYN, &[a.suf(s0), a.suf(n0)]);
    f(N0, &[a.suf(n0), a.x(n0)]);
    f(S0, &[a.suf(s0), a.x(s0)]);
    f(N0, &[a.suf(n0), a.w(n1)]);
}

/// Features for labelling the arc `h -> d` at the moment it is built.
pub fn label_features(st: &State, a: &Atoms, h: u32, d: u32, out: &mut Vec<u64>) {
    out.clear();
    label_templates(st, a, h, d, |id| out.push(id));
}

/// The label features of the arc `h -> d`, each given to `put` as it is computed.
#[inline]
pub fn label_templates(st: &State, a: &Atoms, h: u32, d: u32, mut put: impl FnMut(u64)) {
    let (hw, hp, dw, dp) = (a.w(h), a.p(h), a.w(d), a.p(d));
    let dir = (d < h) as u64;
    let ds = dist(h, d);
    let hh = at(&st.head, h);
    let prev = if d > 0 { d - 1 } else { NONE };
    let next = d + 1;
    let (dl, dr) = (at(&st.lm1, d), at(&st.rm1, d));
    let (hl, hr) = (at(&st.lm1, h), at(&st.rm1, h));

    let mut t = 1000u64;
    let mut f = |parts: &[u64]| {
        t += 1;
        put(mix(t, parts));
    };
    f(&[dir]);
    f(&[hw]);
    f(&[hp]);
    f(&[dw]);
    f(&[dp]);
    f(&[a.suf(d), dp]);
    f(&[hw, hp]);
    f(&[dw, dp]);
    f(&[hw, dp, dir]);
    f(&[hp, dw, dir]);
    f(&[hw, dw]);
    f(&[hp, dp, dir]);
    f(&[hp, dp, dir, ds]);
    f(&[dw, dir]);
    f(&[dp, dir, ds]);
    f(&[dp, set(&st.lset, d)]);
    f(&[dp, set(&st.rset, d)]);
    f(&[dp, lab(st, dl), a.w(dl)]);
    f(&[dp, lab(st, dr), a.p(dr)]);
    f(&[dp, a.w(dl)]);
    f(&[hp, dp, set(&st.lset, h), dir]);
    f(&[hp, dp, set(&st.rset, h), dir]);
    f(&[hp, lab(st, hl), dir]);
    f(&[hp, lab(st, hr), dir]);
    f(&[hp, dp, lab(st, h)]);
    f(&[a.p(hh), hp, dp]);
    f(&[dp, a.p(prev), dir]);
    f(&[dp, a.p(next), dir]);
    f(&[dw, a.w(prev)]);
    f(&[hp, dp, a.w(dl)]);
    f(&[hw, dp, a.w(dl)]);
}
