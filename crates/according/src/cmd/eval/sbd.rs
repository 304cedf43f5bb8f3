//! `according eval sbd FILE.conllu... [--prefix GUM_news_] [--errors N]`: sentence-boundary
//! P/R/F1 (the cleaner + segmenter, and a naive baseline) and token agreement with the gold UD
//! tokenization. The metric code lives in `according_text::eval`.
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-U files with gold sentences (`# text =`, `# newdoc`, `# newpar`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Score only documents whose id starts with this (e.g. `GUM_news_`).
    #[arg(long)]
    pub prefix: Option<String>,
    /// Print up to N boundary and token errors.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    for f in &a.files {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let name = f.display().to_string();
        print!(
            "{}",
            according_text::eval::report(&name, &src, a.prefix.as_deref(), a.errors)
        );
    }
    Ok(ExitCode::SUCCESS)
}
