//! `cargo run --release -p according-parser --example eval_tagged -- MODEL.bin FILE.conllu...`:
//! UAS/LAS of a model on CoNLL-U files scored with the tags they hold (e.g. the dev file of
//! `examples/tag_dev.rs`, tagged by a tagger that has not seen dev), and parsing speed.
//! `PARSER_BEAM=K` decodes with another beam width than the model's, `PARSER_MARGIN=M` drops
//! beam items M below the best, `PARSER_PRUNE=T,L` prunes the tables. Development helper.
#[path = "common/decoding_env.rs"]
mod decoding_env;
use according_parser::{evaluate, read_examples, Parser};
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = args
        .first()
        .ok_or("usage: eval_tagged MODEL.bin FILE.conllu...")?;
    let mut parser = Parser::load(Path::new(model))?;
    decoding_env::apply(&mut parser)?;
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
