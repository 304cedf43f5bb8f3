//! `cargo run --release -p according-parser --example parser_speed [MODEL.bin]`: model load time and
//! parsing tokens/s on 50k tokens of BBC News (tagged by the embedded tagger before timing).
//! `PARSER_UNCACHED=1` times the decoder without its per-sentence cache of static scores.
#[path = "common/decoding_env.rs"]
mod decoding_env;
use according_parser::Parser;
use std::path::Path;

#[path = "../benches/bbc.rs"]
mod bbc;

fn main() -> Result<(), String> {
    if let Some(p) = std::env::args().nth(1) {
        load_phases(&p);
    }
    let t0 = std::time::Instant::now();
    let c0 = cpu_ns();
    let mut parser = match std::env::args().nth(1) {
        Some(p) => Parser::load(Path::new(&p))?,
        None => Parser::embedded()?,
    };
    decoding_env::apply(&mut parser)?;
    println!("beam width {}", parser.beam());
    println!(
        "load: {:.0} ms wall, {:.0} ms CPU",
        t0.elapsed().as_secs_f64() * 1000.0,
        (cpu_ns() - c0) as f64 / 1e6
    );
    let sents = bbc::tagged_sentences(50_000);
    let tokens: usize = sents.iter().map(|s| s.0.len()).sum();
    let refs: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = sents
        .iter()
        .map(|(w, u, x)| (strs(w), strs(u), strs(x)))
        .collect();
    // `PARSER_UNCACHED=1`: time the reference decoder without the static-score cache.
    let uncached = std::env::var_os("PARSER_UNCACHED").is_some();
    let (mut best, mut best_cpu) = (0f64, 0f64);
    // Each run parses the sentences `PARSER_PASSES` times (default 4): the CPU clock may
    // tick in steps of a few milliseconds, so a run should take some hundred.
    let passes: usize = match std::env::var("PARSER_PASSES") {
        Ok(p) => p.parse().map_err(|_| "bad PARSER_PASSES")?,
        Err(_) => 4,
    };
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let c = cpu_ns();
        let mut heads = 0u64;
        for _ in 0..passes {
            for (w, u, x) in &refs {
                let tree = if uncached {
                    parser.parse_uncached(w, u, x)
                } else {
                    parser.parse(w, u, x)
                };
                heads += tree.iter().map(|p| p.0 as u64).sum::<u64>();
            }
        }
        let parsed = (tokens * passes) as f64;
        best = best.max(parsed / t.elapsed().as_secs_f64());
        best_cpu = best_cpu.max(parsed * 1e9 / (cpu_ns() - c).max(1) as f64);
        std::hint::black_box(heads);
    }
    println!(
        "{tokens} tokens in {} sentences, {passes} passes per run: best of 5 runs {best:.0} \
         tokens/s wall, {best_cpu:.0} tokens per CPU-second",
        sents.len()
    );
    Ok(())
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Nanoseconds this thread has run on a CPU (Linux; 0 elsewhere), so a loaded machine's
/// waiting time does not count.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

#[allow(dead_code)]
fn load_phases(path: &str) {
    let data = std::fs::read(path).unwrap();
    let t = cpu_ns();
    let mf = according_ml::modelfile::ModelFile::from_bytes(&data, "parser", 1).unwrap();
    eprintln!("decompress: {:.0} ms CPU", (cpu_ns() - t) as f64 / 1e6);
    let t = cpu_ns();
    let w = according_ml::perceptron::Weights::read(&mut according_ml::modelfile::ByteReader::new(
        mf.section("transitions").unwrap(),
    ))
    .unwrap();
    let w2 = according_ml::perceptron::Weights::read(
        &mut according_ml::modelfile::ByteReader::new(mf.section("labeler").unwrap()),
    )
    .unwrap();
    eprintln!(
        "weights read: {:.0} ms CPU ({} + {} rows)",
        (cpu_ns() - t) as f64 / 1e6,
        w.n_features(),
        w2.n_features()
    );
}
