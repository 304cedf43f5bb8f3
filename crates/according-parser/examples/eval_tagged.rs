//! `cargo run --release -p according-parser --example eval_tagged -- MODEL.bin FILE.conllu...`:
//! UAS/LAS of a model on CoNLL-U files scored with the tags they hold (e.g. the dev file of
//! `examples/tag_dev.rs`, tagged by a tagger that has not seen dev), and parsing speed.
//! `PARSER_BEAM=K` decodes with another beam width than the model's, `PARSER_MARGIN=M` drops
//! beam items M below the best, `PARSER_PRUNE=T,L` prunes the tables. Development helper.
use according_parser::{evaluate, read_examples, Parser};
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = args
        .first()
        .ok_or("usage: eval_tagged MODEL.bin FILE.conllu...")?;
    let mut parser = Parser::load(Path::new(model))?;
    // `PARSER_PRUNE=T,L`: smaller decoding tables (see `Parser::prune_tables`).
    if let Ok(v) = std::env::var("PARSER_PRUNE") {
        let (t, l) = v.split_once(',').ok_or("PARSER_PRUNE=T,L")?;
        let kept = parser.prune_tables(
            t.parse().map_err(|_| "bad T")?,
            l.parse().map_err(|_| "bad L")?,
        )?;
        println!("tables pruned to {kept:?} rows");
    }
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
