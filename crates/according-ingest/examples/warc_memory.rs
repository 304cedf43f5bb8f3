//! Streams a large generated WARC.gz and reports throughput and peak memory.
//!
//! `cargo run --release -p according-ingest --example warc_memory [SIZE_MB] [PATH]`
//! (defaults: 1024 MB uncompressed, /tmp/according-bench-1g.warc.gz; generated once, reused).
//! Pass a path ending in `.warc` for an uncompressed file.

use according_ingest::{read_raw, ReadOptions};
use std::time::Instant;

#[path = "../benches/support/synth_warc.rs"]
mod synth_warc;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn keep_html(html: &str, _: Option<&str>) -> Result<according_html::Article, String> {
    Ok(according_html::Article {
        text: html.to_string(),
        ..Default::default()
    })
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let mb: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1024);
    let path = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "/tmp/according-bench-1g.warc.gz".into());
    if !std::path::Path::new(&path).exists() {
        let t = Instant::now();
        let f = std::io::BufWriter::new(std::fs::File::create(&path)?);
        let (bytes, pages) = synth_warc::write_warc(f, mb << 20, path.ends_with(".gz"))?;
        eprintln!(
            "generated {path}: {:.0} MB uncompressed, {pages} pages, {:.1}s",
            bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }
    let on_disk = std::fs::metadata(&path)?.len() as f64 / 1e6;
    let opts = ReadOptions {
        html_extractor: keep_html,
        ..ReadOptions::default()
    };

    let t = Instant::now();
    let (mut docs, mut errs, mut bytes) = (0u64, 0u64, 0u64);
    for item in read_raw(std::slice::from_ref(&path), &opts) {
        match item {
            Ok(raw) => {
                docs += 1;
                bytes += raw.len() as u64;
            }
            Err(_) => errs += 1,
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "read_raw: {docs} docs, {errs} errors, {:.0} MB of HTTP blocks from {on_disk:.0} MB on disk in {secs:.2}s: {:.0} MB/s on disk, peak RSS {:.1} MB",
        bytes as f64 / 1e6,
        on_disk / secs,
        peak_rss_mb()
    );

    let t = Instant::now();
    let mut text = 0u64;
    for item in read_raw(std::slice::from_ref(&path), &opts) {
        if let Ok(doc) = item.and_then(|raw| raw.finish(&opts)) {
            text += doc.text.len() as u64;
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "read_raw + finish (HTTP payload + charset decoding, stub extractor): {:.0} MB text in {secs:.2}s: {:.0} MB/s on disk, peak RSS {:.1} MB",
        text as f64 / 1e6,
        on_disk / secs,
        peak_rss_mb()
    );
    Ok(())
}
