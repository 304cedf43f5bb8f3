//! Speed of each analysis stage on BBC 2005 articles, in tokens per **CPU-second** of the
//! benchmark thread (so the figure is per core and holds on a busy machine, where wall time
//! would count other processes' turns):
//!
//! `cargo bench -p according --bench pipeline` (`ACCORDING_BENCH_DOCS=N` articles, default 200)
//!
//! Groups: `nlp_core/{tag,parse,ner,tag+parse+ner}` on segmented documents,
//! `attribution/extract` on documents the NLP core has annotated, and `end_to_end` from raw
//! text (clean, segment, tag, parse, NER, attribution), on the articles one by one and joined
//! into one long document (`end_to_end/one_long_document`). Throughput is in tokens (UD words, as
//! the segmenter makes them); `Kelem/s` below means thousands of tokens per CPU-second.

use according_core::{Component, Doc};
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::path::Path;

/// CPU time of the calling thread, from `/proc/thread-self/schedstat` (nanoseconds).
struct ThreadCpu;

fn thread_cpu_ns() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0)
}

impl Measurement for ThreadCpu {
    type Intermediate = f64;
    type Value = f64;
    fn start(&self) -> f64 {
        thread_cpu_ns()
    }
    fn end(&self, start: f64) -> f64 {
        thread_cpu_ns() - start
    }
    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }
    fn zero(&self) -> f64 {
        0.0
    }
    fn to_f64(&self, v: &f64) -> f64 {
        *v
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical {
            t if t < 1e3 => (1.0, "ns cpu"),
            t if t < 1e6 => (1e-3, "µs cpu"),
            t if t < 1e9 => (1e-6, "ms cpu"),
            _ => (1e-9, "s cpu"),
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(&self, typical: f64, tp: &Throughput, values: &mut [f64]) -> &'static str {
        let (n, unit) = match *tp {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) => (n as f64, "B/s"),
            Throughput::Elements(n) => (n as f64, "elem/s"),
        };
        let per_sec = n * 1e9 / typical.max(1.0);
        let (factor, prefix) = match per_sec {
            p if p >= 1e6 => (1e-6, "M"),
            p if p >= 1e3 => (1e-3, "K"),
            _ => (1.0, ""),
        };
        values
            .iter_mut()
            .for_each(|v| *v = n * 1e9 / v.max(1.0) * factor);
        match (prefix, unit) {
            ("M", "elem/s") => "Melem/s",
            ("K", "elem/s") => "Kelem/s",
            ("M", _) => "MB/s",
            ("K", _) => "KB/s",
            (_, "elem/s") => "elem/s",
            _ => "B/s",
        }
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

/// The first `n` BBC articles, round-robin over the topics.
fn articles(n: usize) -> Vec<Doc> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc-2005");
    let topics = ["business", "entertainment", "politics", "sport", "tech"];
    let mut docs = Vec::new();
    for i in 1..=999 {
        for t in topics {
            let path = root.join(t).join(format!("{i:03}.txt"));
            if let Ok(text) = std::fs::read_to_string(&path) {
                docs.push(Doc::new(
                    format!("{t}/{i:03}"),
                    path.display().to_string(),
                    text,
                ));
            }
            if docs.len() == n {
                return docs;
            }
        }
    }
    assert!(!docs.is_empty(), "no BBC articles under {}", root.display());
    docs
}

fn run(stage: &dyn Component, docs: &mut [Doc]) {
    for d in docs {
        stage.process(d).expect("stage failed");
    }
}

fn bench(c: &mut Criterion<ThreadCpu>) {
    let n = std::env::var("ACCORDING_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let raw = articles(n);
    let tagger = according_tagger::Tagger::embedded().unwrap();
    let parser = according_parser::Parser::embedded().unwrap();
    let ner = according_ner::Ner::embedded().unwrap();
    let extractor = according_attrib::Extractor::embedded().unwrap();

    let mut segmented = raw.clone();
    for d in &mut segmented {
        according_text::clean(d);
        according_text::segment(d);
    }
    let tokens: u64 = segmented.iter().map(|d| d.tokens.len() as u64).sum();
    let mut tagged = segmented.clone();
    run(&tagger, &mut tagged);
    let mut parsed = tagged.clone();
    run(&parser, &mut parsed);
    let mut annotated = parsed.clone();
    run(&ner, &mut annotated);
    eprintln!("bench corpus: {} BBC articles, {tokens} tokens", raw.len());

    let mut g = c.benchmark_group("nlp_core");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tokens));
    let stages: [(&str, &dyn Component, &Vec<Doc>); 3] = [
        ("tag", &tagger, &segmented),
        ("parse", &parser, &tagged),
        ("ner", &ner, &parsed),
    ];
    for (name, stage, input) in stages {
        g.bench_function(name, |b| {
            b.iter_batched_ref(
                || input.clone(),
                |docs| run(stage, docs),
                BatchSize::PerIteration,
            )
        });
    }
    g.bench_function("tag+parse+ner", |b| {
        b.iter_batched_ref(
            || segmented.clone(),
            |docs| {
                run(&tagger, docs);
                run(&parser, docs);
                run(&ner, docs);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("attribution");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("extract", |b| {
        b.iter_batched_ref(
            || annotated.clone(),
            |docs| run(&extractor, docs),
            BatchSize::PerIteration,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("end_to_end");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tokens));
    let end_to_end = |docs: &mut [Doc]| {
        for d in docs.iter_mut() {
            according_text::clean(d);
            according_text::segment(d);
        }
        run(&tagger, docs);
        run(&parser, docs);
        run(&ner, docs);
        run(&extractor, docs);
    };
    g.bench_function("raw_text", |b| {
        b.iter_batched_ref(
            || raw.clone(),
            |docs| end_to_end(docs),
            BatchSize::PerIteration,
        )
    });
    // The same articles as one document (a long transcript, a page of many stories): as fast
    // per token as separate articles when every stage is linear in a document's length.
    let joined = vec![Doc::new(
        "joined",
        "joined",
        raw.iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"),
    )];
    let mut joined_tokens = joined[0].clone();
    according_text::clean(&mut joined_tokens);
    according_text::segment(&mut joined_tokens);
    g.throughput(Throughput::Elements(joined_tokens.tokens.len() as u64));
    g.bench_function("one_long_document", |b| {
        b.iter_batched_ref(
            || joined.clone(),
            |docs| end_to_end(docs),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn config() -> Criterion<ThreadCpu> {
    Criterion::default().with_measurement(ThreadCpu)
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench
}
criterion_main!(benches);
