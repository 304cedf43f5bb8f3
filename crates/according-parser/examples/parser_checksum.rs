//! `cargo run --release -p according-parser --example parser_checksum [TOKENS]`: a checksum
//! over every head and label the parser gives on the first TOKENS (default 200,000, about
//! 500 articles) tokens of BBC News 2005, tagged by the embedded tagger. Speed work must
//! leave it unchanged (identical trees).
use according_parser::Parser;

#[path = "../benches/bbc.rs"]
mod bbc;

fn main() -> Result<(), String> {
    let limit = match std::env::args().nth(1) {
        Some(a) => a.parse().map_err(|_| "TOKENS: a number")?,
        None => 200_000,
    };
    let parser = Parser::embedded()?;
    let sents = bbc::tagged_sentences(limit);
    let tokens: usize = sents.iter().map(|s| s.0.len()).sum();
    // FNV-1a over (head, label) of every word, sentence by sentence.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (w, u, x) in &sents {
        let (w, u, x) = (strs(w), strs(u), strs(x));
        for (head, label) in parser.parse(&w, &u, &x) {
            eat(&head.to_le_bytes());
            eat(label.as_bytes());
            eat(&[0]);
        }
        eat(&[0xff]);
    }
    println!(
        "{tokens} tokens in {} sentences: checksum {h:016x}",
        sents.len()
    );
    Ok(())
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}
