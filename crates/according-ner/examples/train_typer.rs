//! Train the second-stage span typer onto an existing model and score the tuning set with it:
//! `cargo run --release -p according-ner --example train_typer -- MODEL OUT [all] [SILVER] [SILVER_WEIGHT] [TAGGER_WEIGHTS]`
//! (`all`: also train on the tuning slices; SILVER: spaCy silver JSONL, its sentences the
//! model agrees with join training; TAGGER_WEIGHTS: comma-separated weights of the tagger's
//! own span scores to score, the first one is written). Data from `NER_DATA` (default
//! `../shared/data`).
use according_ner::span_typer::{kind_counts, train, TyperOptions};
use according_ner::train::{agreeing_silver, load_sets, split_holdout, DataPaths, SilverFilter};
use according_ner::Ner;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = std::env::var("NER_DATA").unwrap_or_else(|_| "../shared/data".into());
    let base = Ner::load(Path::new(&args[1])).expect("model");
    let out = Path::new(&args[2]);
    let opt = |k: usize| args.get(k).filter(|s| !s.is_empty());
    let with_dev = opt(3).is_some_and(|s| s == "all");
    let (docs, dev) = load_sets(&DataPaths::new(Path::new(&data)), with_dev).expect("data");
    // GUM genres the tagger was trained without (`NER_HOLDOUT=news,bio`): left out here too,
    // and scored.
    let genres: Vec<String> = std::env::var("NER_HOLDOUT")
        .map(|g| g.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let (mut docs, held) = split_holdout(docs, &genres);
    let silver_from = docs.len();
    let mut opts = TyperOptions::default();
    if let Some(s) = opt(4) {
        let silver = according_ner::data::silver::read_path(Path::new(s)).expect("silver");
        docs.extend(agreeing_silver(&base, silver, SilverFilter::Exact));
    }
    if let Some(w) = opt(5) {
        opts.silver_weight = w.parse().expect("silver weight");
    }
    if let Ok(k) = std::env::var("NER_TYPER_ENSEMBLE") {
        opts.ensemble = k.parse().expect("ensemble");
    }
    if let Ok(e) = std::env::var("NER_TYPER_EPOCHS") {
        opts.epochs = e.parse().expect("epochs");
    }
    let grid: Vec<f32> = opt(6)
        .map_or("1.0", String::as_str)
        .split(',')
        .map(|x| x.parse().expect("tagger weight"))
        .collect();
    eprintln!(
        "gold spans PER/ORG/LOC {:?}, silver {:?}",
        kind_counts(&docs[..silver_from]),
        kind_counts(&docs[silver_from..])
    );
    let base_report = according_ner::eval::evaluate(&base, &dev);
    print!("{}", base_report.format("tuning, without typer"));
    if !held.is_empty() {
        let r = according_ner::eval::evaluate(&base, &held);
        print!("{}", r.format("held out, without typer"));
    }
    let typer = train(base.model(), &docs, silver_from, &opts, &mut |s| {
        eprintln!("{s}")
    });
    eprintln!("span typer: {} features", typer.n_features());
    let bytes = {
        let mut m = according_ner::model::Model::from_bytes(
            &std::fs::read(if Path::new(&args[1]).is_dir() {
                Path::new(&args[1]).join("ner.bin")
            } else {
                Path::new(&args[1]).to_path_buf()
            })
            .expect("read model"),
        )
        .expect("model");
        m.typer = Some(typer);
        m
    };
    let mut model = bytes;
    for &w in grid.iter().rev() {
        model.typer.as_mut().expect("typer").tagger_weight = w;
        let ner = Ner::from_model(model);
        print!(
            "{}",
            according_ner::eval::evaluate(&ner, &dev)
                .format(&format!("tuning, typer, tagger weight {w}"))
        );
        if !held.is_empty() {
            let r = according_ner::eval::evaluate(&ner, &held);
            print!(
                "{}",
                r.format(&format!("held out, typer, tagger weight {w}"))
            );
        }
        model = according_ner::model::Model::from_bytes(&ner.model().to_bytes()).expect("model");
    }
    std::fs::create_dir_all(out).expect("out dir");
    std::fs::write(out.join("ner.bin"), model.to_bytes()).expect("write");
}
