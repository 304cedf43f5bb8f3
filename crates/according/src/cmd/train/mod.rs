//! `according train <component>`
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum TrainCommand {}

pub fn run(c: TrainCommand) -> anyhow::Result<ExitCode> {
    match c {}
}
