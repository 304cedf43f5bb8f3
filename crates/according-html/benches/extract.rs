//! Pages/s of `according_html::extract` on the Zyte benchmark pages (skipped if absent).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html/zyte");
    let Ok(pages) = according_html::eval::load_zyte(&dir) else {
        eprintln!("Zyte pages not found at {}: skipping", dir.display());
        return;
    };
    let mut group = c.benchmark_group("zyte");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("extract_all_pages", |b| {
        b.iter(|| {
            for p in &pages {
                let _ = std::hint::black_box(according_html::extract(&p.html, Some(&p.url)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
