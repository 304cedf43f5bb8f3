//! WARC reading throughput (MB/s of uncompressed WARC): framing, record selection and HTTP
//! head parsing, as `read_raw` does; plain and per-record gzip.
//! Run: `cargo bench -p according-ingest --bench warc_read`.

use according_ingest::{read_stream, ReadOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "support/synth_warc.rs"]
mod synth_warc;

fn bench(c: &mut Criterion) {
    let mut plain = Vec::new();
    let (size, pages) = synth_warc::write_warc(&mut plain, 64 << 20, false).unwrap();
    let mut gz = Vec::new();
    synth_warc::write_warc(&mut gz, 64 << 20, true).unwrap();
    let opts = ReadOptions::default();
    let mut g = c.benchmark_group("warc_read");
    g.throughput(Throughput::Bytes(size));
    g.sample_size(10);
    g.bench_function("warc", |b| {
        b.iter(|| {
            let n = read_stream(std::io::Cursor::new(plain.clone()), "bench.warc", &opts)
                .filter(|r| r.is_ok())
                .count();
            assert_eq!(n as u64, pages);
        })
    });
    g.bench_function("warc.gz", |b| {
        b.iter(|| {
            let n = read_stream(std::io::Cursor::new(gz.clone()), "bench.warc.gz", &opts)
                .filter(|r| r.is_ok())
                .count();
            assert_eq!(n as u64, pages);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
