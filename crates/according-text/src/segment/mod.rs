//! Segmentation: sentences and UD-style tokens, on the cleaned view, mapped to the original.

pub mod abbrev;
pub mod sentences;
pub mod tokens;

use according_core::{Component, Doc, DocError, Sentence, Span, Token};

pub use sentences::{split_sentences, split_sentences_into};
pub use tokens::{tokenize_into, tokenize_sentence};

/// Fill `doc.sentences` and `doc.tokens` from `doc.clean_text()`; spans point into the original
/// text, `Token::text` is the cleaned form. Replaces any earlier segmentation.
pub fn segment(doc: &mut Doc) {
    let text = doc.clean_text();
    let sents = split_sentences(text);
    let mut sentences = Vec::with_capacity(sents.len());
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut spans = Vec::new();
    let mut prev_end = 0usize;
    for (a, b) in sents {
        spans.clear();
        tokenize_into(&text[a..b], a, &mut spans);
        if spans.is_empty() {
            continue;
        }
        let s_idx = sentences.len() as u32;
        let sent = doc.clean_to_original(Span::new(a, b));
        // Mapping through replaced pieces can make neighbours touch the same original bytes;
        // keep everything ordered and non-overlapping.
        let sent = Span::new(
            sent.start.max(prev_end),
            sent.end.max(sent.start.max(prev_end)),
        );
        for &(ta, tb) in &spans {
            let o = doc.clean_to_original(Span::new(ta, tb));
            let start = o.start.max(prev_end).max(sent.start).min(sent.end);
            let end = o.end.max(start).min(sent.end);
            prev_end = end;
            tokens.push(Token {
                span: Span::new(start, end),
                text: text[ta..tb].to_string(),
                sentence: s_idx,
                ..Default::default()
            });
        }
        prev_end = prev_end.max(sent.end);
        sentences.push(Sentence { span: sent });
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
}

/// The segmentation stage as a pipeline [`Component`].
#[derive(Debug, Default, Clone, Copy)]
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn process(&self, doc: &mut Doc) -> Result<(), DocError> {
        segment(doc);
        Ok(())
    }
}
