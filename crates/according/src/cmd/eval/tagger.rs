//! `according eval tagger [--model DIR] FILE.conllu...`: UPOS, XPOS and lemma accuracy per file,
//! predicted tags on gold UD tokenization (words after multiword-token splitting).
use according_tagger::{evaluate, Tagger};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Directory holding `tagger.bin` (or the file itself); default: the embedded model.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// CoNLL-U files with gold tags and lemmas.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let t0 = std::time::Instant::now();
    let tagger = match &a.model {
        Some(p) => Tagger::load(p),
        None => Tagger::embedded(),
    }
    .map_err(anyhow::Error::msg)?;
    eprintln!("model loaded in {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    for f in &a.files {
        let sents = according_tagger::read_conllu(f).map_err(anyhow::Error::msg)?;
        let t0 = std::time::Instant::now();
        let s = evaluate(&tagger, &sents, true);
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{}\tUPOS {:.2}\tXPOS {:.2}\tUPOS+XPOS {:.2}\tlemma {:.2}\t({} words, {:.0} words/s)",
            f.display(),
            s.upos(),
            s.xpos(),
            s.both(),
            s.lemma(),
            s.words,
            s.words as f64 / secs.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}
