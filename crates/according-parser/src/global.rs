//! Global training for beam search: a structured perceptron over whole move sequences
//! (Zhang & Nivre 2011) with max-violation updates (Huang, Fayong & Guo 2012).
//!
//! Per sentence, the beam runs to the end beside the gold sequence (a canonical static-oracle
//! path to the projectivized tree). At the step where the best item outscores the gold prefix
//! by the most (among steps where the best item is not the gold prefix), the gold prefix's
//! move features get +1 and the best item's −1, replayed from the start state. Weights are
//! averaged over sentences. The arc labeler stays a local classifier, trained on the gold
//! sequence's arcs; in the beam, arcs that are gold get their gold label (so the gold item's
//! features equal the gold sequence's), other arcs the labeler's.

use crate::beam::Beam;
use crate::decode::{best_label, only_valid};
use crate::example::Example;
use crate::features::{label_features, transition_features};
use crate::oracle::Gold;
use crate::state::{Move, State};
use crate::train::{evaluate_with, Prepared, TrainConfig};
use according_ml::perceptron::Trainer;
use according_ml::rng::Rng;

/// The canonical gold move sequence: at each step the first zero-cost move in the order
/// Left, Right, Reduce, Shift (arcs as early as possible, reduce before shift). Any
/// zero-cost path reaches a projective gold tree; one fixed path gives one fixed target.
pub(crate) fn gold_sequence(heads: &[u32]) -> Vec<Move> {
    let gold = Gold { head: heads };
    let mut st = State::default();
    st.reset(heads.len());
    let mut out = Vec::with_capacity(2 * heads.len());
    while !st.is_terminal() {
        let m = [Move::Left, Move::Right, Move::Reduce, Move::Shift]
            .into_iter()
            .find(|&m| st.is_valid(m) && gold.cost(&st, m) == 0)
            // Unreachable for projective trees; a valid move keeps the sequence complete.
            .or_else(|| only_valid(&st))
            .unwrap_or(Move::Shift);
        st.apply(m, 0);
        out.push(m);
    }
    out
}

/// Buffers reused across sentences.
#[derive(Default)]
struct Work {
    beam: Beam,
    gold_st: State,
    replay_st: State,
    feats: Vec<u64>,
    scores: Vec<f32>,
    label_feats: Vec<u64>,
    label_scores: Vec<f32>,
    gold_steps: Vec<(Move, u16)>,
    pred_steps: Vec<(Move, u16)>,
}

/// Train the transition weights globally with a beam of `cfg.beam` and the labeler locally;
/// logs each epoch's averaged dev scores (beam decoding).
pub(crate) fn train_global(
    data: &[Prepared],
    dev: &[Example],
    labels: &[String],
    root: u16,
    cfg: &TrainConfig,
    log: &mut impl FnMut(&str),
) -> (Trainer, Trainer) {
    let mut trans = Trainer::new(4);
    let mut labeler = Trainer::new(labels.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let golds: Vec<Vec<Move>> = data.iter().map(|ex| gold_sequence(&ex.heads)).collect();
    let mut w = Work::default();
    for epoch in 0..cfg.epochs {
        let t0 = std::time::Instant::now();
        rng.shuffle(&mut order);
        let (mut updates, mut fell_out) = (0usize, 0usize);
        for &i in &order {
            let outcome = train_sentence(
                &data[i],
                &golds[i],
                root,
                cfg.beam,
                &mut trans,
                &mut labeler,
                &mut w,
            );
            updates += outcome.updated as usize;
            fell_out += outcome.gold_fell_out as usize;
            trans.tick();
        }
        let secs = t0.elapsed().as_secs_f64();
        let (t_avg, l_avg) = (
            trans.averaged_pruned(0, 0.0),
            labeler.averaged_pruned(0, 0.0),
        );
        let dev_scores = evaluate_with(&t_avg, &l_avg, root, labels, dev, cfg.beam);
        drop((t_avg, l_avg));
        log(&format!(
            "epoch {} (beam {}, {secs:.0}s): updates on {:.1}% of sentences (gold fell out of \
             the beam in {:.1}%), dev (averaged) UAS {:.2} LAS {:.2}, {} + {} features",
            epoch + 1,
            cfg.beam,
            100.0 * updates as f64 / data.len().max(1) as f64,
            100.0 * fell_out as f64 / data.len().max(1) as f64,
            dev_scores.uas(),
            dev_scores.las(),
            trans.n_features(),
            labeler.n_features()
        ));
    }
    (trans, labeler)
}

struct Outcome {
    updated: bool,
    gold_fell_out: bool,
}

fn train_sentence(
    ex: &Prepared,
    gold: &[Move],
    root: u16,
    k: usize,
    trans: &mut Trainer,
    labeler: &mut Trainer,
    w: &mut Work,
) -> Outcome {
    let n = ex.heads.len();
    let Work {
        beam,
        gold_st,
        feats,
        scores,
        label_feats,
        label_scores,
        gold_steps,
        ..
    } = w;
    beam.start(n, true);
    gold_st.reset(n);
    gold_steps.clear();
    let mut gold_score = 0f64;
    let mut gold_fell_out = false;
    // (violation, best item's last step, step count) of the most violated step so far.
    let mut worst: Option<(f64, u32, usize)> = None;
    for (t, &gm) in gold.iter().enumerate() {
        {
            let (trans, labeler) = (&*trans, &*labeler);
            beam.advance(
                k,
                f64::INFINITY,
                |st, out| {
                    transition_features(st, &ex.atoms, feats);
                    trans.scores(feats, scores);
                    out.copy_from_slice(&scores[..4]);
                },
                |st, h, d| {
                    if h == st.n {
                        root
                    } else if ex.heads[d as usize] == h {
                        ex.labels[d as usize]
                    } else {
                        label_features(st, &ex.atoms, h, d, label_feats);
                        labeler.scores(label_feats, label_scores);
                        best_label(label_scores, root)
                    }
                },
                Some(gm),
            );
        }
        // The gold prefix: its score under the same rules (forced moves score nothing).
        if only_valid(gold_st).is_none() {
            transition_features(gold_st, &ex.atoms, feats);
            trans.scores(feats, scores);
            gold_score += scores[gm as usize] as f64;
        }
        let arc = match gm {
            Move::Left => Some((gold_st.b, gold_st.s0())),
            Move::Right => Some((gold_st.s0(), gold_st.b)),
            _ => None,
        };
        let mut label = 0;
        if let Some((h, d)) = arc {
            label = if h == gold_st.n {
                root
            } else {
                label_features(gold_st, &ex.atoms, h, d, label_feats);
                labeler.scores(label_feats, label_scores);
                let guess = best_label(label_scores, root);
                let truth = ex.labels[d as usize];
                if truth != guess && truth != root {
                    labeler.update(label_feats, truth as usize, 1.0);
                    labeler.update(label_feats, guess as usize, -1.0);
                }
                labeler.tick();
                truth
            };
        }
        gold_st.apply(gm, label);
        gold_steps.push((gm, label));
        let items = beam.items();
        gold_fell_out |= !items.iter().any(|it| it.gold);
        let best = &items[0];
        if !best.gold {
            let v = best.score - gold_score;
            if worst.is_none_or(|(wv, _, _)| v > wv) {
                worst = Some((v, best.last, t + 1));
            }
        }
    }
    let Some((_, last, steps)) = worst else {
        return Outcome {
            updated: false,
            gold_fell_out,
        };
    };
    w.beam.sequence(last, &mut w.pred_steps);
    replay(
        trans,
        ex,
        &w.gold_steps[..steps],
        1.0,
        &mut w.replay_st,
        &mut w.feats,
    );
    replay(
        trans,
        ex,
        &w.pred_steps,
        -1.0,
        &mut w.replay_st,
        &mut w.feats,
    );
    Outcome {
        updated: true,
        gold_fell_out,
    }
}

/// Add `delta` to the weight of each scored move of `moves` for that state's features.
fn replay(
    trans: &mut Trainer,
    ex: &Prepared,
    moves: &[(Move, u16)],
    delta: f32,
    st: &mut State,
    feats: &mut Vec<u64>,
) {
    st.reset(ex.heads.len());
    for &(m, label) in moves {
        if only_valid(st).is_none() {
            transition_features(st, &ex.atoms, feats);
            trans.update(feats, m as usize, delta);
        }
        st.apply(m, label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_sequence_builds_the_tree() {
        for heads in [vec![1u32, 3, 1], vec![2, 2, 3, 6, 3, 3], vec![1, 4, 1, 2]] {
            let seq = gold_sequence(&heads);
            assert_eq!(seq.len(), 2 * heads.len());
            let mut st = State::default();
            st.reset(heads.len());
            for m in seq {
                assert!(st.is_valid(m));
                st.apply(m, 0);
            }
            assert!(st.is_terminal());
            assert_eq!(&st.head[..heads.len()], &heads[..]);
        }
    }
}
