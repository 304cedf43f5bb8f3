//! Beam search over the arc-eager transitions (Zhang & Nivre 2011): the `k` best partial
//! parses, each scored by the sum of its move scores, are all extended by every valid move,
//! and the `k` best extensions survive. Every parse takes exactly `2n` moves (each word is
//! pushed once and popped once), so all items finish together.
//!
//! Arcs are labelled when built, in each item's own state (labels feed the transition
//! features). Forced moves (one valid move) add nothing to an item's score, as in greedy
//! decoding, which this search reproduces exactly at `k = 1` (same tie-breaking: the first
//! move in [`MOVES`] order wins).

use crate::decode::{fix_roots, only_valid, Score, Scratch};
use crate::features::label_features;
use crate::state::{Move, State, MOVES};
use according_ml::perceptron::IdMap;

/// One partial parse.
#[derive(Default, Clone)]
pub(crate) struct Item {
    pub st: State,
    pub score: f64,
    /// This item's last move in the history arena ([`NO_STEP`] before the first move).
    pub last: u32,
    /// Training: every move so far is the gold sequence's.
    pub gold: bool,
}

/// "No move yet" in the history arena.
pub(crate) const NO_STEP: u32 = u32::MAX;

/// One move of some item, linked to the item's previous move (the arena holds every move of
/// every item of the current sentence, so any surviving item's sequence can be read back).
#[derive(Clone, Copy)]
pub(crate) struct Step {
    pub prev: u32,
    pub m: Move,
    pub label: u16,
}

#[derive(Clone, Copy)]
struct Candidate {
    score: f64,
    item: u32,
    m: Move,
}

/// The beam of one sentence; buffers are reused across sentences.
#[derive(Default)]
pub struct Beam {
    items: Vec<Item>,
    len: usize,
    next: Vec<Item>,
    candidates: Vec<Candidate>,
    steps: Vec<Step>,
    /// Per item: surviving extensions not yet built.
    uses: Vec<u32>,
}

impl Beam {
    /// One start item for a sentence of `n` words.
    pub(crate) fn start(&mut self, n: usize, gold: bool) {
        if self.items.is_empty() {
            self.items.push(Item::default());
        }
        let it = &mut self.items[0];
        it.st.reset(n);
        it.score = 0.0;
        it.last = NO_STEP;
        it.gold = gold;
        self.len = 1;
        self.steps.clear();
    }

    /// Items, best first.
    pub(crate) fn items(&self) -> &[Item] {
        &self.items[..self.len]
    }

    /// Extend every item by each valid move and keep the `k` best, dropping those more than
    /// `margin` below the best (`f64::INFINITY`: none dropped). `score` writes the four move
    /// scores of a state; `label` gives the relation of a new arc `h -> d` built in a state;
    /// an item stays `gold` when it was and takes `gold_move`.
    pub(crate) fn advance(
        &mut self,
        k: usize,
        margin: f64,
        mut score: impl FnMut(&State, &mut [f32; 4]),
        mut label: impl FnMut(&State, u32, u32) -> u16,
        gold_move: Option<Move>,
    ) {
        self.candidates.clear();
        let mut s = [0f32; 4];
        for (i, it) in self.items[..self.len].iter().enumerate() {
            let item = i as u32;
            if let Some(m) = only_valid(&it.st) {
                self.candidates.push(Candidate {
                    score: it.score,
                    item,
                    m,
                });
                continue;
            }
            score(&it.st, &mut s);
            for m in MOVES {
                if it.st.is_valid(m) {
                    self.candidates.push(Candidate {
                        score: it.score + s[m as usize] as f64,
                        item,
                        m,
                    });
                }
            }
        }
        // A total order (higher score, then earlier item, then move order), so the result
        // never depends on the sort algorithm.
        self.candidates.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.item.cmp(&b.item))
                .then((a.m as u8).cmp(&(b.m as u8)))
        });
        let mut keep = self.candidates.len().min(k.max(1));
        if margin.is_finite() && keep > 1 {
            // Candidates far behind the best rarely overtake it later: dropping them makes
            // most steps as cheap as greedy decoding.
            let floor = self.candidates[0].score - margin;
            keep = self.candidates[..keep]
                .iter()
                .take_while(|c| c.score >= floor)
                .count();
        }
        while self.next.len() < keep {
            self.next.push(Item::default());
        }
        self.uses.clear();
        self.uses.resize(self.len, 0);
        for c in &self.candidates[..keep] {
            self.uses[c.item as usize] += 1;
        }
        for (j, c) in self.candidates[..keep].iter().enumerate() {
            let parent = &mut self.items[c.item as usize];
            let arc = match c.m {
                Move::Left => Some((parent.st.b, parent.st.s0())),
                Move::Right => Some((parent.st.s0(), parent.st.b)),
                _ => None,
            };
            let l = arc.map_or(0, |(h, d)| label(&parent.st, h, d));
            let child = &mut self.next[j];
            // A parent's last surviving extension takes its state instead of a copy (the
            // parent is not read again): with one survivor per parent, nothing is copied.
            let uses = &mut self.uses[c.item as usize];
            *uses -= 1;
            if *uses == 0 {
                std::mem::swap(&mut child.st, &mut parent.st);
            } else {
                child.st.clone_from(&parent.st);
            }
            child.st.apply(c.m, l);
            child.score = c.score;
            child.gold = parent.gold && Some(c.m) == gold_move;
            child.last = self.steps.len() as u32;
            self.steps.push(Step {
                prev: parent.last,
                m: c.m,
                label: l,
            });
        }
        std::mem::swap(&mut self.items, &mut self.next);
        self.len = keep;
    }

    /// The moves (with arc labels) that led to the item whose last move is `last`, in order.
    pub(crate) fn sequence(&self, mut last: u32, out: &mut Vec<(Move, u16)>) {
        out.clear();
        while last != NO_STEP {
            let s = self.steps[last as usize];
            out.push((s.m, s.label));
            last = s.prev;
        }
        out.reverse();
    }
}

/// Buffers of beam decoding for one thread.
#[derive(Default)]
pub struct BeamScratch {
    pub(crate) beam: Beam,
    label_feats: Vec<u64>,
    label_scores: Vec<f32>,
    /// Per sentence: the label chosen for each distinct label-feature list (keyed by a hash
    /// of the list). Items of a beam mostly build the same arc in the same local context,
    /// and the label is a function of the features, so it is computed once.
    label_cache: IdMap<u16>,
}

/// A 64-bit key of a feature list (feature ids are already hashes).
fn list_key(feats: &[u64]) -> u64 {
    feats.iter().fold(0x243f_6a88_85a3_08d3, |k, &f| {
        (k ^ f).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(23)
    })
}

/// Parse the sentence whose atoms are in `sc.atoms` with a beam of `k` (items more than
/// `margin` below the best dropped); the best parse ends in `sc.st` (heads with root = n,
/// labels), as after [`crate::decode::parse_greedy`].
pub fn parse_beam<T: Score, L: Score>(
    trans: &T,
    labeler: &L,
    root: u16,
    (k, margin): (usize, f64),
    sc: &mut Scratch,
) {
    let n = sc.atoms.w.len() - 1;
    sc.cache.reset(n, false);
    let Scratch {
        atoms,
        feats,
        scores,
        cache,
        beam:
            BeamScratch {
                beam,
                label_feats,
                label_scores,
                label_cache,
            },
        ..
    } = sc;
    beam.start(n, false);
    label_cache.clear();
    while !beam.items()[0].st.is_terminal() {
        beam.advance(
            k,
            margin,
            |st, out| {
                // The static-template cache is per token and role, not per state, so all
                // items of the sentence share it.
                trans.score_moves(st, atoms, feats, cache, scores);
                out.copy_from_slice(&scores[..4]);
            },
            |st, h, d| {
                if h == st.n {
                    return root;
                }
                label_features(st, atoms, h, d, label_feats);
                *label_cache
                    .entry(list_key(label_feats))
                    .or_insert_with(|| labeler.pick_label(label_feats, root, label_scores))
            },
            None,
        );
    }
    sc.st.clone_from(&sc.beam.beam.items()[0].st);
    fix_roots(labeler, root, sc);
}
