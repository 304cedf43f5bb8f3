//! Parser throughput on BBC News sentences (tokens/s): the sentences are tokenized and tagged
//! by the embedded tagger once, before timing, so the bench times the parser alone.
use according_parser::Parser;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod bbc;

fn bench(c: &mut Criterion) {
    let parser = Parser::embedded().expect("embedded parser");
    let sents = bbc::tagged_sentences(50_000);
    let refs: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = sents
        .iter()
        .map(|(w, u, x)| (strs(w), strs(u), strs(x)))
        .collect();
    let tokens: usize = sents.iter().map(|s| s.0.len()).sum();
    let mut g = c.benchmark_group("parser");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(10);
    g.bench_function("parse_bbc_50k_tokens", |b| {
        b.iter(|| {
            let mut heads = 0u64;
            for (w, u, x) in &refs {
                heads += parser
                    .parse(w, u, x)
                    .iter()
                    .map(|p| p.0 as u64)
                    .sum::<u64>();
            }
            heads
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}
