//! Throughput of clean + segment on BBC News articles (../shared/data/news/bbc-2005).

use according_core::Doc;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn load_bbc() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc-2005");
    let mut texts = Vec::new();
    let Ok(dirs) = std::fs::read_dir(&root) else {
        return texts;
    };
    let mut dirs: Vec<_> = dirs
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        let Ok(files) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut files: Vec<_> = files.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            // Some BBC files are Latin-1: decode lossily, as a reader would.
            if let Ok(bytes) = std::fs::read(&f) {
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = load_bbc();
    if texts.is_empty() {
        eprintln!("BBC corpus not found next to the repository; nothing to benchmark");
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("bbc-2005");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("clean+segment", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let mut doc = Doc::new("b", "bench", t.as_str());
                according_text::clean(&mut doc);
                according_text::segment(&mut doc);
                n += doc.tokens.len();
            }
            n
        })
    });
    g.bench_function("segment only", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| according_text::split_sentences(t).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
