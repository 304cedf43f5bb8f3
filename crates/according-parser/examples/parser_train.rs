//! Train the parser without the CLI: `cargo run --release -p according-parser --example
//! parser_train -- DATA_DIR OUT_FILE [EPOCHS [MIN_UPDATES [MIN_UPDATES_LABELER]]]`. Development
//! helper; `according train parser` is the documented entry point.
//!
//! `PARSER_TRAIN=a.conllu,b.conllu` overrides the training files (e.g. the jackknifed file
//! `according train parser --jackknife K` writes); `PARSER_DEV=a.conllu,...` the dev files,
//! read with their tags as they are (default: EWT dev + GUM dev tagged by the embedded tagger,
//! which has seen dev: nearly gold tags). `PARSER_BEAM=K` trains for beam search of width K
//! (global training; default 1 = greedy). `PARSER_TRANS_MIN_ABS=T` drops transition rows below
//! T quantisation steps (default and minimum 600), `PARSER_LABELER_MIN_ABS=L` labeler rows
//! (default and minimum 2000).
use according_parser::{read_examples, train, Example, TrainConfig};
use according_tagger::Tagger;
use std::path::{Path, PathBuf};

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
    if let Ok(t) = std::env::var("PARSER_TRANS_MIN_ABS") {
        cfg.trans_min_abs = t.parse().map_err(|_| "bad PARSER_TRANS_MIN_ABS")?;
    }
    if let Ok(t) = std::env::var("PARSER_LABELER_MIN_ABS") {
        cfg.labeler_min_abs = t.parse().map_err(|_| "bad PARSER_LABELER_MIN_ABS")?;
    }
    if let Ok(k) = std::env::var("PARSER_BEAM") {
        cfg.beam = k.parse().map_err(|_| "bad PARSER_BEAM")?;
    }
    let ud = data.join("ud");
    let t0 = std::time::Instant::now();
    let files: Vec<PathBuf> = match std::env::var("PARSER_TRAIN") {
        Ok(v) => v.split(',').map(PathBuf::from).collect(),
        Err(_) => vec![
            ud.join("en_ewt-ud-train.conllu"),
            ud.join("en_gum-train.conllu"),
        ],
    };
    let tr = read_examples(&files)?;
    let dev: Vec<Example> = match std::env::var("PARSER_DEV") {
        Ok(v) => read_examples(&v.split(',').map(PathBuf::from).collect::<Vec<_>>())?,
        Err(_) => tagged_dev(&ud)?,
    };
    let parser = train(&tr, &dev, &cfg, |m| {
        eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64())
    })?;
    parser.save(&out)?;
    let s = according_parser::evaluate(&parser, &dev);
    eprintln!(
        "wrote {} in {:.0}s; dev UAS {:.2} LAS {:.2}",
        out.display(),
        t0.elapsed().as_secs_f64(),
        s.uas(),
        s.las()
    );
    Ok(())
}

fn tagged_dev(ud: &Path) -> Result<Vec<Example>, String> {
    let tagger = Tagger::embedded()?;
    Ok(read_examples(&[
        ud.join("en_ewt-ud-dev.conllu"),
        ud.join("en_gum-dev.conllu"),
    ])?
    .into_iter()
    .map(|e| {
        let tags = tagger.tag(&e.words());
        let u = tags.iter().map(|t| t.upos.to_string()).collect();
        let x = tags.iter().map(|t| t.xpos.to_string()).collect();
        e.with_tags(u, x)
    })
    .collect())
}
