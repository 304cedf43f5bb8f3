//! `according eval ner [--model DIR] FILE...`: score the recognizer on UniversalNER IOB2
//! files (or GUM CoNLL-U with `Entity=`), typed and untyped span F1 by character offsets.
use according_ner::data::{gum, iob2};
use according_ner::Ner;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Directory holding ner.bin (default: the embedded model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Gold files: `.iob2` (UniversalNER) or `.conllu` (GUM entities).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let ner = match &a.model {
        Some(dir) => Ner::load(dir),
        None => Ner::embedded(),
    }
    .map_err(|e| anyhow::anyhow!(e))?;
    for f in &a.files {
        let docs = if f.extension().is_some_and(|e| e == "conllu") {
            gum::read_path(f)
        } else {
            iob2::read_path(f)
        }
        .map_err(|e| anyhow::anyhow!(e))?;
        let t = std::time::Instant::now();
        let report = according_ner::eval::evaluate(&ner, &docs);
        print!("{}", report.format(&f.display().to_string()));
        println!(
            "  speed   {:.0} tokens/s (whole pipeline incl. refine, 1 thread)",
            report.tokens as f64 / t.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
