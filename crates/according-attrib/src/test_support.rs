//! Helpers shared by the unit tests.

use according_core::Doc;

/// `text` cleaned and segmented as the pipeline does, with its token texts.
pub(crate) fn view_of(text: &str) -> (Doc, Vec<String>) {
    let mut doc = Doc::new("t", "t", text);
    according_text::clean(&mut doc);
    according_text::segment(&mut doc);
    let words = doc.tokens.iter().map(|t| t.text.clone()).collect();
    (doc, words)
}

/// A hand-parsed view: (word, upos, deprel, head index or none).
pub(crate) fn parsed(words: &[(&str, &str, &str, Option<u32>)]) -> according_core::Doc {
    let text = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    let mut doc = according_core::Doc::new("t", "t", &text);
    let mut at = 0;
    for (w, upos, deprel, head) in words {
        doc.tokens.push(according_core::Token {
            span: according_core::Span::new(at, at + w.len()),
            text: w.to_string(),
            upos: Some(upos.to_string().into()),
            xpos: None,
            lemma: None,
            head: *head,
            deprel: Some(deprel.to_string().into()),
            sentence: 0,
        });
        at += w.len() + 1;
    }
    doc
}

/// A raw attribution for the rule tests (token ranges; score 1).
pub(crate) fn raw(
    cue: std::ops::Range<usize>,
    source: Vec<std::ops::Range<usize>>,
    content: Vec<std::ops::Range<usize>>,
) -> crate::tagging::RawAttribution {
    crate::tagging::RawAttribution {
        cue,
        score: 1.0,
        source,
        content,
    }
}

/// [`view_of`] with the given words' UPOS and lemma (the rest `NOUN`, lemma the lowercased
/// word).
pub(crate) fn tagged(
    text: &str,
    tags: &[(&str, &str, &str)],
) -> (according_core::Doc, Vec<String>) {
    let (mut doc, w) = view_of(text);
    for t in &mut doc.tokens {
        let (upos, lemma) = tags
            .iter()
            .find(|x| x.0 == t.text)
            .map_or(("NOUN", t.text.to_lowercase()), |x| (x.1, x.2.to_string()));
        t.upos = Some(upos.to_string().into());
        t.lemma = Some(lemma);
    }
    (doc, w)
}
