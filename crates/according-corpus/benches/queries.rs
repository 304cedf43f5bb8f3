//! Query latency on an indexed corpus.
//!
//! `ACCORDING_BENCH_DB=corpus.db cargo bench -p according-corpus --bench queries` measures a
//! database built by `according index` (e.g. the BBC corpus); without it, a synthetic corpus of
//! 3,000 analysed documents is indexed in memory first.

// The tests' fixture builders; the bench uses their `synthetic` documents.
#[path = "../tests/common/mod.rs"]
mod common;

use according_corpus::Store;
use common::synthetic;
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::OptionalExtension;

fn open() -> Store {
    if let Ok(db) = std::env::var("ACCORDING_BENCH_DB") {
        return Store::open(db).expect("open ACCORDING_BENCH_DB");
    }
    let mut s = Store::open_in_memory().unwrap();
    s.index_docs((0..3000).map(synthetic)).unwrap();
    s.relink().unwrap();
    s
}

/// A frequent source and outlet of the store, so the bench asks about things that exist.
fn probe(s: &Store) -> (String, String, String, i64) {
    let q = |sql: &str| -> String {
        s.conn()
            .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .optional()
            .unwrap()
            .flatten()
            .unwrap_or_default()
    };
    let source = q(
        "SELECT c.name FROM attributions a JOIN corpus_entities c ON c.id = a.source_corpus_entity
                    GROUP BY c.id ORDER BY count(*) DESC LIMIT 1",
    );
    let outlet = q("SELECT o.name FROM documents d JOIN outlets o ON o.id = d.outlet GROUP BY o.id ORDER BY count(*) DESC LIMIT 1");
    let word = q("SELECT content_text FROM attributions ORDER BY id LIMIT 1");
    let word = word
        .split_whitespace()
        .filter(|w| w.len() > 4)
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let claim = s.conn().query_row("SELECT coalesce(max(id), 0) FROM claims WHERE n_docs = (SELECT max(n_docs) FROM claims)", [], |r| r.get(0)).unwrap();
    (source, outlet, word, claim)
}

fn bench(c: &mut Criterion) {
    let s = open();
    let (source, outlet, words, claim) = probe(&s);
    eprintln!("bench probes: source={source:?} outlet={outlet:?} words={words:?} claim={claim}");
    let mut g = c.benchmark_group("queries");
    g.sample_size(20);
    g.bench_function("who_said", |b| b.iter(|| s.who_said(&words, 20).unwrap()));
    g.bench_function("said_by", |b| b.iter(|| s.said_by(&source, 20).unwrap()));
    g.bench_function("quoted_about", |b| {
        b.iter(|| s.quoted_about(&source, 20).unwrap())
    });
    g.bench_function("outlet_sources", |b| {
        b.iter(|| s.outlet_sources(&outlet, 20).unwrap())
    });
    g.bench_function("source_outlets", |b| {
        b.iter(|| s.source_outlets(&source, 20).unwrap())
    });
    g.bench_function("top_claims", |b| b.iter(|| s.top_claims(20).unwrap()));
    g.bench_function("sourcing_by_outlet", |b| {
        b.iter(|| s.sourcing_by_outlet(20).unwrap())
    });
    g.bench_function("claim_timeline", |b| {
        b.iter(|| s.claim_timeline(claim).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
