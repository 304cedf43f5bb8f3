//! `cargo run --release -p according-parser --example parser_eval -- MODEL.bin FILE.conllu...`:
//! UAS/LAS with gold tags and with the embedded tagger's tags (development helper; the
//! documented command is `according eval parser`).
#[path = "common/decoding_env.rs"]
mod decoding_env;
use according_parser::{evaluate, read_examples, Parser};
use according_tagger::Tagger;
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut parser = Parser::load(Path::new(&args[0]))?;
    decoding_env::apply(&mut parser)?;
    println!("beam width {}", parser.beam());
    let tagger = Tagger::embedded()?;
    for f in &args[1..] {
        let gold = read_examples(&[PathBuf::from(f)])?;
        let pred: Vec<_> = gold
            .iter()
            .cloned()
            .map(|e| {
                let tags = tagger.tag(&e.words());
                let u = tags.iter().map(|t| t.upos.to_string()).collect();
                let x = tags.iter().map(|t| t.xpos.to_string()).collect();
                e.with_tags(u, x)
            })
            .collect();
        let (mut n, mut u_ok, mut x_ok) = (0, 0, 0);
        for (g, p) in gold.iter().zip(&pred) {
            for i in 0..g.words.len() {
                n += 1;
                u_ok += (g.upos[i] == p.upos[i]) as usize;
                x_ok += (g.xpos[i] == p.xpos[i]) as usize;
            }
        }
        println!(
            "{f}: tagger UPOS {:.2} XPOS {:.2}",
            100.0 * u_ok as f64 / n as f64,
            100.0 * x_ok as f64 / n as f64
        );
        let g = evaluate(&parser, &gold);
        let t0 = std::time::Instant::now();
        let p = evaluate(&parser, &pred);
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{f}: gold tags UAS {:.2} LAS {:.2} | predicted tags UAS {:.2} LAS {:.2} | {:.0} words/s",
            g.uas(),
            g.las(),
            p.uas(),
            p.las(),
            p.words as f64 / secs
        );
    }
    Ok(())
}
