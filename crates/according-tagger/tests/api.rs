//! The public API and the pipeline component on small inputs, including hostile ones.
use according_core::{Component, Doc, Sentence, Span, Token};
use according_tagger::Tagger;

#[test]
fn tags_and_lemmatizes_a_sentence() {
    let t = Tagger::embedded().unwrap();
    let tags = t.tag(&["She", "has", "n't", "bought", "the", "houses", "."]);
    let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
    assert_eq!(
        upos,
        ["PRON", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"]
    );
    assert_eq!(tags[1].lemma, "have");
    assert_eq!(tags[2].lemma, "not");
    assert_eq!(tags[3].lemma, "buy");
    assert_eq!(tags[5].lemma, "house");
    assert_eq!(tags[5].xpos, "NNS");
}

#[test]
fn odd_input_does_not_panic() {
    let t = Tagger::embedded().unwrap();
    assert!(t.tag(&[]).is_empty());
    let long = "x".repeat(100_000);
    let weird = [
        "",
        " ",
        "\u{0}",
        "ǅ",
        "🙂🙂",
        &long,
        "İstanbul",
        "1,000.5",
        "--",
    ];
    assert_eq!(t.tag(&weird).len(), weird.len());
}

#[test]
fn loads_from_a_file_and_rejects_garbage() {
    let dir = std::env::temp_dir().join(format!("according-tagger-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = Tagger::embedded().unwrap().to_model_file().to_bytes();
    std::fs::write(dir.join("tagger.bin"), &bytes).unwrap();
    assert!(Tagger::load(&dir).is_ok());
    assert!(Tagger::from_bytes(&bytes[..bytes.len() / 3]).is_err());
    assert!(Tagger::from_bytes(b"ACCORDM1garbage").is_err());
    assert!(Tagger::load(&dir.join("missing.bin")).is_err());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn component_fills_tokens_per_sentence() {
    let t = Tagger::embedded().unwrap();
    let mut doc = Doc::new("d", "test", "Prices rose. He said so.");
    let words = [
        ("Prices", 0),
        ("rose", 0),
        (".", 0),
        ("He", 1),
        ("said", 1),
        ("so", 1),
        (".", 1),
    ];
    let mut pos = 0;
    for (w, s) in words {
        let start = doc.text[pos..].find(w).unwrap() + pos;
        pos = start + w.len();
        doc.tokens.push(Token {
            span: Span::new(start, pos),
            text: w.to_string(),
            upos: None,
            xpos: None,
            lemma: None,
            head: None,
            deprel: None,
            sentence: s,
        });
    }
    doc.sentences.push(Sentence {
        span: Span::new(0, 12),
    });
    doc.sentences.push(Sentence {
        span: Span::new(13, doc.text.len()),
    });
    t.process(&mut doc).unwrap();
    assert_eq!(doc.tokens[4].upos.as_deref(), Some("VERB"));
    assert_eq!(doc.tokens[4].lemma.as_deref(), Some("say"));
    assert_eq!(doc.tokens[0].lemma.as_deref(), Some("price"));
    assert!(doc.tokens.iter().all(|t| t.xpos.is_some()));
}
