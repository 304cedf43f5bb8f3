//! Training the cue and role taggers on PolNeAR (structured averaged perceptron, fixed seed).

use crate::cue_lexicon::CueLexicon;
use crate::features::{base_features, NB};
use crate::lexicon::Lexicon;
use crate::model::*;
use crate::polnear::{self, GoldArticle};
use crate::sequence::{train_step, SeqFeatures};
use crate::tagging::{role_allowed, role_sequence};
use crate::view::View;
use according_core::{Doc, Span};
use according_ml::perceptron::Trainer;
use according_ml::rng::Rng;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub cue_epochs: usize,
    pub role_epochs: usize,
    pub seed: u64,
    /// Drop features updated fewer times than this (keeps the model file small).
    pub min_updates: u32,
    /// Templates trained on (all by default).
    pub mask: FeatureMask,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            cue_epochs: 8,
            role_epochs: 8,
            seed: 17,
            min_updates: 10,
            mask: FeatureMask::default(),
        }
    }
}

/// Folds of the training data for jackknifed cue-lexicon features.
const LEXICON_FOLDS: usize = 5;

/// A gold cue's token range and the (token, role label) pairs of its source and content.
type GoldRoles = (Range<usize>, Vec<(usize, usize)>);

/// One training article, tokenised, with gold labels mapped to tokens.
struct Prepared {
    doc: Doc,
    cue_labels: Vec<usize>,
    /// Per gold attribution: cue token range and role label per token of the document.
    attributions: Vec<GoldRoles>,
}

fn tokens_overlapping(v: &View, spans: &[Span]) -> Vec<usize> {
    let mut out = Vec::new();
    for s in spans {
        let first = v.toks.partition_point(|t| t.span.end <= s.start);
        for i in first..v.len() {
            if v.toks[i].span.start >= s.end {
                break;
            }
            out.push(i);
        }
    }
    out
}

fn prepare(a: &GoldArticle, prep: &dyn Fn(&mut Doc)) -> Prepared {
    let mut doc = Doc::new(a.id.clone(), a.id.clone(), a.text.clone());
    prep(&mut doc);
    let v = View::new(&doc);
    let mut cue_labels = vec![CUE_O; v.len()];
    let mut attributions = Vec::new();
    for g in &a.attributions {
        let cue_toks = tokens_overlapping(&v, &g.cue);
        let Some(&first) = cue_toks.first() else {
            continue;
        };
        let last = *cue_toks.last().unwrap();
        for (i, y) in cue_labels.iter_mut().enumerate().take(last + 1).skip(first) {
            if *y == CUE_O {
                *y = if i == first { CUE_B } else { CUE_I };
            }
        }
        let mut roles = Vec::new();
        for i in tokens_overlapping(&v, &g.content) {
            roles.push((i, ROLE_C));
        }
        for i in tokens_overlapping(&v, &g.source) {
            roles.push((i, ROLE_S));
        }
        attributions.push((first..last + 1, roles));
    }
    Prepared {
        doc,
        cue_labels,
        attributions,
    }
}

/// Train on `train_dir` (PolNeAR layout). `verbnet` is the VerbNet class directory (optional),
/// `prep` runs whatever NLP stages should annotate the Doc first (as at run time).
pub fn train(
    train_dir: &Path,
    verbnet: Option<&Path>,
    opts: &TrainOptions,
    prep: &(dyn Fn(&mut Doc) + Sync),
    log: &mut dyn FnMut(&str),
) -> Result<Model, String> {
    let articles = polnear::read_dir(train_dir)?;
    let words = match verbnet {
        Some(d) => Lexicon::read_verbnet(d)?,
        None => Vec::new(),
    };
    let lexicon = Lexicon::from_words(words);
    log(&format!(
        "{} training articles, {} lexicon stems",
        articles.len(),
        lexicon.words().len()
    ));
    let data: Vec<Prepared> = articles.iter().map(|a| prepare(a, prep)).collect();
    let views: Vec<View> = data.iter().map(|p| View::new(&p.doc)).collect();
    let parsed = views.iter().any(|v| v.has_parse);
    log(&format!("parse features: {parsed}"));
    let gold_cues: Vec<Vec<Range<usize>>> = data
        .iter()
        .map(|p| p.attributions.iter().map(|a| a.0.clone()).collect())
        .collect();
    let learn = |keep: &dyn Fn(usize) -> bool| {
        CueLexicon::learn(
            views
                .iter()
                .zip(&gold_cues)
                .enumerate()
                .filter(|(k, _)| keep(*k))
                .map(|(_, (v, c))| (v, c.as_slice())),
        )
    };
    // Training features see cue rates learned on the other folds only (jackknifing).
    let base: Vec<Vec<[u64; NB]>> = (0..LEXICON_FOLDS)
        .flat_map(|fold| {
            let mut lex = lexicon.clone();
            lex.cues = learn(&|k| k % LEXICON_FOLDS != fold);
            views
                .iter()
                .enumerate()
                .filter(|(k, _)| k % LEXICON_FOLDS == fold)
                .map(|(k, v)| (k, base_features(v, &lex)))
                .collect::<Vec<_>>()
        })
        .fold(vec![Vec::new(); views.len()], |mut acc, (k, b)| {
            acc[k] = b;
            acc
        });
    let mut lexicon = lexicon;
    lexicon.cues = learn(&|_| true);
    log("cue lexicon learned (jackknifed for training features)");
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();

    // Cue tagger.
    let mut cue = Trainer::new(CUE_LABELS);
    let mut f = SeqFeatures::default();
    for epoch in 0..opts.cue_epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut total) = (0, 0);
        for &k in &order {
            let p = &data[k];
            let v = &views[k];
            for sent in &v.sentences {
                f.clear();
                for i in sent.clone() {
                    cue_features(&base[k], i, opts.mask.cue, &mut f);
                    f.next();
                }
                let gold = &p.cue_labels[sent.clone()];
                wrong += usize::from(train_step(&mut cue, &f, gold, |t, y| y != CUE_I || t > 0));
                total += 1;
            }
        }
        log(&format!(
            "cue epoch {}: {wrong}/{total} sentences wrong, {} features",
            epoch + 1,
            cue.n_features()
        ));
    }

    // Role tagger, on gold cues.
    let mut role = Trainer::new(ROLE_LABELS);
    for epoch in 0..opts.role_epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut total) = (0, 0);
        for &k in &order {
            let p = &data[k];
            let v = &views[k];
            // Role features use no cue-lexicon template, so the jackknifed base serves here.
            let base = &base[k];
            let is_cue: Vec<bool> = p.cue_labels.iter().map(|&y| y != CUE_O).collect();
            let mut labels = vec![ROLE_O; v.len()];
            for (cue_range, roles) in &p.attributions {
                let win = role_sequence(v, base, cue_range, &is_cue, opts.mask.role, &mut f);
                for y in &mut labels[win.clone()] {
                    *y = ROLE_O;
                }
                for &(i, y) in roles {
                    if win.contains(&i) {
                        labels[i] = y;
                    }
                }
                for y in &mut labels[cue_range.clone()] {
                    *y = ROLE_Q;
                }
                wrong += usize::from(train_step(
                    &mut role,
                    &f,
                    &labels[win.clone()],
                    role_allowed(win.start, cue_range, &is_cue),
                ));
                total += 1;
            }
        }
        log(&format!(
            "role epoch {}: {wrong}/{total} windows wrong, {} features",
            epoch + 1,
            role.n_features()
        ));
    }
    let provenance = serde_json::json!({
        "data": "PolNeAR train (first annotator per article)",
        "articles": data.len(),
        "seed": opts.seed,
        "cue_epochs": opts.cue_epochs,
        "role_epochs": opts.role_epochs,
        "min_updates": opts.min_updates,
        "parse_features": parsed,
    });
    let mut model = Model::new(
        cue.finish_pruned(opts.min_updates, 1e-3),
        role.finish_pruned(opts.min_updates, 1e-3),
        lexicon,
        provenance,
    );
    model.parse_features = parsed;
    model.mask = opts.mask;
    Ok(model)
}
