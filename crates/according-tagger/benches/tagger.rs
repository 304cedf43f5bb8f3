//! Tagger throughput on BBC news sentences (tokens/s) and model load time.
//! `cargo bench -p according-tagger` (needs ../shared/data).
use according_tagger::clusters::simple_sentences;
use according_tagger::{TagScratch, Tagger};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// Sentences of the first `n` BBC business articles (split after `.`, `?`, `!` tokens).
fn bbc_sentences(n: usize) -> Vec<Vec<String>> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005/business"
    );
    let mut sents = Vec::new();
    for i in 1..=n {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{i:03}.txt")) else {
            continue;
        };
        sents.extend(simple_sentences(&text));
    }
    sents
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::embedded().unwrap();
    let sents = bbc_sentences(100);
    let refs: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(|w| w.as_str()).collect())
        .collect();
    let n_tokens: usize = refs.iter().map(|s| s.len()).sum();
    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(20);
    g.bench_function("tags_only", |b| {
        let mut s = TagScratch::default();
        let mut ids = Vec::new();
        b.iter(|| {
            for words in &refs {
                tagger.tag_ids(words, &mut s, &mut ids);
                black_box(&ids);
            }
        })
    });
    g.bench_function("tags_and_lemmas", |b| {
        b.iter(|| {
            for words in &refs {
                black_box(tagger.tag(words));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("tagger_load");
    g.sample_size(10);
    g.bench_function("embedded", |b| {
        b.iter(|| black_box(Tagger::embedded().unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
