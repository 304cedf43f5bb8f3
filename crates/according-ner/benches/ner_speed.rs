//! NER throughput on BBC 2005 text (lines split into rough words):
//! `cargo bench -p according-ner --bench ner_speed`.
use according_ner::train::rough_words;
use according_ner::Ner;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bbc_sentences() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005/politics"
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut out = Vec::new();
    for p in paths.iter().take(60) {
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(String::from),
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let ner = Ner::embedded().expect("embedded model");
    let lines = bbc_sentences();
    let sents: Vec<Vec<&str>> = lines.iter().map(|l| rough_words(l)).collect();
    let n_tokens: usize = sents.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(10);
    g.bench_function("bbc_politics_60_docs", |b| {
        b.iter(|| {
            let mut rec = ner.document();
            let mut n = 0;
            for s in &sents {
                n += rec.sentence(s).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
