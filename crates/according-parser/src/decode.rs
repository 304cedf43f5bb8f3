//! Greedy decoding shared by inference and training-time evaluation: pick the best valid
//! move, label arcs as they are built, then repair multiple roots.

use crate::atoms::Atoms;
use crate::features::{label_features, role, transition_features, transition_features_of};
use crate::state::{Move, State, MOVES, NONE};
use crate::table::{RowTable, Table4};
use according_ml::perceptron::{Trainer, Weights};

/// Anything that scores classes for a feature list (frozen weights, or a trainer mid-run).
pub trait Score {
    fn score(&self, feats: &[u64], out: &mut Vec<f32>);

    /// Scores of the four moves in state `st` (the transition classifier's entry point;
    /// `cache` lets a frozen table reuse per-token sums of static templates).
    fn score_moves(
        &self,
        st: &State,
        atoms: &Atoms,
        feats: &mut Vec<u64>,
        cache: &mut StaticScores,
        out: &mut Vec<f32>,
    ) {
        let _ = cache;
        transition_features(st, atoms, feats);
        self.score(feats, out);
    }

    /// The best class other than `root` for `feats` (the arc labeler's entry point).
    fn pick_label(&self, feats: &[u64], root: u16, buf: &mut Vec<f32>) -> u16 {
        self.score(feats, buf);
        best_label(buf, root)
    }
}

impl Score for Weights {
    fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        let mut acc = [0i32; 128];
        let n = self.n_classes();
        if n <= acc.len() {
            self.add_scores_i32(feats, &mut acc[..n]);
            out.clear();
            out.extend(acc[..n].iter().map(|&a| a as f32));
        } else {
            self.scores(feats, out);
        }
    }
}

impl Score for Table4 {
    fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        let mut acc = [0i32; 4];
        self.add_scores(feats, &mut acc);
        out.clear();
        out.extend(acc.iter().map(|&a| a as f32));
    }

    /// The static templates' sums come from the per-sentence cache; only the state-dependent
    /// templates are looked up per move. Integer sums are exact, so the scores equal the
    /// uncached ones whatever the order of addition.
    fn score_moves(
        &self,
        st: &State,
        atoms: &Atoms,
        feats: &mut Vec<u64>,
        cache: &mut StaticScores,
        out: &mut Vec<f32>,
    ) {
        let mut acc = [0i32; 4];
        let parts = [
            cache.part::<{ role::N0 }>(0, st.b, self, st, atoms, feats),
            cache.part::<{ role::S0 }>(1, st.s0(), self, st, atoms, feats),
            cache.part::<{ role::S1 }>(2, st.s1(), self, st, atoms, feats),
        ];
        for p in parts {
            for (a, x) in acc.iter_mut().zip(p) {
                *a += x;
            }
        }
        transition_features_of::<{ role::DYN }>(st, atoms, feats);
        self.add_scores(feats, &mut acc);
        out.clear();
        out.extend(acc.iter().map(|&a| a as f32));
    }
}

/// A table through the generic scoring path only (full feature lists, `f32` scores, no
/// static-template cache, no integer argmax): the reference the fast paths must match exactly.
pub struct Uncached<'a, T>(pub &'a T);

impl<T: Score> Score for Uncached<'_, T> {
    fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        self.0.score(feats, out);
    }
}

/// Per-sentence sums of the static transition templates (roles n0, s0, s1) for each token,
/// computed the first time a token fills the role. A token keeps its role over several moves
/// (n0 through left-arcs and reduces; s0/s1 return after pops), and atoms never change
/// within a sentence, so nothing is ever invalidated.
#[derive(Default)]
pub struct StaticScores {
    /// Per token (index n + 1 = "no word"): the sums for roles n0, s0, s1.
    sums: Vec<[[i32; 4]; 3]>,
    /// Per token: role bits already computed.
    known: Vec<u8>,
}

impl StaticScores {
    /// Forget the previous sentence; `n` words plus the root plus "no word".
    pub fn reset(&mut self, n: usize) {
        self.known.clear();
        self.known.resize(n + 2, 0);
        if self.sums.len() < n + 2 {
            self.sums.resize(n + 2, [[0; 4]; 3]);
        }
    }

    /// The sum of role `R` (slot `k`) for token `i` in the current state.
    #[inline]
    fn part<const R: u8>(
        &mut self,
        k: usize,
        i: u32,
        table: &Table4,
        st: &State,
        atoms: &Atoms,
        feats: &mut Vec<u64>,
    ) -> [i32; 4] {
        let j = if i == NONE {
            self.known.len() - 1
        } else {
            i as usize
        };
        if self.known[j] & R == 0 {
            let mut acc = [0i32; 4];
            transition_features_of::<R>(st, atoms, feats);
            table.add_scores(feats, &mut acc);
            self.sums[j][k] = acc;
            self.known[j] |= R;
        }
        self.sums[j][k]
    }
}

impl Score for RowTable {
    fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        let mut acc = [0i32; 64];
        let n = self.n_classes().min(acc.len());
        self.add_scores(feats, &mut acc);
        out.clear();
        out.extend(acc[..n].iter().map(|&a| a as f32));
    }

    /// Integer sums and argmax: the same label as through the `f32` scores (which hold these
    /// integers exactly), without the conversions.
    fn pick_label(&self, feats: &[u64], root: u16, _buf: &mut Vec<f32>) -> u16 {
        self.best_class(feats, root)
    }
}

impl Score for Trainer {
    fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        self.scores(feats, out);
    }
}

/// Reusable buffers for one thread.
#[derive(Default)]
pub struct Scratch {
    pub st: State,
    pub atoms: Atoms,
    pub feats: Vec<u64>,
    pub scores: Vec<f32>,
    pub cache: StaticScores,
    /// Beam decoding's items and buffers (untouched by greedy decoding).
    pub beam: crate::beam::BeamScratch,
}

/// Best valid move under `scores` (indexed by `Move as usize`).
pub fn best_valid(st: &State, scores: &[f32]) -> Move {
    let mut best = None;
    for m in MOVES {
        if st.is_valid(m) && best.is_none_or(|b: Move| scores[m as usize] > scores[b as usize]) {
            best = Some(m);
        }
    }
    best.unwrap_or(Move::Shift)
}

/// The move when exactly one is valid.
pub(crate) fn only_valid(st: &State) -> Option<Move> {
    let mut valid = MOVES.iter().copied().filter(|&m| st.is_valid(m));
    let first = valid.next();
    match valid.next() {
        None => first,
        Some(_) => None,
    }
}

/// Best label other than `root` (index `root`).
pub fn best_label(scores: &[f32], root: u16) -> u16 {
    let mut best = if root == 0 { 1 } else { 0 };
    for (i, &s) in scores.iter().enumerate() {
        if i != root as usize && s > scores[best] {
            best = i;
        }
    }
    best as u16
}

/// Label the arc `h -> d` in the current state.
pub fn predict_label<L: Score>(labeler: &L, root: u16, sc: &mut Scratch, h: u32, d: u32) -> u16 {
    if h == sc.st.n {
        return root;
    }
    label_features(&sc.st, &sc.atoms, h, d, &mut sc.feats);
    labeler.pick_label(&sc.feats, root, &mut sc.scores)
}

/// Parse the sentence whose atoms are in `sc.atoms`; the result is in `sc.st` (heads with
/// root = n, labels).
pub fn parse_greedy<T: Score, L: Score>(trans: &T, labeler: &L, root: u16, sc: &mut Scratch) {
    let n = sc.atoms.w.len() - 1;
    sc.st.reset(n);
    sc.cache.reset(n);
    while !sc.st.is_terminal() {
        // A forced move (empty stack; or the buffer holds only the root, where the stack
        // unwinds) needs no scoring: `best_valid` could only pick it.
        let m = match only_valid(&sc.st) {
            Some(m) => m,
            None => {
                trans.score_moves(
                    &sc.st,
                    &sc.atoms,
                    &mut sc.feats,
                    &mut sc.cache,
                    &mut sc.scores,
                );
                best_valid(&sc.st, &sc.scores)
            }
        };
        let label = match m {
            Move::Left => predict_label(labeler, root, sc, sc.st.b, sc.st.s0()),
            Move::Right => predict_label(labeler, root, sc, sc.st.s0(), sc.st.b),
            _ => 0,
        };
        sc.st.apply(m, label);
    }
    fix_roots(labeler, root, sc);
}

/// UD trees have one root: keep the leftmost root dependent, attach the others to it.
pub(crate) fn fix_roots<L: Score>(labeler: &L, root: u16, sc: &mut Scratch) {
    let n = sc.st.n;
    let mut roots = (0..n).filter(|&i| sc.st.head[i as usize] == n);
    let Some(main) = roots.next() else { return };
    let others: Vec<u32> = roots.collect();
    for d in others {
        let label = predict_label(labeler, root, sc, main, d);
        sc.st.head[d as usize] = main;
        sc.st.label[d as usize] = label;
    }
}
