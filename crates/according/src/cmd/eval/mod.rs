//! `according eval <component>`
use std::process::ExitCode;

pub mod attribution;
pub mod sbd;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// Attribution extraction (PolNeAR).
    Attribution(attribution::Args),
    /// Sentence boundaries and tokens (UD CoNLL-U `# text` + forms).
    Sbd(sbd::Args),
}

pub fn run(c: EvalCommand) -> anyhow::Result<ExitCode> {
    match c {
        EvalCommand::Attribution(a) => attribution::run(a),
        EvalCommand::Sbd(a) => sbd::run(a),
    }
}
