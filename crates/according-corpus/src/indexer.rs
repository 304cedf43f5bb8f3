//! The indexing driver behind `according index`: pull documents, skip the ones already
//! indexed unchanged, analyse the rest in parallel, write each batch in one transaction, show
//! progress on a terminal, and report failed documents without stopping.

use crate::hash::input_hash;
use crate::store::{IndexStats, Outcome, Store, DEFAULT_BATCH};
use according_core::{Doc, DocError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::time::Instant;

/// How to index.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Documents per transaction.
    pub batch: usize,
    /// Name and version of the analysis; part of each document's hash, so a new pipeline
    /// re-analyses documents it would otherwise skip.
    pub analyzer: String,
    /// Show a progress bar (only drawn when stderr is a terminal).
    pub progress: bool,
    /// Outlet for documents whose metadata names none.
    pub default_site: Option<String>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            batch: DEFAULT_BATCH,
            analyzer: String::new(),
            progress: true,
            default_site: None,
        }
    }
}

/// Counts and timing of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct IndexSummary {
    pub read: usize,
    pub stats: IndexStats,
    pub seconds: f64,
}

impl IndexSummary {
    pub fn docs_per_sec(&self) -> f64 {
        self.read as f64 / self.seconds.max(1e-9)
    }
}

impl std::fmt::Display for IndexSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.stats;
        write!(
            f,
            "read {}, indexed {} (new {}, replaced {}), unchanged {}, failed {} in {:.1}s ({:.0} docs/s)",
            self.read,
            s.changed(),
            s.inserted,
            s.replaced,
            s.unchanged,
            s.failed,
            self.seconds,
            self.docs_per_sec()
        )
    }
}

fn progress_bar(total: Option<u64>, enabled: bool) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    pb.set_draw_target(ProgressDrawTarget::stderr());
    let tpl = if total.is_some() {
        "{bar:40} {pos}/{len} docs  {per_sec}  ETA {eta}  {msg}"
    } else {
        "{spinner} {pos} docs  {per_sec}  {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(tpl) {
        pb.set_style(style);
    }
    pb
}

/// Index a stream of documents. `analyze` runs on each document not already indexed as it is
/// (this is the single place the analysis pipeline is called); `on_error` receives each failed
/// document's record. Only a database error stops the run.
pub fn index_stream<I, F, E>(
    store: &mut Store,
    docs: I,
    total: Option<u64>,
    opts: &IndexOptions,
    analyze: F,
    on_error: E,
) -> rusqlite::Result<IndexSummary>
where
    I: Iterator<Item = Result<Doc, DocError>>,
    F: Fn(&mut Doc) -> Result<(), DocError> + Sync,
    E: FnMut(&DocError),
{
    index_raw_stream(store, docs, total, opts, Ok, analyze, on_error)
}

/// [`index_stream`] over items that still need a costly step to become [`Doc`]s (decoding,
/// HTML extraction: `according_ingest::RawDoc::finish`); `prepare` runs on a whole batch in
/// parallel before documents are hashed and compared with the store.
pub fn index_raw_stream<T, I, P, F, E>(
    store: &mut Store,
    docs: I,
    total: Option<u64>,
    opts: &IndexOptions,
    prepare: P,
    analyze: F,
    mut on_error: E,
) -> rusqlite::Result<IndexSummary>
where
    T: Send,
    I: Iterator<Item = Result<T, DocError>>,
    P: Fn(T) -> Result<Doc, DocError> + Sync,
    F: Fn(&mut Doc) -> Result<(), DocError> + Sync,
    E: FnMut(&DocError),
{
    let start = Instant::now();
    let pb = progress_bar(total, opts.progress);
    let mut summary = IndexSummary::default();
    let batch_size = opts.batch.max(1);
    let mut docs = docs.peekable();
    while docs.peek().is_some() {
        let items: Vec<Result<T, DocError>> = docs.by_ref().take(batch_size).collect();
        summary.read += items.len();
        let prepared: Vec<Result<Doc, DocError>> = items
            .into_par_iter()
            .map(|item| item.and_then(&prepare))
            .collect();
        let mut todo: Vec<(Doc, String)> = Vec::with_capacity(batch_size);
        for item in prepared {
            match item {
                Err(e) => {
                    summary.stats.failed += 1;
                    pb.suspend(|| on_error(&e));
                    pb.inc(1);
                }
                Ok(mut doc) => {
                    if doc.meta.site.is_none() {
                        doc.meta.site = opts.default_site.clone();
                    }
                    let hash = input_hash(&doc, &opts.analyzer);
                    if store.indexed_hash(&doc.id)?.as_deref() == Some(hash.as_str()) {
                        summary.stats.add(Outcome::Unchanged);
                        pb.inc(1);
                    } else {
                        todo.push((doc, hash));
                    }
                }
            }
        }
        let analysed: Vec<Result<(Doc, String), DocError>> = todo
            .into_par_iter()
            .map(|(mut doc, hash)| analyze(&mut doc).map(|()| (doc, hash)))
            .collect();
        let mut ok = Vec::with_capacity(analysed.len());
        for r in analysed {
            match r {
                Ok(x) => ok.push(x),
                Err(e) => {
                    summary.stats.failed += 1;
                    pb.suspend(|| on_error(&e));
                    pb.inc(1);
                }
            }
        }
        for (outcome, err) in store.write_batch(&ok)? {
            match err {
                Some(e) => {
                    summary.stats.failed += 1;
                    pb.suspend(|| on_error(&e));
                }
                None => summary.stats.add(outcome),
            }
            pb.inc(1);
        }
    }
    pb.finish_and_clear();
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}
