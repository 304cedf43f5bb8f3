//! Training: data loading (UniversalNER EWT dev, GUM train), the capitalisation prior from
//! unlabeled text, and the perceptron loop (greedy decoding with predicted history, so training
//! sees the same inputs as inference).

use crate::data::{gum, iob2, Document};
use crate::features::{dynamic_features, DocMemory, SentFeats};
use crate::gazetteer::build_matcher;
use crate::labels::{decode, encode, N_LABELS};
use crate::model::{constrained_argmax, Model};
use crate::prior::{CasePrior, PriorCounter};
use according_ml::perceptron::Trainer;
use according_ml::rng::Rng;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Drop features updated fewer times than this (model size).
    pub min_updates: u32,
    /// Silver data from `scripts/silver.py` (optional).
    pub silver: Option<std::path::PathBuf>,
    /// Person-name list from `scripts/census_names.py` (optional).
    pub names: Option<std::path::PathBuf>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 20260101,
            min_updates: 2,
            silver: None,
            names: None,
        }
    }
}

/// Where each data set lives under `--data`.
pub struct DataPaths {
    pub ewt_dev: std::path::PathBuf,
    pub ewt_test: std::path::PathBuf,
    pub pud_test: std::path::PathBuf,
    pub gum_train: std::path::PathBuf,
    pub gum_dev: std::path::PathBuf,
    pub us_newspapers: std::path::PathBuf,
}

impl DataPaths {
    pub fn new(data: &Path) -> DataPaths {
        DataPaths {
            ewt_dev: data.join("ner/uner-en_ewt-ud-dev.iob2"),
            ewt_test: data.join("ner/uner-en_ewt-ud-test.iob2"),
            pud_test: data.join("ner/uner-en_pud-ud-test.iob2"),
            gum_train: data.join("ud/en_gum-train.conllu"),
            gum_dev: data.join("ud/en_gum-dev.conllu"),
            us_newspapers: data.join("lexicons/wikipedia-us-newspapers.tsv"),
        }
    }
}

/// Newspaper titles (first column) of the Wikipedia US newspaper list.
pub fn read_us_newspapers(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut v: Vec<String> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(|t| t.trim().to_string())
        // One-word titles (`Advocate`) are too ambiguous to be a feature.
        .filter(|t| t.contains(' ') && t.len() > 4)
        .collect();
    v.sort();
    v.dedup();
    Ok(v)
}

/// `Name<TAB>FIRST|LAST` lines → `F\tName` / `L\tName` entries.
pub fn read_person_names(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let (name, t) = l.split_once('\t')?;
            let tag = match t.trim() {
                "FIRST" => "F",
                "LAST" => "L",
                _ => return None,
            };
            Some(format!("{tag}\t{}", name.trim()))
        })
        .collect())
}

/// Simple word splitter for raw text (letters/digits/apostrophes/hyphens; other symbols alone).
pub fn rough_words(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        let wordy = c.is_alphanumeric() || c == '\'' || c == '’';
        if wordy {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&line[s..i]);
        }
        if !c.is_whitespace() {
            out.push(&line[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

/// Capitalisation prior from unlabeled text: EWT/GUM train words, BBC 2005, PolNeAR train.
pub fn build_prior(data: &Path, log: &mut dyn FnMut(&str)) -> Result<CasePrior, String> {
    let mut c = PriorCounter::default();
    for f in ["ud/en_ewt-ud-train.conllu", "ud/en_gum-train.conllu"] {
        for s in according_ml::conllu::read_path(data.join(f))? {
            c.add_sentence(&s.forms());
        }
    }
    let mut n_files = 0;
    let mut add_dir = |dir: &Path, c: &mut PriorCounter| -> Result<(), String> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                continue;
            }
            let Ok(bytes) = std::fs::read(&p) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                c.add_sentence(&rough_words(line));
            }
            n_files += 1;
        }
        Ok(())
    };
    let bbc = data.join("news/bbc-2005");
    if let Ok(rd) = std::fs::read_dir(&bbc) {
        let mut dirs: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for d in dirs.into_iter().filter(|d| d.is_dir()) {
            add_dir(&d, &mut c)?;
        }
    }
    let pol = data.join("polnear/train/text");
    if pol.is_dir() {
        add_dir(&pol, &mut c)?;
    }
    log(&format!(
        "case prior: {n_files} raw text files + EWT/GUM train"
    ));
    Ok(c.finish(2))
}

/// The default training and tuning sets: UniversalNER EWT dev + GUM train (train),
/// GUM dev (tune). EWT test and PUD test stay held out.
pub fn load_sets(p: &DataPaths) -> Result<(Vec<Document>, Vec<Document>), String> {
    let mut train = iob2::read_path(&p.ewt_dev)?;
    train.extend(gum::read_path(&p.gum_train)?);
    let dev = gum::read_path(&p.gum_dev)?;
    Ok((train, dev))
}

/// Train the sequence model.
pub fn train(
    docs: &[Document],
    prior: CasePrior,
    extra_outlets: Vec<String>,
    person_names: Vec<String>,
    opts: &TrainOptions,
    provenance: serde_json::Value,
    log: &mut dyn FnMut(&str),
) -> Model {
    let matcher = build_matcher(&extra_outlets, &person_names);
    let mut t = Trainer::new(N_LABELS);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut sf = SentFeats::default();
    let mut memory = DocMemory::default();
    let mut feats: Vec<u64> = Vec::new();
    let mut scores: Vec<f32> = Vec::new();
    let mut pred: Vec<usize> = Vec::new();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut errors, mut total) = (0usize, 0usize);
        for &d in &order {
            memory.clear();
            for s in &docs[d].sentences {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let gold = encode(&s.spans, words.len());
                sf.compute(&words, &prior, &matcher);
                pred.clear();
                for i in 0..words.len() {
                    feats.clear();
                    feats.extend_from_slice(sf.static_ids(i));
                    dynamic_features(&sf, i, &pred, &memory, &words, &mut feats);
                    t.scores(&feats, &mut scores);
                    let guess = constrained_argmax(&scores, pred.last().copied());
                    if guess != gold[i] {
                        t.update(&feats, gold[i], 1.0);
                        t.update(&feats, guess, -1.0);
                        errors += 1;
                    }
                    t.tick();
                    total += 1;
                    pred.push(guess);
                }
                let spans = decode(&pred);
                memory.learn(&sf.lower, &words, &spans);
            }
        }
        log(&format!(
            "epoch {}: {} token errors / {} ({:.2}%), {} features",
            epoch + 1,
            errors,
            total,
            100.0 * errors as f64 / total.max(1) as f64,
            t.n_features()
        ));
    }
    let weights = t.finish_pruned(opts.min_updates, 1e-4);
    log(&format!("kept {} features", weights.n_features()));
    Model::new(weights, prior, extra_outlets, person_names, provenance)
}

/// `according train ner`: load the default sets, build the prior, train, write
/// `OUT/ner.bin`, and report GUM-dev scores. Returns the trained recognizer.
pub fn run(
    data: &Path,
    out: &Path,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<crate::Ner, String> {
    let paths = DataPaths::new(data);
    let (mut train_docs, dev_docs) = load_sets(&paths)?;
    let n_tok: usize = train_docs.iter().map(Document::n_tokens).sum();
    log(&format!(
        "train: {} documents, {n_tok} tokens (UNER EWT dev + GUM train)",
        train_docs.len()
    ));
    if let Some(s) = &opts.silver {
        let silver = crate::data::silver::read_path(s)?;
        let n: usize = silver.iter().map(Document::n_tokens).sum();
        log(&format!(
            "silver: {} documents, {n} tokens from {}",
            silver.len(),
            s.display()
        ));
        train_docs.extend(silver);
    }
    let prior = build_prior(data, log)?;
    log(&format!("case prior: {} words", prior.len()));
    let outlets = read_us_newspapers(&paths.us_newspapers)?;
    log(&format!("US newspaper names: {}", outlets.len()));
    let provenance = serde_json::json!({
        "trained_on": ["UniversalNER en_ewt dev", "GUM train (Entity= decoded to names)"],
        "case_prior": ["UD EWT train", "GUM train", "BBC 2005", "PolNeAR train"],
        "gazetteers": ["crates/according-ner/data/*", "wikipedia-us-newspapers.tsv"],
        "silver": opts.silver.as_ref().map(|_| "spaCy en_core_web_sm over BBC 2005 + PolNeAR train (scripts/silver.py)"),
        "person_names": opts.names.as_ref().map(|_| "US Census 1990 name lists via the `names` package (scripts/census_names.py)"),
        "epochs": opts.epochs,
        "seed": opts.seed,
        "min_updates": opts.min_updates,
    });
    let names = match &opts.names {
        Some(p) => read_person_names(p)?,
        None => Vec::new(),
    };
    log(&format!("person names: {}", names.len()));
    let model = train(&train_docs, prior, outlets, names, opts, provenance, log);
    let bytes = model.to_bytes();
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let file = out.join(crate::MODEL_FILE);
    std::fs::write(&file, &bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    log(&format!("wrote {} ({} bytes)", file.display(), bytes.len()));
    let ner = crate::Ner::from_bytes(&bytes)?;
    log(&crate::eval::evaluate(&ner, &dev_docs).format("GUM dev (tuning set)"));
    Ok(ner)
}
