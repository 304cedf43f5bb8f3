//! Training: joint `UPOS|XPOS` tags, greedy left-to-right averaged perceptron (previous tags
//! are the model's own guesses, so training sees the errors inference will make), sentences
//! shuffled with a fixed seed, the epoch with the best dev accuracy kept.

use crate::eval::{evaluate, Scores};
use crate::features::{extract, Scratch, TokenInfo, START1, START2};
use crate::lemmatizer::Lemmatizer;
use crate::lexicon::{Lexicon, LexiconOptions};
use crate::tagger::{JointTag, Tagger};
use crate::trainer::Trainer;
use according_ml::conllu::{self, Sentence};
use according_ml::rng::Rng;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub max_epochs: usize,
    /// Stop after this many epochs without a better dev score.
    pub patience: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are dropped (model size vs accuracy).
    pub min_abs: f32,
    /// Joint tags seen fewer times are folded into the most frequent tag with the same XPOS.
    pub min_tag_count: u32,
    pub lexicon: LexiconOptions,
    /// Optional word clusters: lines `cluster<TAB>word` (Brown-cluster `paths` format).
    pub clusters: Option<PathBuf>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            max_epochs: 15,
            patience: 3,
            seed: 0x5eed_7a66,
            min_abs: 0.05,
            min_tag_count: 3,
            lexicon: LexiconOptions::default(),
            clusters: None,
        }
    }
}

/// The standard training and dev files under a data directory (`../shared/data`).
pub fn standard_files(data: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let ud = data.join("ud");
    (
        vec![
            ud.join("en_ewt-ud-train.conllu"),
            ud.join("en_gum-train.conllu"),
        ],
        vec![
            ud.join("en_ewt-ud-dev.conllu"),
            ud.join("en_gum-dev.conllu"),
        ],
    )
}

fn read_all(files: &[PathBuf]) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    for f in files {
        out.extend(conllu::read_path(f)?);
    }
    Ok(out)
}

/// The joint tag set, most frequent first, and a map from every seen `(upos, xpos)` to its id.
fn tag_set(sents: &[Sentence], min_count: u32) -> (Vec<JointTag>, BTreeMap<(String, String), u16>) {
    let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
    for w in sents.iter().flat_map(|s| &s.words) {
        *counts.entry((w.upos.clone(), w.xpos.clone())).or_default() += 1;
    }
    let mut kept: Vec<(&(String, String), &u32)> =
        counts.iter().filter(|(_, &n)| n >= min_count).collect();
    kept.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let tags: Vec<JointTag> = kept
        .iter()
        .map(|(k, _)| JointTag {
            upos: k.0.as_str().into(),
            xpos: k.1.as_str().into(),
        })
        .collect();
    let mut map = BTreeMap::new();
    for k in counts.keys() {
        let id = tags
            .iter()
            .position(|t| *t.upos == k.0 && *t.xpos == k.1)
            .or_else(|| tags.iter().position(|t| *t.xpos == k.1))
            .or_else(|| tags.iter().position(|t| *t.upos == k.0))
            .unwrap_or(0);
        map.insert(k.clone(), id as u16);
    }
    (tags, map)
}

/// A sentence prepared for training: padded token infos and gold tag ids.
struct Prepared {
    infos: Vec<TokenInfo>,
    gold: Vec<u16>,
}

fn read_clusters(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let mut it = l.split('\t');
            let c = it.next()?;
            let w = it.next()?;
            Some((w.to_string(), c.to_string()))
        })
        .collect())
}

/// Train on `train` files, choose the epoch on `dev` files. `log` receives progress lines.
pub fn train(
    train: &[PathBuf],
    dev_files: &[PathBuf],
    o: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Tagger, String> {
    let train_sents = read_all(train)?;
    let dev_sents = read_all(dev_files)?;
    let (tags, tag_map) = tag_set(&train_sents, o.min_tag_count);
    let id_of = |u: &str, x: &str| *tag_map.get(&(u.to_string(), x.to_string())).unwrap_or(&0);
    let n_words: usize = train_sents.iter().map(|s| s.words.len()).sum();
    log(&format!(
        "{} training sentences, {n_words} words, {} joint tags",
        train_sents.len(),
        tags.len()
    ));
    let mut lexicon = Lexicon::build(
        train_sents
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| (w.form.as_str(), id_of(&w.upos, &w.xpos))),
        o.lexicon,
    );
    if let Some(p) = &o.clusters {
        let pairs = read_clusters(p)?;
        lexicon.set_clusters(pairs.iter().map(|(w, c)| (w.as_str(), c.as_str())));
        log(&format!(
            "{} clustered words from {}",
            pairs.len(),
            p.display()
        ));
    }
    let lemmatizer = Lemmatizer::build(
        train_sents
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str())),
    );
    log(&format!(
        "tag dictionary {} words; lemmatizer {} forms, {} rules",
        lexicon.dict_len(),
        lemmatizer.n_entries(),
        lemmatizer.n_rules()
    ));

    let mut scratch = Scratch::default();
    let prepared: Vec<Prepared> = train_sents
        .iter()
        .map(|s| {
            let mut infos = vec![TokenInfo::pad(1), TokenInfo::pad(2)];
            infos.extend(
                s.words
                    .iter()
                    .map(|w| TokenInfo::compute(&w.form, &lexicon, &mut scratch)),
            );
            infos.push(TokenInfo::pad(3));
            infos.push(TokenInfo::pad(4));
            Prepared {
                infos,
                gold: s.words.iter().map(|w| id_of(&w.upos, &w.xpos)).collect(),
            }
        })
        .collect();

    let mut model = Tagger {
        tags,
        weights: Trainer::new(1).averaged(0.0),
        lexicon,
        lemmatizer,
        provenance: serde_json::Value::Null,
    };
    let n_tags = model.tags.len();
    let mut trainer = Trainer::new(n_tags);
    let mut rng = Rng::new(o.seed);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; n_tags];
    let mut best_score = -1.0;
    let mut best_epoch = 0;
    let mut best_weights = None;
    let mut history = Vec::new();
    for epoch in 1..=o.max_epochs {
        rng.shuffle(&mut order);
        let (mut seen, mut right) = (0usize, 0usize);
        for &si in &order {
            let p = &prepared[si];
            let (mut p1, mut p2) = (START1, START2);
            for i in 0..p.gold.len() {
                let t = match model.lexicon.dict_tag(p.infos[i + 2].form) {
                    Some(t) => t as usize,
                    None => {
                        extract(&p.infos, i, p1, p2, &mut feats);
                        trainer.scores(&feats, &mut scores);
                        let guess = according_ml::perceptron::argmax(&scores);
                        trainer.update(&feats, p.gold[i] as usize, guess);
                        trainer.tick();
                        guess
                    }
                };
                seen += 1;
                right += (t == p.gold[i] as usize) as usize;
                p2 = p1;
                p1 = t as u64;
            }
        }
        model.weights = trainer.averaged(o.min_abs);
        let dev = evaluate(&model, &dev_sents, false);
        let score = (dev.upos() + dev.xpos()) / 2.0;
        log(&format!(
            "epoch {epoch}: train {:.2}%, dev UPOS {:.2} XPOS {:.2}, {} features / {} weights",
            100.0 * right as f64 / seen.max(1) as f64,
            dev.upos(),
            dev.xpos(),
            model.weights.n_features(),
            model.weights.n_weights()
        ));
        history.push(serde_json::json!({"epoch": epoch, "dev_upos": round2(dev.upos()), "dev_xpos": round2(dev.xpos())}));
        if score > best_score {
            best_score = score;
            best_epoch = epoch;
            best_weights = Some(model.weights.clone());
        } else if epoch - best_epoch >= o.patience {
            break;
        }
    }
    model.weights = best_weights.ok_or("no training epochs")?;
    let dev: Scores = evaluate(&model, &dev_sents, true);
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    model.provenance = serde_json::json!({
        "trainer": "according-tagger greedy averaged perceptron, joint UPOS|XPOS tags",
        "train": train.iter().map(name).collect::<Vec<_>>(),
        "dev": dev.to_json(dev_sents.len()),
        "dev_files": dev_files.iter().map(name).collect::<Vec<_>>(),
        "seed": o.seed,
        "epochs": best_epoch,
        "history": history,
        "min_abs": o.min_abs,
        "min_tag_count": o.min_tag_count,
        "lexicon": format!("{:?}", o.lexicon),
        "clusters": o.clusters.as_ref().map(name),
        "features": model.weights.n_features(),
        "weights": model.weights.n_weights(),
    });
    log(&format!(
        "kept epoch {best_epoch}: dev UPOS {:.2} XPOS {:.2} lemma {:.2}",
        dev.upos(),
        dev.xpos(),
        dev.lemma()
    ));
    Ok(model)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
