//! `according train attribution [--data ../shared/data] [--out models/]`
use according_attrib::{evaluate, nlp::Prep, train, Extractor};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Data root (`polnear/train`, `polnear/dev`, `lexicons/verbnet`).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Output directory; the model is written as `attribution.bin`.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let opts = train::TrainOptions {
        seed: a.seed,
        ..Default::default()
    };
    // The same NLP stages as at run time: clean, segment, tag.
    let prep = Prep::embedded();
    let t0 = std::time::Instant::now();
    let model = train::train(
        &a.data.join("polnear/train"),
        Some(&a.data.join("lexicons/verbnet")),
        &opts,
        &|d| prep.run(d),
        &mut |m| eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64()),
    )
    .map_err(anyhow::Error::msg)?;
    std::fs::create_dir_all(&a.out)?;
    let path = a.out.join(according_attrib::extractor::MODEL_FILE);
    let bytes = model.to_bytes();
    std::fs::write(&path, &bytes)?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    let ex = Extractor::from_model(model);
    let dev = a.data.join("polnear/dev");
    if dev.exists() {
        let r = evaluate::evaluate_dir(&ex, &dev, &|d| prep.run(d)).map_err(anyhow::Error::msg)?;
        eprint!("PolNeAR dev:\n{}", r.render());
    }
    Ok(ExitCode::SUCCESS)
}
