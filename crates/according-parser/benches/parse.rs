//! Parser throughput on BBC News sentences. The bench times the parser alone: sentences are
//! split on whitespace/punctuation and given crude suffix-based tags once, before timing.
use according_parser::Parser;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Whitespace + punctuation split, enough for a throughput bench.
fn tokenize(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in line.split_whitespace() {
        let mut cur = String::new();
        for c in w.chars() {
            if c.is_alphanumeric() || c == '\'' || c == '-' {
                cur.push(c);
            } else {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push(c.to_string());
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// Crude tags so the features have realistic variety (the bench times parsing, not tagging).
fn crude_tag(w: &str) -> (&'static str, &'static str) {
    let first = w.chars().next().unwrap_or(' ');
    if !first.is_alphanumeric() {
        ("PUNCT", ".")
    } else if first.is_ascii_digit() {
        ("NUM", "CD")
    } else if first.is_uppercase() {
        ("PROPN", "NNP")
    } else if w.ends_with("ed") {
        ("VERB", "VBD")
    } else if w.ends_with("ly") {
        ("ADV", "RB")
    } else if matches!(w, "the" | "a" | "an" | "this" | "that") {
        ("DET", "DT")
    } else if matches!(w, "of" | "in" | "on" | "for" | "to" | "with" | "by" | "at") {
        ("ADP", "IN")
    } else if matches!(
        w,
        "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will"
    ) {
        ("AUX", "VBZ")
    } else if w.ends_with('s') {
        ("NOUN", "NNS")
    } else {
        ("NOUN", "NN")
    }
}

fn bbc_sentences(limit_tokens: usize) -> Vec<Vec<String>> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let mut out = Vec::new();
    let mut total = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("BBC data")
        .flatten()
        .collect();
    dirs.sort_by_key(|d| d.path());
    'outer: for d in dirs {
        let mut files: Vec<_> = std::fs::read_dir(d.path())
            .into_iter()
            .flatten()
            .flatten()
            .collect();
        files.sort_by_key(|f| f.path());
        for f in files {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            for para in text.lines().skip(1) {
                for sent in para.split_inclusive(". ") {
                    let toks = tokenize(sent);
                    if toks.is_empty() {
                        continue;
                    }
                    total += toks.len();
                    out.push(toks);
                    if total >= limit_tokens {
                        break 'outer;
                    }
                }
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let parser = Parser::embedded().expect("embedded parser");
    let sents = bbc_sentences(50_000);
    let tagged: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = sents
        .iter()
        .map(|s| {
            let w: Vec<&str> = s.iter().map(String::as_str).collect();
            let (u, x) = w.iter().map(|w| crude_tag(w)).unzip();
            (w, u, x)
        })
        .collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("parser");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(10);
    g.bench_function("parse_bbc_50k_tokens", |b| {
        b.iter(|| {
            let mut heads = 0u64;
            for (w, u, x) in &tagged {
                heads += parser
                    .parse(w, u, x)
                    .iter()
                    .map(|p| p.0 as u64)
                    .sum::<u64>();
            }
            heads
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
