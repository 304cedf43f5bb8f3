//! `according eval <component>`
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum EvalCommand {}

pub fn run(c: EvalCommand) -> anyhow::Result<ExitCode> {
    match c {}
}
