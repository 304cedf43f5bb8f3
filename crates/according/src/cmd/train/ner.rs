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
    /// Update weight of silver sentences (gold ones weigh 1).
    #[arg(long)]
    pub silver_weight: Option<f32>,
    /// Word-cluster cache (TSV): read if it exists, else computed and written there.
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Also train on the tuning slices (every 4th UNER EWT test document, GUM dev).
    #[arg(long)]
    pub with_dev: bool,
    /// Which silver sentences to keep: exact, spans, more-orgs, more, more-acronyms.
    #[arg(long)]
    pub silver_filter: Option<according_ner::train::SilverFilter>,
    /// Train this many models (consecutive seeds) and average them (default 3).
    #[arg(long)]
    pub ensemble: Option<usize>,
    /// Also train the second-stage span typer, averaging this many (off by default: it does
    /// not gain on the tuning set).
    #[arg(long)]
    pub span_typer: Option<usize>,
    /// Share of capitalised tokens trained without their word-identity features (0: none, the
    /// shipped model; 0.3 gained on the tuning set but not on PUD or GUM test).
    #[arg(long)]
    pub word_dropout: Option<f32>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let mut opts = according_ner::train::TrainOptions::default();
    if let Some(e) = a.epochs {
        opts.epochs = e;
    }
    if let Some(w) = a.silver_weight {
        opts.silver_weight = w;
    }
    opts.silver = a.silver;
    opts.names = a.names;
    opts.clusters = a.clusters;
    opts.with_dev = a.with_dev;
    if let Some(f) = a.silver_filter {
        opts.silver_filter = f;
    }
    if let Some(k) = a.ensemble {
        opts.ensemble = k;
    }
    if let Some(k) = a.span_typer {
        opts.typer = Some(according_ner::span_typer::TyperOptions {
            ensemble: k,
            ..Default::default()
        });
    }
    if let Some(p) = a.word_dropout {
        opts.word_dropout = p;
    }
    according_ner::train::run(&a.data, &a.out, &opts, &mut |s| eprintln!("{s}"))
        .map_err(|e| anyhow::anyhow!(e))?;
    Ok(ExitCode::SUCCESS)
}
