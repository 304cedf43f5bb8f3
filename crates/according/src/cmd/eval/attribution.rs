//! `according eval attribution --gold DIR [--model DIR] [--json]`
use according_attrib::{evaluate, nlp::Prep, Extractor};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Gold directory in PolNeAR layout (`text/`, `attributions/`).
    #[arg(long, default_value = "../shared/data/polnear/dev")]
    pub gold: PathBuf,
    /// Directory holding `attribution.bin` (default: the embedded model); its `tagger.bin` and
    /// `parser.bin`, if present, replace the embedded ones too, as in `according analyze`.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print the headline F1 scores as JSON instead of the table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let ex = match &a.model {
        Some(d) if d.join(according_attrib::extractor::MODEL_FILE).exists() => Extractor::load(d),
        _ => Extractor::embedded(),
    }
    .map_err(anyhow::Error::msg)?;
    // The same NLP stages as at run time: clean, segment, tag, parse.
    let prep = Prep::with_models(a.model.as_deref()).map_err(anyhow::Error::msg)?;
    let report =
        evaluate::evaluate_dir(&ex, &a.gold, &|d| prep.run(d)).map_err(anyhow::Error::msg)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.render());
    }
    Ok(ExitCode::SUCCESS)
}
