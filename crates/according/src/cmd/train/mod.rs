//! `according train <component>`
use std::process::ExitCode;

pub mod attribution;
pub mod tagger;

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Attribution extraction (PolNeAR).
    Attribution(attribution::Args),
    /// Part-of-speech tagger + lemmatizer (UD English EWT + GUM).
    Tagger(tagger::Args),
}

pub fn run(c: TrainCommand) -> anyhow::Result<ExitCode> {
    match c {
        TrainCommand::Attribution(a) => attribution::run(a),
        TrainCommand::Tagger(a) => tagger::run(a),
    }
}
