//! Print the taggers' raw output (cue, margin, source and content runs) for text on stdin:
//! `echo "…" | cargo run --release -p according-attrib --example raw -- [MODEL_DIR]`
use according_attrib::view::View;
use according_attrib::{nlp::Prep, tagging, Extractor};
use according_core::Doc;
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let ex = match std::env::args().nth(1) {
        Some(m) => Extractor::load(std::path::Path::new(&m)).unwrap(),
        None => Extractor::embedded().unwrap(),
    };
    let mut doc = Doc::new("stdin", "stdin", text);
    Prep::embedded().run(&mut doc);
    let mut v = View::new(&doc);
    if !ex.model().parse_features {
        v.drop_parse();
    }
    let words =
        |r: &std::ops::Range<usize>| r.clone().map(|i| v.word(i)).collect::<Vec<_>>().join(" ");
    for r in tagging::extract(ex.model(), &v) {
        println!(
            "cue [{}] margin {:.2}\n  source {:?}\n  content {:?}",
            words(&r.cue),
            r.score,
            r.source.iter().map(words).collect::<Vec<_>>(),
            r.content.iter().map(words).collect::<Vec<_>>()
        );
    }
}
