//! Greedy decoding shared by inference and training-time evaluation: pick the best valid
//! move, label arcs as they are built, then repair multiple roots.

use crate::atoms::Atoms;
use crate::features::{
    at, label_templates, role, transition_features, transition_templates, ByRole, FeatureSink,
};
use crate::state::{Move, State, MOVES, NONE};
use crate::table::{prefetch, RowTable, Table4};
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

    /// Start loading what scoring feature `id` will read (a hint; nothing by default), and
    /// say whether it may add to the scores (false: it certainly adds nothing and may be
    /// left out of the list given to [`Score::pick_label_prefetched`]).
    #[inline]
    fn screen_feature(&self, id: u64) -> bool {
        let _ = id;
        true
    }

    /// The best class other than `root` for `feats` (the arc labeler's entry point).
    fn pick_label(&self, feats: &[u64], root: u16, buf: &mut Vec<f32>) -> u16 {
        self.score(feats, buf);
        best_label(buf, root)
    }

    /// [`Score::pick_label`] once [`Score::screen_feature`] has been called for every
    /// feature of `feats` (those it turned away may be missing).
    fn pick_label_prefetched(&self, feats: &[u64], root: u16, buf: &mut Vec<f32>) -> u16 {
        self.pick_label(feats, root, buf)
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
        let _ = feats;
        let acc = cache.move_scores(self, st, atoms);
        out.clear();
        out.extend(acc.iter().map(|&a| a as f32));
    }
}

/// A sink that starts loading each feature's table row as it collects the id, and drops
/// the ids the table's filter shows absent (they would add nothing).
struct Prefetching<'a> {
    ids: &'a mut ByRole,
    table: &'a Table4,
}

impl FeatureSink for Prefetching<'_> {
    #[inline(always)]
    fn wants(&self, role: u8) -> bool {
        self.ids.wants(role)
    }
    #[inline(always)]
    fn put(&mut self, role: u8, id: u64) {
        let (pass, line) = self.table.screen(id);
        prefetch(line);
        self.ids.put_if(role, id, pass);
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
///
/// When one parse state evolves (greedy decoding), also the sums of the templates that read
/// a token with its children: a word's head and left children are fixed while it is on the
/// stack (role `S0L`: one sum per token); it only gains right children there, and only left
/// children as the buffer front, each farther out than the last, so the newest child on that
/// side (`rm1` / `lm1`) tells its whole state (roles `S0X`, `N0X`). Each token keeps the
/// sums of its latest state per role, which a later move reuses when the token returns with
/// no new child (the stack top after a left-arc pops a word shifted onto it; the buffer front
/// after a reduce).
#[derive(Default)]
pub struct StaticScores {
    /// Per token (index n + 1 = "no word"), per cached role (`ROLES` order): the sums.
    sums: Vec<[[i32; 4]; 6]>,
    /// Per token: role bits already computed.
    known: Vec<u8>,
    /// Per token: for roles S0X and N0X, the newest child the sums were computed with.
    keys: Vec<[u32; 2]>,
    /// Whether the keyed roles may be cached (one evolving state, not a beam's items).
    one_state: bool,
    /// The feature ids of the move being scored.
    ids: ByRole,
}

/// The cached roles, in the order of `StaticScores::sums`; the last two are keyed by a child.
const ROLES: [u8; 6] = [
    role::N0,
    role::S0,
    role::S1,
    role::S0L,
    role::S0X,
    role::N0X,
];
/// `ROLES[KEYED..]` are keyed by a child (`StaticScores::keys`).
const KEYED: usize = 4;

impl StaticScores {
    /// Forget the previous sentence; `n` words plus the root plus "no word". `one_state`:
    /// the cache serves a single evolving parse state (greedy decoding), which enables the
    /// sums of templates over children.
    pub fn reset(&mut self, n: usize, one_state: bool) {
        self.known.clear();
        self.known.resize(n + 2, 0);
        if self.sums.len() < n + 2 {
            self.sums.resize(n + 2, [[0; 4]; 6]);
            self.keys.resize(n + 2, [0; 2]);
        }
        self.one_state = one_state;
    }

    #[inline]
    fn slot(&self, i: u32) -> usize {
        if i == NONE {
            self.known.len() - 1
        } else {
            i as usize
        }
    }

    /// The four move scores in state `st`: cached sums where they hold, and the features of
    /// every other template computed in one pass and looked up in one batch (one prefetch
    /// pass, so the table's cache misses overlap), each missing role's sum then stored.
    #[inline]
    fn move_scores(&mut self, table: &Table4, st: &State, atoms: &Atoms) -> [i32; 4] {
        let (s0, b) = (st.s0(), st.b);
        let tokens = [b, s0, st.s1(), s0, s0, b];
        let keys = [at(&st.rm1, s0), at(&st.lm1, b)];
        let uncached = self.uncached_roles();
        let n_cached = if self.one_state { ROLES.len() } else { 3 };
        let mut need = uncached;
        let mut slots = [0usize; ROLES.len()];
        for (r, (&i, slot)) in tokens[..n_cached].iter().zip(&mut slots).enumerate() {
            let j = self.slot(i);
            *slot = j;
            let known = self.known[j] & ROLES[r] != 0
                && (r < KEYED || self.keys[j][r - KEYED] == keys[r - KEYED]);
            if !known {
                need |= ROLES[r];
            }
        }
        self.ids.reset(need);
        // Each row is prefetched as soon as its id is known, so the loads overlap with the
        // computation of the remaining templates.
        transition_templates(
            st,
            atoms,
            &mut Prefetching {
                ids: &mut self.ids,
                table,
            },
        );
        // Per role (bit index): the sum of its rows.
        let mut sums = [[0i32; 4]; 7];
        table.sum_segments(self.ids.lists(), &mut sums);
        let mut acc = [0i32; 4];
        for (r, &j) in slots[..n_cached].iter().enumerate() {
            let bit = ROLES[r];
            if need & bit != 0 {
                self.sums[j][r] = sums[bit.trailing_zeros() as usize];
                self.known[j] |= bit;
                if r >= KEYED {
                    self.keys[j][r - KEYED] = keys[r - KEYED];
                }
            }
            for (a, x) in acc.iter_mut().zip(self.sums[j][r]) {
                *a += x;
            }
        }
        for (k, sum) in sums.iter().enumerate() {
            if uncached & (1 << k) != 0 {
                for (a, x) in acc.iter_mut().zip(sum) {
                    *a += x;
                }
            }
        }
        acc
    }

    /// The roles looked up at every move: DYN; in a beam (many states) also those over
    /// children.
    #[inline]
    fn uncached_roles(&self) -> u8 {
        if self.one_state {
            role::DYN
        } else {
            role::DYN | role::S0L | role::S0X | role::N0X
        }
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

    #[inline]
    fn screen_feature(&self, id: u64) -> bool {
        let (pass, line) = self.screen(id);
        prefetch(line);
        pass
    }

    /// Integer sums and argmax: the same label as through the `f32` scores (which hold these
    /// integers exactly), without the conversions.
    fn pick_label(&self, feats: &[u64], root: u16, _buf: &mut Vec<f32>) -> u16 {
        self.best_class(feats, root)
    }

    fn pick_label_prefetched(&self, feats: &[u64], root: u16, _buf: &mut Vec<f32>) -> u16 {
        self.best_class_prefetched(feats, root)
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
    /// The ids of the arc being labelled.
    pub label_ids: Ids64,
    /// Beam decoding's items and buffers (untouched by greedy decoding).
    pub beam: crate::beam::BeamScratch,
}

/// A buffer of 64 feature ids (kept in [`Scratch`], so it is not zeroed per arc).
pub struct Ids64(pub [u64; 64]);

impl Default for Ids64 {
    fn default() -> Ids64 {
        Ids64([0; 64])
    }
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
    // Each id's table entry starts loading as soon as it is computed; ids the table shows
    // absent are dropped (without a branch: which ones is hard to predict).
    let ids = &mut sc.label_ids.0;
    let mut k = 0;
    label_templates(&sc.st, &sc.atoms, h, d, |id| {
        let keep = labeler.screen_feature(id);
        // The labeler has fewer than 64 templates (the mask spares a bounds check).
        ids[k & 63] = id;
        k += keep as usize;
    });
    labeler.pick_label_prefetched(&ids[..k.min(64)], root, &mut sc.scores)
}

/// Parse the sentence whose atoms are in `sc.atoms`; the result is in `sc.st` (heads with
/// root = n, labels).
pub fn parse_greedy<T: Score, L: Score>(trans: &T, labeler: &L, root: u16, sc: &mut Scratch) {
    let n = sc.atoms.w.len() - 1;
    sc.st.reset(n);
    sc.cache.reset(n, true);
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
