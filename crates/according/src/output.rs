//! Plumbing shared by the commands that stream documents (`extract`, later `analyze`,
//! `index`): reading flags, output flags, the ordered parallel runner, the writer (JSONL or
//! a human table), error records, the summary line and the exit status.

use according_core::{CharIndex, Doc, DocError, Stage};
use according_ingest::{JsonlFields, RawDoc, ReadOptions};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags that say how to read inputs.
#[derive(clap::Args, Debug, Clone)]
pub struct ReadArgs {
    /// JSONL field holding the article text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// JSONL field holding the URL.
    #[arg(long, default_value = "url")]
    pub url_field: String,
    /// JSONL field holding the title.
    #[arg(long, default_value = "title")]
    pub title_field: String,
    /// JSONL field holding the publication date.
    #[arg(long, default_value = "date")]
    pub date_field: String,
    /// Largest document read, in MB (bigger ones are reported and skipped).
    #[arg(long, default_value_t = 20)]
    pub max_doc_mb: usize,
}

impl ReadArgs {
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            fields: JsonlFields {
                text: self.text_field.clone(),
                id: self.id_field.clone(),
                url: self.url_field.clone(),
                title: self.title_field.clone(),
                date: self.date_field.clone(),
            },
            max_doc_bytes: self.max_doc_mb.saturating_mul(1 << 20),
            ..ReadOptions::default()
        }
    }
}

/// How documents are written.
#[derive(clap::ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// One Doc per line, the public JSON schema.
    #[default]
    Jsonl,
    /// A human view: header, notes, numbered sentences.
    Table,
}

/// Flags that say where documents and errors go.
#[derive(clap::Args, Debug, Clone)]
pub struct OutputArgs {
    /// Write documents to this file instead of stdout.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Also write error records (JSONL `{source,id,stage,reason}`) to this file. Errors always
    /// go to stderr too.
    #[arg(long)]
    pub errors: Option<PathBuf>,
    /// Documents processed per parallel batch (output order is the input order).
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
}

/// The document writer and the run's counts.
pub struct Output {
    out: BufWriter<Box<dyn Write>>,
    errors: Option<BufWriter<std::fs::File>>,
    pub format: Format,
    pub read: u64,
    pub written: u64,
    pub failed: u64,
}

impl Output {
    pub fn open(args: &OutputArgs) -> anyhow::Result<Output> {
        use anyhow::Context;
        let out: Box<dyn Write> = match &args.out {
            Some(p) => Box::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create {}", p.display()))?,
            ),
            None => Box::new(io::stdout()),
        };
        let errors = match &args.errors {
            Some(p) => Some(BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create {}", p.display()))?,
            )),
            None => None,
        };
        Ok(Output {
            out: BufWriter::with_capacity(1 << 20, out),
            errors,
            format: args.format,
            read: 0,
            written: 0,
            failed: 0,
        })
    }

    /// Write one rendered document, or report its error.
    pub fn emit(&mut self, item: Result<String, DocError>) -> io::Result<()> {
        self.read += 1;
        match item {
            Ok(text) => {
                self.out.write_all(text.as_bytes())?;
                self.written += 1;
            }
            Err(e) => self.error(&e)?,
        }
        Ok(())
    }

    /// Report a failed document: stderr, and the error file if any.
    pub fn error(&mut self, e: &DocError) -> io::Result<()> {
        self.failed += 1;
        eprintln!("according: {e}");
        if let Some(w) = &mut self.errors {
            serde_json::to_writer(&mut *w, e)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Flush, print the summary line, and give the exit status (1 if any document failed).
    pub fn finish(mut self) -> anyhow::Result<ExitCode> {
        let flushed = self.out.flush();
        if let Some(w) = &mut self.errors {
            w.flush()?;
        }
        match flushed {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            other => other?,
        }
        eprintln!(
            "read {}, written {}, failed {}",
            self.read, self.written, self.failed
        );
        Ok(if self.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// Render a document in `format` (newline-terminated).
pub fn render(format: Format, doc: &Doc) -> Result<String, DocError> {
    match format {
        Format::Jsonl => according_core::json::to_json_line(doc)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| DocError::new(&doc.source, Stage::Output, e.to_string()).with_id(&doc.id)),
        Format::Table => Ok(table(doc)),
    }
}

fn table(doc: &Doc) -> String {
    use std::fmt::Write;
    let dash = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
    let ix = CharIndex::new(&doc.text);
    let mut s = String::new();
    let _ = writeln!(s, "== {}  ({})", doc.id, doc.source);
    let _ = writeln!(s, "title: {}", dash(&doc.meta.title));
    let _ = writeln!(s, "url:   {}", dash(&doc.meta.url));
    let _ = writeln!(s, "date:  {}", dash(&doc.meta.published));
    let _ = writeln!(
        s,
        "{} chars, {} sentences, {} notes",
        ix.char_of(doc.text.len()),
        doc.sentences.len(),
        doc.notes.len()
    );
    for n in &doc.notes {
        let (a, b) = ix.span_to_chars(n.span);
        let kind = serde_json::to_value(n.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let _ = writeln!(s, "  note {kind} [{a}, {b}): {}", n.detail);
    }
    for (i, sent) in doc.sentences.iter().enumerate() {
        let text = doc
            .slice(sent.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(s, "{:>4}  {text}", i + 1);
    }
    if doc.sentences.is_empty() {
        let preview: String = doc
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(300)
            .collect();
        let _ = writeln!(s, "   -  (not segmented) {preview}…");
    }
    s.push('\n');
    s
}

/// Run `f` on a document, turning a panic into an error for `stage` (one bad document must
/// not end the run).
pub fn guarded<T>(
    source: &str,
    id: &str,
    stage: Stage,
    f: impl FnOnce() -> T,
) -> Result<T, DocError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        DocError::new(source, stage, format!("panic: {msg}")).with_id(id)
    })
}

/// Read `inputs`, finish and process each document with `process` in parallel batches, and
/// write them in input order. Memory stays at about three batches.
pub fn run_docs(
    inputs: impl Iterator<Item = Result<RawDoc, DocError>> + Send,
    opts: &ReadOptions,
    batch: usize,
    out: &mut Output,
    process: impl Fn(Doc) -> Result<Doc, DocError> + Sync,
) -> anyhow::Result<()> {
    let format = out.format;
    run_docs_with(inputs, opts, batch, out, process, |doc| render(format, doc))
}

/// [`run_docs`] with a custom renderer (`analyze` prints attribution tables).
pub fn run_docs_with(
    inputs: impl Iterator<Item = Result<RawDoc, DocError>> + Send,
    opts: &ReadOptions,
    batch: usize,
    out: &mut Output,
    process: impl Fn(Doc) -> Result<Doc, DocError> + Sync,
    render: impl Fn(&Doc) -> Result<String, DocError> + Sync,
) -> anyhow::Result<()> {
    // Stages recurse over trees; rayon's default 2 MB stacks are small for hostile input.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(64 << 20)
        .build_global();
    let work = |item: Result<RawDoc, DocError>| -> Result<String, DocError> {
        let raw = item?;
        let (source, id) = (raw.source.clone(), raw.id.clone());
        let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| raw.finish(opts)))
            .map_err(|_| {
                DocError::new(&source, Stage::Read, "panic while reading").with_id(&id)
            })??;
        render(&process(doc)?)
    };
    let res = par_map_ordered(
        inputs,
        batch.max(1),
        |r| r.as_ref().map_or(0, RawDoc::len),
        work,
        |r| out.emit(r),
    );
    match res {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Batch bound in bytes, besides the count: a batch of large documents stays small.
const BATCH_BYTES: usize = 64 << 20;

/// Map `items` through `f` on the rayon pool, batch by batch, and hand the results to `emit`
/// in input order. Items are pulled on a separate thread, one batch ahead.
pub fn par_map_ordered<T: Send, U: Send>(
    items: impl Iterator<Item = T> + Send,
    batch: usize,
    weight: impl Fn(&T) -> usize + Sync,
    f: impl Fn(T) -> U + Sync,
    mut emit: impl FnMut(U) -> io::Result<()>,
) -> io::Result<()> {
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
        let weight = &weight;
        s.spawn(move || {
            let mut cur = Vec::with_capacity(batch);
            let mut bytes = 0;
            for item in items {
                bytes += weight(&item);
                cur.push(item);
                if cur.len() >= batch || bytes >= BATCH_BYTES {
                    if tx
                        .send(std::mem::replace(&mut cur, Vec::with_capacity(batch)))
                        .is_err()
                    {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !cur.is_empty() {
                let _ = tx.send(cur);
            }
        });
        for chunk in rx {
            let results: Vec<U> = chunk.into_par_iter().map(&f).collect();
            for r in results {
                emit(r)?;
            }
        }
        Ok(())
    })
}
