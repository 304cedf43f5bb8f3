//! `according eval <component>`
use std::process::ExitCode;

pub mod sbd;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// Sentence boundaries and tokens (UD CoNLL-U `# text` + forms).
    Sbd(sbd::Args),
}

pub fn run(c: EvalCommand) -> anyhow::Result<ExitCode> {
    match c {
        EvalCommand::Sbd(a) => sbd::run(a),
    }
}
