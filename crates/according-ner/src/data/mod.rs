//! Training and evaluation data: UniversalNER IOB2 files and GUM's `Entity=` annotations,
//! both read into the same [`Document`] / [`Sentence`] shape.

pub mod gum;
pub mod iob2;
pub mod silver;

use crate::labels::TokenSpan;

/// One sentence of words with its gold entity spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub spans: Vec<TokenSpan>,
}

/// A document: sentences in order (document-level features need the order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn n_tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Drop a leading `the`/`The` from spans: UniversalNER mostly leaves it out of names, and
/// both training and scoring use this one convention.
pub fn strip_leading_the(words: &[String], spans: &mut Vec<TokenSpan>) {
    for s in spans.iter_mut() {
        if s.end - s.start > 1 && words[s.start].eq_ignore_ascii_case("the") {
            s.start += 1;
        }
    }
    spans.retain(|s| s.start < s.end);
}
