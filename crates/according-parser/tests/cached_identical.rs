//! The decoder caches per-token sums of static transition templates; this must not change a
//! single parse. Compares the cached path with the uncached reference on real sentences
//! (UD English EWT dev with the embedded tagger's tags and with gold tags, GUM dev with gold
//! tags) and on a few odd inputs: every head and every label must agree.
use according_parser::{read_examples, Example, Parser};
use according_tagger::Tagger;
use std::path::PathBuf;

fn ud(file: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud"
    ))
    .join(file)
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Number of sentences whose cached and uncached parses differ (the first few printed).
fn count_differences(parser: &Parser, examples: &[Example]) -> usize {
    let mut differ = 0;
    for e in examples {
        let (w, u, x) = (strs(&e.words), strs(&e.upos), strs(&e.xpos));
        let cached = parser.parse(&w, &u, &x);
        let reference = parser.parse_uncached(&w, &u, &x);
        if cached != reference {
            if differ < 3 {
                eprintln!(
                    "differs: {:?}\n  cached    {cached:?}\n  reference {reference:?}",
                    e.words
                );
            }
            differ += 1;
        }
    }
    differ
}

#[test]
fn cached_decoding_gives_identical_trees() {
    let parser = Parser::embedded().unwrap();
    let tagger = Tagger::embedded().unwrap();
    let ewt_gold = read_examples(&[ud("en_ewt-ud-dev.conllu")]).unwrap();
    let ewt_tagged: Vec<Example> = ewt_gold
        .iter()
        .cloned()
        .map(|e| {
            let tags = tagger.tag(&e.words());
            let upos = tags.iter().map(|t| t.upos.to_string()).collect();
            let xpos = tags.iter().map(|t| t.xpos.to_string()).collect();
            e.with_tags(upos, xpos)
        })
        .collect();
    let gum_gold = read_examples(&[ud("en_gum-dev.conllu")]).unwrap();
    assert!(ewt_gold.len() > 1500 && gum_gold.len() > 500);
    let mut differ = 0;
    for set in [&ewt_tagged, &ewt_gold, &gum_gold] {
        differ += count_differences(&parser, set);
    }
    assert_eq!(differ, 0, "sentences whose cached parse differs");
}

#[test]
fn cached_decoding_matches_on_odd_input() {
    let parser = Parser::embedded().unwrap();
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
    ];
    for (w, u, x) in &cases {
        assert_eq!(parser.parse(w, u, x), parser.parse_uncached(w, u, x));
    }
}
