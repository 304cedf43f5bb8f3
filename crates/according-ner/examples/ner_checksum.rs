//! `cargo run --release -p according-ner --example ner_checksum [DATA]`: a checksum over every
//! mention (sentence, word span, type) the embedded recognizer finds in the BBC News 2005
//! sample of the speed example (100 articles of each section, `DATA` = `../shared/data`),
//! document after document on one thread (so the per-thread caches fill and serve as in a
//! long run). Speed work must leave it unchanged (identical output).
use according_ner::Ner;
use std::path::Path;

#[path = "../benches/bbc.rs"]
mod bbc;

fn main() -> Result<(), String> {
    let data = std::env::args().nth(1);
    let data = Path::new(data.as_deref().unwrap_or("../shared/data"));
    let ner = Ner::embedded()?;
    let docs = bbc::documents(data);
    let sents = bbc::sentences(&docs);
    // FNV-1a over (sentence, start, end, type) of every mention, document by document.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let (mut tokens, mut mentions) = (0, 0);
    for d in &sents {
        let mut rec = ner.document();
        for (j, s) in d.iter().enumerate() {
            tokens += s.len();
            for m in rec.sentence(s) {
                mentions += 1;
                for x in [j, m.start, m.end] {
                    eat(&(x as u64).to_le_bytes());
                }
                eat(m.kind.name().as_bytes());
            }
        }
        eat(&[0xff]);
    }
    println!(
        "{} articles, {tokens} tokens, {mentions} mentions: checksum {h:016x}",
        sents.len()
    );
    Ok(())
}
