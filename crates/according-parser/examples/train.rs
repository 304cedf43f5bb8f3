//! Train the parser without the CLI: `cargo run --release -p according-parser --example
//! train -- DATA_DIR OUT_FILE [EPOCHS]`. Development helper; `according train parser` is the
//! documented entry point.
use according_parser::{read_examples, train, TrainConfig};
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(args.get(1).map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(2).map_or("models/parser.bin", String::as_str));
    let mut cfg = TrainConfig::default();
    if let Some(e) = args.get(3) {
        cfg.epochs = e.parse().map_err(|_| "bad epochs")?;
    }
    if let Some(m) = args.get(4) {
        cfg.min_updates = m.parse().map_err(|_| "bad min_updates")?;
    }
    if let Some(m) = args.get(5) {
        cfg.min_updates_labeler = m.parse().map_err(|_| "bad min_updates_labeler")?;
    }
    let ud = data.join("ud");
    let t0 = std::time::Instant::now();
    // PARSER_TRAIN=a.conllu,b.conllu overrides the training files (e.g. jackknifed tags; `according train parser --jackknife K` makes them and trains in one go).
    let files: Vec<PathBuf> = match std::env::var("PARSER_TRAIN") {
        Ok(v) => v.split(',').map(PathBuf::from).collect(),
        Err(_) => vec![
            ud.join("en_ewt-ud-train.conllu"),
            ud.join("en_gum-train.conllu"),
        ],
    };
    let tr = read_examples(&files)?;
    let dev = read_examples(&[ud.join("en_ewt-ud-dev.conllu")])?;
    let parser = train(&tr, &dev, &cfg, |m| {
        eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64())
    })?;
    parser.save(&out)?;
    eprintln!(
        "wrote {} in {:.0}s",
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    for f in [
        "en_ewt-ud-dev.conllu",
        "en_ewt-ud-test.conllu",
        "en_pud-ud-test.conllu",
    ] {
        let ex = read_examples(&[ud.join(f)])?;
        let s = according_parser::evaluate(&parser, &ex);
        eprintln!("{f}: UAS {:.2} LAS {:.2} (gold tags)", s.uas(), s.las());
    }
    Ok(())
}
