//! Error analysis on a held-out gold file: bucket counts (typed ok, wrong type, boundary,
//! missed, spurious, per gold type), the type confusion of exactly found names, the most
//! frequent mistyped / missed / spurious strings, and the sentences with errors:
//! `cargo run --release -p according-ner --example ner_errors -- MODEL FILE(.iob2|.conllu|tuning) [N]`
//! (`tuning`: the trainer's tuning set, from `NER_DATA`, default `../shared/data`).
use according_ner::data::{gum, iob2};
use according_ner::Ner;
use std::collections::BTreeMap;
use std::path::Path;

type Span<'a> = (usize, usize, &'a str);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ner = Ner::load(Path::new(&args[1])).expect("model");
    let path = Path::new(&args[2]);
    let docs = if let Some(g) = args[2].strip_prefix("holdout:") {
        // GUM genres held out of training (`holdout:news,bio`).
        let data = std::env::var("NER_DATA").unwrap_or_else(|_| "../shared/data".into());
        let paths = according_ner::train::DataPaths::new(Path::new(&data));
        let (train, _) = according_ner::train::load_sets(&paths, false).expect("read");
        let genres: Vec<String> = g.split(',').map(str::to_string).collect();
        according_ner::train::split_holdout(train, &genres).1
    } else if args[2] == "tuning" {
        let data = std::env::var("NER_DATA").unwrap_or_else(|_| "../shared/data".into());
        let paths = according_ner::train::DataPaths::new(Path::new(&data));
        according_ner::train::load_sets(&paths, false)
            .map(|(_, dev)| dev)
            .expect("read")
    } else if args[2].ends_with(".conllu") {
        gum::read_path(path).expect("read")
    } else {
        iob2::read_path(path).expect("read")
    };
    let limit: usize = args.get(3).map_or(60, |s| s.parse().unwrap());
    let mut shown = 0;
    let mut buckets: BTreeMap<String, usize> = BTreeMap::new();
    // Exact span found: gold type -> predicted type.
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut strings: BTreeMap<String, usize> = BTreeMap::new();
    let bump = |m: &mut BTreeMap<String, usize>, k: String| *m.entry(k).or_default() += 1;
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
            let text = |a: &Span| words[a.0..a.1].join(" ");
            for g in &gold {
                let b = if pred.contains(g) {
                    "ok".to_string()
                } else if let Some(p) = pred.iter().find(|p| (p.0, p.1) == (g.0, g.1)) {
                    bump(&mut strings, format!("type {}->{} {}", g.2, p.2, text(g)));
                    format!("type {}->{}", g.2, p.2)
                } else if let Some(p) = pred.iter().find(|p| ov(p, g)) {
                    let shape = if p.0 <= g.0 && p.1 >= g.1 {
                        "pred-wider"
                    } else if p.0 >= g.0 && p.1 <= g.1 {
                        "pred-narrower"
                    } else {
                        "pred-shifted"
                    };
                    bump(
                        &mut strings,
                        format!("boundary {} [{}] pred [{}]", g.2, text(g), text(p)),
                    );
                    format!("boundary {shape}")
                } else {
                    bump(&mut strings, format!("missed {} {}", g.2, text(g)));
                    "missed".to_string()
                };
                if let Some(p) = pred.iter().find(|p| (p.0, p.1) == (g.0, g.1)) {
                    *confusion
                        .entry((g.2.to_string(), p.2.to_string()))
                        .or_default() += 1;
                }
                bump(&mut buckets, format!("gold {} {b}", g.2));
            }
            for p in &pred {
                if !gold.iter().any(|g| ov(g, p)) {
                    bump(&mut buckets, format!("spurious {}", p.2));
                    bump(&mut strings, format!("spurious {} {}", p.2, text(p)));
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
    eprintln!("type confusion of exactly found names (rows gold, columns predicted):");
    eprintln!("         PER    ORG    LOC");
    for g in ["PER", "ORG", "LOC"] {
        let row: Vec<String> = ["PER", "ORG", "LOC"]
            .iter()
            .map(|p| {
                let n = confusion.get(&(g.to_string(), p.to_string()));
                format!("{:6}", n.copied().unwrap_or(0))
            })
            .collect();
        eprintln!("  {g}  {}", row.join(" "));
    }
    let mut freq: Vec<(&String, &usize)> = strings.iter().collect();
    freq.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    eprintln!("most frequent errors:");
    for (k, v) in freq.iter().take(400) {
        eprintln!("{v:4} {k}");
    }
}
