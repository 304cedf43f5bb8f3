//! `cargo run --release -p according-tagger --example tagger_checksum [ARTICLES]`: a checksum
//! over the tag and lemma of every word the embedded tagger gives on the first ARTICLES
//! (default 300) BBC News 2005 articles, sentence after sentence on one thread (so the
//! per-thread word-score cache fills, starts over and serves as in a long run). Speed work
//! must leave it unchanged (identical output).
use according_tagger::clusters::simple_sentences;
use according_tagger::Tagger;

fn main() -> Result<(), String> {
    let articles: usize = match std::env::args().nth(1) {
        Some(a) => a.parse().map_err(|_| "ARTICLES: a number")?,
        None => 300,
    };
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005"
    );
    let tagger = Tagger::embedded()?;
    // FNV-1a over (UPOS, XPOS, lemma) of every word, sentence by sentence.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let (mut docs, mut sents, mut tokens) = (0, 0, 0);
    'outer: for topic in ["business", "politics", "tech", "entertainment", "sport"] {
        for i in 1..=999 {
            if docs == articles {
                break 'outer;
            }
            let Ok(text) = std::fs::read_to_string(format!("{root}/{topic}/{i:03}.txt")) else {
                break;
            };
            docs += 1;
            for s in simple_sentences(&text) {
                let words: Vec<&str> = s.iter().map(String::as_str).collect();
                for t in tagger.tag(&words) {
                    for part in [t.upos, t.xpos, &t.lemma] {
                        eat(part.as_bytes());
                        eat(&[0]);
                    }
                }
                eat(&[0xff]);
                sents += 1;
                tokens += words.len();
            }
        }
    }
    println!("{docs} articles, {sents} sentences, {tokens} tokens: checksum {h:016x}");
    Ok(())
}
