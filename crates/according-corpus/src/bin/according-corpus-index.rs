//! `according-corpus-index DB PATH... [--batch N] [--delay-us N]`: index inputs read by
//! `according_ingest` without running any analysis (JSONL of analysed Docs is stored as it
//! is; other documents get no annotations), then relink. A small
//! stand-alone indexer for the crash-safety test and for loading pre-analysed corpora;
//! `--delay-us` sleeps per document to stand in for analysis time.

use according_corpus::indexer::{index_raw_stream, IndexOptions};
use according_corpus::Store;
use according_ingest::ReadOptions;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = IndexOptions {
        analyzer: "according-corpus-index".into(),
        ..Default::default()
    };
    let mut delay_us = 0u64;
    let take = |flag: &str, args: &mut Vec<String>| -> Option<String> {
        let i = args.iter().position(|a| a == flag)?;
        args.remove(i);
        (i < args.len()).then(|| args.remove(i))
    };
    if let Some(b) = take("--batch", &mut args) {
        opts.batch = b.parse().unwrap_or(opts.batch);
    }
    if let Some(d) = take("--delay-us", &mut args) {
        delay_us = d.parse().unwrap_or(0);
    }
    if args.len() < 2 {
        eprintln!("usage: according-corpus-index DB PATH... [--batch N] [--delay-us N]");
        return ExitCode::from(2);
    }
    let db = args.remove(0);
    let run = || -> rusqlite::Result<bool> {
        let mut store = Store::open(&db)?;
        let read = ReadOptions::default();
        let total = according_ingest::count_docs(&args);
        let mut failed = false;
        let summary = index_raw_stream(
            &mut store,
            according_ingest::read_raw(&args, &read),
            total,
            &opts,
            |raw| raw.finish(&read),
            |_doc| {
                if delay_us > 0 {
                    std::thread::sleep(std::time::Duration::from_micros(delay_us));
                }
                Ok(())
            },
            |e| {
                failed = true;
                eprintln!("{}", serde_json::to_string(e).unwrap_or_default());
            },
        )?;
        let links = store.relink()?;
        eprintln!(
            "{summary}; {} corpus entities, {} claims",
            links.corpus_entities, links.claims
        );
        Ok(failed)
    };
    match run() {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(e) => {
            eprintln!("according-corpus-index: {e}");
            ExitCode::from(2)
        }
    }
}
