//! `according analyze PATH... | -`: the main job. Read, clean, segment, tag, parse, recognise
//! entities, extract attributions, and write Docs (JSONL) or a who-said-what table.

use crate::output::{self, Format, Output, OutputArgs, ReadArgs};
use crate::pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Directory with model files (`tagger.bin`, `parser.bin`, `ner.bin`,
    /// `attribution.bin`) replacing the embedded ones; missing files fall back to the default.
    #[arg(long)]
    pub model: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = pipeline::full(args.model.as_deref()).map_err(anyhow::Error::msg)?;
    let opts = args.read.options();
    let mut out = Output::open(&args.output)?;
    let format = args.output.format;
    let inputs = according_ingest::read_raw(&args.paths, &opts);
    output::run_docs_with(
        inputs,
        &opts,
        args.output.batch,
        &mut out,
        |mut doc| {
            pipeline.process(&mut doc)?;
            Ok(doc)
        },
        |doc| match format {
            Format::Table => Ok(according_attrib::table::render(doc)),
            _ => output::render(format, doc),
        },
    )?;
    out.finish()
}
