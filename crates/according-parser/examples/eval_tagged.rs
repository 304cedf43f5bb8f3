//! `cargo run --release -p according-parser --example eval_tagged -- MODEL.bin FILE.conllu...`:
//! UAS/LAS of a model on CoNLL-U files scored with the tags they hold (e.g. the dev file of
//! `examples/tag_dev.rs`, tagged by a tagger that has not seen dev), and parsing speed.
//! `PARSER_BEAM=K` decodes with another beam width than the model's. Development helper.
use according_parser::{evaluate, read_examples, Parser};
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = args
        .first()
        .ok_or("usage: eval_tagged MODEL.bin FILE.conllu...")?;
    let mut parser = Parser::load(Path::new(model))?;
    if let Ok(k) = std::env::var("PARSER_BEAM") {
        parser.set_beam(k.parse().map_err(|_| "bad PARSER_BEAM")?);
    }
    // `PARSER_MARGIN=M`: drop beam items more than M (table units) below the best.
    if let Ok(m) = std::env::var("PARSER_MARGIN") {
        parser.set_beam_margin(Some(m.parse().map_err(|_| "bad PARSER_MARGIN")?));
    }
    for f in &args[1..] {
        let examples = read_examples(&[PathBuf::from(f)])?;
        let t0 = std::time::Instant::now();
        let s = evaluate(&parser, &examples);
        println!(
            "{f}: beam {} UAS {:.2} LAS {:.2} ({} words, {:.0} words/s)",
            parser.beam(),
            s.uas(),
            s.las(),
            s.words,
            s.words as f64 / t0.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
