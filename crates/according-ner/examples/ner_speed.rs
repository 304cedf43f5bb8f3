//! Tokens per second of the recognizer on BBC 2005 text, one thread:
//! `cargo run --release -p according-ner --example ner_speed -- [MODEL] [DATA] [REPEATS]`.
use according_ner::Ner;
use std::path::Path;

#[path = "../benches/bbc.rs"]
mod bbc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t0 = std::time::Instant::now();
    let ner = match args.get(1).filter(|s| !s.is_empty()) {
        Some(m) => Ner::load(Path::new(m)).expect("model"),
        None => Ner::embedded().expect("embedded model"),
    };
    let load = t0.elapsed();
    let data = Path::new(args.get(2).map_or("../shared/data", String::as_str));
    let repeats: usize = args.get(3).map_or(3, |s| s.parse().expect("repeats"));
    let docs = bbc::documents(data);
    let sents = bbc::sentences(&docs);
    let n: usize = sents.iter().flatten().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut found = 0;
    // Output checksum (every mention's sentence, span and type), so a faster build can show
    // it finds the same: FNV over the mentions' debug text.
    let mut sum = 0xcbf2_9ce4_8422_2325u64;
    for (k, d) in sents.iter().enumerate() {
        let mut rec = ner.document();
        for (j, s) in d.iter().enumerate() {
            for m in rec.sentence(s) {
                for &x in format!("{k} {j} {m:?}\n").as_bytes() {
                    sum = (sum ^ x as u64).wrapping_mul(0x100_0000_01b3);
                }
            }
        }
    }
    for _ in 0..repeats {
        let t = std::time::Instant::now();
        let cpu = thread_cpu_seconds();
        found += recognize_all(&ner, &sents);
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "load {:.0} ms; {} docs, {n} tokens: {:.0} tokens/s, {:.0} tokens per CPU-second (best of {repeats}; {} mentions)",
        load.as_secs_f64() * 1000.0,
        sents.len(),
        n as f64 / best,
        n as f64 / best_cpu,
        found / repeats.max(1)
    );
    println!("output checksum: {sum:016x}");
}

/// CPU time of this thread in seconds, from /proc/thread-self/schedstat (nanoseconds): on a
/// shared machine it, unlike the wall clock, does not count time spent waiting for a core.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// One pass over every document; the number of mentions found. Its own function, so callgrind
/// can count it alone: `--collect-atstart=no --toggle-collect='ner_speed::recognize_all'`.
#[inline(never)]
fn recognize_all(ner: &Ner, sents: &[Vec<Vec<&str>>]) -> usize {
    let mut found = 0;
    for d in sents {
        let mut rec = ner.document();
        for s in d {
            found += rec.sentence(s).len();
        }
    }
    found
}
