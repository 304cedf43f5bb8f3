//! Beam search: at width 1 it must give exactly the greedy parse (same scores, same
//! tie-breaking), and at any width the cached scoring path must give the reference path's
//! trees. Runs the embedded model on UD English EWT dev (gold tags) and odd inputs.
use according_parser::{read_examples, Parser};
use std::path::PathBuf;

fn ewt_dev() -> Vec<according_parser::Example> {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud/en_ewt-ud-dev.conllu"
    ));
    read_examples(&[path]).unwrap()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// The parse of `e` as owned (head, relation) pairs.
fn owned(parser: &Parser, e: &according_parser::Example) -> Vec<(u32, String)> {
    parser
        .parse(&strs(&e.words), &strs(&e.upos), &strs(&e.xpos))
        .into_iter()
        .map(|(h, l)| (h, l.to_string()))
        .collect()
}

#[test]
fn width_one_is_greedy() {
    let parser = Parser::embedded().unwrap();
    assert_eq!(parser.beam(), 1, "the committed model is greedy");
    let dev = ewt_dev();
    assert!(dev.len() > 1500);
    let mut differ = 0;
    for e in &dev {
        let (w, u, x) = (strs(&e.words), strs(&e.upos), strs(&e.xpos));
        differ += (parser.parse(&w, &u, &x) != parser.parse_beam_search(1, &w, &u, &x)) as usize;
    }
    assert_eq!(
        differ, 0,
        "sentences whose width-1 beam parse differs from greedy"
    );
}

#[test]
fn wider_beam_cached_matches_reference_and_differs_from_greedy() {
    let greedy = Parser::embedded().unwrap();
    let mut parser = Parser::embedded().unwrap();
    parser.set_beam(4);
    assert_eq!(parser.beam(), 4);
    let dev = ewt_dev();
    let (mut differ, mut changed) = (0, 0);
    for e in dev.iter().take(600) {
        let (w, u, x) = (strs(&e.words), strs(&e.upos), strs(&e.xpos));
        let tree = parser.parse(&w, &u, &x);
        assert_eq!(tree.len(), w.len());
        assert_eq!(tree.iter().filter(|t| t.0 == 0).count(), 1, "one root");
        differ += (tree != parser.parse_uncached(&w, &u, &x)) as usize;
        changed += (tree != greedy.parse(&w, &u, &x)) as usize;
    }
    assert_eq!(differ, 0, "cached and reference beam parses differ");
    // A greedy-trained model decoded with a beam finds other (higher-scoring) sequences for
    // some sentences; none at all would mean the beam is not searching.
    assert!(changed > 0);
}

#[test]
fn beam_survives_odd_input() {
    let mut parser = Parser::embedded().unwrap();
    parser.set_beam(8);
    let long: Vec<String> = (0..300).map(|i| format!("w{}", i % 17)).collect();
    let cases: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = vec![
        (vec!["Yes"], vec!["INTJ"], vec!["UH"]),
        (vec![",", ",", ","], vec![], vec![]),
        (
            vec!["He", "said", "so", "."],
            vec!["PRON"],
            vec!["PRP", "VBD"],
        ),
        (strs(&long), vec!["NOUN"; 300], vec!["NN"; 300]),
        (vec![], vec![], vec![]),
    ];
    for (w, u, x) in &cases {
        let tree = parser.parse(w, u, x);
        assert_eq!(tree.len(), w.len());
        if !w.is_empty() {
            assert_eq!(tree.iter().filter(|t| t.0 == 0).count(), 1);
        }
        assert_eq!(tree, parser.parse_uncached(w, u, x));
    }
}

#[test]
fn margin_prunes_without_breaking_trees() {
    let mut parser = Parser::embedded().unwrap();
    parser.set_beam(4);
    let dev = ewt_dev();
    let plain: Vec<_> = dev.iter().take(200).map(|e| owned(&parser, e)).collect();
    // A margin no score difference reaches keeps every item: the same parses.
    parser.set_beam_margin(Some(1e12));
    for (e, p) in dev.iter().zip(&plain) {
        assert_eq!(&owned(&parser, e), p);
    }
    // Margin 0 keeps only ties of the best: still one tree per sentence.
    parser.set_beam_margin(Some(0.0));
    for e in dev.iter().take(200) {
        let tree = parser.parse(&strs(&e.words), &strs(&e.upos), &strs(&e.xpos));
        assert_eq!(tree.len(), e.words.len());
        assert_eq!(tree.iter().filter(|t| t.0 == 0).count(), 1);
    }
}

#[test]
fn beam_training_records_its_width() {
    let dev = ewt_dev();
    let (train_set, held) = dev.split_at(300);
    let cfg = according_parser::TrainConfig {
        epochs: 2,
        beam: 3,
        min_updates: 0,
        min_updates_labeler: 0,
        ..Default::default()
    };
    let parser = according_parser::train(train_set, &held[..100], &cfg, |_| {}).unwrap();
    assert_eq!(parser.beam(), 3);
    let reloaded = Parser::from_bytes(&parser.to_bytes()).unwrap();
    assert_eq!(reloaded.beam(), 3);
    assert_eq!(reloaded.provenance()["beam"], 3);
    // Even from 300 sentences the globally trained model parses most heads right.
    let s = according_parser::evaluate(&reloaded, &held[..300]);
    assert!(s.uas() > 60.0, "UAS {}", s.uas());
}
