//! `according train ner`: train the named-entity recognizer (logic in `according_ner::train`).
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The shared data directory (UniversalNER, UD GUM, BBC, PolNeAR, lexicons).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Output directory; the model is written to OUT/ner.bin.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    /// Silver data from crates/according-ner/scripts/silver.py (JSONL).
    #[arg(long)]
    pub silver: Option<PathBuf>,
    /// Person-name list from crates/according-ner/scripts/census_names.py (TSV).
    #[arg(long)]
    pub names: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long)]
    pub epochs: Option<usize>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let mut opts = according_ner::train::TrainOptions::default();
    if let Some(e) = a.epochs {
        opts.epochs = e;
    }
    opts.silver = a.silver;
    opts.names = a.names;
    according_ner::train::run(&a.data, &a.out, &opts, &mut |s| eprintln!("{s}"))
        .map_err(|e| anyhow::anyhow!(e))?;
    Ok(ExitCode::SUCCESS)
}
