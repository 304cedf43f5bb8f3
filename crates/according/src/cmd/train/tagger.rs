//! `according train tagger [--data ../shared/data] [--out models/]`
use according_tagger::{standard_cluster_text, standard_files, train, TrainOptions};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Data root: reads `ud/en_{ewt-ud,gum}-{train,dev}.conllu`, and for word clusters
    /// `news/bbc-2005` and `polnear/train/text`.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Output directory; the model is written as `tagger.bin`.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    pub seed: u64,
    /// Maximum epochs (the best epoch on dev is kept).
    #[arg(long, default_value_t = TrainOptions::default().max_epochs)]
    pub epochs: usize,
    /// Skip the word clusters computed from raw news text.
    #[arg(long)]
    pub no_clusters: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let mut o = TrainOptions {
        seed: a.seed,
        max_epochs: a.epochs,
        ..Default::default()
    };
    if !a.no_clusters {
        o.cluster_text = standard_cluster_text(&a.data);
    }
    let (tr, dev) = standard_files(&a.data);
    let t0 = std::time::Instant::now();
    let model = train(&tr, &dev, &o, &mut |m| {
        eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64())
    })
    .map_err(anyhow::Error::msg)?;
    std::fs::create_dir_all(&a.out)?;
    let path = a.out.join(according_tagger::FILE_NAME);
    let bytes = model.to_model_file().to_bytes();
    std::fs::write(&path, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) after {:.0}s",
        path.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
