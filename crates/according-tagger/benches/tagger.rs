//! Tagger throughput on BBC news sentences (tokens/s) and model load time.
//! `cargo bench -p according-tagger` (needs ../shared/data).
use according_tagger::{TagScratch, Tagger};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A rough UD-like tokenization (the real tokenizer lives in according-text): whitespace, then
/// punctuation split off the ends, `n't` and `'s` split off.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in line.split_whitespace() {
        let mut w = raw;
        let mut tail = Vec::new();
        while let Some(c) = w.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(c.to_string());
            w = &w[c.len_utf8()..];
        }
        while let Some(c) = w.chars().last().filter(|c| !c.is_alphanumeric()) {
            tail.push(c.to_string());
            w = &w[..w.len() - c.len_utf8()];
        }
        for suf in ["n't", "'s"] {
            if w.len() > suf.len() && w.ends_with(suf) {
                tail.push(suf.to_string());
                w = &w[..w.len() - suf.len()];
                break;
            }
        }
        if !w.is_empty() {
            out.push(w.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

/// Sentences of the first `n` BBC business articles (split after `.`, `?`, `!` tokens).
fn bbc_sentences(n: usize) -> Vec<Vec<String>> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005/business"
    );
    let mut sents = Vec::new();
    for i in 1..=n {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{i:03}.txt")) else {
            continue;
        };
        let mut cur = Vec::new();
        for t in text.lines().flat_map(tokens) {
            let end = matches!(t.as_str(), "." | "?" | "!");
            cur.push(t);
            if end {
                sents.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            sents.push(cur);
        }
    }
    sents
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::embedded().unwrap();
    let sents = bbc_sentences(100);
    let refs: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(|w| w.as_str()).collect())
        .collect();
    let n_tokens: usize = refs.iter().map(|s| s.len()).sum();
    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(20);
    g.bench_function("tags_only", |b| {
        let mut s = TagScratch::default();
        let mut ids = Vec::new();
        b.iter(|| {
            for words in &refs {
                tagger.tag_ids(words, &mut s, &mut ids);
                black_box(&ids);
            }
        })
    });
    g.bench_function("tags_and_lemmas", |b| {
        b.iter(|| {
            for words in &refs {
                black_box(tagger.tag(words));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("tagger_load");
    g.sample_size(10);
    g.bench_function("embedded", |b| {
        b.iter(|| black_box(Tagger::embedded().unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
