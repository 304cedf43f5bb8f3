//! `according extract PATH... | -`: read documents (text, JSONL, HTML, WARC, directories,
//! stdin), clean and segment them, and write them as JSONL Docs or a human table.

use crate::output::{self, Output, OutputArgs, ReadArgs};
use according_core::Stage;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.read.options();
    let mut out = Output::open(&args.output)?;
    let inputs = according_ingest::read_raw(&args.paths, &opts);
    output::run_docs(inputs, &opts, args.output.batch, &mut out, |mut doc| {
        let (source, id) = (doc.source.clone(), doc.id.clone());
        output::guarded(&source, &id, Stage::Clean, || {
            according_text::clean(&mut doc)
        })?;
        output::guarded(&source, &id, Stage::Segment, || {
            according_text::segment(&mut doc)
        })?;
        Ok(doc)
    })?;
    out.finish()
}
