//! The parser always returns one well-formed tree per sentence, whatever the input, and
//! works as a pipeline component.
use according_core::{Component, Doc, Sentence, Span, Token};
use according_ml::rng::Rng;
use according_parser::Parser;

/// Every word reaches the root, with exactly one root.
fn assert_tree(tree: &[(u32, &str)]) {
    let n = tree.len() as u32;
    assert_eq!(tree.iter().filter(|t| t.0 == 0).count(), 1, "{tree:?}");
    for start in 1..=n {
        let mut k = start;
        for _ in 0..=n {
            if k == 0 {
                break;
            }
            assert!(k <= n);
            k = tree[k as usize - 1].0;
        }
        assert_eq!(k, 0, "cycle in {tree:?}");
    }
    for (i, (h, l)) in tree.iter().enumerate() {
        assert_ne!(*h, i as u32 + 1);
        assert_eq!(*h == 0, *l == "root", "{tree:?}");
    }
}

#[test]
fn random_input_gives_trees() {
    let parser = Parser::embedded().unwrap();
    let vocab = [
        "the", "said", ",", "\u{201c}", "Obama", "", "🙂", "of", "x\u{0}y", "42", ".",
    ];
    let tags = [
        ("DET", "DT"),
        ("VERB", "VBD"),
        ("PUNCT", ","),
        ("PROPN", "NNP"),
        ("X", "??"),
        ("", ""),
    ];
    let mut rng = Rng::new(7);
    for len in (1..60).chain([300, 2000]) {
        let words: Vec<&str> = (0..len).map(|_| vocab[rng.below(vocab.len())]).collect();
        let (upos, xpos): (Vec<&str>, Vec<&str>) =
            (0..len).map(|_| tags[rng.below(tags.len())]).unzip();
        assert_tree(&parser.parse(&words, &upos, &xpos));
        // Tag lists of the wrong length are tolerated.
        assert_tree(&parser.parse(&words, &upos[..len / 2], &[]));
    }
    assert!(parser.parse(&[], &[], &[]).is_empty());
}

#[test]
fn parses_a_simple_sentence() {
    let parser = Parser::embedded().unwrap();
    let tree = parser.parse(
        &["The", "minister", "said", "the", "plan", "was", "dead", "."],
        &["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
        &["DT", "NN", "VBD", "DT", "NN", "VBD", "JJ", "."],
    );
    assert_eq!(tree[2], (0, "root"));
    assert_eq!(tree[1], (3, "nsubj"));
    assert_eq!(tree[6], (3, "ccomp"));
    assert_eq!(tree[4], (7, "nsubj"));
}

fn token(text: &str, start: usize, sentence: u32, tags: Option<(&str, &str)>) -> Token {
    Token {
        span: Span::new(start, start + text.len()),
        text: text.to_string(),
        upos: tags.map(|t| t.0.to_string().into()),
        xpos: tags.map(|t| t.1.to_string().into()),
        sentence,
        ..Default::default()
    }
}

#[test]
fn component_writes_document_level_heads() {
    let parser = Parser::embedded().unwrap();
    let text = "He left. She said it.";
    let mut doc = Doc::new("d", "test", text);
    doc.sentences = vec![
        Sentence {
            span: Span::new(0, 8),
        },
        Sentence {
            span: Span::new(9, 21),
        },
    ];
    let toks = [
        ("He", 0, 0, ("PRON", "PRP")),
        ("left", 3, 0, ("VERB", "VBD")),
        (".", 7, 0, ("PUNCT", ".")),
        ("She", 9, 1, ("PRON", "PRP")),
        ("said", 13, 1, ("VERB", "VBD")),
        ("it", 18, 1, ("PRON", "PRP")),
        (".", 20, 1, ("PUNCT", ".")),
    ];
    doc.tokens = toks
        .iter()
        .map(|&(t, s, k, tags)| token(t, s, k, Some(tags)))
        .collect();
    parser.process(&mut doc).unwrap();
    let heads: Vec<Option<u32>> = doc.tokens.iter().map(|t| t.head).collect();
    assert_eq!(
        heads,
        vec![Some(1), None, Some(1), Some(4), None, Some(4), Some(4)]
    );
    assert_eq!(doc.tokens[4].deprel.as_deref(), Some("root"));
    assert_eq!(doc.tokens[5].deprel.as_deref(), Some("obj"));

    // Untagged tokens: a clear per-document error, no panic.
    let mut bad = Doc::new("b", "test", "Hi");
    bad.sentences = vec![Sentence {
        span: Span::new(0, 2),
    }];
    bad.tokens = vec![token("Hi", 0, 0, None)];
    let err = parser.process(&mut bad).unwrap_err();
    assert!(err.reason.contains("tagger"));
}
