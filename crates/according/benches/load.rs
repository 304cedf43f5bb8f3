//! Model load time, in wall time (what a user waits for before the first document), with the
//! crate features the `according` binary is built with:
//!
//! `cargo bench -p according --bench load`
//!
//! `load/{tagger,parser,ner}` load one embedded model; `load/nlp_core` builds the standard
//! pipeline (all three, as `according analyze` does); `load/attribution` the extractor.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("tagger", |b| {
        b.iter(|| black_box(according_tagger::Tagger::embedded().unwrap()))
    });
    g.bench_function("parser", |b| {
        b.iter(|| black_box(according_parser::Parser::embedded().unwrap()))
    });
    g.bench_function("ner", |b| {
        b.iter(|| black_box(according_ner::Ner::embedded().unwrap()))
    });
    g.bench_function("nlp_core", |b| {
        b.iter(|| black_box(according_nlp::Pipeline::embedded().unwrap()))
    });
    g.bench_function("attribution", |b| {
        b.iter(|| black_box(according_attrib::Extractor::embedded().unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
