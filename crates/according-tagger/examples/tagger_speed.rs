//! Tagging speed and model load time in CPU time (robust on a busy machine, unlike wall time):
//! `cargo run --release -p according-tagger --example tagger_speed [ARTICLES] [ROUNDS]`
//! (300 articles and 5 rounds by default); it also prints a checksum of the tags and lemmas.
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

    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let c0 = cpu();
    let reps = 10;
    for _ in 0..reps {
        std::hint::black_box(Tagger::embedded().unwrap());
    }
    println!("model load: {:.1} ms CPU", (cpu() - c0) / reps as f64 * 1e3);

    let tagger = Tagger::embedded().unwrap();
    let mut s = TagScratch::default();
    let mut ids = Vec::new();
    // Output checksum (tags and lemmas of every word), so a faster build can show it tags the
    // same: FNV over tag ids and lemma bytes.
    let mut sum = 0xcbf2_9ce4_8422_2325u64;
    let mut mix = |b: &[u8]| {
        for &x in b {
            sum = (sum ^ x as u64).wrapping_mul(0x100_0000_01b3);
        }
    };
    for w in &refs {
        tagger.tag_ids(w, &mut s, &mut ids);
        for (t, id) in tagger.tag(w).iter().zip(&ids) {
            mix(&id.to_le_bytes());
            mix(t.lemma.as_bytes());
            mix(b"\0");
        }
    }
    println!("output checksum: {sum:016x} ({} sentences)", refs.len());
    let c0 = cpu();
    for _ in 0..rounds {
        tag_all(&tagger, &refs, &mut s, &mut ids);
    }
    let t = cpu() - c0;
    println!(
        "tags only: {:.0} tokens/s per core ({tokens} tokens x {rounds})",
        (tokens * rounds) as f64 / t
    );
    let c0 = cpu();
    for _ in 0..rounds {
        tag_and_lemmatize_all(&tagger, &refs);
    }
    let t = cpu() - c0;
    println!(
        "tags + lemmas: {:.0} tokens/s per core",
        (tokens * rounds) as f64 / t
    );
}

/// One pass of tagging (its own function, so callgrind can count it alone:
/// `--collect-atstart=no --toggle-collect='tagger_speed::tag_all'`).
#[inline(never)]
fn tag_all(tagger: &Tagger, refs: &[Vec<&str>], s: &mut TagScratch, ids: &mut Vec<u16>) {
    for w in refs {
        tagger.tag_ids(w, s, ids);
        std::hint::black_box(&ids);
    }
}

/// One pass of tagging with lemmas (`--toggle-collect='tagger_speed::tag_and_lemmatize_all'`).
#[inline(never)]
fn tag_and_lemmatize_all(tagger: &Tagger, refs: &[Vec<&str>]) {
    for w in refs {
        std::hint::black_box(tagger.tag(w));
    }
}
