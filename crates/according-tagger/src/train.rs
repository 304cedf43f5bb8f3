//! Training: joint `UPOS|XPOS` tags, greedy left-to-right averaged perceptron (previous tags
//! are the model's own guesses, so training sees the errors inference will make), sentences
//! shuffled with a fixed seed, the epoch with the best dev accuracy kept.

use crate::clusters::{cluster, simple_sentences, ClusterOptions};
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
    /// Word clusters computed from these raw-text files or directories (`*.txt`, recursively)
    /// plus the training sentences; none when empty.
    pub cluster_text: Vec<PathBuf>,
    pub cluster_options: ClusterOptions,
    /// After choosing the epoch count on dev, retrain on train + dev (the shipped model).
    pub final_with_dev: bool,
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
            cluster_text: Vec::new(),
            cluster_options: ClusterOptions::default(),
            final_with_dev: true,
        }
    }
}

/// Raw news text for word clusters under a data directory: BBC 2005 + PolNeAR train.
pub fn standard_cluster_text(data: &Path) -> Vec<PathBuf> {
    vec![data.join("news/bbc-2005"), data.join("polnear/train/text")]
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
            upos: according_core::intern::intern(&k.0),
            xpos: according_core::intern::intern(&k.1),
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

/// All `*.txt` files under `path` (or `path` itself), sorted so the corpus order is fixed.
fn text_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "txt") {
                text_files(&e, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// Raw text as rough sentences: each line tokenized, split after `.`, `?`, `!`.
fn raw_sentences(paths: &[PathBuf]) -> Result<Vec<Vec<String>>, String> {
    let mut files = Vec::new();
    for p in paths {
        text_files(p, &mut files)?;
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        out.extend(simple_sentences(&String::from_utf8_lossy(&text)));
    }
    Ok(out)
}

/// Train on `train` files, choose the epoch on `dev` files (then, with
/// [`TrainOptions::final_with_dev`], retrain on train + dev for that many epochs).
/// `log` receives progress lines.
pub fn train(
    train: &[PathBuf],
    dev_files: &[PathBuf],
    o: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Tagger, String> {
    let train_sents = read_all(train)?;
    let dev_sents = read_all(dev_files)?;
    let mut clusters = Vec::new();
    if !o.cluster_text.is_empty() {
        let mut corpus = raw_sentences(&o.cluster_text)?;
        let n_raw = corpus.len();
        corpus.extend(
            train_sents
                .iter()
                .map(|s| s.words.iter().map(|w| w.form.clone()).collect()),
        );
        clusters = cluster(&corpus, &o.cluster_options);
        log(&format!(
            "{} clustered words from {n_raw} raw + {} treebank sentences",
            clusters.len(),
            train_sents.len()
        ));
    }
    let fitted = fit(
        &train_sents,
        Some(&dev_sents),
        &clusters,
        o,
        o.max_epochs,
        log,
    )?;
    let dev = evaluate(&fitted.model, &dev_sents, true);
    log(&format!(
        "kept epoch {}: dev UPOS {:.2} XPOS {:.2} lemma {:.2}",
        fitted.epochs,
        dev.upos(),
        dev.xpos(),
        dev.lemma()
    ));
    let mut model = fitted.model;
    if o.final_with_dev {
        let mut all = train_sents;
        all.extend(dev_sents.iter().cloned());
        log(&format!(
            "retraining on train + dev for {} epochs",
            fitted.epochs
        ));
        model = fit(&all, None, &clusters, o, fitted.epochs, log)?.model;
    }
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    model.provenance = serde_json::json!({
        "trainer": "according-tagger greedy averaged perceptron, joint UPOS|XPOS tags",
        "train": train.iter().map(name).collect::<Vec<_>>(),
        "dev_files": dev_files.iter().map(name).collect::<Vec<_>>(),
        "dev_scores_of_selection_run": dev.to_json(dev_sents.len()),
        "final_model_also_trained_on_dev": o.final_with_dev,
        "seed": o.seed,
        "epochs": fitted.epochs,
        "history": fitted.history,
        "min_abs": o.min_abs,
        "min_tag_count": o.min_tag_count,
        "lexicon": format!("{:?}", o.lexicon),
        "cluster_text": o.cluster_text.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "cluster_options": format!("{:?}", o.cluster_options),
        "clustered_words": model.lexicon.n_clustered(),
        "features": model.weights.n_features(),
        "weights": model.weights.n_weights(),
    });
    Ok(model)
}

struct Fitted {
    model: Tagger,
    /// The epoch kept (with dev) or trained (without).
    epochs: usize,
    history: Vec<serde_json::Value>,
}

/// One training run on `sents`: with `dev`, keep the best epoch up to `epochs` (early
/// stopping); without, train exactly `epochs` epochs.
fn fit(
    sents: &[Sentence],
    dev: Option<&[Sentence]>,
    clusters: &[(String, u32, u32)],
    o: &TrainOptions,
    epochs: usize,
    log: &mut dyn FnMut(&str),
) -> Result<Fitted, String> {
    let (tags, tag_map) = tag_set(sents, o.min_tag_count);
    let id_of = |u: &str, x: &str| *tag_map.get(&(u.to_string(), x.to_string())).unwrap_or(&0);
    let n_words: usize = sents.iter().map(|s| s.words.len()).sum();
    log(&format!(
        "{} training sentences, {n_words} words, {} joint tags",
        sents.len(),
        tags.len()
    ));
    let mut lexicon = Lexicon::build(
        sents
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| (w.form.as_str(), id_of(&w.upos, &w.xpos))),
        o.lexicon,
    );
    lexicon.set_clusters(clusters.iter());
    let lemmatizer = Lemmatizer::build(
        sents
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
    let prepared: Vec<Prepared> = sents
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
        id: crate::tagger::next_id(),
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
    for epoch in 1..=epochs {
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
        let train_acc = 100.0 * right as f64 / seen.max(1) as f64;
        let Some(dev) = dev else {
            log(&format!("epoch {epoch}: train {train_acc:.2}%"));
            continue;
        };
        model.set_weights(trainer.averaged(o.min_abs));
        let d: Scores = evaluate(&model, dev, false);
        let score = (d.upos() + d.xpos()) / 2.0;
        log(&format!(
            "epoch {epoch}: train {train_acc:.2}%, dev UPOS {:.2} XPOS {:.2}, {} features / {} weights",
            d.upos(),
            d.xpos(),
            model.weights.n_features(),
            model.weights.n_weights()
        ));
        history.push(serde_json::json!({"epoch": epoch, "dev_upos": round2(d.upos()), "dev_xpos": round2(d.xpos())}));
        if score > best_score {
            best_score = score;
            best_epoch = epoch;
            best_weights = Some(model.weights.clone());
        } else if epoch - best_epoch >= o.patience {
            break;
        }
    }
    model.set_weights(match best_weights {
        Some(w) => w,
        None => trainer.averaged(o.min_abs),
    });
    Ok(Fitted {
        model,
        epochs: if dev.is_some() { best_epoch } else { epochs },
        history,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
