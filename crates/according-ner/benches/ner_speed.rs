//! NER throughput on BBC 2005 text (the first 100 articles of each of the five sections, lines
//! split into rough words), one thread, reported as tokens/s:
//! `cargo bench -p according-ner --bench ner_speed`.
use according_ner::train::rough_words;
use according_ner::Ner;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bbc_documents() -> Vec<String> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let mut out = Vec::new();
    for section in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = std::path::Path::new(root).join(section);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths.iter().take(100) {
            out.push(String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let t = std::time::Instant::now();
    let ner = Ner::embedded().expect("embedded model");
    eprintln!("model load: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let docs = bbc_documents();
    let sents: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.lines()
                .map(rough_words)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
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
