//! Attribution extraction speed on BBC News articles (already cleaned, segmented and tagged),
//! next to the time of those NLP stages themselves.
use according_attrib::{nlp::Prep, Extractor};
use according_core::Doc;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bbc_docs(n: usize) -> Vec<Doc> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let mut paths = Vec::new();
    for cat in [
        "politics",
        "business",
        "world",
        "entertainment",
        "sport",
        "tech",
    ] {
        if let Ok(rd) = std::fs::read_dir(format!("{root}/{cat}")) {
            let mut v: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            v.sort();
            paths.extend(v.into_iter().take(n / 6 + 1));
        }
    }
    paths
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|t| Doc::new(p.display().to_string(), p.display().to_string(), t))
        })
        .collect()
}

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
