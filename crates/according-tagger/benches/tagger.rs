//! Tagger throughput on BBC news sentences (tokens/s) and model load time.
use criterion::{criterion_group, criterion_main, Criterion};

fn main_bench(_c: &mut Criterion) {}

criterion_group!(benches, main_bench);
criterion_main!(benches);
