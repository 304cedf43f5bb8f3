//! Silver data for uptraining: the teacher's trees over the run-time tokens and tags, the
//! sentence filter, and a CoNLL-U round trip.
use according_core::{Component, Doc};
use according_parser::silver::{silver_from_doc, to_conllu};
use according_parser::{Example, Parser, SilverFilter};

fn tagged_doc(text: &str) -> Doc {
    let mut doc = Doc::new("d", "inline", text);
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    according_tagger::Tagger::embedded()
        .unwrap()
        .process(&mut doc)
        .unwrap();
    doc
}

const TEXT: &str = "Officials said the talks had failed. Sport. \
    Markets fell sharply in Tokyo on Monday, traders said.";

/// The embedded parser's silver of `doc` under the default filter, and how many sentences
/// it saw.
fn default_silver(doc: &according_core::Doc) -> (Vec<Example>, usize) {
    let teacher = Parser::embedded().unwrap();
    let (mut out, mut seen) = (Vec::new(), 0);
    silver_from_doc(&teacher, doc, &SilverFilter::default(), &mut out, &mut seen);
    (out, seen)
}

#[test]
fn silver_holds_the_teachers_trees_of_the_kept_sentences() {
    let doc = tagged_doc(TEXT);
    let (out, seen) = default_silver(&doc);
    assert_eq!(seen, doc.sentence_token_ranges().len());
    // "Sport." is too short and has no verb.
    assert_eq!(out.len(), 2, "{out:?}");
    let teacher = Parser::embedded().unwrap();
    for ex in &out {
        let w = ex.words();
        let u: Vec<&str> = ex.upos.iter().map(String::as_str).collect();
        let x: Vec<&str> = ex.xpos.iter().map(String::as_str).collect();
        let tree = teacher.parse(&w, &u, &x);
        assert_eq!(ex.heads, tree.iter().map(|t| t.0).collect::<Vec<_>>());
        assert_eq!(ex.deprels, tree.iter().map(|t| t.1).collect::<Vec<_>>());
        assert!(ex.upos.iter().any(|u| u == "VERB" || u == "AUX"));
    }
    assert_eq!(out[0].words[..2], ["Officials", "said"]);
}

#[test]
fn filter_bounds_length_and_can_keep_verbless_sentences() {
    let doc = tagged_doc(TEXT);
    let teacher = Parser::embedded().unwrap();
    let run = |filter: SilverFilter| {
        let (mut out, mut seen) = (Vec::new(), 0);
        silver_from_doc(&teacher, &doc, &filter, &mut out, &mut seen);
        out.iter().map(|e| e.words.len()).collect::<Vec<_>>()
    };
    let all = run(SilverFilter {
        min_words: 1,
        max_words: 1000,
        require_verb: false,
    });
    assert_eq!(all.len(), 3);
    let short = run(SilverFilter {
        min_words: 1,
        max_words: 8,
        require_verb: false,
    });
    assert!(
        short.iter().all(|&n| n <= 8) && short.len() == 2,
        "{short:?}"
    );
}

#[test]
fn silver_conllu_reads_back_as_the_same_examples() {
    let doc = tagged_doc(TEXT);
    let (out, _) = default_silver(&doc);
    let text = to_conllu(&out);
    let back: Vec<Example> = according_ml::conllu::parse_str(&text)
        .unwrap()
        .iter()
        .map(Example::from_conllu)
        .collect();
    assert_eq!(back.len(), out.len());
    for (a, b) in back.iter().zip(&out) {
        assert_eq!(
            (&a.words, &a.upos, &a.xpos, &a.heads, &a.deprels),
            (&b.words, &b.upos, &b.xpos, &b.heads, &b.deprels)
        );
    }
}
