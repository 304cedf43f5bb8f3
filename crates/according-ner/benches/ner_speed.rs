//! NER throughput on BBC 2005 text (the first 100 articles of each of the five sections, lines
//! split into rough words), one thread, reported as tokens/s:
//! `cargo bench -p according-ner --bench ner_speed`.
use according_ner::Ner;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod bbc;

fn bench(c: &mut Criterion) {
    let t = std::time::Instant::now();
    let ner = Ner::embedded().expect("embedded model");
    eprintln!("model load: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let docs = bbc::documents(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data"
    )));
    let sents = bbc::sentences(&docs);
    let n_tokens: usize = sents.iter().flatten().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(10);
    g.bench_function("bbc_500_docs", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &sents {
                let mut rec = ner.document();
                for s in d {
                    n += rec.sentence(s).len();
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
