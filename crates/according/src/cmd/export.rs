//! `according export --db corpus.db --format parquet|csv|jsonl|brat --out DIR`
use according_corpus::{export, ExportFormat, Store};
use anyhow::{bail, Context};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus database.
    #[arg(long, default_value = "corpus.db")]
    pub db: PathBuf,
    /// parquet or csv (one file per table), jsonl (Docs in the public schema), brat (.txt + .ann).
    #[arg(long)]
    pub format: ExportFormat,
    /// Output directory (created if missing).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        bail!(
            "{} does not exist (create it with `according index`)",
            args.db.display()
        );
    }
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let files = export(&store, args.format, &args.out)?;
    eprintln!(
        "according export: wrote {} files to {}",
        files.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
