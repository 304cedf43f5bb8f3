//! Segmentation: sentences and UD-style tokens, on the cleaned view, mapped to the original.

pub mod abbrev;
pub mod sentences;
pub mod tokens;

use according_core::{Component, Doc, DocError, Sentence, Span, Token};

pub use sentences::{split_sentences, split_sentences_into};
pub use tokens::{tokenize_into, tokenize_sentence};

/// The longest sentence kept whole, in tokens. A longer one (a list or table without a full
/// stop, text with no punctuation at all) is cut into pieces of at most this many, at a comma,
/// semicolon, colon or dash where one comes late enough in the piece: no parse is worth
/// anything across 400 words, and later stages weigh pairs of cues within a sentence, so one
/// sentence of 20,000 words took seconds and most of a gigabyte. (The longest sentence of
/// BBC 2005 has 342 tokens, of PolNeAR 222.)
pub const MAX_SENTENCE_TOKENS: usize = 400;

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
        let mut rest = &spans[..];
        while !rest.is_empty() {
            let n = piece_len(text, rest);
            let (piece, after) = rest.split_at(n);
            rest = after;
            // A piece runs from the sentence's start (the first) to the next piece's first
            // token (all but the last).
            let start = if piece.as_ptr() == spans.as_ptr() {
                a
            } else {
                piece[0].0
            };
            let end = rest.first().map_or(b, |t| t.0);
            let s_idx = sentences.len() as u32;
            let sent = doc.clean_to_original(Span::new(start, end));
            // Mapping through replaced pieces can make neighbours touch the same original
            // bytes; keep everything ordered and non-overlapping.
            let sent = Span::new(
                sent.start.max(prev_end),
                sent.end.max(sent.start.max(prev_end)),
            );
            for &(ta, tb) in piece {
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
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
}

/// How many of a sentence's `tokens` (clean-text spans) its next piece takes: all when at
/// most [`MAX_SENTENCE_TOKENS`]; else up to the last comma, semicolon, colon or dash in the
/// last quarter of the longest piece, or the longest piece.
fn piece_len(text: &str, tokens: &[(usize, usize)]) -> usize {
    if tokens.len() <= MAX_SENTENCE_TOKENS {
        return tokens.len();
    }
    (MAX_SENTENCE_TOKENS * 3 / 4..MAX_SENTENCE_TOKENS)
        .rev()
        .find(|&k| {
            matches!(
                &text[tokens[k - 1].0..tokens[k - 1].1],
                "," | ";" | ":" | "-" | "–" | "—"
            )
        })
        .unwrap_or(MAX_SENTENCE_TOKENS)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn segmented(text: &str) -> Doc {
        let mut doc = Doc::new("t", "t", text.to_string());
        segment(&mut doc);
        doc
    }

    #[test]
    fn a_sentence_too_long_is_cut_into_pieces_at_commas() {
        // 2,000 words with a comma after every 7th and no full stop.
        let text: String = (0..2000)
            .map(|i| if i % 7 == 6 { "word, " } else { "word " })
            .collect();
        let doc = segmented(&text);
        let n = doc.tokens.len();
        assert_eq!(n, 2000 + 2000 / 7);
        assert!(doc.sentences.len() >= n.div_ceil(MAX_SENTENCE_TOKENS));
        let mut counts = vec![0usize; doc.sentences.len()];
        for t in &doc.tokens {
            counts[t.sentence as usize] += 1;
        }
        assert!(counts.iter().all(|&c| c > 0 && c <= MAX_SENTENCE_TOKENS));
        // Every piece but the last ends at a comma, and the pieces tile the text in order.
        let mut last = 0;
        for (k, s) in doc.sentences.iter().enumerate() {
            assert!(s.span.start >= last && s.span.end >= s.span.start);
            last = s.span.end;
            let final_token = doc
                .tokens
                .iter()
                .rev()
                .find(|t| t.sentence as usize == k)
                .unwrap();
            if k + 1 < doc.sentences.len() {
                assert_eq!(final_token.text, ",");
            }
            assert!(s.span.contains(final_token.span));
        }
    }

    #[test]
    fn a_long_sentence_without_punctuation_is_cut_at_the_limit() {
        let text = "word ".repeat(1000);
        let doc = segmented(&text);
        let mut counts = vec![0usize; doc.sentences.len()];
        for t in &doc.tokens {
            counts[t.sentence as usize] += 1;
        }
        assert_eq!(counts, vec![400, 400, 200]);
    }

    #[test]
    fn sentences_within_the_limit_are_kept_whole() {
        let text = format!("{}end. Next one.", "word ".repeat(MAX_SENTENCE_TOKENS - 2));
        let doc = segmented(&text);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(
            doc.sentences[0].span.slice(&text).trim_end(),
            format!("{}end.", "word ".repeat(MAX_SENTENCE_TOKENS - 2))
        );
    }
}
