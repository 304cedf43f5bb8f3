//! Attribution extraction speed on BBC News articles (already cleaned, segmented and tagged),
//! next to the time of those NLP stages themselves.
use according_attrib::{nlp::Prep, Extractor};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "common/bbc.rs"]
mod bbc;
use bbc::bbc_docs;

fn bench(c: &mut Criterion) {
    let prep = Prep::embedded();
    let ex = Extractor::embedded().unwrap();
    let raw = bbc_docs(60);
    let words: usize = raw.iter().map(|d| d.text.split_whitespace().count()).sum();
    let mut prepared = raw.clone();
    for d in &mut prepared {
        prep.run(d);
    }
    let mut g = c.benchmark_group("attrib");
    g.throughput(Throughput::Elements(words as u64));
    g.sample_size(10);
    g.bench_function("clean+segment+tag (reference)", |b| {
        b.iter(|| {
            for d in &raw {
                let mut d = d.clone();
                prep.run(&mut d);
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &prepared {
                let mut d = d.clone();
                ex.extract(&mut d);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
