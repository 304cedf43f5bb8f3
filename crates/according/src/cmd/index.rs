//! `according index PATH... --db corpus.db`: analyse documents and store them.
use crate::output::ReadArgs;
use according_core::{Doc, DocError};
use according_corpus::indexer::{index_raw_stream, IndexOptions};
use according_corpus::Store;
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (text, HTML, JSONL, WARC, gzipped or not), `-` for stdin. JSONL of
    /// Docs already analysed by `according analyze` is stored without analysing it again.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// The corpus database (created if missing).
    #[arg(long, default_value = "corpus.db")]
    pub db: PathBuf,
    /// Documents per transaction (a crash loses at most one batch; a rerun resumes).
    #[arg(long, default_value_t = according_corpus::DEFAULT_BATCH)]
    pub batch: usize,
    /// Outlet name for documents whose metadata names none (e.g. `--site "BBC News"`).
    #[arg(long)]
    pub site: Option<String>,
    /// No progress bar (it is drawn only on a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
    /// Do not rebuild cross-document entities and claims after indexing.
    #[arg(long)]
    pub no_link: bool,
    /// Directory of model files replacing the embedded ones.
    #[arg(long)]
    pub model: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = crate::pipeline::full(args.model.as_deref()).map_err(anyhow::Error::msg)?;
    // The single call site of the analysis, for each document not already indexed as it is.
    // JSONL input that was analysed already (it has sentences) is stored as it is.
    let analyze = |doc: &mut Doc| -> Result<(), DocError> {
        if !doc.sentences.is_empty() {
            return Ok(());
        }
        pipeline.process(doc)
    };
    // Part of each document's hash: a different pipeline re-analyses everything.
    let mut analyzer = format!(
        "according {} [{}] models {}",
        env!("CARGO_PKG_VERSION"),
        pipeline.stages().join(","),
        env!("ACCORDING_MODELS_ID")
    );
    if let Some(m) = &args.model {
        analyzer.push_str(&format!(" + {}", model_dir_id(m)));
    }
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let read = args.read.options();
    let total = according_ingest::count_docs(&args.paths);
    let opts = IndexOptions {
        batch: args.batch,
        analyzer,
        progress: !args.no_progress,
        default_site: args.site.clone(),
    };
    let summary = index_raw_stream(
        &mut store,
        according_ingest::read_raw(&args.paths, &read),
        total,
        &opts,
        |raw| raw.finish(&read),
        analyze,
        |e| {
            eprintln!(
                "{}",
                serde_json::to_string(e).unwrap_or_else(|_| e.to_string())
            );
        },
    )?;
    eprintln!("according index: {summary}");
    if !args.no_link && (summary.stats.changed() > 0 || store.links_stale()?) {
        let t = std::time::Instant::now();
        let links = store.relink()?;
        eprintln!(
            "according index: linked {} corpus entities, {} claims in {:.1}s",
            links.corpus_entities,
            links.claims,
            t.elapsed().as_secs_f64()
        );
    }
    Ok(if summary.stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Names, sizes and modification times of the model files in `dir`: a new model there
/// re-analyses documents (without reading every model file on each run).
fn model_dir_id(dir: &std::path::Path) -> String {
    let mut parts = vec![dir.display().to_string()];
    for name in ["tagger.bin", "parser.bin", "ner.bin", "attribution.bin"] {
        if let Ok(m) = std::fs::metadata(dir.join(name)) {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            parts.push(format!("{name}:{}:{mtime}", m.len()));
        }
    }
    parts.join(" ")
}
