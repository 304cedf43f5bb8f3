//! Print gold vs predicted names of sentences with errors:
//! `cargo run --release -p according-ner --example errors -- MODEL FILE(.iob2|.conllu) [N]`.
use according_ner::data::{gum, iob2};
use according_ner::Ner;
use std::path::Path;

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
    for d in &docs {
        let mut rec = ner.document();
        for s in &d.sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let pred: Vec<(usize, usize, &str)> = rec
                .sentence(&words)
                .into_iter()
                .filter_map(|m| Some((m.start, m.end, m.kind.uner()?.name())))
                .collect();
            let gold: Vec<(usize, usize, &str)> = s
                .spans
                .iter()
                .map(|g| (g.start, g.end, g.kind.name()))
                .collect();
            if pred != gold && shown < limit {
                shown += 1;
                println!("{}", words.join(" "));
                let show = |v: &[(usize, usize, &str)]| {
                    v.iter()
                        .map(|(a, b, k)| format!("[{} {}]", words[*a..*b].join(" "), k))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                println!("  gold: {}\n  pred: {}", show(&gold), show(&pred));
            }
        }
    }
}
