//! Run extraction alone over BBC articles prepared once, for a profiler:
//! `cargo run --release -p according-attrib --example extract_profile -- [DOCS [ROUNDS]]`
//! (e.g. under `valgrind --tool=callgrind`). Prints a checksum of the output so two builds
//! can be compared for identical results. `ATTRIB_MODEL=DIR` loads `DIR/attribution.bin`.
use according_attrib::{nlp::Prep, Extractor};
use according_core::Doc;
use std::hash::{Hash, Hasher};

#[path = "../benches/common/bbc.rs"]
mod bbc;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let prep = Prep::embedded();
    // ATTRIB_MODEL=DIR: another model than the embedded one.
    let ex = match std::env::var("ATTRIB_MODEL") {
        Ok(dir) => Extractor::load(std::path::Path::new(&dir)).unwrap(),
        Err(_) => Extractor::embedded().unwrap(),
    };
    let docs: Vec<Doc> = bbc::bbc_docs(n)
        .into_iter()
        .map(|mut d| {
            prep.run(&mut d);
            d
        })
        .collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut tokens = 0usize;
    let mut last = Vec::new();
    // Only extraction is timed: copying the prepared documents and dropping the results
    // (about a fifth of the time around it) are not.
    let (mut dt, mut cpu) = (0.0, 0.0);
    for _ in 0..rounds {
        last = docs.clone();
        let t0 = std::time::Instant::now();
        let c0 = cpu_seconds();
        for d in &mut last {
            ex.extract(d);
            tokens += d.tokens.len();
        }
        cpu += cpu_seconds() - c0;
        dt += t0.elapsed().as_secs_f64();
    }
    for d in &last {
        let json = serde_json::to_string(&according_core::json::DocJson::from_doc(d)).unwrap();
        json.hash(&mut h);
    }
    println!(
        "{} docs x {rounds}: {tokens} tokens in {dt:.3}s wall, {cpu:.3}s on CPU ({:.0} tokens per CPU-second), checksum {:016x}",
        docs.len(),
        tokens as f64 / cpu,
        h.finish()
    );
}

/// Time this thread has spent on a CPU (Linux: /proc/thread-self/schedstat), so a busy
/// machine slows the measure less than wall time; elsewhere, wall time since the first call.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(|ns| ns as f64 / 1e9)
        .unwrap_or_else(|| {
            START
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_secs_f64()
        })
}
