//! Train and evaluate without the CLI:
//! `cargo run --release -p according-ner --example ner_train -- [DATA] [OUT] [EPOCHS] [SILVER] [NAMES] [CLUSTERS] [SILVER_WEIGHT] [all]`
//! (empty strings skip an optional file; `all` also trains on the tuning slices; the env var
//! `NER_SEED` sets another shuffling seed, to measure how much scores move by chance).
use according_ner::train::{run, TrainOptions};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(2).map_or("models", String::as_str));
    let mut opts = TrainOptions::default();
    let opt = |k: usize| args.get(k).filter(|s| !s.is_empty());
    if let Some(e) = opt(3) {
        opts.epochs = e.parse().expect("epochs");
    }
    opts.silver = opt(4).map(PathBuf::from);
    opts.names = opt(5).map(PathBuf::from);
    opts.clusters = opt(6).map(PathBuf::from);
    if let Some(w) = opt(7) {
        opts.silver_weight = w.parse().expect("silver weight");
    }
    opts.with_dev = opt(8).is_some_and(|s| s == "all");
    // Another shuffling seed, to see how much a score moves by chance.
    if let Ok(seed) = std::env::var("NER_SEED") {
        opts.seed = seed.parse().expect("NER_SEED");
    }
    // Which silver sentences to keep (`exact` or `spans`).
    if let Ok(f) = std::env::var("NER_SILVER_FILTER") {
        opts.silver_filter = f.parse().expect("NER_SILVER_FILTER");
    }
    // Models averaged over consecutive seeds.
    if let Ok(k) = std::env::var("NER_ENSEMBLE") {
        opts.ensemble = k.parse().expect("NER_ENSEMBLE");
    }
    // GUM genres held out of training and scored (`news,bio`).
    if let Ok(g) = std::env::var("NER_HOLDOUT") {
        opts.holdout = g.split(',').map(str::to_string).collect();
    }
    // The second-stage span typer (`1`: on, with default options; `K`: K typers averaged).
    if let Ok(k) = std::env::var("NER_SPAN_TYPER") {
        let ensemble = k.parse().expect("NER_SPAN_TYPER");
        opts.typer = Some(according_ner::span_typer::TyperOptions {
            ensemble,
            ..Default::default()
        });
    }
    // Share of capitalised tokens trained without their word-identity features.
    if let Ok(p) = std::env::var("NER_WORD_DROPOUT") {
        opts.word_dropout = p.parse().expect("NER_WORD_DROPOUT");
    }
    run(&data, &out, &opts, &mut |s| eprintln!("{s}")).expect("training");
}
