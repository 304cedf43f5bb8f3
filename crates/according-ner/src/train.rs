//! Training: data loading (UniversalNER EWT dev, GUM train), the capitalisation prior from
//! unlabeled text, and the perceptron loop (greedy decoding with predicted history, so training
//! sees the same inputs as inference).

use crate::clusters::WordClusters;
use crate::data::{gum, iob2, Document};
use crate::features::{dynamic_features, DocMemory, SentFeats};
use crate::gazetteer::build_matcher;
use crate::labels::{decode, encode, Kind, N_LABELS};
use crate::model::{constrained_argmax, Model};
use crate::prior::{CasePrior, PriorCounter};
use crate::typeprior::TypePrior;
use according_ml::perceptron::{Trainer, Weights};
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
    /// Update weight of silver sentences (gold ones weigh 1).
    pub silver_weight: f32,
    /// Word-cluster cache (`word<TAB>fine<TAB>coarse`): read if it exists, else computed and
    /// written there. `None`: computed, not cached.
    pub clusters: Option<std::path::PathBuf>,
    /// Also train on the held-out tuning slices (EWT test every 4th document, GUM dev).
    pub with_dev: bool,
    /// Which silver sentences join the training data.
    pub silver_filter: SilverFilter,
    /// Models trained with seeds `seed, seed + 1, ...` and averaged ([`crate::average`]).
    pub ensemble: usize,
    /// After averaging, drop weight rows whose largest weight is below this
    /// ([`crate::average::prune`]).
    pub ensemble_min_abs: f32,
    /// GUM genres (`news`, `bio`) left out of training and scored at the end: a news-like
    /// held-out set for experiments (empty for the shipped model).
    pub holdout: Vec<String>,
    /// The second-stage span typer ([`crate::span_typer`]), trained after the tagger on the
    /// gold spans; `None`: none.
    pub typer: Option<crate::span_typer::TyperOptions>,
    /// While training, the share of capitalised tokens whose own word-identity features are
    /// left out of an update, so the model learns names from shape, context and gazetteers too
    /// (names it has never seen are decided by those alone).
    pub word_dropout: f32,
}

/// How the gold-only model must agree with a silver sentence for it to be kept. `Exact` is the
/// default: every other mode scored lower on the tuning set (typed F1, mean of seeds: exact
/// 71.0 on three, more-steady-orgs 70.7, more-orgs 70.0, more-acronyms 68.6 on two, spans
/// 67.8 on one); spaCy's extra organisations raise organisation recall and lose more
/// precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SilverFilter {
    /// Same names with the same types.
    Exact,
    /// Same name boundaries; the silver types are kept (spaCy is the better typer of news
    /// organisations than a model trained on web text and Wikipedia).
    Spans,
    /// The model's names are among the silver ones, typed alike, and the silver names it
    /// missed (found nothing overlapping) are capitalised organisations: spaCy's extra ones
    /// teach what the gold data lacks (`the ANC`, `the BJP`), its other extras are not trusted.
    MoreOrgs,
    /// As `MoreOrgs`, with missed names of any type.
    More,
    /// As `MoreOrgs`, with missed organisations that are one all-caps word (`ANC`, `BJP`):
    /// the gold data (web text, where capitals are often shouting or products) keeps the
    /// model from tagging unknown acronyms.
    MoreAcronyms,
    /// As `MoreOrgs`, with missed organisations whose text spaCy tags three times or more
    /// over the silver corpus, at least 90% of them as an organisation (`Greenpeace`): a
    /// name spaCy types steadily is rarely its mistake.
    MoreSteadyOrgs,
}

impl std::str::FromStr for SilverFilter {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "exact" => Ok(SilverFilter::Exact),
            "spans" => Ok(SilverFilter::Spans),
            "more-orgs" => Ok(SilverFilter::MoreOrgs),
            "more" => Ok(SilverFilter::More),
            "more-acronyms" => Ok(SilverFilter::MoreAcronyms),
            "more-steady-orgs" => Ok(SilverFilter::MoreSteadyOrgs),
            _ => Err(format!(
                "silver filter {s:?}: expected exact, spans, more-orgs, more, more-acronyms or more-steady-orgs"
            )),
        }
    }
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 20260101,
            min_updates: 2,
            silver: None,
            names: None,
            silver_weight: 1.0,
            clusters: None,
            with_dev: false,
            silver_filter: SilverFilter::Exact,
            // Three averaged models: tuning typed F1 71.5 against 71.0 for one (two and three
            // seeds), and no model owes its quirks to one shuffle order.
            ensemble: 3,
            // Drops ~30% of the averaged rows (load time back under a single model's) with
            // the same tuning scores; at 1.0 (-55%) they still move by 0.1 only.
            ensemble_min_abs: 0.45,
            holdout: Vec::new(),
            // Off: on the tuning set the typer moves typed F1 by -0.7..+0.6 over four taggers
            // (mean -0.1), though it gains +0.7..+1.2 on held-out GUM news+bio.
            typer: None,
            word_dropout: 0.0,
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
    pub gum_test: std::path::PathBuf,
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
            gum_test: data.join("ud/en_gum-test.conllu"),
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
/// Unlabeled sentences for the capitalisation prior and the word clusters: BBC 2005 and
/// PolNeAR train texts (split as the tagger's clustering splits them) plus the words of the
/// UD EWT and GUM training treebanks.
pub fn raw_corpus(data: &Path, log: &mut dyn FnMut(&str)) -> Result<Vec<Vec<String>>, String> {
    use according_tagger::clusters::simple_sentences;
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let bbc = data.join("news/bbc-2005");
    if let Ok(rd) = std::fs::read_dir(&bbc) {
        let mut dirs: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for d in dirs.into_iter().filter(|d| d.is_dir()) {
            files.extend(sorted_files(&d)?);
        }
    }
    let pol = data.join("polnear/train/text");
    if pol.is_dir() {
        files.extend(sorted_files(&pol)?);
    }
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        out.extend(simple_sentences(&String::from_utf8_lossy(&bytes)));
    }
    let n_raw = out.len();
    for f in ["ud/en_ewt-ud-train.conllu", "ud/en_gum-train.conllu"] {
        for s in according_ml::conllu::read_path(data.join(f))? {
            out.push(s.forms().iter().map(|w| w.to_string()).collect());
        }
    }
    log(&format!(
        "unlabeled text: {} files, {n_raw} raw sentences + {} UD train sentences",
        files.len(),
        out.len() - n_raw
    ));
    Ok(out)
}

fn sorted_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    Ok(paths)
}

/// Capitalisation prior from unlabeled sentences.
pub fn build_prior(corpus: &[Vec<String>]) -> CasePrior {
    let mut c = PriorCounter::default();
    for s in corpus {
        c.add_sentence(s);
    }
    c.finish(2)
}

/// Word clusters: from the cache file if it exists, else computed (and cached if a path is
/// given).
pub fn build_clusters(
    corpus: &[Vec<String>],
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<(String, u32, u32)>, String> {
    if let Some(p) = cache.filter(|p| p.exists()) {
        let c = crate::clusters::read_tsv(p)?;
        log(&format!("clusters: {} words from {}", c.len(), p.display()));
        return Ok(c);
    }
    let opts = according_tagger::clusters::ClusterOptions::default();
    let c = according_tagger::clusters::cluster(corpus, &opts);
    log(&format!(
        "clusters: {} words ({} fine, {} coarse classes)",
        c.len(),
        opts.fine,
        opts.coarse
    ));
    if let Some(p) = cache {
        crate::clusters::write_tsv(p, &c)?;
    }
    Ok(c)
}

/// The gold sets: training (UniversalNER EWT dev and test, GUM train and test) and tuning
/// (every 4th EWT test document, GUM dev), which joins training with `with_dev`. PUD is
/// never read here: it is the evaluation set.
pub fn load_sets(p: &DataPaths, with_dev: bool) -> Result<(Vec<Document>, Vec<Document>), String> {
    let mut train = iob2::read_path(&p.ewt_dev)?;
    let mut dev = Vec::new();
    for (k, d) in iob2::read_path(&p.ewt_test)?.into_iter().enumerate() {
        if k % 4 == 0 {
            dev.push(d);
        } else {
            train.push(d);
        }
    }
    train.extend(gum::read_path(&p.gum_train)?);
    train.extend(gum::read_path(&p.gum_test)?);
    dev.extend(gum::read_path(&p.gum_dev)?);
    if with_dev {
        train.extend(dev.iter().cloned());
    }
    Ok((train, dev))
}

/// Split off the GUM documents of `genres` (`GUM_news_*` for `news`): (kept, held out).
pub fn split_holdout(docs: Vec<Document>, genres: &[String]) -> (Vec<Document>, Vec<Document>) {
    docs.into_iter().partition(|d| {
        !genres
            .iter()
            .any(|g| d.id.starts_with(&format!("GUM_{g}_")))
    })
}

/// Training inputs besides the documents.
pub struct Resources {
    pub prior: CasePrior,
    pub clusters: WordClusters,
    pub typed: TypePrior,
    pub extra_outlets: Vec<String>,
    pub person_names: Vec<String>,
}

/// Train the sequence model. Documents `silver_from..` are silver: their updates weigh
/// `opts.silver_weight`.
pub fn train(
    docs: &[Document],
    silver_from: usize,
    res: Resources,
    opts: &TrainOptions,
    provenance: serde_json::Value,
    log: &mut dyn FnMut(&str),
) -> Result<Model, String> {
    let mut members = Vec::new();
    for k in 0..opts.ensemble.max(1) {
        let seed = opts.seed.wrapping_add(k as u64);
        log(&format!(
            "model {} of {} (seed {seed})",
            k + 1,
            opts.ensemble.max(1)
        ));
        members.push(train_weights(docs, silver_from, &res, opts, seed, log));
    }
    let weights = if members.len() == 1 {
        members.pop().expect("one member")
    } else {
        let w = crate::average::average(&members).ok_or("averaging the models failed")?;
        let pruned = crate::average::prune(&w, opts.ensemble_min_abs);
        log(&format!(
            "averaged: {} features, {} of them above {}",
            w.n_features(),
            pruned.n_features(),
            opts.ensemble_min_abs
        ));
        pruned
    };
    Model::new(
        weights,
        res.prior,
        res.clusters,
        res.typed,
        res.extra_outlets,
        res.person_names,
        provenance,
    )
}

/// One perceptron over `docs`, shuffled with `seed`.
fn train_weights(
    docs: &[Document],
    silver_from: usize,
    res: &Resources,
    opts: &TrainOptions,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Weights {
    let matcher = build_matcher(&res.extra_outlets, &res.person_names);
    let mut t = Trainer::new(N_LABELS);
    let mut rng = Rng::new(seed);
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
            let w = if d >= silver_from {
                opts.silver_weight
            } else {
                1.0
            };
            memory.clear();
            for s in &docs[d].sentences {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let gold = encode(&s.spans, words.len());
                sf.compute(&words, &res.prior, &res.clusters, &res.typed, &matcher);
                pred.clear();
                for i in 0..words.len() {
                    feats.clear();
                    feats.extend_from_slice(sf.static_ids(i));
                    if opts.word_dropout > 0.0
                        && sf.is_cap(i)
                        && rng.unit() < opts.word_dropout as f64
                    {
                        let identity = sf.identity_ids(i);
                        feats.retain(|f| !identity.contains(f));
                    }
                    dynamic_features(&sf, i, &pred, &memory, &mut feats);
                    t.scores(&feats, &mut scores);
                    let guess = constrained_argmax(&scores, pred.last().copied());
                    if guess != gold[i] {
                        t.update(&feats, gold[i], w);
                        t.update(&feats, guess, -w);
                        errors += 1;
                    }
                    t.tick();
                    total += 1;
                    pred.push(guess);
                }
                let spans = decode(&pred);
                memory.learn(&sf, &spans);
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
    weights
}

/// `according train ner`: load the gold sets (and silver), build the prior and clusters,
/// train, write `OUT/ner.bin`, and report scores on the tuning set. Returns the recognizer.
pub fn run(
    data: &Path,
    out: &Path,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<crate::Ner, String> {
    if !(0.0..1.0).contains(&opts.word_dropout) {
        return Err(format!(
            "word dropout must be at least 0 and below 1, not {}",
            opts.word_dropout
        ));
    }
    let paths = DataPaths::new(data);
    let (train_docs, dev_docs) = load_sets(&paths, opts.with_dev)?;
    let (mut train_docs, held_docs) = split_holdout(train_docs, &opts.holdout);
    if !held_docs.is_empty() {
        log(&format!(
            "held out: {} GUM documents ({})",
            held_docs.len(),
            opts.holdout.join(", ")
        ));
    }
    let n_tok: usize = train_docs.iter().map(Document::n_tokens).sum();
    log(&format!(
        "gold train: {} documents, {n_tok} tokens (UNER EWT dev + 3/4 of test, GUM train + test{})",
        train_docs.len(),
        if opts.with_dev {
            " + tuning slices"
        } else {
            ""
        }
    ));
    let silver_from = train_docs.len();
    let corpus = raw_corpus(data, log)?;
    let prior = build_prior(&corpus);
    log(&format!("case prior: {} words", prior.len()));
    let triples = build_clusters(&corpus, opts.clusters.as_deref(), log)?;
    drop(corpus);
    let clusters = WordClusters::from_triples(&triples);
    let outlets = read_us_newspapers(&paths.us_newspapers)?;
    log(&format!("US newspaper names: {}", outlets.len()));
    let provenance = serde_json::json!({
        "trained_on": ["UniversalNER en_ewt dev", "UniversalNER en_ewt test (3/4 of documents)",
            "GUM train + test (Entity= decoded to names)"],
        "with_tuning_slices": opts.with_dev,
        "unlabeled": ["UD EWT train", "GUM train", "BBC 2005", "PolNeAR train"],
        "gazetteers": ["crates/according-ner/data/*", "wikipedia-us-newspapers.tsv"],
        "silver": opts.silver.as_ref().map(|_| "spaCy en_core_web_sm over BBC 2005 + PolNeAR train (scripts/silver.py)"),
        "silver_weight": opts.silver_weight,
        "person_names": opts.names.as_ref().map(|_| "US Census 1990 name lists via the `names` package (scripts/census_names.py)"),
        "epochs": opts.epochs,
        "seed": opts.seed,
        "min_updates": opts.min_updates,
        "silver_filter": format!("{:?}", opts.silver_filter),
        "ensemble": opts.ensemble,
        "ensemble_min_abs": opts.ensemble_min_abs,
        "word_dropout": opts.word_dropout,
        "span_typer": opts.typer.as_ref().map(|t| serde_json::json!({
            "trained_on": "the gold spans above",
            "epochs": t.epochs,
            "seed": t.seed,
            "tagger_weight": t.tagger_weight,
        })),
    });
    let names = match &opts.names {
        Some(p) => read_person_names(p)?,
        None => Vec::new(),
    };
    log(&format!("person names: {}", names.len()));
    let silver = match &opts.silver {
        Some(s) => {
            let silver = crate::data::silver::read_path(s)?;
            let n: usize = silver.iter().map(Document::n_tokens).sum();
            log(&format!(
                "silver: {} documents, {n} tokens from {}",
                silver.len(),
                s.display()
            ));
            Some(silver)
        }
        None => None,
    };
    let typed = silver
        .as_deref()
        .map_or_else(TypePrior::default, |s| TypePrior::from_docs(s, 3));
    log(&format!("typed word prior (silver): {} words", typed.len()));
    let res = Resources {
        prior,
        clusters,
        typed,
        extra_outlets: outlets,
        person_names: names,
    };
    if let Some(silver) = silver {
        // Keep the silver sentences a gold-only model agrees with: spaCy's mistakes and its
        // conventions that differ from UniversalNER's mostly fall out.
        log("stage 1: gold-only model to filter silver");
        let res1 = Resources {
            prior: res.prior.clone(),
            clusters: res.clusters.clone(),
            typed: res.typed.clone(),
            extra_outlets: res.extra_outlets.clone(),
            person_names: res.person_names.clone(),
        };
        // One model is enough to filter with.
        let single = TrainOptions {
            ensemble: 1,
            ..opts.clone()
        };
        let gold_model = train(
            &train_docs,
            silver_from,
            res1,
            &single,
            provenance.clone(),
            log,
        )?;
        let kept = agreeing_silver(
            &crate::Ner::from_model(gold_model),
            silver,
            opts.silver_filter,
        );
        let n: usize = kept.iter().map(Document::n_tokens).sum();
        let ents: usize = kept
            .iter()
            .flat_map(|d| &d.sentences)
            .map(|s| s.spans.len())
            .sum();
        log(&format!(
            "silver kept: {n} tokens, {ents} names, in agreeing sentences (weight {})",
            opts.silver_weight
        ));
        train_docs.extend(kept);
    }
    let mut model = train(&train_docs, silver_from, res, opts, provenance, log)?;
    if let Some(t) = &opts.typer {
        // Gold spans only: silver spans made the typer worse on the held-out genres.
        let gold = &train_docs[..silver_from];
        model.typer = Some(crate::span_typer::train(&model, gold, gold.len(), t, log));
    }
    let bytes = model.to_bytes();
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let file = out.join(crate::MODEL_FILE);
    std::fs::write(&file, &bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    log(&format!("wrote {} ({} bytes)", file.display(), bytes.len()));
    let ner = crate::Ner::from_bytes(&bytes)?;
    log(&crate::eval::evaluate(&ner, &dev_docs).format("tuning set (EWT test 1/4 + GUM dev)"));
    if !held_docs.is_empty() {
        log(&crate::eval::evaluate(&ner, &held_docs).format("held-out GUM genres"));
    }
    Ok(ner)
}

/// Do the first and last words start with an upper-case letter? (spaCy's small model also
/// calls lower-case words organisations: `shellac`.)
fn capitalised(words: &[&str]) -> bool {
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.first().is_some_and(cap) && words.last().is_some_and(cap)
}

/// `ANC`, `FBI`: two to six capital letters.
fn acronym(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Names the silver data tags three times or more, at least 90% of them as organisations.
fn steady_orgs(silver: &[Document]) -> std::collections::HashSet<String> {
    let mut counts: std::collections::HashMap<String, (u32, u32)> = Default::default();
    for s in silver.iter().flat_map(|d| &d.sentences) {
        for g in &s.spans {
            let c = counts.entry(s.words[g.start..g.end].join(" ")).or_default();
            c.0 += 1;
            c.1 += (g.kind == Kind::Org) as u32;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, org))| *n >= 3 && *org * 10 >= *n * 9)
        .map(|(name, _)| name)
        .collect()
}

/// The silver sentences (with at least one name) whose names `ner` finds exactly (typed as
/// UniversalNER scores them, or only their boundaries with [`SilverFilter::Spans`]);
/// documents keep their sentence order.
pub fn agreeing_silver(
    ner: &crate::Ner,
    silver: Vec<Document>,
    filter: SilverFilter,
) -> Vec<Document> {
    let steady = steady_orgs(&silver);
    let mut out = Vec::new();
    for d in silver {
        let mut rec = ner.document();
        let mut kept = Vec::new();
        for s in d.sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let mut pred: Vec<(usize, usize, crate::labels::Kind)> = rec
                .sentence(&words)
                .into_iter()
                .filter_map(|m| {
                    let mut start = m.start;
                    if m.end - start > 1 && words[start].eq_ignore_ascii_case("the") {
                        start += 1;
                    }
                    Some((start, m.end, m.kind.uner()?))
                })
                .collect();
            pred.sort();
            let mut gold: Vec<_> = s.spans.iter().map(|g| (g.start, g.end, g.kind)).collect();
            gold.sort();
            let agree = match filter {
                SilverFilter::Exact => pred == gold,
                SilverFilter::Spans => pred
                    .iter()
                    .map(|p| (p.0, p.1))
                    .eq(gold.iter().map(|g| (g.0, g.1))),
                SilverFilter::MoreOrgs
                | SilverFilter::More
                | SilverFilter::MoreAcronyms
                | SilverFilter::MoreSteadyOrgs => {
                    let trusted = |g: &(usize, usize, Kind)| match filter {
                        SilverFilter::More => capitalised(&words[g.0..g.1]),
                        SilverFilter::MoreOrgs => g.2 == Kind::Org && capitalised(&words[g.0..g.1]),
                        SilverFilter::MoreSteadyOrgs => {
                            g.2 == Kind::Org
                                && capitalised(&words[g.0..g.1])
                                && steady.contains(&words[g.0..g.1].join(" "))
                        }
                        _ => g.2 == Kind::Org && g.1 - g.0 == 1 && acronym(words[g.0]),
                    };
                    pred.iter().all(|p| gold.contains(p))
                        && gold.iter().all(|g| {
                            pred.contains(g)
                                || (trusted(g) && !pred.iter().any(|p| p.0 < g.1 && g.0 < p.1))
                        })
                }
            };
            if !gold.is_empty() && agree {
                kept.push(s);
            }
        }
        if !kept.is_empty() {
            out.push(Document {
                id: d.id,
                sentences: kept,
            });
        }
    }
    out
}
