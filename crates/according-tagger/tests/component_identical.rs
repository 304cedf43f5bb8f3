//! The pipeline stage (per sentence: tags, then lemmas from the words' hashes) writes exactly
//! what the plain API gives for each sentence, and the lemmas [`Tagger::lemma`] gives from
//! the strings, on BBC articles.
use according_core::{Component, Doc, Sentence, Span, Token};
use according_tagger::clusters::simple_sentences;
use according_tagger::Tagger;

#[test]
fn component_equals_plain_api_on_bbc() {
    let tagger = Tagger::embedded().unwrap();
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/bbc-2005/politics"
    );
    let mut tokens = 0;
    for i in 1..=20 {
        let text = std::fs::read_to_string(format!("{dir}/{i:03}.txt")).expect("BBC data");
        let sents = simple_sentences(&text);
        let mut doc = Doc::new("d", "test", "");
        let mut body = String::new();
        for (s, words) in sents.iter().enumerate() {
            let start = body.len();
            for w in words {
                let a = body.len();
                body.push_str(w);
                doc.tokens.push(Token {
                    span: Span::new(a, body.len()),
                    text: w.clone(),
                    upos: None,
                    xpos: None,
                    lemma: None,
                    head: None,
                    deprel: None,
                    sentence: s as u32,
                });
                body.push(' ');
            }
            doc.sentences.push(Sentence {
                span: Span::new(start, body.len()),
            });
        }
        doc.text = body;
        tagger.process(&mut doc).unwrap();
        let mut k = 0;
        for words in &sents {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            for t in tagger.tag(&refs) {
                let got = &doc.tokens[k];
                assert_eq!(got.upos.as_deref(), Some(t.upos), "{}", got.text);
                assert_eq!(got.xpos.as_deref(), Some(t.xpos), "{}", got.text);
                assert_eq!(got.lemma.as_deref(), Some(&*t.lemma), "{}", got.text);
                // ... and the lemma the lemmatizer gives from the strings alone.
                let alone = tagger.lemma(&got.text, t.xpos);
                assert_eq!(got.lemma.as_deref(), Some(&*alone), "{}", got.text);
                k += 1;
            }
        }
        tokens += k;
    }
    assert!(tokens > 5_000, "only {tokens} tokens");
}
