//! Training: averaged perceptron, arc-eager with the dynamic oracle and exploration
//! (Goldberg & Nivre 2012): after the first epochs the trainer follows its own (possibly
//! wrong) moves with probability `explore_p`, and learns the best move from wherever it is.
//! The labeler learns on every arc the parser builds correctly.

use crate::atoms::Atoms;
use crate::decode::{best_label, best_valid, parse_greedy, Score, Scratch};
use crate::example::Example;
use crate::features::{label_features, transition_features};
use crate::model::Parser;
use crate::oracle::Gold;
use crate::projective::projectivize;
use crate::state::{Move, State, MOVES};
use according_ml::perceptron::Trainer;
use according_ml::rng::Rng;
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// First epoch (0-based) that explores.
    pub explore_from: usize,
    pub explore_p: f64,
    /// Drop features updated fewer times than this (model size).
    pub min_updates: u32,
    pub min_updates_labeler: u32,
    /// Size budget of the model file; pruning tightens until it fits.
    pub max_bytes: usize,
    /// Beam width: 1 = greedy decoding trained locally with the dynamic oracle; k > 1 =
    /// beam search trained globally ([`crate::global`]: structured perceptron, max-violation
    /// updates; `explore_*` unused). The model file records it and decodes with it.
    pub beam: usize,
    /// Transition rows whose largest weight is below this many quantisation steps are
    /// dropped from the saved model (at least [`crate::model::TRANS_MIN_ABS`], which every
    /// model gets): a smaller, faster decoding table for models trained on much data.
    pub trans_min_abs: i16,
    /// The same for labeler rows (at least [`crate::model::LABELER_MIN_ABS`]); the labeler
    /// table's size weighs most on decoding speed.
    pub labeler_min_abs: i16,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 1,
            explore_from: 1,
            explore_p: 0.9,
            min_updates: 5,
            min_updates_labeler: 5,
            max_bytes: 9_500_000,
            beam: 1,
            trans_min_abs: crate::model::TRANS_MIN_ABS,
            labeler_min_abs: crate::model::LABELER_MIN_ABS,
        }
    }
}

/// A training sentence prepared once: atoms, projectivized gold heads (root = n), labels.
pub(crate) struct Prepared {
    pub atoms: Atoms,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
}

fn prepare(ex: &Example, labels: &[String]) -> Option<Prepared> {
    let n = ex.words.len() as u32;
    if n == 0 {
        return None;
    }
    let heads: Vec<u32> = ex
        .heads
        .iter()
        .map(|&h| if h == 0 { n } else { h - 1 })
        .collect();
    let heads = projectivize(&heads)?;
    let labels = ex
        .deprels
        .iter()
        .map(|d| labels.iter().position(|l| l == d).unwrap_or(0) as u16)
        .collect();
    let mut atoms = Atoms::default();
    let w = ex.words();
    let u: Vec<&str> = ex.upos.iter().map(String::as_str).collect();
    let x: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
    atoms.fill(&w, &u, &x);
    Some(Prepared {
        atoms,
        heads,
        labels,
    })
}

/// Train on `train`, reporting progress (with unaveraged dev scores) through `log`.
pub fn train(
    train: &[Example],
    dev: &[Example],
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Result<Parser, String> {
    let labels: Vec<String> = train
        .iter()
        .flat_map(|e| e.deprels.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !labels.iter().any(|l| l == "root") || labels.len() > 64 {
        return Err(format!("unusable label set ({} labels)", labels.len()));
    }
    let root = labels.iter().position(|l| l == "root").unwrap() as u16;
    let data: Vec<Prepared> = train.iter().filter_map(|e| prepare(e, &labels)).collect();
    log(&format!(
        "{} training sentences ({} skipped: not trees), {} labels",
        data.len(),
        train.len() - data.len(),
        labels.len()
    ));

    let (trans, labeler) = if cfg.beam > 1 {
        crate::global::train_global(&data, dev, &labels, root, cfg, &mut log)
    } else {
        train_local(&data, dev, &labels, root, cfg, &mut log)
    };
    // Prune rarely-updated transition features until the model file fits the size budget
    // (transition rows fill most of it: beam training touches over twice as many rows).
    let mut bump = 0;
    let parser = loop {
        let min_t = cfg.min_updates + bump;
        let min_l = cfg.min_updates_labeler;
        let p = build(
            &trans,
            &labeler,
            labels.clone(),
            (min_t, min_l),
            cfg,
            data.len(),
        )?;
        let size = p.to_bytes().len();
        log(&format!(
            "pruned at {min_t}/{min_l} updates: {} + {} features, {size} bytes",
            p.trans.n_features(),
            p.labeler.n_features()
        ));
        if size <= cfg.max_bytes || bump >= 200 {
            break p;
        }
        bump += if size > cfg.max_bytes * 3 / 2 { 3 } else { 1 };
    };
    Ok(parser)
}

/// Greedy training: per move, the dynamic oracle's best move against the prediction.
fn train_local(
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
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let explore = epoch >= cfg.explore_from;
        let (mut moves, mut wrong) = (0usize, 0usize);
        for &i in &order {
            let ex = &data[i];
            let gold = Gold { head: &ex.heads };
            st.reset(ex.heads.len());
            while !st.is_terminal() {
                transition_features(&st, &ex.atoms, &mut feats);
                trans.scores(&feats, &mut scores);
                let pred = best_valid(&st, &scores);
                let mut best: Option<(Move, u32)> = None;
                let mut pred_cost = 0;
                for m in MOVES {
                    if !st.is_valid(m) {
                        continue;
                    }
                    let c = gold.cost(&st, m);
                    if m == pred {
                        pred_cost = c;
                    }
                    let better = match best {
                        None => true,
                        Some((b, bc)) => {
                            c < bc || (c == bc && scores[m as usize] > scores[b as usize])
                        }
                    };
                    if better {
                        best = Some((m, c));
                    }
                }
                let (best, best_cost) = best.expect("a valid move always exists");
                moves += 1;
                let follow = if pred_cost > best_cost {
                    wrong += 1;
                    trans.update(&feats, best as usize, 1.0);
                    trans.update(&feats, pred as usize, -1.0);
                    if explore && rng.unit() < cfg.explore_p {
                        pred
                    } else {
                        best
                    }
                } else {
                    pred
                };
                trans.tick();
                let arc = match follow {
                    Move::Left => Some((st.b, st.s0())),
                    Move::Right => Some((st.s0(), st.b)),
                    _ => None,
                };
                let mut label = 0;
                if let Some((h, d)) = arc {
                    if h == st.n {
                        label = root;
                    } else {
                        label_features(&st, &ex.atoms, h, d, &mut feats);
                        labeler.scores(&feats, &mut scores);
                        label = best_label(&scores, root);
                        if ex.heads[d as usize] == h {
                            let truth = ex.labels[d as usize];
                            if truth != label && truth != root {
                                labeler.update(&feats, truth as usize, 1.0);
                                labeler.update(&feats, label as usize, -1.0);
                            }
                            labeler.tick();
                            label = truth;
                        }
                    }
                }
                st.apply(follow, label);
            }
        }
        let (t_avg, l_avg) = (
            trans.averaged_pruned(0, 0.0),
            labeler.averaged_pruned(0, 0.0),
        );
        let dev_scores = evaluate_with(&t_avg, &l_avg, root, labels, dev, 1);
        drop((t_avg, l_avg));
        log(&format!(
            "epoch {}: move errors {:.2}%, dev (averaged) UAS {:.2} LAS {:.2}, {} + {} features",
            epoch + 1,
            100.0 * wrong as f64 / moves.max(1) as f64,
            dev_scores.uas(),
            dev_scores.las(),
            trans.n_features(),
            labeler.n_features()
        ));
    }
    (trans, labeler)
}

fn build(
    trans: &Trainer,
    labeler: &Trainer,
    labels: Vec<String>,
    (min_t, min_l): (u32, u32),
    cfg: &TrainConfig,
    n_sentences: usize,
) -> Result<Parser, String> {
    let mut trans = trans.averaged_pruned(min_t, 0.0);
    if cfg.trans_min_abs > crate::model::TRANS_MIN_ABS {
        trans = crate::model::prune(trans, cfg.trans_min_abs)?;
    }
    let mut labeler = labeler.averaged_pruned(min_l, 0.0);
    if cfg.labeler_min_abs > crate::model::LABELER_MIN_ABS {
        labeler = crate::model::prune(labeler, cfg.labeler_min_abs)?;
    }
    let provenance = serde_json::json!({
        "feature_set": crate::model::FEATURE_SET,
        "system": if cfg.beam > 1 {
            "arc-eager, root at end, beam search, global structured perceptron (max-violation \
             updates against a static-oracle sequence), averaged; labeler trained locally"
        } else {
            "arc-eager, root at end, dynamic oracle with exploration, averaged perceptron"
        },
        "beam": cfg.beam.max(1),
        "seed": cfg.seed,
        "epochs": cfg.epochs,
        "explore_from": cfg.explore_from,
        "explore_p": cfg.explore_p,
        "min_updates": [min_t, min_l],
        "transition_min_abs_steps": cfg.trans_min_abs.max(crate::model::TRANS_MIN_ABS),
        "labeler_min_abs_steps": cfg.labeler_min_abs.max(crate::model::LABELER_MIN_ABS),
        "train_sentences": n_sentences,
        "features": [trans.n_features(), labeler.n_features()],
    });
    Parser::new(labels, trans, labeler, provenance)
}

/// Scores of the weights being trained on `dev`, decoded greedily (`beam` 1) or with a beam.
pub(crate) fn evaluate_with<S: Score>(
    trans: &S,
    labeler: &S,
    root: u16,
    labels: &[String],
    dev: &[Example],
    beam: usize,
) -> crate::eval::Scores {
    let mut sc = Scratch::default();
    let mut total = crate::eval::Scores::default();
    for ex in dev {
        let w = ex.words();
        let u: Vec<&str> = ex.upos.iter().map(String::as_str).collect();
        let x: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
        if w.is_empty() {
            continue;
        }
        sc.atoms.fill(&w, &u, &x);
        if beam > 1 {
            crate::beam::parse_beam(trans, labeler, root, (beam, f64::INFINITY), &mut sc);
        } else {
            parse_greedy(trans, labeler, root, &mut sc);
        }
        let n = w.len() as u32;
        let pred: Vec<(u32, &str)> = (0..w.len())
            .map(|i| {
                let h = sc.st.head[i];
                (
                    if h >= n { 0 } else { h + 1 },
                    labels[sc.st.label[i] as usize].as_str(),
                )
            })
            .collect();
        total.add(crate::eval::score_sentence(&pred, ex));
    }
    total
}
