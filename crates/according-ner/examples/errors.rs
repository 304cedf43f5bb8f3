//! Error analysis on a held-out gold file: bucket counts (typed ok, wrong type, boundary,
//! missed, spurious, per gold type) and the sentences with errors:
//! `cargo run --release -p according-ner --example errors -- MODEL FILE(.iob2|.conllu) [N]`.
use according_ner::data::{gum, iob2};
use according_ner::Ner;
use std::collections::BTreeMap;
use std::path::Path;

type Span<'a> = (usize, usize, &'a str);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ner = Ner::load(Path::new(&args[1])).expect("model");
    let path = Path::new(&args[2]);
    let docs = if args[2].ends_with(".conllu") {
        gum::read_path(path).expect("read")
    } else {
        iob2::read_path(path).expect("read")
    };
    let limit: usize = args.get(3).map_or(60, |s| s.parse().unwrap());
    let mut shown = 0;
    let mut buckets: BTreeMap<String, usize> = BTreeMap::new();
    let mut bump = |k: String| *buckets.entry(k).or_default() += 1;
    for d in &docs {
        let mut rec = ner.document();
        for s in &d.sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let pred: Vec<Span> = rec
                .sentence(&words)
                .into_iter()
                .filter_map(|m| Some((m.start, m.end, m.kind.uner()?.name())))
                .collect();
            let gold: Vec<Span> = s
                .spans
                .iter()
                .map(|g| (g.start, g.end, g.kind.name()))
                .collect();
            let ov = |a: &Span, b: &Span| a.0 < b.1 && b.0 < a.1;
            for g in &gold {
                let b = if pred.contains(g) {
                    "ok".to_string()
                } else if let Some(p) = pred.iter().find(|p| (p.0, p.1) == (g.0, g.1)) {
                    format!("type {}->{}", g.2, p.2)
                } else if let Some(p) = pred.iter().find(|p| ov(p, g)) {
                    let shape = if p.0 <= g.0 && p.1 >= g.1 {
                        "pred-wider"
                    } else if p.0 >= g.0 && p.1 <= g.1 {
                        "pred-narrower"
                    } else {
                        "pred-shifted"
                    };
                    format!("boundary {shape}")
                } else {
                    "missed".to_string()
                };
                bump(format!("gold {} {b}", g.2));
            }
            for p in &pred {
                if !gold.iter().any(|g| ov(g, p)) {
                    bump(format!("spurious {}", p.2));
                }
            }
            if pred != gold && shown < limit {
                shown += 1;
                println!("{}", words.join(" "));
                let show = |v: &[Span]| {
                    v.iter()
                        .map(|(a, b, k)| format!("[{} {}]", words[*a..*b].join(" "), k))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                println!("  gold: {}\n  pred: {}", show(&gold), show(&pred));
            }
        }
    }
    for (k, v) in &buckets {
        eprintln!("{v:6} {k}");
    }
}
