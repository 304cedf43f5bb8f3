//! Template ablation on PolNeAR dev: switch off one cue template (or one role feature) at a
//! time at decoding and print how much each score falls, to find templates not worth their
//! table lookups (candidates to drop at the next retraining):
//! `cargo run --release -p according-attrib --example ablate -- [cue|role] [DATA_DIR [MODEL_DIR]]`
use according_attrib::evaluate::triple;
use according_attrib::metric::{Report, SpanTriple};
use according_attrib::model::FeatureMask;
use according_attrib::{nlp::Prep, polnear, Extractor};
use according_core::Doc;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("cue", String::as_str).to_string();
    let data = PathBuf::from(args.get(2).map_or("../shared/data", String::as_str));
    let mut ex = match args.get(3) {
        Some(m) => Extractor::load(&PathBuf::from(m)).unwrap(),
        None => Extractor::embedded().unwrap(),
    };
    let articles = polnear::read_dir(&data.join("polnear/dev")).unwrap();
    let prep = Prep::embedded();
    let docs: Vec<Doc> = articles
        .iter()
        .map(|a| {
            let mut d = Doc::new(a.id.clone(), a.id.clone(), a.text.clone());
            prep.run(&mut d);
            d
        })
        .collect();
    let score = |ex: &Extractor| {
        let mut r = Report::default();
        for (a, d) in articles.iter().zip(&docs) {
            let mut d = d.clone();
            ex.extract(&mut d);
            let pred: Vec<SpanTriple> = d.attributions.iter().map(triple).collect();
            r.add_article(&a.text, &a.attributions, &pred);
        }
        r.to_json()
    };
    let keys = [
        "cue_exact_f1",
        "source_exact_f1",
        "content_exact_f1",
        "content_overlap_f1",
        "whole_lenient_f1",
    ];
    let all = score(&ex);
    println!("all: {}", keys.map(|k| all[k].to_string()).join(" "));
    let n = if which == "cue" {
        according_attrib::features::NB_CUE
    } else {
        according_attrib::model::ROLE_FEATURES
    };
    for k in 0..n {
        let mut m = FeatureMask::default();
        if which == "cue" {
            m.cue &= !(1 << k);
        } else {
            m.role &= !(1 << k);
        }
        ex.model_mut().mask = m;
        let r = score(&ex);
        let d: Vec<String> = keys
            .iter()
            .map(|key| {
                format!(
                    "{:+.1}",
                    r[key].as_f64().unwrap() - all[key].as_f64().unwrap()
                )
            })
            .collect();
        println!("{which} {k}: {}", d.join(" "));
    }
}
