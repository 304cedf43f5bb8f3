//! Rough per-pass timing on a directory tree of .txt files (for finding slow passes):
//! `cargo run --release -p according-text --example timing -- ../shared/data/news/bbc-2005`.
use std::time::Instant;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/news/bbc-2005".into());
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                stack.push(e.path());
            }
        } else if let Ok(b) = std::fs::read(&p) {
            texts.push(String::from_utf8_lossy(&b).into_owned());
        }
    }
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let time = |name: &str, f: &dyn Fn(&str)| {
        let t = Instant::now();
        for s in &texts {
            f(s);
        }
        let secs = t.elapsed().as_secs_f64();
        println!("{name:12} {:8.1} MB/s", mb / secs);
    };
    use according_text::clean::{boilerplate, flags, mojibake, normalize};
    time("ref:split_ws", &|s| {
        std::hint::black_box(s.split_whitespace().count());
    });
    time("ref:copy", &|s| drop(std::hint::black_box(s.to_string())));
    time("mojibake", &|s| drop(mojibake::repair(s)));
    time("controls", &|s| drop(normalize::drop_controls(s)));
    time("nfc", &|s| drop(normalize::nfc(s)));
    time("boilerplate", &|s| drop(boilerplate::strip(s)));
    time("flags", &|s| drop(flags::scan(s)));
    time("sentences", &|s| drop(according_text::split_sentences(s)));
    time("tokens", &|s| drop(according_text::tokenize_sentence(s)));
    time("clean", &|s| {
        let mut d = according_core::Doc::new("t", "t", s);
        according_text::clean(&mut d);
    });
    time("clean+seg", &|s| {
        let mut d = according_core::Doc::new("t", "t", s);
        according_text::clean(&mut d);
        according_text::segment(&mut d);
    });
    println!("{mb:.1} MB in {} files", texts.len());
    // What cleaning noticed over the corpus, with a few examples per kind.
    let mut counts: std::collections::BTreeMap<String, (usize, Vec<String>)> = Default::default();
    let (mut sents, mut toks) = (0, 0);
    for s in &texts {
        let mut d = according_core::Doc::new("t", "t", s.as_str());
        according_text::clean(&mut d);
        according_text::segment(&mut d);
        sents += d.sentences.len();
        toks += d.tokens.len();
        for n in &d.notes {
            let e = counts.entry(format!("{:?}", n.kind)).or_default();
            e.0 += 1;
            if e.1.len() < 20 {
                e.1.push(
                    d.slice(n.span)
                        .chars()
                        .rev()
                        .take(60)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect(),
                );
            }
        }
    }
    println!("{sents} sentences, {toks} tokens");
    for (k, (n, ex)) in counts {
        println!("{k:20} {n:6}  e.g. {ex:?}");
    }
}
