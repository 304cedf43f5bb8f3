//! Tagging speed and model load time in CPU time (robust on a busy machine, unlike wall time):
//! `cargo run --release -p according-tagger --example tagger_speed [ARTICLES]`
use according_tagger::clusters::simple_sentences;
use according_tagger::{TagScratch, Tagger};

/// CPU time of this (single-threaded) process in seconds, from /proc/self/schedstat.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let mut sents: Vec<Vec<String>> = Vec::new();
    'outer: for topic in ["business", "politics", "tech", "entertainment", "sport"] {
        for i in 1..=999 {
            let Ok(text) = std::fs::read_to_string(format!("{root}/{topic}/{i:03}.txt")) else {
                break;
            };
            sents.extend(simple_sentences(&text));
            if sents.len() >= n * 20 {
                break 'outer;
            }
        }
    }
    let refs: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(|w| w.as_str()).collect())
        .collect();
    let tokens: usize = refs.iter().map(|s| s.len()).sum();

    let c0 = cpu();
    let reps = 10;
    for _ in 0..reps {
        std::hint::black_box(Tagger::embedded().unwrap());
    }
    println!("model load: {:.1} ms CPU", (cpu() - c0) / reps as f64 * 1e3);

    let tagger = Tagger::embedded().unwrap();
    let mut s = TagScratch::default();
    let mut ids = Vec::new();
    let rounds = 5;
    let c0 = cpu();
    for _ in 0..rounds {
        for w in &refs {
            tagger.tag_ids(w, &mut s, &mut ids);
            std::hint::black_box(&ids);
        }
    }
    let t = cpu() - c0;
    println!(
        "tags only: {:.0} tokens/s per core ({tokens} tokens x {rounds})",
        (tokens * rounds) as f64 / t
    );
    let c0 = cpu();
    for _ in 0..rounds {
        for w in &refs {
            std::hint::black_box(tagger.tag(w));
        }
    }
    let t = cpu() - c0;
    println!(
        "tags + lemmas: {:.0} tokens/s per core",
        (tokens * rounds) as f64 / t
    );
}
