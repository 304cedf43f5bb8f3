//! Train and evaluate without the CLI: `cargo run --release -p according-ner --example train
//! -- [DATA] [OUT] [EPOCHS]`.
use according_ner::data::{iob2, Document};
use according_ner::train::{run, DataPaths, TrainOptions};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(2).map_or("models", String::as_str));
    let mut opts = TrainOptions::default();
    if let Some(e) = args.get(3) {
        opts.epochs = e.parse().expect("epochs");
    }
    if let Some(s) = args.get(4).filter(|s| !s.is_empty()) {
        opts.silver = Some(PathBuf::from(s));
    }
    if let Some(s) = args.get(5) {
        opts.names = Some(PathBuf::from(s));
    }
    let ner = run(&data, &out, &opts, &mut |s| eprintln!("{s}")).expect("training");
    let p = DataPaths::new(&data);
    let docs: Vec<Document> = iob2::read_path(&p.ewt_test).expect("read");
    let report = according_ner::eval::evaluate(&ner, &docs);
    eprintln!("{}", report.format("EWT test (held out)"));
}
