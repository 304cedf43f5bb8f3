//! `according train <component>`
use std::process::ExitCode;

pub mod attribution;

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Attribution extraction (PolNeAR).
    Attribution(attribution::Args),
}

pub fn run(c: TrainCommand) -> anyhow::Result<ExitCode> {
    match c {
        TrainCommand::Attribution(a) => attribution::run(a),
    }
}
