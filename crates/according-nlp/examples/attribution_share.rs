//! Extraction time next to the NLP core in front of it (`according_nlp::Pipeline`: clean,
//! segment, tag, parse, NER), per document:
//! `cargo run --release -p according-nlp --example attribution_share -- ../shared/data/polnear/dev [MODEL_DIR]`
//! (here, not in according-attrib, so that the extractor's tests do not build NER).
use according_attrib::{nlp::Prep, polnear, Extractor};
use according_core::Doc;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map_or("../shared/data/polnear/dev", |s| s.as_str());
    let ex = match args.get(2) {
        Some(m) => Extractor::load(std::path::Path::new(m)).unwrap(),
        None => Extractor::embedded().unwrap(),
    };
    let prep = Prep::embedded();
    let nlp = according_nlp::Pipeline::embedded().unwrap();
    let docs: Vec<Doc> = polnear::read_dir(std::path::Path::new(dir))
        .unwrap()
        .into_iter()
        .map(|a| Doc::new(a.id.clone(), a.id, a.text))
        .collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let (mut t_nlp, mut t_ex) = (0.0, 0.0);
    for round in 0..3 {
        let mut ds = docs.clone();
        let t0 = Instant::now();
        for d in &mut ds {
            let _ = nlp.process(d);
        }
        let t1 = Instant::now();
        for d in &mut ds {
            ex.extract(d);
        }
        let t2 = Instant::now();
        if round > 0 {
            t_nlp += (t1 - t0).as_secs_f64();
            t_ex += (t2 - t1).as_secs_f64();
        }
    }
    // Where extraction's time goes.
    let mut ds = docs.clone();
    for d in &mut ds {
        prep.run(d);
    }
    let (mut tb, mut tc, mut tr) = (0.0, 0.0, 0.0);
    for d in &ds {
        let mut v = according_attrib::view::View::new(d);
        if !ex.model().parse_features {
            v.drop_parse();
        }
        let t0 = Instant::now();
        let base = according_attrib::features::base_features(&v, &ex.model().lexicon);
        let t1 = Instant::now();
        let cues = according_attrib::tagging::find_cues(ex.model(), &v, &base);
        let t2 = Instant::now();
        let ranges: Vec<_> = cues.into_iter().map(|c| c.0).collect();
        according_attrib::tagging::label_roles(ex.model(), &v, &base, &ranges);
        let t3 = Instant::now();
        tb += (t1 - t0).as_secs_f64();
        tc += (t2 - t1).as_secs_f64();
        tr += (t3 - t2).as_secs_f64();
    }
    let n = docs.len() as f64;
    println!(
        "per doc: base features {:.2} ms, cue tagger {:.2} ms, role tagger {:.2} ms",
        1000.0 * tb / n,
        1000.0 * tc / n,
        1000.0 * tr / n
    );
    let per_doc = |t: f64| 1000.0 * t / (2 * docs.len()) as f64;
    println!(
        "{} docs, {} words; NLP core ({}): {:.2} ms/doc; extraction: {:.2} ms/doc ({:.0}% of the NLP core)",
        docs.len(),
        words,
        nlp.stages().join("+"),
        per_doc(t_nlp),
        per_doc(t_ex),
        100.0 * t_ex / t_nlp
    );
}
