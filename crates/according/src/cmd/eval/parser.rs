//! `according eval parser [--model DIR] FILE.conllu...`: UAS/LAS per file (all words,
//! punctuation included; LAS on the full relation), with the tagger's tags and with gold tags.
use according_parser::{evaluate, read_examples, Parser};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Directory holding `parser.bin` (and `tagger.bin`); default: the embedded models.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Decode with this beam width instead of the model's own (1 = greedy).
    #[arg(long)]
    pub beam: Option<usize>,
    /// Also score with gold tags.
    #[arg(long)]
    pub gold_tags: bool,
    /// CoNLL-U files with gold trees.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let mut parser = match &a.model {
        Some(dir) => Parser::load(dir),
        None => Parser::embedded(),
    }
    .map_err(anyhow::Error::msg)?;
    if let Some(k) = a.beam {
        parser.set_beam(k);
    }
    let tagger = match &a.model {
        Some(dir) if dir.join("tagger.bin").exists() => {
            according_tagger::Tagger::load(&dir.join("tagger.bin"))
        }
        _ => according_tagger::Tagger::embedded(),
    }
    .map_err(anyhow::Error::msg)?;
    for f in &a.files {
        let gold = read_examples(std::slice::from_ref(f)).map_err(anyhow::Error::msg)?;
        let predicted: Vec<_> = gold
            .iter()
            .cloned()
            .map(|e| crate::cmd::train::parser::retag(&tagger, e))
            .collect();
        let t0 = std::time::Instant::now();
        let s = evaluate(&parser, &predicted);
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{}\tbeam {}\tpredicted tags\tUAS {:.2}\tLAS {:.2}\t({} words, {:.0} words/s parsing)",
            f.display(),
            parser.beam(),
            s.uas(),
            s.las(),
            s.words,
            s.words as f64 / secs.max(1e-9)
        );
        if a.gold_tags {
            let s = evaluate(&parser, &gold);
            println!(
                "{}\tgold tags\tUAS {:.2}\tLAS {:.2}\t({} words)",
                f.display(),
                s.uas(),
                s.las(),
                s.words
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
