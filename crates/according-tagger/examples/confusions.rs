//! Most frequent tagging errors on a UD file:
//! `cargo run --release -p according-tagger --example confusions -- FILE.conllu [MODEL]`
use according_ml::conllu;
use according_tagger::{TagScratch, Tagger};
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sents = conllu::read_path(&args[1]).unwrap();
    let tagger = match args.get(2) {
        Some(p) => Tagger::load(p.as_ref()).unwrap(),
        None => Tagger::embedded().unwrap(),
    };
    let mut conf: HashMap<(String, String), (usize, HashMap<String, usize>)> = HashMap::new();
    let mut lemma_err: HashMap<(String, String, String), usize> = HashMap::new();
    let mut s = TagScratch::default();
    let mut ids = Vec::new();
    for sent in &sents {
        let words = sent.forms();
        tagger.tag_ids(&words, &mut s, &mut ids);
        for (w, &id) in sent.words.iter().zip(&ids) {
            let (u, x) = tagger.tag_names(id);
            let (g, p) = (format!("{}|{}", w.upos, w.xpos), format!("{u}|{x}"));
            if g != p {
                let e = conf.entry((g, p)).or_default();
                e.0 += 1;
                *e.1.entry(w.form.clone()).or_default() += 1;
            }
            let l = tagger.lemma(&w.form, &w.xpos);
            if l != w.lemma {
                *lemma_err
                    .entry((w.form.clone(), w.lemma.clone(), l.into_owned()))
                    .or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = conf.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1 .0));
    for ((g, p), (n, words)) in v.iter().take(40) {
        let mut ws: Vec<_> = words.iter().collect();
        ws.sort_by(|a, b| b.1.cmp(a.1));
        let ws: Vec<String> = ws.iter().take(8).map(|(w, n)| format!("{w}:{n}")).collect();
        println!("{n:5} {g:12} -> {p:12} {}", ws.join(" "));
    }
    let mut l: Vec<_> = lemma_err.into_iter().collect();
    l.sort_by_key(|x| std::cmp::Reverse(x.1));
    println!("lemma errors given gold XPOS:");
    for ((f, g, p), n) in l.iter().take(30) {
        println!("{n:5} {f} gold {g} got {p}");
    }
}
