//! First-order sequence labelling with a structured (averaged) perceptron: emission scores from
//! hashed features, transition scores from `trans(prev)` features, Viterbi decoding under a
//! per-position mask of allowed labels.

use crate::score_table::{ScoreTable, MAX_LABELS};
use according_ml::features::hash_parts;
use according_ml::perceptron::Trainer;

/// Id of the transition feature from label `prev` (`n` = sequence start).
pub fn trans_id(prev: usize) -> u64 {
    hash_parts(&["trans", &prev.to_string()])
}

/// Transition table `(n + 1) × n`: row `p` (last row = start) → scores of each next label.
pub fn transitions_of(score: impl Fn(u64, &mut Vec<f32>), n: usize) -> Vec<f32> {
    let mut out = Vec::with_capacity((n + 1) * n);
    let mut buf = Vec::new();
    for p in 0..=n {
        score(trans_id(p), &mut buf);
        out.extend_from_slice(&buf[..n]);
    }
    out
}

/// Best label sequence. `emis` is `len × n`; `allowed(t, y)` masks labels.
pub fn viterbi(
    emis: &[f32],
    trans: &[f32],
    n: usize,
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    // The taggers' label counts get a copy with fixed-size rows (no index arithmetic or bounds
    // checks in the inner loops); it computes the same sums in the same order.
    match n {
        3 => viterbi_fixed::<3>(emis, trans, allowed),
        4 => viterbi_fixed::<4>(emis, trans, allowed),
        _ => viterbi_any(emis, trans, n, allowed),
    }
}

/// [`viterbi`] for `N` labels.
fn viterbi_fixed<const N: usize>(
    emis: &[f32],
    trans: &[f32],
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let (emis, _) = emis.as_chunks::<N>();
    let len = emis.len();
    if len == 0 {
        return Vec::new();
    }
    let (rows, _) = trans.as_chunks::<N>();
    let tr: [[f32; N]; N] = std::array::from_fn(|p| rows[p]);
    let start = rows[N];
    TABLES.with_borrow_mut(|(score, back)| {
        score.clear();
        score.resize(len * N, f32::NEG_INFINITY);
        back.clear();
        back.resize(len * N, 0);
        let (score, _) = score.as_chunks_mut::<N>();
        let (back, _) = back.as_chunks_mut::<N>();
        viterbi_in::<N>(emis, &tr, &start, score, back, allowed)
    })
}

thread_local! {
    /// [`viterbi_fixed`]'s score and back-pointer tables, kept from one call to the next (a
    /// document decodes each sentence and each cue's window: three allocations each).
    static TABLES: std::cell::RefCell<(Vec<f32>, Vec<u8>)> = Default::default();
}

/// [`viterbi_fixed`] in the tables `score` and `back` (`emis.len()` rows, the scores
/// negative infinity, as they start).
fn viterbi_in<const N: usize>(
    emis: &[[f32; N]],
    tr: &[[f32; N]; N],
    start: &[f32; N],
    score: &mut [[f32; N]],
    back: &mut [[u8; N]],
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let len = emis.len();
    for y in 0..N {
        if allowed(0, y) {
            score[0][y] = emis[0][y] + start[y];
        }
    }
    for t in 1..len {
        let prev = score[t - 1];
        for y in 0..N {
            if !allowed(t, y) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, row) in tr.iter().enumerate() {
                let s = prev[p] + row[y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[t][y] = best + emis[t][y];
            back[t][y] = arg as u8;
        }
    }
    let last = &score[len - 1];
    let mut y = (0..N)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0; len];
    for t in (0..len).rev() {
        out[t] = y;
        y = back[t][y] as usize;
    }
    out
}

fn viterbi_any(
    emis: &[f32],
    trans: &[f32],
    n: usize,
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let len = emis.len() / n;
    if len == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; len * n];
    let mut back = vec![0u8; len * n];
    for y in 0..n {
        if allowed(0, y) {
            score[y] = emis[y] + trans[n * n + y];
        }
    }
    for t in 1..len {
        for y in 0..n {
            if !allowed(t, y) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..n {
                let s = score[(t - 1) * n + p] + trans[p * n + y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[t * n + y] = best + emis[t * n + y];
            back[t * n + y] = arg as u8;
        }
    }
    let mut y = (0..n)
        .max_by(|&a, &b| {
            score[(len - 1) * n + a]
                .total_cmp(&score[(len - 1) * n + b])
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut out = vec![0; len];
    for t in (0..len).rev() {
        out[t] = y;
        y = back[t * n + y] as usize;
    }
    out
}

/// Features of one sequence: a flat id list with per-position offsets.
#[derive(Default)]
pub struct SeqFeatures {
    pub ids: Vec<u64>,
    pub offsets: Vec<usize>,
}

impl SeqFeatures {
    pub fn clear(&mut self) {
        self.ids.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }
    /// Close the current position.
    pub fn next(&mut self) {
        self.offsets.push(self.ids.len());
    }
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn at(&self, t: usize) -> &[u64] {
        &self.ids[self.offsets[t]..self.offsets[t + 1]]
    }
}

/// Decode with frozen weights.
/// `bias[y]` is added to every emission score of label `y` (a decoding-time prior).
/// `emis` is left holding the emission scores (`len × n`), e.g. for [`margin`].
pub fn decode(
    w: &ScoreTable,
    trans: &[f32],
    bias: &[f32],
    f: &SeqFeatures,
    allowed: impl Fn(usize, usize) -> bool,
    emis: &mut Vec<f32>,
) -> Vec<usize> {
    emissions(w, bias, f.len(), |t| f.at(t), emis);
    viterbi(emis, trans, w.n_labels(), allowed)
}

/// Emission scores (`len × n`, into `emis`) of the positions whose features are `feats(t)`,
/// `t < len`. Several sequences scored in one call (then decoded one by one on their slices of
/// `emis`) keep the table's cache misses overlapping across their boundaries.
pub fn emissions<'f>(
    w: &ScoreTable,
    bias: &[f32],
    len: usize,
    feats: impl Fn(usize) -> &'f [u64],
    emis: &mut Vec<f32>,
) {
    let n = w.n_labels();
    let scale = w.scale();
    emis.clear();
    emis.reserve(len * n);
    // The buckets of the features `PREFETCH_AHEAD` ahead of the one being scored are being
    // loaded: a steady stream of loads in flight (prefetching a whole position at once
    // queued its ~30 misses behind each other, then left the CPU waiting).
    let (mut pt, mut pk) = (0usize, 0usize);
    let mut pf: &[u64] = if len > 0 { feats(0) } else { &[] };
    let mut prefetch_next = || loop {
        if let Some(&f) = pf.get(pk) {
            w.prefetch_one(f);
            pk += 1;
            return;
        }
        pt += 1;
        if pt >= len {
            pf = &[];
            pk = 0;
            return;
        }
        pf = feats(pt);
        pk = 0;
    };
    for _ in 0..PREFETCH_AHEAD {
        prefetch_next();
    }
    for t in 0..len {
        let mut acc = [0i32; MAX_LABELS];
        for &f in feats(t) {
            prefetch_next();
            w.add_one(f, &mut acc);
        }
        push_scores(emis, &acc[..n], bias, scale);
    }
}

/// [`emissions`] of positions laid out at a fixed stride in one slice: position `t`'s features
/// are `ids[t * stride..][..stride]` (`ids.len()` a multiple of `stride`), of which the
/// columns in the ranges `cols` are looked up and added to `start(t)`;
/// the other columns' weights are the caller's to put in `start(t)` (a bias feature's, the
/// same everywhere, or ones summed ahead from the few values they are made of), or left
/// out. The same sums as [`emissions`] over the columns whose weights make up the score. Each
/// bucket is prefetched `ROWS_AHEAD` positions ahead (the feature in the same column of
/// that row), which needs no bookkeeping of where positions end.
pub fn emissions_strided(
    w: &ScoreTable,
    bias: &[f32],
    ids: &[u64],
    stride: usize,
    cols: &[std::ops::Range<usize>],
    start: impl Fn(usize) -> [i32; MAX_LABELS],
    emis: &mut Vec<f32>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("bmi2") {
        // SAFETY: the CPU has the features `emissions_strided_avx2` is compiled for.
        unsafe { emissions_strided_avx2(w, bias, ids, stride, cols, start, emis) };
        return;
    }
    emissions_strided_with(w, bias, ids, stride, cols, start, emis, |f, acc| {
        w.add_one(f, acc)
    });
}

/// [`emissions_strided`] compiled for AVX2 and BMI2: the lookups' fingerprint compares, home
/// bucket and overflow bit in fewer instructions (scoring is bound by them as much as by the
/// table's cache misses).
///
/// # Safety
/// The CPU must support AVX2 and BMI2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2")]
unsafe fn emissions_strided_avx2(
    w: &ScoreTable,
    bias: &[f32],
    ids: &[u64],
    stride: usize,
    cols: &[std::ops::Range<usize>],
    start: impl Fn(usize) -> [i32; MAX_LABELS],
    emis: &mut Vec<f32>,
) {
    emissions_strided_with(w, bias, ids, stride, cols, start, emis, |f, acc| {
        // SAFETY: this function runs on CPUs with AVX2 only.
        unsafe { w.add_one_avx2(f, acc) }
    });
}

/// [`emissions_strided`] with `add_one` adding a feature's weights (one of
/// [`ScoreTable`]'s).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn emissions_strided_with(
    w: &ScoreTable,
    bias: &[f32],
    ids: &[u64],
    stride: usize,
    cols: &[std::ops::Range<usize>],
    start: impl Fn(usize) -> [i32; MAX_LABELS],
    emis: &mut Vec<f32>,
    add_one: impl Fn(u64, &mut [i32; MAX_LABELS]),
) {
    assert!(stride > 0 && ids.len().is_multiple_of(stride));
    assert!(cols.iter().all(|c| c.start <= c.end && c.end <= stride));
    let n = w.n_labels();
    let scale = w.scale();
    let len = ids.len() / stride;
    emis.clear();
    emis.reserve(len * n);
    if len == 0 {
        return;
    }
    for r in 0..ROWS_AHEAD.min(len) {
        let row = &ids[r * stride..(r + 1) * stride];
        for c in cols {
            w.prefetch(&row[c.clone()]);
        }
    }
    for t in 0..len {
        let row = &ids[t * stride..(t + 1) * stride];
        let mut acc = start(t);
        match ids.get((t + ROWS_AHEAD) * stride..(t + ROWS_AHEAD + 1) * stride) {
            // A plain loop per range (a chained iterator branched on its part at every
            // feature).
            Some(next) => {
                for c in cols {
                    for (&f, &p) in row[c.clone()].iter().zip(&next[c.clone()]) {
                        w.prefetch_one(p);
                        add_one(f, &mut acc);
                    }
                }
            }
            None => {
                for c in cols {
                    for &f in &row[c.clone()] {
                        add_one(f, &mut acc);
                    }
                }
            }
        }
        push_scores(emis, &acc[..n], bias, scale);
    }
}

/// How many positions ahead of scoring [`emissions_strided`] loads table buckets. One (20 to
/// 30 lookups) left the loads waiting on a busy machine: two made the taggers ~10% faster
/// on the BBC sample; three or four were no better.
const ROWS_AHEAD: usize = 2;
/// How many features ahead of scoring [`emissions`] starts loading table buckets.
const PREFETCH_AHEAD: usize = 24;

/// How clearly the emission scores chose `labels[t]` over every other label, at the least
/// clear position of `range` (positions of the decoded sequence).
pub fn margin(emis: &[f32], n: usize, labels: &[usize], range: std::ops::Range<usize>) -> f32 {
    range
        .map(|t| {
            let row = &emis[t * n..(t + 1) * n];
            let y = labels[t];
            let other = (0..n)
                .filter(|&k| k != y)
                .map(|k| row[k])
                .fold(f32::NEG_INFINITY, f32::max);
            row[y] - other
        })
        .fold(f32::INFINITY, f32::min)
}

/// One structured-perceptron step; returns whether the prediction was wrong.
pub fn train_step(
    tr: &mut Trainer,
    f: &SeqFeatures,
    gold: &[usize],
    allowed: impl Fn(usize, usize) -> bool,
) -> bool {
    let n = tr.n_classes();
    let trans = transitions_of(|id, out| tr.scores(&[id], out), n);
    let mut emis = Vec::with_capacity(f.len() * n);
    let mut buf = Vec::new();
    for t in 0..f.len() {
        tr.scores(f.at(t), &mut buf);
        emis.extend_from_slice(&buf[..n]);
    }
    let pred = viterbi(&emis, &trans, n, allowed);
    let wrong = pred != gold;
    if wrong {
        for t in 0..gold.len() {
            let (gp, pp) = if t == 0 {
                (n, n)
            } else {
                (gold[t - 1], pred[t - 1])
            };
            if gold[t] != pred[t] {
                tr.update(f.at(t), gold[t], 1.0);
                tr.update(f.at(t), pred[t], -1.0);
            }
            if gold[t] != pred[t] || gp != pp {
                tr.update(&[trans_id(gp)], gold[t], 1.0);
                tr.update(&[trans_id(pp)], pred[t], -1.0);
            }
        }
    }
    tr.tick();
    wrong
}

/// One position's emission scores: the quantised sums scaled, plus each label's bias.
#[inline]
fn push_scores(emis: &mut Vec<f32>, acc: &[i32], bias: &[f32], scale: f32) {
    emis.extend(acc.iter().zip(bias).map(|(&x, b)| x as f32 * scale + b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_transitions_and_mask() {
        // two labels; emissions prefer 1,0,1 but transitions forbid 1→0 strongly
        let emis = [0.0, 1.0, 0.5, 0.0, 0.0, 1.0];
        let mut trans = vec![0.0; 6];
        trans[2] = -10.0; // 1 → 0
        assert_eq!(viterbi(&emis, &trans, 2, |_, _| true), vec![1, 1, 1]);
        assert_eq!(
            viterbi(&emis, &[0.0; 6], 2, |t, y| !(t == 2 && y == 1)),
            vec![1, 0, 0]
        );
    }

    #[test]
    fn strided_emissions_are_the_general_ones() {
        let mut tr = Trainer::new(3);
        for i in 0..400u64 {
            tr.update(&[i * 31 + 5, i % 9], (i % 3) as usize, 1.0);
            tr.tick();
        }
        let table = ScoreTable::new(&tr.finish(0.0));
        let bias = [0.5, -1.0, 0.25];
        // 7 positions of 5 ids, the first 4 of each scored; some ids unknown to the table.
        let ids: Vec<u64> = (0..35u64).map(|k| (k * 97) % 500 * 31 + 5).collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        emissions(&table, &bias, 7, |t| &ids[t * 5..t * 5 + 4], &mut a);
        let all = std::slice::from_ref(&(0..4));
        emissions_strided(&table, &bias, &ids, 5, all, |_| [0; 4], &mut b);
        assert_eq!(a.len(), 21);
        assert_eq!(a, b);
        assert!(a.iter().any(|&x| x != a[0]));
        // Column 2 made a bias feature (one id in every position), its weights summed ahead.
        let mut ids = ids;
        for t in 0..7 {
            ids[t * 5 + 2] = 9 * 31 + 5;
        }
        emissions(&table, &bias, 7, |t| &ids[t * 5..t * 5 + 4], &mut a);
        let bias_weights = table.weights(ids[2]);
        let cols = [0..2, 3..4];
        emissions_strided(&table, &bias, &ids, 5, &cols, |_| bias_weights, &mut b);
        assert_eq!(a, b);
        // Column 1 summed ahead per position.
        let each: Vec<_> = (0..7).map(|t| table.weights(ids[t * 5 + 1])).collect();
        emissions(&table, &bias, 7, |t| &ids[t * 5..t * 5 + 2], &mut a);
        let first = std::slice::from_ref(&(0..1));
        emissions_strided(&table, &bias, &ids, 5, first, |t| each[t], &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn fixed_size_viterbi_is_the_generic_one() {
        // Pseudo-random scores with ties (few distinct values) and masks.
        let mut x = 12345u64;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % 7
        };
        for n in [3, 4] {
            for len in 0..12 {
                let emis: Vec<f32> = (0..len * n).map(|_| next() as f32 * 0.5 - 1.0).collect();
                let trans: Vec<f32> = (0..(n + 1) * n).map(|_| next() as f32 - 3.0).collect();
                let banned: Vec<bool> = (0..len * n).map(|_| next() == 0).collect();
                let allowed = |t: usize, y: usize| !banned[t * n + y];
                let fixed = viterbi(&emis, &trans, n, allowed);
                assert_eq!(
                    fixed,
                    viterbi_any(&emis, &trans, n, allowed),
                    "n {n} len {len}"
                );
            }
        }
    }
}
