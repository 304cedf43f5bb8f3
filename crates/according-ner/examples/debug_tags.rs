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
    for (w, &l) in words.iter().zip(&scratch.labels) {
        println!("{w}\t{}", LABEL_NAMES[l]);
    }
}
