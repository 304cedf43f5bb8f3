//! `according train attribution [--data ../shared/data] [--out models/] [--seed 17] [--model DIR]`
use according_attrib::{calibrate, evaluate, nlp::Prep, train, Extractor};
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
    /// Directory whose `tagger.bin` / `parser.bin` prepare the training text instead of the
    /// embedded ones (train on the parses the extractor will see at run time).
    #[arg(long)]
    pub model: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let opts = train::TrainOptions {
        seed: a.seed,
        ..Default::default()
    };
    // The same NLP stages as at run time: clean, segment, tag, parse.
    let prep = Prep::with_models(a.model.as_deref()).map_err(anyhow::Error::msg)?;
    eprintln!("prep: {}", prep.describe());
    let t0 = std::time::Instant::now();
    let model = train::train(
        &a.data.join("polnear/train"),
        Some(&a.data.join("lexicons/verbnet")),
        &opts,
        &|d| prep.run(d),
        &mut |m| eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64()),
    )
    .map_err(anyhow::Error::msg)?;
    let mut ex = Extractor::from_model(model);
    // Confidences are calibrated on dev (held out from training; test stays untouched).
    let dev = a.data.join("polnear/dev");
    if dev.exists() {
        let pts = calibrate::points(&ex, &dev, &|d| prep.run(d)).map_err(anyhow::Error::msg)?;
        ex.model_mut().calibration = calibrate::fit(&pts);
        eprint!(
            "confidence calibration on PolNeAR dev:\n{}",
            calibrate::reliability(&pts, ex.model().calibration)
        );
    }
    std::fs::create_dir_all(&a.out)?;
    let path = a.out.join(according_attrib::extractor::MODEL_FILE);
    let bytes = ex.model().to_bytes();
    std::fs::write(&path, &bytes)?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    if dev.exists() {
        let r = evaluate::evaluate_dir(&ex, &dev, &|d| prep.run(d)).map_err(anyhow::Error::msg)?;
        eprint!("PolNeAR dev:\n{}", r.render());
    }
    Ok(ExitCode::SUCCESS)
}
