//! Print the BILOU labels the model gives one whitespace-tokenized sentence:
//! `cargo run --release -p according-ner --example debug_tags -- MODEL "Some sentence ."`.
use according_ner::features::DocMemory;
use according_ner::labels::LABEL_NAMES;
use according_ner::model::Scratch;
use according_ner::Ner;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ner = Ner::load(Path::new(&args[1])).expect("model");
    let words: Vec<&str> = args[2].split_whitespace().collect();
    let mut scratch = Scratch::default();
    ner.model().tag(&words, &DocMemory::default(), &mut scratch);
    for (i, (w, &l)) in words.iter().zip(&scratch.labels).enumerate() {
        // The three best labels by final score, to see how close a decision was.
        let s = &scratch.label_scores[i];
        let prev = i.checked_sub(1).map(|j| scratch.labels[j]);
        let mut order: Vec<usize> = (0..s.len())
            .filter(|&k| according_ner::labels::allowed(prev, k))
            .collect();
        order.sort_by_key(|&k| std::cmp::Reverse(s[k]));
        let top: Vec<String> = order[..3]
            .iter()
            .map(|&k| format!("{} {}", LABEL_NAMES[k], s[k]))
            .collect();
        println!("{w}\t{}\t{}", LABEL_NAMES[l], top.join("  "));
    }
}
