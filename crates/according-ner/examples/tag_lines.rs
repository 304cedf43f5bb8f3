//! Names in whitespace-tokenized sentences, one per line on stdin, lines of one document:
//! `cargo run --release -p according-ner --example tag_lines -- MODEL < sentences.txt`.
use according_ner::Ner;
use std::io::BufRead;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ner = Ner::load(Path::new(&args[1])).expect("model");
    let mut rec = ner.document();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let words: Vec<&str> = line.split_whitespace().collect();
        let names: Vec<String> = rec
            .sentence(&words)
            .iter()
            .map(|m| format!("[{} {}]", words[m.start..m.end].join(" "), m.kind.name()))
            .collect();
        println!("{}", names.join(" "));
    }
}
